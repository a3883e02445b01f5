package verify

import (
	"context"
	"net/http"

	"github.com/leakstop/leakstop/detect"
)

// GitLab checks personal access tokens with GET
// /api/v4/personal_access_tokens/self and the PRIVATE-TOKEN header: 200
// describes the token (name, scopes, active); 401 means gitlab.com does
// not accept it. A token of a self-managed instance is checked at
// gitlab.com only, where it is refused.
type GitLab struct{}

var _ Verifier = GitLab{}

// Name implements Verifier.
func (GitLab) Name() string { return "gitlab" }

// Rules implements Verifier.
func (GitLab) Rules() []string { return []string{"gitlab-pat", "gitlab-pat-routable"} }

// Endpoints implements Verifier.
func (GitLab) Endpoints() []string { return []string{"https://gitlab.com"} }

// Check implements Verifier.
func (GitLab) Check(ctx context.Context, c *Client, req *Request) detect.Verification {
	var out struct {
		Name    string   `json:"name"`
		Scopes  []string `json:"scopes"`
		Active  *bool    `json:"active"`
		Revoked bool     `json:"revoked"`
		UserID  int      `json:"user_id"`
	}
	resp, v, ok := getJSON(ctx, c, "/api/v4/personal_access_tokens/self",
		map[string]string{"PRIVATE-TOKEN": string(req.Secret)}, &out, http.StatusUnauthorized)
	if !ok {
		if v.Result == detect.VerifyInvalid {
			v.Reason = "rejected by gitlab.com (HTTP 401)"
		}
		return v
	}
	switch {
	case out.Active == nil:
		return unexpected(resp)
	case out.Revoked || !*out.Active:
		return invalid("gitlab.com says the token is revoked or expired")
	}
	return verified(out.Name, out.Scopes)
}
