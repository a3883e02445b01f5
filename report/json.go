package report

import (
	"encoding/json"
	"io"
	"time"

	"github.com/leakstop/leakstop/detect"
	"github.com/leakstop/leakstop/rules"
	"github.com/leakstop/leakstop/source"
)

// Schema is the version of the JSON report. Within a version fields are
// only added, never renamed or removed. Schema 2 added what a merge needs
// to write every other format as the scan would have: each finding's
// root, the rules' catalog order, and the inputs of a merged report.
const Schema = 2

type jsonReport struct {
	Schema  int  `json:"schema"`
	Tool    Tool `json:"tool"`
	Partial bool `json:"partial"`
	// Interrupted says the scan was stopped before its end (Ctrl-C):
	// what it had not reached is not in the report.
	Interrupted bool          `json:"interrupted,omitempty"`
	Errors      []Problem     `json:"errors"`
	Summary     jsonSummary   `json:"summary"`
	Findings    []jsonFinding `json:"findings"`
	Skipped     []Skip        `json:"skipped"`
	Sprawl      []jsonSprawl  `json:"sprawl"`
	// AddedSuppressions are the suppressions a scanned change adds;
	// Suppressed, only with --show-suppressed, the accepted findings.
	AddedSuppressions []AddedSuppression `json:"added_suppressions"`
	Suppressed        *[]jsonSuppressed  `json:"suppressed,omitempty"`
	// RuleOrder is each reported rule's place in the catalog the scan
	// used: findings at one position, and SARIF's rules, come in this
	// order.
	RuleOrder map[string]int `json:"rule_order"`
	// MergedFrom lists the reports a merged report joins.
	MergedFrom []Input `json:"merged_from,omitempty"`
	// Repositories names the repositories of a sweep (git --repos),
	// sorted.
	Repositories []string `json:"repositories,omitempty"`
}

// jsonSuppressed is an accepted finding and why it was accepted.
type jsonSuppressed struct {
	jsonFinding
	Suppression Suppression `json:"suppression"`
}

type jsonSummary struct {
	Findings   int `json:"findings"`
	Secrets    int `json:"secrets"`
	Suppressed int `json:"suppressed"`
	// SuppressedByReason counts the suppressed findings by reason.
	SuppressedByReason map[string]int `json:"suppressed_by_reason"`
	// AddedSuppressions counts the suppressions the change adds, and
	// AddedInUse those that accept a finding of the run.
	AddedSuppressions int            `json:"added_suppressions"`
	AddedInUse        int            `json:"added_suppressions_in_use"`
	Errors            int            `json:"errors"`
	Skipped           int            `json:"skipped"`
	ScannedItems      int            `json:"scanned_items"`
	ScannedBytes      int64          `json:"scanned_bytes"`
	Repositories      int            `json:"repositories,omitempty"` // of a sweep
	ByRule            map[string]int `json:"by_rule"`
	BySeverity        map[string]int `json:"by_severity"`
	// Rotation is there when the run called a rotation webhook.
	Rotation *Rotation `json:"rotation,omitempty"`
	// Verification counts the findings by live check result (--verify).
	Verification *VerificationCounts `json:"verification,omitempty"`
}

// jsonFinding is a finding as detect marshals it, plus the root its path
// is relative to (as the user gave it) and the secret itself when the
// user asked for it.
type jsonFinding struct {
	detect.Finding
	Root   string `json:"root,omitempty"`
	Secret string `json:"secret,omitempty"`
}

// jsonSprawl is one secret and every place it was seen (see sprawl).
type jsonSprawl struct {
	SecretSHA256 string      `json:"secret_sha256,omitempty"`
	SecretHMAC   string      `json:"secret_hmac,omitempty"`
	RuleID       string      `json:"rule_id"`
	Places       []jsonPlace `json:"places"`
	// FirstSeen and LastSeen are the earliest and latest dates of the
	// places (commits, file modification times, messages); null when no
	// place has a date.
	FirstSeen *time.Time `json:"first_seen"`
	LastSeen  *time.Time `json:"last_seen"`
	// Severity is the highest of the places', Status the strongest,
	// Preview the redacted secret.
	Severity rules.Severity `json:"severity"`
	Status   detect.Status  `json:"status"`
	Preview  string         `json:"preview"`
	// Count is the number of places, Kinds their kinds of place (git,
	// file, archive, slack, …); Present says whether the secret is still
	// in one of them (at HEAD, on disk, in the export), PresentPlaces in
	// how many.
	Count         int      `json:"count"`
	Kinds         []string `json:"kinds"`
	Present       bool     `json:"present"`
	PresentPlaces int      `json:"present_places"`
}

type jsonPlace struct {
	Kind        string `json:"kind"`
	Repo        string `json:"repo,omitempty"`
	Path        string `json:"path"`
	Line        int    `json:"line"`
	Lines       []int  `json:"lines"`
	Commit      string `json:"commit,omitempty"`
	Fingerprint string `json:"fingerprint"`
	// PlaceKind is the kind of place (git, file, archive, slack, or the
	// origin's kind); Date when it was seen, Present whether the secret
	// is still there; Channel, TS and Permalink place a Slack message;
	// URL is the place's web page (the file at its commit on the
	// repository's forge, the message) when known.
	PlaceKind string     `json:"place_kind"`
	Date      *time.Time `json:"date,omitempty"`
	Present   bool       `json:"present"`
	Channel   string     `json:"channel,omitempty"`
	TS        string     `json:"ts,omitempty"`
	Permalink string     `json:"permalink,omitempty"`
	URL       string     `json:"url,omitempty"`
}

// writeJSON writes schema 2 (DESIGN.md); r is sorted.
func (r *Report) writeJSON(w io.Writer, opts Options) error {
	out := jsonReport{
		Schema:  Schema,
		Tool:    r.Tool,
		Partial: r.Partial,
		Errors:  nonNil(r.Errors),

		Interrupted: r.Interrupted,
		Findings:    make([]jsonFinding, 0, len(r.Findings)),
		Skipped:     nonNil(r.Skipped),
		Sprawl:      []jsonSprawl{},

		RuleOrder:    map[string]int{},
		MergedFrom:   r.Inputs,
		Repositories: r.Repositories,

		AddedSuppressions: nonNil(r.AddedSuppressions),
	}
	gs := r.groups()
	out.Summary = jsonSummary{
		Findings:   len(r.Findings),
		Secrets:    len(gs),
		Suppressed: r.Suppressed,

		SuppressedByReason: map[string]int{},
		AddedSuppressions:  len(r.AddedSuppressions),
		AddedInUse:         r.addedInUse(),
		Errors:             len(r.Errors),
		Skipped:            len(r.Skipped),
		ScannedItems:       r.Scanned,
		ScannedBytes:       r.Bytes,
		Repositories:       len(r.Repositories),
		ByRule:             map[string]int{},
		BySeverity:         map[string]int{},
		Rotation:           r.Rotation,
		Verification:       r.verificationCounts(),
	}
	for _, f := range r.Findings {
		jf := jsonFinding{Finding: f, Root: f.Source.Root}
		if isSlack(&f) && f.Source.File != "" {
			// The line of the export's file that holds this line of the
			// message (the source's map of lines is not written).
			jf.Source.FileLine = slackFileLine(&f, f.Line)
		}
		if opts.ShowSecrets {
			jf.Secret = string(f.Secret.Reveal())
		}
		out.Findings = append(out.Findings, jf)
		out.Summary.ByRule[f.RuleID]++
		out.Summary.BySeverity[f.Severity.String()]++
		if n, ok := r.RuleRank[f.RuleID]; ok {
			out.RuleOrder[f.RuleID] = n
		}
	}
	for _, g := range gs {
		out.Sprawl = append(out.Sprawl, sprawlOf(g))
	}
	for reason, n := range r.SuppressedBy {
		out.Summary.SuppressedByReason[reason] = n
	}
	if opts.ShowSuppressed {
		list := make([]jsonSuppressed, 0, len(r.SuppressedFindings))
		for _, sf := range r.SuppressedFindings {
			js := jsonSuppressed{jsonFinding: jsonFinding{Finding: sf.Finding, Root: sf.Source.Root}, Suppression: sf.Suppression}
			if opts.ShowSecrets {
				js.Secret = string(sf.Secret.Reveal())
			}
			list = append(list, js)
		}
		out.Suppressed = &list
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

func sprawlOf(g *group) jsonSprawl {
	sp := sprawlOfGroup(g)
	first := g.first()
	s := jsonSprawl{
		SecretSHA256: first.SecretSHA256, SecretHMAC: first.SecretHMAC, RuleID: first.RuleID,
		Severity: sp.severity, Status: sp.status, Preview: first.Preview,
		Count: len(sp.places), Kinds: sp.kinds, Present: sp.present > 0, PresentPlaces: sp.present,
	}
	if !sp.firstSeen.IsZero() {
		s.FirstSeen, s.LastSeen = &sp.firstSeen, &sp.lastSeen
	}
	for _, p := range sp.places {
		f := p.f
		jp := jsonPlace{
			Kind: f.Source.Kind, Repo: f.Source.Repo, Path: f.Path, Line: f.Line,
			Lines: nonNil(f.Lines), Commit: f.Source.Commit, Fingerprint: f.Fingerprint,
			PlaceKind: p.kind, Present: p.present, URL: p.url(),
		}
		if !p.date.IsZero() {
			jp.Date = &p.date
		}
		if f.Source.Kind == source.KindSlack {
			jp.Channel, jp.TS, jp.Permalink = f.Source.Channel, f.Source.TS, p.permalink()
		}
		s.Places = append(s.Places, jp)
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
