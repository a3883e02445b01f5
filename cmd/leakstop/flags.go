package main

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/leakstop/leakstop/report"
	"github.com/leakstop/leakstop/source"
)

// scanOptions are the flags every scanning command shares.
type scanOptions struct {
	Format     string
	ReportPath string
	// Reports are further reports of the run (--report FORMAT=FILE).
	Reports []reportTarget
	// Category files a SARIF run in code scanning (--sarif-category); a
	// command may set a default for its kind of scan.
	Category    string
	Configs     []string
	ShowSecrets bool
	ExitCode    int
	// Gate decides which findings fail the run (--fail-on,
	// --min-severity); the zero value fails on every finding.
	Gate gate
	// LogLevel is --log-level; "" is the default (warn).
	LogLevel    string
	Jobs        int
	MaxFileSize int64
	// Archive bounds the opening of archives (--max-archive-*).
	Archive source.ArchiveLimits
	// OCR reads images (--ocr, --ocr-max-pixels, --html-thumbnails).
	OCR        ocrOptions
	NoProgress bool
	// HashKey keys secret_hmac (LEAKSTOP_HASH_KEY).
	HashKey []byte
	// IgnoreFiles (--ignore-file) are read instead of the target's own
	// .leakstopignore.
	IgnoreFiles []string
	// Baseline accepts the findings it lists; WriteBaseline receives
	// every finding of the run.
	Baseline      string
	WriteBaseline string
	// ShowSuppressed lists the suppressed findings in the report, with why
	// (--show-suppressed).
	ShowSuppressed bool
	// FailOnNewSuppressions fails the run when the scanned change adds
	// suppressions that hide findings (--fail-on-new-suppressions).
	FailOnNewSuppressions bool
	// Compat honours another scanner's inline markers too (--compat):
	// compatGitleaks, or "".
	Compat string
	// Rotate configures the rotation webhook (--rotate-*).
	Rotate rotateOptions
	// Verify checks findings with their providers (--verify*).
	Verify verifyOptions
	// own says where the target keeps its own suppression files
	// (.leakstopignore, .leakstop.toml): each command knows; nil: nowhere.
	own func(context.Context) (ownFiles, error)
}

func (o *scanOptions) applyDefaults() {
	if o.Format == "" {
		o.Format = report.FormatText
	}
	if o.Jobs <= 0 {
		o.Jobs = runtime.NumCPU()
	}
}

const defaultMaxFileSize = "10MiB"

// compatGitleaks is --compat's value for gitleaks' gitleaks:allow markers.
const compatGitleaks = "gitleaks"

func scanFlags() []cli.Flag {
	return append([]cli.Flag{
		&cli.StringFlag{Name: "format", Value: report.FormatText, Usage: "report `FORMAT`: " + strings.Join(report.Formats(), ", ")},
		&cli.StringSliceFlag{Name: "report", Usage: "also write a report as `FORMAT=FILE` (repeatable): --report sarif=out.sarif --report json=out.json"},
		&cli.StringFlag{Name: "sarif-category", Usage: "the SARIF run's `CATEGORY` in code scanning (default for git: leakstop/history/, with --range leakstop/pr/)"},
		&cli.StringFlag{Name: "report-path", Usage: "write the report to `FILE` instead of standard output; an existing file, device or pipe is written in place"},
		&cli.StringSliceFlag{Name: "config", Usage: "config `FILE`: rules and allowlists, as in .leakstop.toml, read besides the target's own (repeatable)"},
		&cli.BoolFlag{Name: "show-secrets", Usage: "print secrets in full (otherwise only a preview)"},
		&cli.IntFlag{Name: "exit-code", Value: exitFindings, Usage: "exit status `N` when there are unsuppressed findings"},
		&cli.StringFlag{Name: "fail-on", Value: failOnCandidate, Usage: "fail only on findings at least this sure, `STATUS`: " + strings.Join(failOnValues, ", ") + " (others are still reported)"},
		&cli.StringFlag{Name: "min-severity", Usage: "fail only on findings of `SEVERITY` or more: low, medium, high, critical (others are still reported)", DefaultText: "every finding"},
		&cli.StringFlag{Name: "log-level", Value: defaultLogLevel, Usage: "log to standard error at `LEVEL` and above: " + strings.Join(logLevelNames(), ", ")},
		&cli.IntFlag{Name: "jobs", Usage: "`N` workers reading and scanning", DefaultText: "the number of CPUs"},
		&cli.StringFlag{Name: "max-file-size", Value: defaultMaxFileSize, Usage: "skip (and list) items larger than `SIZE`: bytes, or 500KB, 10MiB, 1GB; 0 for no limit"},
		&cli.BoolFlag{Name: "no-progress", Usage: "never show progress (it is shown only on a terminal)"},
		&cli.StringSliceFlag{Name: "ignore-file", Usage: "accept the findings `FILE` lists, in .leakstopignore form, instead of reading the target's own .leakstopignore (repeatable)"},
		&cli.StringFlag{Name: "baseline", Usage: "accept the findings the baseline `FILE` lists (see --write-baseline)"},
		&cli.StringFlag{Name: "write-baseline", Usage: "write every finding of the run to `FILE`, as accepted, for --baseline (the run still fails on them)"},
		&cli.BoolFlag{Name: "show-suppressed", Usage: "list the suppressed findings in the text and json reports, each with what accepted it"},
		&cli.BoolFlag{Name: "fail-on-new-suppressions", Usage: "exit 1 when the scanned change (a range, a push, the index) adds suppressions that hide findings"},
		&cli.StringFlag{Name: "compat", Usage: "also honour `SCANNER`'s inline markers: gitleaks (gitleaks:allow on a finding's line)"},
	}, append(archiveFlags(), append(rotateFlags(), verifyFlags()...)...)...)
}

// scanOptionsFrom reads the shared flags; bad values are usage errors.
func scanOptionsFrom(c *cli.Context, e *env) (scanOptions, error) {
	o := scanOptions{
		Configs:    c.StringSlice("config"),
		Jobs:       c.Int("jobs"),
		NoProgress: c.Bool("no-progress"),

		IgnoreFiles:   c.StringSlice("ignore-file"),
		Baseline:      c.String("baseline"),
		WriteBaseline: c.String("write-baseline"),

		FailOnNewSuppressions: c.Bool("fail-on-new-suppressions"),
		Compat:                c.String("compat"),
	}
	if o.Compat != "" && o.Compat != compatGitleaks {
		return o, usagef("--compat %q: the only one is %s", o.Compat, compatGitleaks)
	}
	if k := e.getenv("LEAKSTOP_HASH_KEY"); k != "" {
		o.HashKey = []byte(k)
	}
	if err := readOutputFlags(c, &o); err != nil {
		return o, err
	}
	if o.Jobs < 0 {
		return o, usagef("--jobs %d: want a positive number", o.Jobs)
	}
	n, err := parseSize(c.String("max-file-size"))
	if err != nil {
		return o, usagef("--max-file-size: %v", err)
	}
	o.MaxFileSize = n
	if o.Archive, err = archiveLimitsFrom(c); err != nil {
		return o, err
	}
	if o.OCR, err = ocrOptionsFrom(c, e); err != nil {
		return o, err
	}
	if o.Rotate, err = rotateOptionsFrom(c, e); err != nil {
		return o, err
	}
	if o.Verify, err = verifyOptionsFrom(c); err != nil {
		return o, err
	}
	o.applyDefaults()
	return o, nil
}

// outputFlagNames are the flags of scanFlags that say how the reports are
// written and how the run ends; `report merge` takes them too.
func outputFlagNames() []string {
	return []string{"format", "report", "sarif-category", "report-path", "show-secrets",
		"exit-code", "fail-on", "min-severity", "log-level", "show-suppressed"}
}

// readOutputFlags reads the flags outputFlagNames lists into o; bad
// values are usage errors.
func readOutputFlags(c *cli.Context, o *scanOptions) error {
	o.Format = c.String("format")
	o.ReportPath = c.String("report-path")
	o.ShowSecrets = c.Bool("show-secrets")
	o.ShowSuppressed = c.Bool("show-suppressed")
	o.ExitCode = c.Int("exit-code")
	o.Category = c.String("sarif-category")
	g, err := parseGate(c.String("fail-on"), c.String("min-severity"))
	if err != nil {
		return err
	}
	o.Gate = g
	o.LogLevel = c.String("log-level")
	if _, err := parseLogLevel(o.LogLevel); err != nil {
		return err
	}
	if o.Reports, err = parseReportFlags(c.StringSlice("report")); err != nil {
		return err
	}
	if !slices.Contains(report.Formats(), o.Format) {
		return usagef("--format %q: want one of %s", o.Format, strings.Join(report.Formats(), ", "))
	}
	if o.ExitCode < 0 || o.ExitCode > 255 {
		return usagef("--exit-code %d: want 0 to 255", o.ExitCode)
	}
	return nil
}

// sizeUnits are the suffixes parseSize accepts, lower case: SI units are
// powers of 1000, IEC units (and bare K, M, G) powers of 1024.
var sizeUnits = map[string]int64{
	"": 1, "b": 1,
	"k": 1 << 10, "kib": 1 << 10, "kb": 1e3,
	"m": 1 << 20, "mib": 1 << 20, "mb": 1e6,
	"g": 1 << 30, "gib": 1 << 30, "gb": 1e9,
	"t": 1 << 40, "tib": 1 << 40, "tb": 1e12,
}

// parseSize reads a byte count: "1048576", "512KB", "10MiB", "1.5 GB".
func parseSize(s string) (int64, error) {
	t := strings.TrimSpace(s)
	i := strings.IndexFunc(t, func(r rune) bool { return (r < '0' || r > '9') && r != '.' })
	if i < 0 {
		i = len(t)
	}
	num, unit := t[:i], strings.ToLower(strings.TrimSpace(t[i:]))
	mult, ok := sizeUnits[unit]
	if num == "" || !ok {
		return 0, fmt.Errorf("%q is not a size (examples: 1048576, 500KB, 10MiB, 1GB)", s)
	}
	f, err := strconv.ParseFloat(num, 64)
	if err != nil || f < 0 {
		return 0, fmt.Errorf("%q is not a size (examples: 1048576, 500KB, 10MiB, 1GB)", s)
	}
	v := f * float64(mult)
	if v > 1<<62 {
		return 0, fmt.Errorf("%q is too large", s)
	}
	return int64(v), nil
}
