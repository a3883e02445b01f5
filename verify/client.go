package verify

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"slices"
	"strings"
	"syscall"
	"time"

	"golang.org/x/time/rate"

	"github.com/leakstop/leakstop/detect"
)

// Client sends one verifier's requests: to its base URLs only, through
// the dial guard, within the session's concurrency, at the provider's
// rate, each with a timeout.
type Client struct {
	name    string
	bases   []string
	http    *http.Client
	limiter *rate.Limiter
	sem     chan struct{}
	timeout time.Duration
	ua      string
	now     func() time.Time
}

func newClient(name string, bases []string, guard *dialGuard, sem chan struct{}, o Options) *Client {
	dialer := &net.Dialer{Timeout: o.Timeout, Control: guard.control}
	transport := &http.Transport{
		// No proxy: the guard checks the address actually dialled, and a
		// proxy named by the environment is not the provider.
		Proxy:                 nil,
		DialContext:           dialer.DialContext,
		ForceAttemptHTTP2:     true,
		TLSHandshakeTimeout:   o.Timeout,
		ResponseHeaderTimeout: o.Timeout,
		MaxIdleConnsPerHost:   2,
		IdleConnTimeout:       30 * time.Second,
	}
	return &Client{
		name: name, bases: bases, sem: sem, timeout: o.Timeout, ua: o.UserAgent, now: o.Now,
		limiter: rate.NewLimiter(rate.Limit(o.Rate), max(1, int(o.Rate))),
		http: &http.Client{
			Transport: transport,
			// A redirect would lead away from the provider's fixed host:
			// its answer is reported as is (unknown).
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		},
	}
}

// Base is the first of the verifier's base URLs.
func (c *Client) Base() string {
	if len(c.bases) == 0 {
		return ""
	}
	return c.bases[0]
}

// Bases are all of the verifier's base URLs (regions, sites), in the order
// to try them.
func (c *Client) Bases() []string { return c.bases }

// Now is the session's clock.
func (c *Client) Now() time.Time { return c.now() }

// Response is a provider's answer: its status, headers and (the first
// MiB of) its body.
type Response struct {
	Status int
	Header http.Header
	Body   []byte
}

// maxBody bounds how much of an answer is read.
const maxBody = 1 << 20

// Do sends req, which must be made with NewRequest, and reads the answer.
// Its error never quotes the URL (which may hold a secret, as Telegram's
// does).
func (c *Client) Do(ctx context.Context, req *http.Request) (*Response, error) {
	if err := c.limiter.Wait(ctx); err != nil {
		return nil, errors.New("gave up waiting for the rate limit: " + reason(ctx, err))
	}
	select {
	case c.sem <- struct{}{}:
	case <-ctx.Done():
		return nil, errors.New(reason(ctx, ctx.Err()))
	}
	defer func() { <-c.sem }()
	rctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	req = req.WithContext(rctx)
	req.Header.Set("User-Agent", c.ua)
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, errors.New(c.transportReason(rctx, err))
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxBody))
	if err != nil {
		return nil, errors.New("reading the answer: " + c.transportReason(rctx, err))
	}
	return &Response{Status: resp.StatusCode, Header: resp.Header, Body: body}, nil
}

// NewRequest makes a request to base + path. base must be one of the
// client's base URLs: verifiers never build a URL from scanned text.
func (c *Client) NewRequest(method, base, path string, body io.Reader) (*http.Request, error) {
	if !slices.Contains(c.bases, base) {
		return nil, fmt.Errorf("%s: %q is not one of its endpoints", c.name, base)
	}
	b, err := url.Parse(base)
	if err != nil || (b.Scheme != "https" && b.Scheme != "http") || b.Host == "" {
		return nil, fmt.Errorf("%s: bad endpoint", c.name)
	}
	u, err := url.Parse(base + path)
	if !strings.HasPrefix(path, "/") || err != nil || u.Host != b.Host || u.User != nil {
		return nil, fmt.Errorf("%s: bad request path", c.name)
	}
	return http.NewRequest(method, u.String(), body)
}

// transportReason says why a request failed without quoting its URL.
func (c *Client) transportReason(ctx context.Context, err error) string {
	if ctx.Err() != nil || errors.Is(err, context.DeadlineExceeded) {
		return reason(ctx, err)
	}
	var refused *refusedError
	if errors.As(err, &refused) {
		return refused.Error()
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	return err.Error()
}

// reason describes a context's end.
func reason(ctx context.Context, err error) string {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) || errors.Is(err, context.DeadlineExceeded) {
		return "timed out"
	}
	if ctx.Err() != nil {
		return "interrupted"
	}
	return err.Error()
}

// dialGuard refuses connections to addresses a verifier has no business
// with: loopback, private, link-local (cloud metadata services among
// them), unspecified and multicast. It checks the address actually
// dialled, after DNS, so a name that resolves to 127.0.0.1 is refused too.
type dialGuard struct {
	allow []netip.Prefix
}

func newDialGuard(allow []netip.Prefix) *dialGuard { return &dialGuard{allow: allow} }

// refusedError is a connection the guard refused.
type refusedError struct {
	addr netip.Addr
	kind string
}

func (e *refusedError) Error() string {
	return fmt.Sprintf("refused to connect to %s, a %s address", e.addr, e.kind)
}

// control is the dialer's Control function: it runs with the resolved
// address, before the connection is made.
func (g *dialGuard) control(_, address string, _ syscall.RawConn) error {
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		return err
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return fmt.Errorf("refused to connect to %q: not an address", host)
	}
	return g.check(ip)
}

// check refuses ip unless it is public or allowed.
func (g *dialGuard) check(ip netip.Addr) error {
	ip = ip.Unmap().WithZone("")
	kind := blockedKind(ip)
	if kind == "" {
		return nil
	}
	for _, p := range g.allow {
		if p.Contains(ip) {
			return nil
		}
	}
	return &refusedError{addr: ip, kind: kind}
}

// blockedRanges are ranges that are not the public internet, besides
// those netip classifies: shared address space (RFC 6598, where some
// clouds put their metadata service), IETF protocol assignments, the
// benchmarking range, and reserved space.
var blockedRanges = []struct {
	prefix netip.Prefix
	kind   string
}{
	{netip.MustParsePrefix("0.0.0.0/8"), "reserved"},
	{netip.MustParsePrefix("100.64.0.0/10"), "shared (carrier-grade NAT)"},
	{netip.MustParsePrefix("192.0.0.0/24"), "reserved"},
	{netip.MustParsePrefix("198.18.0.0/15"), "reserved"},
	{netip.MustParsePrefix("240.0.0.0/4"), "reserved"},
	{netip.MustParsePrefix("64:ff9b:1::/48"), "reserved"},
}

// blockedKind names why ip is refused, or "" when it is public.
func blockedKind(ip netip.Addr) string {
	switch {
	case !ip.IsValid():
		return "invalid"
	case ip.IsLoopback():
		return "loopback"
	case ip.IsLinkLocalUnicast(), ip.IsLinkLocalMulticast():
		return "link-local (metadata)"
	case ip.IsPrivate():
		return "private"
	case ip.IsUnspecified():
		return "unspecified"
	case ip.IsMulticast(), ip.IsInterfaceLocalMulticast():
		return "multicast"
	}
	for _, r := range blockedRanges {
		if r.prefix.Contains(ip) {
			return r.kind
		}
	}
	return ""
}

// send sends req and sorts the answers that say nothing about the
// credential: a transport error, 429, 5xx, a redirect. ok is false with
// the unknown result to report for those.
func send(ctx context.Context, c *Client, req *http.Request) (resp *Response, v detect.Verification, ok bool) {
	resp, err := c.Do(ctx, req)
	if err != nil {
		return nil, unknown(err.Error()), false
	}
	switch {
	case resp.Status == http.StatusTooManyRequests:
		return resp, unknown("rate limited (HTTP 429)"), false
	case resp.Status >= 500:
		return resp, unknown(fmt.Sprintf("provider error (HTTP %d)", resp.Status)), false
	case resp.Status >= 300 && resp.Status < 400:
		return resp, unknown(fmt.Sprintf("unexpected redirect (HTTP %d)", resp.Status)), false
	}
	return resp, detect.Verification{}, true
}

// unknown is an unknown result with a reason.
func unknown(reason string) detect.Verification {
	return detect.Verification{Result: detect.VerifyUnknown, Reason: reason}
}

// invalid is an invalid result with a reason.
func invalid(reason string) detect.Verification {
	return detect.Verification{Result: detect.VerifyInvalid, Reason: reason}
}

// verified is a verified result for account with scopes.
func verified(account string, scopes []string) detect.Verification {
	return detect.Verification{Result: detect.VerifyVerified, Account: account, Scopes: scopes}
}

// unexpected is the result of an answer that fits no documented case.
func unexpected(resp *Response) detect.Verification {
	return unknown(fmt.Sprintf("unexpected answer (HTTP %d)", resp.Status))
}

// getJSON is the common check: GET base+path with headers; a 2xx whose
// body decodes into out is ok; a status in rejected means the provider
// refused the credential (invalid); anything else is unknown.
func getJSON(ctx context.Context, c *Client, path string, headers map[string]string, out any, rejected ...int) (resp *Response, v detect.Verification, ok bool) {
	req, err := c.NewRequest(http.MethodGet, c.Base(), path, nil)
	if err != nil {
		return nil, unknown(err.Error()), false
	}
	for k, val := range headers {
		req.Header.Set(k, val)
	}
	req.Header.Set("Accept", "application/json")
	return decode(ctx, c, req, out, rejected...)
}

// decode sends req and sorts its answer as getJSON does.
func decode(ctx context.Context, c *Client, req *http.Request, out any, rejected ...int) (resp *Response, v detect.Verification, ok bool) {
	resp, v, ok = send(ctx, c, req)
	if !ok {
		return resp, v, false
	}
	for _, s := range rejected {
		if resp.Status == s {
			return resp, invalid(fmt.Sprintf("rejected by the provider (HTTP %d)", s)), false
		}
	}
	if resp.Status < 200 || resp.Status > 299 {
		return resp, unexpected(resp), false
	}
	if out != nil {
		if err := json.Unmarshal(resp.Body, out); err != nil {
			return resp, unknown(fmt.Sprintf("unexpected answer (HTTP %d, not the documented JSON)", resp.Status)), false
		}
	}
	return resp, detect.Verification{}, true
}

// splitScopes splits a header's comma-separated scopes.
func splitScopes(h string) []string {
	var out []string
	for _, s := range strings.Split(h, ",") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}
