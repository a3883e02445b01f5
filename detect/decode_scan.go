package detect

import (
	"bytes"

	"github.com/leakstop/leakstop/rules"
)

// lastNewlines returns the index of the n-th newline from the end of b,
// or -1 when b holds fewer (the context then starts at b's start).
func lastNewlines(b []byte, n int) int {
	end := len(b)
	for ; n > 0; n-- {
		i := bytes.LastIndexByte(b[:end], '\n')
		if i < 0 {
			return -1
		}
		end = i
	}
	return end
}

// scanEncoded decodes the encoded runs of data and scans the decoded text
// in its lines' context (so "DB_PASSWORD: <base64>" is judged as
// "DB_PASSWORD: <value>"). Matches are reported at the encoded run.
func (s *Scanner) scanEncoded(ms []Match, data []byte, depth int) []Match {
	runs := findEncoded(s.runs[:0], data)
	if depth > 0 {
		// Only a run inside the decoded text can yield a match the layer
		// above keeps; the runs of its context were decoded up there.
		in := s.layer(depth).decoded
		kept := runs[:0]
		for _, run := range runs {
			if run.start >= in.start && run.end <= in.end {
				kept = append(kept, run)
			}
		}
		runs = kept
	}
	if len(runs) == 0 {
		s.runs = runs
		return ms
	}
	// Copy the runs: deeper layers reuse s.runs.
	own := append([]encodedRun(nil), runs...)
	s.runs = runs[:0]
	var buf []byte
	for _, run := range own {
		if s.budget <= 0 {
			break
		}
		src := data[run.start:run.end]
		// The context is the run's line and the lines before and after
		// it (a HAR header's name above its value, a YAML key above a
		// block, the key id that pairs with an encoded secret below it).
		lineStart := max(0, run.start-contextReach)
		if i := lastNewlines(data[lineStart:run.start], 2); i >= 0 {
			lineStart += i + 1
		}
		lineEnd := min(len(data), run.end+contextReach)
		if i := bytes.IndexByte(data[run.end:lineEnd], '\n'); i >= 0 {
			lineEnd = run.end + i
			if j := bytes.IndexByte(data[lineEnd+1:min(len(data), lineEnd+1+contextReach)], '\n'); j >= 0 {
				lineEnd += 1 + j
			} else {
				lineEnd = min(len(data), lineEnd+1+contextReach)
			}
		}
		buf = append(buf[:0], data[lineStart:run.start]...)
		decStart := len(buf)
		var ok bool
		buf, ok = decodeRun(buf, src, run.kind)
		if !ok {
			continue
		}
		decEnd := len(buf)
		s.budget -= decEnd - decStart
		buf = append(buf, data[run.end:lineEnd]...)
		s.layer(depth + 1).decoded = window{decStart, decEnd}
		inner := s.scan(buf, depth+1)
		for _, m := range inner {
			if m.Start < decStart || m.End > decEnd {
				continue // found in the context: the plain scan has it
			}
			secret := append([]byte(nil), m.Secret.Reveal()...)
			if containsDecoded(ms, run, m.Rule, secret) {
				continue
			}
			ms = append(ms, Match{
				Rule: m.Rule, Start: run.start, End: run.end, Secret: NewSecret(secret),
				Status: m.Status, ConfirmedBy: m.ConfirmedBy,
				Decoded: append([]string{run.kind}, m.Decoded...), context: m.context,
			})
		}
	}
	return ms
}

// containsDecoded looks at the matches already found in this run (they are
// the last ones appended) for the same secret from the same rule. Another
// rule's match of the secret is kept: dropOverlaps chooses between rules
// (a provider's over a generic one, whichever ran first).
func containsDecoded(ms []Match, run encodedRun, rule *rules.Rule, secret []byte) bool {
	for i := len(ms) - 1; i >= 0 && ms[i].Start == run.start && ms[i].End == run.end; i-- {
		if ms[i].Rule == rule && bytes.Equal(ms[i].Secret.Reveal(), secret) {
			return true
		}
	}
	return false
}
