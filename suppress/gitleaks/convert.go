// Package gitleaks converts a gitleaks configuration (.gitleaks.toml) and
// ignore file (.gitleaksignore) into a leakstop config file
// (.leakstop.toml): custom rules into [[rules]], allowlists into
// [[allowlists]], disabled rules into [extend] disable, and ignore entries
// into allowlists scoped to a file and rule. Rule ids of gitleaks' default
// configuration are mapped to the leakstop rules that find the same
// credential (Mapping). Every entry gets a Note: converted, converted with
// a stated difference, covered by leakstop's catalog, or not converted and
// why. The result is checked by loading it as leakstop would.
package gitleaks

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/leakstop/leakstop/rules"
	"github.com/leakstop/leakstop/suppress"
)

// Outcome is what became of one entry of the gitleaks files.
type Outcome int

// Outcomes, from best to worst.
const (
	Converted    Outcome = iota // as gitleaks meant it
	Approximated                // converted, with a difference the note states
	Covered                     // not needed: leakstop's catalog finds the same credential
	Refused                     // not converted; the note says why
)

func (o Outcome) String() string {
	switch o {
	case Converted:
		return "converted"
	case Approximated:
		return "approximated"
	case Covered:
		return "covered"
	}
	return "not converted"
}

// Kinds of entries.
const (
	KindRule         = "rule"
	KindAllowlist    = "allowlist"
	KindValue        = "allowlist value"
	KindDisabled     = "disabled rule"
	KindIgnore       = "ignore entry"
	KindSetting      = "setting"
	defaultOutName   = suppress.ConfigFileName
	fragmentLines    = 1 << 20 // within_lines standing for "anywhere in the file"
	maxRuleWindow    = 1 << 20 // the loader's bound on window and before
	importedFamily   = "custom"
	importedKeywords = 16
)

// Note is what became of one entry, and why.
type Note struct {
	Where   string // FILE:LINE of the entry
	Kind    string // KindRule, KindAllowlist, ...
	What    string // the entry, as written: rule "x", paths '...'
	Outcome Outcome
	Why     string
}

func (n Note) String() string {
	s := fmt.Sprintf("%s: %s %s: %s", n.Where, n.Kind, n.What, n.Outcome)
	if n.Why != "" {
		s += ": " + n.Why
	}
	return s
}

// Input is what to convert: a gitleaks configuration and, optionally, a
// .gitleaksignore. Names are how notes and errors name the files.
type Input struct {
	Name       string
	Data       []byte
	IgnoreName string
	IgnoreData []byte
	// OutName is the name of the file written (default .leakstop.toml):
	// the check that it loads names it.
	OutName string
	// Catalog is leakstop's default catalog (nil: rules.Default()).
	Catalog *rules.Set
}

// Result is the converted config and a note for every entry.
type Result struct {
	Config []byte
	Notes  []Note
}

// Count returns how many notes of kind (all kinds: "") had outcome o.
func (r *Result) Count(kind string, o Outcome) int {
	n := 0
	for _, note := range r.Notes {
		if note.Outcome == o && (kind == "" || note.Kind == kind) {
			n++
		}
	}
	return n
}

// Convert converts in. A gitleaks file that does not parse is an error
// naming the line (rules.Errors); anything else is converted as far as it
// can be and noted.
func Convert(in Input) (*Result, error) {
	if in.OutName == "" {
		in.OutName = defaultOutName
	}
	if in.Catalog == nil {
		set, err := rules.Default()
		if err != nil {
			return nil, err
		}
		in.Catalog = set
	}
	cfg, undecoded, err := parse(in.Name, in.Data)
	if err != nil {
		return nil, err
	}
	c := &converter{in: in, cfg: cfg, mapping: Mapping(), ids: map[string][]string{}, taken: map[string]bool{}}
	for _, k := range undecoded {
		c.note(cfg.pos.keyLine(1, k[len(k)-1]), KindSetting, k.String(), Refused, "not a key of gitleaks' configuration (gitleaks ignores it too)")
	}
	c.extend()
	c.rules()
	c.globalAllowlists()
	if in.IgnoreData != nil {
		c.ignoreFile()
	}
	c.dropDisabledScopes()
	slices.SortStableFunc(c.notes, func(a, b Note) int { return strings.Compare(noteKey(a), noteKey(b)) })
	out := c.write()
	if err := check(in.OutName, out); err != nil {
		return nil, fmt.Errorf("the converted config does not load, which is a bug in leakstop (please report it): %w", err)
	}
	return &Result{Config: out, Notes: c.notes}, nil
}

// noteKey orders notes by file, then line.
func noteKey(n Note) string {
	file, line := n.Where, 0
	if i := strings.LastIndexByte(n.Where, ':'); i >= 0 {
		if l, err := strconv.Atoi(n.Where[i+1:]); err == nil {
			file, line = n.Where[:i], l
		}
	}
	return fmt.Sprintf("%s\x00%09d", file, line)
}

// check loads out as a scan would: its rules on top of the catalog, its
// allowlists resolved against the rules of that run.
func check(name string, out []byte) error {
	cfg, err := suppress.LoadConfig(name, out)
	if err != nil {
		return err
	}
	set, err := rules.ConfigureFiles([]*rules.File{cfg.Rules})
	if err != nil {
		return err
	}
	var errs []error
	for _, a := range cfg.Allowlists {
		if err := a.Resolve(set); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// converter holds one conversion's state.
type converter struct {
	in      Input
	cfg     *config
	mapping map[string][]string
	// ids maps a gitleaks rule id to the leakstop rules standing for it
	// in the converted config: an imported rule's new id, or the catalog
	// rules Mapping names.
	ids map[string][]string
	// taken are the ids the converted config's rules use.
	taken      map[string]bool
	standalone bool // the file does not extend gitleaks' default rules

	disable    []string
	rulesOut   []*outRule
	allowlists []*outAllowlist
	notes      []Note
}

func (c *converter) note(line int, kind, what string, o Outcome, why string) {
	c.notes = append(c.notes, Note{Where: where(c.in.Name, line), Kind: kind, What: what, Outcome: o, Why: why})
}

// extend converts [extend]: the default rules and the ones disabled.
func (c *converter) extend() {
	e := c.cfg.Extend
	line := c.cfg.pos.header("[extend]")
	if e == nil || !e.UseDefault && e.Path == "" && e.URL == "" {
		c.standalone = true
		c.note(line, KindSetting, "no [extend] useDefault", Approximated,
			"gitleaks ran only this file's rules; leakstop keeps its own catalog, and rules of this file that it covers are not imported "+
				"(add [extend] default = false to the converted file to run only its rules)")
	} else if e.UseDefault {
		c.note(c.cfg.pos.keyLine(line, "useDefault"), KindSetting, "useDefault = true", Converted, "leakstop's catalog stands for gitleaks' default rules")
	}
	if e == nil {
		return
	}
	if e.Path != "" {
		c.note(c.cfg.pos.keyLine(line, "path"), KindSetting, fmt.Sprintf("path = %q", e.Path), Refused,
			"the configuration it extends is not read: import it too and pass both converted files with --config")
	}
	if e.URL != "" {
		c.note(c.cfg.pos.keyLine(line, "url"), KindSetting, fmt.Sprintf("url = %q", e.URL), Refused, "a configuration at a URL is not fetched")
	}
	dl := c.cfg.pos.keyLine(line, "disabledRules")
	for _, id := range e.DisabledRules {
		what := fmt.Sprintf("%q", id)
		to, ok := c.mapping[id]
		if !ok {
			c.note(c.cfg.pos.value(dl, id), KindDisabled, what, Refused, "no leakstop rule finds what gitleaks' "+id+" finds: nothing to disable")
			continue
		}
		for _, t := range to {
			if !slices.Contains(c.disable, t) {
				c.disable = append(c.disable, t)
			}
		}
		o, why := Converted, "disables "+strings.Join(to, ", ")
		if id == "generic-api-key" {
			o, why = Approximated, why+": leakstop's generic rules that together find what gitleaks' one catch-all rule finds"
		}
		c.note(c.cfg.pos.value(dl, id), KindDisabled, what, o, why)
	}
}

// leakstopIDs returns the leakstop rules standing for gitleaks rule id in
// the converted config.
func (c *converter) leakstopIDs(id string) ([]string, bool) {
	if to, ok := c.ids[id]; ok {
		return to, true
	}
	to, ok := c.mapping[id]
	return to, ok
}

// dropDisabledScopes removes disabled rules from the allowlists' rules: an
// allowlist may name only rules of the run. One left with no rule is
// dropped.
func (c *converter) dropDisabledScopes() {
	if len(c.disable) == 0 {
		return
	}
	c.allowlists = slices.DeleteFunc(c.allowlists, func(a *outAllowlist) bool {
		if len(a.Rules) == 0 {
			return false
		}
		a.Rules = slices.DeleteFunc(a.Rules, func(id string) bool { return slices.Contains(c.disable, id) })
		if len(a.Rules) == 0 {
			c.notes = append(c.notes, Note{Where: a.from, Kind: KindAllowlist, What: a.label, Outcome: Refused,
				Why: "every rule it applies to is disabled"})
			return true
		}
		return false
	})
}

// leakstopID makes gitleaks rule id a leakstop rule id (lower-case letters,
// digits, '-' and '.') that neither the catalog nor an earlier imported
// rule uses.
func (c *converter) leakstopID(id string) (string, string) {
	var b strings.Builder
	for _, r := range strings.ToLower(id) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '.', r == '-':
			b.WriteRune(r)
		default:
			b.WriteByte('-')
		}
	}
	out := strings.Trim(b.String(), "-.")
	if out == "" {
		out = "rule"
	}
	var why []string
	if out != id {
		why = append(why, fmt.Sprintf("id %q is written %q (leakstop ids are lower-case letters, digits, '-' and '.')", id, out))
	}
	if _, inCatalog := c.in.Catalog.Lookup(out); inCatalog {
		why = append(why, fmt.Sprintf("renamed gitleaks-%s: leakstop's catalog has a rule %s, which a rule of the same id would replace", out, out))
		out = "gitleaks-" + out
	}
	base := out
	for n := 2; c.taken[out]; n++ {
		out = fmt.Sprintf("%s-%d", base, n)
	}
	c.taken[out] = true
	return out, strings.Join(why, "; ")
}
