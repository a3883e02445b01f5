package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/leakstop/leakstop/internal/redact"
	"github.com/leakstop/leakstop/rules"
	"github.com/leakstop/leakstop/source"
)

// Exit statuses (DESIGN.md). Findings exit with --exit-code, 1 by default.
const (
	exitClean    = 0
	exitFindings = 1
	exitUsage    = 2
	exitPartial  = 3
)

// usageError is a mistake in the command line: exit 2.
type usageError struct{ err error }

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

func usagef(format string, args ...any) error {
	return &usageError{fmt.Errorf(format, args...)}
}

// configError is a rule or config file that cannot be used: exit 2. Its
// message names the file and, where there is one, the line.
type configError struct{ err error }

func (e *configError) Error() string { return e.err.Error() }
func (e *configError) Unwrap() error { return e.err }

// findingsError says a scan found unsuppressed secrets. The report has
// been written; the exit status is the user's --exit-code.
type findingsError struct {
	findings int
	code     int
	partial  *partialError // also set when the scan was partial
}

func (e *findingsError) Error() string { return fmt.Sprintf("%s found", plural(e.findings, "finding")) }

// partialError says some items could not be read or the scan was
// interrupted. The report has been written and says "partial": true.
type partialError struct {
	errors      int
	interrupted bool
	// inputs names the merged reports that were partial (report merge).
	inputs []string
}

func (e *partialError) Error() string {
	if len(e.inputs) > 0 {
		return fmt.Sprintf("merged from partial reports (%s); the report is partial", strings.Join(e.inputs, ", "))
	}
	if e.interrupted {
		return "the scan was interrupted; the report is partial"
	}
	return fmt.Sprintf("%s could not be read; the report is partial", plural(e.errors, "item"))
}

// testFailure says `rules test` found examples that fail: exit 1.
type testFailure struct{ failed int }

func (e *testFailure) Error() string { return fmt.Sprintf("%s failed", plural(e.failed, "rule")) }

// exitCode maps what a command returned to the process's exit status,
// printing what the user needs to know to stderr. It is the only place
// that decides exit statuses.
func exitCode(err error, stderr io.Writer) int {
	var (
		fe    *findingsError
		ae    *addedSuppressionsError
		pe    *partialError
		tf    *testFailure
		errs  rules.Errors
		ue    *usageError
		ce    *configError
		ruleE *rules.Error
		coder cli.ExitCoder
	)
	// A message may quote a tool's output or a URL: never its password.
	say := func(msg string) { fmt.Fprintf(stderr, "leakstop: %s\n", redact.URLPasswords(msg)) }
	switch {
	case err == nil:
		return exitClean
	case errors.As(err, &fe):
		if fe.partial != nil {
			say(fe.partial.Error())
		}
		return fe.code
	case errors.As(err, &ae):
		say(ae.Error())
		if ae.partial != nil {
			say(ae.partial.Error())
		}
		return exitFindings
	case errors.As(err, &tf):
		say(tf.Error())
		return exitFindings
	case errors.As(err, &errs):
		for _, e := range errs {
			say(e.Error())
		}
		return exitUsage
	case errors.As(err, &ue), errors.As(err, &ce), errors.As(err, &ruleE):
		say(err.Error())
		return exitUsage
	case errors.Is(err, source.ErrUntrustedRepository):
		// git's safe.directory: the user must say they trust it.
		say(err.Error())
		return exitUsage
	case errors.As(err, &pe):
		say(pe.Error())
		return exitPartial
	case errors.Is(err, context.Canceled):
		say("interrupted")
		return exitPartial
	case errors.As(err, &coder):
		// urfave's own complaints (an unknown help topic) are usage.
		say(err.Error())
		return exitUsage
	}
	say(err.Error())
	return exitPartial
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
