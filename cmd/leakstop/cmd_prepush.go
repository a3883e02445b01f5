package main

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/urfave/cli/v2"
	"golang.org/x/term"

	"github.com/leakstop/leakstop/source"
)

// zeroID is git's "no commit" in hook input.
const zeroID = "0000000000000000000000000000000000000000"

// errNoPushRange fails a pre-push hook closed: under the pre-commit
// framework, stdin is consumed and only the environment says what is
// pushed.
var errNoPushRange = errors.New("pre-push: under the pre-commit framework, but PRE_COMMIT_FROM_REF, PRE_COMMIT_TO_REF " +
	"and PRE_COMMIT_LOCAL_BRANCH are unset: cannot tell what is pushed (is the hook in the pre-push stage?)")

func prePushCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "pre-push",
		Usage:     "scan the commits a push would send (for a pre-push hook)",
		ArgsUsage: "[REMOTE [URL]]",
		Description: "Reads git's pre-push lines on stdin (<local ref> <local sha> <remote ref>\n" +
			"<remote sha>) and scans the commits the remote does not have: those reachable\n" +
			"from none of the remote's old commit and REMOTE's remote-tracking refs. Under\n" +
			"the pre-commit framework it reads PRE_COMMIT_FROM_REF, PRE_COMMIT_TO_REF,\n" +
			"PRE_COMMIT_LOCAL_BRANCH and PRE_COMMIT_REMOTE_NAME instead. A finding counts\n" +
			"only on lines the pushed commits add. If it cannot tell what is pushed, it\n" +
			"exits 3: a hook never passes a push unchecked.\n\n" +
			"The .leakstopignore and .leakstop.toml that apply are those in the remote's old\n" +
			"commit, so a push cannot accept its own leak; for a new branch, the work tree's.\n" +
			"What the push adds to them, and leakstop:allow comments on lines it adds, are\n" +
			"listed in the report.",
		Flags: scanFlags(),
		Action: func(c *cli.Context) error {
			if c.NArg() > 2 {
				return usagef("pre-push takes the remote's name and URL (got %d arguments)", c.NArg())
			}
			so, err := scanOptionsFrom(c, e)
			if err != nil {
				return err
			}
			pp, err := pushFromInput(c.Args().First(), e)
			if err != nil {
				return err
			}
			pp.MaxFileSize = so.MaxFileSize
			pp.Archive = so.Archive
			return runPrePush(c.Context, so, pp, e)
		},
	}
}

// pushFromInput reads what is pushed: from the pre-commit framework's
// environment when it is set, else from git's lines on stdin.
func pushFromInput(remote string, e *env) (*source.PrePush, error) {
	pp := &source.PrePush{Repo: ".", Remote: remote}
	if d := e.getenv("GIT_DIR"); d != "" {
		pp.Repo = d // git may run hooks with GIT_DIR set (bare or linked work trees)
	}
	from, to, local := e.getenv("PRE_COMMIT_FROM_REF"), e.getenv("PRE_COMMIT_TO_REF"), e.getenv("PRE_COMMIT_LOCAL_BRANCH")
	if name := e.getenv("PRE_COMMIT_REMOTE_NAME"); name != "" {
		pp.Remote = name
	}
	switch {
	case to != "":
		if from == "" {
			from = zeroID
		}
		pp.Updates = []source.PushUpdate{{LocalRef: local, LocalSHA: to, RemoteRef: e.getenv("PRE_COMMIT_REMOTE_BRANCH"), RemoteSHA: from}}
		return pp, nil
	case local != "":
		// The framework's "all files" push: a branch whose first commit
		// is new to the remote. Everything the remote lacks is sent.
		pp.Updates = []source.PushUpdate{{LocalRef: local, LocalSHA: local, RemoteRef: e.getenv("PRE_COMMIT_REMOTE_BRANCH"), RemoteSHA: zeroID}}
		return pp, nil
	case e.getenv("PRE_COMMIT") != "":
		return nil, errNoPushRange
	}
	if f, ok := e.stdin.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		return nil, usagef("pre-push reads git's ref lines on stdin; run it as a pre-push hook " +
			"(leakstop hook install --pre-push) or pipe the lines in")
	}
	updates, err := source.ParsePushUpdates(e.stdin)
	if err != nil {
		return nil, fmt.Errorf("pre-push: stdin %w", err)
	}
	pp.Updates = updates
	return pp, nil
}

func runPrePush(ctx context.Context, o scanOptions, pp *source.PrePush, e *env) error {
	o.own = func(context.Context) (ownFiles, error) {
		var changes [][2]string
		for _, u := range pp.Updates {
			if !u.Deletes() && u.RemoteSHA != zeroID {
				changes = append(changes, [2]string{u.RemoteSHA, u.LocalSHA})
			}
		}
		return repoFiles(pp.Repo, changes)
	}
	return hintOnFindings(scan(ctx, o, addedOnly{pp}, e), o, e,
		"leakstop: the push would send the secrets above. Rotate any that are real: once\n"+
			"  pushed, a secret stays in the remote's history. To take one out of unpushed\n"+
			"  commits: git rebase -i (or git commit --amend), then push again.\n"+
			"  A false positive? Write leakstop:allow in a comment on its line (amend the\n"+
			"  commit), or add its fingerprint, printed above, as a line of .leakstopignore.\n"+
			"  That file (and .leakstop.toml) is read as the remote has it, so a push cannot\n"+
			"  accept its own secret: get the .leakstopignore change to the remote first.\n"+
			"  To report only, pass --exit-code 0; to push anyway: git push --no-verify\n")
}
