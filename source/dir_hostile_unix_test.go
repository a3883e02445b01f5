//go:build unix

package source

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Files change while a scan runs: one grows, one grows past the size
// limit, one is removed, one is emptied, one becomes a named pipe. The
// changes are made while the first file is visited, after the walker has
// listed the folder. None hangs the scan or stops it: the grown file is
// read as it is when opened, the one grown too large is listed as
// skipped, the pipe is skipped without being opened, the removed file is
// an error that says so.
func TestDirChangesDuringScan(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, map[string]string{
		"a.txt": "first\n", "b-grows.txt": "short\n", "c-balloons.txt": "small\n",
		"d-gone.txt": "here\n", "e-emptied.txt": "full\n", "f-pipe.txt": "plain\n", "g-last.txt": "last\n",
	})
	at := func(name string) string { return filepath.Join(root, name) }
	c := newCollector()
	visit := func(worker int, f *Fragment) error {
		if f.Origins[0].Path == "a.txt" {
			appendTo(t, at("b-grows.txt"), "grown later\n")
			appendTo(t, at("c-balloons.txt"), strings.Repeat("x", 4096))
			mustOK(t, os.Remove(at("d-gone.txt")))
			mustOK(t, os.Truncate(at("e-emptied.txt"), 0))
			mustOK(t, os.Remove(at("f-pipe.txt")))
			mustOK(t, syscall.Mkfifo(at("f-pipe.txt"), 0o644))
		}
		return c.visit(worker, f)
	}
	done := make(chan error, 1)
	go func() {
		done <- (&Dir{Roots: []string{root}, MaxFileSize: 1024}).Fragments(context.Background(), 1, visit, c)
	}()
	select {
	case err := <-done:
		mustOK(t, err)
	case <-time.After(10 * time.Second):
		t.Fatal("the scan hung")
	}
	got := c.byPath(t)
	if f := got["b-grows.txt"]; f == nil || !bytes.Equal(f.Data, []byte("short\ngrown later\n")) {
		t.Errorf("b-grows.txt: %v, want it read as grown", f)
	}
	for _, name := range []string{"a.txt", "g-last.txt"} {
		if got[name] == nil {
			t.Errorf("%s not scanned: the scan did not go on", name)
		}
	}
	for _, name := range []string{"c-balloons.txt", "d-gone.txt", "e-emptied.txt", "f-pipe.txt"} {
		if got[name] != nil {
			t.Errorf("%s visited", name)
		}
	}
	shown := func(name string) string { return filepath.ToSlash(at(name)) }
	if r := c.skips[shown("c-balloons.txt")]; r != ReasonTooLarge {
		t.Errorf("c-balloons.txt skipped for %q, want %q", r, ReasonTooLarge)
	}
	if e := c.errs[shown("d-gone.txt")]; !strings.HasPrefix(e, "removed during the scan: ") || !strings.HasSuffix(e, "no such file or directory") {
		t.Errorf("d-gone.txt: error %q", e)
	}
	if r := c.skips[shown("f-pipe.txt")]; r != ReasonNotRegular+" (named pipe)" {
		t.Errorf("f-pipe.txt skipped for %q", r)
	}
	if len(c.errs) != 1 || len(c.skips) != 2 {
		t.Errorf("errors %v, skips %v: want only d-gone.txt's error and two skips", c.errs, c.skips)
	}
}

// Symbolic links that lead back to themselves, or to a folder being
// walked, have nothing behind them to read: listed as skipped, with the
// reason, and not an error.
func TestDirSymlinkLoops(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, map[string]string{"ok.txt": "ok\n", "sub/inner.txt": "inner\n"})
	for link, target := range map[string]string{
		"self": "self", "ping": "pong", "pong": "ping", "sub/up": "..", "sub/deeper": "../sub",
	} {
		mustOK(t, os.Symlink(target, filepath.Join(root, link)))
	}
	c := scanDir(t, &Dir{Roots: []string{root}, FollowSymlinks: true}, 2)
	if got := strings.Join(c.paths(), " "); got != "ok.txt sub/inner.txt" {
		t.Errorf("paths %q", got)
	}
	for _, link := range []string{"self", "ping", "pong", "sub/up", "sub/deeper"} {
		if r := c.skips[filepath.ToSlash(filepath.Join(root, link))]; r != ReasonLoop {
			t.Errorf("%s: skipped for %q, want %q", link, r, ReasonLoop)
		}
	}
	if len(c.errs) > 0 {
		t.Errorf("errors: %v", c.errs)
	}
}

func appendTo(t *testing.T, path, text string) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	mustOK(t, err)
	_, err = f.WriteString(text)
	mustOK(t, err)
	mustOK(t, f.Close())
}
