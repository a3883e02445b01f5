package gitleaks

import (
	"fmt"
	"regexp/syntax"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bmatcuk/doublestar/v4"
)

// maxGlobs bounds how many globs one path regex may become: each
// alternation, optional part and ".*" multiplies them.
const maxGlobs = 64

// pathGlobs translates a gitleaks path regex, which gitleaks searches for
// anywhere in a file's path, into leakstop globs (doublestar, matched
// against the whole canonical path) that accept the same paths. A regex
// that globs cannot express (a repeated class such as [a-z]+, a word
// boundary) is an error saying why. narrowed is set when the globs accept
// fewer paths: '.' is taken as any character but '/', which is what a
// path regex means by it nearly always.
//
// The translation rests on four equivalences for paths without a leading
// '/' or an empty segment: ".*" is "*" or "*/**/*"; an unanchored start
// is "**/*"; an unanchored end is "*" or "*/**"; a class is a class
// (doublestar's classes, unlike '?' and '*', match '/' too).
func pathGlobs(expr string) (globs []string, narrowed string, err error) {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return nil, "", fmt.Errorf("not a valid regular expression: %v", err)
	}
	t := &globTranslator{}
	seqs, err := t.expand(re.Simplify())
	if err != nil {
		return nil, "", err
	}
	for _, s := range seqs {
		g, ok, err := render(s)
		if err != nil {
			return nil, "", err
		}
		if ok {
			globs = append(globs, g...)
		}
	}
	globs = mergeGlobs(globs)
	if len(globs) == 0 {
		return nil, "", fmt.Errorf("matches no relative path (leakstop's paths are relative to the scanned root, with no leading '/')")
	}
	if len(globs) > maxGlobs {
		return nil, "", fmt.Errorf("would take %d globs (at most %d)", len(globs), maxGlobs)
	}
	for _, g := range globs {
		if !doublestar.ValidatePattern(g) {
			return nil, "", fmt.Errorf("gives the glob %q, which is not valid", g)
		}
	}
	if t.dot {
		narrowed = "'.' is taken as any character but '/'"
	}
	return globs, narrowed, nil
}

// tokKind is one piece of a glob being built.
type tokKind int

const (
	tokText  tokKind = iota // literal text or a class, written as a glob
	tokStar                 // "*": any run of characters but '/'
	tokDStar                // "**": any run of whole segments (between '/')
	tokBegin                // ^: the start of the path
	tokEnd                  // $: the end of the path
)

type tok struct {
	kind tokKind
	text string
}

type seq []tok

type globTranslator struct {
	dot bool // a '.' was narrowed
}

// expand lists the token sequences re matches, one per alternative.
func (t *globTranslator) expand(re *syntax.Regexp) ([]seq, error) {
	switch re.Op {
	case syntax.OpEmptyMatch:
		return []seq{{}}, nil
	case syntax.OpNoMatch:
		return nil, nil
	case syntax.OpLiteral:
		var s seq
		for _, r := range re.Rune {
			s = append(s, tok{kind: tokText, text: literalGlob(r, re.Flags&syntax.FoldCase != 0)})
		}
		return []seq{s}, nil
	case syntax.OpCharClass:
		return []seq{{{kind: tokText, text: classGlob(re.Rune)}}}, nil
	case syntax.OpAnyCharNotNL, syntax.OpAnyChar:
		t.dot = true
		return []seq{{{kind: tokText, text: "?"}}}, nil
	case syntax.OpBeginText, syntax.OpBeginLine:
		return []seq{{{kind: tokBegin}}}, nil
	case syntax.OpEndText, syntax.OpEndLine:
		return []seq{{{kind: tokEnd}}}, nil
	case syntax.OpCapture:
		return t.expand(re.Sub[0])
	case syntax.OpConcat:
		out := []seq{{}}
		for _, sub := range re.Sub {
			alts, err := t.expand(sub)
			if err != nil {
				return nil, err
			}
			var next []seq
			for _, a := range out {
				for _, b := range alts {
					next = append(next, append(slices.Clip(a), b...))
				}
			}
			if len(next) > maxGlobs {
				return nil, fmt.Errorf("has more than %d alternatives", maxGlobs)
			}
			out = next
		}
		return out, nil
	case syntax.OpAlternate:
		var out []seq
		for _, sub := range re.Sub {
			alts, err := t.expand(sub)
			if err != nil {
				return nil, err
			}
			out = append(out, alts...)
		}
		if len(out) > maxGlobs {
			return nil, fmt.Errorf("has more than %d alternatives", maxGlobs)
		}
		return out, nil
	case syntax.OpQuest:
		alts, err := t.expand(re.Sub[0])
		if err != nil {
			return nil, err
		}
		return append([]seq{{}}, alts...), nil
	case syntax.OpStar:
		if anyRun(re.Sub[0]) {
			// ".*" crosses '/': "*", or "*/**/*".
			return []seq{
				{{kind: tokStar}},
				{{kind: tokStar}, {kind: tokText, text: "/"}, {kind: tokDStar}, {kind: tokText, text: "/"}, {kind: tokStar}},
			}, nil
		}
		if notSlashRun(re.Sub[0]) {
			return []seq{{{kind: tokStar}}}, nil
		}
		return nil, fmt.Errorf("repeats %s, which a glob cannot", re.Sub[0])
	case syntax.OpPlus:
		return t.expand(&syntax.Regexp{Op: syntax.OpConcat, Sub: []*syntax.Regexp{re.Sub[0], {Op: syntax.OpStar, Sub: re.Sub}}})
	case syntax.OpRepeat:
		if re.Max == -1 {
			subs := slices.Repeat([]*syntax.Regexp{re.Sub[0]}, re.Min)
			subs = append(subs, &syntax.Regexp{Op: syntax.OpStar, Sub: re.Sub})
			return t.expand(&syntax.Regexp{Op: syntax.OpConcat, Sub: subs})
		}
		if re.Max > 8 {
			return nil, fmt.Errorf("repeats %s up to %d times, which a glob cannot", re.Sub[0], re.Max)
		}
		var alts []*syntax.Regexp
		for n := re.Min; n <= re.Max; n++ {
			subs := slices.Repeat([]*syntax.Regexp{re.Sub[0]}, n)
			alts = append(alts, &syntax.Regexp{Op: syntax.OpConcat, Sub: subs})
		}
		if len(alts) == 1 {
			return t.expand(alts[0])
		}
		return t.expand(&syntax.Regexp{Op: syntax.OpAlternate, Sub: alts})
	}
	return nil, fmt.Errorf("uses %s, which a glob cannot express", opName(re))
}

func opName(re *syntax.Regexp) string {
	switch re.Op {
	case syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return `a word boundary (\b, \B)`
	}
	return fmt.Sprintf("%q", re.String())
}

// anyRun reports whether re is "any character" (. or [^\n] or every
// rune), so that re* crosses '/'.
func anyRun(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return true
	case syntax.OpCharClass:
		for _, r := range runesOf(complement(re.Rune), 2) {
			if r != '\n' {
				return false
			}
		}
		return true
	}
	return false
}

// notSlashRun reports whether re is "any character but '/'" (and maybe
// but newline), so that re* is a glob's "*".
func notSlashRun(re *syntax.Regexp) bool {
	if re.Op != syntax.OpCharClass || classMatches(re.Rune, '/') {
		return false
	}
	for _, r := range runesOf(complement(re.Rune), 3) {
		if r != '/' && r != '\n' {
			return false
		}
	}
	return true
}

// literalGlob writes rune r as a glob; with fold, a letter in either case.
func literalGlob(r rune, fold bool) string {
	if fold {
		if u, l := unicode.ToUpper(r), unicode.ToLower(r); u != l {
			return "[" + classRune(u) + classRune(l) + "]"
		}
	}
	if strings.ContainsRune(`*?[]{}\!`, r) {
		return `\` + string(r)
	}
	return string(r)
}

// classGlob writes a regex class (pairs of rune ranges) as a glob class,
// listed or negated, whichever is shorter.
func classGlob(ranges []rune) string {
	if len(ranges) == 2 && ranges[0] == ranges[1] {
		return literalGlob(ranges[0], false)
	}
	pos := "[" + classRanges(ranges) + "]"
	neg := "[!" + classRanges(complement(ranges)) + "]"
	if len(complement(ranges)) == 0 {
		return pos
	}
	if len(neg) < len(pos) {
		return neg
	}
	return pos
}

func classRanges(ranges []rune) string {
	var b strings.Builder
	for i := 0; i+1 < len(ranges); i += 2 {
		lo, hi := ranges[i], ranges[i+1]
		b.WriteString(classRune(lo))
		if hi > lo {
			if hi > lo+1 {
				b.WriteByte('-')
			}
			b.WriteString(classRune(hi))
		}
	}
	return b.String()
}

// classRune writes r inside a glob class, escaping what is special there.
func classRune(r rune) string {
	if r < utf8.RuneSelf && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
		return `\` + string(r)
	}
	return string(r)
}

// complement returns the rune ranges not in ranges.
func complement(ranges []rune) []rune {
	var out []rune
	next := rune(0)
	for i := 0; i+1 < len(ranges); i += 2 {
		if ranges[i] > next {
			out = append(out, next, ranges[i]-1)
		}
		next = ranges[i+1] + 1
	}
	if next <= unicode.MaxRune {
		out = append(out, next, unicode.MaxRune)
	}
	return out
}

func classMatches(ranges []rune, r rune) bool {
	for i := 0; i+1 < len(ranges); i += 2 {
		if r >= ranges[i] && r <= ranges[i+1] {
			return true
		}
	}
	return false
}

// runesOf lists the runes of ranges, or more than limit of them when
// there are more.
func runesOf(ranges []rune, limit int) []rune {
	var out []rune
	for i := 0; i+1 < len(ranges); i += 2 {
		for r := ranges[i]; r <= ranges[i+1]; r++ {
			out = append(out, r)
			if len(out) > limit {
				return out
			}
		}
	}
	return out
}

// render writes one token sequence as globs; ok is false for a sequence
// that matches no relative path (an anchor inside it, or a leading '/').
func render(s seq) (globs []string, ok bool, err error) {
	begin := len(s) > 0 && s[0].kind == tokBegin
	if begin {
		s = s[1:]
	}
	end := len(s) > 0 && s[len(s)-1].kind == tokEnd
	if end {
		s = s[:len(s)-1]
	}
	for _, t := range s {
		if t.kind == tokBegin || t.kind == tokEnd {
			return nil, false, nil // an anchor with text beside it: never matches
		}
	}
	slash := tok{kind: tokText, text: "/"}
	if begin && (len(s) > 0 && s[0] == slash || end && len(s) == 0) {
		return nil, false, nil // an absolute path, or the empty one
	}
	head := seq{}
	if !begin {
		head = seq{{kind: tokDStar}, slash, {kind: tokStar}}
	}
	tails := []seq{{}}
	if !end {
		tails = []seq{{{kind: tokStar}}, {{kind: tokStar}, slash, {kind: tokDStar}}}
	}
	for _, tail := range tails {
		full := append(append(slices.Clone(head), s...), tail...)
		var b strings.Builder
		for i, t := range full {
			switch t.kind {
			case tokText:
				b.WriteString(t.text)
			case tokStar:
				if i > 0 && full[i-1].kind == tokStar {
					continue // "**" in one segment is "*"
				}
				b.WriteString("*")
			case tokDStar:
				b.WriteString("**")
			}
		}
		globs = append(globs, b.String())
	}
	return globs, true, nil
}

// mergeGlobs drops duplicates and joins A with **/*/A into **/A (A at the
// top or under any folder), keeping the first order.
func mergeGlobs(globs []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, g := range globs {
		if !seen[g] {
			seen[g] = true
			out = append(out, g)
		}
	}
	drop := map[string]bool{}
	for i, g := range out {
		if rest, ok := strings.CutPrefix(g, "**/*/"); ok && seen[rest] {
			out[i] = "**/" + rest
			drop[rest] = true
		}
	}
	return slices.DeleteFunc(out, func(g string) bool { return drop[g] })
}
