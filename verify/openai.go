package verify

import (
	"context"
	"net/http"

	"github.com/leakstop/leakstop/detect"
)

// OpenAI checks API keys with GET /v1/models (an admin key with GET
// /v1/organization/projects), the key as a Bearer token: 200 means it
// works, 401 (invalid_api_key) that it does not. 429 (rate limits and
// exhausted quota alike) says nothing.
type OpenAI struct{}

var _ Verifier = OpenAI{}

// Name implements Verifier.
func (OpenAI) Name() string { return "openai" }

// Rules implements Verifier.
func (OpenAI) Rules() []string {
	return []string{"openai-project-key", "openai-service-account-key", "openai-legacy-key", "openai-admin-key"}
}

// Endpoints implements Verifier.
func (OpenAI) Endpoints() []string { return []string{"https://api.openai.com"} }

// Check implements Verifier.
func (OpenAI) Check(ctx context.Context, c *Client, req *Request) detect.Verification {
	path, account := "/v1/models", "API key"
	if req.RuleID == "openai-admin-key" {
		path, account = "/v1/organization/projects?limit=1", "admin key"
	}
	var out struct {
		Object string `json:"object"`
	}
	resp, v, ok := getJSON(ctx, c, path, map[string]string{"Authorization": "Bearer " + string(req.Secret)}, &out, http.StatusUnauthorized)
	if !ok {
		return v
	}
	if out.Object != "list" {
		return unexpected(resp)
	}
	return verified(account, nil)
}
