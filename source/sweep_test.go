package source

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/leakstop/leakstop/internal/gitfixture"
)

func TestRepoName(t *testing.T) {
	for _, c := range []struct {
		entry, name string
		remote      bool
	}{
		{"svc/a", "svc/a", false},
		{"./svc//a/", "svc/a", false},
		{"/srv/git/a.git", "/srv/git/a.git", false},
		{"  relative/../b  ", "b", false},
		{"https://github.com/org/repo.git", "https://github.com/org/repo.git", true},
		{"HTTPS://GitHub.com/Org/Repo/", "https://github.com/Org/Repo", true},
		{"https://x-access-token:" + "s3cr3t@github.com/org/repo", "https://github.com/org/repo", true},
		{"https://deploy@gitlab.example.com:8443/g/p.git", "https://gitlab.example.com:8443/g/p.git", true},
		{"file:///tmp/r.git", "file:///tmp/r.git", true},
		{"ssh://git@host/r.git", "ssh://host/r.git", true},
		{"git@github.com:org/repo.git", "git@github.com:org/repo.git", true},
		{"C:/repos/a", "C:/repos/a", false},
	} {
		name, remote := RepoName(c.entry)
		if name != c.name || remote != c.remote {
			t.Errorf("RepoName(%q) = %q, %v; want %q, %v", c.entry, name, remote, c.name, c.remote)
		}
	}
}

// sweepScan runs s and returns each fragment's origins, and the problems.
func sweepScan(t *testing.T, s *Sweep) (origins []Origin, errs, skips []string) {
	t.Helper()
	rec := &recorder{s: &gitScan{}}
	var mu sync.Mutex
	err := s.Fragments(context.Background(), 2, func(w int, f *Fragment) error {
		mu.Lock()
		defer mu.Unlock()
		origins = append(origins, f.Origins...)
		return nil
	}, rec)
	if err != nil {
		t.Fatalf("Fragments: %v", err)
	}
	return origins, rec.s.errors, rec.s.skips
}

func TestSweep(t *testing.T) {
	tok := fakeToken(t)
	a := gitfixture.New(t)
	a.Commit("a", map[string]string{"app.env": "TOKEN=" + tok + "\n"})
	b := gitfixture.New(t)
	b.Commit("b", map[string]string{"app.env": "TOKEN=" + tok + "\n", "b.txt": "b\n"})
	bare := b.CloneBare()
	notRepo := t.TempDir()
	s := &Sweep{Repos: []SweepRepo{
		{Name: "org/a", Dir: a.Dir},
		{Name: "https://example.com/b.git", Dir: bare.Dir},
		{Name: "org/plain", Dir: notRepo},
		{Name: "org/gone", Err: errString("could not be cloned")},
	}}
	origins, errs, _ := sweepScan(t, s)

	// The same blob in two repositories is two places, each naming its
	// repository (as Repo and Root), never the folder it was read from.
	var places []string
	for _, o := range origins {
		places = append(places, o.Repo+" "+o.Root+" "+o.Path)
		if strings.Contains(o.Repo+o.Root, filepath.Base(bare.Dir)) {
			t.Errorf("origin names the folder: %+v", o)
		}
	}
	slices.Sort(places)
	want := []string{
		"https://example.com/b.git https://example.com/b.git app.env",
		"https://example.com/b.git https://example.com/b.git b.txt",
		"org/a org/a app.env",
	}
	if !slices.Equal(places, want) {
		t.Errorf("places %q, want %q", places, want)
	}
	slices.Sort(errs)
	if len(errs) != 2 || errs[0] != "org/gone: could not be cloned" ||
		!strings.HasPrefix(errs[1], "org/plain: not a git repository") || strings.Contains(errs[1], notRepo) {
		t.Errorf("errors %q: want org/gone's and org/plain's, naming them", errs)
	}
}

func TestSweepStops(t *testing.T) {
	a := gitfixture.New(t)
	a.Commit("a", map[string]string{"a.txt": "a\n"})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	s := &Sweep{Repos: []SweepRepo{{Name: "a", Dir: a.Dir}}}
	if err := s.Fragments(ctx, 1, func(int, *Fragment) error { return nil }, &recorder{s: &gitScan{}}); err == nil {
		t.Error("an ended context should end the sweep with its error")
	}
}

func TestCloneBare(t *testing.T) {
	a := gitfixture.New(t)
	a.Commit("a", map[string]string{"a.txt": "a\n"})
	dir := filepath.Join(t.TempDir(), "a.git")
	if err := CloneBare(context.Background(), "file://"+a.Dir, dir); err != nil {
		t.Fatal(err)
	}
	if _, err := findGitDir(dir); err != nil {
		t.Errorf("the clone is not a repository: %v", err)
	}
	err := CloneBare(context.Background(), "file://user:"+"hunter2@"+filepath.Join(t.TempDir(), "none.git"), filepath.Join(t.TempDir(), "b"))
	if err == nil || strings.Contains(err.Error(), "hunter2") || !strings.HasPrefix(err.Error(), "git clone: ") {
		t.Errorf("clone of nothing: %v; want git's error without the password", err)
	}
}

type errString string

func (e errString) Error() string { return string(e) }
