package rules

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"
)

// File is one parsed rule file: its rules and how it combines with the
// default catalog.
type File struct {
	Name  string
	Rules []*Rule
	// UseDefault keeps the default catalog (true unless the file says
	// [extend] default = false).
	UseDefault bool
	// Disable lists rule ids (or aliases) to turn off; DisableLine is
	// where the list is written (0 when unknown).
	Disable     []string
	DisableLine int
}

// SuppressionTables are the top-level tables of a config file that hold
// suppressions rather than rules: package suppress reads and checks them,
// so Load passes over their keys. Any other unknown key is an error.
func SuppressionTables() []string { return []string{"allowlists"} }

// Error is one problem in a rule file, with its position.
type Error struct {
	File string
	Line int // 0 when unknown
	Msg  string
	Err  error
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

func (e *Error) Unwrap() error { return e.Err }

// Errors is every problem found in a rule file; the loader reports them all
// at once rather than one per run.
type Errors []*Error

func (es Errors) Error() string {
	var b strings.Builder
	for i, e := range es {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// tomlFile mirrors the file format. Field names are the TOML keys.
type tomlFile struct {
	Extend *struct {
		Default *bool    `toml:"default"`
		Disable []string `toml:"disable"`
	} `toml:"extend"`
	Rules []tomlRule `toml:"rules"`
}

type tomlRule struct {
	ID                string   `toml:"id"`
	Aliases           []string `toml:"aliases"`
	Provider          string   `toml:"provider"`
	Family            string   `toml:"family"`
	Description       string   `toml:"description"`
	Keywords          []string `toml:"keywords"`
	Regex             string   `toml:"regex"`
	Entropy           float64  `toml:"entropy"`
	Validator         string   `toml:"validator"`
	Severity          string   `toml:"severity"`
	Tags              []string `toml:"tags"`
	References        []string `toml:"references"`
	Window            int      `toml:"window"`
	Before            int      `toml:"before"`
	Anchored          bool     `toml:"anchored"`
	AnchorBack        int      `toml:"anchor_back"`
	AllowPlaceholders bool     `toml:"allow_placeholders"`
	KeepReferences    bool     `toml:"keep_references"`
	Unescape          string   `toml:"unescape"`
	Requires          *struct {
		ID          string `toml:"id"`
		WithinLines int    `toml:"within_lines"`
	} `toml:"requires"`
	Examples []struct {
		Text    string `toml:"text"`
		Secret  string `toml:"secret"`
		Decoded bool   `toml:"decoded"`
	} `toml:"examples"`
	Counterexamples []struct {
		Text string `toml:"text"`
	} `toml:"counterexamples"`
}

var idPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9.-]*[a-z0-9]$`)

// Load parses a rule file strictly: unknown keys, bad regexes, a missing
// secret group, unknown validators and examples that do not yield their
// secret are errors naming the file and line. All problems are returned
// together as Errors.
func Load(name string, data []byte) (*File, error) {
	return load(name, data, true)
}

// load parses a rule file. Strict loading compiles every regex and runs
// every example; the embedded catalog is loaded without (its tests do
// both), so start-up compiles nothing that a run does not use.
func load(name string, data []byte, strict bool) (*File, error) {
	var tf tomlFile
	md, err := toml.NewDecoder(bytes.NewReader(data)).Decode(&tf)
	if err != nil {
		line := 0
		var pe toml.ParseError
		if errors.As(err, &pe) {
			line = pe.Position.Line
			err = errors.New(pe.Message)
		}
		return nil, Errors{{File: name, Line: line, Msg: err.Error(), Err: err}}
	}
	pos := scanPositions(data)
	var errs Errors
	fail := func(line int, format string, args ...any) {
		errs = append(errs, &Error{File: name, Line: line, Msg: fmt.Sprintf(format, args...)})
	}
	for _, k := range md.Undecoded() {
		if slices.Contains(SuppressionTables(), k[0]) {
			continue
		}
		fail(pos.keyLine(k), "unknown key %q", k.String())
	}

	f := &File{Name: name, UseDefault: true}
	if tf.Extend != nil {
		if tf.Extend.Default != nil {
			f.UseDefault = *tf.Extend.Default
		}
		f.Disable = tf.Extend.Disable
		if len(f.Disable) > 0 {
			f.DisableLine = pos.findKey(1, len(pos.lines), "disable")
		}
	}
	seen := map[string]int{}
	for i, tr := range tf.Rules {
		r := compileRule(name, i, tr, pos, fail, strict)
		if r == nil {
			continue
		}
		for _, id := range append([]string{r.ID}, r.Aliases...) {
			if prev, dup := seen[id]; dup {
				fail(r.Line, "rule id %q already used by the rule at line %d", id, prev)
			}
			seen[id] = r.Line
		}
		f.Rules = append(f.Rules, r)
	}
	for _, r := range f.Rules {
		if r.Requires != nil {
			if _, ok := seen[r.Requires.RuleID]; !ok {
				fail(r.Line, "rule %q requires unknown rule %q", r.ID, r.Requires.RuleID)
			}
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return f, nil
}

func compileRule(file string, i int, tr tomlRule, pos positions, fail func(int, string, ...any), strict bool) *Rule {
	line := pos.ruleLine(i)
	keyLine := func(key string) int { return pos.keyInRule(i, key) }
	ok := true
	bad := func(l int, format string, args ...any) {
		ok = false
		fail(l, format, args...)
	}
	r := &Rule{
		ID: tr.ID, Aliases: tr.Aliases, Provider: tr.Provider, Family: tr.Family,
		Description: tr.Description, Entropy: tr.Entropy, Validator: tr.Validator,
		Tags: tr.Tags, References: tr.References, Window: tr.Window, Before: tr.Before,
		Anchored: tr.Anchored, AnchorBack: tr.AnchorBack, Unescape: tr.Unescape,
		AllowPlaceholders: tr.AllowPlaceholders, KeepReferences: tr.KeepReferences,
		File: file, Line: line, Severity: SeverityMedium,
	}
	if r.ID == "" {
		bad(line, "rule has no id")
	} else if !idPattern.MatchString(r.ID) {
		bad(keyLine("id"), "rule id %q: use lower-case letters, digits, '-' and '.'", r.ID)
	}
	for _, a := range r.Aliases {
		if !idPattern.MatchString(a) {
			bad(keyLine("aliases"), "alias %q: use lower-case letters, digits, '-' and '.'", a)
		}
	}
	if tr.Severity != "" {
		s, err := ParseSeverity(tr.Severity)
		if err != nil {
			bad(keyLine("severity"), "rule %q: %v", r.ID, err)
		}
		r.Severity = s
	}
	for _, k := range tr.Keywords {
		if k == "" {
			bad(keyLine("keywords"), "rule %q: empty keyword", r.ID)
			continue
		}
		r.Keywords = append(r.Keywords, strings.ToLower(k))
	}
	if tr.Entropy < 0 || tr.Entropy > 8 {
		bad(keyLine("entropy"), "rule %q: entropy %.2f is outside 0..8 bits per byte", r.ID, tr.Entropy)
	}
	if tr.Window < 0 || tr.Window > 1<<20 || tr.Before < 0 || tr.Before > 1<<20 {
		bad(keyLine("window"), "rule %q: window and before must be within 0..1048576", r.ID)
	}
	if tr.AnchorBack < 0 || tr.AnchorBack > 64 || (tr.AnchorBack > 0 && !tr.Anchored) {
		bad(keyLine("anchor_back"), "rule %q: anchor_back must be within 0..64 and needs anchored = true", r.ID)
	}
	if tr.Unescape != "" && tr.Unescape != "percent" {
		bad(keyLine("unescape"), "rule %q: unescape %q: the only one is \"percent\"", r.ID, tr.Unescape)
	}
	if tr.Validator != "" {
		if _, found := LookupValidator(tr.Validator); !found {
			bad(keyLine("validator"), "rule %q: unknown validator %q (known: %s)", r.ID, tr.Validator, strings.Join(ValidatorNames(), ", "))
		}
	}
	if tr.Requires != nil {
		if tr.Requires.ID == "" {
			bad(keyLine("requires"), "rule %q: requires needs an id", r.ID)
		}
		within := tr.Requires.WithinLines
		if within <= 0 {
			within = 5
		}
		r.Requires = &Requirement{RuleID: tr.Requires.ID, WithinLines: within}
	}
	r.Pattern = tr.Regex
	switch {
	case tr.Regex == "":
		bad(line, "rule %q has no regex", r.ID)
	case strict:
		re, err := regexp.Compile(tr.Regex)
		if err != nil {
			bad(keyLine("regex"), "rule %q: bad regex: %v", r.ID, err)
			break
		}
		if re.SubexpIndex("secret") < 0 {
			bad(keyLine("regex"), "rule %q: regex has no secret group (?P<secret>...)", r.ID)
			break
		}
		r.setCompiled(re)
	}
	for j, ex := range tr.Examples {
		r.Examples = append(r.Examples, Example{Text: ex.Text, Secret: ex.Secret, Decoded: ex.Decoded, Line: pos.exampleLine(i, j)})
	}
	for j, ce := range tr.Counterexamples {
		r.Counterexamples = append(r.Counterexamples, Counterexample{Text: ce.Text, Line: pos.counterLine(i, j)})
	}
	if !ok {
		return nil
	}
	if !strict {
		return r
	}
	for _, ex := range r.Examples {
		if ex.Secret == "" {
			bad(ex.Line, "rule %q: example has no secret", r.ID)
			continue
		}
		if err := r.CheckExample(ex); err != nil {
			bad(ex.Line, "rule %q: %v", r.ID, err)
		}
	}
	if !ok {
		return nil
	}
	return r
}

// CheckExample reports whether the rule's regex and validator yield the
// example's secret from its text. The engine's filters (placeholders,
// entropy, references) are checked by the detect package's tests.
func (r *Rule) CheckExample(ex Example) error {
	if ex.Decoded {
		return nil // found only after decoding: the engine's tests check it
	}
	var got []string
	group := r.SecretGroup()
	for _, m := range r.Regexp().FindAllStringSubmatchIndex(ex.Text, -1) {
		s, e := m[2*group], m[2*group+1]
		if s < 0 {
			continue
		}
		secret := ex.Text[s:e]
		if secret == ex.Secret {
			if r.Validator != "" {
				v, _ := LookupValidator(r.Validator)
				if res := v([]byte(secret)); res.Verdict == Rejected {
					return fmt.Errorf("example secret %s is rejected by validator %q", Preview(secret), r.Validator)
				}
			}
			return nil
		}
		got = append(got, Preview(secret))
	}
	if len(got) == 0 {
		return fmt.Errorf("example does not match the regex")
	}
	return fmt.Errorf("example yields %s, want %s", strings.Join(got, ", "), Preview(ex.Secret))
}

// Preview shows the start of a secret and hides the rest, for messages
// about rules. Short secrets show less.
func Preview(s string) string {
	n := len(s) / 4
	if n > 6 {
		n = 6
	}
	return fmt.Sprintf("%q", s[:n]+strings.Repeat("*", min(len(s)-n, 8)))
}
