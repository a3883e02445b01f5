package gitleaks

import (
	"fmt"
	"slices"
	"strings"
)

// outRule is a [[rules]] table of the converted config.
type outRule struct {
	from        string // FILE:LINE of the gitleaks rule
	gitleaksID  string
	ID          string
	Description string
	Keywords    []string
	Regex       string
	Entropy     float64
	Tags        []string
	Window      int // 0: default
	Requires    *outRequires
	notes       []string // differences, written as comments
}

type outRequires struct {
	ID          string
	WithinLines int
}

// ruleKind says what a gitleaks [[rules]] table is.
type ruleKind int

const (
	ruleImported ruleKind = iota // a rule of its own: converted
	ruleCovered                  // a copy or extension of a default rule leakstop covers
	ruleRefused
)

// rules converts the [[rules]] tables. Ids are settled first, so that
// required rules and allowlists' targetRules can name imported rules
// whatever their order.
func (c *converter) rules() {
	kinds := make([]ruleKind, len(c.cfg.Rules))
	newIDs := make([]string, len(c.cfg.Rules))
	idWhy := make([]string, len(c.cfg.Rules))
	for i, r := range c.cfg.Rules {
		to, mapped := c.mapping[r.ID]
		switch {
		case r.ID == "":
			kinds[i] = ruleRefused
		case r.Regex == "":
			kinds[i] = ruleRefused
			if mapped {
				kinds[i] = ruleCovered
				c.ids[r.ID] = to
			}
		case mapped && c.standalone:
			kinds[i] = ruleCovered
			c.ids[r.ID] = to
		default:
			newIDs[i], idWhy[i] = c.leakstopID(r.ID)
			c.ids[r.ID] = []string{newIDs[i]}
		}
	}
	for i, r := range c.cfg.Rules {
		what := fmt.Sprintf("%q", r.ID)
		var scope []string
		switch kinds[i] {
		case ruleRefused:
			why := "has neither regex nor path (gitleaks refuses it too)"
			switch {
			case r.ID == "":
				why = "has no id"
			case r.Path != "" && r.Regex == "":
				why = "matches files by their path alone; leakstop's rules find secrets in content (list such files with your own check)"
			case c.cfg.Extend != nil && c.cfg.Extend.UseDefault:
				why = "changes gitleaks' default rule " + r.ID + ", and no leakstop rule finds the same credential"
			}
			c.note(r.line, KindRule, what, Refused, why)
			c.refuseRuleAllowlists(r, "its rule is not converted")
			continue
		case ruleCovered:
			scope = c.ids[r.ID]
			why := "leakstop's " + strings.Join(scope, ", ") + " " + finds(scope) + " the same credential"
			if r.Regex != "" {
				why = "a copy of gitleaks' default rule: " + why + "; its regex is not imported"
			}
			c.note(r.line, KindRule, what, Covered, why)
			if r.Regex == "" {
				c.refuseChanges(r, scope)
			}
		case ruleImported:
			out, o, why := c.importRule(r, newIDs[i], idWhy[i])
			if out == nil {
				c.note(r.line, KindRule, what, Refused, why)
				c.refuseRuleAllowlists(r, "its rule is not converted")
				delete(c.ids, r.ID)
				continue
			}
			c.rulesOut = append(c.rulesOut, out)
			c.note(r.line, KindRule, what, o, why)
			scope = []string{out.ID}
		}
		for _, a := range ruleAllowlists(r) {
			c.allowlist(a, scope, fmt.Sprintf("of rule %q", r.ID))
		}
	}
	converted := map[string]bool{}
	for _, r := range c.rulesOut {
		converted[r.ID] = true
	}
	for _, r := range c.rulesOut {
		if r.Requires != nil && !converted[r.Requires.ID] {
			c.notes = append(c.notes, Note{Where: r.from, Kind: KindSetting, What: fmt.Sprintf("required rule of %q", r.gitleaksID),
				Outcome: Refused, Why: "the rule it requires is not converted, so it reports without it"})
			r.Requires = nil
		}
	}
}

// ruleAllowlists returns a rule's allowlists in either form.
func ruleAllowlists(r rule) []allowlist {
	out := slices.Clone(r.Allowlists)
	if r.Allowlist != nil {
		out = append(out, *r.Allowlist)
	}
	return out
}

func (c *converter) refuseRuleAllowlists(r rule, why string) {
	for _, a := range ruleAllowlists(r) {
		c.note(a.line, KindAllowlist, fmt.Sprintf("of rule %q", r.ID), Refused, why)
	}
}

// refuseChanges notes the attributes a table extending a default rule
// changes: leakstop's rules keep their own.
func (c *converter) refuseChanges(r rule, to []string) {
	var changed []string
	if r.Description != "" {
		changed = append(changed, "description")
	}
	if r.Entropy != 0 {
		changed = append(changed, "entropy")
	}
	if r.SecretGroup != 0 {
		changed = append(changed, "secretGroup")
	}
	if len(r.Keywords) > 0 {
		changed = append(changed, "keywords")
	}
	if len(r.Tags) > 0 {
		changed = append(changed, "tags")
	}
	if r.Path != "" {
		changed = append(changed, "path")
	}
	if len(changed) > 0 {
		c.note(r.line, KindSetting, fmt.Sprintf("%s of rule %q", strings.Join(changed, ", "), r.ID), Refused,
			"leakstop's "+strings.Join(to, ", ")+" keep their own; only its allowlists are converted")
	}
}

// importRule converts a rule with a regex; nil and why when it cannot be.
func (c *converter) importRule(r rule, id, idWhy string) (*outRule, Outcome, string) {
	out := &outRule{from: where(c.in.Name, r.line), gitleaksID: r.ID, ID: id, Description: r.Description, Tags: r.Tags}
	if out.Description == "" {
		out.Description = "gitleaks rule " + r.ID
	}
	if idWhy != "" {
		out.notes = append(out.notes, idWhy)
	}
	re, approx, err := secretRegex(r.Regex, r.SecretGroup)
	if err != nil {
		return nil, Refused, "regex: " + err.Error()
	}
	out.Regex = re
	out.notes = append(out.notes, approx...)
	if r.Entropy < 0 || r.Entropy > 8 {
		return nil, Refused, fmt.Sprintf("entropy %g is outside 0..8 bits per byte", r.Entropy)
	}
	out.Entropy = r.Entropy
	for _, k := range r.Keywords {
		if k = strings.ToLower(k); k != "" && !slices.Contains(out.Keywords, k) {
			out.Keywords = append(out.Keywords, k)
		}
	}
	if len(out.Keywords) == 0 {
		out.Keywords = deriveKeywords(r.Regex)
		if len(out.Keywords) == 0 {
			return nil, Refused, "it has no keywords, and no literal text that every match holds could be found in the regex: " +
				"leakstop runs a rule only near one of its keywords (add keywords to the gitleaks rule and import it again)"
		}
		out.notes = append(out.notes, fmt.Sprintf("keywords %s are taken from the regex (gitleaks ran a rule without keywords on everything)",
			strings.Join(quoteAll(out.Keywords), ", ")))
	}
	for _, k := range out.Keywords {
		if !keywordInMatch(r.Regex, k) {
			out.Window = maxRuleWindow
			out.notes = append(out.notes, fmt.Sprintf("keyword %q is not in the regex: gitleaks needs a keyword anywhere in the file, "+
				"leakstop looks for the regex near one, so the window around a keyword is widened to 1 MiB", k))
			break
		}
	}
	if r.Path != "" {
		out.notes = append(out.notes, fmt.Sprintf("path %q is dropped: the rule runs on every file, not only those", r.Path))
	}
	if anchored(r.Regex) {
		out.notes = append(out.notes, "^ and $ match at the ends of the lines leakstop searches around a keyword, not only at the ends of the file")
	}
	if r.SkipReport {
		out.notes = append(out.notes, "skipReport is dropped: leakstop reports what this rule finds")
	}
	c.requires(r, out)
	if _, mapped := c.mapping[r.ID]; mapped {
		out.notes = append(out.notes, "it replaced gitleaks' default rule "+r.ID+"; leakstop keeps its own "+
			strings.Join(c.mapping[r.ID], ", ")+" besides it")
	}
	if len(out.notes) == 0 {
		return out, Converted, "as [[rules]] " + id
	}
	return out, Approximated, "as [[rules]] " + id + ": " + strings.Join(out.notes, "; ")
}

// requires converts [[rules.required]]: leakstop's requires takes one
// rule of the same file and a line distance.
func (c *converter) requires(r rule, out *outRule) {
	for i, req := range r.Required {
		to, ok := c.ids[req.ID]
		switch {
		case i > 0:
			out.notes = append(out.notes, fmt.Sprintf("required rule %q is dropped: leakstop's requires takes one rule", req.ID))
			continue
		case !ok || len(to) != 1 || !c.taken[to[0]]:
			out.notes = append(out.notes, fmt.Sprintf("required rule %q is dropped: leakstop's requires names a rule of the same file", req.ID))
			continue
		}
		within := fragmentLines
		if req.WithinLines != nil {
			within = max(*req.WithinLines, 0)
			if within == 0 {
				within = 1 // the loader reads 0 as its default, 5
				out.notes = append(out.notes, "withinLines = 0 is written within_lines = 1")
			}
		}
		if req.WithinColumns != nil {
			out.notes = append(out.notes, "withinColumns is dropped: leakstop measures the distance in lines only")
		}
		out.Requires = &outRequires{ID: to[0], WithinLines: within}
	}
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = fmt.Sprintf("%q", s)
	}
	return out
}

// finds agrees with a list of rules.
func finds(rules []string) string {
	if len(rules) == 1 {
		return "finds"
	}
	return "find"
}
