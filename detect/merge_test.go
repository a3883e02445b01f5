package detect

import (
	"slices"
	"testing"
	"time"

	"github.com/leakstop/leakstop/source"
)

func TestMergeVersions(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2024, 1, d, 0, 0, 0, 0, time.UTC) }
	version := func(fp, path, commit string, d, line int, others ...string) Finding {
		return Finding{Fingerprint: fp, Path: path, Line: line, Source: source.Origin{
			Kind: source.KindGit, Repo: "r", Path: path, Commit: commit, Date: day(d), Order: d,
			Commits: others, CommitCount: 1 + len(others),
		}}
	}
	in := []Finding{
		version("fpA", "app.cfg", "c3", 3, 3, "c4"),
		{Fingerprint: "fpA", Path: "app.cfg", Source: source.Origin{Kind: source.KindFile, Path: "app.cfg"}},
		version("fpA", "app.cfg", "c9", 1, 2), // a later commit id, an earlier place in history
		version("fpB", "copy.cfg", "c4", 4, 3),
		version("fpA", "app.cfg", "c2", 2, 2, "c5", "c6"),
	}
	out := MergeVersions(in)
	if len(out) != 3 {
		t.Fatalf("%d findings, want app.cfg once, the file finding and copy.cfg", len(out))
	}
	a := out[0]
	if a.Source.Commit != "c9" || a.Line != 2 {
		t.Errorf("app.cfg credited to %s line %d, want c9 (the oldest version) line 2", a.Source.Commit, a.Line)
	}
	if a.Source.CommitCount != 6 || !slices.Equal(a.Source.Commits, []string{"c2", "c5", "c6", "c3", "c4"}) {
		t.Errorf("commits %v (count %d), want the other versions' commits, oldest first, count 6", a.Source.Commits, a.Source.CommitCount)
	}
	if out[1].Source.Kind != source.KindFile || out[2].Source.Commit != "c4" || out[2].Source.CommitCount != 1 {
		t.Errorf("other findings changed: %+v %+v", out[1].Source, out[2].Source)
	}
	if in[2].Source.Commits != nil {
		t.Errorf("the input was modified")
	}
}

// A secret at a path is still at HEAD when any of its versions is, though
// the finding is credited to the oldest.
func TestMergeVersionsAtHead(t *testing.T) {
	v := func(commit string, order int, atHead bool) Finding {
		return Finding{Fingerprint: "fp", Path: "a.env", Source: source.Origin{
			Kind: source.KindGit, Repo: "r", Path: "a.env", Commit: commit, Order: order, AtHead: atHead,
		}}
	}
	out := MergeVersions([]Finding{v("new", 2, true), v("old", 1, false)})
	if len(out) != 1 || out[0].Source.Commit != "old" || !out[0].Source.AtHead {
		t.Errorf("merged %+v, want credited to old and at HEAD", out)
	}
}
