// Package detect finds secrets in fragments. An Engine compiles a rule set
// once: one Aho-Corasick automaton over every rule's keywords. A Scanner,
// one per worker, runs it: one pass over the lower-cased bytes finds the
// keywords, only the rules whose keywords occurred run their regex near the
// hits, and each candidate secret is checked for entropy, placeholders,
// references and the rule's validator. Encoded runs (base64, hex, percent
// and backslash escapes) are decoded and scanned again to a fixed depth.
package detect

import (
	"fmt"
	"regexp"
	"strings"
	"sync"

	ahocorasick "github.com/BobuSumisu/aho-corasick"

	"github.com/leakstop/leakstop/rules"
)

// Options tune an Engine. The zero value is usable.
type Options struct {
	// DecodeDepth is how many layers of encoding are undone (default 2;
	// negative turns decoding off).
	DecodeDepth int
	// DecodeBudget caps the bytes decoded per fragment (default 8 MiB), so
	// no input makes memory grow without bound.
	DecodeBudget int
	// HashKey keys secret_hmac for secrets of low estimated entropy
	// (LEAKSTOP_HASH_KEY). Without it such secrets carry no hash.
	HashKey []byte
}

func (o *Options) applyDefaults() {
	if o.DecodeDepth == 0 {
		o.DecodeDepth = 2
	}
	if o.DecodeBudget == 0 {
		o.DecodeBudget = 8 << 20
	}
}

// compiled is a rule with what the engine derived from it once.
type compiled struct {
	*rules.Rule
	index     int // position in catalog order
	validate  rules.Validator
	generic   bool        // family "generic": hash, id and identifier filters apply
	anchored  *lazyRegexp // the regex anchored at its start, for Anchored rules
	wordStart bool        // an anchored match must not follow a word byte (\b)
	keyMatter bool        // secret_sha256 is of the decoded key material
}

// tokenStart is how a token rule's regex opens: a word boundary and the
// secret group, followed by the token's literal prefix.
const tokenStart = `\b(?P<secret>`

// startsAtKeyword reports whether every match of r begins where one of its
// keywords begins: the regex opens with \b(?P<secret> and a literal that
// starts with every keyword of the rule (ghp_ for github-pat). Such rules
// need not search windows.
func startsAtKeyword(r *rules.Rule) bool {
	rest, ok := strings.CutPrefix(r.Pattern, tokenStart)
	if !ok || len(r.Keywords) == 0 {
		return false
	}
	n := strings.IndexAny(rest, `\.+*?()|[]{}^$`)
	if n < 0 {
		n = len(rest)
	}
	lit := strings.ToLower(rest[:n])
	for _, k := range r.Keywords {
		if !strings.HasPrefix(lit, k) {
			return false
		}
	}
	return true
}

// lazyRegexp compiles on first use, so rules whose keywords never occur
// cost nothing at start-up.
type lazyRegexp struct {
	once sync.Once
	src  string
	re   *regexp.Regexp
}

func (l *lazyRegexp) get() *regexp.Regexp {
	l.once.Do(func() { l.re = regexp.MustCompile(l.src) }) // a valid pattern, anchored
	return l.re
}

// Engine is an immutable compiled rule set, shared by all scanners.
type Engine struct {
	rules   []compiled
	trie    *ahocorasick.Trie
	kwRules [][]int // keyword index -> rules having it
	opts    Options
	byID    map[string]int // rule id -> index
	// spaced are the keywords holding '_' as OCR reads them, with a
	// space instead ("ghp " for ghp_): see ScanOCR.
	spaced [][]byte
}

// New compiles set. Keywords are deduplicated and each maps to all rules
// using it: the automaton keeps one index per distinct keyword.
func New(set *rules.Set, opts Options) (*Engine, error) {
	opts.applyDefaults()
	e := &Engine{opts: opts, byID: map[string]int{}}
	kwIndex := map[string]int{}
	var keywords []string
	for i, r := range set.Rules {
		c := compiled{Rule: r, index: i, generic: r.Family == "generic", keyMatter: r.Validator == "private-key"}
		if r.Anchored {
			c.anchored = &lazyRegexp{src: `^(?:` + r.Pattern + `)`}
		} else if startsAtKeyword(r) {
			// A token rule whose match begins with its keyword: try the
			// regex at the hits only; \b is checked by hand there, since
			// an anchored slice has no byte before it.
			c.anchored = &lazyRegexp{src: `^(?:` + r.Pattern + `)`}
			c.wordStart = true
		}
		if r.Validator != "" {
			v, ok := rules.LookupValidator(r.Validator)
			if !ok {
				return nil, fmt.Errorf("%s: rule %q: unknown validator %q", r.Where(), r.ID, r.Validator)
			}
			c.validate = v
		}
		e.rules = append(e.rules, c)
		e.byID[r.ID] = i
		for _, k := range r.Keywords {
			idx, ok := kwIndex[k]
			if !ok {
				idx = len(keywords)
				kwIndex[k] = idx
				keywords = append(keywords, k)
				e.kwRules = append(e.kwRules, nil)
			}
			if !ok && strings.Contains(k, "_") {
				e.spaced = append(e.spaced, []byte(strings.ReplaceAll(k, "_", " ")))
			}
			if n := len(e.kwRules[idx]); n == 0 || e.kwRules[idx][n-1] != i {
				e.kwRules[idx] = append(e.kwRules[idx], i)
			}
		}
	}
	for _, c := range e.rules {
		if c.Requires != nil {
			if _, ok := e.byID[c.Requires.RuleID]; !ok {
				return nil, fmt.Errorf("%s: rule %q requires unknown rule %q", c.Where(), c.ID, c.Requires.RuleID)
			}
		}
	}
	e.trie = ahocorasick.NewTrieBuilder().AddStrings(keywords).Build()
	return e, nil
}

// Rules returns the engine's rules in catalog order.
func (e *Engine) Rules() []*rules.Rule {
	out := make([]*rules.Rule, len(e.rules))
	for i, c := range e.rules {
		out[i] = c.Rule
	}
	return out
}

// HashKey returns the key for secret_hmac, or nil.
func (e *Engine) HashKey() []byte { return e.opts.HashKey }

// KeywordPass runs only the Aho-Corasick pass over data, returning the
// number of keyword hits. It is the reference the engine's benchmarks
// compare against.
func (e *Engine) KeywordPass(data []byte) int {
	n := 0
	e.trie.Walk(data, func(end, length, pattern int64) bool {
		n++
		return true
	})
	return n
}
