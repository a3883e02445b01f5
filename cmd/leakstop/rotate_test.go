package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/leakstop/leakstop/internal/gitfixture"
	"github.com/leakstop/leakstop/internal/webhooktest"
	"github.com/leakstop/leakstop/rotate"
)

// The rotation webhook from the command line: the scanning commands
// deliver to a loopback receiver that checks every signature, spool what
// they cannot deliver, and `rotate replay` sends the rest.

// webhookSecret is a whsec_ key derived from seed, assembled at run time
// (a whsec_ literal is what secret scanners report).
func webhookSecret(seed string) string {
	h := sha256.Sum256([]byte(seed))
	return "whsec" + "_" + base64.StdEncoding.EncodeToString(h[:])
}

type cliRun struct {
	code           int
	stdout, stderr string
}

// runCLI runs leakstop in-process with vars as its environment.
func runCLI(t *testing.T, vars map[string]string, args ...string) cliRun {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, getenv: func(k string) string { return vars[k] }}
	app := newApp(e)
	code := exitCode(app.RunContext(context.Background(), hoistFlags(app, append([]string{"leakstop"}, args...))), &errb)
	return cliRun{code: code, stdout: out.String(), stderr: errb.String()}
}

func sha256Hex(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

// rotationTree is a folder with two confirmed secrets (one in two files),
// a suppressed one, and a candidate.
type rotationTree struct {
	dir                       string
	tokA, tokB, tokSuppressed string
}

func newRotationTree(t *testing.T) rotationTree {
	t.Helper()
	r := rotationTree{dir: t.TempDir(), tokA: fakeToken(t, 101), tokB: fakeToken(t, 102), tokSuppressed: fakeToken(t, 103)}
	files := map[string]string{
		"deploy/prod.env": "GITHUB_TOKEN=" + r.tokA + "\n",
		"docs/setup.md":   "Use `" + r.tokA + "` for the CI account.\n",
		"ci/release.yml":  "token: " + r.tokB + "\n",
		"test/fixture.go": "const tok = \"" + r.tokSuppressed + "\" // leakstop:allow\n",
		"app/config.py":   "password = \"Tr0ub4dor&3-horse-battery\"\n",
	}
	for name, text := range files {
		p := filepath.Join(r.dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return r
}

func startReceiver(t *testing.T, secrets ...string) (*webhooktest.Receiver, string) {
	t.Helper()
	rc := &webhooktest.Receiver{Secrets: secrets}
	url, err := rc.Start()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(rc.Stop)
	return rc, url
}

// rotationSummary reads summary.rotation of a JSON report.
func rotationSummary(t *testing.T, path string) *struct{ Delivered, Refused, Spooled int } {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var rep struct {
		Summary struct {
			Rotation *struct{ Delivered, Refused, Spooled int }
		}
	}
	if err := json.Unmarshal(b, &rep); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return rep.Summary.Rotation
}

func TestRotateDir(t *testing.T) {
	tree := newRotationTree(t)
	secret := webhookSecret("dir")
	rc, url := startReceiver(t, secret)
	state := t.TempDir()
	vars := map[string]string{"LEAKSTOP_WEBHOOK_SECRET": secret, "XDG_STATE_HOME": state}
	reportPath := filepath.Join(t.TempDir(), "report.json")
	args := []string{"dir", tree.dir, "--rotate-url", url, "--format", "json", "--report-path", reportPath}
	r := runCLI(t, vars, args...)
	if r.code != exitFindings {
		t.Fatalf("exit %d, want %d (findings; deliveries do not change it):\n%s", r.code, exitFindings, r.stderr)
	}
	if !strings.Contains(r.stderr, "rotation webhook: 2 events: 2 delivered, 0 refused, 0 spooled") {
		t.Errorf("stderr does not count the events:\n%s", r.stderr)
	}
	if got := rotationSummary(t, reportPath); got == nil || *got != (struct{ Delivered, Refused, Spooled int }{2, 0, 0}) {
		t.Errorf("summary.rotation %+v, want 2 delivered", got)
	}
	if c := rc.Counts(); c.Invalid != 0 || c.Accepted != 2 {
		t.Fatalf("receiver: %+v", c)
	}
	accepted := rc.Accepted()
	byHash := map[string]rotate.Body{}
	for _, body := range accepted {
		var b rotate.Body
		if err := json.Unmarshal(body, &b); err != nil {
			t.Fatal(err)
		}
		byHash[b.Data.SecretSHA256] = b
		for _, tok := range []string{tree.tokA, tree.tokB, tree.tokSuppressed} {
			if strings.Contains(string(body), tok) {
				t.Errorf("an event holds a plaintext secret")
			}
		}
	}
	a, ok := byHash[sha256Hex(tree.tokA)]
	if !ok || a.Data.RuleID != "github-pat" || a.Data.Status != "confirmed" || a.Data.ConfirmedBy == "" || len(a.Data.Locations) != 2 {
		t.Errorf("the event of the secret in two files: %+v", a)
	}
	if _, ok := byHash[sha256Hex(tree.tokB)]; !ok {
		t.Error("no event for the second confirmed secret")
	}
	if _, ok := byHash[sha256Hex(tree.tokSuppressed)]; ok {
		t.Error("a suppressed secret fired")
	}
	// The spool is in the state directory, private, and holds nothing.
	spool := filepath.Join(state, "leakstop", "rotate-spool.jsonl")
	if fi, err := os.Stat(spool); err != nil || fi.Mode().Perm() != 0o600 || fi.Size() != 0 {
		t.Errorf("spool %s: %v, %v", spool, fi, err)
	}

	t.Run("a second run sends the same ids", func(t *testing.T) {
		ids := slices.Sorted(mapKeys(accepted))
		runCLI(t, vars, args...)
		if got := slices.Sorted(mapKeys(rc.Accepted())); !slices.Equal(got, ids) {
			t.Errorf("ids %v, then %v", ids, got)
		}
		if c := rc.Counts(); c.Duplicates != 2 {
			t.Errorf("receiver: %+v, want the 2 events again", c)
		}
	})
	t.Run("a new place gives a new id", func(t *testing.T) {
		if err := os.WriteFile(filepath.Join(tree.dir, "copy.env"), []byte("T="+tree.tokB+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		before := len(rc.Accepted())
		runCLI(t, vars, args...)
		if got := len(rc.Accepted()); got != before+1 {
			t.Errorf("%d ids, want %d", got, before+1)
		}
	})
	t.Run("--rotate-all sends the candidate too", func(t *testing.T) {
		r := runCLI(t, vars, append(args, "--rotate-all")...)
		if !strings.Contains(r.stderr, "3 events: 3 delivered") {
			t.Errorf("stderr:\n%s", r.stderr)
		}
	})
	t.Run("--rotate-include-secret", func(t *testing.T) {
		inc := &webhooktest.Receiver{Secrets: []string{secret}}
		url2, err := inc.Start()
		if err != nil {
			t.Fatal(err)
		}
		defer inc.Stop()
		r := runCLI(t, vars, "dir", tree.dir, "--rotate-url", url2, "--rotate-include-secret", "--format", "json", "--report-path", reportPath)
		found := 0
		for _, body := range inc.Accepted() {
			var b rotate.Body
			if err := json.Unmarshal(body, &b); err != nil {
				t.Fatal(err)
			}
			if b.Data.Secret != "" && sha256Hex(b.Data.Secret) == b.Data.SecretSHA256 {
				found++
			}
		}
		if found != 2 {
			t.Errorf("%d events carry their secret, want 2", found)
		}
		for name, text := range map[string]string{"stderr": r.stderr, "stdout": r.stdout, "report": readFile(t, reportPath)} {
			if strings.Contains(text, tree.tokA) {
				t.Errorf("the %s holds a secret", name)
			}
		}
	})
}

func mapKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// A receiver that is down: the events are spooled, the run ends as it
// would without them, and `rotate replay` delivers them later.
func TestRotateSpoolAndReplay(t *testing.T) {
	tree := newRotationTree(t)
	secret := webhookSecret("replay")
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	deadURL := "http://" + ln.Addr().String() + "/hook"
	ln.Close()
	spool := filepath.Join(t.TempDir(), "spool.jsonl")
	vars := map[string]string{"LEAKSTOP_WEBHOOK_SECRET": secret}
	r := runCLI(t, vars, "dir", tree.dir, "--rotate-url", deadURL, "--rotate-spool", spool,
		"--rotate-attempts", "2", "--rotate-backoff", "5ms", "--exit-code", "0")
	if r.code != 0 {
		t.Fatalf("exit %d, want 0: an undelivered event does not change the exit status\n%s", r.code, r.stderr)
	}
	for _, want := range []string{"2 events: 0 delivered, 0 refused, 2 spooled", "leakstop rotate replay " + spool} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	if !strings.Contains(r.stdout, "rotation webhook: 0 delivered, 0 refused, 2 spooled") {
		t.Errorf("the text report's summary lacks the rotation:\n%s", r.stdout)
	}
	spooled := readFile(t, spool)
	if strings.Contains(spooled, tree.tokA) || strings.Contains(spooled, "signature") || strings.Contains(spooled, secret) {
		t.Error("the spool holds a secret, a key or a signature")
	}

	rc, url := startReceiver(t, secret)
	r = runCLI(t, vars, "rotate", "replay", spool, "--rotate-url", url)
	if r.code != 0 || strings.Count(r.stdout, "delivered ") != 2 || !strings.Contains(r.stderr, "2 delivered, 0 refused, 0 still spooled") {
		t.Fatalf("replay: exit %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	if c := rc.Counts(); c.Accepted != 2 || c.Invalid != 0 {
		t.Errorf("receiver %+v", c)
	}
	if s := readFile(t, spool); s != "" {
		t.Errorf("the spool still holds, after compaction:\n%s", s)
	}
	r = runCLI(t, vars, "rotate", "replay", spool, "--rotate-url", url)
	if r.code != 0 || !strings.Contains(r.stderr, "nothing to replay") {
		t.Errorf("a second replay: exit %d\n%s", r.code, r.stderr)
	}

	t.Run("refused events stay until --refused", func(t *testing.T) {
		r := runCLI(t, vars, "dir", tree.dir, "--rotate-url", deadURL, "--rotate-spool", spool, "--rotate-attempts", "1")
		if r.code != exitFindings {
			t.Fatalf("exit %d", r.code)
		}
		other := &webhooktest.Receiver{Secrets: []string{webhookSecret("another key")}}
		otherURL, err := other.Start()
		if err != nil {
			t.Fatal(err)
		}
		defer other.Stop()
		r = runCLI(t, vars, "rotate", "replay", spool, "--rotate-url", otherURL)
		if r.code != exitPartial || strings.Count(r.stdout, "refused ") != 2 || !strings.Contains(r.stdout, "status 401") {
			t.Fatalf("replay to a receiver with another key: exit %d\n%s\n%s", r.code, r.stdout, r.stderr)
		}
		r = runCLI(t, vars, "rotate", "replay", spool, "--rotate-url", url)
		if r.code != 0 || !strings.Contains(r.stderr, "2 events refused before kept") {
			t.Fatalf("replay without --refused: exit %d\n%s", r.code, r.stderr)
		}
		r = runCLI(t, vars, "rotate", "replay", spool, "--rotate-url", url, "--refused")
		if r.code != 0 || strings.Count(r.stdout, "delivered ") != 2 {
			t.Fatalf("replay --refused: exit %d\n%s\n%s", r.code, r.stdout, r.stderr)
		}
	})
}

// A receiver that refuses: reported, and the exit status is the scan's.
func TestRotateRefusedKeepsExitStatus(t *testing.T) {
	tree := newRotationTree(t)
	_, url := startReceiver(t, webhookSecret("the receiver's"))
	vars := map[string]string{"LEAKSTOP_WEBHOOK_SECRET": webhookSecret("ours")}
	r := runCLI(t, vars, "dir", tree.dir, "--rotate-url", url, "--rotate-spool", filepath.Join(t.TempDir(), "s"))
	if r.code != exitFindings || !strings.Contains(r.stderr, "0 delivered, 2 refused, 0 spooled") {
		t.Fatalf("exit %d:\n%s", r.code, r.stderr)
	}
	if !strings.Contains(r.stderr, "rotation webhook refused an event") || !strings.Contains(r.stderr, "status=401") {
		t.Errorf("the refusals are not logged:\n%s", r.stderr)
	}
}

func TestRotateUsage(t *testing.T) {
	tree := newRotationTree(t)
	key := webhookSecret("usage")
	outside := filepath.Join(t.TempDir(), "spool.jsonl")
	for _, tc := range []struct {
		name string
		vars map[string]string
		args []string
		want string
	}{
		{"no signing key", nil, []string{"--rotate-url", "https://vault.example.com/hook", "--rotate-spool", outside}, "LEAKSTOP_WEBHOOK_SECRET"},
		{"a bad key", map[string]string{"LEAKSTOP_WEBHOOK_SECRET": key[:20]}, []string{"--rotate-url", "https://vault.example.com/hook", "--rotate-spool", outside}, "want at least 24"},
		{"plain http to another host", map[string]string{"LEAKSTOP_WEBHOOK_SECRET": key}, []string{"--rotate-url", "http://vault.example.com/hook", "--rotate-spool", outside}, "--rotate-insecure"},
		{"credentials in the URL", map[string]string{"LEAKSTOP_WEBHOOK_SECRET": key}, []string{"--rotate-url", "https://ci:pw12345678@vault.example.com/hook", "--rotate-spool", outside}, "credentials"},
		{"a spool inside the tree", map[string]string{"LEAKSTOP_WEBHOOK_SECRET": key}, []string{"--rotate-url", "https://vault.example.com/hook", "--rotate-spool", filepath.Join(tree.dir, "deploy", "spool")}, "inside the scanned"},
		{"the default spool inside the tree", map[string]string{"LEAKSTOP_WEBHOOK_SECRET": key, "XDG_STATE_HOME": filepath.Join(tree.dir, ".state")}, []string{"--rotate-url", "https://vault.example.com/hook"}, "inside the scanned"},
		{"--rotate without a URL", map[string]string{"LEAKSTOP_WEBHOOK_SECRET": key}, []string{"--rotate"}, "--rotate needs --rotate-url"},
		{"a bad timeout", map[string]string{"LEAKSTOP_WEBHOOK_SECRET": key}, []string{"--rotate-url", "https://vault.example.com/hook", "--rotate-spool", outside, "--rotate-timeout", "0s"}, "--rotate-timeout"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := runCLI(t, tc.vars, append([]string{"dir", tree.dir}, tc.args...)...)
			if r.code != exitUsage || !strings.Contains(r.stderr, tc.want) {
				t.Fatalf("exit %d, want %d and %q:\n%s", r.code, exitUsage, tc.want, r.stderr)
			}
			if strings.Contains(r.stderr, strings.TrimPrefix(key, "whsec_")[:12]) || strings.Contains(r.stderr, "pw12345678") {
				t.Errorf("the message repeats a key or password:\n%s", r.stderr)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(tree.dir, ".state")); err == nil {
		t.Error("a refused spool was created inside the tree")
	}
}

// The hooks send events only when --rotate says so.
func TestRotateHooksOptIn(t *testing.T) {
	gitfixture.Require(t)
	repo := gitfixture.New(t)
	repo.Commit("base", map[string]string{"README": "hello\n"})
	tok := fakeToken(t, 104)
	if err := os.WriteFile(filepath.Join(repo.Dir, "app.env"), []byte("TOKEN="+tok+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	repo.Git("add", "app.env")
	secret := webhookSecret("hooks")
	rc, url := startReceiver(t, secret)
	spool := filepath.Join(t.TempDir(), "spool.jsonl")
	vars := map[string]string{"LEAKSTOP_WEBHOOK_SECRET": secret, "LEAKSTOP_ROTATE_URL": url}
	t.Chdir(repo.Dir)
	r := runCLI(t, vars, "staged", "--rotate-spool", spool)
	if r.code != exitFindings || rc.Counts().Requests != 0 || strings.Contains(r.stderr, "rotation") {
		t.Fatalf("staged without --rotate: exit %d, %+v\n%s", r.code, rc.Counts(), r.stderr)
	}
	r = runCLI(t, map[string]string{"LEAKSTOP_WEBHOOK_SECRET": secret}, "staged", "--rotate-url", url, "--rotate-spool", spool)
	if rc.Counts().Requests != 0 || !strings.Contains(r.stderr, "--rotate-url ignored") {
		t.Fatalf("staged --rotate-url: %+v\n%s", rc.Counts(), r.stderr)
	}
	r = runCLI(t, vars, "staged", "--rotate", "--rotate-spool", spool)
	if r.code != exitFindings || rc.Counts().Accepted != 1 || !strings.Contains(r.stderr, "1 event: 1 delivered") {
		t.Fatalf("staged --rotate: exit %d, %+v\n%s", r.code, rc.Counts(), r.stderr)
	}
}

func TestSpoolOutside(t *testing.T) {
	root := t.TempDir()
	link := filepath.Join(t.TempDir(), "link")
	if err := os.Symlink(root, link); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		spool  string
		inside bool
	}{
		{filepath.Join(root, "spool"), true},
		{filepath.Join(root, "not", "yet", "made", "spool"), true},
		{filepath.Join(link, "spool"), true},
		{root, true},
		{filepath.Join(root+"-sibling", "spool"), false},
		{filepath.Join(filepath.Dir(root), "spool"), false},
	} {
		err := spoolOutside(tc.spool, []string{root})
		if (err != nil) != tc.inside {
			t.Errorf("%s: %v, want inside=%v", tc.spool, err, tc.inside)
		}
	}
	if err := spoolOutside(filepath.Join(root, "spool"), nil); err != nil {
		t.Errorf("no root (stdin): %v", err)
	}
}
