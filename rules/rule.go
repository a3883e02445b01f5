// Package rules holds detection rules: the Rule type, the strict TOML loader,
// the embedded default catalog and the offline validators that confirm a
// secret by its checksum or structure. It imports no other package of the
// project.
package rules

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
)

// Severity orders how urgent a leaked secret of a rule is.
type Severity int

// Severities from least to most urgent.
const (
	SeverityInfo Severity = iota
	SeverityLow
	SeverityMedium
	SeverityHigh
	SeverityCritical
)

var severityNames = [...]string{"info", "low", "medium", "high", "critical"}

func (s Severity) String() string {
	if int(s) < len(severityNames) {
		return severityNames[s]
	}
	return fmt.Sprintf("severity(%d)", int(s))
}

// ParseSeverity reads a severity name as written in rule files and flags.
func ParseSeverity(name string) (Severity, error) {
	for i, n := range severityNames {
		if strings.EqualFold(name, n) {
			return Severity(i), nil
		}
	}
	return 0, fmt.Errorf("unknown severity %q (want one of %s)", name, strings.Join(severityNames[:], ", "))
}

// MarshalText writes the severity's name.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Example is text a rule must find, and the exact secret it must yield.
type Example struct {
	Text   string
	Secret string
	// Decoded marks an example whose secret appears only once the engine
	// has decoded the text (base64 user:password); the loader's regex-only
	// check skips it and the engine's test runs it.
	Decoded bool
	Line    int // line of the example in its rule file, for errors
}

// Counterexample is text a rule must not report.
type Counterexample struct {
	Text string
	Line int
}

// Requirement makes a rule report only when another rule found a secret
// close by: an AWS secret access key only next to an access key id.
type Requirement struct {
	RuleID      string
	WithinLines int
}

// Rule is one kind of secret: how to find it and how to tell it from
// look-alikes. A Rule is immutable once loaded.
type Rule struct {
	ID          string
	Aliases     []string
	Provider    string
	Family      string // provider family for accuracy reports: cloud, vcs, ai, ...
	Description string
	Keywords    []string // lower case; at least one must occur for the regex to run
	// Pattern is the regex's source. It is compiled on first use (see
	// Regexp): a run compiles only the rules whose keywords occur.
	Pattern    string
	Entropy    float64 // minimum Shannon entropy of the secret, bits per byte
	Validator  string  // name of an offline validator, or ""
	Severity   Severity
	Tags       []string
	References []string
	// Window is how many bytes after a keyword hit a match may end; 0 means
	// DefaultWindow. Key material spanning many lines needs more.
	Window int
	// Before is how many bytes before a keyword hit a match may start.
	Before int
	// Anchored says every match starts at a keyword hit (or AnchorBack
	// bytes before one), so the engine tries the regex only there instead
	// of searching a window: far faster for rules whose regex opens with
	// a case-insensitive alternation, which RE2 cannot skip ahead on.
	Anchored   bool
	AnchorBack int
	// Requires, when set, names a rule that must have a finding nearby.
	Requires *Requirement
	// AllowPlaceholders turns off the generic placeholder filter for rules
	// whose format is itself strict enough (checksummed tokens).
	AllowPlaceholders bool
	// KeepReferences turns off the variable-reference filter.
	KeepReferences bool
	// Unescape names how the matched text encodes the secret: "percent"
	// for a URL's userinfo and query (RFC 3986), so p%40ss is reported and
	// hashed as p@ss.
	Unescape string

	Examples        []Example
	Counterexamples []Counterexample

	File string // where the rule was defined
	Line int    // line of its [[rules]] header

	compileOnce sync.Once
	re          *regexp.Regexp
	group       int
}

// Regexp returns the rule's compiled regex. Rules loaded from users' files
// were compiled (and checked) by the loader; the embedded catalog's are
// compiled here on first use, and its tests compile every one.
func (r *Rule) Regexp() *regexp.Regexp {
	r.compileOnce.Do(func() {
		r.re = regexp.MustCompile(r.Pattern) // the catalog's tests compile every pattern
		r.group = r.re.SubexpIndex("secret")
	})
	return r.re
}

// SecretGroup is the index of the group named "secret" in Regexp.
func (r *Rule) SecretGroup() int {
	r.Regexp()
	return r.group
}

// setCompiled records a regex the loader compiled and checked.
func (r *Rule) setCompiled(re *regexp.Regexp) {
	r.compileOnce.Do(func() {
		r.re = re
		r.group = re.SubexpIndex("secret")
	})
}

// Default window sizes around keyword hits.
const (
	DefaultWindow = 512
	DefaultBefore = 256
)

// Where names the rule's definition as file:line.
func (r *Rule) Where() string { return fmt.Sprintf("%s:%d", r.File, r.Line) }

// WindowAfter is the number of bytes after a keyword hit the regex looks at.
func (r *Rule) WindowAfter() int {
	if r.Window > 0 {
		return r.Window
	}
	return DefaultWindow
}

// WindowBefore is the number of bytes before a keyword hit the regex looks at.
func (r *Rule) WindowBefore() int {
	if r.Before > 0 {
		return r.Before
	}
	return DefaultBefore
}

// Set is an ordered collection of rules: catalog order is output order.
type Set struct {
	Rules []*Rule
	byID  map[string]*Rule
}

// NewSet indexes rules by id and alias. Later rules with an id already in the
// set replace the earlier one in place, so a user's rule file can override a
// catalog rule.
func NewSet(rules ...*Rule) *Set {
	s := &Set{byID: map[string]*Rule{}}
	for _, r := range rules {
		s.add(r)
	}
	return s
}

func (s *Set) add(r *Rule) {
	if old, ok := s.byID[r.ID]; ok {
		for i, x := range s.Rules {
			if x == old {
				s.Rules[i] = r
			}
		}
	} else {
		s.Rules = append(s.Rules, r)
	}
	s.byID[r.ID] = r
	for _, a := range r.Aliases {
		s.byID[a] = r
	}
}

// Lookup finds a rule by id or by one of its aliases.
func (s *Set) Lookup(id string) (*Rule, bool) {
	r, ok := s.byID[id]
	return r, ok
}

// Merge returns a new set holding s's rules followed by other's; rules of
// other replace those of s with the same id.
func (s *Set) Merge(other *Set) *Set {
	out := NewSet(s.Rules...)
	for _, r := range other.Rules {
		out.add(r)
	}
	return out
}

// Without returns a set lacking the rules with the given ids or aliases.
// Unknown ids are returned so the caller can report them.
func (s *Set) Without(ids []string) (*Set, []string) {
	drop := map[*Rule]bool{}
	var unknown []string
	for _, id := range ids {
		r, ok := s.byID[id]
		if !ok {
			unknown = append(unknown, id)
			continue
		}
		drop[r] = true
	}
	var keep []*Rule
	for _, r := range s.Rules {
		if !drop[r] {
			keep = append(keep, r)
		}
	}
	return NewSet(keep...), unknown
}
