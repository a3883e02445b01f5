package verify

import (
	"context"
	"net/http"

	"github.com/leakstop/leakstop/detect"
)

// Heroku checks API keys with the Platform API's GET /account (Accept:
// application/vnd.heroku+json; version=3, the key as a Bearer token): 200
// describes the account (its email); 401 ("unauthorized") means the key
// does not work.
type Heroku struct{}

var _ Verifier = Heroku{}

// Name implements Verifier.
func (Heroku) Name() string { return "heroku" }

// Rules implements Verifier.
func (Heroku) Rules() []string { return []string{"heroku-api-key", "heroku-api-key-v2"} }

// Endpoints implements Verifier.
func (Heroku) Endpoints() []string { return []string{"https://api.heroku.com"} }

// Check implements Verifier.
func (Heroku) Check(ctx context.Context, c *Client, req *Request) detect.Verification {
	r, err := c.NewRequest(http.MethodGet, c.Base(), "/account", nil)
	if err != nil {
		return unknown(err.Error())
	}
	r.Header.Set("Authorization", "Bearer "+string(req.Secret))
	r.Header.Set("Accept", "application/vnd.heroku+json; version=3")
	var out struct {
		Email string `json:"email"`
		ID    string `json:"id"`
	}
	resp, v, ok := decode(ctx, c, r, &out, http.StatusUnauthorized)
	if !ok {
		return v
	}
	if out.Email == "" && out.ID == "" {
		return unexpected(resp)
	}
	if out.Email == "" {
		return verified(out.ID, nil)
	}
	return verified(out.Email, nil)
}
