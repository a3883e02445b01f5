package verify

import (
	"context"
	"fmt"
	"net/http"

	"github.com/leakstop/leakstop/detect"
)

// Mailgun checks private API keys with GET /v3/domains and basic
// authentication (user "api", the key as password), in the US region and
// then the EU one, since an account lives in one: 200 means the key works;
// 401 in both that it does not. A key of the current format may also be a
// domain sending key, which /v3/domains refuses although it works: such a
// refusal is unknown.
type Mailgun struct{}

var _ Verifier = Mailgun{}

// Name implements Verifier.
func (Mailgun) Name() string { return "mailgun" }

// Rules implements Verifier.
func (Mailgun) Rules() []string { return []string{"mailgun-api-key", "mailgun-api-key-v2"} }

// Endpoints implements Verifier: the US region, then the EU one.
func (Mailgun) Endpoints() []string {
	return []string{"https://api.mailgun.net", "https://api.eu.mailgun.net"}
}

// Check implements Verifier.
func (Mailgun) Check(ctx context.Context, c *Client, req *Request) detect.Verification {
	for _, base := range c.Bases() {
		r, err := c.NewRequest(http.MethodGet, base, "/v3/domains?limit=1", nil)
		if err != nil {
			return unknown(err.Error())
		}
		r.SetBasicAuth("api", string(req.Secret))
		r.Header.Set("Accept", "application/json")
		var out struct {
			TotalCount *int `json:"total_count"`
		}
		resp, v, ok := decode(ctx, c, r, &out, http.StatusUnauthorized)
		if v.Result == detect.VerifyInvalid {
			continue // perhaps the other region's
		}
		if !ok {
			return v
		}
		if out.TotalCount == nil {
			return unexpected(resp)
		}
		return verified(fmt.Sprintf("account with %d domains", *out.TotalCount), nil)
	}
	if req.RuleID == "mailgun-api-key-v2" {
		return unknown("refused in both regions: not a private API key (it may be a domain sending key)")
	}
	return invalid("rejected in both regions (US and EU)")
}
