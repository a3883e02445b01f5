package main

import (
	"bytes"
	"fmt"
	"os"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// syncBuffer is a terminal for tests: what was written to it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// The bar and log lines written while it is shown share the terminal:
// each log line starts on a line of its own (the bar's line cleared
// first), the bar is drawn again after it, and stop leaves the bar's
// line cleared. The bar shows counts, never more.
func TestProgressInterleavesWithLogLines(t *testing.T) {
	for _, tc := range []struct {
		name    string
		planned int
		want    *regexp.Regexp
	}{
		{"spinner", 0, regexp.MustCompile(`scanning \d+ items · \d+ items/s · [\d.]+ (B|KiB|MiB) · [\d.]+ (B|KiB|MiB)/s +\[\d+s\]`)},
		{"known total", 400, regexp.MustCompile(`\d+% \[=*>?\.*\] \(\d+/400, \d+ blobs/s\) \[\d+s:\d+s\] · \d+ items · `)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var term syncBuffer
			p := &progress{term: &term, cols: func() int { return 100 }}
			var items atomic.Int64
			p.start(func() (int, int64) { n := items.Load(); return int(n), n * 4096 })
			if tc.planned > 0 {
				p.Planned(tc.planned, "blobs")
			}
			log := newLogger(p, 0, newRedactor())
			deadline := time.Now().Add(5 * progressInterval)
			for i := 0; time.Now().Before(deadline); i++ {
				items.Add(1)
				if i < tc.planned {
					p.Advanced(1)
				}
				if i%50 == 0 {
					log.Warn("skipped an item", "path", fmt.Sprintf("repo/f%d", i))
				}
				time.Sleep(time.Millisecond)
			}
			p.stop()
			p.stop() // twice is fine
			out := term.String()
			if !tc.want.MatchString(out) {
				t.Fatalf("no bar like %v in %q", tc.want, out)
			}
			lines := 0
			for i := strings.Index(out, "level="); i >= 0; {
				lines++
				if before := out[:i]; i > 0 && !strings.HasSuffix(before, "\n") && !strings.HasSuffix(before, "\r\x1b[K") {
					t.Errorf("log line %d does not start a line: ...%q", lines, before[max(0, len(before)-40):])
				}
				next := strings.Index(out[i+1:], "level=")
				if next < 0 {
					break
				}
				i += 1 + next
			}
			if lines < 5 {
				t.Errorf("%d log lines", lines)
			}
			if last := out[strings.LastIndex(out, "\n")+1:]; last != "" && !strings.HasSuffix(last, "\r\x1b[K") {
				t.Errorf("the bar is not cleared at the end: ...%q", out[max(0, len(out)-80):])
			}
			if strings.Contains(out, "repo/f") && strings.Contains(strings.ReplaceAll(out, "path=repo/f", ""), "repo/f") {
				t.Error("a path outside a log line")
			}
			// Nothing is drawn after stop.
			time.Sleep(2 * progressInterval)
			if term.String() != out {
				t.Error("the bar was drawn after stop")
			}
		})
	}
}

// A pipe, a file or --no-progress: no bar.
func TestNoProgressOffTerminal(t *testing.T) {
	f, err := os.CreateTemp(t.TempDir(), "stderr")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	env := func(w any) *env {
		e, _, _ := testEnv()
		if f, ok := w.(*os.File); ok {
			e.stderr = f
		}
		return e
	}
	if p := newProgress(false, env(f)); p != nil {
		t.Error("a bar on a file")
	}
	if p := newProgress(false, env(nil)); p != nil {
		t.Error("a bar on a buffer")
	}
	var nilBar *progress
	nilBar.start(func() (int, int64) { return 0, 0 })
	nilBar.Planned(3, "blobs")
	nilBar.Advanced(1)
	nilBar.stop()
}
