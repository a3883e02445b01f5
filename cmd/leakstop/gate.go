package main

import (
	"fmt"
	"log/slog"
	"strings"

	"github.com/leakstop/leakstop/detect"
	"github.com/leakstop/leakstop/report"
	"github.com/leakstop/leakstop/rules"
)

// Values of --fail-on: how sure leakstop must be that a finding is a
// credential for it to fail the run.
const (
	failOnCandidate = "candidate" // every finding (the default)
	failOnConfirmed = "confirmed" // passed an offline validator or a live check
	failOnVerified  = "verified"  // a live check said it works
)

var failOnValues = []string{failOnCandidate, failOnConfirmed, failOnVerified}

// gate decides which findings fail a run (--fail-on, --min-severity).
// The others are still reported; they do not change the exit status.
type gate struct {
	failOn      string         // one of failOnValues; "" is candidate
	minSeverity rules.Severity // the zero value, info, lets every finding through
}

// parseGate reads --fail-on and --min-severity; "" takes the default.
func parseGate(failOn, minSeverity string) (gate, error) {
	g := gate{failOn: strings.ToLower(failOn)}
	switch g.failOn {
	case "":
		g.failOn = failOnCandidate
	case failOnCandidate, failOnConfirmed, failOnVerified:
	default:
		return g, usagef("--fail-on %q: want one of %s", failOn, strings.Join(failOnValues, ", "))
	}
	if minSeverity != "" {
		s, err := rules.ParseSeverity(minSeverity)
		if err != nil {
			return g, usagef("--min-severity %q: want one of info, low, medium, high, critical", minSeverity)
		}
		g.minSeverity = s
	}
	return g, nil
}

// fails reports whether f fails the run.
func (g gate) fails(f *detect.Finding) bool {
	return f.Severity >= g.minSeverity && statusRank(f.Status) >= failOnRank(g.failOn)
}

// statusRank orders statuses by how sure they are: a revoked secret was
// a working credential (a live check found it revoked), so it ranks with
// confirmed ones, below verified (it works now).
func statusRank(s detect.Status) int {
	switch s {
	case detect.StatusVerified:
		return 2
	case detect.StatusConfirmed, detect.StatusRevoked:
		return 1
	}
	return 0
}

func failOnRank(failOn string) int {
	switch failOn {
	case failOnVerified:
		return 2
	case failOnConfirmed:
		return 1
	}
	return 0
}

func (g gate) String() string {
	var parts []string
	if failOnRank(g.failOn) > 0 {
		parts = append(parts, "--fail-on "+g.failOn)
	}
	if g.minSeverity > rules.SeverityInfo {
		parts = append(parts, "--min-severity "+g.minSeverity.String())
	}
	return strings.Join(parts, " ")
}

// outcome says how a run that wrote rep ends (DESIGN.md, exit status):
// with the user's --exit-code when a finding passes the gate, even if the
// report is partial; else partial (exit 3) when an item could not be read,
// the scan was interrupted or a merged report was partial; else clean.
// partialInputs names the merged reports that were partial.
func outcome(rep *report.Report, g gate, exitCode int, interrupted bool, partialInputs []string, log *slog.Logger) error {
	failing := 0
	for i := range rep.Findings {
		if g.fails(&rep.Findings[i]) {
			failing++
		}
	}
	if below := len(rep.Findings) - failing; below > 0 {
		log.Info(fmt.Sprintf("%s below %s: reported, not failing the run", plural(below, "finding"), g),
			"findings", len(rep.Findings), "failing", failing)
	}
	var partial *partialError
	if rep.Partial {
		partial = &partialError{errors: len(rep.Errors), interrupted: interrupted, inputs: partialInputs}
	}
	if failing > 0 {
		return &findingsError{findings: failing, code: exitCode, partial: partial}
	}
	if partial != nil {
		return partial
	}
	return nil
}
