package gitleaks

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// ignoreEntry is one line of a .gitleaksignore: a gitleaks fingerprint,
// commit:file:rule:line or file:rule:line.
type ignoreEntry struct {
	commit string
	file   string
	rule   string
	at     int // the finding's line
}

// parseIgnoreLine reads a fingerprint from the right, as gitleaks does, so
// that a ':' in a path (a Windows drive letter) stays in the path.
// Backslashes in the path become '/', as gitleaks makes them.
func parseIgnoreLine(s string) (ignoreEntry, bool) {
	var e ignoreEntry
	i := strings.LastIndexByte(s, ':')
	if i < 0 {
		return e, false
	}
	n, err := strconv.Atoi(s[i+1:])
	if err != nil || n < 0 {
		return e, false
	}
	e.at, s = n, s[:i]
	j := strings.LastIndexByte(s, ':')
	if j < 0 {
		return e, false
	}
	e.rule, s = s[j+1:], s[:j]
	if c, rest, ok := strings.Cut(s, ":"); ok && isHex(c) && (len(c) == 40 || len(c) == 64) {
		e.commit, s = c, rest
	}
	e.file = strings.ReplaceAll(s, `\`, "/")
	return e, e.rule != "" && e.file != ""
}

func isHex(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return s != ""
}

// ignoreFile converts a .gitleaksignore. A gitleaks fingerprint names a
// commit, a path, a rule and a line, but holds nothing of the secret, so
// it cannot become a .leakstopignore entry (a fingerprint or a rule and
// secret_sha256). The nearest leakstop can express is an allowlist of
// that path for the rules standing for that gitleaks rule: wider, since
// it accepts every finding of those rules in the file, in every commit.
// Entries are grouped into one allowlist per gitleaks rule.
func (c *converter) ignoreFile() {
	name := c.in.IgnoreName
	type group struct {
		out   *outAllowlist
		lines []string
	}
	groups := map[string]*group{}
	var order []string
	for n, raw := range strings.Split(strings.TrimPrefix(string(c.in.IgnoreData), "\ufeff"), "\n") {
		line := strings.TrimSpace(raw)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		at := where(name, n+1)
		note := func(o Outcome, why string) {
			c.notes = append(c.notes, Note{Where: at, Kind: KindIgnore, What: strings.ToValidUTF8(line, "\uFFFD"), Outcome: o, Why: why})
		}
		e, ok := parseIgnoreLine(line)
		if !utf8.ValidString(line) {
			note(Refused, "not UTF-8 text")
			continue
		}
		if !ok {
			note(Refused, "not a gitleaks fingerprint (commit:file:rule:line or file:rule:line)")
			continue
		}
		to, ok := c.leakstopIDs(e.rule)
		if !ok {
			note(Refused, "no leakstop rule finds what gitleaks' "+e.rule+" finds")
			continue
		}
		file := strings.TrimPrefix(e.file, "./")
		if strings.HasPrefix(file, "/") || len(file) > 1 && file[1] == ':' {
			note(Refused, "an absolute path: leakstop's paths are relative to the scanned root")
			continue
		}
		g := groups[e.rule]
		if g == nil {
			g = &group{out: &outAllowlist{from: where(name, n+1), label: name + " entries of rule " + e.rule, Rules: slices.Clone(to)}}
			groups[e.rule] = g
			order = append(order, e.rule)
		}
		glob := globLiteral(file)
		if !slices.Contains(g.out.Paths, glob) {
			g.out.Paths = append(g.out.Paths, glob)
		}
		g.lines = append(g.lines, strconv.Itoa(n+1))
		what := "line " + strconv.Itoa(e.at)
		if e.commit != "" {
			what += " of commit " + e.commit[:min(12, len(e.commit))]
		}
		note(Approximated, fmt.Sprintf("as an allowlist of path %s for %s: it accepts every finding of those rules in that file, not only the one at %s "+
			"(a gitleaks fingerprint holds nothing of the secret, so no .leakstopignore entry can be made from it; "+
			"for an exact entry, scan once and add the finding's fingerprint to .leakstopignore)", glob, strings.Join(to, ", "), what))
	}
	for _, rule := range order {
		g := groups[rule]
		lines := "line "
		if len(g.lines) > 1 {
			lines = "lines "
		}
		g.out.Description = fmt.Sprintf("%s, rule %s (%s%s)", name, rule, lines, strings.Join(g.lines, ", "))
		c.allowlists = append(c.allowlists, g.out)
	}
}

// globLiteral writes path as a glob that matches only it.
func globLiteral(path string) string {
	var b strings.Builder
	for _, r := range path {
		if strings.ContainsRune(`*?[]{}\`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
