package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseShard(t *testing.T) {
	for _, c := range []struct {
		in   string
		want shard
		bad  bool
	}{
		{"", shard{}, false},
		{"1/1", shard{1, 1}, false},
		{"2/4", shard{2, 4}, false},
		{" 4 / 4 ", shard{4, 4}, false},
		{"0/4", shard{}, true},
		{"5/4", shard{}, true},
		{"1/0", shard{}, true},
		{"-1/4", shard{}, true},
		{"2", shard{}, true},
		{"a/b", shard{}, true},
		{"1/2/3", shard{}, true},
	} {
		got, err := parseShard(c.in)
		if (err != nil) != c.bad || got != c.want {
			t.Errorf("parseShard(%q) = %v, %v; want %v, error %v", c.in, got, err, c.want, c.bad)
		}
	}
}

// Every name is in exactly one shard of N, and the shares are even.
func TestShardSplit(t *testing.T) {
	const names = 4000
	for n := 1; n <= 8; n++ {
		counts := make([]int, n)
		for i := range names {
			name := fmt.Sprintf("https://github.com/org/repo-%d", i)
			in := 0
			for k := 1; k <= n; k++ {
				if (shard{k, n}).has(name) {
					counts[k-1]++
					in++
				}
			}
			if in != 1 {
				t.Fatalf("%s is in %d shards of %d", name, in, n)
			}
		}
		for k, c := range counts {
			if want := names / n; c < want*85/100 || c > want*115/100 {
				t.Errorf("shard %d/%d holds %d of %d names, want about %d", k+1, n, c, names, want)
			}
		}
	}
	if !(shard{}).has("anything") {
		t.Error("no --shard takes everything")
	}
}

func TestReadRepoList(t *testing.T) {
	dir := t.TempDir()
	list := filepath.Join(dir, "repos.txt")
	text := strings.Join([]string{
		"# repositories",
		"",
		"svc/a",
		"  svc/b   # the b service",
		"/srv/git/c.git",
		"https://deploy:" + "hunter2@github.com/org/d.git",
		"https://github.com/org/d.git # again, without credentials",
		"./svc/a/",
		"\t# indented comment",
		"git@github.com:org/e.git",
	}, "\n")
	if err := os.WriteFile(list, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := readRepoList(list, &env{})
	if err != nil {
		t.Fatal(err)
	}
	want := []repoEntry{
		{name: "svc/a", target: filepath.Join(dir, "svc/a")},
		{name: "svc/b", target: filepath.Join(dir, "svc/b")},
		{name: "/srv/git/c.git", target: "/srv/git/c.git"},
		{name: "https://github.com/org/d.git", target: "https://deploy:" + "hunter2@github.com/org/d.git", remote: true},
		{name: "git@github.com:org/e.git", target: "git@github.com:org/e.git", remote: true},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("readRepoList:\n got %v\nwant %v", got, want)
	}
	if err := os.WriteFile(list, []byte("# none\n\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := readRepoList(list, &env{}); err == nil || !strings.Contains(err.Error(), "lists no repository") {
		t.Errorf("an empty list: %v", err)
	}
}
