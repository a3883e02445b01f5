package report

import (
	"slices"
	"strings"
	"testing"

	"github.com/leakstop/leakstop/detect"
	"github.com/leakstop/leakstop/rules"
	"github.com/leakstop/leakstop/source"
)

// sweepShard is one shard of a sweep: the same secret at the same path in
// each of its repositories.
func sweepShard(repos ...string) *Report {
	r := &Report{Tool: Tool{Name: "leakstop", Version: "test"}, Repositories: repos, Scanned: len(repos),
		RuleRank: map[string]int{"acme-token": 0}}
	for _, repo := range repos {
		o := source.Origin{Kind: source.KindGit, Path: "app.env", Root: repo, Repo: repo, Commit: "c1"}
		f := finding("acme-token", rules.SeverityHigh, tokenSecret, o, 1, 7)
		f.Fingerprint = "fp" // rule, path and secret: the same in every repository
		r.Findings = append(r.Findings, f)
	}
	return r
}

// Shards of a sweep merge into the sweep: each repository's place kept
// apart (same fingerprint, another repository), the sprawl regrouped
// across shards, the repositories joined once each; every format names
// the repository of each place.
func TestMergeSweep(t *testing.T) {
	a := readBack(t, "a.json", sweepShard("org/b", "org/a"), Options{})
	b := readBack(t, "b.json", sweepShard("org/c"), Options{})
	m := Merge(a, b, b)
	if len(m.Findings) != 3 {
		t.Fatalf("%d findings, want one per repository (3)", len(m.Findings))
	}
	if gs := m.groups(); len(gs) != 1 || len(gs[0].findings) != 3 {
		t.Errorf("the sprawl should hold one secret in 3 places")
	}
	if want := []string{"org/a", "org/b", "org/c"}; !slices.Equal(m.Repositories, want) {
		t.Errorf("repositories %q, want %q", m.Repositories, want)
	}
	whole := sweepShard("org/a", "org/b", "org/c")
	whole.Scanned = m.Scanned
	got, want := writeAll(t, m.sortedForCompare(), Options{}), writeAll(t, whole, Options{})
	delete(got, FormatJSON) // merged_from
	delete(want, FormatJSON)
	diffOutputs(t, got, want)
	for _, format := range []string{FormatText, FormatCSV, FormatJUnit, FormatGitHub, FormatHTML, FormatSARIF, "summary"} {
		if !strings.Contains(got[format], "org/c") {
			t.Errorf("%s does not name repository org/c:\n%s", format, got[format])
		}
	}
	if !strings.Contains(got[FormatText], "  at      org/a: app.env:1:7 (commit c1)") ||
		!strings.Contains(got[FormatText], " in 3 repositories.") {
		t.Errorf("text report:\n%s", got[FormatText])
	}
	if strings.Contains(got[FormatGitHub], "file=") {
		t.Errorf("a sweep's annotations name no file of this workspace:\n%s", got[FormatGitHub])
	}
	// A report of no sweep names no repository in its places.
	single := sweepShard("repo")
	single.Repositories = nil
	if out := writeAll(t, single, Options{}); strings.Contains(out[FormatText], "repo: app.env") {
		t.Errorf("a single repository's places should not name it:\n%s", out[FormatText])
	}
}

// sortedForCompare drops what a merge adds (its inputs), so that its
// formats can be compared with a scan's.
func (r *Report) sortedForCompare() *Report {
	c := *r
	c.Inputs = nil
	c.Findings = slices.Clone(r.Findings)
	for i := range c.Findings {
		c.Findings[i].Secret = detect.NewSecret([]byte(tokenSecret))
	}
	return &c
}
