package report

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/leakstop/leakstop/detect"
	"github.com/leakstop/leakstop/rules"
	"github.com/leakstop/leakstop/source"
)

// writeAll writes r in every format (the github format with its job
// summary), so two reports can be compared as a reader sees them.
func writeAll(t *testing.T, r *Report, opts Options) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, format := range Formats() {
		var buf, summary bytes.Buffer
		o := opts
		o.Summary = &summary
		if err := r.Write(&buf, format, o); err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		out[format] = buf.String()
		if format == FormatGitHub {
			out["summary"] = summary.String()
		}
	}
	return out
}

func readBack(t *testing.T, name string, r *Report, opts Options) *Report {
	t.Helper()
	var buf bytes.Buffer
	if err := r.Write(&buf, FormatJSON, opts); err != nil {
		t.Fatal(err)
	}
	back, err := Read(name, buf.Bytes())
	if err != nil {
		t.Fatalf("Read: %v\n%s", err, buf.Bytes())
	}
	return back
}

func diffOutputs(t *testing.T, got, want map[string]string) {
	t.Helper()
	for format, w := range want {
		if got[format] != w {
			t.Errorf("%s differs:\n--- got\n%s\n--- want\n%s", format, got[format], w)
		}
	}
}

// A JSON report holds everything every format needs: read back, it
// writes every format byte for byte as the run did, with and without
// the secrets (a weak secret without a hash too, grouped by the sprawl).
func TestReadRoundTrip(t *testing.T) {
	for _, opts := range []Options{
		{},
		{ShowSecrets: true},
		{ShowSuppressed: true, Category: "leakstop/pr/"},
	} {
		t.Run(fmt.Sprintf("%+v", opts), func(t *testing.T) {
			back := readBack(t, "run.json", sample(), opts)
			back.Inputs = nil // a report read back lists itself as its input
			diffOutputs(t, writeAll(t, back, opts), writeAll(t, sample(), opts))
		})
	}
}

// splitSample splits sample() into two shards that overlap in one
// finding, one error and one skipped item, as two scans of overlapping
// targets would.
func splitSample() (a, b *Report) {
	s := sample()
	a, b = sample(), sample()
	a.Findings, b.Findings = s.Findings[:3], s.Findings[2:]
	a.Errors, b.Errors = s.Errors, s.Errors[1:]
	a.Skipped, b.Skipped = s.Skipped, s.Skipped
	a.Suppressed, b.Suppressed = 1, 1
	a.SuppressedBy, b.SuppressedBy = map[string]int{"inline": 1}, map[string]int{"allowlist": 1}
	a.SuppressedFindings, b.SuppressedFindings = s.SuppressedFindings[1:], s.SuppressedFindings[:1]
	a.AddedSuppressions, b.AddedSuppressions = s.AddedSuppressions, s.AddedSuppressions[1:]
	a.Scanned, b.Scanned = 40, 2
	a.Bytes, b.Bytes = 123000, 456
	a.Partial = false
	a.RuleRank = map[string]int{"fake-private-key": 1, "generic-password": 2, "acme-token": 0}
	b.RuleRank = map[string]int{"acme-token": 0, "fake-private-key": 1}
	return a, b
}

// Two shards merged write every format as the whole run did.
func TestMergeShards(t *testing.T) {
	for _, opts := range []Options{{}, {ShowSecrets: true}, {ShowSuppressed: true}} {
		t.Run(fmt.Sprintf("%+v", opts), func(t *testing.T) {
			a, b := splitSample()
			merged := Merge(readBack(t, "a.json", a, opts), readBack(t, "b.json", b, opts))
			want := []Input{
				{Report: "a.json", Tool: a.Tool, Partial: false, Findings: 3},
				{Report: "b.json", Tool: b.Tool, Partial: true, Findings: 3},
			}
			if !slices.Equal(merged.Inputs, want) {
				t.Errorf("inputs %+v, want %+v", merged.Inputs, want)
			}
			var js bytes.Buffer
			if err := merged.Write(&js, FormatJSON, opts); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(js.String(), `"merged_from": [`) || !strings.Contains(js.String(), `"report": "b.json"`) {
				t.Errorf("JSON lacks merged_from:\n%s", js.String())
			}
			merged.Inputs = nil
			diffOutputs(t, writeAll(t, merged, opts), writeAll(t, sample(), opts))
		})
	}
}

// The order of the inputs changes nothing but the list of inputs.
func TestMergeOrder(t *testing.T) {
	a, b := splitSample()
	ab := Merge(readBack(t, "a.json", a, Options{}), readBack(t, "b.json", b, Options{}))
	ba := Merge(readBack(t, "b.json", b, Options{}), readBack(t, "a.json", a, Options{}))
	ab.Inputs, ba.Inputs = nil, nil
	diffOutputs(t, writeAll(t, ba, Options{}), writeAll(t, ab, Options{}))
}

// A weak secret without a hash seen by two shards at two paths: each
// shard's sprawl groups its places, and the place both saw joins them.
func TestMergeWeakSecretGroups(t *testing.T) {
	file := func(p string) source.Origin { return source.Origin{Kind: source.KindFile, Path: p, Root: "."} }
	mk := func(paths ...string) *Report {
		r := &Report{Tool: Tool{Name: "leakstop", Version: "test"}}
		for _, p := range paths {
			r.Findings = append(r.Findings, finding("generic-password", rules.SeverityMedium, weakSecret, file(p), 1, 1))
		}
		// Another weak secret of the same rule: a group of its own.
		other := finding("generic-password", rules.SeverityMedium, "swordfish-42", file("z.ini"), 1, 1)
		other.SecretSHA256, other.Weak = "", true
		r.Findings = append(r.Findings, other)
		return r
	}
	merged := Merge(readBack(t, "a.json", mk("a.ini", "b.ini"), Options{}), readBack(t, "b.json", mk("b.ini", "c.ini"), Options{}))
	if gs := merged.sorted().groups(); len(gs) != 2 || len(gs[0].findings) != 3 {
		var sizes []int
		for _, g := range gs {
			sizes = append(sizes, len(g.findings))
		}
		t.Errorf("groups of sizes %v, want [3 1]", sizes)
	}
}

// One secret at one path of one repository, in two shards of its history:
// one finding, introduced by the earlier commit, carrying the other's.
func TestMergeHistory(t *testing.T) {
	at := func(commit string, day int, others ...string) detect.Finding {
		o := source.Origin{Kind: "git", Path: "app.env", Root: "repo", Repo: "repo", Commit: commit,
			Date: time.Date(2024, 1, day, 0, 0, 0, 0, time.UTC), Commits: others, CommitCount: 1 + len(others)}
		f := finding("acme-token", rules.SeverityHigh, tokenSecret, o, 3, 7)
		f.Fingerprint = "fp" // the same secret at the same path
		return f
	}
	tests := []struct {
		name        string
		a, b        detect.Finding
		wantCommit  string
		wantCommits []string
		wantCount   int
	}{
		{"disjoint", at("c3", 3, "c4"), at("c1", 1, "c2"), "c1", []string{"c2", "c3", "c4"}, 4},
		{"same history twice", at("c1", 1, "c2"), at("c1", 1, "c2"), "c1", []string{"c2"}, 2},
		{"overlapping", at("c1", 1, "c2"), at("c2", 2, "c3"), "c1", []string{"c2", "c3"}, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ra := &Report{Findings: []detect.Finding{tt.a}, Scanned: 1}
			rb := &Report{Findings: []detect.Finding{tt.b}, Scanned: 1}
			m := Merge(ra, rb)
			if len(m.Findings) != 1 {
				t.Fatalf("%d findings, want 1", len(m.Findings))
			}
			o := m.Findings[0].Source
			if o.Commit != tt.wantCommit || !slices.Equal(o.Commits, tt.wantCommits) || o.CommitCount != tt.wantCount {
				t.Errorf("commit %s, commits %v (%d), want %s, %v (%d)", o.Commit, o.Commits, o.CommitCount,
					tt.wantCommit, tt.wantCommits, tt.wantCount)
			}
			if m.Scanned != 2 {
				t.Errorf("scanned %d, want 2", m.Scanned)
			}
		})
	}
	// The same path under two scanned roots is two places.
	a, b := at("c1", 1), at("c1", 1)
	b.Source.Root, b.Source.Repo = "other", "other"
	if m := Merge(&Report{Findings: []detect.Finding{a}}, &Report{Findings: []detect.Finding{b}}); len(m.Findings) != 2 {
		t.Errorf("%d findings for two repositories, want 2", len(m.Findings))
	}
}

func TestReadErrors(t *testing.T) {
	var good bytes.Buffer
	if err := sample().Write(&good, FormatJSON, Options{}); err != nil {
		t.Fatal(err)
	}
	var sarif bytes.Buffer
	if err := sample().Write(&sarif, FormatSARIF, Options{}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, data, want string
	}{
		{"empty", "", "shard.json:1:1: not JSON: unexpected end of JSON input"},
		{"truncated", good.String()[:200], "not JSON: unexpected end of JSON input"},
		{"bad syntax", "{\n  \"schema\": 2,\n  \"tool\": }\n", "shard.json:3:11: not JSON: invalid character '}'"},
		{"not an object", "[1, 2]", "shard.json:1:1: not a leakstop JSON report: the document is array, want an object"},
		{"no schema", `{"findings": []}`, `shard.json: not a leakstop JSON report: it has no "schema"`},
		{"sarif", sarif.String(), `shard.json: not a leakstop JSON report: it has no "schema"`},
		{"schema 1", `{"schema": 1, "tool": {"name": "leakstop", "version": "v0.1.0"}}`, "shard.json: JSON report schema 1 (leakstop v0.1.0); this leakstop reads schema 2"},
		{"schema text", `{"schema": "2"}`, `shard.json: not a leakstop JSON report: "schema" is "2", not a number`},
		{"other tool", `{"schema": 2, "tool": {"name": "gitleaks"}}`, `written by "gitleaks"`},
		{"bad severity", `{"schema": 2, "findings": [{"rule_id": "x", "fingerprint": "f", "severity": "dire"}]}`, `shard.json: findings[0]: unknown severity "dire"`},
		{"no fingerprint", `{"schema": 2, "findings": [{"rule_id": "x", "severity": "low"}]}`, "shard.json: findings[0]: no fingerprint"},
		{"wrong type", "{\"schema\": 2,\n \"findings\": {}}", "shard.json:2:14: not a leakstop JSON report: findings is object, want a list"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read("shard.json", []byte(tt.data))
			var re *ReadError
			if !errors.As(err, &re) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want %q", err, tt.want)
			}
		})
	}
}

// FuzzRead: any bytes are a report or a ReadError, never a panic; a
// report read back writes every format.
func FuzzRead(f *testing.F) {
	var buf bytes.Buffer
	if err := sample().Write(&buf, FormatJSON, Options{ShowSecrets: true, ShowSuppressed: true}); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add([]byte(`{"schema": 2, "findings": [{"rule_id": "x", "fingerprint": "f", "severity": "low", "source": {"kind": "git", "commit": "c"}}]}`))
	f.Add([]byte(`{"schema": 2, "sprawl": [{"places": [{"fingerprint": "a"}, {"fingerprint": "b"}]}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := Read("fuzz.json", data)
		if err != nil {
			var re *ReadError
			if !errors.As(err, &re) {
				t.Fatalf("error of type %T: %v", err, err)
			}
			return
		}
		m := Merge(r, r)
		for _, format := range Formats() {
			if err := m.Write(&bytes.Buffer{}, format, Options{Summary: &bytes.Buffer{}}); err != nil {
				t.Fatalf("%s: %v", format, err)
			}
		}
	})
}

// Rotation webhook deliveries of the shards add up; the spool is named
// only when every shard used the same.
func TestMergeRotation(t *testing.T) {
	a := &Report{Rotation: &Rotation{Delivered: 2, Spooled: 1, Spool: "/var/spool/a"}}
	b := &Report{Rotation: &Rotation{Delivered: 1, Refused: 1, Spool: "/var/spool/a"}}
	c := &Report{}
	m := Merge(a, c, b)
	if want := (Rotation{Delivered: 3, Refused: 1, Spooled: 1, Spool: "/var/spool/a"}); m.Rotation == nil || *m.Rotation != want {
		t.Errorf("rotation %+v, want %+v", m.Rotation, want)
	}
	b.Rotation.Spool = "/var/spool/b"
	if m := Merge(a, b); m.Rotation.Spool != "" {
		t.Errorf("spool %q of two spools", m.Rotation.Spool)
	}
	if m := Merge(c, c); m.Rotation != nil {
		t.Errorf("rotation %+v of runs without webhook", m.Rotation)
	}
	back := readBack(t, "a.json", &Report{Tool: Tool{Name: "leakstop"}, Rotation: a.Rotation}, Options{})
	if back.Rotation == nil || *back.Rotation != *a.Rotation {
		t.Errorf("read back: rotation %+v", back.Rotation)
	}
}
