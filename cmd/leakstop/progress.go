package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/leakstop/leakstop/report"
)

// progress draws a bar on standard error while a scan runs, when standard
// error is a terminal and --no-progress is not given. It shows counts
// only, never a path or a secret: the items and bytes scanned and their
// rates and, once the source knows how many items it will go through (a
// history's blobs after the walk, an export's day files), how far it is
// and how long is left. A folder is not counted up front: that would take
// a second walk of the tree, as long as the listing itself on a network
// file system; its bar is a spinner.
//
// Everything else written to standard error while the bar is shown (log
// lines, messages) goes through progress.Write, which first clears the
// bar's line: the bar is drawn again under it on the next tick. The bar
// is cleared for good (stop) before the report is written.
type progress struct {
	term  io.Writer  // the terminal
	cols  func() int // its width
	stats func() (items int, bytes int64)

	planned atomic.Int64 // items the source will go through; 0: unknown
	done    atomic.Int64 // of those, the ones it is done with
	unit    atomic.Pointer[string]

	mu      sync.Mutex
	onBar   bool // the cursor is on the bar's line
	gen     int  // the bar whose writes are shown
	stopped bool

	// Only the drawing goroutine touches these.
	bar         *progressbar.ProgressBar
	determinate bool
	samples     []sample

	quit     chan struct{}
	finished chan struct{}
	stopOnce sync.Once
}

// sample is the counts at a time, to compute rates from.
type sample struct {
	at    time.Time
	items int
	bytes int64
}

// progressInterval is how often the bar is drawn: a run shorter than it
// shows none.
const progressInterval = 200 * time.Millisecond

// rateWindow is how far back the rates look.
const rateWindow = 3 * time.Second

// newProgress returns the progress bar of a run writing to stderr, or nil
// when none is to be shown: --no-progress, or stderr is not a terminal
// (a pipe, a file, CI's log), or a dumb one.
func newProgress(noProgress bool, e *env) *progress {
	f, ok := e.stderr.(*os.File)
	if noProgress || !ok || e.getenv("TERM") == "dumb" || !term.IsTerminal(int(f.Fd())) {
		return nil
	}
	cols := func() int {
		if w, _, err := term.GetSize(int(f.Fd())); err == nil && w > 0 {
			return w
		}
		return 80
	}
	return &progress{term: f, cols: cols}
}

// start begins drawing; stats says how many items and bytes the run has
// scanned so far.
func (p *progress) start(stats func() (int, int64)) {
	if p == nil {
		return
	}
	p.stats = stats
	p.quit, p.finished = make(chan struct{}), make(chan struct{})
	go p.loop()
}

func (p *progress) loop() {
	defer close(p.finished)
	t := time.NewTicker(progressInterval)
	defer t.Stop()
	for {
		select {
		case <-p.quit:
			return
		case now := <-t.C:
			p.draw(now)
		}
	}
}

// stop stops drawing and clears the bar. Safe to call more than once,
// and on nil.
func (p *progress) stop() {
	if p == nil {
		return
	}
	p.stopOnce.Do(func() {
		if p.quit != nil {
			close(p.quit)
			<-p.finished
		}
		p.mu.Lock()
		defer p.mu.Unlock()
		p.stopped = true
		p.clearLocked()
	})
}

// Planned implements source.Progress.
func (p *progress) Planned(items int, unit string) {
	if p == nil {
		return
	}
	p.unit.Store(&unit)
	p.planned.Store(int64(items))
}

// Advanced implements source.Progress.
func (p *progress) Advanced(n int) {
	if p != nil {
		p.done.Add(int64(n))
	}
}

// Write writes a line of standard error (a log line, a message) on a
// line of its own: the bar's line is cleared first.
func (p *progress) Write(b []byte) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.clearLocked()
	return p.term.Write(b)
}

// clearLocked erases the bar's line, if the cursor is on it.
func (p *progress) clearLocked() {
	if p.onBar {
		io.WriteString(p.term, "\r\x1b[K")
		p.onBar = false
	}
}

// barWriter receives what one bar draws; once the bar is replaced or the
// progress stopped, its writes are dropped.
type barWriter struct {
	p   *progress
	gen int
}

func (w barWriter) Write(b []byte) (int, error) {
	w.p.mu.Lock()
	defer w.p.mu.Unlock()
	if w.p.stopped || w.gen != w.p.gen {
		return len(b), nil
	}
	w.p.onBar = true
	return w.p.term.Write(b)
}

// draw updates the bar with the run's counts at now.
func (p *progress) draw(now time.Time) {
	items, bytes := p.stats()
	planned := p.planned.Load()
	if p.bar == nil || (planned > 0 && !p.determinate) {
		p.newBar(planned)
	}
	itemRate, byteRate := p.rates(sample{now, items, bytes})
	// A line wider than the terminal would wrap, and each redraw would
	// leave a line behind: on a narrow one, say less.
	narrow := p.cols() < 100
	if p.determinate {
		desc := fmt.Sprintf("· %s · %s · %s/s", plural(items, "item"), report.Size(bytes), report.Size(byteRate))
		if narrow {
			desc = fmt.Sprintf("· %s/s", report.Size(byteRate))
		}
		p.bar.Describe(desc)
		_ = p.bar.Set64(min(p.done.Load(), planned))
		return
	}
	desc := fmt.Sprintf("scanning %s · %.0f items/s · %s · %s/s",
		plural(items, "item"), itemRate, report.Size(bytes), report.Size(byteRate))
	if narrow {
		desc = fmt.Sprintf("scanning %s · %s/s", plural(items, "item"), report.Size(byteRate))
	}
	p.bar.Describe(desc)
}

// newBar replaces the bar: a spinner while the total is unknown, a bar
// with a count and an estimate of the time left once it is.
func (p *progress) newBar(planned int64) {
	p.mu.Lock()
	p.gen++
	p.clearLocked()
	gen := p.gen
	p.mu.Unlock()
	opts := []progressbar.Option{
		progressbar.OptionSetWriter(barWriter{p: p, gen: gen}),
		progressbar.OptionUseANSICodes(true), // clear to the end of the line, no padding
		progressbar.OptionSetSpinnerChangeInterval(0),
	}
	if planned <= 0 {
		p.bar = progressbar.NewOptions64(-1, append(opts,
			progressbar.OptionSpinnerType(14),
			progressbar.OptionSetElapsedTime(true),
		)...)
		p.determinate = false
		return
	}
	unit := "items"
	if u := p.unit.Load(); u != nil {
		unit = *u
	}
	p.bar = progressbar.NewOptions64(planned, append(opts,
		progressbar.OptionSetWidth(max(10, min(30, p.cols()-100))),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString(unit),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionShowDescriptionAtLineEnd(),
		progressbar.OptionSetTheme(progressbar.ThemeASCII),
	)...)
	p.determinate = true
}

// rates returns the items and bytes per second over the last rateWindow,
// now included.
func (p *progress) rates(now sample) (items float64, bytes int64) {
	p.samples = append(p.samples, now)
	i := 0
	for i < len(p.samples)-1 && now.at.Sub(p.samples[i].at) > rateWindow {
		i++
	}
	p.samples = p.samples[i:]
	first := p.samples[0]
	secs := now.at.Sub(first.at).Seconds()
	if secs <= 0 {
		return 0, 0
	}
	return float64(now.items-first.items) / secs, int64(float64(now.bytes-first.bytes) / secs)
}
