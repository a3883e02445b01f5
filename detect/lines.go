package detect

import (
	"bytes"
	"unicode/utf8"
)

// setLines computes line and column of every match in one forward pass over
// the newlines of data; ms must be sorted by Start. Columns are counted
// from a cursor too, so many matches on one long line cost one count; and
// matches that share a span (the secrets decoded from one encoded run all
// span the run) count its end once.
func setLines(data []byte, ms []Match) {
	line, lineStart, pos := 1, 0, 0
	colPos, col := 0, 1 // rune column at byte colPos of the current line
	var prev *Match     // the last match whose end was counted
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
			colPos, col = pos, 1
		}
	}
	for i := range ms {
		m := &ms[i]
		advance(m.Start)
		if colPos < lineStart || colPos > m.Start {
			colPos, col = lineStart, 1
		}
		col += utf8.RuneCount(data[colPos:m.Start])
		colPos = m.Start
		m.Line, m.Column = line, col
		if prev != nil && prev.Start == m.Start && prev.End == m.End {
			m.EndLine, m.EndColumn = prev.EndLine, prev.EndColumn
			continue
		}
		prev = m
		// The end position: counted from the start without moving the
		// shared cursor, since the next match may start inside this one.
		last := m.Start // the start of the last character, however many bytes it takes
		if m.End > m.Start {
			_, size := utf8.DecodeLastRune(data[m.Start:m.End])
			last = m.End - size
		}
		n := bytes.Count(data[m.Start:last], []byte("\n"))
		m.EndLine = line + n
		if n == 0 {
			m.EndColumn = col + utf8.RuneCount(data[m.Start:last])
		} else {
			endLineStart := m.Start + bytes.LastIndexByte(data[m.Start:last], '\n') + 1
			m.EndColumn = utf8.RuneCount(data[endLineStart:last]) + 1
		}
	}
}

// LineOf returns the 1-based line of offset off in data.
func LineOf(data []byte, off int) int {
	return bytes.Count(data[:min(off, len(data))], []byte("\n")) + 1
}
