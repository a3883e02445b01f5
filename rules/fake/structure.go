package fake

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"fmt"

	"github.com/leakstop/leakstop/rules"
)

// structureBuilders make tokens with a structure the regex cannot express
// (JWTs, macaroons, ...).
func structureBuilders() map[string]builder {
	return map[string]builder{
		"jwt":        buildJWT,
		"password":   buildAccepted("password"),
		"secret":     buildAccepted("secret"),
		"basic-auth": buildBasicAuth,
	}
}

// buildJWT makes an HS256-signed JWT (RFC 7519) with a subject, an issue
// and an expiry time, signed with a random key.
func buildJWT(g *Gen, r *rules.Rule) (string, error) {
	enc := base64.RawURLEncoding
	iat := 1_700_000_000 + g.IntN(50_000_000)
	header := enc.EncodeToString([]byte(`{"alg":"HS256","typ":"JWT"}`))
	payload := enc.EncodeToString([]byte(fmt.Sprintf(`{"sub":"user-%s","iat":%d,"exp":%d}`, g.String(Alnum, 8), iat, iat+3600)))
	mac := hmac.New(sha256.New, g.Bytes(32))
	mac.Write([]byte(header + "." + payload))
	return header + "." + payload + "." + enc.EncodeToString(mac.Sum(nil)), nil
}

// buildAccepted draws from the rule's secret group until the named
// validator, which rejects template markers, dictionary words and other
// stand-ins that random text can also hold, takes the value as a candidate.
func buildAccepted(validator string) builder {
	return func(g *Gen, r *rules.Rule) (string, error) {
		check, _ := rules.LookupValidator(validator)
		for i := 0; i < 1000; i++ {
			s, err := g.FromRegex(r)
			if err != nil {
				return "", err
			}
			if check([]byte(s)).Verdict != rules.Rejected {
				return s, nil
			}
		}
		return "", fmt.Errorf("rule %s: nothing the regex makes passes the %s validator", r.ID, validator)
	}
}

// buildBasicAuth encodes a user and a random password as an HTTP Basic
// credential (RFC 7617).
func buildBasicAuth(g *Gen, r *rules.Rule) (string, error) {
	creds := "svc-" + g.String("abcdefghijklmnopqrstuvwxyz", 6) + ":" + g.String(Alnum, 10) + g.String("!#%&*+-._~", 1) + g.String(Alnum, 5)
	return base64.StdEncoding.EncodeToString([]byte(creds)), nil
}
