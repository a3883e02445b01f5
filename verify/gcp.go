package verify

import (
	"bytes"
	"context"
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"errors"
	"net/http"
	"net/url"
	"regexp"
	"strings"

	"github.com/leakstop/leakstop/detect"
)

// GCP checks a service account key the way Google's client libraries use
// it: it signs a JWT (RS256; iss the account's email, aud Google's token
// URL) and exchanges it at https://oauth2.googleapis.com/token with the
// jwt-bearer grant. An access token in a 200 means the key works (the token
// is dropped at once); 400 or 401 invalid_grant with "Invalid JWT
// Signature" (the key was deleted) or an account that is not found means it
// does not; other refusals (a clock too far off) say nothing. The email is
// read from the key file beside the private key; the key file's own
// token_uri is never used.
type GCP struct{}

var _ Verifier = GCP{}

// Name implements Verifier.
func (GCP) Name() string { return "gcp" }

// Rules implements Verifier.
func (GCP) Rules() []string { return []string{"gcp-service-account-key"} }

// Endpoints implements Verifier.
func (GCP) Endpoints() []string { return []string{"https://oauth2.googleapis.com"} }

// gcpTokenURL is the audience of the assertion: Google's token endpoint,
// whatever endpoint the request goes to.
const gcpTokenURL = "https://oauth2.googleapis.com/token"

var gcpEmail = regexp.MustCompile(`"client_email"\s*:\s*"([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.gserviceaccount\.com)"`)

// Hints implements hinter: the key file's client_email.
func (GCP) Hints(_ string, text []byte) map[string]string {
	if m := gcpEmail.FindSubmatch(text); m != nil {
		return map[string]string{"client_email": string(m[1])}
	}
	return nil
}

// Check implements Verifier.
func (GCP) Check(ctx context.Context, c *Client, req *Request) detect.Verification {
	email := req.Hints["client_email"]
	if email == "" {
		return unknown("no client_email next to the key: Google checks a key only with its service account")
	}
	key, err := gcpKey(req.Secret)
	if err != nil {
		return unknown("the private key does not parse: " + err.Error())
	}
	assertion, err := gcpAssertion(key, email, c.Now().Unix())
	if err != nil {
		return unknown("signing the assertion: " + err.Error())
	}
	form := url.Values{"grant_type": {"urn:ietf:params:oauth:grant-type:jwt-bearer"}, "assertion": {assertion}}
	r, err := c.NewRequest(http.MethodPost, c.Base(), "/token", strings.NewReader(form.Encode()))
	if err != nil {
		return unknown(err.Error())
	}
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	r.Header.Set("Accept", "application/json")
	resp, v, ok := send(ctx, c, r)
	if !ok {
		return v
	}
	var out struct {
		AccessToken string `json:"access_token"`
		Error       string `json:"error"`
		Description string `json:"error_description"`
	}
	if err := json.Unmarshal(resp.Body, &out); err != nil {
		return unexpected(resp)
	}
	switch {
	case resp.Status == http.StatusOK && out.AccessToken != "":
		return verified(email, nil)
	case (resp.Status == http.StatusBadRequest || resp.Status == http.StatusUnauthorized) && out.Error == "invalid_grant":
		d := strings.ToLower(out.Description)
		if strings.Contains(d, "invalid jwt signature") || strings.Contains(d, "account not found") {
			return invalid("Google: " + out.Description)
		}
		return unknown("Google: invalid_grant: " + out.Description)
	case out.Error == "invalid_client" || out.Error == "unauthorized_client":
		return invalid("Google: " + out.Error)
	}
	return unexpected(resp)
}

// gcpKey parses the PEM of a key file's private_key, written with \n
// escapes as JSON holds it.
func gcpKey(secret []byte) (*rsa.PrivateKey, error) {
	text := bytes.ReplaceAll(secret, []byte(`\n`), []byte("\n"))
	block, _ := pem.Decode(text)
	if block == nil {
		return nil, errors.New("no PEM block")
	}
	k, err := x509.ParsePKCS8PrivateKey(block.Bytes)
	if err != nil {
		return nil, errors.New("not a PKCS #8 key")
	}
	rk, ok := k.(*rsa.PrivateKey)
	if !ok {
		return nil, errors.New("not an RSA key")
	}
	return rk, nil
}

// gcpAssertion is the signed JWT that asks for an access token.
func gcpAssertion(key *rsa.PrivateKey, email string, now int64) (string, error) {
	enc := base64.RawURLEncoding
	header, _ := json.Marshal(map[string]string{"alg": "RS256", "typ": "JWT"})
	claims, err := json.Marshal(map[string]any{
		"iss": email, "aud": gcpTokenURL, "iat": now, "exp": now + 600,
		"scope": "https://www.googleapis.com/auth/cloud-platform.read-only",
	})
	if err != nil {
		return "", err
	}
	signing := enc.EncodeToString(header) + "." + enc.EncodeToString(claims)
	sum := sha256.Sum256([]byte(signing))
	sig, err := rsa.SignPKCS1v15(rand.Reader, key, crypto.SHA256, sum[:])
	if err != nil {
		return "", err
	}
	return signing + "." + enc.EncodeToString(sig), nil
}
