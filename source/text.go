package source

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"
)

// sniffLen is how much of a file's start decides whether it is text.
const sniffLen = 8 << 10

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// Encodings a fragment may have been converted from.
const (
	EncodingUTF16LE = "utf-16le"
	EncodingUTF16BE = "utf-16be"
)

// textOf returns the UTF-8 text of raw so that line and column numbers
// are those an editor shows: a UTF-8 byte order mark is dropped, UTF-16
// (with a byte order mark, or recognised by where its NUL bytes fall) is
// converted and enc names it. binary reports bytes that are not text: a
// NUL byte in the first 8 KB of something that is not UTF-16, unless the
// NULs are all that is not text there (see nulSeparatedText). Line
// endings and NULs are kept as they are.
func textOf(raw []byte) (data []byte, enc string, binary bool) {
	switch {
	case bytes.HasPrefix(raw, bomUTF8):
		raw = raw[len(bomUTF8):]
	case bytes.HasPrefix(raw, bomUTF16LE):
		return fromUTF16(raw[2:], unicode.LittleEndian), EncodingUTF16LE, false
	case bytes.HasPrefix(raw, bomUTF16BE):
		return fromUTF16(raw[2:], unicode.BigEndian), EncodingUTF16BE, false
	}
	head := raw[:min(len(raw), sniffLen)]
	if bytes.IndexByte(head, 0) < 0 {
		return raw, "", false
	}
	if len(raw)%2 == 0 {
		// ASCII in UTF-16 has its NUL bytes at odd offsets when little
		// endian, at even ones when big endian.
		zeroOdd, zeroEven := zeroParity(head)
		switch {
		case zeroOdd > zeroEven && looksUTF16(head, false):
			return fromUTF16(raw, unicode.LittleEndian), EncodingUTF16LE, false
		case zeroEven > zeroOdd && looksUTF16(head, true):
			return fromUTF16(raw, unicode.BigEndian), EncodingUTF16BE, false
		}
	}
	return raw, "", !nulSeparatedText(head)
}

// nulSeparatedText reports whether head is text but for NUL bytes: the
// environment of a process (/proc/PID/environ), the output of find
// -print0, a log file padded with NULs. Every other byte is printable or
// common white space, and valid UTF-8; executables, images and other
// binary data almost always hold other control bytes. Only NULs is not
// text.
func nulSeparatedText(head []byte) bool {
	text := false
	for i := 0; i < len(head); {
		c := head[i]
		switch {
		case c == 0:
			i++
		case c == 0x7f || (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f'):
			return false
		case c < utf8.RuneSelf:
			text = true
			i++
		default:
			r, size := utf8.DecodeRune(head[i:])
			if r == utf8.RuneError && size == 1 {
				// A character cut by the end of the sniffed bytes is text.
				return !utf8.FullRune(head[i:]) && text
			}
			text = true
			i += size
		}
	}
	return text
}

// zeroParity counts the NUL bytes of b at odd and at even offsets.
func zeroParity(b []byte) (odd, even int) {
	for i, c := range b {
		if c == 0 {
			if i%2 == 1 {
				odd++
			} else {
				even++
			}
		}
	}
	return odd, even
}

func fromUTF16(b []byte, e unicode.Endianness) []byte {
	out, err := unicode.UTF16(e, unicode.IgnoreBOM).NewDecoder().Bytes(b)
	if err != nil {
		// The decoder replaces bad sequences rather than failing; keep
		// the bytes as they are should that ever change.
		return b
	}
	return out
}

// looksUTF16 reports whether head reads as UTF-16 text without a byte
// order mark: every code unit is a printable character or common white
// space, surrogates come in pairs, and no unit is NUL. Binary data with
// NUL bytes almost never passes: small integers decode to control
// characters.
func looksUTF16(head []byte, bigEndian bool) bool {
	n := len(head) / 2
	if n == 0 {
		return false
	}
	unit := func(i int) uint16 {
		a, b := uint16(head[2*i]), uint16(head[2*i+1])
		if bigEndian {
			return a<<8 | b
		}
		return b<<8 | a
	}
	for i := 0; i < n; i++ {
		u := unit(i)
		switch {
		case u == 0, u == 0xFFFE, u == 0xFFFF:
			return false
		case u < 0x20 && u != '\t' && u != '\n' && u != '\r' && u != '\f':
			return false
		case u >= 0xD800 && u < 0xDC00: // high surrogate: a low one must follow
			if i+1 < n {
				if l := unit(i + 1); l < 0xDC00 || l > 0xDFFF {
					return false
				}
				i++
			}
		case u >= 0xDC00 && u <= 0xDFFF: // a low surrogate alone
			return false
		}
	}
	return true
}
