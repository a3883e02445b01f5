// Package gitfixture builds real git repositories for tests, with the git
// binary, in a test's temporary folder: fixed authors and dates, so commit
// ids are the same on every run.
package gitfixture

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Repo is a repository being built.
type Repo struct {
	t testing.TB
	// Dir is the work tree (or, for a bare repository, the repository).
	Dir string
	// tick advances the clock of each commit by one minute.
	tick int
}

// Require fails the test when git is not installed: the suite needs it
// (.ci/run installs it), and a skipped test would pass unnoticed.
func Require(t testing.TB) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Fatal("git is not installed (apt-get install git, or run .ci/run)")
	}
}

// New makes an empty repository with branch main in a new temporary folder.
func New(t testing.TB) *Repo {
	t.Helper()
	Require(t)
	r := &Repo{t: t, Dir: t.TempDir()}
	r.Git("init", "-q", "-b", "main", ".")
	return r
}

// env isolates git from the user's configuration and fixes identities
// and dates.
func (r *Repo) env() []string {
	date := fmt.Sprintf("2024-01-01T00:%02d:%02dZ", r.tick/60%60, r.tick%60)
	env := []string{
		"GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL=/dev/null", "HOME=" + r.Dir,
		"GIT_AUTHOR_NAME=Alice", "GIT_AUTHOR_EMAIL=alice@example.com",
		"GIT_COMMITTER_NAME=Alice", "GIT_COMMITTER_EMAIL=alice@example.com",
		"GIT_AUTHOR_DATE=" + date, "GIT_COMMITTER_DATE=" + date,
		"GIT_TERMINAL_PROMPT=0", "LC_ALL=C",
	}
	for _, kv := range os.Environ() {
		if k, _, _ := strings.Cut(kv, "="); k == "PATH" || k == "TMPDIR" {
			env = append(env, kv)
		}
	}
	return env
}

// Git runs git in the repository and returns its trimmed output; a failure
// fails the test.
func (r *Repo) Git(args ...string) string {
	r.t.Helper()
	out, err := r.TryGit(args...)
	if err != nil {
		r.t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return out
}

// TryGit runs git and returns its output and error.
func (r *Repo) TryGit(args ...string) (string, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = r.Dir
	cmd.Env = r.env()
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	return strings.TrimSpace(out.String()), err
}

// Write writes files (path → content) into the work tree.
func (r *Repo) Write(files map[string]string) {
	r.t.Helper()
	for name, content := range files {
		p := filepath.Join(r.Dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			r.t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			r.t.Fatal(err)
		}
	}
}

// Commit writes files, stages everything and commits with message,
// returning the new commit's id. Each commit is one minute after the last.
func (r *Repo) Commit(message string, files map[string]string) string {
	r.t.Helper()
	r.Write(files)
	r.Git("add", "-A")
	r.tick += 60
	r.Git("commit", "-q", "--allow-empty", "-m", message)
	return r.Head()
}

// Remove deletes paths from the work tree and the index.
func (r *Repo) Remove(paths ...string) {
	r.t.Helper()
	r.Git(append([]string{"rm", "-q", "-r", "--"}, paths...)...)
}

// Move renames a path with git mv.
func (r *Repo) Move(from, to string) {
	r.t.Helper()
	if dir := filepath.Dir(filepath.Join(r.Dir, to)); dir != "" {
		os.MkdirAll(dir, 0o755)
	}
	r.Git("mv", from, to)
}

// Head returns the id of HEAD.
func (r *Repo) Head() string {
	r.t.Helper()
	return r.Git("rev-parse", "HEAD")
}

// Branch creates a branch at HEAD and checks it out.
func (r *Repo) Branch(name string) {
	r.t.Helper()
	r.Git("checkout", "-q", "-b", name)
}

// Checkout checks out a branch or commit (detached).
func (r *Repo) Checkout(rev string) {
	r.t.Helper()
	r.Git("checkout", "-q", rev)
}

// Tag makes an annotated tag at HEAD.
func (r *Repo) Tag(name string) {
	r.t.Helper()
	r.tick++
	r.Git("tag", "-a", "-m", "tag "+name, name)
}

// Stash writes files into the work tree and stashes them (untracked files
// too), returning the stash commit.
func (r *Repo) Stash(files map[string]string) string {
	r.t.Helper()
	r.Write(files)
	r.tick += 60
	r.Git("stash", "push", "-q", "--include-untracked")
	return r.Git("rev-parse", "refs/stash")
}

// MergeConflict merges branch into the current branch, expecting a
// conflict, resolves it by writing resolution and commits the merge. It
// returns the merge commit.
func (r *Repo) MergeConflict(branch string, resolution map[string]string) string {
	r.t.Helper()
	r.tick += 60
	if out, err := r.TryGit("merge", "--no-ff", "-q", branch); err == nil {
		r.t.Fatalf("merge of %s did not conflict:\n%s", branch, out)
	}
	r.Write(resolution)
	r.Git("add", "-A")
	r.Git("commit", "-q", "--no-edit")
	return r.Head()
}

// Merge merges branch with a merge commit (no conflict expected).
func (r *Repo) Merge(branch string) string {
	r.t.Helper()
	r.tick += 60
	r.Git("merge", "--no-ff", "-q", "--no-edit", branch)
	return r.Head()
}

// CloneBare makes a bare clone in a new temporary folder.
func (r *Repo) CloneBare() *Repo {
	r.t.Helper()
	c := &Repo{t: r.t, Dir: r.t.TempDir(), tick: r.tick}
	c.Git("clone", "-q", "--bare", r.Dir, c.Dir)
	return c
}

// CloneShallow makes a clone with only the last depth commits of each
// branch, over the file protocol (a local clone ignores --depth).
func (r *Repo) CloneShallow(depth int) *Repo {
	r.t.Helper()
	c := &Repo{t: r.t, Dir: r.t.TempDir(), tick: r.tick}
	c.Git("clone", "-q", "--no-local", fmt.Sprintf("--depth=%d", depth), "file://"+r.Dir, c.Dir)
	return c
}

// GitDir returns the folder holding the repository's objects.
func (r *Repo) GitDir() string {
	r.t.Helper()
	d := r.Git("rev-parse", "--git-dir")
	if !filepath.IsAbs(d) {
		d = filepath.Join(r.Dir, d)
	}
	return d
}

// BlobID returns the id of the blob at path in rev.
func (r *Repo) BlobID(rev, path string) string {
	r.t.Helper()
	return r.Git("rev-parse", rev+":"+path)
}

// HashObject writes content as a loose blob that no commit reaches and
// returns its id.
func (r *Repo) HashObject(content string) string {
	r.t.Helper()
	p := filepath.Join(r.t.TempDir(), "blob")
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		r.t.Fatal(err)
	}
	return r.Git("hash-object", "-w", p)
}

// LooseObjectPath is the file of a loose object.
func (r *Repo) LooseObjectPath(id string) string {
	return filepath.Join(r.GitDir(), "objects", id[:2], id[2:])
}
