package source

import (
	"bytes"
	"context"
	"crypto/rand"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/leakstop/leakstop/internal/gitfixture"
)

// fakeToken returns a token-shaped string made at test time, so no secret
// scanner ever sees a literal one in this file.
func fakeToken(t *testing.T) string {
	t.Helper()
	const alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	b := make([]byte, 20)
	rand.Read(b)
	for i := range b {
		b[i] = alnum[int(b[i])%len(alnum)]
	}
	return "tok" + "_" + string(b)
}

// gitScan is what one scan produced.
type gitScan struct {
	frags  []*Fragment
	errors []string
	skips  []string
}

type recorder struct {
	mu sync.Mutex
	s  *gitScan
}

func (r *recorder) Error(path string, err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.s.errors = append(r.s.errors, path+": "+err.Error())
}

func (r *recorder) Skip(path, reason string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.s.skips = append(r.s.skips, path+": "+reason)
}

func runGit(t *testing.T, g *Git) *gitScan {
	t.Helper()
	s, err := runHistory(t, g)
	if err != nil {
		t.Fatalf("Fragments: %v", err)
	}
	return s
}

// runHistory runs a source of git history with three workers and checks
// that each blob is visited once, under its blob id.
func runHistory(t *testing.T, src Source) (*gitScan, error) {
	t.Helper()
	s := &gitScan{}
	rec := &recorder{s: s}
	err := src.Fragments(context.Background(), 3, func(w int, f *Fragment) error {
		if w < 0 || w >= 3 {
			t.Errorf("worker %d out of range", w)
		}
		rec.mu.Lock()
		defer rec.mu.Unlock()
		s.frags = append(s.frags, f)
		return nil
	}, rec)
	ids := map[string]bool{}
	for _, f := range s.frags {
		if ids[f.ID] {
			t.Errorf("blob %s visited twice", f.ID)
		}
		ids[f.ID] = true
		if BlobID(f.Data) != f.ID && f.Encoding == "" {
			t.Errorf("fragment id %s is not the blob id of its data", f.ID)
		}
	}
	return s, err
}

// holding returns the fragments whose data contains s.
func (s *gitScan) holding(needle string) []*Fragment {
	var out []*Fragment
	for _, f := range s.frags {
		if bytes.Contains(f.Data, []byte(needle)) {
			out = append(out, f)
		}
	}
	return out
}

// one returns the single fragment holding needle.
func (s *gitScan) one(t *testing.T, needle string) *Fragment {
	t.Helper()
	fs := s.holding(needle)
	if len(fs) != 1 {
		t.Fatalf("%d fragments hold %q, want 1 (errors %q)", len(fs), needle, s.errors)
	}
	return fs[0]
}

func originAt(t *testing.T, f *Fragment, path string) Origin {
	t.Helper()
	for _, o := range f.Origins {
		if o.Path == path {
			return o
		}
	}
	t.Fatalf("no origin at %s in %+v", path, f.Origins)
	return Origin{}
}

// bothReaders runs a test with objects streamed from git cat-file and
// read through go-git alone: both paths must agree.
func bothReaders(t *testing.T, name string, fn func(t *testing.T, goGitOnly bool)) {
	for _, goGitOnly := range []bool{false, true} {
		reader := map[bool]string{false: "cat-file", true: "go-git"}[goGitOnly]
		t.Run(name+"/"+reader, func(t *testing.T) { fn(t, goGitOnly) })
	}
}

func TestGitHistory(t *testing.T) {
	gitfixture.Require(t)
	cases := []struct {
		name string
		// build makes the repository and returns what must be found, with
		// the path and the commit it must be credited to.
		build func(t *testing.T, r *gitfixture.Repo, tok string) (path, commit string)
	}{
		{"added then deleted", func(t *testing.T, r *gitfixture.Repo, tok string) (string, string) {
			c1 := r.Commit("add config", map[string]string{"config.env": "A=1\nTOKEN=" + tok + "\n"})
			r.Commit("drop token", map[string]string{"config.env": "A=1\n"})
			return "config.env", c1
		}},
		{"only in a deleted file", func(t *testing.T, r *gitfixture.Repo, tok string) (string, string) {
			r.Commit("readme", map[string]string{"README": "hi\n"})
			c := r.Commit("add secret", map[string]string{"secrets/prod.txt": tok + "\n"})
			r.Remove("secrets")
			r.Commit("remove secrets", nil)
			return "secrets/prod.txt", c
		}},
		{"only on a tag", func(t *testing.T, r *gitfixture.Repo, tok string) (string, string) {
			r.Commit("readme", map[string]string{"README": "hi\n"})
			r.Branch("release")
			c := r.Commit("release key", map[string]string{"key.txt": tok + "\n"})
			r.Tag("v1.0.0")
			r.Checkout("main")
			r.Git("branch", "-D", "release")
			return "key.txt", c
		}},
		{"only in a stash", func(t *testing.T, r *gitfixture.Repo, tok string) (string, string) {
			r.Commit("app", map[string]string{"app.cfg": "x=1\n"})
			r.Stash(map[string]string{"app.cfg": "x=1\ntoken=" + tok + "\n"})
			return "app.cfg", r.Git("rev-parse", "refs/stash")
		}},
		{"only in an older stash entry", func(t *testing.T, r *gitfixture.Repo, tok string) (string, string) {
			r.Commit("app", map[string]string{"app.cfg": "x=1\n"})
			old := r.Stash(map[string]string{"app.cfg": "x=1\ntoken=" + tok + "\n"})
			r.Stash(map[string]string{"app.cfg": "x=2\n"})
			return "app.cfg", old
		}},
		{"only in an untracked file of a stash", func(t *testing.T, r *gitfixture.Repo, tok string) (string, string) {
			r.Commit("app", map[string]string{"app.cfg": "x=1\n"})
			r.Stash(map[string]string{"notes.txt": tok + "\n"})
			return "notes.txt", r.Git("rev-parse", "refs/stash^3")
		}},
		{"only in a merge's conflict resolution", func(t *testing.T, r *gitfixture.Repo, tok string) (string, string) {
			r.Commit("base", map[string]string{"f.txt": "a\nmiddle\nz\n"})
			r.Branch("feature")
			r.Commit("feature side", map[string]string{"f.txt": "a\nfeature\nz\n"})
			r.Checkout("main")
			r.Commit("main side", map[string]string{"f.txt": "a\nmain\nz\n"})
			m := r.MergeConflict("feature", map[string]string{"f.txt": "a\nboth " + tok + "\nz\n"})
			return "f.txt", m
		}},
		{"detached HEAD", func(t *testing.T, r *gitfixture.Repo, tok string) (string, string) {
			r.Commit("readme", map[string]string{"README": "hi\n"})
			r.Checkout("HEAD~0^{commit}")
			return "wip.txt", r.Commit("wip", map[string]string{"wip.txt": tok + "\n"})
		}},
		{"non-ASCII path is NFC", func(t *testing.T, r *gitfixture.Repo, tok string) (string, string) {
			nfd := "cafe\u0301/key.txt"
			c := r.Commit("add", map[string]string{nfd: tok + "\n"})
			return "caf\u00e9/key.txt", c
		}},
	}
	for _, tc := range cases {
		bothReaders(t, tc.name, func(t *testing.T, goGitOnly bool) {
			r := gitfixture.New(t)
			tok := fakeToken(t)
			path, commit := tc.build(t, r, tok)
			s := runGit(t, &Git{Repo: r.Dir, goGitOnly: goGitOnly})
			if len(s.errors) > 0 {
				t.Errorf("errors: %q", s.errors)
			}
			f := s.one(t, tok)
			o := originAt(t, f, path)
			if o.Commit != commit {
				t.Errorf("credited to %s, want %s", o.Commit, commit)
			}
			if o.Kind != KindGit || o.Repo != r.Dir || o.Author != "Alice <alice@example.com>" || o.Date.IsZero() || o.Message == "" {
				t.Errorf("origin %+v lacks kind, repo, author, date or message", o)
			}
		})
	}
}

func TestGitRenameCreditsTheAdder(t *testing.T) {
	gitfixture.Require(t)
	bothReaders(t, "rename", func(t *testing.T, goGitOnly bool) {
		r := gitfixture.New(t)
		tok := fakeToken(t)
		add := r.Commit("add key", map[string]string{"old/key.txt": tok + "\n"})
		r.Move("old", "new")
		mv := r.Commit("move keys", nil)
		s := runGit(t, &Git{Repo: r.Dir, goGitOnly: goGitOnly})
		f := s.one(t, tok)
		if len(f.Origins) != 2 {
			t.Fatalf("origins %+v, want old and new path", f.Origins)
		}
		for _, p := range []string{"old/key.txt", "new/key.txt"} {
			if o := originAt(t, f, p); o.Commit != add || o.Message != "add key" {
				t.Errorf("%s credited to %s %q, want the adder %s", p, o.Commit, o.Message, add)
			}
		}
		if o := originAt(t, f, "new/key.txt"); !slices.Equal(o.Commits, []string{mv}) || o.CommitCount != 1 {
			t.Errorf("new path carried by %v (count %d), want only the move %s", o.Commits, o.CommitCount, mv)
		}
	})
}

func TestGitSameBlobTwoPathsThreeCommits(t *testing.T) {
	gitfixture.Require(t)
	bothReaders(t, "provenance", func(t *testing.T, goGitOnly bool) {
		r := gitfixture.New(t)
		tok := fakeToken(t)
		content := "key=" + tok + "\n"
		c1 := r.Commit("add a", map[string]string{"a.txt": content})
		c2 := r.Commit("copy to b", map[string]string{"b.txt": content})
		c3 := r.Commit("unrelated", map[string]string{"other.txt": "x\n"})
		c4 := r.Commit("change a", map[string]string{"a.txt": "changed\n"})
		s := runGit(t, &Git{Repo: r.Dir, goGitOnly: goGitOnly})
		f := s.one(t, tok)
		if len(f.Origins) != 2 || f.Origins[0].Path != "a.txt" || f.Origins[1].Path != "b.txt" {
			t.Fatalf("origins %+v, want a.txt and b.txt in order", f.Origins)
		}
		a, b := f.Origins[0], f.Origins[1]
		if a.Commit != c1 || !slices.Equal(a.Commits, []string{c2, c3}) || a.CommitCount != 3 {
			t.Errorf("a.txt: commit %s, commits %v, count %d; want %s, [%s %s], 3", a.Commit, a.Commits, a.CommitCount, c1, c2, c3)
		}
		if b.Commit != c2 || !slices.Equal(b.Commits, []string{c3, c4}) || b.CommitCount != 3 {
			t.Errorf("b.txt: commit %s, commits %v, count %d; want %s, [%s %s], 3", b.Commit, b.Commits, b.CommitCount, c2, c3, c4)
		}
	})
}

func TestGitRepositoryShapes(t *testing.T) {
	gitfixture.Require(t)
	t.Run("bare", func(t *testing.T) {
		r := gitfixture.New(t)
		tok := fakeToken(t)
		c := r.Commit("add", map[string]string{"k.txt": tok + "\n"})
		bare := r.CloneBare()
		s := runGit(t, &Git{Repo: bare.Dir})
		if o := originAt(t, s.one(t, tok), "k.txt"); o.Commit != c {
			t.Errorf("credited to %s, want %s", o.Commit, c)
		}
	})
	t.Run("shallow clone", func(t *testing.T) {
		r := gitfixture.New(t)
		old, now := fakeToken(t), fakeToken(t)
		r.Commit("one", map[string]string{"k.txt": old + "\n"})
		r.Commit("two", map[string]string{"k.txt": now + "\n"})
		tip := r.Commit("three", map[string]string{"README": "x\n"})
		c := r.CloneShallow(1)
		s := runGit(t, &Git{Repo: c.Dir})
		want := "shallow clone: history before " + tip + " not scanned"
		if !slices.ContainsFunc(s.skips, func(k string) bool { return strings.HasSuffix(k, want) }) {
			t.Errorf("skips %q, want %q", s.skips, want)
		}
		s.one(t, now)
		if len(s.holding(old)) != 0 {
			t.Errorf("found content the shallow clone does not have")
		}
		if len(s.errors) > 0 {
			t.Errorf("errors: %q", s.errors)
		}
	})
	t.Run("empty", func(t *testing.T) {
		r := gitfixture.New(t)
		s := runGit(t, &Git{Repo: r.Dir})
		if len(s.frags)+len(s.errors)+len(s.skips) != 0 {
			t.Errorf("empty repository gave %d fragments, errors %q, skips %q", len(s.frags), s.errors, s.skips)
		}
	})
	t.Run("submodule gitlink", func(t *testing.T) {
		r := gitfixture.New(t)
		tok := fakeToken(t)
		r.Commit("base", map[string]string{"k.txt": tok + "\n"})
		r.Git("update-index", "--add", "--cacheinfo", "160000,"+strings.Repeat("ab", 20)+",vendor/lib")
		r.Git("commit", "-q", "-m", "add submodule")
		s := runGit(t, &Git{Repo: r.Dir})
		s.one(t, tok)
		if len(s.errors) > 0 {
			t.Errorf("errors: %q", s.errors)
		}
	})
	t.Run("packed and loose", func(t *testing.T) {
		r := gitfixture.New(t)
		a, b := fakeToken(t), fakeToken(t)
		r.Commit("one", map[string]string{"a.txt": a + "\n"})
		r.Git("gc", "-q")
		r.Commit("two", map[string]string{"b.txt": b + "\n"})
		s := runGit(t, &Git{Repo: r.Dir})
		s.one(t, a)
		s.one(t, b)
	})
	t.Run("not a repository", func(t *testing.T) {
		err := (&Git{Repo: t.TempDir()}).Fragments(context.Background(), 1,
			func(int, *Fragment) error { return nil }, &recorder{s: &gitScan{}})
		if err == nil || !strings.Contains(err.Error(), "not a git repository") {
			t.Errorf("err %v, want not a git repository", err)
		}
	})
}

func TestGitLimits(t *testing.T) {
	gitfixture.Require(t)
	bothReaders(t, "limits", func(t *testing.T, goGitOnly bool) {
		r := gitfixture.New(t)
		tok := fakeToken(t)
		big := strings.Repeat("filler line\n", 20) + tok + "\n"
		c := r.Commit("files", map[string]string{
			"big.txt":    big,
			"bin.dat":    "\x00\x01\x02" + tok + "\n",
			"lfs.bin":    "version https://git-lfs.github.com/spec/v1\noid sha256:" + strings.Repeat("0", 64) + "\nsize 12345\n",
			"small.txt":  "small " + tok + "\n",
			"empty.txt":  "",
			"script.sh":  "#!/bin/sh\n",
			"link-to-it": "",
		})
		s := runGit(t, &Git{Repo: r.Dir, MaxFileSize: 200, goGitOnly: goGitOnly})
		want := fmt.Sprintf("big.txt (commit %s): %s (%d bytes, blob %s)", c[:12], ReasonTooLarge, len(big), BlobID([]byte(big)))
		if !slices.Contains(s.skips, want) {
			t.Errorf("skips %q, want %q", s.skips, want)
		}
		if fs := s.holding(tok); len(fs) != 1 || fs[0].Origins[0].Path != "small.txt" {
			t.Errorf("token found in %d fragments, want only small.txt (binary and big skipped)", len(fs))
		}
		if len(s.holding("git-lfs.github.com")) != 1 {
			t.Errorf("LFS pointer not scanned as text")
		}
	})
}

func TestGitCorruptObject(t *testing.T) {
	gitfixture.Require(t)
	bothReaders(t, "corrupt", func(t *testing.T, goGitOnly bool) {
		r := gitfixture.New(t)
		good, bad := fakeToken(t), fakeToken(t)
		r.Commit("files", map[string]string{"a.txt": good + "\n", "m.txt": bad + "\n", "z.txt": "z " + good + "\n"})
		id := r.BlobID("HEAD", "m.txt")
		p := r.LooseObjectPath(id)
		os.Chmod(p, 0o644)
		if err := os.WriteFile(p, []byte("this is not zlib"), 0o644); err != nil {
			t.Fatal(err)
		}
		s := runGit(t, &Git{Repo: r.Dir, goGitOnly: goGitOnly})
		if len(s.errors) != 1 || !strings.Contains(s.errors[0], "m.txt") || !strings.Contains(s.errors[0], id) {
			t.Errorf("errors %q, want one naming m.txt and %s", s.errors, id)
		}
		if len(s.holding(good)) != 2 {
			t.Errorf("scan did not go on past the damaged object")
		}
	})
}

func TestGitAllObjects(t *testing.T) {
	gitfixture.Require(t)
	bothReaders(t, "dangling", func(t *testing.T, goGitOnly bool) {
		r := gitfixture.New(t)
		tok := fakeToken(t)
		r.Commit("one", map[string]string{"a.txt": "reachable content\n"})
		id := r.HashObject("lost " + tok + "\n")
		if s := runGit(t, &Git{Repo: r.Dir, goGitOnly: goGitOnly}); len(s.holding(tok)) != 0 {
			t.Fatalf("dangling blob scanned without AllObjects")
		}
		s := runGit(t, &Git{Repo: r.Dir, AllObjects: true, goGitOnly: goGitOnly})
		f := s.one(t, tok)
		if f.ID != id || len(f.Origins) != 1 || f.Origins[0].Kind != KindGitObject {
			t.Errorf("fragment %s %+v, want %s with one git-object origin", f.ID, f.Origins, id)
		}
		if len(s.holding("reachable content")) != 1 {
			t.Errorf("reachable blob not scanned once with AllObjects")
		}
	})
}

func TestGitRange(t *testing.T) {
	gitfixture.Require(t)
	r := gitfixture.New(t)
	old, added := fakeToken(t), fakeToken(t)
	r.Commit("base", map[string]string{"app.cfg": "a=1\nold=" + old + "\nb=2\n", "untouched.txt": "untouched before the range\n"})
	base := r.Head()
	r.Branch("pr")
	c1 := r.Commit("pr: add a key", map[string]string{"app.cfg": "a=1\nold=" + old + "\nb=2\nnew=" + added + "\n"})
	c2 := r.Commit("pr: new file", map[string]string{"n.txt": "one\ntwo\n"})
	r.Checkout("main")
	for _, rng := range []string{base + "..pr", "main..pr", "main.." + c2} {
		bothReaders(t, rng, func(t *testing.T, goGitOnly bool) {
			s := runGit(t, &Git{Repo: r.Dir, Range: rng, goGitOnly: goGitOnly})
			if len(s.frags) != 2 {
				t.Errorf("%d fragments, want the two blobs the range added", len(s.frags))
			}
			if len(s.holding("untouched before the range")) != 0 {
				t.Errorf("a blob from before the range was scanned")
			}
			f := s.one(t, added)
			o := originAt(t, f, "app.cfg")
			if o.Commit != c1 {
				t.Errorf("credited to %s, want %s", o.Commit, c1)
			}
			if !slices.Equal(o.Added, []LineRange{{4, 4}}) {
				t.Errorf("added lines %v, want only line 4 (the old secret on line 2 is not added)", o.Added)
			}
			if o := originAt(t, s.one(t, "one\ntwo"), "n.txt"); !slices.Equal(o.Added, []LineRange{{1, 2}}) {
				t.Errorf("new file added %v, want 1-2", o.Added)
			}
		})
	}
	t.Run("merge adds only its resolution", func(t *testing.T) {
		r := gitfixture.New(t)
		tok := fakeToken(t)
		r.Commit("base", map[string]string{"f.txt": "a\nmiddle\nz\n"})
		r.Branch("feature")
		r.Commit("feature side", map[string]string{"f.txt": "a\nfeature\nz\n"})
		r.Checkout("main")
		before := r.Commit("main side", map[string]string{"f.txt": "a\nmain\nz\n"})
		m := r.MergeConflict("feature", map[string]string{"f.txt": "a\nmain\nfeature\n" + tok + "\nz\n"})
		s := runGit(t, &Git{Repo: r.Dir, Range: before + ".." + m})
		o := originAt(t, s.one(t, tok), "f.txt")
		if o.Commit != m || !slices.Equal(o.Added, []LineRange{{4, 4}}) {
			t.Errorf("commit %s added %v, want %s adding line 4 only (lines 2 and 3 come from a parent each)", o.Commit, o.Added, m)
		}
	})
	t.Run("an unknown base (force-pushed over): bounded by the other refs", func(t *testing.T) {
		unknown := strings.Repeat("9abc", 10)
		s := runGit(t, &Git{Repo: r.Dir, Range: unknown + "..pr"})
		if len(s.frags) != 2 || len(s.holding("untouched before the range")) != 0 {
			t.Errorf("%d fragments, want the two blobs main lacks", len(s.frags))
		}
		if len(s.skips) != 1 || !strings.Contains(s.skips[0], unknown) {
			t.Errorf("skips %q, want one naming the unknown base", s.skips)
		}
	})
	t.Run("since commit", func(t *testing.T) {
		s := runGit(t, &Git{Repo: r.Dir, SinceCommit: base, Branch: "pr"})
		if len(s.frags) != 2 || len(s.holding("untouched before the range")) != 0 {
			t.Errorf("%d fragments, want the two blobs after %s", len(s.frags), base)
		}
	})
	t.Run("branch", func(t *testing.T) {
		s := runGit(t, &Git{Repo: r.Dir, Branch: "main"})
		if len(s.holding(added)) != 0 || len(s.holding(old)) != 1 {
			t.Errorf("branch main: want only main's blobs")
		}
	})
	t.Run("bad range", func(t *testing.T) {
		for _, bad := range []string{"nosuch..main", "main", "a...b"} {
			err := (&Git{Repo: r.Dir, Range: bad}).Fragments(context.Background(), 1,
				func(int, *Fragment) error { return nil }, &recorder{s: &gitScan{}})
			if err == nil {
				t.Errorf("range %q: no error", bad)
			}
		}
	})
}

func TestAddedLines(t *testing.T) {
	cases := []struct {
		name    string
		parents []parentText
		data    string
		want    []LineRange
	}{
		{"new file", []parentText{{}}, "a\nb\n", []LineRange{{1, 2}}},
		{"no newline at end", []parentText{{data: []byte("a\n"), present: true}}, "a\nb", []LineRange{{2, 2}}},
		{"insert in middle", []parentText{{data: []byte("a\nc\n"), present: true}}, "a\nb\nc\n", []LineRange{{2, 2}}},
		{"replace", []parentText{{data: []byte("a\nb\nc\n"), present: true}}, "a\nB\nc\n", []LineRange{{2, 2}}},
		{"unchanged", []parentText{{data: []byte("a\n"), present: true}}, "a\n", nil},
		{"merge: only lines new to both", []parentText{
			{data: []byte("a\nx\nz\n"), present: true},
			{data: []byte("a\ny\nz\n"), present: true},
		}, "a\nx\ny\nn\nz\n", []LineRange{{4, 4}}},
		{"merge with a parent lacking the file", []parentText{
			{data: []byte("a\n"), present: true}, {},
		}, "a\nb\n", []LineRange{{2, 2}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := addedLines(tc.parents, []byte(tc.data)); !slices.Equal(got, tc.want) {
				t.Errorf("addedLines = %v, want %v", got, tc.want)
			}
		})
	}
}
