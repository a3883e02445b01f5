package source

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/leakstop/leakstop/internal/gitfixture"
)

// partialClone clones r without blobs (git clone --filter=blob:none) and
// counts the fetches it makes from r afterwards in the returned file.
func partialClone(t *testing.T, r *gitfixture.Repo) (dir, fetches string) {
	t.Helper()
	r.Git("config", "uploadpack.allowFilter", "true")
	r.Git("config", "uploadpack.allowAnySHA1InWant", "true")
	dir = filepath.Join(t.TempDir(), "partial")
	out, err := exec.Command("git", "clone", "-q", "--no-checkout", "--filter=blob:none", "file://"+r.Dir, dir).CombinedOutput()
	if err != nil {
		t.Fatalf("partial clone: %v\n%s", err, out)
	}
	fetches = filepath.Join(t.TempDir(), "fetches")
	counter := filepath.Join(t.TempDir(), "upload-pack")
	script := fmt.Sprintf("#!/bin/sh\necho fetch >> '%s'\nexec git-upload-pack \"$@\"\n", fetches)
	if err := os.WriteFile(counter, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("git", "-C", dir, "config", "remote.origin.uploadpack", counter).CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	return dir, fetches
}

func TestGitPartialCloneFetchesMissingBlobsAtOnce(t *testing.T) {
	gitfixture.Require(t)
	r := gitfixture.New(t)
	for i := range 5 {
		r.Commit(fmt.Sprintf("c%d", i), map[string]string{fmt.Sprintf("f%d.env", i): fmt.Sprintf("TOKEN=value-%d\n", i)})
	}
	dir, fetches := partialClone(t, r)
	s := runGit(t, &Git{Repo: dir})
	if len(s.frags) != 5 || len(s.errors) != 0 || len(s.skips) != 0 {
		t.Fatalf("partial clone: %d fragments, errors %v, skips %v; want the 5 blobs", len(s.frags), s.errors, s.skips)
	}
	b, _ := os.ReadFile(fetches)
	if n := strings.Count(string(b), "fetch"); n != 1 {
		t.Errorf("%d fetches from the promisor remote, want 1 for all 5 missing blobs", n)
	}
}

func TestGitPartialCloneOffline(t *testing.T) {
	gitfixture.Require(t)
	r := gitfixture.New(t)
	r.Commit("one", map[string]string{"a.env": "TOKEN=one\n"})
	r.Commit("two", map[string]string{"b.env": "TOKEN=two\n"})
	dir, _ := partialClone(t, r)
	if out, err := exec.Command("git", "-C", dir, "remote", "set-url", "origin", "file://"+filepath.Join(t.TempDir(), "gone")).CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	s := runGit(t, &Git{Repo: dir})
	if len(s.frags) != 0 || len(s.errors) != 0 {
		t.Errorf("offline partial clone: %d fragments, errors %v; want none", len(s.frags), s.errors)
	}
	joined := strings.Join(s.skips, "\n")
	for _, want := range []string{"a.env (commit", "b.env (commit", "partial clone: blob", "fetching 2 missing blobs from origin failed"} {
		if !strings.Contains(joined, want) {
			t.Errorf("skipped list lacks %q:\n%s", want, joined)
		}
	}
}

func TestGitSafeDirectory(t *testing.T) {
	gitfixture.Require(t)
	if os.Geteuid() != 0 {
		t.Skip("needs root to make a repository owned by another user (CI runs as root)")
	}
	r := gitfixture.New(t)
	r.Commit("one", map[string]string{"a.env": "TOKEN=one\n"})
	if out, err := exec.Command("chown", "-R", "65534:65534", r.Dir).CombinedOutput(); err != nil {
		t.Fatalf("chown: %v\n%s", err, out)
	}
	t.Setenv("GIT_CONFIG_GLOBAL", "/dev/null")
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	err := (&Git{Repo: r.Dir}).Fragments(context.Background(), 1, func(int, *Fragment) error { return nil }, &recorder{s: &gitScan{}})
	if !errors.Is(err, ErrUntrustedRepository) || !strings.Contains(err.Error(), "safe.directory "+r.Dir) {
		t.Fatalf("untrusted repository: err %v, want ErrUntrustedRepository naming git's remedy", err)
	}
	// Trusted the way git is told to, it is scanned.
	cfg := filepath.Join(t.TempDir(), "gitconfig")
	if err := os.WriteFile(cfg, []byte("[safe]\n\tdirectory = "+r.Dir+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("GIT_CONFIG_GLOBAL", cfg)
	if s := runGit(t, &Git{Repo: r.Dir}); len(s.frags) != 1 {
		t.Errorf("trusted repository: %d fragments, want 1", len(s.frags))
	}
}
