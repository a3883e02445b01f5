package gitleaks

import (
	"fmt"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
)

// secretRegex rewrites a gitleaks rule's regex for leakstop, which takes
// the secret from the group named "secret": gitleaks' secretGroup N names
// the N-th group; without it gitleaks takes the first group that matched
// something, or the whole match when there is no group. The pattern is
// otherwise kept as written. approx says how the result differs.
func secretRegex(pattern string, secretGroup int) (out string, approx []string, err error) {
	re, err := regexp.Compile(pattern)
	if err != nil {
		return "", nil, fmt.Errorf("leakstop's regular expressions (Go's regexp, RE2 syntax) do not take it: %v", err)
	}
	n := re.NumSubexp()
	group := secretGroup
	switch {
	case secretGroup < 0:
		return "", nil, fmt.Errorf("secretGroup %d is negative", secretGroup)
	case secretGroup > n:
		return "", nil, fmt.Errorf("secretGroup %d, but the regex has %d groups", secretGroup, n)
	case secretGroup == 0 && n == 0:
		out = "(?P<secret>" + pattern + ")"
	case secretGroup == 0:
		group = 1
		if n > 1 {
			approx = append(approx, fmt.Sprintf("secretGroup is not set and the regex has %d groups: gitleaks takes the first that matched something, leakstop group 1", n))
		}
	}
	if out == "" {
		out, err = nameGroup(pattern, group)
		if err != nil {
			return "", nil, err
		}
	}
	check, err := regexp.Compile(out)
	if err != nil || check.SubexpIndex("secret") < 0 {
		return "", nil, fmt.Errorf("cannot name group %d \"secret\" (%v)", group, err)
	}
	return out, approx, nil
}

// nameGroup names capturing group n (1-based) of pattern "secret"; a
// group already named so elsewhere is renamed gitleaks_secret.
func nameGroup(pattern string, n int) (string, error) {
	type open struct{ at, end int } // the group's opening: pattern[at:end]
	var groups []open
	inClass := false
	for i := 0; i < len(pattern); i++ {
		c := pattern[i]
		switch {
		case c == '\\':
			i++ // the escaped byte
		case inClass:
			if k := strings.Index(pattern[i:], ":]"); c == '[' && strings.HasPrefix(pattern[i:], "[:") && k > 0 {
				i += k + 1 // a POSIX class, [:alpha:]
			} else if c == ']' {
				inClass = false
			}
		case c == '[':
			inClass = true
			// A ']' first in the class (after an optional '^') is literal.
			if j := i + 1; j < len(pattern) && pattern[j] == '^' {
				i = j
			}
			if j := i + 1; j < len(pattern) && pattern[j] == ']' {
				i = j
			}
		case c == '(':
			rest := pattern[i+1:]
			switch {
			case strings.HasPrefix(rest, "?P<"), strings.HasPrefix(rest, "?<"):
				end := strings.IndexByte(rest, '>')
				if end < 0 {
					return "", fmt.Errorf("unterminated group name")
				}
				groups = append(groups, open{i, i + 1 + end + 1})
			case strings.HasPrefix(rest, "?"):
				// (?:...) or flags: not a capturing group
			default:
				groups = append(groups, open{i, i + 1})
			}
		}
	}
	if n < 1 || n > len(groups) {
		return "", fmt.Errorf("group %d not found", n)
	}
	var b strings.Builder
	last := 0
	for k, g := range groups {
		name := pattern[g.at:g.end]
		switch {
		case k == n-1:
			b.WriteString(pattern[last:g.at])
			b.WriteString("(?P<secret>")
			last = g.end
		case name == "(?P<secret>" || name == "(?<secret>":
			b.WriteString(pattern[last:g.at])
			b.WriteString("(?P<gitleaks_secret>")
			last = g.end
		}
	}
	b.WriteString(pattern[last:])
	return b.String(), nil
}

// deriveKeywords finds literal strings of at least three bytes, one of
// which every match of pattern contains, to serve as a rule's keywords
// (leakstop runs a rule's regex only near a keyword; gitleaks runs a rule
// without keywords on everything). nil when there are none.
func deriveKeywords(pattern string) []string {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil
	}
	lits, _ := requiredLiterals(re.Simplify())
	if len(lits) == 0 || len(lits) > importedKeywords {
		return nil
	}
	var out []string
	for _, l := range lits {
		l = strings.ToLower(l)
		if len(l) < 3 {
			return nil
		}
		if !slices.Contains(out, l) {
			out = append(out, l)
		}
	}
	return out
}

// requiredLiterals returns literals one of which every match of re
// contains (nil: none known); exact says re matches exactly those
// strings, so a neighbour's literals may be joined to them.
func requiredLiterals(re *syntax.Regexp) (lits []string, exact bool) {
	const most = 16
	switch re.Op {
	case syntax.OpLiteral:
		return []string{string(re.Rune)}, true
	case syntax.OpCapture:
		return requiredLiterals(re.Sub[0])
	case syntax.OpPlus:
		lits, _ := requiredLiterals(re.Sub[0])
		return lits, false
	case syntax.OpRepeat:
		if re.Min >= 1 {
			lits, _ := requiredLiterals(re.Sub[0])
			return lits, false
		}
	case syntax.OpAlternate:
		var all []string
		exact := true
		for _, sub := range re.Sub {
			l, ex := requiredLiterals(sub)
			if l == nil {
				return nil, false
			}
			all = append(all, l...)
			exact = exact && ex
		}
		if len(all) > most {
			return nil, false
		}
		return all, exact
	case syntax.OpConcat:
		var best, run []string // run: the exact strings of the children so far
		consider := func(l []string) {
			if l != nil && (best == nil || shortest(l) > shortest(best)) {
				best = slices.Clone(l)
			}
		}
		allExact := true
		for _, sub := range re.Sub {
			l, ex := requiredLiterals(sub)
			if !ex || len(run)*len(l) > most {
				allExact = false
				run = nil
				consider(l)
				if ex {
					run = l
				}
				continue
			}
			if run == nil {
				run = l
			} else {
				var joined []string
				for _, a := range run {
					for _, b := range l {
						joined = append(joined, a+b)
					}
				}
				run = joined
			}
			consider(run)
		}
		return best, allExact && best != nil
	}
	return nil, false
}

func shortest(ls []string) int {
	n := -1
	for _, l := range ls {
		if n < 0 || len(l) < n {
			n = len(l)
		}
	}
	return n
}

// anchored reports whether pattern uses ^ or $ for the start or end of
// the text: gitleaks searches a whole file, leakstop a window of whole
// lines around a keyword, so there they match at the window's ends too.
func anchored(pattern string) bool {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return false
	}
	var walk func(*syntax.Regexp) bool
	walk = func(re *syntax.Regexp) bool {
		if re.Op == syntax.OpBeginText || re.Op == syntax.OpEndText {
			return true
		}
		return slices.ContainsFunc(re.Sub, walk)
	}
	return walk(re)
}

// keywordInMatch reports whether keyword k (lower case) is part of what
// pattern matches: written in it, or inside a literal every match holds.
// Otherwise gitleaks may find the keyword anywhere in the file, far from
// the match.
func keywordInMatch(pattern, k string) bool {
	if strings.Contains(strings.ToLower(pattern), k) {
		return true
	}
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return false
	}
	lits, _ := requiredLiterals(re.Simplify())
	return slices.ContainsFunc(lits, func(l string) bool { return strings.Contains(strings.ToLower(l), k) })
}
