package suppress

import (
	"bytes"
	"slices"

	"github.com/leakstop/leakstop/detect"
	"github.com/leakstop/leakstop/rules"
	"github.com/leakstop/leakstop/source"
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

// GitleaksMarker is gitleaks' inline marker. With Filter.GitleaksAllow
// (--compat gitleaks) it accepts a finding when it is anywhere on one of
// the finding's lines, whatever rule found it, as gitleaks reads it: not
// on the line before, and without rule ids.
const GitleaksMarker = "gitleaks:allow"

// Allowed reports, for each finding of one fragment whose text is data,
// whether a marker on one of its lines (Line to EndLine, and every line of
// Lines), or alone in a comment on the line before Line, accepts it. It
// returns nil when data holds no marker, which costs one pass over data.
func Allowed(data []byte, fs []detect.Finding, set *rules.Set) []bool {
	at := allowedAt(&text{data: data}, fs, set, false)
	if at == nil {
		return nil
	}
	out := make([]bool, len(fs))
	for i, l := range at {
		out[i] = l > 0
	}
	return out
}

// allowedAt returns, for each finding, the line of the marker that
// accepts it (0: none); nil when the text holds no marker. With gitleaks,
// GitleaksMarker accepts too.
func allowedAt(t *text, fs []detect.Finding, set *rules.Set, gitleaks bool) []int {
	own := bytes.Contains(t.data, []byte(Marker))
	gitleaks = gitleaks && bytes.Contains(t.data, []byte(GitleaksMarker))
	if len(fs) == 0 || !own && !gitleaks {
		return nil
	}
	out := make([]int, len(fs))
	for i := range fs {
		f := &fs[i]
		if own {
			if above := t.line(f.Line - 1); commentOnly(above) && allows(above, f.RuleID, set) {
				out[i] = f.Line - 1
				continue
			}
		}
		for _, l := range findingLines(f) {
			line := t.line(l)
			if own && allows(line, f.RuleID, set) || gitleaks && bytes.Contains(line, []byte(GitleaksMarker)) {
				out[i] = l
				break
			}
		}
	}
	return out
}

// addedMarkers lists the markers on lines that origins added: each origin
// of a change (a range, a push, the index) lists the lines it added.
// Without such an origin, or without a marker in the text, it costs at
// most one pass over the text. With gitleaks, GitleaksMarker counts too.
func addedMarkers(t *text, origins []source.Origin, set *rules.Set, gitleaks bool) []AddedMarker {
	changed := false
	for _, o := range origins {
		changed = changed || len(o.Added) > 0
	}
	if !changed {
		return nil
	}
	ms := markersIn(t, Marker, set, true)
	if gitleaks {
		ms = append(ms, markersIn(t, GitleaksMarker, set, false)...)
		slices.SortStableFunc(ms, func(a, b AddedMarker) int { return a.Line - b.Line })
	}
	var out []AddedMarker
	for _, o := range origins {
		for _, m := range ms {
			if inRanges(o.Added, m.Line) {
				m.Path, m.Commit = o.Path, o.Commit
				out = append(out, m)
			}
		}
	}
	return out
}

// markersIn lists the lines of t holding marker, one entry a line. A
// leakstop marker (own) must be a whole word and takes the rule ids
// written after it, resolved in set; gitleaks' is found anywhere and takes
// none, as gitleaks reads it.
func markersIn(t *text, marker string, set *rules.Set, own bool) []AddedMarker {
	if !bytes.Contains(t.data, []byte(marker)) {
		return nil
	}
	var ms []AddedMarker
	for off := 0; ; {
		i := bytes.Index(t.data[off:], []byte(marker))
		if i < 0 {
			break
		}
		start := off + i
		off = start + len(marker)
		if own && off < len(t.data) && isWordByte(t.data[off]) {
			continue // a longer word
		}
		line := t.lineOf(start)
		if len(ms) > 0 && ms[len(ms)-1].Line == line {
			continue
		}
		var ids []string
		if own {
			rest := t.line(line)[start-t.starts[line-1]+len(marker):]
			for _, w := range ruleIDs(rest) {
				if id, ok := lookup(set, string(bytes.ToLower(w))); ok && !slices.Contains(ids, id) {
					ids = append(ids, id)
				}
			}
		}
		ms = append(ms, AddedMarker{Marker: marker, Line: line, Rules: ids})
	}
	return ms
}

func inRanges(rs []source.LineRange, line int) bool {
	for _, r := range rs {
		if line >= r.Start && line <= r.End {
			return true
		}
	}
	return false
}

// text finds lines of data by number, indexing its newlines on first use.
type text struct {
	data   []byte
	starts []int // starts[i] is the offset of line i+1
}

func (t *text) index() {
	if t.starts == nil {
		t.starts = []int{0}
		for i, c := range t.data {
			if c == '\n' {
				t.starts = append(t.starts, i+1)
			}
		}
	}
}

// lineOf returns the line (1-based) holding offset off.
func (t *text) lineOf(off int) int {
	t.index()
	n, found := slices.BinarySearch(t.starts, off)
	if found {
		return n + 1
	}
	return n
}

// line returns line n (1-based) without its newline; nil when there is
// no such line.
func (t *text) line(n int) []byte {
	t.index()
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
