package source

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/leakstop/leakstop/internal/nodac"
)

// collector records what a source reports.
type collector struct {
	mu      sync.Mutex
	frags   []*Fragment
	workers []int
	errs    map[string]string
	skips   map[string]string
}

func newCollector() *collector {
	return &collector{errs: map[string]string{}, skips: map[string]string{}}
}

func (c *collector) visit(worker int, f *Fragment) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.frags = append(c.frags, f)
	c.workers = append(c.workers, worker)
	return nil
}

func (c *collector) Error(path string, err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.errs[path] = err.Error()
}

func (c *collector) Skip(path, reason string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.skips[path] = reason
}

// byPath returns the fragments keyed by their origin's path.
func (c *collector) byPath(t *testing.T) map[string]*Fragment {
	t.Helper()
	m := map[string]*Fragment{}
	for _, f := range c.frags {
		if len(f.Origins) != 1 {
			t.Fatalf("fragment with %d origins", len(f.Origins))
		}
		p := f.Origins[0].Path
		if _, dup := m[p]; dup {
			t.Errorf("path %q visited twice", p)
		}
		m[p] = f
	}
	return m
}

func (c *collector) paths() []string {
	var ps []string
	for _, f := range c.frags {
		ps = append(ps, f.Origins[0].Path)
	}
	slices.Sort(ps)
	return ps
}

// writeTree creates files (path -> content) under dir.
func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for p, content := range files {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func scanDir(t *testing.T, d *Dir, jobs int) *collector {
	t.Helper()
	c := newCollector()
	if err := d.Fragments(context.Background(), jobs, c.visit, c); err != nil {
		t.Fatalf("Fragments: %v", err)
	}
	return c
}

func TestDirWalksTree(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, map[string]string{
		"a.txt":              "alpha\n",
		"sub/b.env":          "beta\n",
		"sub/deeper/c.yaml":  "gamma\n",
		".git/config":        "[core]\n",
		"worktree/.git":      "gitdir: ../elsewhere\n",
		"worktree/d.txt":     "delta\n",
		".github/ci.yml":     "on: push\n",
		"empty.txt":          "",
		"sub/.gitignore.txt": "x\n",
	})
	c := scanDir(t, &Dir{Roots: []string{root}}, 3)
	want := []string{".github/ci.yml", "a.txt", "sub/.gitignore.txt", "sub/b.env", "sub/deeper/c.yaml", "worktree/d.txt"}
	if got := c.paths(); !slices.Equal(got, want) {
		t.Errorf("paths = %q, want %q", got, want)
	}
	for p, f := range c.byPath(t) {
		o := f.Origins[0]
		if o.Kind != KindFile || o.Root != root {
			t.Errorf("%s: origin %+v", p, o)
		}
		raw, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(p)))
		if err != nil {
			t.Fatal(err)
		}
		if f.ID != BlobID(raw) || !bytes.Equal(f.Data, raw) {
			t.Errorf("%s: id or data differ from the file", p)
		}
	}
	for _, w := range c.workers {
		if w < 0 || w >= 3 {
			t.Errorf("worker %d outside [0, 3)", w)
		}
	}
	if len(c.errs) != 0 || len(c.skips) != 0 {
		t.Errorf("errors %v, skips %v", c.errs, c.skips)
	}
}

func TestDirManyFilesEachOnce(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{}
	for i := 0; i < 300; i++ {
		files[fmt.Sprintf("d%d/f%d.txt", i%7, i)] = fmt.Sprintf("file %d\n", i)
	}
	writeTree(t, root, files)
	c := scanDir(t, &Dir{Roots: []string{root}}, 8)
	if n := len(c.byPath(t)); n != 300 {
		t.Errorf("visited %d files, want 300", n)
	}
}

func TestDirRoots(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, map[string]string{"one/x.txt": "x\n", "two/y.txt": "y\n"})
	t.Chdir(root)
	c := scanDir(t, &Dir{Roots: []string{"./one/", "two/y.txt", "."}}, 2)
	got := map[string][]string{}
	for _, f := range c.frags {
		got[f.Origins[0].Root] = append(got[f.Origins[0].Root], f.Origins[0].Path)
	}
	for _, ps := range got {
		slices.Sort(ps)
	}
	want := map[string][]string{
		"./one/":    {"x.txt"},
		"two/y.txt": {"two/y.txt"}, // a file root: the path as given, cleaned
		".":         {"one/x.txt", "two/y.txt"},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestDirMissingRoot(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, map[string]string{"ok.txt": "ok\n"})
	missing := filepath.Join(root, "nope")
	c := scanDir(t, &Dir{Roots: []string{missing, root}}, 1)
	if msg, ok := c.errs[filepath.ToSlash(missing)]; !ok || !strings.Contains(msg, "no such file") {
		t.Errorf("errors = %v, want the missing root", c.errs)
	}
	if len(c.frags) != 1 {
		t.Errorf("the other root was not scanned: %d fragments", len(c.frags))
	}
}

func TestDirSymlinks(t *testing.T) {
	root := t.TempDir()
	outside := t.TempDir()
	writeTree(t, root, map[string]string{"real/a.txt": "a\n"})
	writeTree(t, outside, map[string]string{"o.txt": "outside\n"})
	links := map[string]string{
		"link-file.txt": filepath.Join(root, "real/a.txt"),
		"link-dir":      outside,
		"dangling":      filepath.Join(root, "does-not-exist"),
		"real/loop":     root,
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(root, name)); err != nil {
			t.Skipf("symlinks not supported: %v", err)
		}
	}

	t.Run("not followed", func(t *testing.T) {
		c := scanDir(t, &Dir{Roots: []string{root}}, 2)
		if got := c.paths(); !slices.Equal(got, []string{"real/a.txt"}) {
			t.Errorf("paths = %q", got)
		}
		if len(c.errs) != 0 || len(c.skips) != 0 {
			t.Errorf("errors %v, skips %v", c.errs, c.skips)
		}
	})
	t.Run("followed", func(t *testing.T) {
		c := scanDir(t, &Dir{Roots: []string{root}, FollowSymlinks: true}, 2)
		want := []string{"link-dir/o.txt", "link-file.txt", "real/a.txt"}
		if got := c.paths(); !slices.Equal(got, want) {
			t.Errorf("paths = %q, want %q", got, want)
		}
		dangling := filepath.ToSlash(filepath.Join(root, "dangling"))
		if msg := c.errs[dangling]; !strings.Contains(msg, "no such file") {
			t.Errorf("errors = %v, want %s", c.errs, dangling)
		}
		loop := filepath.ToSlash(filepath.Join(root, "real/loop"))
		if c.skips[loop] != ReasonLoop {
			t.Errorf("skips = %v, want the loop %s", c.skips, loop)
		}
	})
	t.Run("root is a link", func(t *testing.T) {
		c := scanDir(t, &Dir{Roots: []string{filepath.Join(root, "link-dir")}}, 1)
		if got := c.paths(); !slices.Equal(got, []string{"o.txt"}) {
			t.Errorf("paths = %q", got)
		}
	})
}

func TestDirMaxFileSize(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, map[string]string{"small.txt": "12345\n", "big.txt": strings.Repeat("x", 100)})
	c := scanDir(t, &Dir{Roots: []string{root}, MaxFileSize: 50}, 2)
	if got := c.paths(); !slices.Equal(got, []string{"small.txt"}) {
		t.Errorf("paths = %q", got)
	}
	big := filepath.ToSlash(filepath.Join(root, "big.txt"))
	if c.skips[big] != ReasonTooLarge {
		t.Errorf("skips = %v, want %s listed", c.skips, big)
	}
	// A file exactly at the limit is read.
	c = scanDir(t, &Dir{Roots: []string{root}, MaxFileSize: 100}, 2)
	if len(c.frags) != 2 || len(c.skips) != 0 {
		t.Errorf("at the limit: %d fragments, skips %v", len(c.frags), c.skips)
	}
}

// A file and a folder that cannot be read are errors naming them; the
// rest is scanned. As root (here and in CI) the test runs again without
// root's right to read any file: chmod 000 would not stop root.
func TestDirUnreadableFile(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("file modes do not deny reading on Windows")
	}
	if nodac.Rerun(t) {
		return
	}
	root := t.TempDir()
	writeTree(t, root, map[string]string{"locked.txt": "secret\n", "open.txt": "ok\n", "shut/inner.txt": "x\n"})
	locked, shut := filepath.Join(root, "locked.txt"), filepath.Join(root, "shut")
	for _, p := range []string{locked, shut} {
		if err := os.Chmod(p, 0); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(p, 0o755) })
	}
	c := scanDir(t, &Dir{Roots: []string{root}}, 2)
	if msg := c.errs[filepath.ToSlash(locked)]; msg != "open: permission denied" {
		t.Errorf("errors = %v, want locked.txt: open: permission denied", c.errs)
	}
	if msg := c.errs[filepath.ToSlash(shut)]; msg != "open: permission denied" {
		t.Errorf("errors = %v, want shut: open: permission denied", c.errs)
	}
	if got := c.paths(); !slices.Equal(got, []string{"open.txt"}) {
		t.Errorf("paths = %q", got)
	}
}

func TestDirNFCPaths(t *testing.T) {
	root := t.TempDir()
	nfd := "cafe\u0301.txt" // e + combining acute, as macOS writes names
	writeTree(t, root, map[string]string{nfd: "x\n"})
	c := scanDir(t, &Dir{Roots: []string{root}}, 1)
	if got := c.paths(); !slices.Equal(got, []string{"caf\u00e9.txt"}) {
		t.Errorf("paths = %q, want the NFC form", got)
	}
}

func TestDirVisitErrorStops(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{}
	for i := 0; i < 50; i++ {
		files[fmt.Sprintf("f%02d.txt", i)] = "x\n"
	}
	writeTree(t, root, files)
	boom := errors.New("boom")
	var mu sync.Mutex
	calls := 0
	visit := func(int, *Fragment) error {
		mu.Lock()
		defer mu.Unlock()
		calls++
		return boom
	}
	err := (&Dir{Roots: []string{root}}).Fragments(context.Background(), 2, visit, newCollector())
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want boom", err)
	}
	if calls >= 50 {
		t.Errorf("visit called %d times after failing", calls)
	}
}

func TestDirCanceled(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, map[string]string{"a.txt": "a\n"})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	c := newCollector()
	err := (&Dir{Roots: []string{root}}).Fragments(ctx, 2, c.visit, c)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}
