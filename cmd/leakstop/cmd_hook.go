package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"
)

// hookMarker is in every hook leakstop writes: a hook holding it is
// leakstop's to replace; any other is the user's, kept and chained.
const hookMarker = "# leakstop hook: written by `leakstop hook install`"

// chainedSuffix names where a hook that was there before leakstop's is
// kept; leakstop's hook runs it afterwards.
const chainedSuffix = ".pre-leakstop"

func hookCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:  "hook",
		Usage: "install or remove plain git hooks (for repositories without the pre-commit framework)",
		Subcommands: []*cli.Command{
			{
				Name:  "install",
				Usage: "write a pre-commit hook (leakstop staged) and, with --pre-push, a pre-push hook",
				Description: "Writes the hooks in the repository's hooks folder, honouring core.hooksPath.\n" +
					"A hook already there is kept: it is renamed HOOK" + chainedSuffix + " and runs after\n" +
					"leakstop's, with the same arguments and input. Installing again updates\n" +
					"leakstop's hooks and keeps the chain.",
				Flags: []cli.Flag{
					&cli.BoolFlag{Name: "pre-push", Usage: "also install a pre-push hook (leakstop pre-push)"},
				},
				Action: func(c *cli.Context) error {
					if c.Args().Present() {
						return usagef("hook install takes no arguments; run it in the repository")
					}
					names := []string{"pre-commit"}
					if c.Bool("pre-push") {
						names = append(names, "pre-push")
					}
					return installHooks(names, e)
				},
			},
			{
				Name:  "uninstall",
				Usage: "remove leakstop's hooks, putting back the hooks they chained",
				Action: func(c *cli.Context) error {
					return uninstallHooks([]string{"pre-commit", "pre-push"}, e)
				},
			},
		},
	}
}

// hooksDir asks git where the hooks of the repository around the current
// folder live (core.hooksPath when set).
func hooksDir() (string, error) {
	out, err := exec.Command("git", "rev-parse", "--git-path", "hooks").Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return "", usagef("hook: not in a git repository: %s", strings.TrimSpace(string(ee.Stderr)))
		}
		return "", fmt.Errorf("hook: running git: %w", err)
	}
	dir, err := filepath.Abs(strings.TrimSpace(string(out)))
	if err != nil {
		return "", fmt.Errorf("hook: %w", err)
	}
	return dir, nil
}

func installHooks(names []string, e *env) error {
	dir, err := hooksDir()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("hook: %w", err)
	}
	bin := hookBinary()
	for _, name := range names {
		path := filepath.Join(dir, name)
		old, err := os.ReadFile(path)
		switch {
		case errors.Is(err, fs.ErrNotExist):
		case err != nil:
			return fmt.Errorf("hook: %w", err)
		case !bytes.Contains(old, []byte(hookMarker)):
			kept := path + chainedSuffix
			if _, err := os.Lstat(kept); err == nil {
				return fmt.Errorf("hook: %s is not leakstop's and %s already exists; move one of them away", path, kept)
			}
			if err := os.Rename(path, kept); err != nil {
				return fmt.Errorf("hook: keeping the existing hook: %w", err)
			}
			fmt.Fprintf(e.stderr, "leakstop: kept the existing %s hook as %s; it runs after leakstop's\n", name, kept)
		}
		if err := writeHook(path, hookScript(name, bin)); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "installed %s\n", path)
	}
	return nil
}

// writeHook writes an executable script through a temporary file, so a
// commit running at the same moment never sees half a hook.
func writeHook(path, script string) error {
	tmp := path + ".leakstop-tmp"
	if err := os.WriteFile(tmp, []byte(script), 0o755); err != nil {
		return fmt.Errorf("hook: %w", err)
	}
	if err := os.Chmod(tmp, 0o755); err != nil { // WriteFile's mode is filtered by the umask
		os.Remove(tmp)
		return fmt.Errorf("hook: %w", err)
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("hook: %w", err)
	}
	return nil
}

func uninstallHooks(names []string, e *env) error {
	dir, err := hooksDir()
	if err != nil {
		return err
	}
	for _, name := range names {
		path := filepath.Join(dir, name)
		b, err := os.ReadFile(path)
		if err != nil || !bytes.Contains(b, []byte(hookMarker)) {
			continue // absent, or not leakstop's
		}
		if err := os.Remove(path); err != nil {
			return fmt.Errorf("hook: %w", err)
		}
		msg := "removed " + path
		if _, err := os.Lstat(path + chainedSuffix); err == nil {
			if err := os.Rename(path+chainedSuffix, path); err != nil {
				return fmt.Errorf("hook: putting back the chained hook: %w", err)
			}
			msg += " (the hook it chained is back)"
		}
		fmt.Fprintln(e.stdout, msg)
	}
	return nil
}

// hookBinary is the leakstop the hooks run: this executable by the path
// it was started with, so a hook works in GUI clients whose PATH lacks
// it; "leakstop" from PATH when this is a `go run` build that will not
// outlive the command.
func hookBinary() string {
	arg0 := os.Args[0]
	p, err := exec.LookPath(arg0)
	if err != nil {
		return "leakstop"
	}
	p, err = filepath.Abs(p)
	if err != nil || strings.Contains(filepath.ToSlash(p), "/go-build") {
		return "leakstop"
	}
	return filepath.ToSlash(p)
}

// hookScript is a POSIX shell hook (Git for Windows runs hooks with its
// own sh). It fails closed when leakstop cannot be found, then runs the
// hook it replaced, if any, with the same arguments and input.
func hookScript(name, bin string) string {
	var run string
	switch name {
	case "pre-push":
		run = `input=$(cat)
printf '%s\n' "$input" | "$leakstop" pre-push "$@" || exit $?
prev="$0` + chainedSuffix + `"
if [ -x "$prev" ]; then
	printf '%s\n' "$input" | "$prev" "$@"
	exit $?
fi
`
	default:
		run = `"$leakstop" staged || exit $?
prev="$0` + chainedSuffix + `"
if [ -x "$prev" ]; then
	exec "$prev" "$@"
fi
`
	}
	return "#!/bin/sh\n" + hookMarker + "\n" +
		"# A hook that was here before runs afterwards: " + name + chainedSuffix + "\n" +
		"leakstop=" + shellQuote(bin) + "\n" +
		`if ! command -v "$leakstop" >/dev/null 2>&1; then
	leakstop=leakstop
	if ! command -v leakstop >/dev/null 2>&1; then
		echo "leakstop: not found, so this ` + name + ` hook cannot check anything; install it or run: leakstop hook uninstall" >&2
		exit 1
	fi
fi
` + run
}

// shellQuote quotes s for sh.
func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
