package verify

import (
	"context"
	"net/http"

	"github.com/leakstop/leakstop/detect"
)

// Slack checks tokens with the auth.test method (POST
// https://slack.com/api/auth.test, the token as a Bearer header). Slack
// answers 200 with {"ok": true, "team", "user", "url"} for a working
// token, and the token's scopes in X-OAuth-Scopes; {"ok": false} with
// invalid_auth, token_revoked, token_expired, account_inactive or
// not_authed for one that does not; ratelimited (429) and other errors
// say nothing about it.
type Slack struct{}

var _ Verifier = Slack{}

// Name implements Verifier.
func (Slack) Name() string { return "slack" }

// Rules implements Verifier.
func (Slack) Rules() []string {
	return []string{"slack-bot-token", "slack-user-token", "slack-legacy-workspace-token"}
}

// Endpoints implements Verifier.
func (Slack) Endpoints() []string { return []string{"https://slack.com"} }

// slackRefusals are auth.test's errors that mean the token does not work.
var slackRefusals = map[string]string{
	"invalid_auth":     "Slack: invalid_auth (the token is not valid, or not from this address)",
	"not_authed":       "Slack: not_authed",
	"token_revoked":    "Slack: token_revoked",
	"token_expired":    "Slack: token_expired",
	"account_inactive": "Slack: account_inactive (the user or app was deleted or deactivated)",
}

// Check implements Verifier.
func (Slack) Check(ctx context.Context, c *Client, req *Request) detect.Verification {
	r, err := c.NewRequest(http.MethodPost, c.Base(), "/api/auth.test", nil)
	if err != nil {
		return unknown(err.Error())
	}
	r.Header.Set("Authorization", "Bearer "+string(req.Secret))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	var out struct {
		OK    *bool  `json:"ok"`
		Error string `json:"error"`
		Team  string `json:"team"`
		User  string `json:"user"`
		URL   string `json:"url"`
	}
	resp, v, ok := decode(ctx, c, r, &out)
	if !ok {
		return v
	}
	switch {
	case out.OK == nil:
		return unexpected(resp)
	case *out.OK:
		account := out.User
		if out.Team != "" {
			account += " in " + out.Team
		}
		return verified(account, splitScopes(resp.Header.Get("X-OAuth-Scopes")))
	}
	if why, refused := slackRefusals[out.Error]; refused {
		return invalid(why)
	}
	if out.Error == "" {
		return unexpected(resp)
	}
	return unknown("Slack: " + out.Error)
}
