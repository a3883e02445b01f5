//go:build unix

package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/creack/pty"

	"github.com/leakstop/leakstop/internal/gitfixture"
)

// These tests run leakstop as a real process (the test binary, which
// TestMain puts on $PATH as leakstop), with standard error on a real
// pseudo-terminal or a pipe, and interrupt it with real signals.

func leakstopBin(t *testing.T) string {
	t.Helper()
	bin, err := exec.LookPath("leakstop")
	if err != nil {
		t.Fatalf("leakstop is not on $PATH (TestMain puts it there): %v", err)
	}
	return bin
}

// terminal is the pseudo-terminal a process writes its standard error to.
type terminal struct {
	tty  *os.File // the process's end
	out  syncBuffer
	done chan struct{}
}

func newTerminal(t *testing.T) *terminal {
	t.Helper()
	ptm, tty, err := pty.Open()
	if err != nil {
		t.Fatalf("no pseudo-terminal: %v", err)
	}
	if err := pty.Setsize(ptm, &pty.Winsize{Rows: 40, Cols: 160}); err != nil {
		t.Fatal(err)
	}
	term := &terminal{tty: tty, done: make(chan struct{})}
	go func() {
		defer close(term.done)
		io.Copy(&term.out, ptm) // ends with EIO once every writer is gone
	}()
	t.Cleanup(func() {
		tty.Close()
		ptm.Close()
		<-term.done
	})
	return term
}

// started starts cmd, closing the parent's copy of the terminal so that
// reading it ends when the process does.
func (term *terminal) start(t *testing.T, cmd *exec.Cmd) {
	t.Helper()
	cmd.Stderr = term.tty
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	term.tty.Close()
}

// waitFor waits until what read() returns matches re, or fails the test.
func waitFor(t *testing.T, what string, read func() string, re *regexp.Regexp) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !re.MatchString(read()) {
		if time.Now().After(deadline) {
			t.Fatalf("no %s (%v) in %q", what, re, read())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// exitStatus waits for cmd and returns its exit status.
func exitStatus(t *testing.T, cmd *exec.Cmd) int {
	t.Helper()
	err := cmd.Wait()
	var ee *exec.ExitError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ee):
		return ee.ExitCode()
	}
	t.Fatal(err)
	return -1
}

// spinnerLine is the bar of a scan whose total is unknown: counts and
// rates only.
var spinnerLine = regexp.MustCompile(`scanning \d+ items? · \d+ items/s · [\d.]+ (B|KiB|MiB) · [\d.]+ (B|KiB|MiB)/s +\[\d+s\]`)

// On a terminal the bar is drawn on standard error, never with a secret,
// and cleared before the report; with --no-progress, or when standard
// error is a pipe, nothing is written there at all. The scan of standard
// input lasts as long as the test holds its input open.
func TestProgressOnTerminal(t *testing.T) {
	bin := leakstopBin(t)
	tok := fakeToken(t, 21)
	run := func(t *testing.T, stderr func(*exec.Cmd), args ...string) (status int, stdout string) {
		t.Helper()
		cmd := exec.Command(bin, append([]string{"stdin", "--format", "json"}, args...)...)
		in, err := cmd.StdinPipe()
		if err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		cmd.Stdout = &out
		stderr(cmd)
		fmt.Fprintf(in, "GITHUB_TOKEN=%s\n", tok)
		// The scan lasts until its input ends: long enough for the bar to
		// be drawn several times, were it to be.
		time.Sleep(4 * progressInterval)
		in.Close()
		return exitStatus(t, cmd), out.String()
	}

	t.Run("terminal", func(t *testing.T) {
		term := newTerminal(t)
		cmd := exec.Command(bin, "stdin", "--format", "json")
		in, err := cmd.StdinPipe()
		if err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		cmd.Stdout = &out
		term.start(t, cmd)
		fmt.Fprintf(in, "GITHUB_TOKEN=%s\n", tok)
		waitFor(t, "progress bar", term.out.String, spinnerLine)
		in.Close()
		if status := exitStatus(t, cmd); status != exitFindings {
			t.Errorf("exit %d, want 1", status)
		}
		<-term.done
		screen := term.out.String()
		if strings.Contains(screen, tok) {
			t.Error("the terminal shows the secret")
		}
		if !strings.HasSuffix(screen, "\r\x1b[K") {
			t.Errorf("the bar is not cleared at the end: %q", screen[max(0, len(screen)-120):])
		}
		if r := decode(t, out.Bytes()); len(r.Findings) != 1 {
			t.Errorf("%d findings, want 1", len(r.Findings))
		}
		if bytes.ContainsAny(out.Bytes(), "\r\x1b") {
			t.Error("the report on stdout holds terminal control characters")
		}
	})
	t.Run("no-progress", func(t *testing.T) {
		term := newTerminal(t)
		status, _ := run(t, func(cmd *exec.Cmd) { term.start(t, cmd) }, "--no-progress")
		if status != exitFindings {
			t.Errorf("exit %d, want 1", status)
		}
		<-term.done
		if s := term.out.String(); s != "" {
			t.Errorf("--no-progress wrote %q to the terminal", s)
		}
	})
	t.Run("pipe", func(t *testing.T) {
		var stderr bytes.Buffer
		status, _ := run(t, func(cmd *exec.Cmd) {
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
		})
		if status != exitFindings {
			t.Errorf("exit %d, want 1", status)
		}
		if stderr.Len() > 0 {
			t.Errorf("standard error is a pipe, yet got %q", stderr.String())
		}
	})
}

// keywordText returns n bytes of lines dense in rule keywords, which the
// engine looks at closely: slow enough to scan that a test can interrupt
// the scan part way.
func keywordText(rng *rand.Rand, n int) []byte {
	words := []string{"token", "key", "secret", "password", "api", "auth", "config", "value", "host", "user"}
	var b bytes.Buffer
	for b.Len() < n {
		for i := range 8 {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(words[rng.IntN(len(words))])
		}
		fmt.Fprintf(&b, " = %d\n", rng.IntN(1e9))
	}
	return b.Bytes()
}

// fastImport makes a repository of one commit per blob, each blob a
// distinct n-byte text at its own path, with git fast-import.
func fastImport(t *testing.T, blobs, n int) string {
	t.Helper()
	gitfixture.Require(t)
	dir := t.TempDir()
	if out, err := exec.Command("git", "init", "-q", "-b", "main", dir).CombinedOutput(); err != nil {
		t.Fatalf("git init: %v: %s", err, out)
	}
	var stream bytes.Buffer
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range blobs {
		data := keywordText(rng, n)
		fmt.Fprintf(&stream, "blob\nmark :%d\ndata %d\n%s\n", i+1, len(data), data)
		fmt.Fprintf(&stream, "commit refs/heads/main\ncommitter A <a@example.com> %d +0000\ndata 2\nc\n", 1700000000+i)
		fmt.Fprintf(&stream, "M 100644 :%d d%d/f%d.txt\n\n", i+1, i%7, i)
	}
	cmd := exec.Command("git", "-C", dir, "fast-import", "--quiet")
	cmd.Stdin = &stream
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git fast-import: %v: %s", err, out)
	}
	return dir
}

type partialReport struct {
	Partial     bool
	Interrupted bool
	Errors      []struct{ Path, Error string }
	Findings    []json.RawMessage
	Summary     struct {
		ScannedItems int `json:"scanned_items"`
	}
}

func readPartialReport(t *testing.T, path string) partialReport {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("no report: %v", err)
	}
	var r partialReport
	if err := json.Unmarshal(data, &r); err != nil {
		t.Fatalf("the report is not JSON: %v\n%s", err, data)
	}
	return r
}

// Ctrl-C during a history scan on a terminal: the bar (with the number of
// blobs once the walk is done) gives way to a notice, the workers stop,
// and the report of what was scanned is written, partial and marked
// interrupted: exit 3. Log lines written meanwhile start lines of their
// own.
func TestInterruptGitOnTerminal(t *testing.T) {
	const blobs = 300
	repo := fastImport(t, blobs, 128<<10)
	report := filepath.Join(t.TempDir(), "report.json")
	term := newTerminal(t)
	cmd := exec.Command(leakstopBin(t), "git", repo, "--jobs", "1", "--format", "json",
		"--report-path", report, "--log-level", "debug")
	term.start(t, cmd)
	bar := regexp.MustCompile(fmt.Sprintf(`\d+%% \[[=>.]+\] \(\d+/%d, \d+ blobs/s\) \[\d+s:\d+s\] · \d+ items? · `, blobs))
	waitFor(t, "bar of blobs", term.out.String, bar)
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	if status := exitStatus(t, cmd); status != exitPartial {
		t.Errorf("exit %d, want 3", status)
	}
	<-term.done
	screen := term.out.String()
	r := readPartialReport(t, report)
	if !r.Partial || !r.Interrupted || len(r.Errors) > 0 {
		t.Errorf("report partial=%v interrupted=%v errors=%v, want partial and interrupted, no errors", r.Partial, r.Interrupted, r.Errors)
	}
	if r.Summary.ScannedItems == 0 || r.Summary.ScannedItems >= blobs {
		t.Errorf("%d items scanned, want some but not all %d", r.Summary.ScannedItems, blobs)
	}
	for _, want := range []string{
		"\nleakstop: interrupted: stopping the workers",
		"leakstop: the scan was interrupted; the report is partial",
		`msg="scan finished"`,
	} {
		if !strings.Contains(strings.ReplaceAll(screen, "\r\x1b[K", "\n"), want) {
			t.Errorf("the terminal does not show %q:\n%q", want, screen)
		}
	}
	// Every log line starts a line: after a newline, or after the bar's
	// line was cleared.
	for _, m := range regexp.MustCompile(`(?s)(.{0,4})(level=|leakstop: )`).FindAllStringSubmatch(screen, -1) {
		if before := m[1]; before != "" && !strings.HasSuffix(before, "\n") && !strings.HasSuffix(before, "\r\x1b[K") {
			t.Errorf("a line does not start a line of its own: %q", m[0])
		}
	}
}

// Ctrl-C after findings were made: the run exits 1 (a finding wins over
// a partial scan) and the report holds them, partial. Standard error is
// a pipe: it gets the log lines and no bar.
func TestInterruptDirWithFindings(t *testing.T) {
	root := t.TempDir()
	tok := fakeToken(t, 22)
	write := func(name string, data []byte) {
		if err := os.WriteFile(filepath.Join(root, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.env", []byte("GITHUB_TOKEN="+tok+"\n"))
	for i := range 1100 {
		write(fmt.Sprintf("m%04d.txt", i), fmt.Appendf(nil, "line %d\n", i))
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for i := range 300 {
		write(fmt.Sprintf("z%03d.txt", i), keywordText(rng, 128<<10))
	}
	report := filepath.Join(t.TempDir(), "report.json")
	cmd := exec.Command(leakstopBin(t), "dir", root, "--jobs", "1", "--format", "json",
		"--report-path", report, "--log-level", "debug")
	var stderr syncBuffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Logged at 1,000 items, before the large files.
	waitFor(t, "progress line", stderr.String, regexp.MustCompile(`msg=progress items=\d+ bytes=\d+ findings=1 `))
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	if status := exitStatus(t, cmd); status != exitFindings {
		t.Errorf("exit %d, want 1", status)
	}
	r := readPartialReport(t, report)
	if !r.Partial || !r.Interrupted || len(r.Findings) != 1 {
		t.Errorf("report partial=%v interrupted=%v with %d findings, want partial, interrupted, 1", r.Partial, r.Interrupted, len(r.Findings))
	}
	if r.Summary.ScannedItems >= 1401 {
		t.Errorf("%d items scanned: the scan was not interrupted", r.Summary.ScannedItems)
	}
	if s := stderr.String(); strings.ContainsAny(s, "\r\x1b") || strings.Contains(s, tok) {
		t.Errorf("standard error, a pipe, got a bar or the secret: %q", s)
	}
	if !strings.Contains(stderr.String(), "the scan was interrupted; the report is partial") {
		t.Errorf("stderr: %q", stderr.String())
	}
}

// A second Ctrl-C ends the process at once, whatever it is waiting for:
// here, for a reader to open the pipe its report goes to.
func TestSecondInterruptQuits(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte("hello\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(t.TempDir(), "report.fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(leakstopBin(t), "dir", dir, "--report-path", fifo, "--log-level", "debug")
	var stderr syncBuffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "rules loaded", stderr.String, regexp.MustCompile(`msg="rules loaded"`))
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	time.Sleep(100 * time.Millisecond)
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-exited:
		t.Fatalf("exited (%v) on the first Ctrl-C while the report's reader is missing", err)
	case <-time.After(500 * time.Millisecond):
	}
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-exited:
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			t.Fatalf("second Ctrl-C: %v", err)
		}
		if ws, ok := ee.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() || ws.Signal() != syscall.SIGINT {
			t.Errorf("ended by %v, want SIGINT", err)
		}
	case <-time.After(5 * time.Second):
		cmd.Process.Kill()
		t.Fatal("still running 5 s after the second Ctrl-C")
	}
}
