package source

import (
	"bytes"
	"encoding/json"
	"io"
	"unicode/utf8"
)

// jsonValue walks one JSON value in place: offsets into b, no tree. The
// slack source gives it messages a json.Decoder has already checked; on
// other input it neither panics nor loops, it only stops early.
type jsonValue []byte

// skipSpace returns the offset of the first byte at or after i that is not
// JSON white space.
func (b jsonValue) skipSpace(i int) int {
	for i < len(b) {
		switch b[i] {
		case ' ', '\t', '\n', '\r':
			i++
		default:
			return i
		}
	}
	return i
}

// stringEnd returns the offset just past the string that starts (with its
// quote) at i, and whether it holds an escape.
func (b jsonValue) stringEnd(i int) (end int, escaped bool) {
	for j := i + 1; j < len(b); j++ {
		switch b[j] {
		case '\\':
			escaped = true
			j++
		case '"':
			return j + 1, escaped
		}
	}
	return len(b), escaped
}

// skip returns the offset just past the value starting at i.
func (b jsonValue) skip(i int) int {
	i = b.skipSpace(i)
	if i >= len(b) {
		return len(b)
	}
	switch b[i] {
	case '"':
		end, _ := b.stringEnd(i)
		return end
	case '{', '[':
		depth := 0
		for j := i; j < len(b); j++ {
			switch b[j] {
			case '"':
				end, _ := b.stringEnd(j)
				j = end - 1
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return j + 1
				}
			}
		}
		return len(b)
	}
	for j := i; j < len(b); j++ {
		switch b[j] {
		case ',', '}', ']', ' ', '\t', '\n', '\r':
			return j
		}
	}
	return len(b)
}

// str returns the string value at i, decoded; ok is false when the value
// there is not a string.
func (b jsonValue) str(i int) (s string, ok bool) {
	i = b.skipSpace(i)
	if i >= len(b) || b[i] != '"' {
		return "", false
	}
	end, escaped := b.stringEnd(i)
	if end > len(b) || end < i+2 {
		return "", false
	}
	if !escaped {
		raw := b[i+1 : end-1]
		if utf8.Valid(raw) {
			return string(raw), true
		}
	}
	if err := json.Unmarshal(b[i:end], &s); err != nil {
		return "", false
	}
	return s, true
}

// object calls fn with each member of the object at i: its key (raw, as
// written: the keys the source looks for have no escapes) and the offset
// of its value. It returns false when the value at i is not an object.
func (b jsonValue) object(i int, fn func(key []byte, v int)) bool {
	i = b.skipSpace(i)
	if i >= len(b) || b[i] != '{' {
		return false
	}
	i = b.skipSpace(i + 1)
	for i < len(b) && b[i] == '"' {
		end, _ := b.stringEnd(i)
		key := b[i+1 : max(i+1, end-1)]
		i = b.skipSpace(end)
		if i >= len(b) || b[i] != ':' {
			return true
		}
		v := b.skipSpace(i + 1)
		fn(key, v)
		i = b.skipSpace(b.skip(v))
		if i < len(b) && b[i] == ',' {
			i = b.skipSpace(i + 1)
		}
	}
	return true
}

// array calls fn with the offset of each element of the array at i.
func (b jsonValue) array(i int, fn func(v int)) bool {
	i = b.skipSpace(i)
	if i >= len(b) || b[i] != '[' {
		return false
	}
	i = b.skipSpace(i + 1)
	for i < len(b) && b[i] != ']' {
		fn(i)
		next := b.skipSpace(b.skip(i))
		if next <= i {
			return true
		}
		i = next
		if i < len(b) && b[i] == ',' {
			i = b.skipSpace(i + 1)
		}
	}
	return true
}

// member returns the offset of the value of key in the object at i, or -1.
func (b jsonValue) member(i int, key string) int {
	at := -1
	b.object(i, func(k []byte, v int) {
		if at < 0 && string(k) == key {
			at = v
		}
	})
	return at
}

// memberStr returns the string value of key in the object at i.
func (b jsonValue) memberStr(i int, key string) string {
	if v := b.member(i, key); v >= 0 {
		s, _ := b.str(v)
		return s
	}
	return ""
}

// lineReader counts the lines of what a json.Decoder reads through it, so
// that the line of a value can be found from the decoder's offset without
// keeping the bytes: it remembers where the newlines are in what was read
// but not yet asked about.
type lineReader struct {
	r       io.Reader
	read    int64   // bytes read so far
	pending []int64 // offsets of newlines not yet counted
	counted int     // newlines before the last offset asked about
}

func (l *lineReader) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	for i := 0; i < n; {
		j := bytes.IndexByte(p[i:n], '\n')
		if j < 0 {
			break
		}
		l.pending = append(l.pending, l.read+int64(i+j))
		i += j + 1
	}
	l.read += int64(n)
	return n, err
}

// line returns the 1-based line of byte offset off. Offsets asked about
// must not decrease.
func (l *lineReader) line(off int64) int {
	k := 0
	for k < len(l.pending) && l.pending[k] < off {
		k++
	}
	l.counted += k
	if k == len(l.pending) {
		l.pending = l.pending[:0]
	} else if k > 0 {
		l.pending = append(l.pending[:0], l.pending[k:]...)
	}
	return l.counted + 1
}
