package detect

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"unicode/utf8"
)

// Kinds of encoded runs.
const (
	encBase64    = "base64"
	encBase64URL = "base64url"
	encHex       = "hex"
	encPercent   = "percent"
	encEscape    = "escape" // \uXXXX, \xXX and JSON string escapes
)

type encodedRun struct {
	start, end int
	kind       string
}

// Minimum lengths of runs worth decoding: the shortest secret a rule
// reports is 8 bytes, 12 in base64 and 16 in hex.
const (
	minBase64Run = 16
	minHexRun    = 32
	contextReach = 256 // bytes of the line kept around decoded text
)

// byte classes for the scan for encoded runs.
const (
	clB64 = 1 << iota // A-Z a-z 0-9 + /
	clURL             // - _
	clHex
	clUpper
	clLower
	clDigit
)

var classes = func() (t [256]uint8) {
	for c := 0; c < 256; c++ {
		switch {
		case c >= 'A' && c <= 'Z':
			t[c] = clB64 | clUpper
			if c <= 'F' {
				t[c] |= clHex
			}
		case c >= 'a' && c <= 'z':
			t[c] = clB64 | clLower
			if c <= 'f' {
				t[c] |= clHex
			}
		case c >= '0' && c <= '9':
			t[c] = clB64 | clDigit | clHex
		case c == '+' || c == '/':
			t[c] = clB64
		case c == '-' || c == '_':
			t[c] = clURL
		}
	}
	return t
}()

// findEncoded appends to runs the encoded runs of data in one pass: runs
// of the base64 alphabet with mixed case, even-length hex runs, text with
// percent-escapes and strings with backslash escapes.
//
// Most bytes lie in no run worth decoding, so it does not look at each:
// the only bytes that start percent and escape runs are found with
// bytes.IndexByte, and between them a run long enough to matter is found
// by probing every probeStride-th byte (see classRuns).
func findEncoded(runs []encodedRun, data []byte) []encodedRun {
	n := len(data)
	pct, esc := -1, -1 // the next '%' and '\\' at or after i, or n
	for i := 0; i < n; {
		if pct < i {
			pct = indexFrom(data, i, '%')
		}
		if esc < i {
			esc = indexFrom(data, i, '\\')
		}
		p := min(pct, esc)
		runs = classRuns(runs, data, i, p)
		if p == n {
			break
		}
		switch {
		case data[p] == '%' && p+2 < n && isHexByte(data[p+1]) && isHexByte(data[p+2]):
			s, e := tokenAround(data, p)
			// Only URLs and query strings are percent-encoded; a
			// '%' in "Password=Ember%71maple%;" is the password's.
			if looksLikeURL(data[s:e]) {
				runs = append(runs, encodedRun{s, e, encPercent})
			}
			i = e
		case data[p] == '\\' && p+1 < n && (data[p+1] == 'u' || data[p+1] == 'x' || data[p+1] == '/' || data[p+1] == '"'):
			s, e := quotedAround(data, p)
			runs = append(runs, encodedRun{s, e, encEscape})
			i = e
		default:
			i = p + 1
		}
	}
	return runs
}

// indexFrom is the index of the first c in data at or after i, or
// len(data).
func indexFrom(data []byte, i int, c byte) int {
	if j := bytes.IndexByte(data[i:], c); j >= 0 {
		return i + j
	}
	return len(data)
}

// probeStride is the shortest run of the base64 alphabet worth decoding
// once up to two '=' of padding are added to it.
const probeStride = minBase64Run - 2

// classRuns appends the base64 and hex runs that start in data[a:b] (b is
// len(data) or a byte outside both alphabets). A run of probeStride or
// more bytes covers one of the probed bytes a+probeStride-1,
// a+2*probeStride-1, ..., so only those are tested until one is in the
// alphabet; the run around it is then measured whole.
func classRuns(runs []encodedRun, data []byte, a, b int) []encodedRun {
	const alphabet = clB64 | clURL
	n := len(data)
	for q := a + probeStride - 1; q < b; {
		if classes[data[q]]&alphabet == 0 {
			q += probeStride
			continue
		}
		start := q
		for start > a && classes[data[start-1]]&alphabet != 0 {
			start--
		}
		var seen uint8
		i := start
		for i < b && classes[data[i]]&alphabet != 0 {
			seen |= classes[data[i]]
			i++
		}
		end := i
		for end < n && end-start < 1<<20 && data[end] == '=' && end-i < 2 {
			end++
		}
		length := end - start
		switch {
		case length >= minHexRun && seen&^(clHex|clUpper|clLower|clDigit|clB64) == 0 && allHex(data[start:i]) && (i-start)%2 == 0:
			runs = append(runs, encodedRun{start, i, encHex})
		case length >= minBase64Run && seen&clUpper != 0 && seen&clLower != 0:
			kind := encBase64
			if seen&clURL != 0 {
				kind = encBase64URL
			}
			runs = append(runs, encodedRun{start, end, kind})
		}
		a = i
		q = i + probeStride - 1
	}
	return runs
}

func looksLikeURL(b []byte) bool {
	return bytes.Contains(b, []byte("://")) || bytes.IndexByte(b, '?') >= 0 || bytes.IndexByte(b, '&') >= 0
}

func allHex(b []byte) bool {
	for _, c := range b {
		if classes[c]&clHex == 0 {
			return false
		}
	}
	return true
}

func isHexByte(c byte) bool { return classes[c]&clHex != 0 }

// tokenAround returns the run of non-space, non-quote bytes around i.
func tokenAround(data []byte, i int) (int, int) {
	stop := func(c byte) bool {
		return c <= ' ' || c == '"' || c == '\'' || c == '<' || c == '>' || c == '`' || c == 0x7f
	}
	s, e := i, i
	for s > 0 && i-s < 4096 && !stop(data[s-1]) {
		s--
	}
	for e < len(data) && e-i < 4096 && !stop(data[e]) {
		e++
	}
	return s, e
}

// quotedAround returns the string literal around the escape at i: from
// after the previous unescaped quote to before the next, within the line.
func quotedAround(data []byte, i int) (int, int) {
	s := i
	for s > 0 && i-s < 4096 && data[s-1] != '\n' && !(data[s-1] == '"' && (s < 2 || data[s-2] != '\\')) {
		s--
	}
	e := i
	for e < len(data) && e-i < 4096 && data[e] != '\n' {
		if data[e] == '\\' && e+1 < len(data) {
			e += 2
			continue
		}
		if data[e] == '"' {
			break
		}
		e++
	}
	return s, min(e, len(data))
}

// decodeRun decodes src as kind, appending to dst. ok is false when src
// is not validly encoded or decodes to something other than text.
func decodeRun(dst, src []byte, kind string) ([]byte, bool) {
	start := len(dst)
	var err error
	switch kind {
	case encBase64, encBase64URL:
		enc := base64.StdEncoding
		if kind == encBase64URL {
			enc = base64.URLEncoding
		}
		trimmed := src
		for len(trimmed) > 0 && trimmed[len(trimmed)-1] == '=' {
			trimmed = trimmed[:len(trimmed)-1]
		}
		if len(trimmed)%4 == 1 {
			return dst, false
		}
		enc = enc.WithPadding(base64.NoPadding)
		dst = append(dst, make([]byte, enc.DecodedLen(len(trimmed)))...)
		var n int
		n, err = enc.Decode(dst[start:], trimmed)
		dst = dst[:start+n]
	case encHex:
		dst = append(dst, make([]byte, hex.DecodedLen(len(src)))...)
		_, err = hex.Decode(dst[start:], src)
	case encPercent:
		dst, err = percentDecode(dst, src)
	case encEscape:
		dst, err = unescape(dst, src)
	}
	if err != nil || !isText(dst[start:]) {
		return dst[:start], false
	}
	return dst, true
}

// isText accepts valid UTF-8 with at most 1 in 20 control bytes and at
// least one letter or digit.
func isText(b []byte) bool {
	if len(b) < 6 || !utf8.Valid(b) {
		return false
	}
	bad, alnum := 0, false
	for _, c := range b {
		switch {
		case c < 0x20 && c != '\n' && c != '\r' && c != '\t', c == 0x7f:
			bad++
		case classes[c]&(clUpper|clLower|clDigit) != 0:
			alnum = true
		}
	}
	return alnum && bad*20 <= len(b)
}
