package source

import (
	"context"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/leakstop/leakstop/internal/gitfixture"
)

// runStaged scans the index of r's work tree.
func runStaged(t *testing.T, r *gitfixture.Repo, s Staged) (*gitScan, error) {
	t.Helper()
	s.Dir = r.Dir
	s.Env = []string{"GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL=/dev/null", "HOME=" + r.Dir, "PATH=" + os.Getenv("PATH")}
	out := &gitScan{}
	rec := &recorder{s: out}
	err := s.Fragments(context.Background(), 2, func(w int, f *Fragment) error {
		rec.mu.Lock()
		defer rec.mu.Unlock()
		out.frags = append(out.frags, f)
		return nil
	}, rec)
	slices.SortFunc(out.frags, func(a, b *Fragment) int { return strings.Compare(a.Origins[0].Path, b.Origins[0].Path) })
	return out, err
}

func TestStaged(t *testing.T) {
	tok := fakeToken(t)
	tests := []struct {
		name  string
		setup func(r *gitfixture.Repo)
		want  map[string][]LineRange // path → added lines; only these paths
		data  map[string]string      // path → the fragment's text, where checked
		skips int
	}{
		{"before the first commit every line is added", func(r *gitfixture.Repo) {
			r.Write(map[string]string{"a.env": "x\n" + tok + "\n"})
			r.Git("add", "a.env")
		}, map[string][]LineRange{"a.env": {{1, 2}}}, nil, 0},
		{"added lines against HEAD", func(r *gitfixture.Repo) {
			r.Commit("one", map[string]string{"a.env": "a\nb\n"})
			r.Write(map[string]string{"a.env": "a\n" + tok + "\nb\n"})
			r.Git("add", "a.env")
		}, map[string][]LineRange{"a.env": {{2, 2}}}, nil, 0},
		{"the staged content, not the working tree", func(r *gitfixture.Repo) {
			r.Commit("one", map[string]string{"a.env": "a\n"})
			r.Write(map[string]string{"a.env": "a\n" + tok + "\n"})
			r.Git("add", "a.env")
			r.Write(map[string]string{"a.env": "a\nclean\n"})
		}, map[string][]LineRange{"a.env": {{2, 2}}}, map[string]string{"a.env": "a\n" + tok + "\n"}, 0},
		{"a secret only in the working tree is not staged", func(r *gitfixture.Repo) {
			r.Commit("one", map[string]string{"a.env": "a\n"})
			r.Write(map[string]string{"a.env": "a\nclean\n"})
			r.Git("add", "a.env")
			r.Write(map[string]string{"a.env": "a\nclean\n" + tok + "\n"})
		}, map[string][]LineRange{"a.env": {{2, 2}}}, map[string]string{"a.env": "a\nclean\n"}, 0},
		{"mode change adds nothing", func(r *gitfixture.Repo) {
			r.Commit("one", map[string]string{"run.sh": tok + "\n"})
			r.Git("update-index", "--chmod=+x", "run.sh")
		}, map[string][]LineRange{"run.sh": nil}, nil, 0},
		{"deletions, submodules, binaries and intent-to-add have nothing", func(r *gitfixture.Repo) {
			r.Commit("one", map[string]string{"old.txt": "old\n"})
			r.Git("rm", "-q", "--cached", "old.txt")
			r.Git("update-index", "--add", "--cacheinfo", "160000,1111111111111111111111111111111111111111,sub")
			r.Write(map[string]string{"bin.dat": "\x00\x00\x00\xff" + tok + "\x00", "later.txt": tok})
			r.Git("add", "bin.dat")
			r.Git("add", "-N", "later.txt")
		}, map[string][]LineRange{}, nil, 0},
		{"larger than MaxFileSize is skipped", func(r *gitfixture.Repo) {
			r.Write(map[string]string{"big.env": strings.Repeat("x", 100) + tok})
			r.Git("add", "big.env")
		}, map[string][]LineRange{}, nil, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := gitfixture.New(t)
			tt.setup(r)
			got, err := runStaged(t, r, Staged{MaxFileSize: 64})
			if err != nil {
				t.Fatal(err)
			}
			if len(got.errors) > 0 || len(got.skips) != tt.skips {
				t.Fatalf("errors %q, skips %q; want %d skips", got.errors, got.skips, tt.skips)
			}
			paths := map[string][]LineRange{}
			for _, f := range got.frags {
				o := f.Origins[0]
				if o.Kind != KindStaged {
					t.Errorf("%s: kind %q", o.Path, o.Kind)
				}
				paths[o.Path] = o.Added
				if want, ok := tt.data[o.Path]; ok && string(f.Data) != want {
					t.Errorf("%s: scanned %q, want %q", o.Path, f.Data, want)
				}
				if f.Encoding == "" && f.ID != BlobID(f.Data) {
					t.Errorf("%s: id %s is not the blob's", o.Path, f.ID)
				}
			}
			if len(paths) != len(tt.want) {
				t.Fatalf("paths %v, want %v", paths, tt.want)
			}
			for p, want := range tt.want {
				if g, ok := paths[p]; !ok || !slices.Equal(g, want) {
					t.Errorf("%s: added %v, want %v", p, g, want)
				}
			}
		})
	}
}

func TestStagedFailsClosed(t *testing.T) {
	gitfixture.Require(t)
	dir := t.TempDir()
	t.Setenv("GIT_CEILING_DIRECTORIES", dir)
	s := Staged{Dir: dir}
	err := s.Fragments(context.Background(), 1, func(int, *Fragment) error { return nil }, &recorder{s: &gitScan{}})
	if err == nil || !strings.Contains(err.Error(), "not in a git work tree") {
		t.Fatalf("err = %v, want not in a git work tree", err)
	}

	r := gitfixture.New(t)
	t.Setenv("GIT_INDEX_FILE", r.Dir+"/no-such-index")
	_, err = runStaged(t, r, Staged{})
	if err != nil {
		t.Fatalf("Env without GIT_INDEX_FILE: %v", err)
	}
	s = Staged{Dir: r.Dir}
	err = s.Fragments(context.Background(), 1, func(int, *Fragment) error { return nil }, &recorder{s: &gitScan{}})
	if err == nil || !strings.Contains(err.Error(), "no such index file") {
		t.Fatalf("err = %v, want no such index file", err)
	}
}

func TestParseDiffIndex(t *testing.T) {
	const a, b = "1111111111111111111111111111111111111111", "2222222222222222222222222222222222222222"
	out := ":100644 100644 " + a + " " + b + " M\x00dir/f\x00" +
		":000000 100644 " + zeroRev + " " + b + " A\x00new\x00" +
		":160000 160000 " + a + " " + b + " M\x00sub\x00"
	got, err := parseDiffIndex([]byte(out))
	if err != nil {
		t.Fatal(err)
	}
	want := []stagedEntry{{path: "dir/f", head: a, blob: b}, {path: "new", blob: b}}
	if !slices.Equal(got, want) {
		t.Fatalf("got %+v, want %+v", got, want)
	}
	for _, bad := range []string{":100644 100644 x y M\x00f\x00", ":100644 100644 " + a + " " + b + " M\x00f", "junk"} {
		if _, err := parseDiffIndex([]byte(bad)); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

func FuzzParseDiffIndex(f *testing.F) {
	f.Add([]byte(":100644 100644 1111111111111111111111111111111111111111 2222222222222222222222222222222222222222 M\x00dir/f\x00"))
	f.Add([]byte(":160000 160000 1111111111111111111111111111111111111111 2222222222222222222222222222222222222222 M\x00sub\x00"))
	f.Fuzz(func(t *testing.T, out []byte) {
		entries, err := parseDiffIndex(out)
		if err != nil {
			return
		}
		for _, e := range entries {
			if len(e.blob) != 40 {
				t.Fatalf("blob id %q", e.blob)
			}
		}
	})
}
