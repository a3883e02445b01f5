package source

import (
	"bytes"
	"context"
	"encoding/binary"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"
)

func utf16Bytes(s string, bigEndian, bom bool) []byte {
	units := utf16.Encode([]rune(s))
	if bom {
		units = append([]uint16{0xFEFF}, units...)
	}
	var order binary.ByteOrder = binary.LittleEndian
	if bigEndian {
		order = binary.BigEndian
	}
	b := make([]byte, 2*len(units))
	for i, u := range units {
		order.PutUint16(b[2*i:], u)
	}
	return b
}

func TestTextOf(t *testing.T) {
	text := "line one\r\nkey = \"välue😀\"\r\nlast line without newline"
	tests := []struct {
		name    string
		raw     []byte
		want    string
		enc     string
		isBinar bool
	}{
		{"plain UTF-8", []byte(text), text, "", false},
		{"UTF-8 BOM dropped", append([]byte{0xEF, 0xBB, 0xBF}, text...), text, "", false},
		{"UTF-16LE BOM", utf16Bytes(text, false, true), text, EncodingUTF16LE, false},
		{"UTF-16BE BOM", utf16Bytes(text, true, true), text, EncodingUTF16BE, false},
		{"UTF-16LE no BOM", utf16Bytes(text, false, false), text, EncodingUTF16LE, false},
		{"UTF-16BE no BOM", utf16Bytes(text, true, false), text, EncodingUTF16BE, false},
		{"binary", []byte("\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x03\x00>\x00"), "", "", true},
		{"small integers", []byte{1, 0, 2, 0, 3, 0, 4, 0}, "", "", true},
		{"NUL late is text", append([]byte(strings.Repeat("a", sniffLen)), 0), strings.Repeat("a", sniffLen) + "\x00", "", false},
		{"empty", nil, "", "", false},
		{"NUL-separated text", []byte("HOME=/root\x00TOKEN=abc\x00"), "HOME=/root\x00TOKEN=abc\x00", "", false},
		{"NUL-padded log", append([]byte("started\nready\n"), make([]byte, 64)...), "started\nready\n" + string(make([]byte, 64)), "", false},
		{"NUL-separated, a character cut at 8 KB", append(append([]byte(strings.Repeat("a\x00", sniffLen/2-1)), 'b'), "é"...), strings.Repeat("a\x00", sniffLen/2-1) + "bé", "", false},
		{"only NULs", make([]byte, 16), "", "", true},
		{"NULs and other control bytes", []byte("ab\x00\x01\x02cd"), "", "", true},
		{"NULs and bytes not UTF-8", []byte("ab\x00\xff\xfecd"), "", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, enc, bin := textOf(tt.raw)
			if bin != tt.isBinar {
				t.Fatalf("binary = %v, want %v", bin, tt.isBinar)
			}
			if bin {
				return
			}
			if string(data) != tt.want || enc != tt.enc {
				t.Errorf("got %q (%q), want %q (%q)", data, enc, tt.want, tt.enc)
			}
		})
	}
}

func TestDirTextHandling(t *testing.T) {
	root := t.TempDir()
	long := "token=" + strings.Repeat("abcdefgh", 5<<20/8) // one 5 MB line
	raw := map[string][]byte{
		"bom.txt":   append([]byte{0xEF, 0xBB, 0xBF}, "a=1\nb=2\n"...),
		"crlf.txt":  []byte("a=1\r\nb=2\r\n"),
		"le.txt":    utf16Bytes("a=1\r\nb=2", false, true),
		"be.txt":    utf16Bytes("a=1\nb=2", true, false),
		"bin.dat":   {0x89, 'P', 'N', 'G', 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R', 0, 0, 1, 0},
		"long.txt":  []byte(long),
		"nonl.conf": []byte("no newline at end"),
	}
	files := map[string]string{}
	for p, b := range raw {
		files[p] = string(b)
	}
	writeTree(t, root, files)
	c := newCollector()
	if err := (&Dir{Roots: []string{root}, MaxFileSize: 10 << 20}).Fragments(context.Background(), 2, c.visit, c); err != nil {
		t.Fatal(err)
	}
	got := c.byPath(t)
	want := map[string]struct{ data, enc string }{
		"bom.txt":   {"a=1\nb=2\n", ""},
		"crlf.txt":  {"a=1\r\nb=2\r\n", ""},
		"le.txt":    {"a=1\r\nb=2", EncodingUTF16LE},
		"be.txt":    {"a=1\nb=2", EncodingUTF16BE},
		"long.txt":  {long, ""},
		"nonl.conf": {"no newline at end", ""},
	}
	if _, ok := got["bin.dat"]; ok {
		t.Error("binary file was visited")
	}
	for p, w := range want {
		f, ok := got[p]
		if !ok {
			t.Errorf("%s not visited", p)
			continue
		}
		if !bytes.Equal(f.Data, []byte(w.data)) || f.Encoding != w.enc {
			t.Errorf("%s: data %.40q (%q), want %.40q (%q)", p, f.Data, f.Encoding, w.data, w.enc)
		}
		if f.ID != BlobID(raw[p]) {
			t.Errorf("%s: ID is not the blob id of the bytes as read", p)
		}
	}
	if len(c.errs)+len(c.skips) != 0 {
		t.Errorf("errors %v skips %v", c.errs, c.skips)
	}
}

func TestBlobIDMatchesGit(t *testing.T) {
	// `printf 'hello\n' | git hash-object --stdin`
	if got := BlobID([]byte("hello\n")); got != "ce013625030ba8dba906f756967f9e9ca394464a" {
		t.Errorf("BlobID = %s", got)
	}
}

// FuzzTextOf: any bytes give text or "binary" without panicking, UTF-8
// input passes through (less a byte order mark), and converted UTF-16 is
// valid UTF-8.
func FuzzTextOf(f *testing.F) {
	f.Add([]byte("plain\r\ntext"))
	f.Add([]byte("\xEF\xBB\xBFbom"))
	f.Add(utf16Bytes("a=1\nb=2", false, true))
	f.Add(utf16Bytes("a=1\nb=2", true, false))
	f.Add(utf16Bytes("😀 x", false, false))
	f.Add([]byte{0x89, 'P', 'N', 'G', 0, 0, 0, 0x0d})
	f.Fuzz(func(t *testing.T, raw []byte) {
		data, enc, bin := textOf(raw)
		switch {
		case bin:
			if enc != "" {
				t.Fatalf("binary with encoding %q", enc)
			}
		case enc == "":
			if !bytes.Equal(data, bytes.TrimPrefix(raw, bomUTF8)) {
				t.Fatalf("UTF-8 input changed: %q -> %q", raw, data)
			}
		default:
			if !utf8.Valid(data) {
				t.Fatalf("%s conversion gave invalid UTF-8: %q", enc, data)
			}
		}
	})
}
