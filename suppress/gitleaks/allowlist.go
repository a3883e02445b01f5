package gitleaks

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// outAllowlist is an [[allowlists]] table of the converted config.
type outAllowlist struct {
	from        string // FILE:LINE of what it was converted from
	label       string // what it was, for notes
	Description string
	Rules       []string
	All         bool
	Paths       []string
	Regexes     []string
	LineRegexes []string
	Stopwords   []string
	notes       []string // differences, written as comments
}

// globalAllowlists converts [allowlist] and [[allowlists]]: for every
// rule, or with targetRules for those.
func (c *converter) globalAllowlists() {
	var all []allowlist
	if c.cfg.Allowlist != nil {
		all = append(all, *c.cfg.Allowlist)
	}
	all = append(all, c.cfg.Allowlists...)
	for _, a := range all {
		label := "global"
		if a.Description != "" {
			label = fmt.Sprintf("%q", a.Description)
		}
		var scope []string
		if len(a.TargetRules) > 0 {
			var missing []string
			for _, id := range a.TargetRules {
				to, ok := c.leakstopIDs(id)
				if !ok {
					missing = append(missing, id)
					continue
				}
				for _, t := range to {
					if !slices.Contains(scope, t) {
						scope = append(scope, t)
					}
				}
			}
			if len(scope) == 0 {
				c.note(a.line, KindAllowlist, label, Refused, "no leakstop rule stands for its targetRules "+strings.Join(missing, ", "))
				continue
			}
			if len(missing) > 0 {
				c.note(c.cfg.pos.keyLine(a.line, "targetRules"), KindSetting, "targetRules "+strings.Join(missing, ", "), Refused,
					"no leakstop rule stands for them; the allowlist applies to the others")
			}
		}
		c.allowlist(a, scope, label)
	}
}

// allowlist converts one gitleaks allowlist, for the leakstop rules of
// scope (none: every rule). gitleaks matches paths by regex, leakstop by
// glob; commits have no leakstop equivalent. Values that cannot be
// converted are dropped when that makes the allowlist accept less than
// gitleaks' (condition OR, or AND with other values of the same kind);
// when it would make it accept more (AND, a kind left with no value),
// the whole allowlist is not converted.
func (c *converter) allowlist(a allowlist, scope []string, label string) {
	out := &outAllowlist{from: where(c.in.Name, a.line), label: label, Description: a.Description, Rules: slices.Clone(scope)}
	if out.Description == "" {
		out.Description = "gitleaks allowlist " + out.from
	}
	switch strings.ToUpper(strings.TrimSpace(a.Condition)) {
	case "", "OR", "||":
	case "AND", "&&":
		out.All = true
	default:
		c.note(a.line, KindAllowlist, label, Refused, fmt.Sprintf("condition %q is neither OR nor AND (gitleaks refuses it too)", a.Condition))
		return
	}
	var regexTo *[]string
	var regexNote string
	switch strings.ToLower(a.RegexTarget) {
	case "", "secret":
		regexTo = &out.Regexes
	case "line":
		regexTo = &out.LineRegexes
	case "match":
		regexTo = &out.LineRegexes
		regexNote = "regexTarget \"match\" becomes line_regexes: leakstop has the secret or its lines, not the whole match, so a regex that " +
			"matches elsewhere on the line accepts the finding too"
	default:
		c.note(a.line, KindAllowlist, label, Refused, fmt.Sprintf("regexTarget %q is not secret, match or line (gitleaks refuses it too)", a.RegexTarget))
		return
	}
	var notes []Note
	value := func(key, v string, o Outcome, why string) {
		notes = append(notes, Note{Where: where(c.in.Name, c.cfg.pos.value(c.cfg.pos.keyLine(a.line, key), v)), Kind: KindValue,
			What: key + " " + quote(v), Outcome: o, Why: why})
	}
	lost := map[string]bool{} // kinds given whose values were all dropped
	for _, p := range a.Paths {
		globs, narrowed, err := pathGlobs(p)
		switch {
		case err != nil:
			value("paths", p, Refused, "the path regex "+err.Error())
		case narrowed != "":
			value("paths", p, Approximated, "as "+strings.Join(globs, ", ")+"; "+narrowed)
		default:
			value("paths", p, Converted, "as "+strings.Join(globs, ", "))
		}
		for _, g := range globs {
			if !slices.Contains(out.Paths, g) {
				out.Paths = append(out.Paths, g)
			}
		}
	}
	lost["paths"] = len(a.Paths) > 0 && len(out.Paths) == 0
	for _, r := range a.Regexes {
		if _, err := regexp.Compile(r); err != nil {
			value("regexes", r, Refused, "leakstop's regular expressions (Go's regexp, RE2 syntax) do not take it: "+err.Error())
			continue
		}
		*regexTo = append(*regexTo, r)
		if regexNote != "" {
			value("regexes", r, Approximated, regexNote)
		} else {
			value("regexes", r, Converted, "")
		}
	}
	lost["regexes"] = len(a.Regexes) > 0 && len(*regexTo) == 0
	for _, w := range a.StopWords {
		if w == "" {
			value("stopwords", w, Refused, "an empty stopword would match every secret")
			continue
		}
		out.Stopwords = append(out.Stopwords, w)
		value("stopwords", w, Converted, "")
	}
	lost["stopwords"] = len(a.StopWords) > 0 && len(out.Stopwords) == 0
	for _, commit := range a.Commits {
		value("commits", commit, Refused, "leakstop identifies a finding by its secret and path, never by commit: "+
			"to accept what that commit added, scan it (leakstop git --range C^..C --write-baseline FILE) and keep FILE as a --baseline")
	}
	lost["commits"] = len(a.Commits) > 0
	empty := len(out.Paths)+len(out.Regexes)+len(out.LineRegexes)+len(out.Stopwords) == 0
	var lostKinds []string
	for _, k := range []string{"paths", "regexes", "stopwords", "commits"} {
		if lost[k] {
			lostKinds = append(lostKinds, k)
		}
	}
	switch {
	case empty:
		c.notes = append(c.notes, notes...)
		c.note(a.line, KindAllowlist, label, Refused, "none of its values could be converted")
		return
	case out.All && len(lostKinds) > 0:
		for i := range notes {
			if notes[i].Outcome != Refused {
				notes[i].Outcome, notes[i].Why = Refused, "its allowlist is not converted"
			}
		}
		c.notes = append(c.notes, notes...)
		c.note(a.line, KindAllowlist, label, Refused, "condition AND with no convertible "+strings.Join(lostKinds, " or ")+
			": without them it would accept more than gitleaks did")
		return
	}
	c.notes = append(c.notes, notes...)
	if regexNote != "" && out.All {
		out.notes = append(out.notes, regexNote)
	}
	o, why := Converted, "as [[allowlists]]"
	if len(scope) > 0 {
		why += " for " + strings.Join(scope, ", ")
	}
	for _, n := range notes {
		if n.Outcome != Converted {
			o = Approximated
			why += "; some values differ or are dropped (see below)"
			break
		}
	}
	c.allowlists = append(c.allowlists, out)
	c.note(a.line, KindAllowlist, label, o, why)
}

// quote writes a value for a note the way a TOML file would hold it.
func quote(s string) string {
	if !strings.Contains(s, "'") {
		return "'" + s + "'"
	}
	return fmt.Sprintf("%q", s)
}
