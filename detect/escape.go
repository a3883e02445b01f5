package detect

import (
	"errors"
	"unicode/utf16"
	"unicode/utf8"
)

var errBadEscape = errors.New("bad escape")

func unhex(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// percentDecode undoes URL percent-encoding (and '+' for space).
func percentDecode(dst, src []byte) ([]byte, error) {
	for i := 0; i < len(src); i++ {
		c := src[i]
		if c == '%' && i+2 < len(src) {
			h, ok1 := unhex(src[i+1])
			l, ok2 := unhex(src[i+2])
			if ok1 && ok2 {
				dst = append(dst, h<<4|l)
				i += 2
				continue
			}
		}
		if c == '+' {
			c = ' '
		}
		dst = append(dst, c)
	}
	return dst, nil
}

// unescapeURL decodes %XX in a URL's userinfo or query value into a new
// slice ('+' stays '+': it means a space only in form encoding).
func unescapeURL(src []byte) []byte {
	dst := make([]byte, 0, len(src))
	for i := 0; i < len(src); i++ {
		if src[i] == '%' && i+2 < len(src) {
			h, ok1 := unhex(src[i+1])
			l, ok2 := unhex(src[i+2])
			if ok1 && ok2 {
				dst = append(dst, h<<4|l)
				i += 2
				continue
			}
		}
		dst = append(dst, src[i])
	}
	return dst
}

// unescape undoes backslash escapes of JSON, JavaScript, Python and C
// strings: \uXXXX (with surrogate pairs), \xXX, \n, \t, \/, \", \\.
// Unknown escapes are kept as they are.
func unescape(dst, src []byte) ([]byte, error) {
	for i := 0; i < len(src); i++ {
		c := src[i]
		if c != '\\' || i+1 >= len(src) {
			dst = append(dst, c)
			continue
		}
		i++
		switch e := src[i]; e {
		case 'n':
			dst = append(dst, '\n')
		case 't':
			dst = append(dst, '\t')
		case 'r':
			dst = append(dst, '\r')
		case '/', '"', '\\', '\'':
			dst = append(dst, e)
		case 'x':
			if i+2 >= len(src) {
				return dst, errBadEscape
			}
			h, ok1 := unhex(src[i+1])
			l, ok2 := unhex(src[i+2])
			if !ok1 || !ok2 {
				return dst, errBadEscape
			}
			dst = append(dst, h<<4|l)
			i += 2
		case 'u':
			r, n := readU(src[i+1:])
			if n == 0 {
				return dst, errBadEscape
			}
			i += n
			if utf16.IsSurrogate(r) && i+2 < len(src) && src[i+1] == '\\' && src[i+2] == 'u' {
				if r2, n2 := readU(src[i+3:]); n2 > 0 {
					r = utf16.DecodeRune(r, r2)
					i += 2 + n2
				}
			}
			dst = utf8.AppendRune(dst, r)
		default:
			dst = append(dst, '\\', e)
		}
	}
	return dst, nil
}

// readU reads the 4 hex digits of a \u escape.
func readU(b []byte) (rune, int) {
	if len(b) < 4 {
		return 0, 0
	}
	var r rune
	for _, c := range b[:4] {
		v, ok := unhex(c)
		if !ok {
			return 0, 0
		}
		r = r<<4 | rune(v)
	}
	return r, 4
}
