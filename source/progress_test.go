package source

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/leakstop/leakstop/internal/gitfixture"
	"github.com/leakstop/leakstop/internal/slackfixture"
)

// progressRecorder is Problems that wants to know how far a source has
// gone (Progress).
type progressRecorder struct {
	recorder
	mu      sync.Mutex
	planned []int
	unit    string
	done    int
}

func (r *progressRecorder) Planned(items int, unit string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.planned = append(r.planned, items)
	r.unit = unit
}

func (r *progressRecorder) Advanced(n int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.done += n
}

// A history says how many blobs it will read once walked, and counts
// each off: read, skipped as too large, or not readable.
func TestGitProgress(t *testing.T) {
	r := gitfixture.New(t)
	r.Commit("one", map[string]string{"a.txt": "a\n", "big.txt": strings.Repeat("x", 4096)})
	r.Commit("two", map[string]string{"a.txt": "a2\n", "b.txt": "b\n"})
	id := r.BlobID("HEAD", "b.txt")
	p := r.LooseObjectPath(id)
	mustOK(t, os.Chmod(p, 0o644))
	mustOK(t, os.WriteFile(p, []byte("not zlib"), 0o644))
	rec := &progressRecorder{recorder: recorder{s: &gitScan{}}}
	err := (&Git{Repo: r.Dir, MaxFileSize: 1024}).Fragments(context.Background(), 2, func(int, *Fragment) error { return nil }, rec)
	mustOK(t, err)
	// a.txt twice, big.txt (skipped), b.txt (damaged).
	if len(rec.planned) != 1 || rec.planned[0] != 4 || rec.unit != "blobs" {
		t.Fatalf("planned %v %s, want once 4 blobs", rec.planned, rec.unit)
	}
	if rec.done != 4 {
		t.Errorf("%d blobs counted off, want 4 (errors %q, skips %q)", rec.done, rec.s.errors, rec.s.skips)
	}
}

// A Slack export says how many day files it will read and counts each
// off.
func TestSlackProgress(t *testing.T) {
	dir := t.TempDir()
	if _, err := slackfixture.Build(dir, 3); err != nil {
		t.Fatal(err)
	}
	days := 0
	mustOK(t, filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && isDayFile(d.Name()) {
			days++
		}
		return err
	}))
	rec := &progressRecorder{recorder: recorder{s: &gitScan{}}}
	mustOK(t, (&Slack{Export: dir}).Fragments(context.Background(), 2, func(int, *Fragment) error { return nil }, rec))
	if len(rec.planned) != 1 || rec.planned[0] != days || rec.unit != "day files" || days == 0 {
		t.Fatalf("planned %v %s, want once %d day files", rec.planned, rec.unit, days)
	}
	if rec.done != days {
		t.Errorf("%d day files counted off, want %d", rec.done, days)
	}
}

func mustOK(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
