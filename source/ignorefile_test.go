package source

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/leakstop/leakstop/internal/gitfixture"
)

func TestReadFileAt(t *testing.T) {
	r := gitfixture.New(t)
	first := r.Commit("no ignore file", map[string]string{"a.txt": "a\n"})
	second := r.Commit("ignore file", map[string]string{IgnoreFileName: "# v1\n", "sub/" + IgnoreFileName: "# sub\n"})
	r.Write(map[string]string{IgnoreFileName: "# in the work tree only\n"})
	bare := r.CloneBare()

	tests := []struct {
		name, repo, rev, path string
		want                  string
		found                 bool
	}{
		{"at a commit", r.Dir, second, IgnoreFileName, "# v1\n", true},
		{"by branch name", r.Dir, "main", IgnoreFileName, "# v1\n", true},
		{"in a folder", r.Dir, "HEAD", "sub/" + IgnoreFileName, "# sub\n", true},
		{"before it existed", r.Dir, first, IgnoreFileName, "", false},
		{"a folder is no file", r.Dir, "HEAD", "sub", "", false},
		{"under a file", r.Dir, "HEAD", "a.txt/x", "", false},
		{"bare", bare.Dir, "HEAD", IgnoreFileName, "# v1\n", true},
		{"through the .git folder", filepath.Join(r.Dir, ".git"), "HEAD~1", IgnoreFileName, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, found, err := ReadFileAt(tt.repo, tt.rev, tt.path)
			if err != nil || found != tt.found || string(data) != tt.want {
				t.Errorf("got %q, %v, %v; want %q, %v", data, found, err, tt.want, tt.found)
			}
		})
	}
	for _, rev := range []string{"nosuch", "0123456789012345678901234567890123456789"} {
		if _, _, err := ReadFileAt(r.Dir, rev, IgnoreFileName); !errors.Is(err, ErrNoCommit) {
			t.Errorf("%s: err = %v, want ErrNoCommit", rev, err)
		}
	}
	empty := gitfixture.New(t)
	if _, _, err := ReadFileAt(empty.Dir, "HEAD", IgnoreFileName); !errors.Is(err, ErrNoCommit) {
		t.Errorf("unborn HEAD: err = %v, want ErrNoCommit", err)
	}
	if _, _, err := ReadFileAt(t.TempDir(), "HEAD", IgnoreFileName); err == nil || errors.Is(err, ErrNoCommit) {
		t.Errorf("not a repository: err = %v", err)
	}
}

func TestWorkTreeOf(t *testing.T) {
	r := gitfixture.New(t)
	r.Commit("first", map[string]string{"a.txt": "a\n"})
	linked := filepath.Join(t.TempDir(), "linked")
	r.Git("worktree", "add", "-q", "-b", "side", linked)
	bare := r.CloneBare()
	tests := []struct {
		name, repo, want string
	}{
		{"work tree", r.Dir, r.Dir},
		{"its .git folder", filepath.Join(r.Dir, ".git"), r.Dir},
		{"a linked work tree", linked, linked},
		{"a linked work tree's git folder", filepath.Join(r.Dir, ".git", "worktrees", "linked"), linked},
		{"bare", bare.Dir, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := WorkTreeOf(tt.repo)
			if err != nil || !sameDir(t, got, tt.want) {
				t.Errorf("got %q, %v; want %q", got, err, tt.want)
			}
		})
	}
	if _, err := WorkTreeOf(t.TempDir()); err == nil {
		t.Error("a folder that is no repository has a work tree")
	}
}

func TestTopLevel(t *testing.T) {
	r := gitfixture.New(t)
	sub := filepath.Join(r.Dir, "a", "b")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	got, err := TopLevel(context.Background(), sub, nil)
	if err != nil || !sameDir(t, got, r.Dir) {
		t.Errorf("got %q, %v; want %q", got, err, r.Dir)
	}
	if _, err := TopLevel(context.Background(), t.TempDir(), []string{"GIT_CEILING_DIRECTORIES=/", "PATH=" + os.Getenv("PATH")}); err == nil {
		t.Error("a folder outside any work tree has a top level")
	}
}

// sameDir compares folders, resolving symbolic links (a temporary folder
// may be reached through one).
func sameDir(t *testing.T, a, b string) bool {
	t.Helper()
	if a == "" || b == "" {
		return a == b
	}
	ra, err1 := filepath.EvalSymlinks(a)
	rb, err2 := filepath.EvalSymlinks(b)
	return err1 == nil && err2 == nil && ra == rb
}
