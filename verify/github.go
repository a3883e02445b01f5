package verify

import (
	"context"
	"net/http"

	"github.com/leakstop/leakstop/detect"
)

// GitHub checks GitHub tokens with the REST API: GET /user ("get the
// authenticated user") for tokens that act as a user, GET
// /installation/repositories for an app installation's token. 200 means
// the token works (the login, and for classic tokens the scopes in
// X-OAuth-Scopes); 401 "Bad credentials" means it does not. A token of a
// GitHub Enterprise Server is checked at github.com only.
type GitHub struct{}

var _ Verifier = GitHub{}

// Name implements Verifier.
func (GitHub) Name() string { return "github" }

// Rules implements Verifier.
func (GitHub) Rules() []string {
	return []string{"github-pat", "github-fine-grained-pat", "github-oauth-token", "github-user-to-server-token", "github-app-installation-token"}
}

// Endpoints implements Verifier.
func (GitHub) Endpoints() []string { return []string{"https://api.github.com"} }

// Check implements Verifier.
func (GitHub) Check(ctx context.Context, c *Client, req *Request) detect.Verification {
	headers := map[string]string{
		"Authorization":        "Bearer " + string(req.Secret),
		"Accept":               "application/vnd.github+json",
		"X-GitHub-Api-Version": "2022-11-28",
	}
	if req.RuleID == "github-app-installation-token" {
		var out struct {
			TotalCount *int `json:"total_count"`
		}
		_, v, ok := getJSON(ctx, c, "/installation/repositories?per_page=1", headers, &out, http.StatusUnauthorized)
		if !ok {
			return v
		}
		if out.TotalCount == nil {
			return unknown("unexpected answer (no total_count)")
		}
		return verified("app installation", nil)
	}
	var out struct {
		Login string `json:"login"`
	}
	resp, v, ok := getJSON(ctx, c, "/user", headers, &out, http.StatusUnauthorized)
	if !ok {
		return v
	}
	if out.Login == "" {
		return unexpected(resp)
	}
	return verified(out.Login, splitScopes(resp.Header.Get("X-OAuth-Scopes")))
}
