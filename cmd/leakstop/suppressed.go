package main

import (
	"cmp"
	"errors"
	"fmt"
	"strings"

	"github.com/leakstop/leakstop/detect"
	"github.com/leakstop/leakstop/report"
	"github.com/leakstop/leakstop/source"
	"github.com/leakstop/leakstop/suppress"
)

// What a run's report says of suppressions: the findings accepted and
// why, what the scanned change adds, and whether that fails the run.

// noteApplied records, under the collector's lock, what Apply found in
// one fragment besides the findings.
func (c *collector) noteApplied(res suppress.Result) {
	c.markers = append(c.markers, res.Markers...)
	c.would = append(c.would, res.Would...)
}

// addedSuppressions lists the suppressions the scanned change adds: each
// inline marker on an added line, and each entry the head adds to a
// suppression file, with the findings each hides. c.mu is held.
func (c *collector) addedSuppressions() []report.AddedSuppression {
	type place struct {
		path, commit string
		line         int
	}
	var out []report.AddedSuppression
	index := map[place]int{}
	hidden := map[int]map[string]bool{}
	for _, m := range c.markers {
		k := place{m.Path, m.Commit, m.Line}
		i, ok := index[k]
		if !ok {
			entry := suppress.Marker
			if m.Marker != "" {
				entry = m.Marker
			}
			if len(m.Rules) > 0 {
				entry += " " + strings.Join(m.Rules, ",")
			}
			i = len(out)
			index[k] = i
			hidden[i] = map[string]bool{}
			out = append(out, report.AddedSuppression{Kind: suppress.Inline.String(), Path: m.Path, Line: m.Line, Commit: m.Commit, Entry: entry, Applied: true})
		}
		for _, fp := range m.Accepted {
			hidden[i][fp] = true
		}
	}
	var proposed []*suppress.Proposed
	if c.filter != nil {
		proposed = c.filter.Proposed
	}
	first := len(out)
	for j, p := range proposed {
		hidden[first+j] = map[string]bool{}
		out = append(out, report.AddedSuppression{Kind: p.Kind, Path: p.File, Line: p.Line, Commit: p.Commit, Entry: p.Entry})
	}
	for _, w := range c.would {
		hidden[first+w.Proposal][w.Fingerprint] = true
	}
	for i := range out {
		out[i].Suppresses = len(hidden[i])
	}
	return out
}

// suppressedFindings lists accepted findings as the report lists
// findings: one per secret per path across a history's versions, each
// with why it was accepted. A secret at a path that is reported anyway
// (another version of the file lacks the inline marker) is not listed.
func suppressedFindings(accepted []suppress.Accepted, reported []detect.Finding) []report.SuppressedFinding {
	type key struct{ repo, fingerprint string }
	inHistory := func(f detect.Finding) bool { return f.Source.Kind == source.KindGit && f.Source.Commit != "" }
	shown := map[key]bool{}
	for _, f := range reported {
		if inHistory(f) {
			shown[key{f.Source.Repo, f.Fingerprint}] = true
		}
	}
	type at struct{ root, repo, path, commit, fingerprint string }
	placeOf := func(f detect.Finding) at {
		return at{f.Source.Root, f.Source.Repo, f.Path, f.Source.Commit, f.Fingerprint}
	}
	why := map[at]suppress.Accepted{} // the first reason, whatever order workers ran in
	fs := make([]detect.Finding, len(accepted))
	for i, a := range accepted {
		fs[i] = a.Finding
		k := placeOf(a.Finding)
		if prev, ok := why[k]; !ok || cmp.Or(cmp.Compare(a.Reason, prev.Reason), cmp.Compare(a.By, prev.By), cmp.Compare(a.Detail, prev.Detail)) < 0 {
			why[k] = a
		}
	}
	var out []report.SuppressedFinding
	for _, f := range detect.MergeVersions(fs) {
		if inHistory(f) && shown[key{f.Source.Repo, f.Fingerprint}] {
			continue
		}
		a := why[placeOf(f)]
		out = append(out, report.SuppressedFinding{Finding: f,
			Suppression: report.Suppression{Reason: a.Reason.String(), By: a.By, Detail: a.Detail}})
	}
	return out
}

// countByReason counts suppressed findings by reason.
func countByReason(sf []report.SuppressedFinding) map[string]int {
	out := map[string]int{}
	for _, f := range sf {
		out[f.Suppression.Reason]++
	}
	return out
}

// addedSuppressionsError says a change adds suppressions that hide
// findings of the run (--fail-on-new-suppressions): exit 1.
type addedSuppressionsError struct {
	n       int
	partial *partialError
}

func (e *addedSuppressionsError) Error() string {
	return fmt.Sprintf("the change adds %s hiding findings (--fail-on-new-suppressions)", plural(e.n, "suppression"))
}

// failOnAdded passes on how a run ended, unless --fail-on-new-suppressions
// is given and the change adds suppressions that hide findings: then the
// run fails (exit 1), unless it already fails on findings.
func failOnAdded(err error, rep *report.Report, o scanOptions) error {
	if !o.FailOnNewSuppressions {
		return err
	}
	n := 0
	for _, a := range rep.AddedSuppressions {
		if a.Suppresses > 0 {
			n++
		}
	}
	var fe *findingsError
	if n == 0 || (errors.As(err, &fe) && fe.code != exitClean) {
		return err
	}
	ae := &addedSuppressionsError{n: n}
	if !errors.As(err, &ae.partial) && fe != nil {
		ae.partial = fe.partial
	}
	return ae
}
