package verify

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/leakstop/leakstop/detect"
	"github.com/leakstop/leakstop/rules"
	"github.com/leakstop/leakstop/source"
)

func catalog(t testing.TB) *rules.Set {
	t.Helper()
	set, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	return set
}

// counting is a loopback server that counts its requests and answers
// with h (nil: 200 {}).
func counting(t *testing.T, h http.HandlerFunc) (*httptest.Server, *atomic.Int32) {
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		if h != nil {
			h(w, r)
			return
		}
		reply(w, 200, `{}`)
	}))
	t.Cleanup(srv.Close)
	return srv, &n
}

func githubOK(w http.ResponseWriter, _ *http.Request) { reply(w, 200, `{"login":"octocat"}`) }

func TestDialGuardRefusesLocalAddresses(t *testing.T) {
	g := newDialGuard(nil)
	for _, addr := range []string{
		"127.0.0.1:443", "[::1]:443", "10.0.0.1:443", "172.16.5.4:443", "192.168.1.1:443",
		"169.254.169.254:80", "[fd00:ec2::254]:80", "100.100.100.200:80", "[fe80::1%eth0]:443",
		"[::ffff:127.0.0.1]:443", "0.0.0.0:443", "[::]:443", "224.0.0.1:443",
	} {
		if err := g.control("tcp", addr, nil); err == nil {
			t.Errorf("%s: allowed, want refused", addr)
		}
	}
	for _, addr := range []string{"140.82.112.6:443", "[2606:4700::6810:84e5]:443"} {
		if err := g.control("tcp", addr, nil); err != nil {
			t.Errorf("%s: %v, want allowed", addr, err)
		}
	}
	allowed := newDialGuard([]netip.Prefix{netip.MustParsePrefix("127.0.0.0/8")})
	if err := allowed.control("tcp", "127.0.0.1:8080", nil); err != nil {
		t.Errorf("an allowed loopback address: %v", err)
	}
	if err := allowed.control("tcp", "10.0.0.1:443", nil); err == nil {
		t.Error("allowing loopback allowed 10.0.0.1 too")
	}
}

// TestDialGuardAtDialTime points a verifier at loopback servers, by
// address and by a name that resolves to one, without allowing them: the
// connection is refused when dialled and the server never hears of it.
func TestDialGuardAtDialTime(t *testing.T) {
	srv, hits := counting(t, githubOK)
	byName := strings.Replace(srv.URL, "127.0.0.1", "localhost", 1)
	for _, base := range []string{srv.URL, byName} {
		s := New(Options{Endpoints: map[string][]string{"github": {base}}, Timeout: time.Second})
		fs := findingsOf([]cred{{"github-pat", secretOf(t, "github-pat", base), 1}})
		s.Verify(context.Background(), fs)
		v := fs[0].Verification
		if v == nil || v.Result != detect.VerifyUnknown || !strings.Contains(v.Reason, "refused to connect") || !strings.Contains(v.Reason, "loopback") {
			t.Errorf("%s: %+v, want unknown: refused to connect to a loopback address", base, v)
		}
	}
	if hits.Load() != 0 {
		t.Errorf("the server got %d requests", hits.Load())
	}
}

// TestURLSecretsNeverContacted scans secrets that are URLs (a database
// URL, a webhook) and a key file naming its own token endpoint, all
// pointing at a loopback "leaked host": verification contacts only the
// verifiers' endpoints, never it, even with loopback allowed.
func TestURLSecretsNeverContacted(t *testing.T) {
	leaked, leakedHits := counting(t, nil)
	provider, providerHits := counting(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/token" {
			reply(w, 200, `{"access_token":"ya29.fake","expires_in":3599}`)
			return
		}
		githubOK(w, r)
	})
	_, pem := gcpKeyFile(t)
	const email = "svc@example-project.iam.gserviceaccount.com"
	keyFile := "{\n\"type\": \"service_account\",\n\"private_key\": \"" + pem + "\",\n\"client_email\": \"" + email + "\",\n\"token_uri\": \"" + leaked.URL + "/token\"\n}\n"
	fs := findingsOf([]cred{
		{"url-postgres", "postgres://app:hunter2hunter2@" + strings.TrimPrefix(leaked.URL, "http://") + "/prod", 1},
		{"slack-webhook-url", leaked.URL + "/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX", 2},
		{"discord-webhook-url", leaked.URL + "/api/webhooks/123/abc", 3},
		{"gcp-service-account-key", pem, 3},
		{"github-pat", leaked.URL + "/ghp_looks_like_a_url", 7},
	})
	s := New(Options{Allow: loopback, Timeout: time.Second,
		Endpoints: map[string][]string{"gcp": {provider.URL}, "github": {provider.URL}}})
	s.Note(&source.Fragment{Data: []byte(keyFile)}, fs)
	s.Verify(context.Background(), fs)
	if n := leakedHits.Load(); n != 0 {
		t.Fatalf("the host named in the findings got %d requests", n)
	}
	if providerHits.Load() == 0 {
		t.Fatal("the verifiers' own endpoint was never asked")
	}
	for _, f := range fs[:3] {
		if f.Verification != nil {
			t.Errorf("%s: verified (%+v), though no verifier checks it", f.RuleID, f.Verification)
		}
	}
	if v := fs[3].Verification; v == nil || v.Result != detect.VerifyVerified || v.Account != email {
		t.Errorf("gcp: %+v, want verified at its fixed endpoint", v)
	}
}

// TestCacheNeverCrossesProviders gives two verifiers the same secret: each
// provider is asked once, and each answer stays with its own findings.
// Copies of one secret for one provider are asked about once.
func TestCacheNeverCrossesProviders(t *testing.T) {
	gh, ghHits := counting(t, githubOK)
	np, npHits := counting(t, func(w http.ResponseWriter, _ *http.Request) { reply(w, 401, `{}`) })
	const same = "npm_0123456789abcdefghijklmnopqrstuvwxyz"
	fs := findingsOf([]cred{{"github-pat", same, 1}, {"npm-access-token", same, 2}, {"github-pat", same, 9}})
	fs = append(fs, findingsOf([]cred{{"github-pat", same, 4}})...)
	fs[3].Path = "other/place.env"
	s := New(Options{Allow: loopback, Endpoints: map[string][]string{"github": {gh.URL}, "npm": {np.URL}}})
	s.Verify(context.Background(), fs)
	s.Verify(context.Background(), fs) // a second run in the session: answered from the cache
	if ghHits.Load() != 1 || npHits.Load() != 1 {
		t.Fatalf("github asked %d times, npm %d; want once each", ghHits.Load(), npHits.Load())
	}
	want := []detect.VerifyResult{detect.VerifyVerified, detect.VerifyInvalid, detect.VerifyVerified, detect.VerifyVerified}
	for i, f := range fs {
		if f.Verification == nil || f.Verification.Result != want[i] {
			t.Errorf("finding %d (%s): %+v, want %s", i, f.RuleID, f.Verification, want[i])
		}
	}
	if fs[1].Verification.Verifier != "npm" || fs[0].Verification.Verifier != "github" {
		t.Errorf("answers crossed: %+v, %+v", fs[0].Verification, fs[1].Verification)
	}
}

// TestSigV4TestSuite signs requests of AWS's Signature Version 4 test
// suite (credential scope AKIDEXAMPLE/20150830/us-east-1/service) and
// compares with the published signatures.
func TestSigV4TestSuite(t *testing.T) {
	creds := aws.Credentials{AccessKeyID: "AKIDEXAMPLE", SecretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"}
	when := time.Date(2015, 8, 30, 12, 36, 0, 0, time.UTC)
	for _, tc := range []struct{ name, method, target, signature string }{
		{"get-vanilla", "GET", "/", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"},
		{"get-vanilla-query-order-key-case", "GET", "/?Param2=value2&Param1=value1", "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500"},
		{"post-vanilla", "POST", "/", "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := http.NewRequest(tc.method, "https://example.amazonaws.com"+tc.target, nil)
			if err != nil {
				t.Fatal(err)
			}
			if err := sigV4(context.Background(), r, creds, nil, "service", "us-east-1", when); err != nil {
				t.Fatal(err)
			}
			want := "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=" + tc.signature
			if got := r.Header.Get("Authorization"); got != want {
				t.Errorf("Authorization:\n got %s\nwant %s", got, want)
			}
			if got := r.Header.Get("X-Amz-Date"); got != "20150830T123600Z" {
				t.Errorf("X-Amz-Date %s", got)
			}
		})
	}
}

// TestMissingCompanions: a secret that needs another finding beside it is
// never sent alone.
func TestMissingCompanions(t *testing.T) {
	srv, hits := counting(t, nil)
	secretOnly := findingsOf([]cred{{"aws-secret-access-key", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYFAKEFAKEKEY1", 3}})
	farApart := findingsOf([]cred{{"aws-access-key-id", "AKIAQH7XKJ3RT2WPVN6Y", 1}, {"aws-secret-access-key", "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", 40}})
	temporary := findingsOf([]cred{{"aws-access-key-id", "ASIAQH7XKJ3RT2WPVN6Y", 1}, {"aws-secret-access-key", "k9Q2vXw+7LpR4tN1/bZ8eYc3HmJ6fD0sGq5uWa7E", 2}})
	noAccount := findingsOf([]cred{{"docker-hub-pat", "dckr_pat_0123456789abcdefghijklmnopq", 1}})
	s := New(Options{Allow: loopback, Endpoints: map[string][]string{"aws": {srv.URL}, "dockerhub": {srv.URL}}})
	for name, fs := range map[string][]detect.Finding{"secret only": secretOnly, "far apart": farApart, "temporary": temporary, "no account": noAccount} {
		s.Verify(context.Background(), fs)
		for _, f := range fs {
			if f.Verification == nil || f.Verification.Result != detect.VerifyUnknown || f.Verification.Reason == "" {
				t.Errorf("%s: %s: %+v, want unknown with a reason", name, f.RuleID, f.Verification)
			}
		}
	}
	if hits.Load() != 0 {
		t.Errorf("%d requests sent without the credential's other half", hits.Load())
	}
}

func TestShopifyNeverSends(t *testing.T) {
	srv, hits := counting(t, nil)
	fs := findingsOf([]cred{{"shopify-access-token", secretOf(t, "shopify-access-token", "x"), 1}})
	New(Options{Allow: loopback, Endpoints: map[string][]string{"shopify": {srv.URL}}}).Verify(context.Background(), fs)
	if v := fs[0].Verification; v == nil || v.Result != detect.VerifyUnknown || !strings.Contains(v.Reason, "shop") {
		t.Errorf("%+v, want unknown: needs the shop's host", v)
	}
	if hits.Load() != 0 {
		t.Errorf("%d requests", hits.Load())
	}
}

// TestRedirectNotFollowed: a redirect leads away from the fixed host; its
// target is never asked and the answer is unknown.
func TestRedirectNotFollowed(t *testing.T) {
	elsewhere, elsewhereHits := counting(t, githubOK)
	srv, _ := counting(t, func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, elsewhere.URL+"/user", http.StatusFound)
	})
	fs := findingsOf([]cred{{"github-pat", secretOf(t, "github-pat", "redirect"), 1}})
	New(Options{Allow: loopback, Endpoints: map[string][]string{"github": {srv.URL}}}).Verify(context.Background(), fs)
	if v := fs[0].Verification; v.Result != detect.VerifyUnknown || !strings.Contains(v.Reason, "redirect") {
		t.Errorf("%+v, want unknown: redirect", v)
	}
	if elsewhereHits.Load() != 0 {
		t.Error("the redirect was followed")
	}
}

// TestConcurrencyAndRate: at most Concurrency requests are in flight,
// and one provider gets at most Rate requests a second after its burst.
func TestConcurrencyAndRate(t *testing.T) {
	var mu sync.Mutex
	inFlight, most := 0, 0
	srv, hits := counting(t, func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		inFlight++
		most = max(most, inFlight)
		mu.Unlock()
		time.Sleep(20 * time.Millisecond)
		mu.Lock()
		inFlight--
		mu.Unlock()
		githubOK(w, r)
	})
	var creds []cred
	for i := range 30 {
		creds = append(creds, cred{"github-pat", secretOf(t, "github-pat", string(rune('a'+i))), i + 1})
	}
	fs := findingsOf(creds)
	start := time.Now()
	New(Options{Allow: loopback, Concurrency: 3, Rate: 40, Endpoints: map[string][]string{"github": {srv.URL}}}).Verify(context.Background(), fs)
	elapsed := time.Since(start)
	if hits.Load() != 30 {
		t.Fatalf("%d requests, want 30", hits.Load())
	}
	if most > 3 {
		t.Errorf("%d requests in flight at once, want at most 3", most)
	}
	// A burst of 40 would take them all at once; 30 at 3 at a time of
	// 20ms each take at least 200ms.
	if elapsed < 180*time.Millisecond {
		t.Errorf("30 requests in %v: concurrency not bounded", elapsed)
	}
	slow, _ := counting(t, githubOK)
	start = time.Now()
	fs = findingsOf(creds[:6])
	New(Options{Allow: loopback, Rate: 2, Endpoints: map[string][]string{"github": {slow.URL}}}).Verify(context.Background(), fs)
	// 2 a second with a burst of 2: the sixth waits about 2 seconds.
	if d := time.Since(start); d < 1500*time.Millisecond {
		t.Errorf("6 requests at 2/s took %v: not rate limited", d)
	}
}

func TestInterrupted(t *testing.T) {
	srv, hits := counting(t, githubOK)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	fs := findingsOf([]cred{{"github-pat", secretOf(t, "github-pat", "cancel"), 1}})
	New(Options{Allow: loopback, Endpoints: map[string][]string{"github": {srv.URL}}}).Verify(ctx, fs)
	if v := fs[0].Verification; v == nil || v.Result != detect.VerifyUnknown {
		t.Errorf("%+v, want unknown", v)
	}
	if hits.Load() != 0 {
		t.Error("a cancelled run sent a request")
	}
}

func TestApplyVerification(t *testing.T) {
	for _, tc := range []struct {
		from   detect.Status
		result detect.VerifyResult
		want   detect.Status
	}{
		{detect.StatusCandidate, detect.VerifyVerified, detect.StatusVerified},
		{detect.StatusConfirmed, detect.VerifyVerified, detect.StatusVerified},
		{detect.StatusConfirmed, detect.VerifyInvalid, detect.StatusRevoked},
		{detect.StatusCandidate, detect.VerifyInvalid, detect.StatusCandidate},
		{detect.StatusConfirmed, detect.VerifyUnknown, detect.StatusConfirmed},
		{detect.StatusCandidate, detect.VerifyUnknown, detect.StatusCandidate},
	} {
		f := detect.Finding{Status: tc.from, ConfirmedBy: "checksum"}
		f.ApplyVerification(detect.Verification{Result: tc.result})
		if f.Status != tc.want {
			t.Errorf("%s + %s: %s, want %s", tc.from, tc.result, f.Status, tc.want)
		}
		if tc.result == detect.VerifyVerified && f.ConfirmedBy != "verifier" {
			t.Errorf("%s + verified: confirmed_by %q", tc.from, f.ConfirmedBy)
		}
	}
}

func TestAround(t *testing.T) {
	data := []byte("1\n2\n3\n4\n5\n6\n7\n")
	for _, tc := range []struct {
		first, last, n int
		want           string
	}{
		{4, 4, 1, "3\n4\n5"},
		{1, 1, 2, "1\n2\n3"},
		{7, 7, 3, "4\n5\n6\n7\n"},
		{3, 5, 0, "3\n4\n5"},
	} {
		if got := string(around(data, tc.first, tc.last, tc.n)); got != tc.want {
			t.Errorf("around(%d, %d, %d) = %q, want %q", tc.first, tc.last, tc.n, got, tc.want)
		}
	}
}

func TestCount(t *testing.T) {
	fs := []detect.Finding{{}, {Verification: &detect.Verification{Result: detect.VerifyVerified}},
		{Verification: &detect.Verification{Result: detect.VerifyInvalid}}, {Verification: &detect.Verification{Result: detect.VerifyUnknown}},
		{Verification: &detect.Verification{Result: detect.VerifyVerified}}}
	if got := Count(fs); got != (Counts{Verified: 2, Invalid: 1, Unknown: 1}) {
		t.Errorf("%+v", got)
	}
}

// TestRefusalsThatProveNothing: a refusal is invalid only when it can only
// mean the credential does not work. A Docker Hub token refused for an
// account name guessed from a bare "username:" line, or a Mailgun key of
// the current format refused in both regions (it may be a domain sending
// key), is unknown.
func TestRefusalsThatProveNothing(t *testing.T) {
	srv, hits := counting(t, func(w http.ResponseWriter, _ *http.Request) {
		reply(w, 401, `{"detail":"Incorrect authentication credentials"}`)
	})
	docker := secretOf(t, "docker-hub-pat", "guess")
	for _, tc := range []struct {
		name, verifier, rule, secret, text string
		want                               detect.VerifyResult
	}{
		{"docker named", "dockerhub", "docker-hub-pat", docker, "DOCKER_USERNAME=octo\nDOCKER_PASSWORD=" + docker + "\n", detect.VerifyInvalid},
		{"docker guessed", "dockerhub", "docker-hub-pat", docker, "with:\n  username: octo\n  password: " + docker + "\n", detect.VerifyUnknown},
		{"mailgun private key", "mailgun", "mailgun-api-key", secretOf(t, "mailgun-api-key", "x"), "", detect.VerifyInvalid},
		{"mailgun current format", "mailgun", "mailgun-api-key-v2", secretOf(t, "mailgun-api-key-v2", "x"), "", detect.VerifyUnknown},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := New(Options{Allow: loopback, Endpoints: map[string][]string{tc.verifier: {srv.URL}}})
			fs := findingsOf([]cred{{tc.rule, tc.secret, 2}})
			s.Note(&source.Fragment{Data: []byte(tc.text)}, fs)
			s.Verify(context.Background(), fs)
			if v := fs[0].Verification; v == nil || v.Result != tc.want {
				t.Errorf("%+v, want %s", v, tc.want)
			}
		})
	}
	if hits.Load() == 0 {
		t.Error("nothing was asked")
	}
}
