package source

import (
	"bytes"
	"time"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// diffTimeout bounds one line diff; past it the diff is coarser (more
// lines count as added), never finer.
const diffTimeout = 5 * time.Second

// addedLines returns the lines of data added relative to every one of the
// parent versions: a line counts only if the diff against each parent
// inserts it (a parent without the file added all of them).
func addedLines(parents []parentText, data []byte) []LineRange {
	lines := splitLines(data)
	if len(lines) == 0 {
		return nil
	}
	added := make([]bool, len(lines))
	for i := range added {
		added[i] = true
	}
	for _, p := range parents {
		if !p.present {
			continue
		}
		mine := insertedLines(splitLines(p.data), lines)
		for i := range added {
			added[i] = added[i] && mine[i]
		}
	}
	var out []LineRange
	for i := 0; i < len(added); i++ {
		if !added[i] {
			continue
		}
		j := i
		for j+1 < len(added) && added[j+1] {
			j++
		}
		out = append(out, LineRange{Start: i + 1, End: j + 1})
		i = j
	}
	return out
}

// splitLines splits data after each newline; a last line without one is
// a line too.
func splitLines(data []byte) [][]byte {
	if len(data) == 0 {
		return nil
	}
	out := make([][]byte, 0, bytes.Count(data, []byte{'\n'})+1)
	for len(data) > 0 {
		i := bytes.IndexByte(data, '\n')
		if i < 0 {
			out = append(out, data)
			break
		}
		out = append(out, data[:i+1])
		data = data[i+1:]
	}
	return out
}

// insertedLines diffs two texts line by line (Myers, via go-diff, on one
// rune per distinct line) and marks the lines of b that the diff inserts.
func insertedLines(a, b [][]byte) []bool {
	ids := make(map[string]rune, len(a)+len(b))
	toRunes := func(lines [][]byte) []rune {
		rs := make([]rune, len(lines))
		for i, l := range lines {
			r, ok := ids[string(l)]
			if !ok {
				r = lineRune(len(ids))
				ids[string(l)] = r
			}
			rs[i] = r
		}
		return rs
	}
	ra, rb := toRunes(a), toRunes(b)
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = diffTimeout
	out := make([]bool, len(b))
	at := 0
	for _, d := range dmp.DiffMainRunes(ra, rb, false) {
		n := utf8.RuneCountInString(d.Text)
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			at += n
		case diffmatchpatch.DiffInsert:
			for k := at; k < at+n && k < len(out); k++ {
				out[k] = true
			}
			at += n
		}
	}
	return out
}

// lineRune maps a line number to a distinct valid rune (skipping the
// surrogates, which a string conversion would merge into U+FFFD).
func lineRune(i int) rune {
	r := rune(i + 1)
	if r >= 0xD800 {
		r += 0x800
	}
	return r
}
