package suppress

import (
	"bytes"

	"github.com/leakstop/leakstop/detect"
	"github.com/leakstop/leakstop/rules"
)

// Marker, written in a comment of any syntax on a line a finding
// occupies, or in a comment alone on the line before it, accepts the
// finding:
//
//	password = "…"  # leakstop:allow
//	token := "…"    // leakstop:allow github-pat
//	<!-- leakstop:allow -->
//
// Rule ids (or aliases) after it, separated by commas, limit it to those
// rules. Words that name no rule are a free comment ("leakstop:allow test
// fixture"): the marker then accepts every rule.
const Marker = "leakstop:allow"

// Allowed reports, for each finding of one fragment whose text is data,
// whether a marker on one of its lines (Line to EndLine, and every line of
// Lines), or alone in a comment on the line before Line, accepts it. It returns nil when data holds no marker, which costs
// one pass over data.
func Allowed(data []byte, fs []detect.Finding, set *rules.Set) []bool {
	if len(fs) == 0 || !bytes.Contains(data, []byte(Marker)) {
		return nil
	}
	t := text{data: data}
	out := make([]bool, len(fs))
	for i := range fs {
		f := &fs[i]
		if above := t.line(f.Line - 1); commentOnly(above) {
			out[i] = allows(above, f.RuleID, set)
		}
		for l := f.Line; l <= max(f.Line, f.EndLine) && !out[i]; l++ {
			out[i] = allows(t.line(l), f.RuleID, set)
		}
		for _, l := range f.Lines {
			if out[i] {
				break
			}
			out[i] = allows(t.line(l), f.RuleID, set)
		}
	}
	return out
}

// text finds lines of data by number, indexing its newlines on first use.
type text struct {
	data   []byte
	starts []int // starts[i] is the offset of line i+1
}

// line returns line n (1-based) without its newline; nil when there is
// no such line.
func (t *text) line(n int) []byte {
	if t.starts == nil {
		t.starts = []int{0}
		for i, c := range t.data {
			if c == '\n' {
				t.starts = append(t.starts, i+1)
			}
		}
	}
	if n < 1 || n > len(t.starts) {
		return nil
	}
	start, end := t.starts[n-1], len(t.data)
	if n < len(t.starts) {
		end = t.starts[n] - 1
	}
	return t.data[start:end]
}

// allows reports whether line holds a marker that accepts rule ruleID.
func allows(line []byte, ruleID string, set *rules.Set) bool {
	for {
		i := bytes.Index(line, []byte(Marker))
		if i < 0 {
			return false
		}
		line = line[i+len(Marker):]
		if len(line) > 0 && isWordByte(line[0]) {
			continue // a longer word, such as leakstop:allowed
		}
		if limitAccepts(ruleIDs(line), ruleID, set) {
			return true
		}
	}
}

// ruleIDs returns the comma-separated words that follow a marker.
func ruleIDs(rest []byte) [][]byte {
	rest = bytes.TrimLeft(rest, " \t")
	n := 0
	for n < len(rest) && (isWordByte(rest[n]) || rest[n] == '-' || rest[n] == '.' || rest[n] == ',') {
		n++
	}
	var ids [][]byte
	for _, w := range bytes.Split(rest[:n], []byte(",")) {
		if w = bytes.Trim(w, "-."); len(w) > 0 {
			ids = append(ids, w)
		}
	}
	return ids
}

// limitAccepts reports whether a marker followed by words accepts rule
// ruleID: when no word names a rule, every rule is accepted.
func limitAccepts(words [][]byte, ruleID string, set *rules.Set) bool {
	limited := false
	for _, w := range words {
		id := string(bytes.ToLower(w))
		r, ok := lookup(set, id)
		if !ok {
			continue
		}
		limited = true
		if r == ruleID || r == canonicalID(set, ruleID) {
			return true
		}
	}
	return !limited
}

// lookup resolves a rule id or alias to the rule's id.
func lookup(set *rules.Set, id string) (string, bool) {
	if set == nil {
		return id, true
	}
	r, ok := set.Lookup(id)
	if !ok {
		return "", false
	}
	return r.ID, true
}

func canonicalID(set *rules.Set, id string) string {
	if r, ok := lookup(set, id); ok {
		return r
	}
	return id
}

func isWordByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// commentOnly reports whether line is only a comment holding the marker:
// nothing but comment leaders before it. A marker after code on the line
// above accepts that line's findings, not the next line's.
func commentOnly(line []byte) bool {
	i := bytes.Index(line, []byte(Marker))
	if i < 0 {
		return false
	}
	lead := bytes.TrimSpace(line[:i])
	for _, c := range []string{"#", "//", "--", "/*", "<!--", ";", "%", "'", "rem", "REM"} {
		lead = bytes.TrimSpace(bytes.TrimPrefix(lead, []byte(c)))
	}
	return len(lead) == 0
}
