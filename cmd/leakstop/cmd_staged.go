package main

import (
	"context"
	"path/filepath"

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
			"by its fingerprint in the .leakstopignore at the top of the work tree.",
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
	st := &source.Staged{MaxFileSize: o.MaxFileSize}
	var src source.Source = st
	if !o.WholeFile {
		src = stagedAdded{st}
	}
	o.ownIgnores = stagedIgnores
	return hintOnFindings(scan(ctx, o.scanOptions, src, e), o.scanOptions, e,
		"leakstop: the commit would add the secrets above; remove them from the staged files\n"+
			"  (edit, then git add) and rotate any that are real.\n"+
			"  A false positive? Write leakstop:allow in a comment on its line (leakstop:allow RULE\n"+
			"  for one rule), or add its fingerprint, printed above, as a line of .leakstopignore\n"+
			"  at the top of the work tree. To report only, pass --exit-code 0;\n"+
			"  to proceed anyway: git commit --no-verify\n")
}

// stagedIgnores reads the .leakstopignore at the top of the work tree.
// Outside a work tree there is none, and the scan fails closed.
func stagedIgnores(ctx context.Context) ([]ignoreText, error) {
	top, err := source.TopLevel(ctx, "", nil)
	if err != nil {
		return nil, nil
	}
	t, found, err := readIgnoreFile(filepath.Join(top, source.IgnoreFileName))
	if !found {
		return nil, err
	}
	return []ignoreText{t}, nil
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
