package source

import (
	"slices"
	"strings"
	"testing"

	"github.com/leakstop/leakstop/internal/gitfixture"
)

// TestGitArchive: a blob that is an archive is opened; its members carry
// the blob's commit with the '!' path, however large the archive.
func TestGitArchive(t *testing.T) {
	gitfixture.Require(t)
	bothReaders(t, "nested", func(t *testing.T, goGitOnly bool) {
		tok := fakeToken(t)
		r := gitfixture.New(t)
		r.Commit("readme", map[string]string{"README.md": "hello\n"})
		c := r.Commit("add archive", map[string]string{"dist/a.zip": string(nested(t, "TOKEN="+tok+"\n"))})
		r.Commit("drop it", nil)
		r.Remove("dist/a.zip")
		r.Commit("removed", nil)
		for _, maxSize := range []int64{0, 64} { // over --max-file-size too
			s := runGit(t, &Git{Repo: r.Dir, MaxFileSize: maxSize, Archive: DefaultArchiveLimits(), goGitOnly: goGitOnly})
			if len(s.errors) > 0 || len(s.skips) > 0 {
				t.Errorf("errors %q, skips %q", s.errors, s.skips)
			}
			f := s.one(t, tok)
			o := originAt(t, f, "dist/a.zip!b.tar.gz!c/d.env")
			if o.Kind != KindGit || o.Commit != c || o.Repo != r.Dir || len(f.Origins) != 1 {
				t.Errorf("origins %+v, want kind git, commit %s", f.Origins, c)
			}
		}
		// Without archive limits, the archive is listed, not opened.
		s := runGit(t, &Git{Repo: r.Dir, goGitOnly: goGitOnly})
		if len(s.holding(tok)) != 0 || len(s.skips) != 1 || !strings.HasPrefix(s.skips[0], "dist/a.zip (commit "+c[:12]+"): "+ReasonNotExpanded) {
			t.Errorf("skips %q", s.skips)
		}
	})
}

// TestGitArchiveDamaged names the commit of a damaged archive.
func TestGitArchiveDamaged(t *testing.T) {
	gitfixture.Require(t)
	r := gitfixture.New(t)
	c := r.Commit("bad", map[string]string{"x.zip": "PK\x03\x04 not a zip", "ok.txt": "ok\n"})
	s := runGit(t, &Git{Repo: r.Dir, Archive: DefaultArchiveLimits()})
	want := "x.zip (commit " + c[:12] + "): damaged archive: zip: not a valid zip file"
	if !slices.Equal(s.errors, []string{want}) {
		t.Errorf("errors %q, want %q", s.errors, want)
	}
	s.one(t, "ok")
}

// TestGitArchiveRange: in a range, a member's added lines are those it
// adds to the same member of the parent's archive.
func TestGitArchiveRange(t *testing.T) {
	gitfixture.Require(t)
	old, tok := fakeToken(t), fakeToken(t)
	r := gitfixture.New(t)
	base := r.Commit("v1", map[string]string{"a.zip": string(zipOf(t, entry{"old.env", "OLD=" + old + "\n"}))})
	tip := r.Commit("v2", map[string]string{"a.zip": string(zipOf(t,
		entry{"old.env", "OLD=" + old + "\n"}, entry{"conf/new.env", "# new\nNEW=" + tok + "\n"}))})
	s := runGit(t, &Git{Repo: r.Dir, Range: base + ".." + tip, Archive: DefaultArchiveLimits()})
	o := originAt(t, s.one(t, tok), "a.zip!conf/new.env")
	if o.Commit != tip || !slices.Equal(o.Added, []LineRange{{1, 2}}) {
		t.Errorf("new member: %+v", o)
	}
	if o := originAt(t, s.one(t, old), "a.zip!old.env"); len(o.Added) != 0 {
		t.Errorf("unchanged member counts as added: %+v", o.Added)
	}
}

// TestStagedArchive: an archive about to be committed is opened.
func TestStagedArchive(t *testing.T) {
	gitfixture.Require(t)
	old, tok := fakeToken(t), fakeToken(t)
	r := gitfixture.New(t)
	r.Commit("v1", map[string]string{"a.tgz": string(gzipOf(t, tarOf(t, entry{"old.env", "OLD=" + old + "\n"})))})
	tgz := gzipOf(t, tarOf(t, entry{"old.env", "OLD=" + old + "\nNEW=" + tok + "\n"}))
	r.Write(map[string]string{"a.tgz": string(tgz)})
	r.Git("add", "a.tgz")
	// The archive is over --max-file-size, its member is not.
	if len(tgz) <= 100 {
		t.Fatalf("archive of %d bytes: make it larger than the limit", len(tgz))
	}
	s, err := runStaged(t, r, Staged{MaxFileSize: 100, Archive: DefaultArchiveLimits()})
	if err != nil || len(s.errors) > 0 || len(s.skips) > 0 {
		t.Fatalf("err %v, errors %q, skips %q", err, s.errors, s.skips)
	}
	f := s.one(t, tok)
	o := originAt(t, f, "a.tgz!old.env")
	if o.Kind != KindStaged || !slices.Equal(o.Added, []LineRange{{2, 2}}) {
		t.Errorf("origin %+v", o)
	}
}
