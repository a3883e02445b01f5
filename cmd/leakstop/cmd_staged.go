package main

import (
	"context"
	"errors"

	"github.com/urfave/cli/v2"

	"github.com/leakstop/leakstop/detect"
	"github.com/leakstop/leakstop/source"
)

// stagedOptions are the options of `leakstop staged`.
type stagedOptions struct {
	scanOptions
	// WholeFile reports every finding in the staged files, not only those
	// on lines the commit adds.
	WholeFile bool
}

func stagedCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:  "staged",
		Usage: "scan what the next commit would add (for a pre-commit hook)",
		Description: "Scans the index against HEAD: the staged content of every added, modified or\n" +
			"type-changed file, never the working tree, using the index GIT_INDEX_FILE names\n" +
			"(as `git commit -a` and `git commit PATH` do). A finding counts only on lines\n" +
			"the commit adds; --whole-file reports every finding in the staged files. If it\n" +
			"cannot tell what is staged, it exits 3: a hook never passes a commit unchecked.\n\n" +
			"A false positive is accepted by `leakstop:allow` in a comment on its line, or\n" +
			"by its fingerprint in the .leakstopignore (or an allowlist of the .leakstop.toml)\n" +
			"at the top of the work tree, as HEAD has it: a commit cannot accept its own\n" +
			"leak. What the commit adds to them, and markers on lines it adds, are listed.",
		Flags: append(scanFlags(),
			&cli.BoolFlag{Name: "whole-file", Usage: "report every finding in the staged files, not only on added lines"},
		),
		Action: func(c *cli.Context) error {
			if c.Args().Present() {
				return usagef("staged takes no arguments (got %q); run it in the work tree", c.Args().First())
			}
			so, err := scanOptionsFrom(c, e)
			if err != nil {
				return err
			}
			return runStaged(c.Context, stagedOptions{scanOptions: so, WholeFile: c.Bool("whole-file")}, e)
		},
	}
}

func runStaged(ctx context.Context, o stagedOptions, e *env) error {
	st := &source.Staged{MaxFileSize: o.MaxFileSize, Archive: o.Archive}
	var src source.Source = st
	if !o.WholeFile {
		src = stagedAdded{st}
	}
	o.own = stagedFiles
	return hintOnFindings(scan(ctx, o.scanOptions, src, e), o.scanOptions, e,
		"leakstop: the commit would add the secrets above; remove them from the staged files\n"+
			"  (edit, then git add) and rotate any that are real.\n"+
			"  A false positive? Write leakstop:allow in a comment on its line (leakstop:allow RULE\n"+
			"  for one rule), or add its fingerprint, printed above, as a line of .leakstopignore\n"+
			"  at the top of the work tree and commit that first (git commit .leakstopignore):\n"+
			"  it is read as HEAD has it, so a commit cannot accept its own secret.\n"+
			"  To report only, pass --exit-code 0;\n"+
			"  to proceed anyway: git commit --no-verify\n")
}

// stagedFiles says where the work tree keeps its .leakstopignore and
// .leakstop.toml: as HEAD has them, so that a commit cannot accept its own
// leak; what the index adds to them is listed. Before the first commit,
// the work tree's files. Outside a work tree there are none, and the scan
// fails closed.
func stagedFiles(ctx context.Context) (ownFiles, error) {
	top, err := source.TopLevel(ctx, "", nil)
	if err != nil {
		return ownFiles{}, nil
	}
	own := ownFiles{top: top}
	head, err := newCommitTree(top, "HEAD")
	switch {
	case errors.Is(err, source.ErrNoCommit):
		own.trees = []tree{dirTree{dir: top}}
		return own, nil
	case err != nil:
		return own, &configError{err}
	}
	staged, err := source.StagedPaths(ctx, top)
	if err != nil {
		return own, err // cannot tell what is staged: the hook fails closed
	}
	own.trees = []tree{head}
	own.changes = []change{{base: head, head: indexTree{ctx: ctx, top: top, staged: staged}}}
	return own, nil
}

// stagedAdded keeps the findings on lines the commit adds, as a range
// scan does (addedOnly): an old secret in a touched file is not reported
// again.
type stagedAdded struct{ *source.Staged }

var _ findingKeeper = stagedAdded{}

// Keep reports whether any line of f is added by the commit.
func (stagedAdded) Keep(f detect.Finding) bool {
	if f.Source.Kind != source.KindStaged {
		return true
	}
	f.Source.Kind = source.KindGit // the same test as for a commit of a range
	return addedOnly{}.Keep(f)
}
