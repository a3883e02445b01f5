package main

import (
	"context"
	"errors"
	"io/fs"
	"os"

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
			"symbolic links are followed only with --follow-symlinks.",
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
	return scan(ctx, o.scanOptions, src, e)
}
