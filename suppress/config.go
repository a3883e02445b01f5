package suppress

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/bmatcuk/doublestar/v4"

	"github.com/leakstop/leakstop/detect"
	"github.com/leakstop/leakstop/rules"
)

// ConfigFileName is the config file at the top of a scanned folder or
// repository. One file holds rules ([[rules]] and [extend], as
// rules.Load reads them) and allowlists:
//
//	[extend]
//	disable = ["generic-password"]    # rules that do not run at all
//
//	[[allowlists]]
//	description = "test fixtures"     # shown as the reason
//	rules = ["github-pat"]            # only these rules (ids or aliases); omitted: every rule
//	paths = ["testdata/**", "**/*_test.go"]  # globs on the finding's path (** spans folders)
//	regexes = ['''^ghp_0{36}$''']     # regular expressions on the secret
//	line_regexes = ['''(?i)example''']  # regular expressions on the line(s) of the secret
//	stopwords = ["example", "dummy"]  # substrings of the secret, any case
//	condition = "any"                 # "any" (default): one kind matching is enough;
//	                                  # "all": every kind given must match
const ConfigFileName = ".leakstop.toml"

// Config is one config file: its rules and its allowlists.
type Config struct {
	Name       string
	Rules      *rules.File
	Allowlists []*Allowlist
}

// Allowlist accepts the findings it matches. It is immutable once loaded.
type Allowlist struct {
	// File and Line are where its [[allowlists]] table is written.
	File        string
	Line        int
	Description string
	// RuleIDs limits it to these rules (ids or aliases, as written);
	// empty: every rule. Resolve checks them against a run's rules.
	RuleIDs []string
	// All requires every kind of criterion given to match (condition =
	// "all"); otherwise one is enough.
	All         bool
	Paths       []Pattern
	Regexes     []Pattern // on the secret
	LineRegexes []Pattern // on the lines of the secret
	Stopwords   []Pattern // lower case substrings of the secret

	ruleLine int // where RuleIDs is written
}

// Pattern is one value of an allowlist, compiled, with its line.
type Pattern struct {
	Text string
	Line int
	re   *regexp.Regexp
}

// Criterion kinds: the keys of an allowlist that match findings.
const (
	keyPaths       = "paths"
	keyRegexes     = "regexes"
	keyLineRegexes = "line_regexes"
	keyStopwords   = "stopwords"
)

type tomlConfig struct {
	Allowlists []tomlAllowlist `toml:"allowlists"`
}

type tomlAllowlist struct {
	Description string   `toml:"description"`
	Rules       []string `toml:"rules"`
	Condition   string   `toml:"condition"`
	Paths       []string `toml:"paths"`
	Regexes     []string `toml:"regexes"`
	LineRegexes []string `toml:"line_regexes"`
	Stopwords   []string `toml:"stopwords"`
}

// LoadConfig parses a config file named name strictly: its rules as
// rules.Load does, and its allowlists. Unknown keys, bad regular
// expressions, bad globs and empty allowlists are errors naming the file
// and line; every problem is returned at once as Errors.
func LoadConfig(name string, data []byte) (*Config, error) {
	rf, rerr := rules.Load(name, data)
	var errs Errors
	if rerr != nil {
		if !errors.As(rerr, &errs) {
			return nil, rerr
		}
	}
	var tc tomlConfig
	md, err := toml.NewDecoder(bytes.NewReader(data)).Decode(&tc)
	if err != nil {
		if _, serr := toml.Decode(string(data), &struct{}{}); serr != nil {
			return nil, errs // a syntax error: the rules loader reported it
		}
		// A value of the wrong type in an allowlist: the rules loader
		// did not look there.
		e := &Error{File: name, Msg: err.Error(), Err: err}
		var pe toml.ParseError
		if errors.As(err, &pe) {
			e.Line, e.Msg = pe.Position.Line, pe.Message
		} else if line, key, msg, ok := TypeError(err.Error()); ok {
			e.Line, e.Msg = line, key+": "+msg
		}
		return nil, append(errs, e)
	}
	pos := newConfigPositions(data)
	fail := func(line int, format string, args ...any) {
		errs = append(errs, &Error{File: name, Line: line, Msg: fmt.Sprintf(format, args...)})
	}
	for _, k := range md.Undecoded() {
		if len(k) > 1 && k[0] == "allowlists" {
			fail(pos.keyLine(k[len(k)-1]), "unknown key %q (an allowlist takes description, rules, paths, regexes, line_regexes, stopwords, condition)", k.String())
		}
	}
	c := &Config{Name: name, Rules: rf}
	for i, ta := range tc.Allowlists {
		if a := compileAllowlist(name, i, ta, pos, fail); a != nil {
			c.Allowlists = append(c.Allowlists, a)
		}
	}
	if len(errs) > 0 {
		slices.SortStableFunc(errs, func(a, b *Error) int { return a.Line - b.Line })
		return nil, errs
	}
	return c, nil
}

func compileAllowlist(file string, i int, ta tomlAllowlist, pos configPositions, fail func(int, string, ...any)) *Allowlist {
	line := pos.table(i)
	a := &Allowlist{File: file, Line: line, Description: ta.Description, RuleIDs: ta.Rules, ruleLine: pos.key(i, "rules")}
	ok := true
	bad := func(l int, format string, args ...any) {
		ok = false
		fail(l, format, args...)
	}
	switch strings.ToLower(ta.Condition) {
	case "", "any":
	case "all":
		a.All = true
	default:
		bad(pos.key(i, "condition"), "condition %q: want \"any\" or \"all\"", ta.Condition)
	}
	for _, id := range ta.Rules {
		if !isRuleID(id) {
			bad(a.ruleLine, "rules: %q is not a rule id (lower-case letters, digits, '-' and '.')", id)
		}
	}
	values := func(key string, vals []string, compile func(string) (Pattern, string)) []Pattern {
		var out []Pattern
		keyLine := pos.key(i, key)
		for _, v := range vals {
			l := pos.value(keyLine, v)
			if v == "" {
				bad(l, "%s: an empty value matches everything", key)
				continue
			}
			p, msg := compile(v)
			if msg != "" {
				bad(l, "%s: %s", key, msg)
				continue
			}
			p.Text, p.Line = v, l
			out = append(out, p)
		}
		return out
	}
	a.Paths = values(keyPaths, ta.Paths, func(v string) (Pattern, string) {
		switch {
		case strings.HasPrefix(v, "/") || strings.HasPrefix(v, "./"):
			return Pattern{}, fmt.Sprintf("glob %q: paths are relative to the root, with no leading / or ./", v)
		case !doublestar.ValidatePattern(v):
			return Pattern{}, fmt.Sprintf("bad glob %q", v)
		}
		return Pattern{}, ""
	})
	regex := func(v string) (Pattern, string) {
		re, err := regexp.Compile(v)
		if err != nil {
			return Pattern{}, "bad regex: " + err.Error()
		}
		return Pattern{re: re}, ""
	}
	a.Regexes = values(keyRegexes, ta.Regexes, regex)
	a.LineRegexes = values(keyLineRegexes, ta.LineRegexes, regex)
	a.Stopwords = values(keyStopwords, ta.Stopwords, func(string) (Pattern, string) { return Pattern{}, "" })
	for j := range a.Stopwords {
		a.Stopwords[j].Text = strings.ToLower(a.Stopwords[j].Text)
	}
	if ok && len(a.Paths)+len(a.Regexes)+len(a.LineRegexes)+len(a.Stopwords) == 0 {
		bad(line, "allowlist has nothing to match: give paths, regexes, line_regexes or stopwords "+
			"(to turn a rule off, use [extend] disable)")
	}
	if !ok {
		return nil
	}
	return a
}

// Resolve checks the allowlist's rule ids against the rules of a run: an
// id that names no rule (a typo, or a rule disabled) is an error, rather
// than an allowlist that silently accepts nothing.
func (a *Allowlist) Resolve(set *rules.Set) error {
	var errs Errors
	for _, id := range a.RuleIDs {
		if _, ok := lookup(set, id); !ok {
			errs = append(errs, &Error{File: a.File, Line: a.ruleLine, Msg: fmt.Sprintf("rules: %q names no rule of this run (unknown, or disabled)", id)})
		}
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}

// Where is the allowlist's place, FILE:LINE.
func (a *Allowlist) Where() string { return a.File + ":" + strconv.Itoa(a.Line) }

// appliesTo reports whether the allowlist covers f's rule.
func (a *Allowlist) appliesTo(f *detect.Finding, set *rules.Set) bool {
	if len(a.RuleIDs) == 0 {
		return true
	}
	id := canonicalID(set, f.RuleID)
	for _, r := range a.RuleIDs {
		if canonicalID(set, r) == id {
			return true
		}
	}
	return false
}

// match reports whether a accepts f, found in text t (nil when the text
// is not at hand: line_regexes then match nothing), and says which
// values matched.
func (a *Allowlist) match(f *detect.Finding, t *text, set *rules.Set) (detail string, ok bool) {
	if !a.appliesTo(f, set) {
		return "", false
	}
	var matched []string
	given := 0
	for _, kind := range a.kinds() {
		if len(kind.pats) == 0 {
			continue
		}
		given++
		if p, ok := matchKind(kind.key, kind.pats, f, t); ok {
			matched = append(matched, describe(kind.key, p.Text))
			if !a.All {
				break
			}
		} else if a.All {
			return "", false
		}
	}
	if len(matched) == 0 || (a.All && len(matched) < given) {
		return "", false
	}
	return strings.Join(matched, " and "), true
}

// describe writes one value of an allowlist as it is written in the file.
func describe(key, value string) string { return key + " = " + strconv.Quote(value) }

// matchKind returns the first pattern of one kind that matches f.
func matchKind(key string, pats []Pattern, f *detect.Finding, t *text) (Pattern, bool) {
	switch key {
	case keyPaths:
		for _, p := range pats {
			if ok, _ := doublestar.Match(p.Text, f.Path); ok {
				return p, true
			}
		}
	case keyRegexes:
		secret := f.Secret.Reveal()
		for _, p := range pats {
			if p.re.Match(secret) {
				return p, true
			}
		}
	case keyLineRegexes:
		if t == nil {
			return Pattern{}, false
		}
		for _, l := range findingLines(f) {
			line := t.line(l)
			for _, p := range pats {
				if p.re.Match(line) {
					return p, true
				}
			}
		}
	case keyStopwords:
		secret := bytes.ToLower(f.Secret.Reveal())
		for _, p := range pats {
			if bytes.Contains(secret, []byte(p.Text)) {
				return p, true
			}
		}
	}
	return Pattern{}, false
}

// findingLines lists the lines a finding occupies: Line to EndLine, and
// the lines of its other copies in the file.
func findingLines(f *detect.Finding) []int {
	var out []int
	for l := f.Line; l <= max(f.Line, f.EndLine); l++ {
		out = append(out, l)
	}
	for _, l := range f.Lines {
		if !slices.Contains(out, l) {
			out = append(out, l)
		}
	}
	return out
}

// configPositions finds the lines of a config file's [[allowlists]]
// tables and their keys: the TOML decoder keeps positions to itself.
type configPositions struct {
	lines  [][]byte
	tables []int // 1-based line of each [[allowlists]] header
	ends   []int // last line of each table
}

func newConfigPositions(data []byte) configPositions {
	var p configPositions
	var headers []rules.Header
	p.lines, headers = rules.TableHeaders(data)
	for _, h := range headers {
		if n := len(p.tables); n > 0 && p.ends[n-1] == 0 {
			p.ends[n-1] = h.Line - 1 // the line before this header
		}
		if h.Name == "[[allowlists]]" {
			p.tables = append(p.tables, h.Line)
			p.ends = append(p.ends, 0)
		}
	}
	if n := len(p.tables); n > 0 && p.ends[n-1] == 0 {
		p.ends[n-1] = len(p.lines)
	}
	return p
}

func (p configPositions) table(i int) int {
	if i < len(p.tables) {
		return p.tables[i]
	}
	return 0
}

// key returns the line where table i assigns key, else the table's line.
func (p configPositions) key(i int, key string) int {
	if i >= len(p.tables) {
		return 0
	}
	for l := p.tables[i]; l <= p.ends[i] && l <= len(p.lines); l++ {
		if isAssignment(p.lines[l-1], key) {
			return l
		}
	}
	return p.tables[i]
}

// keyLine returns the first line of any allowlist assigning key.
func (p configPositions) keyLine(key string) int {
	for i := range p.tables {
		if l := p.key(i, key); l != p.tables[i] {
			return l
		}
	}
	return p.table(0)
}

// value returns the line, from a key's line on, where a value of its
// list is written (a list may span lines); the key's line when not found.
func (p configPositions) value(keyLine int, v string) int {
	if keyLine == 0 {
		return 0
	}
	for l := keyLine; l <= len(p.lines); l++ {
		if bytes.Contains(p.lines[l-1], []byte(v)) {
			return l
		}
		if l > keyLine && bytes.HasPrefix(bytes.TrimSpace(p.lines[l-1]), []byte("]")) {
			break
		}
	}
	return keyLine
}

func isAssignment(line []byte, key string) bool {
	line = bytes.TrimSpace(line)
	if !bytes.HasPrefix(line, []byte(key)) {
		return false
	}
	rest := bytes.TrimSpace(line[len(key):])
	return len(rest) > 0 && rest[0] == '='
}

// TypeError reads the TOML decoder's message for a value of the wrong
// type, which is not a toml.ParseError: `toml: line N (last key "K"): MSG`.
func TypeError(s string) (line int, key, msg string, ok bool) {
	rest, ok := strings.CutPrefix(s, "toml: line ")
	if !ok {
		return 0, "", "", false
	}
	num, rest, ok := strings.Cut(rest, ` (last key "`)
	if !ok {
		return 0, "", "", false
	}
	key, msg, ok = strings.Cut(rest, `"): `)
	if !ok {
		return 0, "", "", false
	}
	line, err := strconv.Atoi(num)
	return line, key, msg, err == nil
}
