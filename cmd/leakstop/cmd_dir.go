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
	// Shard keeps this worker's share of the paths (--shard).
	Shard shard
}

func dirCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "dir",
		Usage:     "scan files and folders (default: the current folder)",
		ArgsUsage: "[PATH ...]",
		Description: "Scans every text file under each PATH. Paths in the report are relative to the\n" +
			"folder given. .git folders, binary files, named pipes and devices are not read;\n" +
			"symbolic links are followed only with --follow-symlinks. Archives (zip, jar,\n" +
			"docx…, tar, gz, bz2, xz, zst) are opened in memory and their members reported\n" +
			"as a.zip!dir/file (see --max-archive-*). A .leakstopignore and a .leakstop.toml\n" +
			"at the top of a folder given accept findings under that folder.\n\n" +
			"--shard K/N scans only share K of N of the PATHs (by a hash of each one's\n" +
			"cleaned path) or, when one folder is given, of its entries (by name; paths\n" +
			"stay relative to the folder): N workers split a sweep without talking to\n" +
			"each other, and 'leakstop report merge' joins their JSON reports.",
		Flags: append(append(scanFlags(), ocrFlags()...),
			&cli.BoolFlag{Name: "follow-symlinks", Usage: "follow symbolic links inside the folders"},
			shardFlag(),
		),
		Action: func(c *cli.Context) error {
			so, err := scanOptionsFrom(c, e)
			if err != nil {
				return err
			}
			sh, err := parseShard(c.String("shard"))
			if err != nil {
				return err
			}
			return runDir(c.Context, dirOptions{
				scanOptions:    so,
				Paths:          c.Args().Slice(),
				FollowSymlinks: c.Bool("follow-symlinks"),
				Shard:          sh,
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
	src := &source.Dir{FollowSymlinks: o.FollowSymlinks, MaxFileSize: o.MaxFileSize, Archive: o.Archive, OCR: o.OCR.engine}
	o.Paths = shardPaths(o.Shard, o.Paths, src)
	src.Roots = o.Paths
	o.own = func(context.Context) (ownFiles, error) { return dirFiles(o.Paths), nil }
	return scan(ctx, o.scanOptions, src, e)
}

// dirFiles says where each folder scanned keeps its .leakstopignore and
// .leakstop.toml: at its top. They accept findings under that folder,
// whose paths their fingerprints and globs were written for (the rules a
// .leakstop.toml holds apply to the whole run). A root that is a file has
// none.
func dirFiles(roots []string) ownFiles {
	var own ownFiles
	for _, root := range roots {
		if fi, err := os.Stat(root); err == nil && fi.IsDir() {
			own.trees = append(own.trees, dirTree{dir: root, scoped: true})
		}
	}
	return own
}
