package source

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"

	"github.com/go-git/go-git/v5/plumbing"
)

// KindStaged is the origin of a blob in the index: what the next commit
// would hold at its path.
const KindStaged = "staged"

// emptyTree is the id of git's empty tree: what a commit is compared
// with before the first commit, when there is no HEAD.
const emptyTree = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"

// emptyBlob is the id of the empty blob. Intent-to-add entries (git add
// -N) name it without the object existing.
const emptyBlob = "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391"

// Staged is what the next commit would add: the index (the one
// GIT_INDEX_FILE names, as `git commit -a` and `git commit PATH` use)
// against HEAD. It reads git's plumbing, not go-git: only git itself
// honours a temporary index, split and sparse indexes and every index
// extension. Each fragment is a staged blob of an added, modified or
// type-changed path, never the working tree's file, and its origin lists
// the lines it adds to HEAD's version (Origin.Added). Deletions,
// submodules and binary blobs have nothing to scan.
//
// If it cannot tell what is staged (no git, not a work tree, an index that
// cannot be read), Fragments returns an error: a pre-commit hook must fail
// closed, never pass a commit it could not check.
type Staged struct {
	// Dir is a folder in the work tree; "" is the current folder.
	Dir string
	// MaxFileSize skips larger blobs (listed as skipped); 0: no limit. A
	// blob that is an archive is bounded by Archive instead.
	MaxFileSize int64
	// Archive bounds the opening of staged archives (see expandArchive);
	// its zero value opens none and lists each as skipped.
	Archive ArchiveLimits
	// Env is the environment git runs with; nil: the process's.
	Env []string
}

var _ Source = (*Staged)(nil)

// stagedEntry is one path the commit would change.
type stagedEntry struct {
	path string // canonical
	head string // the blob at HEAD; "" when HEAD has no file there
	blob string // the staged blob
}

// stagedJob is a staged blob read, with HEAD's version of its path.
type stagedJob struct {
	e    stagedEntry
	raw  []byte
	base parentText
}

// Fragments visits each staged blob on jobs workers.
func (s *Staged) Fragments(ctx context.Context, jobs int, visit Visit, p Problems) error {
	gitDir, err := s.workTree(ctx)
	if err != nil {
		return err
	}
	base := emptyTree
	if head, err := s.git(ctx, "rev-parse", "-q", "--verify", "HEAD^{commit}"); err == nil {
		base = strings.TrimSpace(string(head))
	}
	out, err := s.git(ctx, "diff-index", "--cached", "-z", "--no-renames", "--diff-filter=ACMRT", base, "--")
	if err != nil {
		return fmt.Errorf("staged: cannot read the index: %w", err)
	}
	entries, err := parseDiffIndex(out)
	if err != nil {
		return fmt.Errorf("staged: cannot read the index: %w", err)
	}
	return s.emit(ctx, gitDir, entries, max(jobs, 1), visit, p)
}

// workTree checks that Dir is in a work tree whose index can be named,
// and returns the repository's git folder.
func (s *Staged) workTree(ctx context.Context) (gitDir string, err error) {
	if _, err := exec.LookPath("git"); err != nil {
		return "", errors.New("staged: git is not installed (or not on PATH): cannot tell what is staged")
	}
	out, err := s.git(ctx, "rev-parse", "--is-inside-work-tree", "--absolute-git-dir", "--show-toplevel")
	if err != nil {
		return "", fmt.Errorf("staged: not in a git work tree: %w", err)
	}
	lines := strings.Split(strings.TrimRight(string(out), "\n"), "\n")
	if len(lines) != 3 || lines[0] != "true" {
		return "", errors.New("staged: not in a git work tree (run it where `git commit` would run)")
	}
	gitDir, top := lines[1], lines[2]
	// git takes an index that does not exist for an empty one, which would
	// pass every commit: refuse it.
	if idx := s.getenv("GIT_INDEX_FILE"); idx != "" {
		if !indexExists(idx, s.Dir, top) {
			return "", fmt.Errorf("staged: GIT_INDEX_FILE=%s: no such index file", idx)
		}
	}
	return gitDir, nil
}

// indexExists reports whether the index file idx exists, a relative name
// taken from the current folder or the top of the work tree.
func indexExists(idx, dir, top string) bool {
	if filepath.IsAbs(idx) {
		_, err := os.Stat(idx)
		return err == nil
	}
	for _, base := range []string{dir, top} {
		if _, err := os.Stat(filepath.Join(base, idx)); err == nil {
			return true
		}
	}
	return false
}

func (s *Staged) getenv(key string) string {
	if s.Env == nil {
		return os.Getenv(key)
	}
	for i := len(s.Env) - 1; i >= 0; i-- {
		if k, v, ok := strings.Cut(s.Env[i], "="); ok && k == key {
			return v
		}
	}
	return ""
}

// git runs a git command in Dir and returns its output; a failure says
// what git said.
func (s *Staged) git(ctx context.Context, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, "git", args...)
	cmd.Dir = s.Dir
	cmd.Env = s.Env
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		if msg := strings.TrimSpace(stderr.String()); msg != "" {
			return nil, fmt.Errorf("git %s: %s", args[0], firstLine(msg))
		}
		return nil, fmt.Errorf("git %s: %w", args[0], err)
	}
	return out, nil
}

func firstLine(s string) string {
	first, _, _ := strings.Cut(s, "\n")
	return first
}

// parseDiffIndex reads `git diff-index -z` records:
// ":srcmode dstmode srcid dstid status NUL path NUL". Submodules
// (gitlinks) have no blob to scan and are left out.
func parseDiffIndex(out []byte) ([]stagedEntry, error) {
	var entries []stagedEntry
	for len(out) > 0 {
		meta, rest, ok := bytes.Cut(out, []byte{0})
		if !ok {
			return nil, fmt.Errorf("git diff-index: truncated record %q", meta)
		}
		path, rest, ok := bytes.Cut(rest, []byte{0})
		if !ok {
			return nil, fmt.Errorf("git diff-index: record without a path: %q", meta)
		}
		out = rest
		f := strings.Fields(strings.TrimPrefix(string(meta), ":"))
		if len(f) != 5 || len(f[2]) != 40 || len(f[3]) != 40 {
			return nil, fmt.Errorf("git diff-index: unexpected record %q", meta)
		}
		srcMode, dstMode, src, dst := f[0], f[1], f[2], f[3]
		if dstMode == "160000" || dst == zeroRev {
			continue // a submodule, or nothing staged there
		}
		e := stagedEntry{path: canonical(string(path)), blob: dst}
		if src != zeroRev && srcMode != "160000" && srcMode != "000000" {
			e.head = src
		}
		entries = append(entries, e)
	}
	return entries, nil
}

// emit reads the staged blobs, and HEAD's versions of their paths, with
// one `git cat-file --batch`, and visits them on jobs workers.
func (s *Staged) emit(ctx context.Context, gitDir string, entries []stagedEntry, jobs int, visit Visit, p Problems) error {
	inner, cancel := context.WithCancel(ctx)
	defer cancel()
	work := make(chan *stagedJob, jobs)
	var (
		wg       sync.WaitGroup
		once     sync.Once
		visitErr error
	)
	for w := range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range work {
				if err := s.scanJob(inner, w, j, visit, p); err != nil {
					once.Do(func() { visitErr = err; cancel() })
				}
			}
		}()
	}
	readErr := s.readBlobs(inner, gitDir, entries, work, p)
	close(work)
	wg.Wait()
	switch {
	case visitErr != nil:
		return visitErr
	case ctx.Err() != nil:
		return ctx.Err()
	}
	return readErr
}

func (s *Staged) scanJob(ctx context.Context, worker int, j *stagedJob, visit Visit, p Problems) error {
	o := Origin{Kind: KindStaged, Path: j.e.path, Root: s.Dir}
	if !mayBeArchive(j.raw[:min(len(j.raw), sniffArchiveLen)], j.e.path) {
		return s.scanText(worker, j, o, visit)
	}
	item := archiveItem{Name: j.e.path, R: bytes.NewReader(j.raw), Size: int64(len(j.raw)), Origins: []Origin{o},
		Added: memberAdded(ctx, j.e.path, [][]parentText{{j.base}}, s.Archive, s.MaxFileSize)}
	if ok, err := expandArchive(ctx, item, archiveOptions{Limits: s.Archive, MaxFileSize: s.MaxFileSize,
		Worker: worker, Visit: visit, Problems: p}); ok {
		return err
	}
	return s.scanText(worker, j, o, visit)
}

// scanText visits a staged blob that is text, at o.
func (s *Staged) scanText(worker int, j *stagedJob, o Origin, visit Visit) error {
	data, enc, binary := textOf(j.raw)
	if binary {
		return nil
	}
	o.Added = addedLines([]parentText{j.base}, j.raw)
	return visit(worker, &Fragment{Data: data, ID: j.e.blob, Origins: []Origin{o}, Encoding: enc})
}

// readBlobs streams the blobs of entries (each staged blob, then HEAD's
// version when there is one) and queues a job per staged blob. A blob
// git cannot read is an error for its path (the scan is partial); git
// failing to read any is an error for the run.
func (s *Staged) readBlobs(ctx context.Context, gitDir string, entries []stagedEntry, work chan<- *stagedJob, p Problems) error {
	type want struct {
		entry int
		head  bool
	}
	var (
		ids   []plumbing.Hash
		wants []want
	)
	for i, e := range entries {
		if e.blob == emptyBlob {
			// Intent-to-add: the object need not exist, nothing to scan.
			continue
		}
		ids = append(ids, plumbing.NewHash(e.blob))
		wants = append(wants, want{entry: i})
		if e.head != "" {
			ids = append(ids, plumbing.NewHash(e.head))
			wants = append(wants, want{entry: i, head: true})
		}
	}
	if len(ids) == 0 {
		return nil
	}
	cat := newCatFile(gitDir)
	if cat == nil {
		return errors.New("staged: git is not installed (or not on PATH): cannot tell what is staged")
	}
	var (
		job  *stagedJob // the staged blob waiting for HEAD's version
		skip bool       // the current entry was skipped or failed
	)
	flush := func() bool {
		if job == nil {
			return true
		}
		j := job
		job = nil
		select {
		case work <- j:
			return true
		case <-ctx.Done():
			return false
		}
	}
	n, err := cat.stream(ctx, ids, func(i int, typ string, size int64, r *bufio.Reader) error {
		w := wants[i]
		e := entries[w.entry]
		if !w.head {
			if !flush() {
				return ctx.Err()
			}
			skip = false
		}
		if skip {
			_, err := io.CopyN(io.Discard, r, size)
			return err
		}
		switch {
		case typ == "missing":
			p.Error(e.path, fmt.Errorf("blob %s is missing from the repository", ids[i]))
			job, skip = nil, true
			return nil
		case typ != "blob":
			p.Error(e.path, fmt.Errorf("object %s is a %s, not a blob", ids[i], typ))
			job, skip = nil, true
			_, err := io.CopyN(io.Discard, r, size)
			return err
		case !w.head && s.MaxFileSize > 0 && size > s.MaxFileSize && !s.openableArchive(e.path, size, r):
			p.Skip(e.path, fmt.Sprintf("%s (%d bytes, blob %s)", ReasonTooLarge, size, e.blob))
			skip = true
			_, err := io.CopyN(io.Discard, r, size)
			return err
		}
		data := make([]byte, size)
		if _, err := io.ReadFull(r, data); err != nil {
			return err
		}
		if w.head {
			job.base = parentText{data: data, present: true}
		} else {
			job = &stagedJob{e: e, raw: data}
		}
		return nil
	})
	if err == nil && !flush() {
		return ctx.Err()
	}
	switch {
	case errors.Is(err, errCatFileUnavailable):
		return errors.New("staged: cannot run git cat-file: cannot read the staged files")
	case err != nil && ctx.Err() == nil:
		// What git could not answer could not be checked: each staged
		// blob not read, and the one whose HEAD version failed.
		for k := n; k < len(wants); k++ {
			if !wants[k].head || k == n {
				p.Error(entries[wants[k].entry].path, err)
			}
		}
	}
	return nil
}

// openableArchive reports whether a staged blob over MaxFileSize is an
// archive to open all the same (see openableArchive).
func (s *Staged) openableArchive(name string, size int64, r *bufio.Reader) bool {
	return openableArchive(s.Archive, name, size, func() []byte {
		head, _ := r.Peek(int(min(size, sniffArchiveLen)))
		return head
	})
}
