package source

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// IgnoreFileName is the file at the top of a scanned folder or repository
// that lists accepted findings (package suppress reads it).
const IgnoreFileName = ".leakstopignore"

// ErrNoCommit says a revision names no commit of the repository: a push's
// old remote commit that was never fetched, an unborn HEAD.
var ErrNoCommit = errors.New("no such commit")

// noCommitError is a failure to resolve a revision: it is ErrNoCommit and
// keeps what went wrong.
type noCommitError struct{ err error }

func (e *noCommitError) Error() string   { return e.err.Error() }
func (e *noCommitError) Unwrap() []error { return []error{e.err, ErrNoCommit} }

// maxIgnoreFileSize bounds what ReadFileAt reads: an ignore file is a list
// of hashes, not content.
const maxIgnoreFileSize = 16 << 20

// ReadFileAt returns the file at path (relative to the top of the
// repository, '/'-separated) in the tree of the commit rev names, and
// whether that commit has a file there. A revision that names no commit
// is an error that is ErrNoCommit. A range scan reads its ignore file
// this way, from the base commit, so that a change cannot accept its own
// leak.
//
// It reads through go-git, as the history scan does, rather than running
// `git show REV:PATH`: the repository is opened the same way (work tree,
// .git folder, bare or linked work tree), no git binary is needed, and no
// filter or textconv can change the bytes.
func ReadFileAt(repo, rev, path string) (data []byte, found bool, err error) {
	files, err := ReadFilesAt(repo, rev, path)
	data, found = files[path]
	return data, found, err
}

// ReadFilesAt reads several files of one commit as ReadFileAt does, opening
// the repository once: the map holds the paths the commit has.
func ReadFilesAt(repo, rev string, paths ...string) (map[string][]byte, error) {
	r, err := openGit(repo)
	if err != nil {
		return nil, err
	}
	defer r.close()
	h, err := resolveCommit(r, rev)
	if err != nil {
		return nil, &noCommitError{err}
	}
	c, err := object.GetCommit(r.st, h)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", rev, err)
	}
	tree, err := c.Tree()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", rev, err)
	}
	out := map[string][]byte{}
	for _, path := range paths {
		f, err := tree.File(path)
		switch {
		case errors.Is(err, object.ErrFileNotFound), errors.Is(err, object.ErrDirectoryNotFound):
			continue
		case err != nil:
			return nil, fmt.Errorf("%s:%s: %w", rev, path, err)
		case f.Mode != filemode.Regular && f.Mode != filemode.Executable && f.Mode != filemode.Deprecated:
			return nil, fmt.Errorf("%s:%s: not a regular file", rev, path)
		case f.Size > maxIgnoreFileSize:
			return nil, fmt.Errorf("%s:%s: larger than %d bytes", rev, path, maxIgnoreFileSize)
		}
		rd, err := f.Reader()
		if err != nil {
			return nil, fmt.Errorf("%s:%s: %w", rev, path, err)
		}
		data, err := io.ReadAll(rd)
		rd.Close()
		if err != nil {
			return nil, fmt.Errorf("%s:%s: %w", rev, path, err)
		}
		out[path] = data
	}
	return out, nil
}

// WorkTreeOf returns the top folder of repo's work tree, repo being what
// Git.Repo accepts (a work tree, its .git folder, a linked work tree's git
// folder or a bare repository), or "" when the repository is bare.
func WorkTreeOf(repo string) (string, error) {
	if _, err := os.Stat(filepath.Join(repo, "commondir")); err == nil {
		// A linked work tree's git folder names the work tree's .git file.
		if b, err := os.ReadFile(filepath.Join(repo, "gitdir")); err == nil {
			return filepath.Dir(strings.TrimSpace(string(b))), nil
		}
	}
	gitDir, err := findGitDir(repo)
	if err != nil {
		return "", err
	}
	if gitDir != repo {
		return repo, nil // repo holds the .git folder or file
	}
	r, err := openGit(repo)
	if err != nil {
		return "", err
	}
	defer r.close()
	cfg, err := r.r.Config()
	if err != nil {
		return "", fmt.Errorf("%s: %w", repo, err)
	}
	switch {
	case cfg.Core.Worktree != "":
		wt := cfg.Core.Worktree
		if !filepath.IsAbs(wt) {
			wt = filepath.Join(gitDir, wt)
		}
		return wt, nil
	case cfg.Core.IsBare:
		return "", nil
	case filepath.Base(filepath.Clean(gitDir)) == ".git":
		return filepath.Dir(filepath.Clean(gitDir)), nil
	}
	return "", nil // a git folder of another name with no work tree named
}

// TopLevel returns the top folder of the work tree holding dir ("": the
// current folder), as git sees it: it honours GIT_DIR and GIT_WORK_TREE in
// env (nil: the process's environment), as Staged does.
func TopLevel(ctx context.Context, dir string, env []string) (string, error) {
	cmd := exec.CommandContext(ctx, "git", "rev-parse", "--show-toplevel")
	cmd.Dir = dir
	cmd.Env = env
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		if msg := strings.TrimSpace(stderr.String()); msg != "" {
			return "", fmt.Errorf("git rev-parse: %s", firstLine(msg))
		}
		return "", fmt.Errorf("git rev-parse: %w", err)
	}
	top := strings.TrimSpace(string(out))
	if top == "" {
		return "", errors.New("git rev-parse: not in a work tree")
	}
	return top, nil
}

// StagedPaths returns the paths (relative to the top of the work tree)
// whose staged version differs from HEAD's, in the index of the work tree
// at top (the one GIT_INDEX_FILE names, as Staged reads it). HEAD must
// name a commit.
func StagedPaths(ctx context.Context, top string) (map[string]bool, error) {
	out, err := (&Staged{Dir: top}).git(ctx, "diff-index", "--cached", "--name-only", "-z", "--no-renames", "HEAD", "--")
	if err != nil {
		return nil, err
	}
	paths := map[string]bool{}
	for _, p := range bytes.Split(out, []byte{0}) {
		if len(p) > 0 {
			paths[string(p)] = true
		}
	}
	return paths, nil
}

// ReadIndexFile returns the file at path (relative to the top of the work
// tree, '/'-separated) as staged in the index of the work tree at top
// (the one GIT_INDEX_FILE names, as Staged reads it), and whether the
// index has a file there. A staged scan compares it with HEAD's version:
// what the commit would add to a suppression file is listed.
func ReadIndexFile(ctx context.Context, top, path string) (data []byte, found bool, err error) {
	g := &Staged{Dir: top}
	out, err := g.git(ctx, "ls-files", "--stage", "-z", "--", ":(literal)"+path)
	if err != nil {
		return nil, false, fmt.Errorf("reading %s in the index: %w", path, err)
	}
	// "<mode> <object> <stage>\t<path>\0": the entry of that very path
	// (a folder's lists its files), at stage 0 (a conflicted path has
	// stages 1 to 3 and nothing staged yet).
	var fields []string
	for _, rec := range bytes.Split(out, []byte{0}) {
		meta, p, ok := bytes.Cut(rec, []byte("\t"))
		if f := strings.Fields(string(meta)); ok && string(p) == path && len(f) == 3 && f[2] == "0" {
			fields = f
		}
	}
	if fields == nil {
		return nil, false, nil
	}
	if fields[0] != "100644" && fields[0] != "100755" {
		return nil, false, fmt.Errorf(":%s: not a regular file", path)
	}
	data, err = g.git(ctx, "cat-file", "blob", fields[1])
	if err != nil {
		return nil, false, fmt.Errorf("reading %s in the index: %w", path, err)
	}
	if len(data) > maxIgnoreFileSize {
		return nil, false, fmt.Errorf(":%s: larger than %d bytes", path, maxIgnoreFileSize)
	}
	return data, true, nil
}
