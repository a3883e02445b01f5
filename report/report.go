// Package report writes a scan's findings, errors and skipped items in the
// formats people and machines read. Reports never contain a full secret
// unless Options.ShowSecrets is set, and are byte-for-byte deterministic
// for the same findings.
package report

import (
	"cmp"
	"fmt"
	"image"
	"io"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/leakstop/leakstop/detect"
)

// Tool names the program that wrote a report.
type Tool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// Problem is an item that could not be read: the scan is partial.
type Problem struct {
	Path  string `json:"path"`
	Error string `json:"error"`
}

// Skip is an item left out by a limit the user set or accepted.
type Skip struct {
	Path   string `json:"path"`
	Reason string `json:"reason"`
}

// Report is everything a run found and could not do.
type Report struct {
	Tool     Tool
	Findings []detect.Finding
	// Suppressed counts findings an allowlist, baseline or inline comment
	// accepted; SuppressedBy counts them by reason (inline, ignore-file,
	// allowlist, baseline), and SuppressedFindings lists them, with why
	// (written only with Options.ShowSuppressed).
	Suppressed         int
	SuppressedBy       map[string]int
	SuppressedFindings []SuppressedFinding
	// AddedSuppressions are the suppressions a scanned change adds (a
	// range, a push, the index).
	AddedSuppressions []AddedSuppression
	Errors            []Problem
	Skipped           []Skip
	// Partial is set when an item could not be read or the scan was
	// interrupted; Interrupted says it was (Ctrl-C, SIGTERM).
	Partial     bool
	Interrupted bool
	// Scanned counts the items read and Bytes their size.
	Scanned int
	Bytes   int64
	// RuleRank orders rules (catalog order) when findings share a
	// position; rules not in it sort after, by id.
	RuleRank map[string]int
	// Inputs lists the reports a merged report joins (Merge).
	Inputs []Input
	// Repositories names the repositories a sweep covered (git --repos),
	// those that could not be read included; nil for other runs. Places
	// then name their repository in every format.
	Repositories []string
	// Rotation says how the run's rotation webhook events ended; nil
	// when the run sends none.
	Rotation *Rotation
	// Thumbnails are small copies of the images holding findings read
	// with OCR, by image content id (detect.OCR.Image), for the HTML
	// report (--html-thumbnails); nil: none. The boxes of the findings
	// are painted over before one is shown.
	Thumbnails map[string]image.Image

	// sameSecret groups, in a report read back (Read, Merge), the
	// findings of one weak secret that has neither hash: their
	// fingerprints, each mapped to the group's least one. Only the
	// report's sprawl said which they are.
	sameSecret map[string]string
}

// Formats a report can be written in.
const (
	FormatText   = "text"
	FormatJSON   = "json"
	FormatSARIF  = "sarif"
	FormatCSV    = "csv"
	FormatJUnit  = "junit"
	FormatGitHub = "github"
	FormatHTML   = "html"
)

// Formats lists the supported formats.
func Formats() []string {
	return []string{FormatText, FormatJSON, FormatSARIF, FormatCSV, FormatJUnit, FormatGitHub, FormatHTML}
}

// Options change how a report is written.
type Options struct {
	// ShowSecrets writes secrets in full; otherwise only previews.
	ShowSecrets bool
	// ShowSuppressed lists the suppressed findings (text and json), with
	// the reason each was accepted.
	ShowSuppressed bool
	// Color uses ANSI colours (text only); set it only for a terminal.
	Color bool
	// Category is the SARIF runAutomationDetails.id: the category GitHub
	// code scanning files the run's alerts under, so that runs of different
	// kinds do not close each other's alerts ("leakstop/pr/",
	// "leakstop/push/", "leakstop/history/"). Empty: none.
	Category string
	// Summary, when set, receives the Markdown job summary along with the
	// github format's workflow commands (point it at $GITHUB_STEP_SUMMARY,
	// opened for appending). Nil: no summary.
	Summary io.Writer
}

// Write writes r to w in format.
func (r *Report) Write(w io.Writer, format string, opts Options) error {
	s := r.sorted()
	switch format {
	case FormatJSON:
		return s.writeJSON(w, opts)
	case FormatText:
		return s.writeText(w, opts)
	case FormatSARIF:
		return s.writeSARIF(w, opts, maxSARIFResults)
	case FormatCSV:
		return s.writeCSV(w, opts)
	case FormatJUnit:
		return s.writeJUnit(w, opts)
	case FormatGitHub:
		return s.writeGitHub(w, opts)
	case FormatHTML:
		return s.writeHTML(w, opts)
	}
	return fmt.Errorf("unknown report format %q (want one of %s)", format, strings.Join(Formats(), ", "))
}

// sorted returns a copy of r with findings, errors and skipped items in a
// fixed order: findings by path, line, column, then rule order.
func (r *Report) sorted() *Report {
	s := *r
	s.Findings = slices.Clone(r.Findings)
	s.Errors = slices.Clone(r.Errors)
	s.Skipped = slices.Clone(r.Skipped)
	s.Repositories = slices.Sorted(slices.Values(r.Repositories))
	rank := func(id string) int {
		if n, ok := r.RuleRank[id]; ok {
			return n
		}
		return len(r.RuleRank)
	}
	order := func(a, b detect.Finding) int {
		return cmp.Or(
			cmp.Compare(a.Path, b.Path),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Column, b.Column),
			cmp.Compare(rank(a.RuleID), rank(b.RuleID)),
			cmp.Compare(a.RuleID, b.RuleID),
			cmp.Compare(a.Source.Root, b.Source.Root),
			cmp.Compare(a.Source.Kind, b.Source.Kind),
			cmp.Compare(a.Source.Repo, b.Source.Repo),
			cmp.Compare(a.Source.Commit, b.Source.Commit),
			cmp.Compare(a.Fingerprint, b.Fingerprint),
		)
	}
	slices.SortStableFunc(s.Findings, order)
	s.sortSuppressions(order)
	slices.SortFunc(s.Errors, func(a, b Problem) int {
		return cmp.Or(cmp.Compare(a.Path, b.Path), cmp.Compare(a.Error, b.Error))
	})
	slices.SortFunc(s.Skipped, func(a, b Skip) int {
		return cmp.Or(cmp.Compare(a.Path, b.Path), cmp.Compare(a.Reason, b.Reason))
	})
	return &s
}

// group is one distinct secret and every finding of it, in report order.
type group struct {
	findings []*detect.Finding
}

func (g *group) first() *detect.Finding { return g.findings[0] }

// groups gathers r's sorted findings by secret: its SHA-256, else its
// HMAC, else (a weak secret without a hash key) the group a report read
// back gave it, or the rule and the secret itself, held in memory only.
// Groups come in the order of their first finding.
func (r *Report) groups() []*group {
	fs := r.Findings
	var out []*group
	index := map[string]*group{}
	for i := range fs {
		f := &fs[i]
		var key string
		switch {
		case f.SecretSHA256 != "":
			key = "sha256:" + f.SecretSHA256
		case f.SecretHMAC != "":
			key = "hmac:" + f.SecretHMAC
		case r.sameSecret[f.Fingerprint] != "":
			key = "same:" + r.sameSecret[f.Fingerprint]
		case f.Secret.Len() == 0: // read back without the secret: alone
			key = "place:" + f.Fingerprint
		default:
			key = "secret:" + f.RuleID + "\x00" + string(f.Secret.Reveal())
		}
		g, ok := index[key]
		if !ok {
			g = &group{}
			index[key] = g
			out = append(out, g)
		}
		g.findings = append(g.findings, f)
	}
	return out
}

// repoPrefix is "REPO: " for a place of a sweep (git --repos), so that
// every format names the repository a path is in; "" otherwise.
func (r *Report) repoPrefix(f *detect.Finding) string {
	if len(r.Repositories) == 0 || f.Source.Repo == "" {
		return ""
	}
	return f.Source.Repo + ": "
}

// shownPath is where a finding is for a person: the canonical path, under
// its root when the root is a folder other than the working directory, so
// the place can be opened as printed.
func shownPath(f *detect.Finding) string {
	o := f.Source
	if o.Root == "" || o.Kind != "file" {
		return f.Path
	}
	root := norm.NFC.String(filepath.ToSlash(filepath.Clean(o.Root)))
	if root == "." || root == f.Path { // the working directory, or a file root
		return f.Path
	}
	return path.Join(root, f.Path)
}
