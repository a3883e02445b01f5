package detect

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/leakstop/leakstop/rules"
	"github.com/leakstop/leakstop/rules/fake"
)

// The engine's benchmarks scan inputs generated in memory from a fixed
// seed, so every run and every machine scans the same bytes. Compare
// BenchmarkEngine with BenchmarkKeywordPass (the Aho-Corasick pass alone)
// in one run: bench/engine.sh prints the ratio per input.

const benchSeed = 0x1ea6_5709

// benchInput is a named input of one or more fragments (files), built
// lazily on first use and then kept for every b.N round.
type benchInput struct {
	name  string
	build func(e *Engine) [][]byte
}

func benchInputs() []benchInput {
	return []benchInput{
		{"mixed", func(e *Engine) [][]byte { return newTextGen(benchSeed, e).corpus(4<<20, mixedKinds, true) }},
		{"clean", func(e *Engine) [][]byte { return newTextGen(benchSeed+1, e).corpus(4<<20, cleanKinds, false) }},
		{"encoded", func(e *Engine) [][]byte { return newTextGen(benchSeed+2, e).corpus(4<<20, encodedKinds, true) }},
	}
}

func totalLen(files [][]byte) int {
	n := 0
	for _, f := range files {
		n += len(f)
	}
	return n
}

// BenchmarkEngine scans whole inputs with the default catalog, decoding on.
func BenchmarkEngine(b *testing.B) {
	e := defaultEngine(b)
	for _, in := range benchInputs() {
		var files [][]byte
		b.Run(in.name, func(b *testing.B) {
			if files == nil {
				files = in.build(e)
			}
			sc := e.NewScanner()
			b.SetBytes(int64(totalLen(files)))
			b.ReportAllocs()
			b.ResetTimer()
			matches := 0
			for b.Loop() {
				matches = 0
				for _, f := range files {
					matches += len(sc.Scan(f))
				}
			}
			b.ReportMetric(float64(matches), "matches/op")
		})
	}
}

// BenchmarkKeywordPass runs only the Aho-Corasick pass over the same
// inputs: the ceiling the engine is measured against.
func BenchmarkKeywordPass(b *testing.B) {
	e := defaultEngine(b)
	for _, in := range benchInputs() {
		var files [][]byte
		b.Run(in.name, func(b *testing.B) {
			if files == nil {
				files = in.build(e)
			}
			size := totalLen(files)
			b.SetBytes(int64(size))
			b.ReportAllocs()
			b.ResetTimer()
			hits := 0
			for b.Loop() {
				hits = 0
				for _, f := range files {
					hits += e.KeywordPass(f)
				}
			}
			b.ReportMetric(float64(hits)/(float64(size)/(1<<20)), "hits/MiB")
		})
	}
}

// BenchmarkCatalogLoad measures start-up: loading the embedded catalog,
// compiling the engine and scanning the first fragment.
func BenchmarkCatalogLoad(b *testing.B) {
	first := []byte("package main\n\nfunc main() {}\n")
	b.ReportAllocs()
	for b.Loop() {
		set, err := rules.Default()
		if err != nil {
			b.Fatal(err)
		}
		e, err := New(set, Options{})
		if err != nil {
			b.Fatal(err)
		}
		e.NewScanner().Scan(first)
	}
}

// BenchmarkPathological scans inputs crafted against regex engines and the
// decoder at 1, 2, 4 and 8 MiB. It reports ns/MB (nanoseconds per
// 1,000,000 bytes scanned): with linear work it is the same at every size,
// where quadratic work would double it with each doubling of the input.
func BenchmarkPathological(b *testing.B) {
	e := defaultEngine(b)
	for _, p := range pathologicalInputs() {
		for _, mib := range []int{1, 2, 4, 8} {
			var data []byte
			b.Run(fmt.Sprintf("%s/%dMiB", p.name, mib), func(b *testing.B) {
				if data == nil {
					data = p.build(e, mib<<20)
				}
				sc := e.NewScanner()
				b.SetBytes(int64(len(data)))
				b.ReportAllocs()
				b.ResetTimer()
				matches := 0
				for b.Loop() {
					matches = len(sc.Scan(data))
				}
				b.ReportMetric(float64(matches), "matches/op")
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/(float64(len(data))/1e6), "ns/MB")
			})
		}
	}
}

type pathological struct {
	name  string
	build func(e *Engine, size int) []byte
}

func pathologicalInputs() []pathological {
	repeatTo := func(unit string, size int) []byte {
		return bytes.Repeat([]byte(unit), size/len(unit)+1)[:size]
	}
	return []pathological{
		// One line of a single letter: a hex run to the decoder, and a
		// long line to every regex that widens to lines.
		{"a-line", func(_ *Engine, n int) []byte { return repeatTo("a", n) }},
		{"password-repeat", func(_ *Engine, n int) []byte { return repeatTo("password=", n) }},
		// Every keyword of the catalog, back to back on one line: every
		// rule runs its regex over one merged window.
		{"all-keywords-line", func(e *Engine, n int) []byte { return repeatTo(allKeywords(e, "="), n) }},
		{"all-keywords-lines", func(e *Engine, n int) []byte { return repeatTo(allKeywords(e, "=x\n"), n) }},
		// Many valid secrets on one line: per-match work must not grow
		// with the matches before it or with the line's length.
		{"secrets-one-line", func(e *Engine, n int) []byte { return manySecrets(e, n, " ") }},
		{"secrets-many-lines", func(e *Engine, n int) []byte { return manySecrets(e, n, "\n") }},
		// One base64 run of random bytes (decodes to binary) and of text
		// (decodes to text that is scanned again).
		{"base64-binary-run", func(_ *Engine, n int) []byte {
			return encodedTo(n, func(g *textGen) []byte { return g.rawBytes(n) }, b64)
		}},
		{"base64-text-run", func(e *Engine, n int) []byte {
			return encodedTo(n, func(g *textGen) []byte { return bytes.Join(g.withEngine(e).corpus(n, mixedKinds, true), nil) }, b64)
		}},
		// Text with a secret encoded six times over, alternating encodings:
		// decoding stops at its depth, whatever the nesting.
		{"nested-6", func(e *Engine, n int) []byte { return nested(e, n) }},
		{"percent-run", func(_ *Engine, n int) []byte { return repeatTo("%2F%41", n) }},
		{"escape-run", func(_ *Engine, n int) []byte { return append([]byte(`"`), repeatTo(`\u0041\"\\`, n-1)...) }},
		{"quote-escapes", func(_ *Engine, n int) []byte { return repeatTo(`\"`, n) }},
	}
}

func allKeywords(e *Engine, sep string) string {
	var b strings.Builder
	seen := map[string]bool{}
	for _, r := range e.Rules() {
		for _, k := range r.Keywords {
			if !seen[k] {
				seen[k] = true
				b.WriteString(k + sep)
			}
		}
	}
	return b.String()
}

// manySecrets fills size bytes with distinct valid fake tokens of a
// checksummed rule (GitHub's), so every one is a match.
func manySecrets(e *Engine, size int, sep string) []byte {
	r := ruleByID(e, "github-pat")
	g := fake.New(benchSeed)
	var out []byte
	for len(out) < size {
		s, err := g.Secret(r)
		if err != nil {
			panic(err)
		}
		out = append(out, "ghtoken="+s+sep...)
	}
	return out[:size]
}

func ruleByID(e *Engine, id string) *rules.Rule {
	for _, r := range e.Rules() {
		if r.ID == id {
			return r
		}
	}
	panic("no rule " + id)
}

type encoding func([]byte) []byte

func b64(b []byte) []byte { return []byte(base64.StdEncoding.EncodeToString(b)) }
func hexEnc(b []byte) []byte {
	return []byte(hex.EncodeToString(b))
}
func pct(b []byte) []byte { return []byte(url.QueryEscape(string(b))) }
func jsEscape(b []byte) []byte {
	var out []byte
	for _, c := range b {
		out = fmt.Appendf(out, `\u%04x`, c)
	}
	return out
}

// encodedTo encodes text made by gen and trims it to size.
func encodedTo(size int, gen func(*textGen) []byte, enc encoding) []byte {
	g := newTextGen(benchSeed, nil)
	out := enc(gen(g))
	for len(out) < size {
		out = append(out, enc(gen(g))...)
	}
	return out[:size]
}

// nested builds size bytes of lines, each holding a secret in its context
// encoded six times over.
func nested(e *Engine, size int) []byte {
	g := newTextGen(benchSeed, e)
	encs := []encoding{b64, pct, hexEnc, b64, jsEscape, b64}
	var out []byte
	for len(out) < size {
		v := []byte("token: " + g.secretBlock())
		for _, enc := range encs {
			v = enc(v)
		}
		out = fmt.Appendf(out, "payload = %q\n", v)
	}
	return out[:size]
}
