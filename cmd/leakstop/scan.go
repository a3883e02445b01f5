package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"sync"

	"golang.org/x/term"

	"github.com/leakstop/leakstop/detect"
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
	set, err := rules.Configure(o.Configs)
	if err != nil {
		return &configError{err}
	}
	eng, err := detect.New(set, detect.Options{HashKey: o.HashKey})
	if err != nil {
		return &configError{err}
	}
	filter, err := newFilter(ctx, set, o)
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
	if k, ok := src.(findingKeeper); ok {
		c.keep = k.Keep
	}
	srcErr := src.Fragments(ctx, o.Jobs, c.visit, c)
	interrupted := ctx.Err() != nil
	if srcErr != nil && !interrupted {
		closeOut()
		return srcErr
	}
	rep := c.report(interrupted)
	if o.WriteBaseline != "" {
		if err := writeBaseline(o.WriteBaseline, c.accepted(rep), interrupted, e); err != nil {
			closeOut()
			return err
		}
	}
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
	var partial *partialError
	if rep.Partial {
		partial = &partialError{errors: len(rep.Errors), interrupted: interrupted}
	}
	if len(rep.Findings) > 0 {
		return &findingsError{findings: len(rep.Findings), code: o.ExitCode, partial: partial}
	}
	if partial != nil {
		return partial
	}
	return nil
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

	mu         sync.Mutex
	blobs      map[string]*blob
	findings   []detect.Finding
	suppressed []suppress.Accepted
	errors     []report.Problem
	skipped    []report.Skip
	scanned    int
	bytes      int64
}

var _ source.Problems = (*collector)(nil)

func newCollector(eng *detect.Engine, jobs int) *collector {
	return &collector{eng: eng, scanners: make([]*detect.Scanner, jobs), blobs: map[string]*blob{}}
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
	fs, accepted := c.filter.Split(f.Data, fs)
	c.mu.Lock()
	defer c.mu.Unlock()
	c.findings = append(c.findings, fs...)
	c.suppressed = append(c.suppressed, accepted...)
	c.scanned += len(f.Origins)
	c.bytes += int64(len(f.Data)) * int64(len(f.Origins))
	return nil
}

func (c *collector) matches(worker int, f *source.Fragment) ([]detect.Match, error) {
	if f.ID == "" {
		return c.scanOne(worker, f.Data)
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
	b.matches, b.err = c.scanOne(worker, f.Data)
	return b.matches, b.err
}

// scanOne scans data on worker's scanner. The matches' secrets are copied
// so they do not keep the whole content in memory. A panic in the engine
// becomes an error for this item, not the end of the run.
func (c *collector) scanOne(worker int, data []byte) (ms []detect.Match, err error) {
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
	ms = c.scanners[worker].Scan(data)
	for i := range ms {
		ms[i].Secret = detect.NewSecret(bytes.Clone(ms[i].Secret.Reveal()))
	}
	return ms, nil
}

// Error records an item that could not be read.
func (c *collector) Error(path string, err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.errors = append(c.errors, report.Problem{Path: path, Error: err.Error()})
}

// Skip records an item left out by a limit.
func (c *collector) Skip(path, reason string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.skipped = append(c.skipped, report.Skip{Path: path, Reason: reason})
}

// report assembles the run's report.
func (c *collector) report(interrupted bool) *report.Report {
	c.mu.Lock()
	defer c.mu.Unlock()
	rank := map[string]int{}
	for i, r := range c.eng.Rules() {
		rank[r.ID] = i
	}
	findings := detect.MergeVersions(c.findings)
	return &report.Report{
		Tool:       report.Tool{Name: "leakstop", Version: currentBuild().Version},
		Findings:   findings,
		Suppressed: countSuppressed(c.suppressed, findings),
		Errors:     c.errors,
		Skipped:    c.skipped,
		Partial:    interrupted || len(c.errors) > 0,
		Scanned:    c.scanned,
		Bytes:      c.bytes,
		RuleRank:   rank,
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

// countSuppressed counts accepted findings as the report counts findings:
// one per secret per path across a history's versions. A secret at a path
// that is reported anyway (another version of the file lacks the inline
// marker) does not count as suppressed.
func countSuppressed(accepted []suppress.Accepted, reported []detect.Finding) int {
	type key struct{ repo, fingerprint string }
	inHistory := func(f detect.Finding) bool { return f.Source.Kind == source.KindGit && f.Source.Commit != "" }
	shown := map[key]bool{}
	for _, f := range reported {
		if inHistory(f) {
			shown[key{f.Source.Repo, f.Fingerprint}] = true
		}
	}
	fs := make([]detect.Finding, len(accepted))
	for i, a := range accepted {
		fs[i] = a.Finding
	}
	n := 0
	for _, f := range detect.MergeVersions(fs) {
		if !inHistory(f) || !shown[key{f.Source.Repo, f.Fingerprint}] {
			n++
		}
	}
	return n
}

// ignoreText is an ignore file to apply: its bytes, the name its errors
// give (a path, or REV:.leakstopignore), and, when scoped, the scanned
// root whose findings alone it applies to (Origin.Root).
type ignoreText struct {
	name   string
	data   []byte
	root   string
	scoped bool
}

// newFilter reads what the user accepted: the --ignore-file files, else
// the target's own ignore files, and the --baseline. A file that cannot be
// read or parsed is a config error naming it.
func newFilter(ctx context.Context, set *rules.Set, o scanOptions) (*suppress.Filter, error) {
	f := &suppress.Filter{Rules: set, Ignore: suppress.NewList(set), RootIgnore: map[string]*suppress.List{}}
	var texts []ignoreText
	switch {
	case len(o.IgnoreFiles) > 0:
		for _, name := range o.IgnoreFiles {
			data, err := os.ReadFile(name)
			if err != nil {
				return nil, &configError{fmt.Errorf("--ignore-file: %w", err)}
			}
			texts = append(texts, ignoreText{name: name, data: data})
		}
	case o.ownIgnores != nil:
		var err error
		if texts, err = o.ownIgnores(ctx); err != nil {
			return nil, err
		}
	}
	var errs suppress.Errors
	for _, t := range texts {
		entries, err := suppress.ParseIgnore(t.name, t.data)
		if err != nil {
			var pe suppress.Errors
			if !errors.As(err, &pe) {
				return nil, &configError{err}
			}
			errs = append(errs, pe...) // every bad line of every file at once
			continue
		}
		list := f.Ignore
		if t.scoped {
			if list = f.RootIgnore[t.root]; list == nil {
				list = suppress.NewList(set)
				f.RootIgnore[t.root] = list
			}
		}
		list.Add(entries...)
	}
	if len(errs) > 0 {
		return nil, &configError{errs}
	}
	if o.Baseline != "" {
		data, err := os.ReadFile(o.Baseline)
		if err != nil {
			return nil, &configError{fmt.Errorf("--baseline: %w", err)}
		}
		entries, err := suppress.ParseBaseline(o.Baseline, data)
		if err != nil {
			return nil, &configError{err}
		}
		f.Baseline = suppress.NewList(set, entries...)
	}
	return f, nil
}

// readIgnoreFile reads an ignore file from disk; found is false when there
// is none. Another failure is a config error: the run must not go on as if
// nothing were accepted, nor as if everything were.
func readIgnoreFile(path string) (t ignoreText, found bool, err error) {
	data, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return t, false, nil
	case err != nil:
		return t, false, &configError{err}
	}
	return ignoreText{name: path, data: data}, true, nil
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
