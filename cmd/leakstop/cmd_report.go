package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"slices"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/leakstop/leakstop/report"
)

func reportCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:  "report",
		Usage: "work with the reports scans wrote",
		Subcommands: []*cli.Command{
			{
				Name:      "merge",
				Usage:     "merge the JSON reports of the shards of a sweep into one",
				ArgsUsage: "FILE...",
				Description: "Reads JSON reports (--format json, schema " + fmt.Sprint(report.Schema) + "; - is standard input) and writes\n" +
					"one report of them in any format, as one scan over every shard's targets\n" +
					"would have: a secret found at the same place (repository or scanned root,\n" +
					"and fingerprint) by several shards is one finding listing every commit that\n" +
					"carries it; counts are recomputed, errors and skipped items joined. The\n" +
					"report is partial when any input was, and lists its inputs (merged_from).\n" +
					"A file that is not such a report is an error naming it (exit 2).\n\n" +
					"The exit status is a scan's: 1 (--exit-code) when a finding passes\n" +
					"--fail-on and --min-severity (or, with --fail-on-new-suppressions, when the\n" +
					"shards' changes add suppressions that hide findings), else 3 when an input\n" +
					"was partial, else 0.",
				Flags: reportMergeFlags(),
				Action: func(c *cli.Context) error {
					if !c.Args().Present() {
						return usagef("report merge: want one or more JSON report FILEs (see 'leakstop report merge --help')")
					}
					var o scanOptions
					if err := readOutputFlags(c, &o); err != nil {
						return err
					}
					o.FailOnNewSuppressions = c.Bool("fail-on-new-suppressions")
					o.applyDefaults()
					return runReportMerge(c.Context, mergeOptions{scanOptions: o, Files: c.Args().Slice()}, e)
				},
			},
		},
	}
}

// reportMergeFlags are the flags of scanFlags that say how to write a
// report and how the run ends.
func reportMergeFlags() []cli.Flag {
	names := append(outputFlagNames(), "fail-on-new-suppressions")
	var out []cli.Flag
	for _, f := range scanFlags() {
		if slices.Contains(names, f.Names()[0]) {
			out = append(out, f)
		}
	}
	return out
}

// mergeOptions are the options of `leakstop report merge`.
type mergeOptions struct {
	scanOptions
	Files []string
}

// runReportMerge reads every input first, so that a bad one fails the
// run before any report is written, then writes the merged report as a
// scan writes its own.
func runReportMerge(ctx context.Context, o mergeOptions, e *env) error {
	start := time.Now()
	red := newRedactor()
	level, err := parseLogLevel(o.LogLevel)
	if err != nil {
		return err
	}
	log := newLogger(e.stderr, level, red)
	var inputs []*report.Report
	for _, name := range o.Files {
		if err := ctx.Err(); err != nil {
			return err
		}
		data, err := readInput(name, e)
		if err != nil {
			return usagef("report merge: %v", err)
		}
		r, err := report.Read(name, data)
		if err != nil {
			return &configError{err}
		}
		for _, f := range r.Findings {
			red.Add(f.Secret.Reveal())
		}
		log.Debug("report read", "report", name, "tool", r.Tool.Version, "findings", len(r.Findings),
			"items", r.Scanned, "partial", r.Partial)
		inputs = append(inputs, r)
	}
	rep := report.Merge(inputs...)
	rep.Tool = report.Tool{Name: "leakstop", Version: currentBuild().Version}
	var partial []string
	for _, in := range rep.Inputs {
		if in.Partial {
			partial = append(partial, in.Report)
		}
	}
	if len(partial) > 0 {
		log.Warn("merging partial reports; the merged report is partial", "partial_inputs", partial)
	}
	outs, err := openOutputs(o.scanOptions, e)
	if err != nil {
		return err
	}
	werr := writeReports(rep, outs, o.scanOptions, e)
	if cerr := closeOutputs(outs); werr == nil && cerr != nil {
		werr = fmt.Errorf("write report: %w", cerr)
	}
	if werr != nil {
		return werr
	}
	log.Info("reports merged", "reports", len(inputs), "findings", len(rep.Findings),
		"suppressed", rep.Suppressed, "errors", len(rep.Errors), "skipped", len(rep.Skipped),
		"items", rep.Scanned, "bytes", rep.Bytes, "partial", rep.Partial, "elapsed", time.Since(start))
	if o.ReportPath != "" {
		fmt.Fprintf(e.stderr, "leakstop: %s merged from %s; report written to %s\n",
			plural(len(rep.Findings), "finding"), plural(len(inputs), "report"), o.ReportPath)
	}
	return failOnAdded(outcome(rep, o.Gate, o.ExitCode, false, partial, log), rep, o.scanOptions)
}

// readInput reads a report file, or standard input for "-".
func readInput(name string, e *env) ([]byte, error) {
	if name == "-" {
		return io.ReadAll(e.stdin)
	}
	return os.ReadFile(name)
}
