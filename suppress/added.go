package suppress

import (
	"slices"
	"strings"

	"github.com/leakstop/leakstop/detect"
	"github.com/leakstop/leakstop/rules"
)

// Proposed is a suppression a scanned change adds to a suppression file:
// in the head's version of the file and not in the base's. The base's
// files are the ones applied, so that a change cannot accept its own leak;
// a proposal is listed for review, with the findings it would accept.
type Proposed struct {
	// Kind is "ignore-file", "allowlist", "baseline" (as Reason names
	// them) or "disable" (a rule turned off by [extend] disable).
	Kind string
	// File is the file's path in the repository; Line is where the entry
	// is written (0 when unknown).
	File string
	Line int
	// Commit is the head holding it; "" for the index.
	Commit string
	// Entry is what it says, never a secret: a fingerprint, a rule id and
	// hash, `paths = "docs/**"`, `disable = "github-pat"`.
	Entry string

	match func(f *detect.Finding, t *text, set *rules.Set) bool
}

// KindDisable is the kind of a proposal that turns a rule off.
const KindDisable = "disable"

// ProposedEntries lists the entries of an ignore file or a baseline (kind
// IgnoreFile or Baseline) that head has and base lacks, in head's order.
// file and commit say where head's version is.
func ProposedEntries(kind Reason, file, commit string, base, head []Entry) []*Proposed {
	had := map[string]bool{}
	for _, e := range base {
		had[e.key()] = true
	}
	var out []*Proposed
	for _, e := range head {
		k := e.key()
		if had[k] {
			continue
		}
		had[k] = true
		shown := strings.ToLower(e.Fingerprint)
		if shown == "" {
			shown = e.RuleID + ":" + strings.ToLower(e.SecretSHA256)
		}
		out = append(out, &Proposed{
			Kind: kind.String(), File: file, Line: e.Line, Commit: commit, Entry: shown,
			match: func(f *detect.Finding, _ *text, set *rules.Set) bool { return NewList(set, e).Accepts(f) },
		})
	}
	return out
}

// ProposedConfig lists what head's config file accepts that base's (nil:
// no file) does not: each value of an allowlist that matches on any of its
// values (scoped to the same rules), each allowlist that needs all its
// values to match, each rule disabled, and turning the catalog off.
func ProposedConfig(file, commit string, base, head *Config) []*Proposed {
	had := map[string]bool{}
	for _, p := range configEntries(base) {
		had[p.key] = true
	}
	var out []*Proposed
	for _, p := range configEntries(head) {
		if had[p.key] {
			continue
		}
		had[p.key] = true
		p.File, p.Commit = file, commit
		out = append(out, &p.Proposed)
	}
	return out
}

type configEntry struct {
	Proposed
	key string
}

// configEntries lists what a config file accepts, one entry per thing a
// change could add.
func configEntries(c *Config) []configEntry {
	if c == nil {
		return nil
	}
	var out []configEntry
	for _, a := range c.Allowlists {
		ids := slices.Clone(a.RuleIDs)
		slices.Sort(ids)
		scope := strings.Join(ids, ",")
		if a.All {
			var parts []string
			for _, kind := range a.kinds() {
				for _, p := range kind.pats {
					parts = append(parts, describe(kind.key, p.Text))
				}
			}
			out = append(out, configEntry{
				Proposed: Proposed{Kind: Allowlisted.String(), Line: a.Line, Entry: scoped(strings.Join(parts, " and "), ids), match: allowlistMatch(a)},
				key:      "all\x00" + scope + "\x00" + strings.Join(parts, "\x00"),
			})
			continue
		}
		for _, kind := range a.kinds() {
			for _, p := range kind.pats {
				one := &Allowlist{File: a.File, Line: a.Line, RuleIDs: a.RuleIDs}
				switch kind.key {
				case keyPaths:
					one.Paths = []Pattern{p}
				case keyRegexes:
					one.Regexes = []Pattern{p}
				case keyLineRegexes:
					one.LineRegexes = []Pattern{p}
				case keyStopwords:
					one.Stopwords = []Pattern{p}
				}
				out = append(out, configEntry{
					Proposed: Proposed{Kind: Allowlisted.String(), Line: p.Line, Entry: scoped(describe(kind.key, p.Text), ids), match: allowlistMatch(one)},
					key:      "any\x00" + scope + "\x00" + kind.key + "\x00" + p.Text,
				})
			}
		}
	}
	if c.Rules == nil {
		return out
	}
	for _, id := range c.Rules.Disable {
		out = append(out, configEntry{
			Proposed: Proposed{Kind: KindDisable, Line: c.Rules.DisableLine, Entry: describe("disable", id),
				match: func(f *detect.Finding, _ *text, set *rules.Set) bool {
					return canonicalID(set, f.RuleID) == canonicalID(set, id)
				}},
			key: "disable\x00" + id,
		})
	}
	if !c.Rules.UseDefault {
		out = append(out, configEntry{
			Proposed: Proposed{Kind: KindDisable, Entry: "[extend] default = false",
				match: func(*detect.Finding, *text, *rules.Set) bool { return true }},
			key: "default\x00false",
		})
	}
	return out
}

func allowlistMatch(a *Allowlist) func(*detect.Finding, *text, *rules.Set) bool {
	return func(f *detect.Finding, t *text, set *rules.Set) bool {
		_, ok := a.match(f, t, set)
		return ok
	}
}

// scoped notes the rules an allowlist value is limited to.
func scoped(entry string, ids []string) string {
	if len(ids) == 0 {
		return entry
	}
	return entry + " for " + strings.Join(ids, ", ")
}

type criterion struct {
	key  string
	pats []Pattern
}

// kinds lists the allowlist's criteria, in the order of the format.
func (a *Allowlist) kinds() []criterion {
	return []criterion{{keyPaths, a.Paths}, {keyRegexes, a.Regexes}, {keyLineRegexes, a.LineRegexes}, {keyStopwords, a.Stopwords}}
}

// Matches reports whether p would accept f, found in a fragment whose
// text is not at hand (line_regexes then match nothing), with the rules
// of set.
func (p *Proposed) Matches(f *detect.Finding, set *rules.Set) bool {
	return p.match != nil && p.match(f, nil, set)
}
