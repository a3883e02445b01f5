package gitleaks

import (
	"fmt"
	"strconv"
	"strings"
)

// write writes the converted config: a header naming its sources and
// what was not converted, [extend], the rules, then the allowlists, each
// with a comment saying where it came from.
func (c *converter) write() []byte {
	var b strings.Builder
	src := c.in.Name
	if c.in.IgnoreData != nil {
		src += " and " + c.in.IgnoreName
	}
	fmt.Fprintf(&b, "# Converted from %s by `leakstop config import`.\n", src)
	if c.cfg.Title != "" {
		fmt.Fprintf(&b, "# gitleaks title: %s\n", oneLine(c.cfg.Title))
	}
	b.WriteString("# leakstop's own catalog runs besides these rules; see docs/migrating.md.\n")
	var refused []Note
	for _, n := range c.notes {
		if n.Outcome == Refused {
			refused = append(refused, n)
		}
	}
	if len(refused) > 0 {
		fmt.Fprintf(&b, "#\n# Not converted (%d):\n", len(refused))
		for _, n := range refused {
			fmt.Fprintf(&b, "#   %s\n", oneLine(n.String()))
		}
	}
	if len(c.disable) > 0 {
		b.WriteString("\n[extend]\n")
		fmt.Fprintf(&b, "disable = %s\n", tomlList(c.disable))
	}
	ids := map[string]bool{}
	for _, r := range c.rulesOut {
		ids[r.ID] = true
	}
	for _, r := range c.rulesOut {
		b.WriteString("\n[[rules]]\n")
		fmt.Fprintf(&b, "# gitleaks rule %q (%s). It has no examples: add [[rules.examples]] and run `leakstop rules test`.\n", r.gitleaksID, r.from)
		for _, n := range r.notes {
			fmt.Fprintf(&b, "# %s\n", oneLine(n))
		}
		fmt.Fprintf(&b, "id = %s\n", tomlString(r.ID))
		fmt.Fprintf(&b, "family = %s\n", tomlString(importedFamily))
		fmt.Fprintf(&b, "description = %s\n", tomlString(r.Description))
		fmt.Fprintf(&b, "keywords = %s\n", tomlList(r.Keywords))
		fmt.Fprintf(&b, "regex = %s\n", tomlString(r.Regex))
		if r.Entropy > 0 {
			e := strconv.FormatFloat(r.Entropy, 'f', -1, 64)
			if !strings.Contains(e, ".") {
				e += ".0"
			}
			fmt.Fprintf(&b, "entropy = %s\n", e)
		}
		if len(r.Tags) > 0 {
			fmt.Fprintf(&b, "tags = %s\n", tomlList(r.Tags))
		}
		if r.Window > 0 {
			fmt.Fprintf(&b, "window = %d\nbefore = %d\n", r.Window, r.Window)
		}
		if r.Requires != nil && ids[r.Requires.ID] {
			fmt.Fprintf(&b, "\n[rules.requires]\nid = %s\nwithin_lines = %d\n", tomlString(r.Requires.ID), r.Requires.WithinLines)
		}
	}
	for _, a := range c.allowlists {
		b.WriteString("\n[[allowlists]]\n")
		fmt.Fprintf(&b, "# from %s (%s)\n", a.from, oneLine(a.label))
		for _, n := range a.notes {
			fmt.Fprintf(&b, "# %s\n", oneLine(n))
		}
		fmt.Fprintf(&b, "description = %s\n", tomlString(a.Description))
		if len(a.Rules) > 0 {
			fmt.Fprintf(&b, "rules = %s\n", tomlList(a.Rules))
		}
		if a.All {
			b.WriteString("condition = \"all\"\n")
		}
		for _, kv := range []struct {
			key  string
			vals []string
		}{{"paths", a.Paths}, {"regexes", a.Regexes}, {"line_regexes", a.LineRegexes}, {"stopwords", a.Stopwords}} {
			if len(kv.vals) == 0 {
				continue
			}
			if len(kv.vals) == 1 {
				fmt.Fprintf(&b, "%s = %s\n", kv.key, tomlList(kv.vals))
				continue
			}
			fmt.Fprintf(&b, "%s = [\n", kv.key)
			for _, v := range kv.vals {
				fmt.Fprintf(&b, "  %s,\n", tomlString(v))
			}
			b.WriteString("]\n")
		}
	}
	return []byte(b.String())
}

// tomlString writes s as a TOML string: a literal string when it can be
// one (regexes read best so), else a basic string with escapes.
func tomlString(s string) string {
	literal := !strings.Contains(s, "'")
	for _, r := range s {
		if r < 0x20 && r != '\t' || r == 0x7f {
			literal = false
		}
	}
	if literal {
		return "'" + s + "'"
	}
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func tomlList(ss []string) string {
	parts := make([]string, len(ss))
	for i, s := range ss {
		parts[i] = tomlString(s)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// oneLine keeps a comment on one line, valid UTF-8 and free of the
// control characters TOML refuses.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\t' || r == 0x7f {
			return ' '
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
}
