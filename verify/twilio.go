package verify

import (
	"context"
	"net/http"
	"regexp"

	"github.com/leakstop/leakstop/detect"
)

// Twilio checks credentials with HTTP basic authentication against the
// 2010-04-01 REST API: an API key (its SK SID and secret, two findings)
// with GET /2010-04-01/Accounts.json, an account's auth token with GET
// /2010-04-01/Accounts/{AccountSid}.json, the account SID read next to the
// token. 200 means the pair works; 401 that it does not.
type Twilio struct{}

var _ Verifier = Twilio{}

// Name implements Verifier.
func (Twilio) Name() string { return "twilio" }

// Rules implements Verifier.
func (Twilio) Rules() []string {
	return []string{"twilio-api-key", "twilio-api-key-secret", "twilio-auth-token"}
}

// Endpoints implements Verifier.
func (Twilio) Endpoints() []string { return []string{"https://api.twilio.com"} }

// twilioPairLines is how far apart an API key's SID and secret may be.
const twilioPairLines = 5

// Companions implements companioned.
func (Twilio) Companions(ruleID string) []Companion {
	switch ruleID {
	case "twilio-api-key":
		return []Companion{{Name: "secret", Rules: []string{"twilio-api-key-secret"}, Within: twilioPairLines,
			Missing: "no API key secret next to it: Twilio checks a key SID only with its secret"}}
	case "twilio-api-key-secret":
		return []Companion{{Name: "sid", Rules: []string{"twilio-api-key"}, Within: twilioPairLines,
			Missing: "no API key SID (SK…) next to it: Twilio checks a secret only with its SID"}}
	}
	return nil
}

var twilioAccountSID = regexp.MustCompile(`\bAC[0-9a-f]{32}\b`)

// Hints implements hinter: the account SID written near an auth token.
func (Twilio) Hints(ruleID string, text []byte) map[string]string {
	if ruleID != "twilio-auth-token" {
		return nil
	}
	if m := twilioAccountSID.Find(text); m != nil {
		return map[string]string{"account_sid": string(m)}
	}
	return nil
}

// Check implements Verifier.
func (Twilio) Check(ctx context.Context, c *Client, req *Request) detect.Verification {
	var user, pass, path string
	switch req.RuleID {
	case "twilio-api-key":
		user, pass, path = string(req.Secret), string(req.Companions["secret"]), "/2010-04-01/Accounts.json?PageSize=1"
	case "twilio-api-key-secret":
		user, pass, path = string(req.Companions["sid"]), string(req.Secret), "/2010-04-01/Accounts.json?PageSize=1"
	default:
		sid := req.Hints["account_sid"]
		if sid == "" {
			return unknown("no account SID (AC…) next to it: Twilio checks an auth token only with its account")
		}
		user, pass, path = sid, string(req.Secret), "/2010-04-01/Accounts/"+sid+".json"
	}
	r, err := c.NewRequest(http.MethodGet, c.Base(), path, nil)
	if err != nil {
		return unknown(err.Error())
	}
	r.SetBasicAuth(user, pass)
	r.Header.Set("Accept", "application/json")
	var out struct {
		SID          string `json:"sid"`
		FriendlyName string `json:"friendly_name"`
		Accounts     []struct {
			SID          string `json:"sid"`
			FriendlyName string `json:"friendly_name"`
		} `json:"accounts"`
	}
	resp, v, ok := decode(ctx, c, r, &out, http.StatusUnauthorized)
	if !ok {
		return v
	}
	if out.SID == "" && len(out.Accounts) > 0 {
		out.SID, out.FriendlyName = out.Accounts[0].SID, out.Accounts[0].FriendlyName
	}
	if out.SID == "" {
		return unexpected(resp)
	}
	account := out.SID
	if out.FriendlyName != "" {
		account += " (" + out.FriendlyName + ")"
	}
	return verified(account, nil)
}
