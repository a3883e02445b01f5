package verify

import (
	"context"
	"net/http"

	"github.com/leakstop/leakstop/detect"
)

// DigitalOcean checks tokens with GET /v2/account, the token as a Bearer
// token: 200 describes the account (its email); 401 ("unauthorized")
// means the token does not work.
type DigitalOcean struct{}

var _ Verifier = DigitalOcean{}

// Name implements Verifier.
func (DigitalOcean) Name() string { return "digitalocean" }

// Rules implements Verifier.
func (DigitalOcean) Rules() []string { return []string{"digitalocean-pat", "digitalocean-oauth-token"} }

// Endpoints implements Verifier.
func (DigitalOcean) Endpoints() []string { return []string{"https://api.digitalocean.com"} }

// Check implements Verifier.
func (DigitalOcean) Check(ctx context.Context, c *Client, req *Request) detect.Verification {
	var out struct {
		Account struct {
			Email string `json:"email"`
			UUID  string `json:"uuid"`
		} `json:"account"`
	}
	resp, v, ok := getJSON(ctx, c, "/v2/account", map[string]string{"Authorization": "Bearer " + string(req.Secret)}, &out, http.StatusUnauthorized)
	if !ok {
		return v
	}
	switch {
	case out.Account.Email != "":
		return verified(out.Account.Email, nil)
	case out.Account.UUID != "":
		return verified(out.Account.UUID, nil)
	}
	return unexpected(resp)
}
