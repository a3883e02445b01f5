// Package examples runs the sweep configurations of examples/ the way
// their engines would: the GitHub Actions workflow's shard and merge steps,
// and the Kubernetes Jobs' containers, each with the exact commands the
// files hold (read from the YAML, not copied here), over 12 repositories
// built by the test. The merged report must equal that of one unsharded
// run. The package holds only tests.
package examples

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/leakstop/leakstop/internal/gitfixture"
	"github.com/leakstop/leakstop/rules"
	"github.com/leakstop/leakstop/rules/fake"
)

// buildLeakstop builds the command into a new folder, for PATH.
func buildLeakstop(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	cmd := exec.Command("go", "build", "-o", filepath.Join(dir, "leakstop"), "github.com/leakstop/leakstop/cmd/leakstop")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return dir
}

// secrets makes format-valid fake secrets at run time (no token that push
// protection would block is written in the source): name → a line that
// holds one.
func secrets(t *testing.T) map[string]string {
	t.Helper()
	set, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for name, spec := range map[string][2]string{
		"github":    {"github-pat", "GITHUB_TOKEN="},
		"github2":   {"github-pat", "export GH_TOKEN="},
		"npm":       {"npm-access-token", "//registry.npmjs.org/:_authToken="},
		"openai":    {"openai-project-key", "OPENAI_API_KEY="},
		"anthropic": {"anthropic-api-key", "ANTHROPIC_API_KEY="},
	} {
		r, ok := set.Lookup(spec[0])
		if !ok {
			t.Fatalf("no rule %s", spec[0])
		}
		h := fnv.New64a()
		h.Write([]byte(name))
		s, err := fake.New(h.Sum64()).Secret(r)
		if err != nil {
			t.Fatal(err)
		}
		out[name] = spec[1] + s + "\n"
	}
	return out
}

// buildRepos makes 12 repositories under dir/repos (svc-01 … svc-12),
// each with a secret in its history; some secrets are in several of them
// (sprawl across repositories), one is accepted by one repository's
// .leakstopignore only, one was removed again. svc-11 and svc-12 are also
// cloned bare into bare/, to be listed by file:// URL.
func buildRepos(t *testing.T, dir string) (names []string) {
	t.Helper()
	s := secrets(t)
	for i := 1; i <= 12; i++ {
		name := fmt.Sprintf("svc-%02d", i)
		r := gitfixture.New(t)
		r.Commit("start", map[string]string{"README.md": "# " + name + "\n", "main.go": "package main\n"})
		switch i % 4 {
		case 0:
			r.Commit("config", map[string]string{"app.env": s["github"]}) // in svc-04, -08, -12: one secret, three repositories
		case 1:
			r.Commit("npm", map[string]string{".npmrc": s["npm"]})
		case 2:
			r.Commit("deploy", map[string]string{"deploy.sh": s["github2"], "ai/.env": s["openai"]})
		case 3:
			r.Commit("add a key", map[string]string{"keys.env": s["anthropic"]})
			r.Remove("keys.env")
			r.Commit("remove the key", nil)
			r.Commit("again", map[string]string{"tools/ci.env": s["openai"]})
		}
		if i == 5 {
			// Its own .leakstopignore accepts its .npmrc: that finding goes,
			// the same secret in svc-01 and svc-09 stays.
			fp := fingerprintOf(t, r.Dir, ".npmrc")
			r.Commit("accept", map[string]string{".leakstopignore": fp + "\n"})
		}
		if i >= 11 {
			bare := filepath.Join(dir, "bare", name+".git")
			r.Git("clone", "-q", "--bare", r.Dir, bare)
		}
		dst := filepath.Join(dir, "repos", name)
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(r.Dir, dst); err != nil {
			t.Fatal(err)
		}
		if err := os.Mkdir(r.Dir, 0o755); err != nil { // for t.TempDir's clean-up
			t.Fatal(err)
		}
		names = append(names, name)
	}
	return names
}

// fingerprintOf scans repo and returns the fingerprint of its finding at
// path.
func fingerprintOf(t *testing.T, repo, path string) string {
	t.Helper()
	out, _ := exec.Command("leakstop", "git", "--format", "json", repo).Output()
	var rep struct {
		Findings []struct{ Path, Fingerprint string }
	}
	if err := json.Unmarshal(out, &rep); err != nil {
		t.Fatalf("leakstop git %s: %v\n%s", repo, err, out)
	}
	for _, f := range rep.Findings {
		if f.Path == path {
			return f.Fingerprint
		}
	}
	t.Fatalf("no finding at %s in %s", path, repo)
	return ""
}

// shardOf is the shard (1-based) of a repository named name among n, as
// DESIGN.md and the README say --shard draws them.
func shardOf(name string, n int) int {
	sum := sha256.Sum256([]byte(name))
	return int(binary.BigEndian.Uint64(sum[:8])%uint64(n)) + 1
}

// testEnv is the environment commands run in: the test's leakstop first
// on PATH, git isolated from the user's configuration.
func testEnv(bin, home string) []string {
	env := []string{"PATH=" + bin + string(os.PathListSeparator) + os.Getenv("PATH"), "HOME=" + home,
		"GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL=/dev/null", "NO_COLOR=1", "LC_ALL=C"}
	if v := os.Getenv("TMPDIR"); v != "" {
		env = append(env, "TMPDIR="+v)
	}
	return env
}

// runIn runs argv in dir with env and returns its exit status.
func runIn(t *testing.T, dir string, env []string, argv ...string) int {
	t.Helper()
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Dir, cmd.Env = dir, env
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	if out.Len() > 0 {
		t.Logf("%s (in %s):\n%s", filepath.Base(argv[0]), dir, out.String())
	}
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.ExitCode()
	}
	if err != nil {
		t.Fatalf("%s: %v", argv[0], err)
	}
	return 0
}

// readJSON reads a JSON report as a value.
func readJSON(t *testing.T, path string) map[string]any {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var v map[string]any
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return v
}

// listOf is the list at key of a report (nil when it has none).
func listOf(rep map[string]any, key string) []any {
	l, _ := rep[key].([]any)
	return l
}

// sameReport checks that the merged report is the unsharded one's, but
// for the inputs a merge lists.
func sameReport(t *testing.T, merged, whole string) map[string]any {
	t.Helper()
	m, w := readJSON(t, merged), readJSON(t, whole)
	if n := len(listOf(m, "merged_from")); n != 4 {
		t.Errorf("%s merges %d reports, want 4", merged, n)
	}
	delete(m, "merged_from")
	if !reflect.DeepEqual(m, w) {
		a, _ := json.MarshalIndent(m, "", "  ")
		b, _ := json.MarshalIndent(w, "", "  ")
		t.Fatalf("the merged report differs from the unsharded run's\nmerged:\n%s\nunsharded:\n%s", a, b)
	}
	return m
}

// checkSweep checks what the merged report of the sweep says: every
// listed repository, places that name their repository, one secret
// spread over several repositories, the accepted finding gone, and the
// repository that cannot be read named in errors (a partial report).
func checkSweep(t *testing.T, rep map[string]any, listed int, missing string) {
	t.Helper()
	if got := len(listOf(rep, "repositories")); got != listed {
		t.Errorf("repositories: %d, want %d", got, listed)
	}
	if rep["partial"] != true {
		t.Errorf("a repository could not be read: the report should be partial")
	}
	errs := listOf(rep, "errors")
	if len(errs) != 1 || errs[0].(map[string]any)["path"] != missing {
		t.Errorf("errors %v: want one naming %s", errs, missing)
	}
	findings := listOf(rep, "findings")
	if len(findings) != 17 {
		t.Errorf("%d findings, want 17 (3 + 2 + 6 + 6, less the one svc-05 accepts)", len(findings))
	}
	for _, f := range findings {
		src := f.(map[string]any)["source"].(map[string]any)
		if src["repo"] == nil || src["repo"] == "" {
			t.Errorf("a finding names no repository: %v", f)
		}
	}
	widest := 0
	for _, s := range listOf(rep, "sprawl") {
		repos := map[any]bool{}
		for _, p := range s.(map[string]any)["places"].([]any) {
			repos[p.(map[string]any)["repo"]] = true
		}
		widest = max(widest, len(repos))
	}
	if widest < 3 {
		t.Errorf("no secret's sprawl spans 3 repositories (widest: %d)", widest)
	}
}
