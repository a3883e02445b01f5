package report

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/leakstop/leakstop/detect"
)

// Suppression says why a finding was accepted.
type Suppression struct {
	// Reason is what accepted it: inline, ignore-file, allowlist or
	// baseline.
	Reason string `json:"reason"`
	// By is where the suppression is written: the marker's path:line, or
	// FILE:LINE of an ignore file entry, an allowlist or a baseline entry.
	By string `json:"by,omitempty"`
	// Detail says what matched, for an allowlist: paths = "docs/**".
	Detail string `json:"detail,omitempty"`
}

// SuppressedFinding is a finding the user accepted, and why.
type SuppressedFinding struct {
	detect.Finding
	Suppression Suppression
}

// AddedSuppression is a suppression the scanned change (a range, a push,
// the index) adds: an inline marker on a line it added, or an entry that
// the head's version of a suppression file has and the base's lacks.
// Markers are in the scanned text and apply; file entries do not (the
// base's files apply, so that a change cannot accept its own leak).
type AddedSuppression struct {
	// Kind is inline, ignore-file, allowlist, baseline or disable.
	Kind   string `json:"kind"`
	Path   string `json:"path"`
	Line   int    `json:"line,omitempty"`
	Commit string `json:"commit,omitempty"`
	// Entry is what it says, never a secret: "leakstop:allow github-pat",
	// a fingerprint, `paths = "docs/**"`.
	Entry string `json:"entry"`
	// Applied is set for inline markers: they took effect in this run.
	Applied bool `json:"applied"`
	// Suppresses counts the findings of this run it suppressed (a marker)
	// or would suppress (a file entry) that nothing else accepts.
	Suppresses int `json:"suppresses"`
}

// reasonOrder lists the reasons in the order reports list them.
func reasonOrder() []string { return []string{"inline", "ignore-file", "allowlist", "baseline"} }

// suppressedText is "3 suppressed (2 inline, 1 allowlist)".
func (r *Report) suppressedText() string {
	s := fmt.Sprintf("%d suppressed", r.Suppressed)
	var parts []string
	for _, reason := range r.reasons() {
		parts = append(parts, fmt.Sprintf("%d %s", r.SuppressedBy[reason], reason))
	}
	if len(parts) > 0 {
		s += " (" + strings.Join(parts, ", ") + ")"
	}
	return s
}

// reasons lists the reasons that accepted something, known ones first.
func (r *Report) reasons() []string {
	var out []string
	known := reasonOrder()
	for _, reason := range known {
		if r.SuppressedBy[reason] > 0 {
			out = append(out, reason)
		}
	}
	var other []string
	for reason, n := range r.SuppressedBy {
		if n > 0 && !slices.Contains(known, reason) {
			other = append(other, reason)
		}
	}
	slices.Sort(other)
	return append(out, other...)
}

// addedInUse counts the added suppressions that accept a finding of the
// run.
func (r *Report) addedInUse() int {
	n := 0
	for _, a := range r.AddedSuppressions {
		if a.Suppresses > 0 {
			n++
		}
	}
	return n
}

// sortSuppressions puts the suppressed findings and added suppressions of
// r in report order.
func (r *Report) sortSuppressions(findingOrder func(a, b detect.Finding) int) {
	r.SuppressedFindings = slices.Clone(r.SuppressedFindings)
	slices.SortStableFunc(r.SuppressedFindings, func(a, b SuppressedFinding) int {
		return cmp.Or(findingOrder(a.Finding, b.Finding), cmp.Compare(a.Suppression.Reason, b.Suppression.Reason))
	})
	r.AddedSuppressions = slices.Clone(r.AddedSuppressions)
	slices.SortFunc(r.AddedSuppressions, func(a, b AddedSuppression) int {
		return cmp.Or(cmp.Compare(a.Path, b.Path), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Kind, b.Kind),
			cmp.Compare(a.Entry, b.Entry), cmp.Compare(a.Commit, b.Commit))
	})
}

// addedPlace is path:line and the commit, for people.
func addedPlace(a *AddedSuppression) string {
	s := clean(a.Path)
	if a.Line > 0 {
		s += ":" + strconv.Itoa(a.Line)
	}
	if a.Commit != "" {
		s += " (commit " + shortCommit(clean(a.Commit)) + ")"
	}
	return s
}

// addedEffect says what an added suppression does in this run.
func addedEffect(a *AddedSuppression) string {
	switch {
	case a.Applied && a.Suppresses > 0:
		return "suppresses " + plural(a.Suppresses, "finding")
	case a.Applied:
		return "suppresses nothing in this run"
	case a.Suppresses > 0:
		return "not applied; would suppress " + plural(a.Suppresses, "finding")
	}
	return "not applied; would suppress nothing in this run"
}

// suppressedBlocks writes, for the text report, the suppressed findings
// (when asked for) and the suppressions the change adds.
func (t *textWriter) suppressedBlocks(r *Report, opts Options) {
	if opts.ShowSuppressed && len(r.SuppressedFindings) > 0 {
		t.printf("Suppressed %s:\n", plural(len(r.SuppressedFindings), "finding"))
		for i := range r.SuppressedFindings {
			sf := &r.SuppressedFindings[i]
			secret := clean(sf.Preview)
			if opts.ShowSecrets {
				secret = t.style(ansiRed, clean(string(sf.Secret.Reveal())))
			}
			t.printf("  %s%s  %s  %s\n", clean(t.repo(&sf.Finding)), placeText(&sf.Finding), t.style(ansiBold, clean(sf.RuleID)), secret)
			why := sf.Suppression.Reason
			if sf.Suppression.By != "" {
				why += " at " + clean(sf.Suppression.By)
			}
			if sf.Suppression.Detail != "" {
				why += ": " + clean(sf.Suppression.Detail)
			}
			t.printf("    %s; fingerprint %s\n", why, t.style(ansiDim, sf.Fingerprint))
		}
		t.printf("\n")
	}
	if len(r.AddedSuppressions) > 0 {
		t.printf("%s\n", t.style(ansiYellow, fmt.Sprintf("Suppressions this change adds (%d):", len(r.AddedSuppressions))))
		for i := range r.AddedSuppressions {
			a := &r.AddedSuppressions[i]
			t.printf("  %s  %s  %s: %s\n", addedPlace(a), a.Kind, clean(a.Entry), addedEffect(a))
		}
		t.printf("\n")
	}
}

// summaryAdded writes, for the job summary, the suppressions the change
// adds.
func (r *Report) summaryAdded(p func(string, ...any)) {
	if len(r.AddedSuppressions) == 0 {
		return
	}
	p("#### Suppressions this change adds\n\n")
	p("Markers on added lines apply; entries added to `.leakstopignore`, `.leakstop.toml` or a baseline " +
		"apply only once the base branch has them.\n\n")
	p("| Place | Kind | Entry | Effect |\n| --- | --- | --- | --- |\n")
	for i, a := range r.AddedSuppressions {
		if i == maxSummaryFindings {
			p("\n… and %d more: the JSON report lists them all.\n", len(r.AddedSuppressions)-i)
			break
		}
		place := a.Path
		if a.Line > 0 {
			place += ":" + strconv.Itoa(a.Line)
		}
		p("| %s | %s | %s | %s |\n", mdCode(place), a.Kind, mdCode(a.Entry), mdText(addedEffect(&a)))
	}
	p("\n")
}

// addedAnnotations writes a workflow annotation on each added
// suppression: a warning where it hides a finding, a notice otherwise.
func (r *Report) addedAnnotations(w func(name string, props [][2]string, message string)) {
	for i := range r.AddedSuppressions {
		a := &r.AddedSuppressions[i]
		props := [][2]string{{"file", a.Path}}
		if a.Line > 0 {
			props = append(props, [2]string{"line", strconv.Itoa(a.Line)})
		}
		props = append(props, [2]string{"title", "leakstop: a suppression this change adds"})
		level := "notice"
		if a.Suppresses > 0 {
			level = "warning"
		}
		w(level, props, fmt.Sprintf("%s %s: %s", a.Kind, clean(a.Entry), addedEffect(a)))
	}
}
