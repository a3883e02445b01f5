package main

import (
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/leakstop/leakstop/report"
)

// reportTarget is one report a run writes: a format, and a file ("" is
// standard output).
type reportTarget struct {
	format, path string
}

// parseReportFlags reads --report FORMAT=FILE values.
func parseReportFlags(vals []string) ([]reportTarget, error) {
	var out []reportTarget
	for _, v := range vals {
		format, path, ok := strings.Cut(v, "=")
		if !ok || path == "" {
			return nil, usagef("--report %q: want FORMAT=FILE, e.g. --report sarif=leakstop.sarif", v)
		}
		if !slices.Contains(report.Formats(), format) {
			return nil, usagef("--report %q: format %q: want one of %s", v, format, strings.Join(report.Formats(), ", "))
		}
		out = append(out, reportTarget{format, path})
	}
	return out, nil
}

// output is an open report destination.
type output struct {
	reportTarget
	w     io.Writer
	color bool
	close func() error
}

// openOutputs opens every report of the run before the scan starts, so a
// path that cannot be written fails at once rather than after a long
// scan. The first is --format to --report-path (or standard output); then
// each --report.
func openOutputs(o scanOptions, e *env) ([]output, error) {
	targets := append([]reportTarget{{o.Format, o.ReportPath}}, o.Reports...)
	var outs []output
	for _, t := range targets {
		w, color, closeFn, err := openReport(t.path, o.ShowSecrets, e)
		if err != nil {
			closeOutputs(outs)
			return nil, err
		}
		outs = append(outs, output{reportTarget: t, w: w, color: color, close: closeFn})
	}
	return outs, nil
}

// closeOutputs closes every output and returns the first error.
func closeOutputs(outs []output) error {
	var first error
	for _, out := range outs {
		if err := out.close(); err != nil && first == nil {
			first = err
		}
	}
	return first
}

// writeReports writes rep to every output. The github format also appends
// the job summary to $GITHUB_STEP_SUMMARY when it is set (once per run).
func writeReports(rep *report.Report, outs []output, o scanOptions, e *env) error {
	summaryDone := false
	var first error
	for _, out := range outs {
		opts := report.Options{ShowSecrets: o.ShowSecrets, ShowSuppressed: o.ShowSuppressed, Color: out.color, Category: o.Category}
		var summary *os.File
		if out.format == report.FormatGitHub && !summaryDone {
			if p := e.getenv("GITHUB_STEP_SUMMARY"); p != "" {
				f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o644)
				if err != nil {
					return fmt.Errorf("job summary: %w", err)
				}
				summary, opts.Summary, summaryDone = f, f, true
			}
		}
		err := rep.Write(out.w, out.format, opts)
		if summary != nil {
			if cerr := summary.Close(); err == nil && cerr != nil {
				err = fmt.Errorf("job summary: %w", cerr)
			}
		}
		if err != nil && first == nil {
			first = fmt.Errorf("write %s report: %w", out.format, err)
		}
	}
	return first
}
