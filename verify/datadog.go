package verify

import (
	"context"
	"net/http"
	"strings"

	"github.com/leakstop/leakstop/detect"
)

// Datadog checks API keys with GET /api/v1/validate and the DD-API-KEY
// header, on each Datadog site in turn, since a key belongs to one site:
// {"valid": true} in a 200 means the key works; 403 on every site that it
// does not.
type Datadog struct{}

var _ Verifier = Datadog{}

// Name implements Verifier.
func (Datadog) Name() string { return "datadog" }

// Rules implements Verifier.
func (Datadog) Rules() []string { return []string{"datadog-api-key"} }

// Endpoints implements Verifier: the Datadog sites, the most used first.
func (Datadog) Endpoints() []string {
	return []string{
		"https://api.datadoghq.com", "https://api.datadoghq.eu", "https://api.us3.datadoghq.com",
		"https://api.us5.datadoghq.com", "https://api.ap1.datadoghq.com", "https://api.ap2.datadoghq.com",
		"https://api.ddog-gov.com",
	}
}

// Check implements Verifier.
func (Datadog) Check(ctx context.Context, c *Client, req *Request) detect.Verification {
	for _, base := range c.Bases() {
		r, err := c.NewRequest(http.MethodGet, base, "/api/v1/validate", nil)
		if err != nil {
			return unknown(err.Error())
		}
		r.Header.Set("DD-API-KEY", string(req.Secret))
		r.Header.Set("Accept", "application/json")
		var out struct {
			Valid *bool `json:"valid"`
		}
		resp, v, ok := decode(ctx, c, r, &out, http.StatusForbidden)
		if v.Result == detect.VerifyInvalid {
			continue // perhaps another site's
		}
		if !ok {
			return v
		}
		if out.Valid == nil || !*out.Valid {
			return unexpected(resp)
		}
		site := strings.TrimPrefix(strings.TrimPrefix(base, "https://"), "api.")
		return verified("API key of "+site, nil)
	}
	return invalid("rejected by every Datadog site (HTTP 403)")
}
