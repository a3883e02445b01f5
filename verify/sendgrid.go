package verify

import (
	"context"
	"net/http"
	"strconv"

	"github.com/leakstop/leakstop/detect"
)

// SendGrid checks API keys with GET /v3/scopes, which lists the scopes of
// the key that calls it (Bearer): 200 means the key works; 401 that it
// does not.
type SendGrid struct{}

var _ Verifier = SendGrid{}

// Name implements Verifier.
func (SendGrid) Name() string { return "sendgrid" }

// Rules implements Verifier.
func (SendGrid) Rules() []string { return []string{"sendgrid-api-key"} }

// Endpoints implements Verifier.
func (SendGrid) Endpoints() []string { return []string{"https://api.sendgrid.com"} }

// Check implements Verifier.
func (SendGrid) Check(ctx context.Context, c *Client, req *Request) detect.Verification {
	var out struct {
		Scopes *[]string `json:"scopes"`
	}
	resp, v, ok := getJSON(ctx, c, "/v3/scopes", map[string]string{"Authorization": "Bearer " + string(req.Secret)}, &out, http.StatusUnauthorized)
	if !ok {
		return v
	}
	if out.Scopes == nil {
		return unexpected(resp)
	}
	return verified("API key", capScopes(*out.Scopes))
}

// maxScopes bounds the scopes a result lists: some keys hold hundreds.
const maxScopes = 20

// capScopes keeps the first maxScopes scopes and says how many more.
func capScopes(s []string) []string {
	if len(s) <= maxScopes {
		return s
	}
	return append(s[:maxScopes:maxScopes], "…and "+strconv.Itoa(len(s)-maxScopes)+" more")
}
