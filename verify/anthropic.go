package verify

import (
	"context"
	"net/http"

	"github.com/leakstop/leakstop/detect"
)

// Anthropic checks API keys with GET /v1/models (an Admin API key with GET
// /v1/organizations/users), the key in the x-api-key header and the
// anthropic-version header set: 200 means the key works; 401
// (authentication_error) that it does not; 403 (permission_error) that it
// works without permission for that list.
type Anthropic struct{}

var _ Verifier = Anthropic{}

// Name implements Verifier.
func (Anthropic) Name() string { return "anthropic" }

// Rules implements Verifier.
func (Anthropic) Rules() []string { return []string{"anthropic-api-key", "anthropic-admin-key"} }

// Endpoints implements Verifier.
func (Anthropic) Endpoints() []string { return []string{"https://api.anthropic.com"} }

// Check implements Verifier.
func (Anthropic) Check(ctx context.Context, c *Client, req *Request) detect.Verification {
	path, account := "/v1/models?limit=1", "API key"
	if req.RuleID == "anthropic-admin-key" {
		path, account = "/v1/organizations/users?limit=1", "Admin API key"
	}
	var out struct {
		Data *[]any `json:"data"`
	}
	resp, v, ok := getJSON(ctx, c, path, map[string]string{
		"x-api-key":         string(req.Secret),
		"anthropic-version": "2023-06-01",
	}, &out, http.StatusUnauthorized)
	if !ok {
		if resp != nil && resp.Status == http.StatusForbidden {
			v = verified(account, nil)
			v.Reason = "it works, without permission to list " + path
		}
		return v
	}
	if out.Data == nil {
		return unexpected(resp)
	}
	return verified(account, nil)
}
