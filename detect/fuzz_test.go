package detect

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"net/url"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/leakstop/leakstop/rules"
	"github.com/leakstop/leakstop/rules/fake"
)

// fuzzSeeds are realistic inputs for the fuzz targets: every example of
// the default catalog with a fresh fake secret in it, that text encoded
// the ways the decoder undoes, and the shapes files come in (CRLF, a
// UTF-8 byte order mark, \u escapes). Fake secrets are built at run time,
// so no token is stored in the repository.
func fuzzSeeds(t testing.TB) [][]byte {
	t.Helper()
	set, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	g := fake.New(7)
	// One example and one counterexample of each rule: more seeds only
	// lengthen the baseline every fuzzing run starts with.
	var texts []string
	for _, r := range set.Rules {
		if len(r.Examples) > 0 {
			ex := r.Examples[0]
			text := ex.Text
			if s, err := g.Secret(r); err == nil && strings.Contains(text, ex.Secret) {
				text = strings.Replace(text, ex.Secret, s, 1)
			}
			texts = append(texts, text)
		}
		if len(r.Counterexamples) > 0 {
			texts = append(texts, r.Counterexamples[0].Text)
		}
	}
	var seeds [][]byte
	for i, text := range texts {
		seeds = append(seeds, []byte(text))
		if i%8 != 0 { // the encoded variants of every eighth text are enough
			continue
		}
		b := []byte(text)
		seeds = append(seeds,
			[]byte("data:\n  value: "+base64.StdEncoding.EncodeToString(b)+"\n"),
			[]byte("v="+base64.RawURLEncoding.EncodeToString(b)),
			[]byte("blob "+hex.EncodeToString(b)),
			[]byte("https://x.test/cb?state="+url.QueryEscape(text)),
			[]byte(`{"v": "`+unicodeEscape(text)+`"}`),
			[]byte(strings.ReplaceAll(text, "\n", "\r\n")),
			append([]byte("\xef\xbb\xbf"), b...),
			[]byte("d: "+base64.StdEncoding.EncodeToString([]byte(base64.StdEncoding.EncodeToString(b)))),
		)
	}
	return append(seeds,
		nil, []byte("\n"), []byte("\r\n\r\n"), []byte("%"), []byte("%4"), []byte(`\`), []byte(`\u`),
		[]byte(`"\ud83d\ude00 \ud83d x \u12"`), []byte(`"\x4g\x41"`), []byte("=="), []byte("AAAA===="),
		[]byte(strings.Repeat("aB", 40)), []byte(strings.Repeat("password=", 30)),
		[]byte("é\xff\xfe"+strings.Repeat("ab", 20)),
	)
}

func unicodeEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < 0x80 && r != '"' && r != '\\' && r >= 0x20 && r%3 != 0 {
			b.WriteRune(r)
			continue
		}
		for _, u := range utf16Units(r) {
			b.WriteString(`\u`)
			b.WriteString(hex.EncodeToString([]byte{byte(u >> 8), byte(u)}))
		}
	}
	return b.String()
}

func utf16Units(r rune) []uint16 {
	if r < 0x10000 {
		return []uint16{uint16(r)}
	}
	r -= 0x10000
	return []uint16{uint16(0xd800 + r>>10), uint16(0xdc00 + r&0x3ff)}
}

var encodings = []string{encBase64, encBase64URL, encHex, encPercent, encEscape}

// FuzzDecode checks the decoder on arbitrary bytes: the runs findEncoded
// reports lie within the input, decoding never panics, appends after what
// dst held, and what it calls a success is text.
func FuzzDecode(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		prefix := []byte("ctx: ")
		check := func(src []byte, kind string) {
			out, ok := decodeRun(slices.Clone(prefix), src, kind)
			if !bytes.HasPrefix(out, prefix) {
				t.Fatalf("decodeRun(%s) changed the bytes before it: %q", kind, out)
			}
			if !ok {
				if len(out) != len(prefix) {
					t.Fatalf("decodeRun(%s) failed but left %d bytes", kind, len(out)-len(prefix))
				}
				return
			}
			if dec := out[len(prefix):]; !isText(dec) || !utf8.Valid(dec) {
				t.Fatalf("decodeRun(%s) of %q: ok but not text: %q", kind, src, dec)
			}
		}
		// Runs may overlap (a percent-encoded token around a base64 run),
		// but each lies within the input.
		for _, r := range findEncoded(nil, data) {
			if r.start < 0 || r.start >= r.end || r.end > len(data) {
				t.Fatalf("run %+v outside input of %d bytes", r, len(data))
			}
			if !slices.Contains(encodings, r.kind) {
				t.Fatalf("run of unknown kind %q", r.kind)
			}
			check(data[r.start:r.end], r.kind)
		}
		for _, kind := range encodings {
			check(data, kind)
		}
		if out, err := unescape(slices.Clone(prefix), data); !bytes.HasPrefix(out, prefix) || (err == nil && len(out)-len(prefix) > len(data)) {
			t.Fatalf("unescape: prefix lost or output longer than input: %q", out)
		}
		if out, _ := percentDecode(slices.Clone(prefix), data); !bytes.HasPrefix(out, prefix) || len(out)-len(prefix) > len(data) {
			t.Fatalf("percentDecode: prefix lost or output longer than input: %q", out)
		}
	})
}

// FuzzScan scans arbitrary bytes with the default catalog: no panic, every
// match lies within the input, a plain match's secret is the text at its
// span, lines are ordered, and a reused Scanner gives the same answer.
func FuzzScan(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	e := defaultEngine(f)
	sc := e.NewScanner()
	f.Fuzz(func(t *testing.T, data []byte) {
		ms := sc.Scan(data)
		for _, m := range ms {
			if m.Start < 0 || m.Start > m.End || m.End > len(data) {
				t.Fatalf("%s: span %d..%d outside input of %d bytes", m.Rule.ID, m.Start, m.End, len(data))
			}
			if len(m.Decoded) == 0 && !bytes.Equal(m.Secret.Reveal(), data[m.Start:m.End]) {
				t.Fatalf("%s: plain secret is not the text at %d..%d", m.Rule.ID, m.Start, m.End)
			}
			if m.Line < 1 || m.EndLine < m.Line || m.Column < 1 || m.EndColumn < 1 {
				t.Fatalf("%s: position %d:%d..%d:%d", m.Rule.ID, m.Line, m.Column, m.EndLine, m.EndColumn)
			}
			if want := LineOf(data, m.Start); m.Line != want {
				t.Fatalf("%s: line %d, want %d", m.Rule.ID, m.Line, want)
			}
		}
		again := sc.Scan(data)
		if len(again) != len(ms) {
			t.Fatalf("second scan with the same Scanner: %d matches, first %d", len(again), len(ms))
		}
		for i := range ms {
			a, b := ms[i], again[i]
			if a.Rule != b.Rule || a.Start != b.Start || a.End != b.End || !bytes.Equal(a.Secret.Reveal(), b.Secret.Reveal()) {
				t.Fatalf("second scan differs at %d: %s %d..%d, first %s %d..%d", i, b.Rule.ID, b.Start, b.End, a.Rule.ID, a.Start, a.End)
			}
		}
	})
}
