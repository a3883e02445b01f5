package report

import (
	"encoding/json"
	"io"
	"time"

	"github.com/leakstop/leakstop/detect"
)

// Schema is the version of the JSON report. Within a version fields are
// only added, never renamed or removed.
const Schema = 1

type jsonReport struct {
	Schema   int           `json:"schema"`
	Tool     Tool          `json:"tool"`
	Partial  bool          `json:"partial"`
	Errors   []Problem     `json:"errors"`
	Summary  jsonSummary   `json:"summary"`
	Findings []jsonFinding `json:"findings"`
	Skipped  []Skip        `json:"skipped"`
	Sprawl   []jsonSprawl  `json:"sprawl"`
}

type jsonSummary struct {
	Findings     int            `json:"findings"`
	Secrets      int            `json:"secrets"`
	Suppressed   int            `json:"suppressed"`
	Errors       int            `json:"errors"`
	Skipped      int            `json:"skipped"`
	ScannedItems int            `json:"scanned_items"`
	ScannedBytes int64          `json:"scanned_bytes"`
	ByRule       map[string]int `json:"by_rule"`
	BySeverity   map[string]int `json:"by_severity"`
}

// jsonFinding is a finding as detect marshals it, plus the secret itself
// when the user asked for it.
type jsonFinding struct {
	detect.Finding
	Secret string `json:"secret,omitempty"`
}

// jsonSprawl is one secret and every place it was seen.
type jsonSprawl struct {
	SecretSHA256 string      `json:"secret_sha256,omitempty"`
	SecretHMAC   string      `json:"secret_hmac,omitempty"`
	RuleID       string      `json:"rule_id"`
	Places       []jsonPlace `json:"places"`
	// FirstSeen and LastSeen are the earliest and latest dates of the
	// places (commits, messages); null when no place has a date.
	FirstSeen *time.Time `json:"first_seen"`
	LastSeen  *time.Time `json:"last_seen"`
}

type jsonPlace struct {
	Kind        string `json:"kind"`
	Repo        string `json:"repo,omitempty"`
	Path        string `json:"path"`
	Line        int    `json:"line"`
	Lines       []int  `json:"lines"`
	Commit      string `json:"commit,omitempty"`
	Fingerprint string `json:"fingerprint"`
}

// writeJSON writes schema 1 (DESIGN.md); r is sorted.
func (r *Report) writeJSON(w io.Writer, opts Options) error {
	out := jsonReport{
		Schema:   Schema,
		Tool:     r.Tool,
		Partial:  r.Partial,
		Errors:   nonNil(r.Errors),
		Findings: make([]jsonFinding, 0, len(r.Findings)),
		Skipped:  nonNil(r.Skipped),
		Sprawl:   []jsonSprawl{},
	}
	gs := groups(r.Findings)
	out.Summary = jsonSummary{
		Findings:     len(r.Findings),
		Secrets:      len(gs),
		Suppressed:   r.Suppressed,
		Errors:       len(r.Errors),
		Skipped:      len(r.Skipped),
		ScannedItems: r.Scanned,
		ScannedBytes: r.Bytes,
		ByRule:       map[string]int{},
		BySeverity:   map[string]int{},
	}
	for _, f := range r.Findings {
		jf := jsonFinding{Finding: f}
		if opts.ShowSecrets {
			jf.Secret = string(f.Secret.Reveal())
		}
		out.Findings = append(out.Findings, jf)
		out.Summary.ByRule[f.RuleID]++
		out.Summary.BySeverity[f.Severity.String()]++
	}
	for _, g := range gs {
		out.Sprawl = append(out.Sprawl, sprawlOf(g))
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

func sprawlOf(g *group) jsonSprawl {
	first := g.first()
	s := jsonSprawl{SecretSHA256: first.SecretSHA256, SecretHMAC: first.SecretHMAC, RuleID: first.RuleID}
	for _, f := range g.findings {
		s.Places = append(s.Places, jsonPlace{
			Kind: f.Source.Kind, Repo: f.Source.Repo, Path: f.Path, Line: f.Line,
			Lines: nonNil(f.Lines), Commit: f.Source.Commit, Fingerprint: f.Fingerprint,
		})
		if d := f.Source.Date; !d.IsZero() {
			if s.FirstSeen == nil || d.Before(*s.FirstSeen) {
				s.FirstSeen = &d
			}
			if s.LastSeen == nil || d.After(*s.LastSeen) {
				s.LastSeen = &d
			}
		}
	}
	return s
}

// nonNil makes an empty list marshal as [] rather than null.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
