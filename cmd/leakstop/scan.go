package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"sync"

	"golang.org/x/term"

	"github.com/leakstop/leakstop/detect"
	"github.com/leakstop/leakstop/report"
	"github.com/leakstop/leakstop/rules"
	"github.com/leakstop/leakstop/source"
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
	out, color, closeOut, err := openReport(o.ReportPath, o.ShowSecrets, e)
	if err != nil {
		return err
	}
	c := newCollector(eng, o.Jobs)
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
	werr := rep.Write(out, o.Format, report.Options{ShowSecrets: o.ShowSecrets, Color: color})
	if cerr := closeOut(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		return fmt.Errorf("write report: %w", werr)
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

	mu       sync.Mutex
	blobs    map[string]*blob
	findings []detect.Finding
	errors   []report.Problem
	skipped  []report.Skip
	scanned  int
	bytes    int64
}

var _ source.Problems = (*collector)(nil)

func newCollector(eng *detect.Engine, jobs int) *collector {
	return &collector{eng: eng, scanners: make([]*detect.Scanner, jobs), blobs: map[string]*blob{}}
}

// visit scans a fragment, or reuses the matches of the same content seen
// before, and keeps the findings for the fragment's places.
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
	c.mu.Lock()
	defer c.mu.Unlock()
	c.findings = append(c.findings, fs...)
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
	return &report.Report{
		Tool:     report.Tool{Name: "leakstop", Version: currentBuild().Version},
		Findings: detect.MergeVersions(c.findings),
		Errors:   c.errors,
		Skipped:  c.skipped,
		Partial:  interrupted || len(c.errors) > 0,
		Scanned:  c.scanned,
		Bytes:    c.bytes,
		RuleRank: rank,
	}
}
