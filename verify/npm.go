package verify

import (
	"context"
	"net/http"

	"github.com/leakstop/leakstop/detect"
)

// NPM checks npm access tokens with the registry's GET /-/whoami, the token
// as a Bearer token: 200 names the user; 401 means the token does not
// work. Only npm_ tokens are checked: a legacy token in an .npmrc may be
// another registry's, and is never sent to npm.
type NPM struct{}

var _ Verifier = NPM{}

// Name implements Verifier.
func (NPM) Name() string { return "npm" }

// Rules implements Verifier.
func (NPM) Rules() []string { return []string{"npm-access-token"} }

// Endpoints implements Verifier.
func (NPM) Endpoints() []string { return []string{"https://registry.npmjs.org"} }

// Check implements Verifier.
func (NPM) Check(ctx context.Context, c *Client, req *Request) detect.Verification {
	var out struct {
		Username string `json:"username"`
	}
	resp, v, ok := getJSON(ctx, c, "/-/whoami", map[string]string{"Authorization": "Bearer " + string(req.Secret)}, &out, http.StatusUnauthorized)
	if !ok {
		return v
	}
	if out.Username == "" {
		return unexpected(resp)
	}
	return verified(out.Username, nil)
}
