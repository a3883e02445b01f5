package verify

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/leakstop/leakstop/detect"
	"github.com/leakstop/leakstop/source"
)

// TestProviders runs every provider's verifier against a loopback server
// that answers as the provider documents: a working credential is
// verified (with what the provider reveals), a refused one invalid, and
// 429, 5xx, a slow answer and an unexpected body unknown.
func TestProviders(t *testing.T) {
	modes := []struct {
		name   string
		serve  func(w http.ResponseWriter, r *http.Request) bool // true: answered
		want   detect.VerifyResult
		reason string
	}{
		{name: "valid", want: detect.VerifyVerified},
		{name: "revoked", want: detect.VerifyInvalid},
		{name: "rate limited", want: detect.VerifyUnknown, reason: "429",
			serve: func(w http.ResponseWriter, _ *http.Request) bool {
				w.Header().Set("Retry-After", "30")
				reply(w, http.StatusTooManyRequests, `{"error":"slow down"}`)
				return true
			}},
		{name: "server error", want: detect.VerifyUnknown, reason: "503",
			serve: func(w http.ResponseWriter, _ *http.Request) bool {
				reply(w, http.StatusServiceUnavailable, `upstream unavailable`)
				return true
			}},
		{name: "slow", want: detect.VerifyUnknown, reason: "timed out",
			serve: func(w http.ResponseWriter, r *http.Request) bool {
				io.Copy(io.Discard, r.Body) // so the server notices the client leave
				select {
				case <-r.Context().Done():
				case <-time.After(5 * time.Second):
				}
				return true
			}},
		{name: "unexpected body", want: detect.VerifyUnknown, reason: "unexpected",
			serve: func(w http.ResponseWriter, _ *http.Request) bool {
				w.WriteHeader(http.StatusOK)
				w.Write([]byte("<html>maintenance</html>"))
				return true
			}},
	}
	for _, pc := range providerCases(t) {
		for _, m := range modes {
			t.Run(pc.name+"/"+m.name, func(t *testing.T) {
				var hits atomic.Int32
				srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
					hits.Add(1)
					site := siteOf(r)
					if m.serve != nil && m.serve(w, r) {
						return
					}
					pc.serve(w, r, site, m.name == "valid")
				}))
				defer srv.Close()
				s := New(Options{
					Timeout: 300 * time.Millisecond, Rate: 1000, Allow: loopback,
					Endpoints: map[string][]string{pc.verifier: sitesOf(srv, pc.sites)},
					UserAgent: "leakstop-test",
				})
				fs := findingsOf(pc.creds)
				if pc.text != "" {
					s.Note(&source.Fragment{Data: []byte(pc.text)}, fs)
				}
				s.Verify(context.Background(), fs)
				v := fs[0].Verification
				if v == nil {
					t.Fatal("no verification recorded")
				}
				if v.Result != m.want {
					t.Fatalf("result %s (%s), want %s", v.Result, v.Reason, m.want)
				}
				if v.Verifier != pc.verifier {
					t.Errorf("verifier %q, want %q", v.Verifier, pc.verifier)
				}
				if m.reason != "" && !strings.Contains(v.Reason, m.reason) {
					t.Errorf("reason %q, want it to say %q", v.Reason, m.reason)
				}
				if m.want == detect.VerifyVerified && !strings.Contains(v.Account, pc.account) {
					t.Errorf("account %q, want %q in it", v.Account, pc.account)
				}
				if hits.Load() == 0 {
					t.Error("the provider's server was never asked")
				}
				for _, f := range fs {
					if f.Verification == nil || f.Verification.Result != v.Result {
						t.Errorf("%s: %v, want the pair's answer %s", f.RuleID, f.Verification, v.Result)
					}
					for _, c := range pc.creds {
						if strings.Contains(f.Verification.Reason+f.Verification.Account+strings.Join(f.Verification.Scopes, ","), c.secret) {
							t.Errorf("a result quotes the secret of %s", c.rule)
						}
					}
				}
			})
		}
	}
}

// TestProvidersReveal checks the scopes providers report.
func TestProvidersReveal(t *testing.T) {
	want := map[string][]string{
		"github":      {"repo", "gist"},
		"slack":       {"chat:write", "channels:read"},
		"gitlab":      {"api"},
		"huggingface": {"write"},
		"sendgrid":    {"mail.send", "alerts.read"},
	}
	for _, pc := range providerCases(t) {
		scopes, ok := want[pc.name]
		if !ok {
			continue
		}
		t.Run(pc.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				pc.serve(w, r, siteOf(r), true)
			}))
			defer srv.Close()
			s := New(Options{Allow: loopback, Endpoints: map[string][]string{pc.verifier: {srv.URL}}})
			fs := findingsOf(pc.creds)
			s.Verify(context.Background(), fs)
			if got := fs[0].Verification.Scopes; !slices.Equal(got, scopes) {
				t.Errorf("scopes %q, want %q", got, scopes)
			}
		})
	}
}

// TestEveryVerifierHasAFake keeps the fakes in step with the registry:
// a verifier added without a fake fails here.
func TestEveryVerifierHasAFake(t *testing.T) {
	faked := map[string]bool{"shopify": true} // never sends anything: TestShopifyNeverSends
	for _, pc := range providerCases(t) {
		faked[pc.verifier] = true
	}
	for _, v := range Default() {
		if !faked[v.Name()] {
			t.Errorf("verifier %s has no fake provider in providerCases", v.Name())
		}
	}
	if n := len(Default()); n < 20 {
		t.Errorf("%d verifiers, want at least 20", n)
	}
}

// TestEveryVerifiedRuleExists keeps the verifiers in step with the
// catalog: a rule renamed away would silently stop being verified.
func TestEveryVerifiedRuleExists(t *testing.T) {
	set := catalog(t)
	seen := map[string]string{}
	for _, v := range Default() {
		for _, id := range v.Rules() {
			if _, ok := set.Lookup(id); !ok {
				t.Errorf("verifier %s checks rule %s, which is not in the catalog", v.Name(), id)
			}
			if other, dup := seen[id]; dup {
				t.Errorf("rule %s is checked by both %s and %s", id, other, v.Name())
			}
			seen[id] = v.Name()
		}
		for _, e := range v.Endpoints() {
			if !strings.HasPrefix(e, "https://") {
				t.Errorf("verifier %s: endpoint %s is not https", v.Name(), e)
			}
		}
	}
}
