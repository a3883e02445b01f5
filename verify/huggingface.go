package verify

import (
	"context"
	"net/http"

	"github.com/leakstop/leakstop/detect"
)

// HuggingFace checks access tokens with GET /api/whoami-v2, the token as a
// Bearer token: 200 names the user (or organization) and the token's role;
// 401 means the token does not work.
type HuggingFace struct{}

var _ Verifier = HuggingFace{}

// Name implements Verifier.
func (HuggingFace) Name() string { return "huggingface" }

// Rules implements Verifier.
func (HuggingFace) Rules() []string { return []string{"huggingface-access-token"} }

// Endpoints implements Verifier.
func (HuggingFace) Endpoints() []string { return []string{"https://huggingface.co"} }

// Check implements Verifier.
func (HuggingFace) Check(ctx context.Context, c *Client, req *Request) detect.Verification {
	var out struct {
		Name string `json:"name"`
		Auth struct {
			AccessToken struct {
				Role string `json:"role"`
			} `json:"accessToken"`
		} `json:"auth"`
	}
	resp, v, ok := getJSON(ctx, c, "/api/whoami-v2", map[string]string{"Authorization": "Bearer " + string(req.Secret)}, &out, http.StatusUnauthorized)
	if !ok {
		return v
	}
	if out.Name == "" {
		return unexpected(resp)
	}
	var scopes []string
	if r := out.Auth.AccessToken.Role; r != "" {
		scopes = []string{r}
	}
	return verified(out.Name, scopes)
}
