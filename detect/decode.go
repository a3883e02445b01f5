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
func findEncoded(runs []encodedRun, data []byte) []encodedRun {
	n := len(data)
	for i := 0; i < n; {
		c := data[i]
		cl := classes[c]
		if cl&(clB64|clURL) != 0 {
			start := i
			var seen uint8
			for i < n && classes[data[i]]&(clB64|clURL) != 0 {
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
			continue
		}
		switch c {
		case '%':
			if i+2 < n && isHexByte(data[i+1]) && isHexByte(data[i+2]) {
				s, e := tokenAround(data, i)
				// Only URLs and query strings are percent-encoded; a
				// '%' in "Password=Ember%71maple%;" is the password's.
				if looksLikeURL(data[s:e]) {
					runs = append(runs, encodedRun{s, e, encPercent})
				}
				i = e
				continue
			}
		case '\\':
			if i+1 < n && (data[i+1] == 'u' || data[i+1] == 'x' || data[i+1] == '/' || data[i+1] == '"') {
				s, e := quotedAround(data, i)
				runs = append(runs, encodedRun{s, e, encEscape})
				i = e
				continue
			}
		}
		i++
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
