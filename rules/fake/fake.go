// Package fake generates format-valid fake secrets for tests, from a fixed
// seed: strings that match a rule's secret group and pass its offline
// validator, yet were never issued by any provider.
//
// Tokens that push protection would block are never stored in the
// repository: tests build them here at run time.
package fake

import (
	"fmt"
	"math/rand/v2"
	"regexp/syntax"
	"strings"

	"github.com/leakstop/leakstop/rules"
)

// Gen produces fake secrets. It is deterministic for a seed and not safe for
// concurrent use.
type Gen struct {
	rng *rand.Rand
}

// New returns a generator seeded with seed.
func New(seed uint64) *Gen {
	return &Gen{rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
}

// Alnum is the alphabet of most tokens.
const Alnum = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

// String returns n characters drawn from alphabet.
func (g *Gen) String(alphabet string, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = alphabet[g.rng.IntN(len(alphabet))]
	}
	return string(b)
}

// Bytes returns n random bytes.
func (g *Gen) Bytes(n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(g.rng.UintN(256))
	}
	return b
}

// IntN returns a number in [0, n).
func (g *Gen) IntN(n int) int { return g.rng.IntN(n) }

// Secret returns a fake secret for rule: a string its secret group matches
// and its validator accepts. Rules whose validator needs a structure the
// regex cannot express (keys, JWTs, checksums) get one built for them.
func (g *Gen) Secret(r *rules.Rule) (string, error) {
	if build, ok := builders()[r.Validator]; ok {
		return build(g, r)
	}
	return g.FromRegex(r)
}

// FromRegex generates a string matching the rule's secret group alone.
func (g *Gen) FromRegex(r *rules.Rule) (string, error) {
	re, err := syntax.Parse(r.Pattern, syntax.Perl)
	if err != nil {
		return "", err
	}
	group := findCapture(re, "secret")
	if group == nil {
		return "", fmt.Errorf("rule %s: no secret group", r.ID)
	}
	var b strings.Builder
	g.gen(&b, group)
	return b.String(), nil
}

func findCapture(re *syntax.Regexp, name string) *syntax.Regexp {
	if re.Op == syntax.OpCapture && re.Name == name {
		return re
	}
	for _, s := range re.Sub {
		if f := findCapture(s, name); f != nil {
			return f
		}
	}
	return nil
}

// printable is what a class may yield: tokens are ASCII, and a generator
// that wandered into control or non-ASCII characters would build strings no
// provider issues.
func (g *Gen) pickFromClass(ranges []rune) rune {
	var allowed []rune // pairs, clipped to printable ASCII
	total := 0
	for i := 0; i+1 < len(ranges); i += 2 {
		lo, hi := max(ranges[i], '!'), min(ranges[i+1], '~')
		if lo > hi {
			continue
		}
		allowed = append(allowed, lo, hi)
		total += int(hi-lo) + 1
	}
	if total == 0 {
		return 'x'
	}
	n := g.rng.IntN(total)
	for i := 0; i < len(allowed); i += 2 {
		size := int(allowed[i+1]-allowed[i]) + 1
		if n < size {
			return allowed[i] + rune(n)
		}
		n -= size
	}
	return 'x'
}

func (g *Gen) repeat(b *strings.Builder, sub *syntax.Regexp, lo, hi int) {
	if hi < 0 {
		hi = lo + 8
	}
	n := lo
	if hi > lo {
		n += g.rng.IntN(hi - lo + 1)
	}
	for i := 0; i < n; i++ {
		g.gen(b, sub)
	}
}

func (g *Gen) gen(b *strings.Builder, re *syntax.Regexp) {
	switch re.Op {
	case syntax.OpLiteral:
		for _, r := range re.Rune {
			b.WriteRune(r)
		}
	case syntax.OpCharClass:
		b.WriteRune(g.pickFromClass(re.Rune))
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		b.WriteByte(Alnum[g.rng.IntN(len(Alnum))])
	case syntax.OpCapture:
		for _, s := range re.Sub {
			g.gen(b, s)
		}
	case syntax.OpConcat:
		for _, s := range re.Sub {
			g.gen(b, s)
		}
	case syntax.OpAlternate:
		g.gen(b, re.Sub[g.rng.IntN(len(re.Sub))])
	case syntax.OpStar:
		g.repeat(b, re.Sub[0], 0, 4)
	case syntax.OpPlus:
		g.repeat(b, re.Sub[0], 1, 6)
	case syntax.OpQuest:
		g.repeat(b, re.Sub[0], 0, 1)
	case syntax.OpRepeat:
		g.repeat(b, re.Sub[0], re.Min, re.Max)
	}
}

// builder makes a secret for rules with a given validator.
type builder func(g *Gen, r *rules.Rule) (string, error)

// builders lists the validators whose secrets the regex alone cannot make.
func builders() map[string]builder {
	m := map[string]builder{
		"crc32-base62": buildCRC32Base62,
	}
	for name, b := range keyBuilders() {
		m[name] = b
	}
	for name, b := range pypiBuilders() {
		m[name] = b
	}
	for name, b := range structureBuilders() {
		m[name] = b
	}
	return m
}

// buildCRC32Base62 keeps the prefix the regex gives and recomputes the
// checksum of the 30 random characters.
func buildCRC32Base62(g *Gen, r *rules.Rule) (string, error) {
	s, err := g.FromRegex(r)
	if err != nil {
		return "", err
	}
	us := strings.LastIndexByte(s, '_')
	if us < 0 || len(s)-us-1 != 36 {
		return "", fmt.Errorf("rule %s: %q is not prefix_ + 36 characters", r.ID, s)
	}
	random := s[us+1 : us+31]
	return s[:us+1] + random + rules.CRC32Base62([]byte(random)), nil
}
