package main

import (
	"bytes"
	"context"
	"encoding/json"
	"hash/fnv"
	"io"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/leakstop/leakstop/rotate"
	"github.com/leakstop/leakstop/rules"
	"github.com/leakstop/leakstop/rules/fake"
	"github.com/leakstop/leakstop/verify"
)

// ruleSecret is a format-valid fake secret of rule.
func ruleSecret(t *testing.T, rule, salt string) string {
	t.Helper()
	set, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	r, ok := set.Lookup(rule)
	if !ok {
		t.Fatalf("no rule %s", rule)
	}
	h := fnv.New64a()
	h.Write([]byte(rule + salt))
	s, err := fake.New(h.Sum64()).Secret(r)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// verifyFakes are loopback stand-ins for GitHub and AWS STS, and a host
// that only a leaked URL names. They record what reached them.
type verifyFakes struct {
	github, sts, leaked *httptest.Server
	live                string // the GitHub token that works

	mu          sync.Mutex
	tokens      []string // Authorization headers GitHub saw
	stsCalls    int
	leakedCalls int
}

func newVerifyFakes(t *testing.T, live, keyID string) *verifyFakes {
	f := &verifyFakes{live: live}
	f.github = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f.mu.Lock()
		f.tokens = append(f.tokens, r.Header.Get("Authorization"))
		f.mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		if r.URL.Path != "/user" {
			w.WriteHeader(http.StatusTeapot)
			return
		}
		if r.Header.Get("Authorization") == "Bearer "+live {
			w.Header().Set("X-OAuth-Scopes", "repo")
			io.WriteString(w, `{"login":"octocat"}`)
			return
		}
		w.WriteHeader(http.StatusUnauthorized)
		io.WriteString(w, `{"message":"Bad credentials"}`)
	}))
	f.sts = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f.mu.Lock()
		f.stsCalls++
		f.mu.Unlock()
		if !strings.Contains(r.Header.Get("Authorization"), "Credential="+keyID+"/") {
			w.WriteHeader(http.StatusForbidden)
			io.WriteString(w, `<ErrorResponse><Error><Code>InvalidClientTokenId</Code></Error></ErrorResponse>`)
			return
		}
		io.WriteString(w, `<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/ci</Arn><Account>123456789012</Account></GetCallerIdentityResult></GetCallerIdentityResponse>`)
	}))
	f.leaked = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f.mu.Lock()
		f.leakedCalls++
		f.mu.Unlock()
	}))
	t.Cleanup(func() { f.github.Close(); f.sts.Close(); f.leaked.Close() })
	return f
}

// hook points the verifiers at the fakes: the test hook no user reaches.
func (f *verifyFakes) hook(o *verify.Options) {
	o.Endpoints = map[string][]string{"github": {f.github.URL}, "aws": {f.sts.URL}}
	o.Allow = []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8")}
}

// runVerify runs leakstop in-process with the fakes behind --verify.
func runVerify(t *testing.T, f *verifyFakes, vars map[string]string, args ...string) cliRun {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, getenv: func(k string) string { return vars[k] }, verifyHook: f.hook}
	app := newApp(e)
	code := exitCode(app.RunContext(context.Background(), hoistFlags(app, append([]string{"leakstop"}, args...))), &errb)
	return cliRun{code: code, stdout: out.String(), stderr: errb.String()}
}

// TestDirVerify runs `leakstop dir --verify` end to end against loopback
// fakes: a working token is verified, a revoked one found invalid, an AWS
// key pair checked together, a suppressed token and a database URL's host
// never contacted; reports and the rotation webhook follow the answers.
func TestDirVerify(t *testing.T) {
	live, dead, hidden := fakeToken(t, 201), fakeToken(t, 202), fakeToken(t, 203)
	// A long-term key (AKIA): a temporary one would need its session token.
	keyID := "AKIA" + fake.New(7).String("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)
	awsSecret := ruleSecret(t, "aws-secret-access-key", "verify")
	f := newVerifyFakes(t, live, keyID)
	dir := t.TempDir()
	leakedHost := strings.TrimPrefix(f.leaked.URL, "http://")
	for name, text := range map[string]string{
		"deploy/prod.env":  "GITHUB_TOKEN=" + live + "\n",
		"ci/old.env":       "GITHUB_TOKEN=" + dead + "\n",
		"test/fixture.go":  "const tok = \"" + hidden + "\" // leakstop:allow\n",
		".aws/credentials": "[default]\naws_access_key_id = " + keyID + "\naws_secret_access_key = " + awsSecret + "\n",
		"config/db.env":    "DATABASE_URL=postgres://app:Zq8vLm2xTr6Wn4Kp@" + leakedHost + "/orders\n",
	} {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	secret := webhookSecret("verify")
	rc, url := startReceiver(t, secret)
	vars := map[string]string{"LEAKSTOP_WEBHOOK_SECRET": secret, "XDG_STATE_HOME": t.TempDir()}
	reportPath := filepath.Join(t.TempDir(), "report.json")
	r := runVerify(t, f, vars, "dir", dir, "--verify", "--format", "json", "--report-path", reportPath, "--rotate-url", url)
	if r.code != exitFindings {
		t.Fatalf("exit %d:\n%s", r.code, r.stderr)
	}
	data, err := os.ReadFile(reportPath)
	if err != nil {
		t.Fatal(err)
	}
	var rep struct {
		Summary struct {
			Verification *struct{ Verified, Invalid, Unknown int }
		}
		Findings []struct {
			RuleID       string `json:"rule_id"`
			Path         string
			Status       string
			Verification *struct{ Result, Reason, Verifier, Account string }
		}
	}
	if err := json.Unmarshal(data, &rep); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, fd := range rep.Findings {
		v := "none"
		if fd.Verification != nil {
			v = fd.Verification.Result + " " + fd.Verification.Account
		}
		got[fd.Path+" "+fd.RuleID] = fd.Status + ": " + strings.TrimSpace(v)
	}
	want := map[string]string{
		"deploy/prod.env github-pat":             "verified: verified octocat",
		"ci/old.env github-pat":                  "revoked: invalid",
		".aws/credentials aws-access-key-id":     "verified: verified arn:aws:iam::123456789012:user/ci",
		".aws/credentials aws-secret-access-key": "verified: verified arn:aws:iam::123456789012:user/ci",
		"config/db.env url-postgres":             "candidate: none",
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s: %q, want %q", k, got[k], w)
		}
	}
	if s := rep.Summary.Verification; s == nil || s.Verified != 3 || s.Invalid != 1 {
		t.Errorf("summary.verification %+v, want 3 verified, 1 invalid", s)
	}
	f.mu.Lock()
	for _, tok := range f.tokens {
		if strings.Contains(tok, hidden) {
			t.Error("a suppressed token was sent to the provider")
		}
	}
	if len(f.tokens) != 2 || f.stsCalls != 1 || f.leakedCalls != 0 {
		t.Errorf("github asked %d times (want 2), sts %d (want 1: one pair), the leaked URL's host %d (want 0)", len(f.tokens), f.stsCalls, f.leakedCalls)
	}
	f.mu.Unlock()
	for _, s := range []string{live, dead, hidden, awsSecret} {
		if strings.Contains(string(data), s) || strings.Contains(r.stderr, s) {
			t.Error("the report or stderr holds a secret")
		}
	}
	// Rotation: the verified secrets fire (the token, the AWS pair's two
	// secrets); the revoked token does not.
	fired := map[string]bool{}
	for _, body := range rc.Accepted() {
		var b rotate.Body
		if err := json.Unmarshal(body, &b); err != nil {
			t.Fatal(err)
		}
		fired[b.Data.SecretSHA256] = true
		if b.Data.SecretSHA256 == sha256Hex(live) && (b.Data.Status != "verified" || b.Data.ConfirmedBy != "verifier") {
			t.Errorf("the live token's event: status %s by %s", b.Data.Status, b.Data.ConfirmedBy)
		}
	}
	if !fired[sha256Hex(live)] || !fired[sha256Hex(awsSecret)] || fired[sha256Hex(dead)] {
		t.Errorf("events fired for live %v, aws %v, revoked %v; want true, true, false", fired[sha256Hex(live)], fired[sha256Hex(awsSecret)], fired[sha256Hex(dead)])
	}

	// The text report says it too.
	r = runVerify(t, f, nil, "dir", dir, "--verify")
	for _, want := range []string{"verify  verified by github: as octocat; scopes repo", "verify  invalid by github", "verified 3, invalid 1, unknown 0"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("text report lacks %q:\n%s", want, r.stdout)
		}
	}
	// Without --verify nothing is asked.
	f.mu.Lock()
	before := len(f.tokens) + f.stsCalls
	f.mu.Unlock()
	r = runVerify(t, f, nil, "dir", dir, "--format", "json")
	f.mu.Lock()
	after := len(f.tokens) + f.stsCalls
	f.mu.Unlock()
	if after != before || strings.Contains(r.stdout, `"verification"`) {
		t.Errorf("a run without --verify asked the providers (%d requests) or reported verification", after-before)
	}
}

// TestVerifyFailOnVerified: --fail-on verified fails only on what a live
// check verified.
func TestVerifyFailOnVerified(t *testing.T) {
	live, dead := fakeToken(t, 211), fakeToken(t, 212)
	f := newVerifyFakes(t, live, "AKIA"+strings.Repeat("Z", 16))
	for _, tc := range []struct {
		text string
		want int
	}{
		{"GITHUB_TOKEN=" + live + "\n", exitFindings},
		{"GITHUB_TOKEN=" + dead + "\n", exitClean},
	} {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "a.env"), []byte(tc.text), 0o644); err != nil {
			t.Fatal(err)
		}
		if r := runVerify(t, f, nil, "dir", dir, "--verify", "--fail-on", "verified"); r.code != tc.want {
			t.Errorf("exit %d, want %d:\n%s%s", r.code, tc.want, r.stdout, r.stderr)
		}
	}
}

func TestVerifyFlagsUsage(t *testing.T) {
	for _, args := range [][]string{
		{"dir", ".", "--verify", "--verify-timeout", "0s"},
		{"dir", ".", "--verify", "--verify-concurrency", "0"},
		{"dir", ".", "--verify", "--verify-rate", "-1"},
	} {
		if r := runCLI(t, nil, args...); r.code != exitUsage {
			t.Errorf("%s: exit %d, want %d", strings.Join(args, " "), r.code, exitUsage)
		}
	}
}
