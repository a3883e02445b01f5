package detect

import (
	"bytes"
	"unicode/utf8"
)

// setLines computes line and column of every match in one forward pass over
// the newlines of data; ms must be sorted by Start.
func setLines(data []byte, ms []Match) {
	line, lineStart, pos := 1, 0, 0
	advance := func(to int) {
		for pos < to {
			i := bytes.IndexByte(data[pos:to], '\n')
			if i < 0 {
				pos = to
				break
			}
			pos += i + 1
			line++
			lineStart = pos
		}
	}
	for i := range ms {
		m := &ms[i]
		advance(m.Start)
		m.Line = line
		m.Column = utf8.RuneCount(data[lineStart:m.Start]) + 1
		// The end position: counted from the start without moving the
		// shared cursor, since the next match may start inside this one.
		last := max(m.Start, m.End-1)
		n := bytes.Count(data[m.Start:last], []byte("\n"))
		m.EndLine = line + n
		endLineStart := lineStart
		if n > 0 {
			endLineStart = m.Start + bytes.LastIndexByte(data[m.Start:last], '\n') + 1
		}
		m.EndColumn = utf8.RuneCount(data[endLineStart:last]) + 1
	}
}

// LineOf returns the 1-based line of offset off in data.
func LineOf(data []byte, off int) int {
	return bytes.Count(data[:min(off, len(data))], []byte("\n")) + 1
}
