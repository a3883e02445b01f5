package main

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"image"
	"io"
	"log/slog"
	"os"
	"slices"
	"sync"
	"time"

	"golang.org/x/term"

	"github.com/leakstop/leakstop/detect"
	"github.com/leakstop/leakstop/internal/redact"
	"github.com/leakstop/leakstop/report"
	"github.com/leakstop/leakstop/rules"
	"github.com/leakstop/leakstop/source"
	"github.com/leakstop/leakstop/suppress"
)

// scan is the pipeline every scanning command shares: build the rule set
// and engine, run the source on o.Jobs workers (one Scanner each), scan
// each distinct content once, write the report, and say how the run ended.
func scan(ctx context.Context, o scanOptions, src source.Source, e *env) error {
	o.applyDefaults()
	start := time.Now()
	red := newRedactor()
	level, err := parseLogLevel(o.LogLevel)
	if err != nil {
		return err
	}
	prog := newProgress(o.NoProgress, e)
	defer prog.stop()
	if prog != nil {
		// Log lines and messages clear the bar's line before they are
		// written.
		withBar := *e
		withBar.stderr = prog
		e = &withBar
	}
	log := newLogger(e.stderr, level, red)
	sup, err := readSuppressions(ctx, o, e)
	if err != nil {
		return err
	}
	set, err := rules.ConfigureFiles(sup.ruleFiles())
	if err != nil {
		return &configError{err}
	}
	eng, err := detect.New(set, detect.Options{HashKey: o.HashKey})
	if err != nil {
		return &configError{err}
	}
	log.Debug("rules loaded", "rules", len(eng.Rules()), "configs", o.Configs, "elapsed", time.Since(start))
	filter, err := newFilter(set, sup)
	if err != nil {
		return err
	}
	filter.GitleaksAllow = o.Compat == compatGitleaks
	rot, err := prepareRotation(ctx, o.Rotate, src)
	if err != nil {
		return err
	}
	outs, err := openOutputs(o, e)
	if err != nil {
		return err
	}
	closeOut := func() error { return closeOutputs(outs) }
	c := newCollector(eng, o.Jobs)
	c.filter = filter
	verifier := newVerifySession(o.Verify, e)
	if verifier != nil {
		c.note = verifier.Note
	}
	if o.OCR.Thumbnails {
		c.thumbs = &thumbnails{m: map[string]image.Image{}}
	}
	c.log, c.red, c.start = log, red, start
	sup.report(c) // a sweep's repositories whose own files could not be used
	if k, ok := src.(findingKeeper); ok {
		c.keep = k.Keep
	}
	c.progress = prog
	log.Debug("scan started", append(sourceAttrs(src), "jobs", o.Jobs)...)
	stopNotice := context.AfterFunc(ctx, func() {
		fmt.Fprintln(e.stderr, "leakstop: interrupted: stopping the workers and writing the report of what was scanned (Ctrl-C again quits at once)")
	})
	prog.start(c.stats)
	srcErr := src.Fragments(ctx, o.Jobs, c.visit, c)
	prog.stop()
	stopNotice()
	interrupted := ctx.Err() != nil
	if srcErr != nil && !interrupted {
		closeOut()
		return redactedError(srcErr, red)
	}
	rep := c.report(interrupted)
	verifyReport(ctx, verifier, rep, interrupted, log) // after suppression, before reports and rotation
	if rs, ok := src.(interface{ Repositories() []string }); ok {
		rep.Repositories = rs.Repositories()
	}
	c.logResults(rep, interrupted)
	if o.WriteBaseline != "" {
		if err := writeBaseline(o.WriteBaseline, c.accepted(rep), interrupted, e); err != nil {
			closeOut()
			return err
		}
	}
	rep.Rotation = rot.send(ctx, rep, log, e)
	werr := writeReports(rep, outs, o, e)
	if cerr := closeOut(); werr == nil && cerr != nil {
		werr = fmt.Errorf("write report: %w", cerr)
	}
	if werr != nil {
		return werr
	}
	if o.ReportPath != "" {
		fmt.Fprintf(e.stderr, "leakstop: %s in %s; report written to %s\n",
			plural(len(rep.Findings), "finding"), plural(rep.Scanned, "item"), o.ReportPath)
	}
	return failOnAdded(outcome(rep, o.Gate, o.ExitCode, interrupted, nil, log), rep, o)
}

// hintOnFindings passes on what a hook's scan returned, first telling the
// user on stderr what to do (hint) when the scan failed on findings and
// the report is text: a person is reading it.
func hintOnFindings(err error, o scanOptions, e *env, hint string) error {
	var fe *findingsError
	if errors.As(err, &fe) && fe.code != exitClean && (o.Format == "" || o.Format == report.FormatText) {
		fmt.Fprint(e.stderr, hint)
	}
	return err
}

// openReport returns where the report goes and whether to colour it. An
// existing path is opened for writing and truncated, never removed or
// replaced: it may be a device or a pipe another program reads.
func openReport(path string, showSecrets bool, e *env) (w io.Writer, color bool, closeFn func() error, err error) {
	if path == "" {
		return e.stdout, isTerminal(e.stdout, e.getenv), func() error { return nil }, nil
	}
	perm := os.FileMode(0o644)
	if showSecrets {
		perm = 0o600
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, perm)
	if err != nil {
		return nil, false, nil, usagef("--report-path: %v", err)
	}
	return f, false, f.Close, nil
}

// isTerminal reports whether w is a terminal and colour is welcome there.
func isTerminal(w io.Writer, getenv func(string) string) bool {
	f, ok := w.(*os.File)
	if !ok || getenv("NO_COLOR") != "" || getenv("TERM") == "dumb" {
		return false
	}
	return term.IsTerminal(int(f.Fd()))
}

// findingKeeper is a source that decides which of its findings count: a
// scan of a range keeps only what the range added. Findings it drops are
// not reported at all; the items still count as scanned.
type findingKeeper interface {
	Keep(f detect.Finding) bool
}

// blob is one distinct content: scanned by the first worker to see it,
// its matches reused for every other place it is seen.
type blob struct {
	done    chan struct{}
	matches []detect.Match
	err     error
}

// collector gathers a run's findings and problems from the workers. It
// implements source.Problems.
type collector struct {
	eng      *detect.Engine
	scanners []*detect.Scanner         // one per worker, made on first use
	keep     func(detect.Finding) bool // nil: every finding counts
	filter   *suppress.Filter          // nil: nothing is accepted
	thumbs   *thumbnails               // nil: no thumbnails (--html-thumbnails)
	// note, with --verify, reads what verifiers need near kept findings.
	note func(*source.Fragment, []detect.Finding)
	// log receives warnings and progress; red learns every secret found,
	// so that no log line or error message holds one.
	log   *slog.Logger
	red   *redact.Set
	start time.Time
	// milestone is the number of scanned items at which progress is
	// next logged.
	milestone int
	// progress, when set, draws the run's progress on the terminal.
	progress *progress

	mu         sync.Mutex
	blobs      map[string]*blob
	findings   []detect.Finding
	suppressed []suppress.Accepted
	markers    []suppress.AddedMarker // inline markers on added lines
	would      []suppress.Would       // findings added file entries would hide
	errors     []report.Problem
	errorSeen  map[report.Problem]bool
	skipped    []report.Skip
	scanned    int
	bytes      int64
}

var (
	_ source.Problems = (*collector)(nil)
	_ source.Progress = (*collector)(nil)
)

func newCollector(eng *detect.Engine, jobs int) *collector {
	return &collector{
		eng: eng, scanners: make([]*detect.Scanner, jobs), blobs: map[string]*blob{},
		log: slog.New(slog.DiscardHandler), red: newRedactor(), start: time.Now(), milestone: firstMilestone,
	}
}

// visit scans a fragment, or reuses the matches of the same content seen
// before, and keeps the findings for the fragment's places, setting aside
// those the user accepted: the fragment's text is at hand here for inline
// markers.
func (c *collector) visit(worker int, f *source.Fragment) error {
	ms, err := c.matches(worker, f)
	if err != nil {
		for _, o := range f.Origins {
			c.Error(o.Path, err)
		}
		return nil
	}
	fs := c.eng.Findings(f, ms)
	if c.keep != nil {
		fs = slices.DeleteFunc(fs, func(fd detect.Finding) bool { return !c.keep(fd) })
	}
	res := c.filter.Apply(f, fs)
	fs, accepted := res.Kept, res.Accepted
	if c.note != nil {
		c.note(f, fs)
	}
	c.thumbs.keep(f, fs)
	c.mu.Lock()
	c.findings = append(c.findings, fs...)
	c.suppressed = append(c.suppressed, accepted...)
	c.noteApplied(res)
	c.scanned += len(f.Origins)
	c.bytes += int64(len(f.Data)) * int64(len(f.Origins))
	progress := c.scanned >= c.milestone
	if progress {
		c.milestone *= 2
	}
	scanned, size, found := c.scanned, c.bytes, len(c.findings)
	c.mu.Unlock()
	if progress {
		c.log.Debug("progress", "items", scanned, "bytes", size, "findings", found, "elapsed", time.Since(c.start))
	}
	return nil
}

func (c *collector) matches(worker int, f *source.Fragment) ([]detect.Match, error) {
	if f.ID == "" {
		return c.scanOne(worker, f)
	}
	c.mu.Lock()
	b, seen := c.blobs[f.ID]
	if !seen {
		b = &blob{done: make(chan struct{})}
		c.blobs[f.ID] = b
	}
	c.mu.Unlock()
	if seen {
		<-b.done
		return b.matches, b.err
	}
	defer close(b.done)
	b.matches, b.err = c.scanOne(worker, f)
	return b.matches, b.err
}

// scanOne scans f's data on worker's scanner (as text read with OCR
// when it is). The matches' secrets are copied so they do not keep the
// whole content in memory. A panic in the engine becomes an error for
// this item, not the end of the run.
func (c *collector) scanOne(worker int, f *source.Fragment) (ms []detect.Match, err error) {
	defer func() {
		if r := recover(); r != nil {
			ms, err = nil, fmt.Errorf("internal error while scanning, please report it: %v", r)
		}
	}()
	if worker < 0 || worker >= len(c.scanners) {
		return nil, errors.New("internal error: source used a worker outside --jobs")
	}
	if c.scanners[worker] == nil {
		c.scanners[worker] = c.eng.NewScanner()
	}
	if f.Image != nil {
		ms = c.scanners[worker].ScanOCR(f.Data)
	} else {
		ms = c.scanners[worker].Scan(f.Data)
	}
	for i := range ms {
		ms[i].Secret = detect.NewSecret(bytes.Clone(ms[i].Secret.Reveal()))
		c.red.Add(ms[i].Secret.Reveal())
	}
	return ms, nil
}

// stats says how many items and bytes have been scanned so far.
func (c *collector) stats() (items int, bytes int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.scanned, c.bytes
}

// Planned implements source.Progress for the progress bar.
func (c *collector) Planned(items int, unit string) { c.progress.Planned(items, unit) }

// Advanced implements source.Progress for the progress bar.
func (c *collector) Advanced(n int) { c.progress.Advanced(n) }

// Error records an item that could not be read. The message goes into
// the report, so it is redacted as a log line is.
// The same problem met twice (a damaged tree that several commits share)
// is recorded once.
func (c *collector) Error(path string, err error) {
	msg := c.red.String(err.Error())
	pr := report.Problem{Path: path, Error: msg}
	c.mu.Lock()
	if c.errorSeen[pr] {
		c.mu.Unlock()
		return
	}
	if c.errorSeen == nil {
		c.errorSeen = map[report.Problem]bool{}
	}
	c.errorSeen[pr] = true
	c.errors = append(c.errors, pr)
	c.mu.Unlock()
	c.log.Warn("could not read an item; the report will be partial", "path", path, "error", msg)
}

// Skip records an item left out by a limit.
func (c *collector) Skip(path, reason string) {
	c.log.Warn("skipped an item", "path", path, "reason", reason)
	c.mu.Lock()
	defer c.mu.Unlock()
	c.skipped = append(c.skipped, report.Skip{Path: path, Reason: reason})
}

// logResults logs, at debug, each finding (its preview, never the
// secret) and each accepted finding, then, at info, the run's summary.
func (c *collector) logResults(rep *report.Report, interrupted bool) {
	c.mu.Lock()
	accepted := slices.Clone(c.suppressed)
	c.mu.Unlock()
	ctx := context.Background()
	if c.log.Enabled(ctx, slog.LevelDebug) {
		byPlace := func(a, b detect.Finding) int {
			return cmp.Or(cmp.Compare(a.Source.Root, b.Source.Root), cmp.Compare(a.Path, b.Path),
				cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column), cmp.Compare(a.RuleID, b.RuleID))
		}
		fs := slices.Clone(rep.Findings)
		slices.SortFunc(fs, byPlace)
		for _, f := range fs {
			c.log.Debug("finding", findingAttrs(f)...)
		}
		slices.SortFunc(accepted, func(a, b suppress.Accepted) int { return byPlace(a.Finding, b.Finding) })
		for _, a := range accepted {
			c.log.Debug("accepted finding", append(findingAttrs(a.Finding), "reason", a.Reason)...)
		}
	}
	c.log.Info("scan finished",
		"findings", len(rep.Findings), "suppressed", rep.Suppressed,
		"errors", len(rep.Errors), "skipped", len(rep.Skipped),
		"items", rep.Scanned, "bytes", rep.Bytes, "partial", rep.Partial, "interrupted", interrupted,
		"elapsed", time.Since(c.start))
}

// findingAttrs describes a finding for a log line: where, which rule, its
// redacted preview and its fingerprint.
func findingAttrs(f detect.Finding) []any {
	attrs := []any{"rule", f.RuleID, "severity", f.Severity, "status", f.Status}
	if f.Source.Root != "" {
		attrs = append(attrs, "root", f.Source.Root)
	}
	attrs = append(attrs, "path", f.Path, "line", f.Line, "column", f.Column)
	if f.Source.Commit != "" {
		attrs = append(attrs, "commit", f.Source.Commit)
	}
	return append(attrs, "preview", f.Preview, "fingerprint", f.Fingerprint)
}

// redactedError is err with its message passed through red: a source's
// error (a tool's output, a URL) may quote a secret. It unwraps to err,
// so its kind still decides the exit status.
func redactedError(err error, red *redact.Set) error {
	if msg := red.String(err.Error()); msg != err.Error() {
		return &maskedError{err: err, msg: msg}
	}
	return err
}

type maskedError struct {
	err error
	msg string
}

func (e *maskedError) Error() string { return e.msg }
func (e *maskedError) Unwrap() error { return e.err }

// report assembles the run's report.
func (c *collector) report(interrupted bool) *report.Report {
	c.mu.Lock()
	defer c.mu.Unlock()
	rank := map[string]int{}
	for i, r := range c.eng.Rules() {
		rank[r.ID] = i
	}
	findings := detect.MergeVersions(c.findings)
	suppressed := suppressedFindings(c.suppressed, findings)
	return &report.Report{
		Tool:        report.Tool{Name: "leakstop", Version: currentBuild().Version},
		Findings:    findings,
		Suppressed:  len(suppressed),
		Errors:      c.errors,
		Skipped:     c.skipped,
		Partial:     interrupted || len(c.errors) > 0,
		Interrupted: interrupted,
		Scanned:     c.scanned,
		Bytes:       c.bytes,
		RuleRank:    rank,
		Thumbnails:  c.thumbs.all(),

		SuppressedBy:       countByReason(suppressed),
		SuppressedFindings: suppressed,
		AddedSuppressions:  c.addedSuppressions(),
	}
}

// accepted is what a baseline written after the run accepts: the findings
// reported and those an earlier baseline accepted, so that writing a
// baseline over the one read keeps its entries that still match. Findings
// accepted inline or by an ignore file stay accepted without it.
func (c *collector) accepted(rep *report.Report) []detect.Finding {
	c.mu.Lock()
	defer c.mu.Unlock()
	fs := slices.Clone(rep.Findings)
	for _, a := range c.suppressed {
		if a.Reason == suppress.Baseline {
			fs = append(fs, a.Finding)
		}
	}
	return fs
}

// writeBaseline writes fs to path as a baseline, in place when the file
// exists (as reports are). An interrupted scan writes none: it would drop
// the entries of what it did not reach.
func writeBaseline(path string, fs []detect.Finding, interrupted bool, e *env) error {
	if interrupted {
		fmt.Fprintf(e.stderr, "leakstop: the scan was interrupted; baseline %s not written\n", path)
		return nil
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return usagef("--write-baseline: %v", err)
	}
	n, werr := suppress.WriteBaseline(f, fs)
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		return fmt.Errorf("write baseline %s: %w", path, werr)
	}
	fmt.Fprintf(e.stderr, "leakstop: baseline of %s written to %s\n", plural(n, "finding"), path)
	return nil
}
