package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"slices"
	"strings"
	"syscall"

	"github.com/urfave/cli/v2"
)

// env is what commands may use of the process: its streams and its
// environment. Tests give their own.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
	// verifyHook, set only by tests, adjusts --verify's client.
	verifyHook verifyTestHook
}

// run runs the command line args (args[0] is the program) and returns the
// exit status. It never exits the process and never panics out.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	// The first Ctrl-C (or SIGTERM) ends ctx: the scan stops its workers
	// and writes the report of what it scanned, marked partial. Signals
	// then get their default handling back, so a second one ends the
	// process at once.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	context.AfterFunc(ctx, stop)
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "leakstop: internal error, please report it: %v\n", r)
			code = exitPartial
		}
	}()
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr, getenv: os.Getenv}
	app := newApp(e)
	return exitCode(app.RunContext(ctx, hoistFlags(app, args)), stderr)
}

// hoistFlags moves a command's flags written after its arguments before
// them (`leakstop dir . --format json`), since the flag parser stops at
// the first argument. A flag's value moves with it; after "--" everything
// is an argument.
func hoistFlags(app *cli.App, args []string) []string {
	if len(args) < 2 {
		return args
	}
	cmd, rest := app.Command(args[1]), 2
	for cmd != nil && len(cmd.Subcommands) > 0 && rest < len(args) {
		sub := cmd.Command(args[rest])
		if sub == nil {
			break
		}
		cmd, rest = sub, rest+1
	}
	if cmd == nil {
		return args
	}
	takesValue := map[string]bool{}
	for _, f := range cmd.Flags {
		_, isBool := f.(*cli.BoolFlag)
		for _, n := range f.Names() {
			takesValue[n] = !isBool
		}
	}
	var flags, positional []string
	tail := args[rest:]
	for i := 0; i < len(tail); i++ {
		a := tail[i]
		switch {
		case a == "--":
			positional = append(positional, tail[i+1:]...)
			i = len(tail)
		case len(a) > 1 && a[0] == '-':
			flags = append(flags, a)
			name := strings.TrimLeft(a, "-")
			if !strings.Contains(name, "=") && takesValue[name] && i+1 < len(tail) {
				i++
				flags = append(flags, tail[i])
			}
		default:
			positional = append(positional, a)
		}
	}
	out := append(slices.Clip(args[:rest]), flags...)
	if len(positional) > 0 {
		out = append(append(out, "--"), positional...)
	}
	return out
}

// newApp builds the command tree writing to e's streams.
func newApp(e *env) *cli.App {
	app := &cli.App{
		Name:  "leakstop",
		Usage: "find leaked credentials before and after they escape",
		Description: "Exit status: 0 nothing found; 1 unsuppressed findings (--exit-code changes it);\n" +
			"2 bad usage or bad config; 3 an item could not be read or the scan was interrupted.",
		Reader:                    e.stdin,
		Writer:                    e.stdout,
		ErrWriter:                 e.stderr,
		HideVersion:               true,
		DisableSliceFlagSeparator: true, // a --config path may hold a comma
		// The library must never exit the process: exit.go decides.
		ExitErrHandler: func(*cli.Context, error) {},
		OnUsageError:   usageHandler("leakstop"),
		Action: func(c *cli.Context) error {
			if c.Args().Present() {
				return usagef("unknown command %q (see 'leakstop --help')", c.Args().First())
			}
			_ = cli.ShowAppHelp(c)
			return usagef("no command given")
		},
		Commands: []*cli.Command{
			dirCommand(e),
			gitCommand(e),
			stagedCommand(e),
			stdinCommand(e),
			prePushCommand(e),
			slackCommand(e),
			hookCommand(e),
			rulesCommand(e),
			reportCommand(e),
			rotateCommand(e),
			configCommand(e),
			versionCommand(e),
		},
	}
	for _, c := range app.Commands {
		setUsageHandlers(c, "leakstop "+c.Name)
	}
	return app
}

// setUsageHandlers makes flag errors of c and its subcommands usage
// errors that point at the command's help.
func setUsageHandlers(c *cli.Command, name string) {
	c.OnUsageError = usageHandler(name)
	for _, sub := range c.Subcommands {
		setUsageHandlers(sub, name+" "+sub.Name)
	}
}

func usageHandler(name string) cli.OnUsageErrorFunc {
	return func(_ *cli.Context, err error, _ bool) error {
		return usagef("%s: %v (see '%s --help')", name, err, name)
	}
}
