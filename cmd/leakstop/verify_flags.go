package main

import (
	"context"
	"log/slog"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/leakstop/leakstop/report"
	"github.com/leakstop/leakstop/verify"
)

// Live verification (--verify): after suppression, each finding whose
// provider has a verifier is checked against the provider's API, at its
// fixed hosts only. It is off unless the flag is given, in every command:
// the hooks never verify on their own.

// verifyOptions are the --verify* flags of a scanning command.
type verifyOptions struct {
	Enabled     bool
	Timeout     time.Duration
	Concurrency int
	Rate        float64
}

// verifyTestHook adjusts the verifiers' options; only tests set one (on
// env), to point verifiers at loopback servers and allow their
// addresses. No flag or variable reaches it.
type verifyTestHook func(*verify.Options)

func verifyFlags() []cli.Flag {
	return []cli.Flag{
		&cli.BoolFlag{Name: "verify", Usage: "check each finding's credential with its provider's API (its fixed hosts only, after suppression); reports say verified, invalid or unknown"},
		&cli.DurationFlag{Name: "verify-timeout", Value: verify.DefaultTimeout, Usage: "give up a verification request after `DURATION` (the result is unknown)"},
		&cli.IntFlag{Name: "verify-concurrency", Value: verify.DefaultConcurrency, Usage: "at most `N` verification requests at once"},
		&cli.Float64Flag{Name: "verify-rate", Value: verify.DefaultRate, Usage: "at most `N` verification requests a second to one provider"},
	}
}

// verifyOptionsFrom reads the --verify* flags; bad values are usage
// errors.
func verifyOptionsFrom(c *cli.Context) (verifyOptions, error) {
	o := verifyOptions{
		Enabled: c.Bool("verify"), Timeout: c.Duration("verify-timeout"),
		Concurrency: c.Int("verify-concurrency"), Rate: c.Float64("verify-rate"),
	}
	switch {
	case o.Timeout <= 0:
		return o, usagef("--verify-timeout %s: want a positive duration", o.Timeout)
	case o.Concurrency <= 0:
		return o, usagef("--verify-concurrency %d: want a positive number", o.Concurrency)
	case o.Rate <= 0:
		return o, usagef("--verify-rate %g: want a positive number", o.Rate)
	}
	return o, nil
}

// newVerifySession returns the run's verification session, or nil
// without --verify.
func newVerifySession(o verifyOptions, e *env) *verify.Session {
	if !o.Enabled {
		return nil
	}
	vo := verify.Options{
		Timeout: o.Timeout, Concurrency: o.Concurrency, Rate: o.Rate,
		UserAgent: "leakstop/" + currentBuild().Version,
	}
	if e.verifyHook != nil {
		e.verifyHook(&vo)
	}
	return verify.New(vo)
}

// verifyReport checks the report's findings (none of them suppressed) and
// records the answers on them. An interrupted scan verifies nothing.
func verifyReport(ctx context.Context, s *verify.Session, rep *report.Report, interrupted bool, log *slog.Logger) {
	if s == nil || interrupted {
		return
	}
	start := time.Now()
	s.Verify(ctx, rep.Findings)
	n := verify.Count(rep.Findings)
	log.Info("verification finished", "verified", n.Verified, "invalid", n.Invalid, "unknown", n.Unknown,
		"elapsed", time.Since(start))
}
