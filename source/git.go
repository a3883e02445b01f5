package source

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/go-git/go-billy/v5/osfs"
	gogit "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/cache"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/storage/filesystem"
	"github.com/go-git/go-git/v5/storage/filesystem/dotgit"
)

// Git reads the history of a git repository through go-git: every commit
// reachable from every ref (branches, tags, remote-tracking refs, notes,
// the stash and each entry of its reflog), or the commits of a range.
//
// It works in two passes. The first walks the commits, parents before
// children, and compares each commit's tree with every parent's, descending
// only into subtrees that differ from all of them: a blob met there is new
// at its path, introduced by that commit (for a merge, new relative to all
// parents, so a conflict resolution is found). What it keeps is the
// provenance of each blob: for each path, the commit credited with it and
// the other commits that introduced it there. The second pass reads each
// needed blob once, in pack order when the whole history is scanned, and
// hands it to the workers as one Fragment with one Origin per path.
//
// Memory grows with the number of distinct blobs and their paths (the
// provenance), with a small record per commit and, when the whole history
// is scanned, with 12 bytes per tree entry (every tree is read up front,
// see git_trees.go); never with the size of the content: blobs are read one
// at a time, and a range keeps trees in a bounded cache.
type Git struct {
	// Repo is the repository: a work tree, its .git folder, or a bare
	// repository. Origins carry it as given.
	Repo string
	// Range "A..B" scans exactly the commits reachable from B and not from
	// A, as `git log A..B` lists them ("A.." means A..HEAD). An A of all
	// zeros (a push creating a branch) excludes nothing. In a range each
	// origin also lists the lines its commit added (Origin.Added).
	Range string
	// SinceCommit scans the commits after it: those reachable from Branch
	// (or from every ref) and not from SinceCommit. Origins list added
	// lines as in a range.
	SinceCommit string
	// Branch restricts the scan to the commits reachable from one branch
	// (a local branch, a remote-tracking branch or any revision).
	Branch string
	// AllObjects also scans blobs that no scanned commit reaches: dangling
	// blobs, blobs only in the index or in an abandoned stash. Their
	// origins have Kind KindGitObject and no path.
	AllObjects bool
	// MaxFileSize skips larger blobs (listed as skipped); 0: no limit. A
	// blob that is an archive is bounded by Archive instead, and its
	// members by MaxFileSize.
	MaxFileSize int64
	// Archive bounds the opening of blobs that are archives (see
	// expandArchive); its zero value opens none and lists each as skipped.
	Archive ArchiveLimits
	// OCR, when set, reads the text of blobs that are images, each blob
	// once (see image.go).
	OCR *OCR

	// goGitOnly reads every object through go-git, as when no git binary
	// is installed (for tests of that path).
	goGitOnly bool
	// preset, when set, is the selection to walk instead of what Range,
	// SinceCommit and Branch select (a push: several tips and bases).
	preset *selection
}

var _ Source = (*Git)(nil)

// Kinds of git origin.
const (
	KindGit       = "git"
	KindGitObject = "git-object"
)

// LineRange is a run of lines, 1-based and inclusive.
type LineRange struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// zeroRev is the object id git uses for "no commit" (a ref being created
// or deleted, in hooks and push events).
const zeroRev = "0000000000000000000000000000000000000000"

// objectCacheSize bounds go-git's cache of decoded objects (delta bases
// and trees). Larger caches did not read history faster (bench/history.sh).
const objectCacheSize = 32 * cache.MiByte

// Fragments walks the history and visits each blob once. A bad range or
// a folder that is not a repository is an error; an object that cannot be
// read is reported to p and the scan goes on.
func (g *Git) Fragments(ctx context.Context, jobs int, visit Visit, p Problems) error {
	repo, err := openGit(g.Repo)
	if err != nil {
		return err
	}
	defer repo.close()
	if err := checkSafeDirectory(ctx, g.Repo, repo.gitDir); err != nil {
		return err
	}
	sel, err := g.selection(repo)
	if err != nil {
		return err
	}
	if sel.note != "" {
		p.Skip(g.Repo, sel.note)
	}
	if g.Range == "" && g.Branch == "" && g.preset == nil {
		// Every ref is scanned: one that names nothing readable hides
		// history.
		for _, err := range brokenRefs(repo) {
			p.Error(g.Repo, err)
		}
	}
	h := newHistory(repo, g, p)
	if err := h.walk(ctx, sel); err != nil {
		return err
	}
	if err := h.diffAll(ctx); err != nil {
		return err
	}
	if err := h.carry(ctx); err != nil {
		return err
	}
	if c, ok := g.headCommit(repo, sel); ok {
		h.readHead(c)
	}
	h.repoURL = remoteWebURL(repo)
	return h.emit(ctx, max(jobs, 1), visit)
}

// gitRepo is an open repository.
type gitRepo struct {
	r      *gogit.Repository
	st     *filesystem.Storage
	gitDir string // holds HEAD
	common string // holds refs and logs (differs in a linked worktree)
}

// openGit opens a work tree, a .git folder or a bare repository, keeping
// pack files open between reads (go-git otherwise reopens the pack for
// every object).
func openGit(path string) (*gitRepo, error) {
	gitDir, err := findGitDir(path)
	if err != nil {
		return nil, err
	}
	common := gitDir
	if b, err := os.ReadFile(filepath.Join(gitDir, "commondir")); err == nil {
		c := strings.TrimSpace(string(b))
		if !filepath.IsAbs(c) {
			c = filepath.Join(gitDir, c)
		}
		common = c
	}
	var fs = osfs.New(gitDir)
	if common != gitDir {
		fs = dotgit.NewRepositoryFilesystem(osfs.New(gitDir), osfs.New(common))
	}
	st := filesystem.NewStorageWithOptions(fs, cache.NewObjectLRU(objectCacheSize),
		filesystem.Options{KeepDescriptors: true})
	r, err := gogit.Open(st, nil)
	if err != nil {
		st.Close()
		return nil, fmt.Errorf("%s: not a git repository: %w", path, err)
	}
	return &gitRepo{r: r, st: st, gitDir: gitDir, common: common}, nil
}

func (r *gitRepo) close() { r.st.Close() }

// findGitDir returns the folder holding a repository's objects and refs:
// path/.git (a folder, or a file naming it), or path itself when bare.
func findGitDir(path string) (string, error) {
	dotGit := filepath.Join(path, ".git")
	fi, err := os.Stat(dotGit)
	switch {
	case err == nil && fi.IsDir():
		return dotGit, nil
	case err == nil:
		b, err := os.ReadFile(dotGit)
		if err != nil {
			return "", fmt.Errorf("%s: %w", path, plainError(err))
		}
		line, ok := strings.CutPrefix(strings.TrimSpace(string(b)), "gitdir:")
		if !ok {
			return "", fmt.Errorf("%s: .git file does not name a git folder", path)
		}
		dir := strings.TrimSpace(line)
		if !filepath.IsAbs(dir) {
			dir = filepath.Join(path, dir)
		}
		return dir, nil
	}
	for _, name := range []string{"HEAD", "objects"} {
		if _, err := os.Stat(filepath.Join(path, name)); err != nil {
			return "", fmt.Errorf("%s: not a git repository", path)
		}
	}
	return path, nil
}

// selection is what to walk: the commits reachable from tips and not from
// exclude. ranged is set when only new work is scanned (added lines).
type selection struct {
	tips    []plumbing.Hash
	exclude []plumbing.Hash
	ranged  bool
	note    string // how the selection differs from what was asked, for Problems.Skip
}

// selection resolves Range, SinceCommit and Branch.
func (g *Git) selection(repo *gitRepo) (selection, error) {
	var s selection
	if g.preset != nil {
		return *g.preset, nil
	}
	if g.Range != "" && (g.SinceCommit != "" || g.Branch != "") {
		return s, errors.New("a range cannot be combined with a since-commit or a branch")
	}
	if g.Range != "" {
		a, b, ok := strings.Cut(g.Range, "..")
		if !ok || strings.HasPrefix(b, ".") {
			return s, fmt.Errorf("range %q: want A..B", g.Range)
		}
		if b == "" {
			b = "HEAD"
		}
		if a == "" {
			a = "HEAD"
		}
		tip, err := resolveCommit(repo, b)
		if err != nil {
			return s, fmt.Errorf("range %q: %w", g.Range, err)
		}
		s.tips, s.ranged = []plumbing.Hash{tip}, true
		if a == zeroRev {
			return s, nil
		}
		base, err := resolveCommit(repo, a)
		switch {
		case err == nil:
			s.exclude = []plumbing.Hash{base}
		case plumbing.IsHash(a):
			// A push that force-pushed over commits this clone never had:
			// bound the range by every other ref instead.
			others, err := otherTips(repo, tip)
			if err != nil {
				return s, err
			}
			s.exclude = others
			s.note = fmt.Sprintf("range base %s is not in this repository (force-pushed over?): "+
				"scanned the commits of %s that no other ref reaches", a, b)
		default:
			return s, fmt.Errorf("range %q: %w", g.Range, err)
		}
		return s, nil
	}
	if g.Branch != "" {
		tip, err := resolveBranch(repo, g.Branch)
		if err != nil {
			return s, err
		}
		s.tips = []plumbing.Hash{tip}
	} else {
		tips, err := refTips(repo)
		if err != nil {
			return s, err
		}
		s.tips = tips
	}
	if g.SinceCommit != "" && g.SinceCommit != zeroRev {
		base, err := resolveCommit(repo, g.SinceCommit)
		if err != nil {
			return s, fmt.Errorf("since-commit: %w", err)
		}
		s.exclude, s.ranged = []plumbing.Hash{base}, true
	}
	return s, nil
}

// resolveCommit resolves a revision (hash, abbreviated hash, ref, HEAD~2…)
// to a commit, peeling annotated tags.
func resolveCommit(repo *gitRepo, rev string) (plumbing.Hash, error) {
	h, err := repo.r.ResolveRevision(plumbing.Revision(rev))
	if err != nil {
		return plumbing.ZeroHash, fmt.Errorf("%s: unknown revision: %w", rev, err)
	}
	c, ok := peelToCommit(repo, *h)
	if !ok {
		return plumbing.ZeroHash, fmt.Errorf("%s: not a commit", rev)
	}
	return c, nil
}

// resolveBranch finds a branch the way a user names it.
func resolveBranch(repo *gitRepo, name string) (plumbing.Hash, error) {
	for _, full := range []string{"refs/heads/" + name, "refs/remotes/" + name, name} {
		if ref, err := repo.r.Reference(plumbing.ReferenceName(full), true); err == nil {
			if c, ok := peelToCommit(repo, ref.Hash()); ok {
				return c, nil
			}
		}
	}
	c, err := resolveCommit(repo, name)
	if err != nil {
		return plumbing.ZeroHash, fmt.Errorf("branch %s: %w", name, err)
	}
	return c, nil
}

// peelToCommit follows annotated tags to the commit they name.
func peelToCommit(repo *gitRepo, h plumbing.Hash) (plumbing.Hash, bool) {
	for range 16 { // tags of tags, bounded against a cycle in a corrupt repo
		obj, err := repo.st.EncodedObject(plumbing.AnyObject, h)
		if err != nil {
			return h, false
		}
		switch obj.Type() {
		case plumbing.CommitObject:
			return h, true
		case plumbing.TagObject:
			t, err := object.DecodeTag(repo.st, obj)
			if err != nil {
				return h, false
			}
			h = t.Target
		default:
			return h, false
		}
	}
	return h, false
}

// refTips lists the commits named by every ref (HEAD when detached,
// branches, tags, remote-tracking refs, notes, refs/stash) and by every
// entry of the stash's reflog, sorted so that walks are deterministic:
// branches first.
func refTips(repo *gitRepo) ([]plumbing.Hash, error) {
	type tip struct {
		name string
		h    plumbing.Hash
	}
	var tips []tip
	add := func(name string, h plumbing.Hash) {
		if c, ok := peelToCommit(repo, h); ok {
			tips = append(tips, tip{name, c})
		}
	}
	refs, _ := readRefs(repo) // what cannot be read, brokenRefs reports
	for _, ref := range refs {
		if ref.Type() == plumbing.HashReference { // HEAD among them when detached
			add(ref.Name().String(), ref.Hash())
		}
	}
	for i, h := range stashReflog(repo.common) {
		add(fmt.Sprintf("refs/stash@{%d}", i), h)
	}
	rank := func(name string) int {
		for i, p := range []string{"refs/heads/", "HEAD", "refs/tags/", "refs/remotes/"} {
			if strings.HasPrefix(name, p) {
				return i
			}
		}
		return 4
	}
	slices.SortStableFunc(tips, func(a, b tip) int {
		if ra, rb := rank(a.name), rank(b.name); ra != rb {
			return ra - rb
		}
		return strings.Compare(a.name, b.name)
	})
	out := make([]plumbing.Hash, 0, len(tips))
	for _, t := range tips {
		if !slices.Contains(out, t.h) {
			out = append(out, t.h)
		}
	}
	return out, nil
}

// stashReflog returns the stash entries older than refs/stash, which only
// the reflog remembers (stash@{1}, stash@{2}, …). go-git does not read
// reflogs; the format is one "old new who time message" line per entry.
func stashReflog(common string) []plumbing.Hash {
	f, err := os.Open(filepath.Join(common, "logs", "refs", "stash"))
	if err != nil {
		return nil
	}
	defer f.Close()
	var out []plumbing.Hash
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) >= 2 && plumbing.IsHash(fields[1]) && fields[1] != zeroRev {
			out = append(out, plumbing.NewHash(fields[1]))
		}
	}
	slices.Reverse(out) // newest first, as stash@{N} counts
	return out
}

// otherTips lists the commits of every ref except those at tip: what a
// range with an unknown base leaves out.
func otherTips(repo *gitRepo, tip plumbing.Hash) ([]plumbing.Hash, error) {
	tips, err := refTips(repo)
	if err != nil {
		return nil, err
	}
	return slices.DeleteFunc(tips, func(h plumbing.Hash) bool { return h == tip }), nil
}
