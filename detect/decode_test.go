package detect

import (
	"slices"
	"strings"
	"testing"
)

// findEncodedByByte is findEncoded as first written: one test per byte.
// findEncoded skips most bytes; it must find exactly the same runs.
func findEncodedByByte(runs []encodedRun, data []byte) []encodedRun {
	n := len(data)
	for i := 0; i < n; {
		c := data[i]
		if classes[c]&(clB64|clURL) != 0 {
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

func encodedSamples() []string {
	long := strings.Repeat("Zm9vYmFy", 600) // past tokenAround's 4096-byte reach
	return []string{
		"",
		"aGVsbG8gd29ybGQgZm9vYmFy",
		"x=aGVsbG8gd29ybGQgZm9v== and aGVsbG8gd29ybGQ=",
		"short words only, nothing long enough here at all",
		"0123456789abcdef0123456789abcdef01",
		"deadbeefdeadbeefdeadbeefdeadbeef0",
		"ABCDEFGHIJKLMN abcdefghijklmn ABCDEFGhijklmn== ABCDEFGhijklm=",
		"https://h/p?q=a%20b&token=YWJjZGVmZ2hpamtsbW5vcA%3D%3D",
		"Password=Ember%71maple%;",
		`"k": "\u0041\u0042 cGFzc3dvcmQxMjM0NTY3OA==" \/x \"q\"`,
		"%4" + long + "%41?&",
		`\u` + long,
		"__--__--__--__--__--aB",
		"%%%%\\\\\\\\%41%\\u",
		"a\\" + "xZZ\n" + "QUJDREVGR0hJSktMTU5PUA==",
	}
}

func TestFindEncodedMatchesByteByByte(t *testing.T) {
	samples := encodedSamples()
	for _, s := range fuzzSeeds(t) {
		samples = append(samples, string(s))
	}
	for _, s := range samples {
		got := findEncoded(nil, []byte(s))
		want := findEncodedByByte(nil, []byte(s))
		if !slices.Equal(got, want) {
			t.Errorf("findEncoded(%.60q...) = %v, want %v", s, got, want)
		}
	}
}

// FuzzFindEncoded checks that skipping bytes finds the runs a test of
// every byte finds.
func FuzzFindEncoded(f *testing.F) {
	for _, s := range encodedSamples() {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		got := findEncoded(nil, data)
		want := findEncodedByByte(nil, data)
		if !slices.Equal(got, want) {
			t.Fatalf("findEncoded(%q) = %v, want %v", data, got, want)
		}
	})
}

// BenchmarkFindEncoded compares the search for encoded runs with the test
// of every byte it replaced, over the engine benchmark's inputs.
func BenchmarkFindEncoded(b *testing.B) {
	e := defaultEngine(b)
	for _, in := range benchInputs() {
		files := in.build(e)
		for _, fn := range []struct {
			name string
			find func([]encodedRun, []byte) []encodedRun
		}{{"skip", findEncoded}, {"bytewise", findEncodedByByte}} {
			b.Run(in.name+"/"+fn.name, func(b *testing.B) {
				b.SetBytes(int64(totalLen(files)))
				b.ReportAllocs()
				var runs []encodedRun
				for b.Loop() {
					for _, f := range files {
						runs = fn.find(runs[:0], f)
					}
				}
			})
		}
	}
}
