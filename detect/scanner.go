package detect

import (
	"bytes"
	"encoding/binary"
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

	// context is the length of the whole regex match: between two rules
	// reporting the same secret, the one that needed more context (a
	// provider's name before the token) is the more specific.
	context int
}

type window struct{ start, end int }

// layer is a Scanner's scratch space for one depth of decoding.
type layer struct {
	lower   []byte
	windows [][]window // per rule
	touched []int      // rules with windows, in hit order
	decoded window     // below depth 0: the decoded text within its context
}

// Scanner scans fragments with an Engine. It owns scratch buffers and must
// not be shared between goroutines; make one per worker.
type Scanner struct {
	e      *Engine
	layers []*layer
	budget int
	runs   []encodedRun
	// ocr is set while scanning text read out of an image: readings
	// that fail a strong validator are repaired (rules.RepairOCR).
	ocr bool
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
	// Requirements first: a rule dropped for lacking its pair must not
	// have displaced another rule's match of the same secret.
	setLines(data, ms)
	ms = s.checkRequirements(ms)
	return dropOverlaps(ms, s.e)
}

// ScanOCR is Scan for text read with OCR out of an image: a secret whose
// rule has a checksum or structure of at least 32 bits and whose reading
// fails it is read again with the characters OCR confuses swapped; the
// one reading that validates is the secret, confirmed by "ocr-repair".
// When none does, the match is dropped as a misread look-alike; when
// several do, it stays a candidate, as read.
//
// OCR often reads an underscore as a space: a keyword holding one (ghp_,
// hf_, sk_live_) followed by a space and a token is read with the
// underscore back, in a copy of data of the same length, so offsets hold.
func (s *Scanner) ScanOCR(data []byte) []Match {
	s.ocr = true
	defer func() { s.ocr = false }()
	return s.Scan(s.unspace(data))
}

// unspace returns data with the spaces OCR put for the underscores of
// keywords turned back; data itself when there are none.
func (s *Scanner) unspace(data []byte) []byte {
	lower := lowerASCII(nil, data)
	var out []byte
	for _, k := range s.e.spaced {
		for at := 0; ; {
			i := bytes.Index(lower[at:], k)
			if i < 0 {
				break
			}
			i += at
			at = i + 1
			end := i + len(k)
			if end >= len(data) || !isWordByte(data[end]) || i > 0 && isWordByte(data[i-1]) && !isWordByte(k[0]) {
				continue
			}
			if out == nil {
				out = bytes.Clone(data)
			}
			for j := i; j < end; j++ {
				if k[j-i] == ' ' && data[j] == ' ' {
					out[j] = '_'
				}
			}
		}
	}
	if out == nil {
		return data
	}
	return out
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
			if r.anchored != nil {
				w = window{max(0, hitStart-r.AnchorBack), hitStart + 1} // starts to try
			}
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
		if e.rules[ri].anchored != nil {
			ms = s.runAnchored(ms, &e.rules[ri], data, l.windows[ri])
		} else {
			ms = s.runRule(ms, &e.rules[ri], data, l.windows[ri])
		}
		l.windows[ri] = l.windows[ri][:0]
	}
	l.touched = l.touched[:0]
	if depth < e.opts.DecodeDepth {
		ms = s.scanEncoded(ms, data, depth)
	}
	return ms
}

// runRule runs one rule's regex on its windows, widened to whole lines.
// Widened windows are clamped so they never overlap: a span is found once.
func (s *Scanner) runRule(ms []Match, r *compiled, data []byte, ws []window) []Match {
	group := r.SecretGroup()
	lastEnd := -1
	for _, w := range ws {
		start, end := widenToLines(data, w.start, w.end)
		if start < lastEnd {
			start = lastEnd
		}
		lastEnd = end
		chunk := data[start:end]
		for _, loc := range r.Regexp().FindAllSubmatchIndex(chunk, -1) {
			gs, ge := loc[2*group], loc[2*group+1]
			if gs < 0 || ge <= gs {
				continue
			}
			m, ok := s.judge(r, chunk[gs:ge], data, start+gs)
			if !ok {
				continue
			}
			m.context = loc[1] - loc[0]
			ms = append(ms, m)
		}
	}
	return ms
}

// runAnchored tries an anchored rule's regex at each start position
// recorded near its keyword hits; ws hold ranges of starts, not windows.
func (s *Scanner) runAnchored(ms []Match, r *compiled, data []byte, ws []window) []Match {
	re, group := r.anchored.get(), r.SecretGroup()
	next := 0 // matches do not overlap: skip starts inside the last one
	for _, w := range ws {
		for st := max(w.start, next); st < w.end; st++ {
			if r.wordStart && st > 0 && isWordByte(data[st-1]) {
				continue // \b: the token must not continue a word
			}
			_, end := widenToLines(data, st, min(len(data), st+r.WindowAfter()))
			loc := re.FindSubmatchIndex(data[st:end])
			if loc == nil {
				continue
			}
			gs, ge := loc[2*group], loc[2*group+1]
			if gs < 0 || ge <= gs {
				continue
			}
			m, ok := s.judge(r, data[st+gs:st+ge], data, st+gs)
			if !ok {
				continue
			}
			m.context = loc[1] - loc[0]
			ms = append(ms, m)
			next = st + loc[1]
			st = next - 1
		}
	}
	return ms
}

func isWordByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// judge applies the false-positive guards and the validator to one
// candidate secret at offset off of data.
func (s *Scanner) judge(r *compiled, secret, data []byte, off int) (Match, bool) {
	end := off + len(secret)
	var decoded []string
	if r.Unescape == "percent" && bytes.IndexByte(secret, '%') >= 0 {
		secret, decoded = unescapeURL(secret), []string{encPercent}
	}
	if r.Entropy > 0 && shannon(secret) < r.Entropy {
		return Match{}, false
	}
	if !r.AllowPlaceholders && (isPlaceholder(secret) || inAngleTemplate(data, off, end) || truncatedAfter(data, end)) || isDocumentedExample(secret) {
		return Match{}, false
	}
	if !r.KeepReferences && isReference(secret, data, off) {
		return Match{}, false
	}
	if r.generic && looksLikeIDOrWord(secret, data, off) {
		return Match{}, false
	}
	m := Match{Rule: r.Rule, Start: off, End: end, Secret: NewSecret(secret), Status: StatusCandidate, Decoded: decoded}
	if r.validate != nil {
		res := r.validate(secret)
		if s.ocr && res.Verdict != rules.Confirmed && rules.Repairable(r.Validator) {
			switch rep := rules.RepairOCR(r.Validator, secret); rep.Valid {
			case 1:
				m.Secret = NewSecret(rep.Secret)
				res = rules.Result{Verdict: rules.Confirmed, By: rules.ByOCRRepair}
			case 2:
				res = rules.Result{} // two readings hold: which one is unknown
			}
		}
		switch res.Verdict {
		case rules.Rejected:
			return Match{}, false
		case rules.Confirmed:
			m.Status, m.ConfirmedBy = StatusConfirmed, res.By
		}
	}
	return m, true
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

// lowerASCII returns data with ASCII letters lower-cased, in dst's storage.
// Eight bytes at a time: a byte gets 0x20 when it lies in 'A'..'Z'.
func lowerASCII(dst, data []byte) []byte {
	if cap(dst) < len(data) {
		dst = make([]byte, len(data), len(data)+len(data)/4)
	} else {
		dst = dst[:len(data)]
	}
	i := 0
	for ; i+8 <= len(data); i += 8 {
		v := binary.LittleEndian.Uint64(data[i:])
		low7 := v & 0x7f7f7f7f7f7f7f7f
		geA := low7 + 0x3f3f3f3f3f3f3f3f // high bit set where byte >= 'A'
		gtZ := low7 + 0x2525252525252525 // high bit set where byte > 'Z'
		upper := geA &^ gtZ &^ v & 0x8080808080808080
		binary.LittleEndian.PutUint64(dst[i:], v|upper>>2)
	}
	for ; i < len(data); i++ {
		dst[i] = lowerTable[data[i]]
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

// dropOverlaps keeps one match per secret where rules overlap: a provider
// rule over a URL rule over a generic one, the decoded secret over its
// encoded text, a confirmed match, the provider rule that needed more
// context (clerk + sk_live_ over Stripe's sk_live_), then catalog order. ms is sorted by
// Start, so each match is compared only with those it overlaps.
func dropOverlaps(ms []Match, e *Engine) []Match {
	drop := make([]bool, len(ms))
	for i := range ms {
		for j := i + 1; j < len(ms) && ms[j].Start < ms[i].End; j++ {
			switch loser(&ms[i], &ms[j], e) {
			case 1:
				drop[i] = true
			case 2:
				drop[j] = true
			}
		}
	}
	out := make([]Match, 0, len(ms))
	for i, m := range ms {
		if !drop[i] {
			out = append(out, m)
		}
	}
	return out
}

// Levels of specificity: a provider's rule says more than a password in a
// URL, which says more than a generic assignment.
const (
	specificGeneric = iota
	specificURL
	specificProvider
)

func specificity(r *rules.Rule) int {
	switch r.Family {
	case "generic":
		return specificGeneric
	case "urls":
		return specificURL
	}
	return specificProvider
}

// loser says which of two overlapping matches to drop: 1, 2, or 0 for
// neither (different secrets that touch).
func loser(a, b *Match, e *Engine) int {
	da, db := len(a.Decoded) > 0, len(b.Decoded) > 0
	sameSpan := a.Start == b.Start && a.End == b.End
	if sameSpan && da && db {
		// Both decoded from one encoded run: the same secret only if one
		// holds the other.
		sa, sb := a.Secret.Reveal(), b.Secret.Reveal()
		if !bytes.Contains(sa, sb) && !bytes.Contains(sb, sa) {
			return 0
		}
	}
	la, lb := specificity(a.Rule), specificity(b.Rule)
	switch {
	case la < lb:
		return 1
	case lb < la:
		return 2
	case a.Rule == b.Rule && da != db && bytes.Equal(a.Secret.Reveal(), b.Secret.Reveal()):
		// The same rule found the secret as it stands and again in the
		// decoded string around it (a JSON string with escapes elsewhere):
		// keep the plain match and its exact place.
		if da {
			return 1
		}
		return 2
	case a.Rule == b.Rule && !da && db && b.Start <= a.Start && a.End <= b.End:
		return 1 // the same rule found the encoded form too (sig=AbC%3D)
	case a.Rule == b.Rule && !db && da && a.Start <= b.Start && b.End <= a.End:
		return 2
	case !da && db && partOf(b, a):
		return 2 // decoded from a piece of a's secret (a JWT's claims): a reports it
	case !db && da && partOf(a, b):
		return 1
	case !sameSpan:
		return 0
	case da != db:
		if da {
			return 2 // keep the decoded value, not its encoding
		}
		return 1
	case a.Status != b.Status:
		if a.Status == StatusConfirmed {
			return 2
		}
		return 1
	case la == specificProvider && a.context != b.context:
		if a.context > b.context {
			return 2
		}
		return 1
	case e.byID[a.Rule.ID] <= e.byID[b.Rule.ID]:
		return 2
	}
	return 1
}

// partOf reports whether the decoded match d was found in an encoded run
// lying strictly inside the secret of the plain match p: the run is a
// piece of p's secret (a JWT's base64url payload), so what it decodes to
// is part of the secret p reports, not another one. Percent-decoded
// matches are left alone: a rule that unescapes reports the secret's own
// span, not a run's.
func partOf(d, p *Match) bool {
	return d.Decoded[0] != encPercent && p.Start <= d.Start && d.End <= p.End &&
		(p.Start < d.Start || d.End < p.End)
}

// checkRequirements drops matches of rules that require another rule's
// match within some lines when there is none.
func (s *Scanner) checkRequirements(ms []Match) []Match {
	var lines map[string][]int // rule id -> lines of its matches, sorted
	out := make([]Match, 0, len(ms))
	for _, m := range ms {
		req := m.Rule.Requires
		if req == nil {
			out = append(out, m)
			continue
		}
		if lines == nil {
			lines = map[string][]int{}
			for _, o := range ms { // ms is sorted by Start, so lines ascend
				lines[o.Rule.ID] = append(lines[o.Rule.ID], o.Line)
			}
		}
		ls := lines[req.RuleID]
		i, _ := slices.BinarySearch(ls, m.Line-req.WithinLines)
		if i < len(ls) && ls[i] <= m.Line+req.WithinLines {
			out = append(out, m)
		}
	}
	return out
}
