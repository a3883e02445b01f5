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

// slackOptions are the options of `leakstop slack`.
type slackOptions struct {
	scanOptions
	Export    string
	Files     string
	Workspace string
}

func slackCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "slack",
		Usage:     "scan a Slack workspace export (.zip or unpacked folder)",
		ArgsUsage: "EXPORT",
		Description: "Scans every message of the export: its text, thread replies, blocks,\n" +
			"attachments, file names, previews and snippets, and the access tokens on its\n" +
			"file links, after undoing Slack's escaping. Files downloaded with the export\n" +
			"(or into --slack-files, named by Slack file id) are scanned as files of the\n" +
			"messages that share them. A finding is placed by channel id and message ts\n" +
			"(path slack/CHANNEL/TS) and names the channel, the user, the thread, a\n" +
			"permalink and the line of the export's day file that holds the text.\n" +
			"Without users.json or channels.json, findings carry ids. A day file that\n" +
			"is not valid JSON is reported with its line (exit 3) and the rest is scanned.",
		Flags: append(append(scanFlags(), ocrFlags()...),
			&cli.StringFlag{Name: "workspace", Usage: "the workspace for permalinks, `NAME` or NAME.slack.com (default: the one the export's links name)"},
			&cli.StringFlag{Name: "slack-files", Usage: "also read the files messages share from `DIR` (named F0123ABCD-name or F0123ABCD/name)"},
		),
		Action: func(c *cli.Context) error {
			if c.NArg() != 1 {
				return usagef("slack takes one export, a .zip or a folder (got %d arguments)", c.NArg())
			}
			so, err := scanOptionsFrom(c, e)
			if err != nil {
				return err
			}
			return runSlack(c.Context, slackOptions{
				scanOptions: so,
				Export:      c.Args().First(),
				Files:       c.String("slack-files"),
				Workspace:   c.String("workspace"),
			}, e)
		},
	}
}

// runSlack scans o.Export. An export or files folder that does not exist,
// and a workspace that is no host name, are usage errors.
func runSlack(ctx context.Context, o slackOptions, e *env) error {
	for flag, p := range map[string]string{"slack": o.Export, "--slack-files": o.Files} {
		if p == "" {
			continue
		}
		if _, err := os.Stat(p); errors.Is(err, fs.ErrNotExist) {
			return usagef("%s: %s: no such file or folder", flag, p)
		}
	}
	workspace := ""
	if o.Workspace != "" {
		ws, ok := source.NormalizeWorkspace(o.Workspace)
		if !ok {
			return usagef("--workspace %q: want a name (acme) or a host (acme.slack.com)", o.Workspace)
		}
		workspace = ws
	}
	src := &source.Slack{Export: filepath.Clean(o.Export), Files: o.Files, Workspace: workspace, MaxFileSize: o.MaxFileSize, Archive: o.Archive, OCR: o.OCR.engine}
	return scan(ctx, o.scanOptions, src, e)
}
