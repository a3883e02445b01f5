package main

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/urfave/cli/v2"

	"github.com/leakstop/leakstop/source"
)

// dirOptions are the options of `leakstop dir`.
type dirOptions struct {
	scanOptions
	Paths          []string
	FollowSymlinks bool
}

func dirCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "dir",
		Usage:     "scan files and folders (default: the current folder)",
		ArgsUsage: "[PATH ...]",
		Description: "Scans every text file under each PATH. Paths in the report are relative to the\n" +
			"folder given. .git folders, binary files, named pipes and devices are not read;\n" +
			"symbolic links are followed only with --follow-symlinks. A .leakstopignore at\n" +
			"the top of a folder given accepts the findings it lists under that folder.",
		Flags: append(scanFlags(),
			&cli.BoolFlag{Name: "follow-symlinks", Usage: "follow symbolic links inside the folders"},
		),
		Action: func(c *cli.Context) error {
			so, err := scanOptionsFrom(c, e)
			if err != nil {
				return err
			}
			return runDir(c.Context, dirOptions{
				scanOptions:    so,
				Paths:          c.Args().Slice(),
				FollowSymlinks: c.Bool("follow-symlinks"),
			}, e)
		},
	}
}

// runDir scans o.Paths. A path that does not exist is a usage error: the
// run would otherwise look clean.
func runDir(ctx context.Context, o dirOptions, e *env) error {
	if len(o.Paths) == 0 {
		o.Paths = []string{"."}
	}
	for _, p := range o.Paths {
		_, err := os.Stat(p)
		switch {
		case err == nil:
		case errors.Is(err, fs.ErrNotExist):
			return usagef("dir: %s: no such file or folder", p)
		}
	}
	src := &source.Dir{Roots: o.Paths, FollowSymlinks: o.FollowSymlinks, MaxFileSize: o.MaxFileSize}
	o.ownIgnores = func(context.Context) ([]ignoreText, error) { return dirIgnores(o.Paths) }
	return scan(ctx, o.scanOptions, src, e)
}

// dirIgnores reads the .leakstopignore at the top of each folder scanned:
// it accepts findings under that folder, whose paths its fingerprints
// were computed with. A root that is a file has none.
func dirIgnores(roots []string) ([]ignoreText, error) {
	var out []ignoreText
	for _, root := range roots {
		if fi, err := os.Stat(root); err != nil || !fi.IsDir() {
			continue
		}
		t, found, err := readIgnoreFile(filepath.Join(root, source.IgnoreFileName))
		if err != nil {
			return nil, err
		}
		if found {
			t.root, t.scoped = root, true
			out = append(out, t)
		}
	}
	return out, nil
}
