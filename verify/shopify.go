package verify

import (
	"context"

	"github.com/leakstop/leakstop/detect"
)

// Shopify tokens are checked at their shop's own host
// (SHOP.myshopify.com/admin/oauth/access_scopes.json), and a shop's name is
// only ever found in the scanned text: leakstop never sends a request to a
// host taken from what it scans, so Shopify tokens are reported as unknown,
// with that reason, and never sent.
type Shopify struct{}

var _ Verifier = Shopify{}

// Name implements Verifier.
func (Shopify) Name() string { return "shopify" }

// Rules implements Verifier.
func (Shopify) Rules() []string {
	return []string{"shopify-access-token", "shopify-custom-app-token", "shopify-private-app-token"}
}

// Endpoints implements Verifier: none.
func (Shopify) Endpoints() []string { return nil }

// Check implements Verifier.
func (Shopify) Check(context.Context, *Client, *Request) detect.Verification {
	return unknown("a Shopify token is checked at its shop's own host, and leakstop never contacts a host taken from the scanned text")
}
