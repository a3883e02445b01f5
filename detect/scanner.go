package detect

import (
	"bytes"
	"slices"

	"github.com/leakstop/leakstop/rules"
)

// Status of a finding (DESIGN.md).
type Status string

// Statuses.
const (
	StatusCandidate Status = "candidate"
	StatusConfirmed Status = "confirmed"
	StatusVerified  Status = "verified"
	StatusRevoked   Status = "revoked"
)

// Match is one secret found in a fragment.
type Match struct {
	Rule *rules.Rule
	// Start and End delimit the secret in the fragment, or, for a secret
	// found in decoded text, the encoded text holding it.
	Start, End  int
	Secret      Secret
	Status      Status
	ConfirmedBy string
	// Decoded lists the encodings undone to find the secret, outermost
	// first; empty for a secret in plain text.
	Decoded []string
	// Line and Column (1-based; columns count characters) of Start, and the
	// line and column of the last byte.
	Line, Column, EndLine, EndColumn int
}

type window struct{ start, end int }

// layer is a Scanner's scratch space for one depth of decoding.
type layer struct {
	lower   []byte
	windows [][]window // per rule
	touched []int      // rules with windows, in hit order
}

// Scanner scans fragments with an Engine. It owns scratch buffers and must
// not be shared between goroutines; make one per worker.
type Scanner struct {
	e      *Engine
	layers []*layer
	budget int
	runs   []encodedRun
}

// NewScanner returns a Scanner using e.
func (e *Engine) NewScanner() *Scanner {
	return &Scanner{e: e}
}

func (s *Scanner) layer(depth int) *layer {
	for len(s.layers) <= depth {
		s.layers = append(s.layers, &layer{windows: make([][]window, len(s.e.rules))})
	}
	return s.layers[depth]
}

// Scan finds the secrets in data, sorted by position. Secrets found in
// plain text alias data; the caller must not modify data while it uses
// the matches.
func (s *Scanner) Scan(data []byte) []Match {
	s.budget = s.e.opts.DecodeBudget
	ms := s.scan(data, 0)
	if len(ms) == 0 {
		return nil
	}
	slices.SortStableFunc(ms, func(a, b Match) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return s.e.byID[a.Rule.ID] - s.e.byID[b.Rule.ID]
	})
	ms = dropOverlaps(ms, s.e)
	setLines(data, ms)
	return s.checkRequirements(ms)
}

// scan finds secrets in data at a decoding depth.
func (s *Scanner) scan(data []byte, depth int) []Match {
	l := s.layer(depth)
	l.lower = lowerASCII(l.lower[:0], data)
	e := s.e
	e.trie.Walk(l.lower, func(end, n, pattern int64) bool {
		hitStart, hitEnd := int(end-n+1), int(end+1)
		for _, ri := range e.kwRules[pattern] {
			r := &e.rules[ri]
			w := window{max(0, hitStart-r.WindowBefore()), min(len(data), hitEnd+r.WindowAfter())}
			ws := l.windows[ri]
			if len(ws) == 0 {
				l.touched = append(l.touched, ri)
			}
			if k := len(ws) - 1; k >= 0 && w.start <= ws[k].end {
				ws[k].end = max(ws[k].end, w.end)
			} else {
				ws = append(ws, w)
			}
			l.windows[ri] = ws
		}
		return true
	})
	var ms []Match
	slices.Sort(l.touched) // catalog order, for deterministic output
	for _, ri := range l.touched {
		ms = s.runRule(ms, &e.rules[ri], data, l.windows[ri])
		l.windows[ri] = l.windows[ri][:0]
	}
	l.touched = l.touched[:0]
	if depth < e.opts.DecodeDepth {
		ms = s.scanEncoded(ms, data, depth)
	}
	return ms
}

// runRule runs one rule's regex on its windows, widened to whole lines.
func (s *Scanner) runRule(ms []Match, r *compiled, data []byte, ws []window) []Match {
	first := len(ms)
	lastEnd := -1
	for _, w := range ws {
		start, end := widenToLines(data, w.start, w.end)
		if start < lastEnd {
			start = lastEnd
		}
		lastEnd = end
		chunk := data[start:end]
		for _, loc := range r.Regex.FindAllSubmatchIndex(chunk, -1) {
			gs, ge := loc[2*r.SecretGroup], loc[2*r.SecretGroup+1]
			if gs < 0 || ge <= gs {
				continue
			}
			m, ok := s.judge(r, chunk[gs:ge], data, start+gs)
			if !ok || containsSpan(ms[first:], m.Start, m.End) {
				continue
			}
			ms = append(ms, m)
		}
	}
	return ms
}

// judge applies the false-positive guards and the validator to one
// candidate secret at offset off of data.
func (s *Scanner) judge(r *compiled, secret, data []byte, off int) (Match, bool) {
	if r.Entropy > 0 && shannon(secret) < r.Entropy {
		return Match{}, false
	}
	if !r.AllowPlaceholders && isPlaceholder(secret) || isDocumentedExample(secret) {
		return Match{}, false
	}
	if !r.KeepReferences && isReference(secret, data, off) {
		return Match{}, false
	}
	if r.generic && looksLikeIDOrWord(secret, data, off) {
		return Match{}, false
	}
	m := Match{Rule: r.Rule, Start: off, End: off + len(secret), Secret: NewSecret(secret), Status: StatusCandidate}
	if r.validate != nil {
		res := r.validate(secret)
		switch res.Verdict {
		case rules.Rejected:
			return Match{}, false
		case rules.Confirmed:
			m.Status, m.ConfirmedBy = StatusConfirmed, res.By
		}
	}
	return m, true
}

func containsSpan(ms []Match, start, end int) bool {
	for _, m := range ms {
		if m.Start == start && m.End == end {
			return true
		}
	}
	return false
}

// widenToLines extends [start, end) to the line boundaries around it, by at
// most 256 bytes each way, so a regex never starts inside a token.
func widenToLines(data []byte, start, end int) (int, int) {
	const reach = 256
	lo := max(0, start-reach)
	if i := bytes.LastIndexByte(data[lo:start], '\n'); i >= 0 {
		start = lo + i + 1
	} else {
		start = lo
	}
	hi := min(len(data), end+reach)
	if i := bytes.IndexByte(data[end:hi], '\n'); i >= 0 {
		end += i
	} else {
		end = hi
	}
	return start, end
}

// lowerASCII appends the ASCII-lower-cased data to dst.
func lowerASCII(dst, data []byte) []byte {
	if cap(dst) < len(data) {
		dst = make([]byte, len(data), len(data)+len(data)/4)
	} else {
		dst = dst[:len(data)]
	}
	for i, c := range data {
		dst[i] = lowerTable[c]
	}
	return dst
}

var lowerTable = func() (t [256]byte) {
	for i := range t {
		t[i] = byte(i)
		if i >= 'A' && i <= 'Z' {
			t[i] = byte(i) + 'a' - 'A'
		}
	}
	return t
}()

// dropOverlaps removes a generic rule's match that overlaps a provider
// rule's match (the provider rule says more), and duplicate spans.
func dropOverlaps(ms []Match, e *Engine) []Match {
	out := make([]Match, 0, len(ms))
	for i, m := range ms {
		drop := false
		for j := range ms {
			if i == j || ms[j].End <= m.Start || ms[j].Start >= m.End {
				continue
			}
			gi, gj := e.rules[e.byID[m.Rule.ID]].generic, e.rules[e.byID[ms[j].Rule.ID]].generic
			switch {
			case gi && !gj:
				drop = true
			case m.Rule == ms[j].Rule && len(m.Decoded) == 0 && len(ms[j].Decoded) > 0 &&
				ms[j].Start <= m.Start && m.End <= ms[j].End:
				// The same rule found the encoded form too
				// (sig=AbC%3D): the decoded secret is the one to report.
				drop = true
			case gi == gj && ms[j].Start == m.Start && ms[j].End == m.End:
				// The same span twice: keep the secret found by decoding
				// (the value, not its encoding), else the earlier rule.
				dj, di := len(ms[j].Decoded) > 0, len(m.Decoded) > 0
				drop = (dj && !di) || (dj == di && j < i)
			}
			if drop {
				break
			}
		}
		if !drop {
			out = append(out, m)
		}
	}
	return out
}

// checkRequirements drops matches of rules that require another rule's
// match within some lines when there is none.
func (s *Scanner) checkRequirements(ms []Match) []Match {
	out := make([]Match, 0, len(ms))
	for _, m := range ms {
		req := m.Rule.Requires
		if req == nil || hasNear(ms, req.RuleID, m.Line, req.WithinLines) {
			out = append(out, m)
		}
	}
	return out
}

func hasNear(ms []Match, id string, line, within int) bool {
	for _, o := range ms {
		if o.Rule.ID == id && o.Line >= line-within && o.Line <= line+within {
			return true
		}
	}
	return false
}
