package main

import (
	"bytes"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/leakstop/leakstop/internal/nodac"
)

// Hostile folders (see hostile_test.go for the conventions). Linux only:
// names that are not UTF-8 (macOS refuses them), device nodes, and
// /proc/self/io to count the bytes a scan reads.
func TestHostileDir(t *testing.T) {
	secret := func(t *testing.T, dir, name string, seed uint64) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte("GITHUB_TOKEN="+fakeToken(t, seed)+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	t.Run("names not UTF-8", func(t *testing.T) {
		dir := t.TempDir()
		secret(t, dir, "key-\xff\xfe.env", 41)
		secret(t, dir, "key-\xfe\xff.env", 42)
		secret(t, dir, "caf\xe9.env", 43) // Latin-1
		code, rep, stderr := scanCLI(t, "dir", dir)
		wantStatus(t, code, exitClean, stderr)
		for _, p := range []string{`key-\xff\xfe.env`, `key-\xfe\xff.env`, `caf\xe9.env`} {
			rep.foundAt(t, p)
		}
		if rep.Partial {
			t.Errorf("partial: %+v", rep.Errors)
		}
	})

	t.Run("pipes, sockets and devices", func(t *testing.T) {
		dir := t.TempDir()
		secret(t, dir, "a.env", 44)
		if err := syscall.Mkfifo(filepath.Join(dir, "fifo"), 0o644); err != nil {
			t.Fatal(err)
		}
		l, err := net.Listen("unix", filepath.Join(dir, "sock"))
		if err != nil {
			t.Fatal(err)
		}
		defer l.Close()
		device := "null"
		if os.Geteuid() == 0 {
			// A character device node of our own, as /dev/null is.
			if err := syscall.Mknod(filepath.Join(dir, device), syscall.S_IFCHR|0o666, 1<<8|3); err != nil {
				t.Fatal(err)
			}
		} else if err := os.Symlink("/dev/null", filepath.Join(dir, device)); err != nil {
			t.Fatal(err)
		}
		type result struct {
			code   int
			rep    hostileReport
			stderr string
		}
		done := make(chan result, 1)
		go func() {
			code, rep, stderr := scanCLI(t, "dir", dir, "--follow-symlinks")
			done <- result{code, rep, stderr}
		}()
		var r result
		select {
		case r = <-done:
		case <-time.After(20 * time.Second):
			t.Fatal("the scan hung on a pipe, socket or device")
		}
		wantStatus(t, r.code, exitClean, r.stderr)
		want := map[string]string{
			"fifo": "not a regular file (named pipe)", "sock": "not a regular file (socket)", device: "not a regular file (device)",
		}
		for _, s := range r.rep.Skipped {
			if w, ok := want[filepath.Base(s.Path)]; ok && w == s.Reason {
				delete(want, filepath.Base(s.Path))
			}
		}
		if len(want) > 0 {
			t.Errorf("not listed as skipped: %v (skipped %+v)", want, r.rep.Skipped)
		}
		r.rep.foundAt(t, "a.env")
	})

	t.Run("unreadable file and folder", func(t *testing.T) {
		// Root reads whatever the mode: run again without that right.
		if nodac.Rerun(t) {
			return
		}
		dir := t.TempDir()
		secret(t, dir, "a.env", 45)
		secret(t, dir, "locked.env", 46)
		if err := os.Mkdir(filepath.Join(dir, "shut"), 0o755); err != nil {
			t.Fatal(err)
		}
		secret(t, filepath.Join(dir, "shut"), "inner.env", 47)
		for _, p := range []string{"locked.env", "shut"} {
			p := filepath.Join(dir, p)
			if err := os.Chmod(p, 0); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { os.Chmod(p, 0o755) })
		}
		code, rep, stderr := scanCLI(t, "dir", dir)
		wantStatus(t, code, exitPartial, stderr)
		rep.wantErrors(t,
			[2]string{filepath.ToSlash(filepath.Join(dir, "locked.env")), "open: permission denied"},
			[2]string{filepath.ToSlash(filepath.Join(dir, "shut")), "open: permission denied"},
		)
		rep.foundAt(t, "a.env")
		if !strings.Contains(stderr, "2 items could not be read; the report is partial") {
			t.Errorf("stderr: %s", stderr)
		}
	})

	t.Run("4 GB sparse file", func(t *testing.T) {
		dir := t.TempDir()
		secret(t, dir, "a.env", 48)
		for _, name := range []string{"sparse.bin", "sparse.zip", "sparse.tar.gz"} {
			f, err := os.Create(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			if err := f.Truncate(4 << 30); err != nil {
				t.Fatal(err)
			}
			f.Close()
		}
		before := bytesRead(t)
		start := time.Now()
		code, rep, stderr := scanCLI(t, "dir", dir)
		read, elapsed := bytesRead(t)-before, time.Since(start)
		wantStatus(t, code, exitClean, stderr)
		skipped := map[string]string{}
		for _, s := range rep.Skipped {
			skipped[filepath.Base(s.Path)] = s.Reason
		}
		for _, name := range []string{"sparse.bin", "sparse.zip", "sparse.tar.gz"} {
			if skipped[name] != "larger than --max-file-size" {
				t.Errorf("%s: skipped for %q, want it listed as too large", name, skipped[name])
			}
		}
		rep.foundAt(t, "a.env")
		t.Logf("three 4 GB sparse files: %d bytes read in %v", read, elapsed)
		if read > 16<<20 {
			t.Errorf("read %d bytes: the sparse files were read", read)
		}
	})
}

// bytesRead is how many bytes this process has read (rchar of
// /proc/self/io: read and pread calls, whatever the page cache held).
func bytesRead(t *testing.T) int64 {
	t.Helper()
	b, err := os.ReadFile("/proc/self/io")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range bytes.Split(b, []byte("\n")) {
		if v, ok := bytes.CutPrefix(line, []byte("rchar: ")); ok {
			n, err := strconv.ParseInt(string(v), 10, 64)
			if err != nil {
				t.Fatal(err)
			}
			return n
		}
	}
	t.Fatal("no rchar in /proc/self/io")
	return 0
}
