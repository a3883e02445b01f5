package main

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"slices"
	"strings"

	gogit "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/urfave/cli/v2"

	"github.com/leakstop/leakstop/detect"
	"github.com/leakstop/leakstop/source"
)

// gitOptions are the options of `leakstop git`.
type gitOptions struct {
	scanOptions
	Repo        string
	Range       string
	SinceCommit string
	Branch      string
	AllObjects  bool
	// ReposFile (--repos) lists the repositories of a sweep; Shard keeps
	// this worker's share of them.
	ReposFile string
	Shard     shard
}

func gitCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "git",
		Usage:     "scan the history of a git repository (default: the current folder), or of every repository a list names",
		ArgsUsage: "[REPO | --repos FILE]",
		Description: "Scans every commit reachable from every ref: branches, tags, remote-tracking\n" +
			"refs, notes and the stash. REPO is a work tree, its .git folder or a bare\n" +
			"repository. A finding names the commit that introduced the secret at its path.\n" +
			"With --range A..B (as `git log A..B` lists commits) or --since-commit, a\n" +
			"finding counts only on lines those commits added: an old secret in a touched\n" +
			"file is not reported again.\n\n" +
			"The repository's .leakstopignore and .leakstop.toml accept findings: the work\n" +
			"tree's (HEAD's in a bare repository) for the whole history; in a range, the\n" +
			"versions of the range's base commit, so that a change cannot accept its own\n" +
			"leak: what the range adds to them, and leakstop:allow comments on lines it adds,\n" +
			"are listed in the report (--fail-on-new-suppressions fails on them).\n\n" +
			"--repos FILE sweeps every repository FILE lists, one a line: a path (relative\n" +
			"to FILE's folder) or a clone URL, cloned bare into a temporary folder; # starts\n" +
			"a comment. Every place then names its repository (repo). A repository that\n" +
			"cannot be cloned or read is an error naming it, and the sweep goes on. Each\n" +
			"repository's own .leakstopignore and .leakstop.toml allowlists apply to it\n" +
			"alone. --shard K/N scans only share K of N (by a hash of each repository's\n" +
			"name): N workers split a sweep without talking to each other, and 'leakstop\n" +
			"report merge' joins their JSON reports into the report of one whole run.",
		Flags: append(append(scanFlags(), ocrFlags()...),
			&cli.StringFlag{Name: "range", Usage: "scan only the commits of `A..B` (reachable from B, not from A)"},
			&cli.StringFlag{Name: "since-commit", Usage: "scan only the commits after `COMMIT`"},
			&cli.StringFlag{Name: "branch", Usage: "scan only the commits reachable from `BRANCH`"},
			&cli.BoolFlag{Name: "all-objects", Usage: "also scan blobs no scanned commit reaches (dangling, index, dropped stashes)"},
			reposFlag(),
			shardFlag(),
		),
		Action: func(c *cli.Context) error {
			if c.NArg() > 1 {
				return usagef("git takes one repository (got %d: %s)", c.NArg(), strings.Join(c.Args().Slice(), " "))
			}
			so, err := scanOptionsFrom(c, e)
			if err != nil {
				return err
			}
			sh, err := parseShard(c.String("shard"))
			if err != nil {
				return err
			}
			o := gitOptions{
				scanOptions: so,
				Repo:        c.Args().First(),
				Range:       c.String("range"),
				SinceCommit: c.String("since-commit"),
				Branch:      c.String("branch"),
				AllObjects:  c.Bool("all-objects"),
				ReposFile:   c.String("repos"),
				Shard:       sh,
			}
			switch {
			case o.ReposFile != "" && c.NArg() > 0:
				return usagef("git: give a repository or --repos FILE, not both")
			case o.ReposFile != "":
				return runGitSweep(c.Context, o, e)
			case c.IsSet("shard"):
				return usagef("git: --shard splits the repositories of --repos FILE between workers")
			}
			return runGit(c.Context, o, e)
		},
	}
}

// runGit scans the history of o.Repo. A path that is not a repository, a
// malformed range and an unknown revision are usage errors: the run would
// otherwise look like a failed read.
func runGit(ctx context.Context, o gitOptions, e *env) error {
	if o.Repo == "" {
		o.Repo = "."
	}
	if err := checkGitArgs(o); err != nil {
		return err
	}
	if o.Category == "" {
		o.Category = "leakstop/history/"
		if o.Range != "" || o.SinceCommit != "" {
			o.Category = "leakstop/pr/"
		}
	}
	g := &source.Git{
		Repo: o.Repo, Range: o.Range, SinceCommit: o.SinceCommit, Branch: o.Branch,
		AllObjects: o.AllObjects, MaxFileSize: o.MaxFileSize, Archive: o.Archive, OCR: o.OCR.engine,
	}
	var src source.Source = g
	if o.Range != "" || o.SinceCommit != "" {
		src = addedOnly{g}
	}
	o.own = func(context.Context) (ownFiles, error) {
		var changes [][2]string
		if base := rangeBase(o); base != "" {
			changes = append(changes, [2]string{base, rangeHead(o)})
		}
		return repoFiles(o.Repo, changes)
	}
	err := scan(ctx, o.scanOptions, src, e)
	if errors.Is(err, plumbing.ErrReferenceNotFound) {
		return usagef("git: %v", err)
	}
	return err
}

// rangeBase is the commit a range scan starts from (A of --range A..B,
// HEAD when A is empty, or --since-commit); "" for the whole history or a
// range from no commit (all zeros).
func rangeBase(o gitOptions) string {
	base := o.SinceCommit
	if o.Range != "" {
		base, _, _ = strings.Cut(o.Range, "..")
		if base == "" {
			base = "HEAD"
		}
	}
	if base == zeroID {
		return ""
	}
	return base
}

// rangeHead is the commit a range scan ends at: B of --range A..B (HEAD
// when B is empty), or the --branch of --since-commit (HEAD without one).
func rangeHead(o gitOptions) string {
	head := o.Branch
	if o.Range != "" {
		_, head, _ = strings.Cut(o.Range, "..")
	}
	if head == "" {
		return "HEAD"
	}
	return head
}

// repoFiles says where a repository keeps its .leakstopignore and
// .leakstop.toml. For changes (a range, a push: base and head commits)
// they are the versions in each base commit, so that a change cannot
// accept its own leak, and what each head adds to them is listed; a base
// this repository does not have is passed over. With no change, or no
// base found, they are the work tree's files, or for a bare repository
// HEAD's.
func repoFiles(repo string, changes [][2]string) (ownFiles, error) {
	var bases []string
	for _, c := range changes {
		bases = append(bases, c[0])
	}
	trees, err := commitTrees(repo, bases)
	if err != nil {
		return ownFiles{}, err
	}
	own := ownFiles{trees: trees}
	if wt, err := source.WorkTreeOf(repo); err == nil {
		own.top = wt
	}
	for _, c := range changes {
		i := slices.IndexFunc(trees, func(t tree) bool { ct, ok := t.(*commitTree); return ok && ct.rev == c[0] })
		if i < 0 {
			continue // a base the repository does not have
		}
		head, err := newCommitTree(repo, c[1])
		if err != nil {
			return ownFiles{}, &configError{err}
		}
		own.changes = append(own.changes, change{base: trees[i], head: head})
	}
	return own, nil
}

// checkGitArgs rejects what can be known wrong before reading history.
func checkGitArgs(o gitOptions) error {
	if o.Range != "" && (o.SinceCommit != "" || o.Branch != "") {
		return usagef("git: --range cannot be combined with --since-commit or --branch")
	}
	if o.Range != "" {
		if _, b, ok := strings.Cut(o.Range, ".."); !ok || strings.HasPrefix(b, ".") {
			return usagef("git: --range %q: want A..B", o.Range)
		}
	}
	fi, err := os.Stat(o.Repo)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return usagef("git: %s: no such folder", o.Repo)
	case err != nil:
		return usagef("git: %v", err)
	case !fi.IsDir():
		return usagef("git: %s: not a git repository (not a folder)", o.Repo)
	}
	if _, err := gogit.PlainOpenWithOptions(o.Repo, &gogit.PlainOpenOptions{EnableDotGitCommonDir: true}); err != nil {
		return usagef("git: %s: not a git repository", o.Repo)
	}
	return nil
}

// addedOnly is a scan of new work (a range, the commits since one, a
// push): a finding counts only on lines its commit added relative to
// every parent (Origin.Added), so an old secret in a touched file is not
// reported again. Blobs that no commit reaches (--all-objects) have no
// lines to compare and always count: the user asked for them.
type addedOnly struct{ source.Source }

var _ findingKeeper = addedOnly{}

// Keep reports whether any line of f was added by its origin's commit.
func (addedOnly) Keep(f detect.Finding) bool {
	if f.Source.Kind != source.KindGit {
		return true
	}
	last := max(f.Line, f.EndLine)
	for _, r := range f.Source.Added {
		if f.Line <= r.End && last >= r.Start {
			return true
		}
		for _, l := range f.Lines { // other copies of the secret in the file
			if l >= r.Start && l <= r.End {
				return true
			}
		}
	}
	return false
}
