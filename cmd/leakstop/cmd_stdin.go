package main

import (
	"context"

	"github.com/urfave/cli/v2"

	"github.com/leakstop/leakstop/source"
)

// stdinOptions are the options of `leakstop stdin`.
type stdinOptions struct {
	scanOptions
	// PathName is the path findings carry (their fingerprints use it).
	PathName string
}

func stdinCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:  "stdin",
		Usage: "scan standard input, e.g. kubectl get secret -o yaml | leakstop stdin",
		Flags: append(scanFlags(),
			&cli.StringFlag{Name: "path-name", Value: source.DefaultStdinName, Usage: "the `PATH` findings carry"},
		),
		Action: func(c *cli.Context) error {
			if c.Args().Present() {
				return usagef("stdin takes no arguments (got %q)", c.Args().First())
			}
			so, err := scanOptionsFrom(c, e)
			if err != nil {
				return err
			}
			return runStdin(c.Context, stdinOptions{scanOptions: so, PathName: c.String("path-name")}, e)
		},
	}
}

func runStdin(ctx context.Context, o stdinOptions, e *env) error {
	src := &source.Stdin{R: e.stdin, Name: o.PathName, MaxSize: o.MaxFileSize, Archive: o.Archive}
	return scan(ctx, o.scanOptions, src, e)
}
