//go:build unix

package source

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A named pipe in the tree is listed as skipped and never opened: opening
// it for reading would wait for a writer forever.
func TestDirSkipsNamedPipe(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, map[string]string{"a.txt": "a\n"})
	fifo := filepath.Join(root, "pipe")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	done := make(chan *collector, 1)
	go func() {
		c := newCollector()
		_ = (&Dir{Roots: []string{root}, FollowSymlinks: true}).Fragments(context.Background(), 2, c.visit, c)
		done <- c
	}()
	select {
	case c := <-done:
		if got := c.paths(); !slices.Equal(got, []string{"a.txt"}) {
			t.Errorf("paths = %q", got)
		}
		if r := c.skips[filepath.ToSlash(fifo)]; !strings.Contains(r, "named pipe") {
			t.Errorf("skips = %v, want the pipe listed", c.skips)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the walk hung on a named pipe")
	}
}

// A named pipe given as the root is not opened either.
func TestDirPipeRoot(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "pipe")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	c := scanDir(t, &Dir{Roots: []string{fifo}}, 1)
	if len(c.frags) != 0 || !strings.Contains(c.skips[filepath.ToSlash(fifo)], "named pipe") {
		t.Errorf("fragments %d, skips %v", len(c.frags), c.skips)
	}
}
