package source

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/go-git/go-git/v5/plumbing"
)

// Fuzz targets for what sources parse of input they do not control:
// pre-push lines, git objects and answers, refs and reflogs, remote URLs,
// the lines a commit added, and a Slack export's metadata. Day files,
// archives, text encodings and diff-index output have theirs beside their
// tests (FuzzSlackDayFile, FuzzExpandArchive, FuzzTextOf,
// FuzzParseDiffIndex).

// FuzzParsePushUpdates: git's pre-push lines give updates with full,
// lower-case object ids, or an error; never a panic.
func FuzzParsePushUpdates(f *testing.F) {
	id := strings.Repeat("ab", 20)
	f.Add("refs/heads/main " + id + " refs/heads/main " + zeroRev + "\n")
	f.Add("\n\nrefs/heads/a " + strings.ToUpper(id) + " refs/heads/b " + id + "\nrefs/tags/v1 " + zeroRev + " refs/tags/v1 " + id)
	f.Add("refs/heads/main main refs/heads/main " + id)
	f.Fuzz(func(t *testing.T, in string) {
		ups, err := ParsePushUpdates(strings.NewReader(in))
		if err != nil {
			return
		}
		if len(ups) > strings.Count(in, "\n")+1 {
			t.Fatalf("%d updates from %d lines", len(ups), strings.Count(in, "\n")+1)
		}
		for _, u := range ups {
			for _, sha := range []string{u.LocalSHA, u.RemoteSHA} {
				if !plumbing.IsHash(sha) || sha != strings.ToLower(sha) {
					t.Fatalf("object id %q", sha)
				}
			}
		}
	})
}

// FuzzParseTree: a tree object parses into entries whose names hold no
// NUL and whose ids are its 20-byte ids, or is refused whole.
func FuzzParseTree(f *testing.F) {
	id := bytes.Repeat([]byte{0xab}, 20)
	f.Add(append([]byte("100644 a.txt\x00"), id...))
	f.Add(append(append([]byte("40000 dir\x00"), id...), append([]byte("160000 sub\x00"), id...)...))
	f.Add([]byte("100644 cut\x00\x01\x02"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		in := newInterned()
		entries, err := in.parseTree(raw, nil)
		if err != nil {
			if entries != nil {
				t.Fatal("entries of a tree that does not parse")
			}
			return
		}
		size := 0
		for _, e := range entries {
			name := in.names[e.name]
			if strings.IndexByte(name, 0) >= 0 {
				t.Fatalf("name %q holds a NUL", name)
			}
			size += len(name) + 1 + 20
		}
		if size > len(raw) {
			t.Fatalf("entries of %d bytes from %d", size, len(raw))
		}
	})
}

// FuzzCatFileHeader: an answer of git cat-file gives a type and a size
// that is never negative (the reader allocates it), or an error.
func FuzzCatFileHeader(f *testing.F) {
	id := strings.Repeat("ab", 20)
	f.Add(id + " blob 12\n")
	f.Add(id + " missing\n")
	f.Add(id + " blob -1\n")
	f.Add(id + " tree 99999999999999999999\n")
	f.Fuzz(func(t *testing.T, in string) {
		typ, size, err := readHeader(bufio.NewReader(strings.NewReader(in)))
		if err == nil && (size < 0 || typ == "") {
			t.Fatalf("type %q, size %d", typ, size)
		}
	})
}

// FuzzAddedLines: against a parent, the lines a version added are in
// order, within the version, and include every line whose text the parent
// lacks; against no parent, every line is added; against itself, none.
func FuzzAddedLines(f *testing.F) {
	f.Add([]byte("a\nb\nc\n"), []byte("a\nx\nc\n"))
	f.Add([]byte(""), []byte("new\nfile"))
	f.Add([]byte("same\n"), []byte("same\nsame\nsame\n"))
	f.Add([]byte("x\r\ny\r\n"), []byte("x\ny\n"))
	f.Fuzz(func(t *testing.T, parent, data []byte) {
		lines := splitLines(data)
		got := addedLines([]parentText{{data: parent, present: true}}, data)
		added := make([]bool, len(lines))
		last := 0
		for _, r := range got {
			if r.Start <= last || r.End < r.Start || r.End > len(lines) {
				t.Fatalf("ranges %v for %d lines", got, len(lines))
			}
			for l := r.Start; l <= r.End; l++ {
				added[l-1] = true
			}
			last = r.End
		}
		had := map[string]bool{}
		for _, l := range splitLines(parent) {
			had[string(l)] = true
		}
		for i, l := range lines {
			if !had[string(l)] && !added[i] {
				t.Fatalf("line %d (%q) is new, not added: %v", i+1, l, got)
			}
		}
		if all := addedLines([]parentText{{}}, data); len(lines) > 0 && (len(all) != 1 || all[0] != (LineRange{1, len(lines)})) {
			t.Fatalf("against no parent: %v, want 1-%d", all, len(lines))
		}
		if same := addedLines([]parentText{{data: data, present: true}}, data); len(same) > 0 {
			t.Fatalf("against itself: %v", same)
		}
	})
}

// FuzzWebURL: a remote's URL gives an https (or http) address without
// credentials, or nothing.
func FuzzWebURL(f *testing.F) {
	for _, s := range []string{
		"git@github.com:owner/name.git", "ssh://git@host:22/owner/name", "https://user:" + "tok" + "en@host/owner/name.git",
		"file:///srv/repo", "/local/path", "http://[::1]:8080/a/b", "git@host:/abs", "https://host/a/b/c/d",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, remote string) {
		u := webURL(remote)
		if u == "" {
			return
		}
		if !strings.HasPrefix(u, "https://") && !strings.HasPrefix(u, "http://") {
			t.Fatalf("webURL(%q) = %q", remote, u)
		}
		if _, rest, _ := strings.Cut(u, "://"); strings.Contains(strings.SplitN(rest, "/", 2)[0], "@") {
			t.Fatalf("webURL(%q) = %q keeps credentials", remote, u)
		}
	})
}

// FuzzRefFiles: whatever packed-refs and a loose ref hold, the refs read
// name objects by full ids (or are symbolic), and each line that is not a
// ref is reported.
func FuzzRefFiles(f *testing.F) {
	id := strings.Repeat("ab", 20)
	f.Add("# pack-refs with: peeled fully-peeled sorted \n"+id+" refs/heads/main\n^"+id+"\n", id+"\n")
	f.Add("garbage\n"+id+" refs/tags/v1\n", "ref: refs/heads/main\n")
	f.Add(id+"refs/heads/x\n", "not an id")
	f.Fuzz(func(t *testing.T, packed, loose string) {
		dir := t.TempDir()
		if err := os.MkdirAll(filepath.Join(dir, "refs", "heads"), 0o755); err != nil {
			t.Fatal(err)
		}
		for name, content := range map[string]string{"packed-refs": packed, "refs/heads/loose": loose, "HEAD": "ref: refs/heads/main\n"} {
			if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(name)), []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		refs, bad := readRefFiles(&gitRepo{gitDir: dir, common: dir})
		for _, r := range refs {
			if r.Type() == plumbing.HashReference && !plumbing.IsHash(r.Hash().String()) {
				t.Fatalf("ref %s names %s", r.Name(), r.Hash())
			}
		}
		lines := 0
		for _, l := range strings.Split(packed, "\n") {
			if l = strings.TrimSpace(l); l != "" && l[0] != '#' && l[0] != '^' {
				lines++
			}
		}
		if len(refs)+len(bad) > lines+2 { // + HEAD and the loose ref
			t.Fatalf("%d refs and %d problems from %d lines", len(refs), len(bad), lines)
		}
	})
}

// FuzzStashReflog: the stash's reflog gives full commit ids, newest
// first, never the zero id.
func FuzzStashReflog(f *testing.F) {
	a, b := strings.Repeat("a", 40), strings.Repeat("b", 40)
	f.Add(zeroRev + " " + a + " A <a@example.com> 1700000000 +0000\tWIP on main\n" + a + " " + b + " A <a@example.com> 1700000001 +0000\tWIP\n")
	f.Add("short line\n\n" + a)
	f.Fuzz(func(t *testing.T, log string) {
		dir := t.TempDir()
		p := filepath.Join(dir, "logs", "refs", "stash")
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(log), 0o644); err != nil {
			t.Fatal(err)
		}
		for _, h := range stashReflog(dir) {
			if h.IsZero() || !plumbing.IsHash(h.String()) {
				t.Fatalf("stash entry %s", h)
			}
		}
	})
}

// FuzzSlackMeta: whatever an export's users.json and channels.json hold,
// reading them reports problems and never panics.
func FuzzSlackMeta(f *testing.F) {
	f.Add(`[{"id":"U01","name":"ann","real_name":"Ann","profile":{"display_name":"a"}}]`,
		`[{"id":"C01","name":"general","members":["U01"]}]`)
	f.Add(`{"not":"a list"}`, `[1, "two", null]`)
	f.Add(`[{"id":`, `[{"id":"C02","name":`)
	f.Fuzz(func(t *testing.T, users, channels string) {
		fsys := fstest.MapFS{
			"users.json":    {Data: []byte(users)},
			"channels.json": {Data: []byte(channels)},
		}
		rec := &recorder{s: &gitScan{}}
		m := loadSlackMeta(fsys, ".", func(rel string) string { return "export!" + rel }, rec)
		if m == nil {
			t.Fatal("no metadata")
		}
		m.user("U01")
		m.conv("general")
	})
}
