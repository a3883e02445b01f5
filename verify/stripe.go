package verify

import (
	"context"
	"net/http"
	"strings"

	"github.com/leakstop/leakstop/detect"
)

// Stripe checks secret and restricted keys with GET /v1/account, the key
// as a Bearer token. Stripe documents 401 as "no valid API key provided"
// and 403 as "the API key doesn't have permissions to perform the
// request": a restricted key that works but may not read the account.
type Stripe struct{}

var _ Verifier = Stripe{}

// Name implements Verifier.
func (Stripe) Name() string { return "stripe" }

// Rules implements Verifier.
func (Stripe) Rules() []string { return []string{"stripe-secret-key", "stripe-restricted-key"} }

// Endpoints implements Verifier.
func (Stripe) Endpoints() []string { return []string{"https://api.stripe.com"} }

// Check implements Verifier.
func (Stripe) Check(ctx context.Context, c *Client, req *Request) detect.Verification {
	mode := "test mode"
	if strings.Contains(string(req.Secret), "_live_") {
		mode = "live mode"
	}
	var out struct {
		ID    string `json:"id"`
		Email string `json:"email"`
	}
	resp, v, ok := getJSON(ctx, c, "/v1/account",
		map[string]string{"Authorization": "Bearer " + string(req.Secret)}, &out, http.StatusUnauthorized)
	if !ok {
		if resp != nil && resp.Status == http.StatusForbidden {
			v = verified(mode, nil)
			v.Reason = "a restricted key: it works, without permission to read the account"
		}
		return v
	}
	if out.ID == "" {
		return unexpected(resp)
	}
	return verified(out.ID+" ("+mode+")", nil)
}
