package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/leakstop/leakstop/internal/gitfixture"
	"github.com/leakstop/leakstop/rules"
	"github.com/leakstop/leakstop/rules/fake"
)

// The hooks of .pre-commit-hooks.yaml, run by the real pre-commit framework
// (.ci/run installs it): a staged fake secret blocks the commit, a clean
// commit passes, and the same for a push.

// hookTest is a user's repository with a .pre-commit-config.yaml, a bare
// remote, and the environment the framework runs in.
type hookTest struct {
	t    *testing.T
	dir  string
	env  []string
	repo *gitfixture.Repo
}

// requirePreCommit fails when the framework is missing: CI installs it and
// a skip would pass unnoticed.
func requirePreCommit(t *testing.T) {
	t.Helper()
	gitfixture.Require(t)
	if _, err := exec.LookPath("pre-commit"); err != nil {
		t.Fatal("the pre-commit framework is not installed (apt-get install pre-commit, or run .ci/run)")
	}
}

// projectCopy commits this module's files (tracked and untracked, as git
// lists them) to a new repository and returns it with the commit: what a
// user's config names with repo: and rev:.
func projectCopy(t *testing.T) (dir, rev string) {
	t.Helper()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("git", "-C", root, "ls-files", "-z", "--cached", "--others", "--exclude-standard").Output()
	if err != nil {
		t.Fatalf("listing the module's files (the suite runs from a git checkout): %v", err)
	}
	src := gitfixture.New(t)
	for _, rel := range strings.Split(strings.TrimRight(string(out), "\x00"), "\x00") {
		b, err := os.ReadFile(filepath.Join(root, rel))
		if err != nil {
			continue // listed but deleted in the work tree
		}
		dst := filepath.Join(src.Dir, rel)
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dst, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	src.Git("add", "-A")
	src.Git("commit", "-q", "-m", "leakstop")
	return src.Dir, src.Head()
}

func newHookTest(t *testing.T, config string, extraPath string) *hookTest {
	t.Helper()
	requirePreCommit(t)
	home := t.TempDir()
	env := append(os.Environ(),
		"PRE_COMMIT_HOME="+filepath.Join(home, "pre-commit"),
		"HOME="+home, "XDG_CACHE_HOME="+filepath.Join(home, ".cache"),
		"GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL=/dev/null",
		"GIT_AUTHOR_NAME=Alice", "GIT_AUTHOR_EMAIL=alice@example.com",
		"GIT_COMMITTER_NAME=Alice", "GIT_COMMITTER_EMAIL=alice@example.com",
		// The golang hooks run `go install ./...` with a GOPATH of their
		// own; the module cache this suite was built with has every
		// dependency, so nothing is fetched from the network.
		"GOMODCACHE="+goEnv(t, "GOMODCACHE"), "GOCACHE="+goEnv(t, "GOCACHE"),
		"GOPROXY=off", "GOFLAGS=-mod=mod -buildvcs=false", "GOTOOLCHAIN=local",
	)
	if extraPath != "" {
		env = append(env, "PATH="+extraPath+string(os.PathListSeparator)+os.Getenv("PATH"))
	}
	r := gitfixture.New(t)
	h := &hookTest{t: t, dir: r.Dir, env: env, repo: r}
	r.Write(map[string]string{".pre-commit-config.yaml": config})
	r.Commit("config", nil)
	remote := t.TempDir()
	h.run("git", "init", "-q", "--bare", remote)
	h.run("git", "remote", "add", "origin", remote)
	h.run("git", "push", "-q", "origin", "main")
	h.run("pre-commit", "install", "--hook-type", "pre-commit", "--hook-type", "pre-push")
	return h
}

func goEnv(t *testing.T, name string) string {
	out, err := exec.Command("go", "env", name).Output()
	if err != nil {
		t.Fatalf("go env %s: %v", name, err)
	}
	return strings.TrimSpace(string(out))
}

// try runs a command in the repository and returns its combined output
// and whether it succeeded.
func (h *hookTest) try(name string, args ...string) (string, bool) {
	h.t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir, cmd.Env = h.dir, h.env
	out, err := cmd.CombinedOutput()
	return string(out), err == nil
}

func (h *hookTest) run(name string, args ...string) string {
	h.t.Helper()
	out, ok := h.try(name, args...)
	if !ok {
		h.t.Fatalf("%s %s failed:\n%s", name, strings.Join(args, " "), out)
	}
	return out
}

// fakeGitHubToken is a format-valid (checksummed) fake token.
func fakeGitHubToken(t *testing.T, seed uint64) string {
	t.Helper()
	set, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	r, _ := set.Lookup("github-pat")
	s, err := fake.New(seed).Secret(r)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// check commits and pushes through the installed hooks.
func (h *hookTest) check() {
	t := h.t
	h.repo.Write(map[string]string{"clean.txt": "nothing to see\n"})
	h.run("git", "add", "clean.txt")
	if out, ok := h.try("git", "commit", "-q", "-m", "clean"); !ok {
		t.Fatalf("a clean commit was blocked:\n%s", out)
	}
	if out, ok := h.try("git", "push", "-q", "origin", "main"); !ok {
		t.Fatalf("a clean push was blocked:\n%s", out)
	}

	tok := fakeGitHubToken(t, 1)
	h.repo.Write(map[string]string{"app.env": "GITHUB_TOKEN=" + tok + "\n"})
	h.run("git", "add", "app.env")
	out, ok := h.try("git", "commit", "-q", "-m", "add a token")
	if ok {
		t.Fatalf("a staged secret did not block the commit:\n%s", out)
	}
	if !strings.Contains(out, "github-pat") || !strings.Contains(out, "app.env:1:14") || strings.Contains(out, tok) {
		t.Errorf("the hook's output does not name the finding (or shows the secret):\n%s", out)
	}

	h.run("git", "commit", "-q", "--no-verify", "-m", "add a token")
	out, ok = h.try("git", "push", "-q", "origin", "main")
	if ok {
		t.Fatalf("a pushed secret did not block the push:\n%s", out)
	}
	if !strings.Contains(out, "app.env:1:14") || strings.Contains(out, tok) {
		t.Errorf("the push hook's output does not name the finding (or shows the secret):\n%s", out)
	}
	if remote := h.run("git", "ls-remote", "origin", "main"); strings.Contains(remote, h.repo.Head()) {
		t.Errorf("the remote received the commit with the secret")
	}
}

func TestPreCommitFramework(t *testing.T) {
	requirePreCommit(t)
	src, rev := projectCopy(t)
	t.Run("golang hooks built from the repository", func(t *testing.T) {
		h := newHookTest(t, "repos:\n- repo: "+src+"\n  rev: "+rev+"\n  hooks:\n  - id: leakstop\n  - id: leakstop-push\n", "")
		h.check()
	})
	t.Run("system hooks with an installed binary", func(t *testing.T) {
		bin := t.TempDir()
		build := exec.Command("go", "build", "-o", filepath.Join(bin, "leakstop"), ".")
		if out, err := build.CombinedOutput(); err != nil {
			t.Fatalf("go build: %v\n%s", err, out)
		}
		h := newHookTest(t, "repos:\n- repo: "+src+"\n  rev: "+rev+"\n  hooks:\n  - id: leakstop-system\n  - id: leakstop-push-system\n", bin)
		h.check()
	})
}
