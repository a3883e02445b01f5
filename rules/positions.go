package rules

import (
	"bytes"
	"strings"

	"github.com/BurntSushi/toml"
)

// positions maps the tables of a rule file to their lines, so errors found
// after decoding can name a line. The TOML decoder keeps positions to itself;
// a scan of the table headers is enough for a file of [[rules]].
type positions struct {
	lines    [][]byte // the file's lines, 0-based
	rules    []int    // 1-based line of each [[rules]] header
	examples [][]int  // per rule, lines of its [[rules.examples]]
	counters [][]int  // per rule, lines of its [[rules.counterexamples]]
}

func scanPositions(data []byte) positions {
	var p positions
	var headers []Header
	p.lines, headers = TableHeaders(data)
	for _, h := range headers {
		switch h.Name {
		case "[[rules]]":
			p.rules = append(p.rules, h.Line)
			p.examples = append(p.examples, nil)
			p.counters = append(p.counters, nil)
		case "[[rules.examples]]":
			if n := len(p.rules); n > 0 {
				p.examples[n-1] = append(p.examples[n-1], h.Line)
			}
		case "[[rules.counterexamples]]":
			if n := len(p.rules); n > 0 {
				p.counters[n-1] = append(p.counters[n-1], h.Line)
			}
		}
	}
	return p
}

// Header is a table header of a TOML file: its name as written, without
// spaces or a comment ("[[rules]]", "[extend]"), and its 1-based line.
type Header struct {
	Name string
	Line int
}

// TableHeaders splits a TOML file into lines and lists its table headers,
// leaving out lines inside multi-line strings. Files that share the rule
// format's syntax (suppression configs) use it to name lines in errors
// found after decoding.
func TableHeaders(data []byte) ([][]byte, []Header) {
	lines := bytes.Split(data, []byte("\n"))
	var headers []Header
	inMulti := ""
	for i, raw := range lines {
		line := bytes.TrimSpace(raw)
		if inMulti != "" {
			if bytes.Count(line, []byte(inMulti))%2 == 1 {
				inMulti = ""
			}
			continue
		}
		inMulti = openMultiline(line)
		if h := headerName(line); h != nil {
			headers = append(headers, Header{Name: string(h), Line: i + 1})
		}
	}
	return lines, headers
}

// openMultiline returns the delimiter of a multi-line string that line
// opens and leaves open, reading delimiters left to right so that a """
// inside a ”'...”' string on the same line does not count.
func openMultiline(line []byte) string {
	for {
		i, j := bytes.Index(line, []byte("'''")), bytes.Index(line, []byte(`"""`))
		q := "'''"
		switch {
		case i < 0 && j < 0:
			return ""
		case i < 0 || (j >= 0 && j < i):
			i, q = j, `"""`
		}
		rest := line[i+3:]
		k := bytes.Index(rest, []byte(q))
		if k < 0 {
			return q
		}
		line = rest[k+3:]
	}
}

// headerName strips spaces inside a table header line and any comment.
func headerName(line []byte) []byte {
	if len(line) == 0 || line[0] != '[' {
		return nil
	}
	if i := bytes.IndexByte(line, '#'); i >= 0 {
		line = bytes.TrimSpace(line[:i])
	}
	return bytes.ReplaceAll(line, []byte(" "), nil)
}

func at(lines []int, i int) int {
	if i >= 0 && i < len(lines) {
		return lines[i]
	}
	return 0
}

func (p positions) ruleLine(i int) int { return at(p.rules, i) }

func (p positions) exampleLine(rule, j int) int {
	if rule < len(p.examples) {
		if l := at(p.examples[rule], j); l > 0 {
			return l
		}
	}
	return p.ruleLine(rule)
}

func (p positions) counterLine(rule, j int) int {
	if rule < len(p.counters) {
		if l := at(p.counters[rule], j); l > 0 {
			return l
		}
	}
	return p.ruleLine(rule)
}

// keyInRule finds the line assigning key within rule i's section.
func (p positions) keyInRule(i int, key string) int {
	start := p.ruleLine(i)
	if start == 0 {
		return 0
	}
	end := len(p.lines)
	if i+1 < len(p.rules) {
		end = p.rules[i+1] - 1
	}
	if l := p.findKey(start, end, key); l > 0 {
		return l
	}
	return start
}

func (p positions) findKey(from, to int, key string) int {
	for l := from; l <= to && l <= len(p.lines); l++ {
		line := bytes.TrimSpace(p.lines[l-1])
		if bytes.HasPrefix(line, []byte(key)) {
			rest := bytes.TrimSpace(line[len(key):])
			if len(rest) > 0 && rest[0] == '=' {
				return l
			}
		}
		if h := headerName(line); h != nil && lastComponent(h) == key {
			return l
		}
	}
	return 0
}

// lastComponent is the last name of a table header: "requires" of
// [rules.requires], "allowlists" of [[allowlists]].
func lastComponent(header []byte) string {
	name := strings.Trim(string(header), "[]")
	return name[strings.LastIndexByte(name, '.')+1:]
}

// keyLine finds where an undecoded key was written: the first assignment
// of its last component, or the header naming it.
func (p positions) keyLine(k toml.Key) int {
	if len(k) == 0 {
		return 0
	}
	return p.findKey(1, len(p.lines), k[len(k)-1])
}
