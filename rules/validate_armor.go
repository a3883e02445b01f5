package rules

// Armored blocks (RFC 7468 PEM, RFC 4880 OpenPGP) however they were
// written down: plain, CRLF, indented, escaped or quoted line by line.

import (
	"bytes"
	"encoding/base64"
	"strconv"
	"strings"
)

// armor is a BEGIN/END block after normalisation.
type armor struct {
	label   string
	headers []string // "Name: value" lines before the body (RFC 1421, OpenPGP)
	body    []byte   // the decoded base64 body
	crc     string   // OpenPGP checksum line without its '=', or ""
}

func (a armor) header(name string) string {
	for _, h := range a.headers {
		if n, v, _ := strings.Cut(h, ":"); strings.EqualFold(strings.TrimSpace(n), name) {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// parseArmor finds "-----BEGIN label-----" and the matching END line in
// secret and decodes what lies between, however it was written: plain
// lines, CRLF, indented, with \n escapes inside a string, or split into
// one quoted string per line in code.
func parseArmor(secret []byte) (armor, bool) {
	var a armor
	const begin = "-----BEGIN "
	i := bytes.Index(secret, []byte(begin))
	if i < 0 {
		return a, false
	}
	rest := secret[i+len(begin):]
	j := bytes.Index(rest, []byte("-----"))
	if j <= 0 || j > 64 {
		return a, false
	}
	a.label = string(rest[:j])
	rest = rest[j+5:]
	k := bytes.Index(rest, []byte("-----END "+a.label+"-----"))
	if k < 0 {
		return a, false
	}
	var b64 strings.Builder
	for _, line := range logicalLines(rest[:k]) {
		switch {
		case strings.Contains(line, ":") && b64.Len() == 0:
			a.headers = append(a.headers, line)
		case line[0] == '=' && len(line) == 5:
			a.crc = line[1:]
		default:
			for _, f := range strings.Fields(line) {
				if strings.Trim(f, "#*>|;!%/") != "" || len(f) > 2 {
					b64.WriteString(f)
				}
			}
		}
	}
	body, err := base64.StdEncoding.DecodeString(b64.String())
	if err != nil {
		body, err = base64.RawStdEncoding.DecodeString(strings.TrimRight(b64.String(), "="))
	}
	a.body = body
	return a, err == nil && len(body) > 0
}

// logicalLines undoes the ways text is embedded in code and config: inside
// string literals (when the text carries \n escapes or has lines that open
// with a quote) only the literals' content is kept, each literal ending a
// line; escapes (\n, \r\n, doubled backslashes, \uXXXX, \/) and XML
// character references are decoded. Lines are trimmed; empty ones dropped.
func logicalLines(text []byte) []string {
	literal := false
	if bytes.ContainsAny(text, "\"'`") {
		literal = bytes.Contains(text, []byte(`\n`)) || bytes.Contains(text, []byte(`\r`))
		for _, l := range bytes.Split(text, []byte("\n")) {
			if l = bytes.TrimLeft(l, " \t"); len(l) > 0 && (l[0] == '"' || l[0] == '\'' || l[0] == '`') {
				literal = true
			}
		}
	}
	var b strings.Builder
	inside := true // the text starts inside the literal that holds the BEGIN line
	var quote byte
	for i := 0; i < len(text); i++ {
		c := text[i]
		if literal && (c == '"' || c == '\'' || c == '`') && (quote == 0 || c == quote) {
			quote, inside = c, !inside
			b.WriteByte('\n')
			continue
		}
		if !inside {
			continue
		}
		switch {
		case c == '\\':
			for i+1 < len(text) && text[i+1] == '\\' {
				i++
			}
			if i+1 >= len(text) {
				continue
			}
			i++
			switch e := text[i]; e {
			case 'n', 'r':
				b.WriteByte('\n')
			case 't':
				b.WriteByte(' ')
			case 'u':
				if v, err := strconv.ParseUint(string(text[i+1:min(i+5, len(text))]), 16, 16); err == nil && v < 0x80 {
					b.WriteByte(byte(v))
					i += 4
				}
			default:
				b.WriteByte(e)
			}
		case c == '&' && i+2 < len(text) && text[i+1] == '#':
			end := bytes.IndexByte(text[i:min(i+8, len(text))], ';')
			num := string(text[i+2 : i+max(end, 2)])
			base := 10
			if strings.HasPrefix(num, "x") || strings.HasPrefix(num, "X") {
				num, base = num[1:], 16
			}
			if v, err := strconv.ParseUint(num, base, 8); end > 0 && err == nil && v < 0x80 {
				b.WriteByte(byte(v))
				i += end
			} else {
				b.WriteByte(c)
			}
		default:
			b.WriteByte(c)
		}
	}
	var lines []string
	for _, l := range strings.FieldsFunc(b.String(), func(r rune) bool { return r == '\n' || r == '\r' }) {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	return lines
}
