package source

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/hex"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/klauspost/compress/zstd"
	"github.com/ulikunitz/xz"
)

// entry is a member of an archive built by a test.
type entry struct {
	name string
	data string
}

func zipOf(t testing.TB, entries ...entry) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for _, e := range entries {
		f, err := w.Create(e.name)
		if err != nil {
			t.Fatal(err)
		}
		f.Write([]byte(e.data))
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// zipMethod builds a zip whose one member is compressed by method, its
// bytes compress(data) (nil: stored).
func zipMethod(t testing.TB, method uint16, compress func(testing.TB, []byte) []byte, e entry) []byte {
	t.Helper()
	body := []byte(e.data)
	if compress != nil {
		body = compress(t, body)
	}
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	f, err := w.CreateRaw(&zip.FileHeader{Name: e.name, Method: method, CRC32: crc32.ChecksumIEEE([]byte(e.data)),
		CompressedSize64: uint64(len(body)), UncompressedSize64: uint64(len(e.data))})
	if err != nil {
		t.Fatal(err)
	}
	f.Write(body)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func tarOf(t testing.TB, entries ...entry) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := tar.NewWriter(&buf)
	for _, e := range entries {
		if err := w.WriteHeader(&tar.Header{Name: e.name, Mode: 0o644, Size: int64(len(e.data)), Typeflag: tar.TypeReg}); err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(e.data))
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func gzipOf(t testing.TB, data []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	w.Write(data)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func xzOf(t testing.TB, data []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	w, err := xz.NewWriter(&buf)
	if err != nil {
		t.Fatal(err)
	}
	w.Write(data)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func zstdOf(t testing.TB, data []byte) []byte {
	t.Helper()
	enc, err := zstd.NewWriter(nil)
	if err != nil {
		t.Fatal(err)
	}
	defer enc.Close()
	return enc.EncodeAll(data, nil)
}

// bzip2Text is `printf 'API_KEY=from-bzip2\n' | bzip2 -9`: the standard
// library reads bzip2 but cannot write it.
const bzip2Text = "425a68393141592653593633dd4a0000025f80001000021002222840209122d0102000314c98990646140d06ca07a93df455c170415e492f8bb9229c28481b19eea500"

func bzip2Of(t testing.TB) []byte {
	b, err := hex.DecodeString(bzip2Text)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// archiveDir is a Dir over root with the default archive limits.
func archiveDir(root string) *Dir {
	return &Dir{Roots: []string{root}, MaxFileSize: 10 << 20, Archive: DefaultArchiveLimits()}
}

// texts returns each fragment's text by path.
func (c *collector) texts(t *testing.T) map[string]string {
	t.Helper()
	out := map[string]string{}
	for p, f := range c.byPath(t) {
		out[p] = string(f.Data)
	}
	return out
}

func TestArchiveFormats(t *testing.T) {
	const text = "API_KEY=inside\n"
	tests := []struct {
		name string
		data func(t testing.TB) []byte
		want map[string]string
	}{
		{"a.zip", func(t testing.TB) []byte { return zipOf(t, entry{"dir/x.env", text}, entry{"y.txt", "plain\n"}) },
			map[string]string{"a.zip!dir/x.env": text, "a.zip!y.txt": "plain\n"}},
		{"bzip2.zip", func(t testing.TB) []byte {
			return zipMethod(t, zipMethodBzip2, func(t testing.TB, _ []byte) []byte { return bzip2Of(t) }, entry{"x.env", "API_KEY=from-bzip2\n"})
		}, map[string]string{"bzip2.zip!x.env": "API_KEY=from-bzip2\n"}},
		{"stored.zip", func(t testing.TB) []byte { return zipMethod(t, zip.Store, nil, entry{"x.env", text}) },
			map[string]string{"stored.zip!x.env": text}},
		{"zstd.zip", func(t testing.TB) []byte { return zipMethod(t, zipMethodZstd, zstdOf, entry{"x.env", text}) },
			map[string]string{"zstd.zip!x.env": text}},
		{"xz.zip", func(t testing.TB) []byte { return zipMethod(t, zipMethodXZ, xzOf, entry{"x.env", text}) },
			map[string]string{"xz.zip!x.env": text}},
		{"app.jar", func(t testing.TB) []byte { return zipOf(t, entry{"META-INF/app.properties", text}) },
			map[string]string{"app.jar!META-INF/app.properties": text}},
		{"report.docx", func(t testing.TB) []byte {
			return zipOf(t, entry{"[Content_Types].xml", `<?xml version="1.0"?><Types/>`},
				entry{"word/document.xml", `<w:document><w:t>API_KEY=inside</w:t></w:document>`})
		}, map[string]string{
			"report.docx![Content_Types].xml": `<?xml version="1.0"?><Types/>`,
			"report.docx!word/document.xml":   `<w:document><w:t>API_KEY=inside</w:t></w:document>`,
		}},
		{"a.tar", func(t testing.TB) []byte { return tarOf(t, entry{"etc/x.env", text}) },
			map[string]string{"a.tar!etc/x.env": text}},
		{"a.tar.gz", func(t testing.TB) []byte { return gzipOf(t, tarOf(t, entry{"etc/x.env", text})) },
			map[string]string{"a.tar.gz!etc/x.env": text}},
		{"a.tgz", func(t testing.TB) []byte { return gzipOf(t, tarOf(t, entry{"etc/x.env", text})) },
			map[string]string{"a.tgz!etc/x.env": text}},
		{"a.tar.xz", func(t testing.TB) []byte { return xzOf(t, tarOf(t, entry{"x.env", text})) },
			map[string]string{"a.tar.xz!x.env": text}},
		{"a.tar.zst", func(t testing.TB) []byte { return zstdOf(t, tarOf(t, entry{"x.env", text})) },
			map[string]string{"a.tar.zst!x.env": text}},
		{"x.env.gz", func(t testing.TB) []byte { return gzipOf(t, []byte(text)) },
			map[string]string{"x.env.gz!x.env": text}},
		{"x.env.xz", func(t testing.TB) []byte { return xzOf(t, []byte(text)) },
			map[string]string{"x.env.xz!x.env": text}},
		{"x.env.zst", func(t testing.TB) []byte { return zstdOf(t, []byte(text)) },
			map[string]string{"x.env.zst!x.env": text}},
		{"x.env.bz2", bzip2Of, map[string]string{"x.env.bz2!x.env": "API_KEY=from-bzip2\n"}},
		// Magic bytes, not the extension, say what a file is.
		{"backup.bin", func(t testing.TB) []byte { return gzipOf(t, tarOf(t, entry{"x.env", text})) },
			map[string]string{"backup.bin!x.env": text}},
		{"notes.txt", func(t testing.TB) []byte { return zipOf(t, entry{"x.env", text}) },
			map[string]string{"notes.txt!x.env": text}},
		// A jar behind a launcher script is found by its name and end.
		{"run.jar", func(t testing.TB) []byte {
			return append([]byte("#!/bin/sh\nexec java -jar \"$0\" \"$@\"\n"), zipOf(t, entry{"x.env", text})...)
		}, map[string]string{"run.jar!x.env": text}},
		// A text file named like an archive is text (a Git LFS pointer).
		{"big.zip", func(t testing.TB) []byte { return []byte("version https://git-lfs.github.com/spec/v1\n") },
			map[string]string{"big.zip": "version https://git-lfs.github.com/spec/v1\n"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			writeTree(t, root, map[string]string{tt.name: string(tt.data(t))})
			c := scanDir(t, archiveDir(root), 2)
			if len(c.errs) > 0 || len(c.skips) > 0 {
				t.Errorf("errors %v, skips %v", c.errs, c.skips)
			}
			got := c.texts(t)
			if len(got) != len(tt.want) {
				t.Errorf("fragments %q, want %q", got, tt.want)
			}
			for p, text := range tt.want {
				if got[p] != text {
					t.Errorf("%s = %q, want %q", p, got[p], text)
				}
			}
		})
	}
}

// nested builds a.zip!b.tar.gz!c/d.env.
func nested(t testing.TB, secret string) []byte {
	inner := gzipOf(t, tarOf(t, entry{"c/d.env", secret}, entry{"c/readme.md", "docs\n"}))
	return zipOf(t, entry{"b.tar.gz", string(inner)}, entry{"top.txt", "top\n"})
}

func TestArchiveNested(t *testing.T) {
	root := t.TempDir()
	const secret = "TOKEN=nested-fake-value\n"
	writeTree(t, root, map[string]string{"sub/a.zip": string(nested(t, secret)), "plain.txt": "plain\n"})
	c := scanDir(t, archiveDir(root), 2)
	if len(c.errs) > 0 || len(c.skips) > 0 {
		t.Errorf("errors %v, skips %v", c.errs, c.skips)
	}
	want := []string{"plain.txt", "sub/a.zip!b.tar.gz!c/d.env", "sub/a.zip!b.tar.gz!c/readme.md", "sub/a.zip!top.txt"}
	if got := c.paths(); !slices.Equal(got, want) {
		t.Fatalf("paths = %q, want %q", got, want)
	}
	f := c.byPath(t)["sub/a.zip!b.tar.gz!c/d.env"]
	o := f.Origins[0]
	if string(f.Data) != secret || f.ID != BlobID([]byte(secret)) || o.Kind != KindFile || o.Root != root {
		t.Errorf("fragment %q id %s origin %+v", f.Data, f.ID, o)
	}
}

// TestArchiveLimits: what a limit leaves out is listed as skipped, under
// the path of what was left out, and the rest is scanned.
func TestArchiveLimits(t *testing.T) {
	zeros := strings.Repeat("\x00", 10<<20)
	aaa := strings.Repeat("A", 10<<20)
	many := make([]entry, 20)
	for i := range many {
		many[i] = entry{name: "f" + string(rune('a'+i)) + ".txt", data: "x\n"}
	}
	tests := []struct {
		name   string
		data   func(t testing.TB) []byte
		limits func(*ArchiveLimits)
		// maxFileSize is --max-file-size; 0: 1000.
		maxFileSize int64
		want        []string          // fragments
		skips       map[string]string // path → start of reason
	}{
		{
			name: "depth.zip",
			data: func(t testing.TB) []byte {
				c := zipOf(t, entry{"deep.txt", "deep\n"})
				b := zipOf(t, entry{"c.zip", string(c)}, entry{"b.txt", "b\n"})
				return zipOf(t, entry{"b.zip", string(b)}, entry{"a.txt", "a\n"})
			},
			limits: func(l *ArchiveLimits) { l.MaxDepth = 2 },
			want:   []string{"depth.zip!a.txt", "depth.zip!b.zip!b.txt"},
			skips:  map[string]string{"depth.zip!b.zip!c.zip": ReasonArchiveDepth + " (2)"},
		},
		{
			name:   "off.zip",
			data:   func(t testing.TB) []byte { return zipOf(t, entry{"a.txt", "a\n"}) },
			limits: func(l *ArchiveLimits) { l.MaxDepth = 0 },
			skips:  map[string]string{"off.zip": ReasonNotExpanded},
		},
		{
			// 10 MB of zeros compress to about 10 KB: a ratio near 1000.
			name: "bomb.zip",
			data: func(t testing.TB) []byte {
				return zipOf(t, entry{"zeros.bin", zeros}, entry{"aaa.txt", aaa}, entry{"ok.txt", "ok\n"})
			},
			want: []string{"bomb.zip!ok.txt"},
			skips: map[string]string{
				"bomb.zip!zeros.bin": reasonArchiveDeclares + " 10485760 bytes from ",
				"bomb.zip!aaa.txt":   reasonArchiveDeclares + " 10485760 bytes from ",
			},
		},
		{
			// A member that declares a terabyte.
			name: "huge.zip",
			data: func(t testing.TB) []byte {
				var buf bytes.Buffer
				w := zip.NewWriter(&buf)
				body := gzipOf(t, []byte("small"))
				f, _ := w.CreateRaw(&zip.FileHeader{Name: "huge.txt", Method: zip.Deflate,
					CompressedSize64: uint64(len(body)), UncompressedSize64: 1 << 40, CRC32: crc32.ChecksumIEEE([]byte("small"))})
				f.Write(body)
				ok, _ := w.Create("ok.txt")
				ok.Write([]byte("ok\n"))
				w.Close()
				return buf.Bytes()
			},
			want:  []string{"huge.zip!ok.txt"},
			skips: map[string]string{"huge.zip!huge.txt": reasonArchiveDeclares + " 1099511627776 bytes: " + ReasonArchiveBytes},
		},
		{
			// In a stream the ratio is found while decompressing.
			name: "bomb.tar.gz",
			data: func(t testing.TB) []byte {
				return gzipOf(t, tarOf(t, entry{"ok.txt", "ok\n"}, entry{"aaa.txt", aaa}, entry{"after.txt", "after\n"}))
			},
			want: []string{"bomb.tar.gz!ok.txt"},
			skips: map[string]string{
				"bomb.tar.gz!aaa.txt": ReasonTooLarge, // then skipped over, decompressing
				"bomb.tar.gz":         ReasonArchiveRatio + " (100)" + reasonRestNotScanned,
			},
		},
		{
			name: "bomb-in.zip",
			data: func(t testing.TB) []byte {
				return zipOf(t, entry{"x.txt.gz", string(gzipOf(t, []byte(aaa)))}, entry{"ok.txt", "ok\n"})
			},
			want:        []string{"bomb-in.zip!ok.txt"},
			skips:       map[string]string{"bomb-in.zip!x.txt.gz": ReasonArchiveRatio + " (100)" + reasonRestNotScanned},
			maxFileSize: 100 << 20,
		},
		{
			name:   "many.zip",
			data:   func(t testing.TB) []byte { return zipOf(t, many...) },
			limits: func(l *ArchiveLimits) { l.MaxEntries = 10 },
			skips:  map[string]string{"many.zip": "20 members: " + ReasonArchiveEntries + " (10)"},
		},
		{
			name:   "many.tar",
			data:   func(t testing.TB) []byte { return tarOf(t, many...) },
			limits: func(l *ArchiveLimits) { l.MaxEntries = 3 },
			want:   []string{"many.tar!fa.txt", "many.tar!fb.txt", "many.tar!fc.txt"},
			skips:  map[string]string{"many.tar": ReasonArchiveEntries + " (3)" + reasonRestNotScanned},
		},
		{
			name: "bytes.tar.gz",
			data: func(t testing.TB) []byte {
				return gzipOf(t, tarOf(t, entry{"a.txt", strings.Repeat("a", 300) + "\n"}, entry{"b.txt", strings.Repeat("b", 3000)}))
			},
			limits:      func(l *ArchiveLimits) { l.MaxBytes = 2048 },
			maxFileSize: 10000,
			want:        []string{"bytes.tar.gz!a.txt"},
			skips:       map[string]string{"bytes.tar.gz": ReasonArchiveBytes + " (2048 bytes)" + reasonRestNotScanned},
		},
		{
			name: "size.zip",
			data: func(t testing.TB) []byte {
				return zipOf(t, entry{"big.txt", strings.Repeat("big\n", 500)}, entry{"small.txt", "small\n"})
			},
			want:  []string{"size.zip!small.txt"},
			skips: map[string]string{"size.zip!big.txt": ReasonTooLarge},
		},
		{
			name: "names.tar",
			data: func(t testing.TB) []byte {
				return tarOf(t, entry{"../../etc/passwd", "root:x:0:0\n"}, entry{"/etc/shadow", "root:*:1\n"},
					entry{"ok/../fine.txt", "fine\n"}, entry{"./dot.txt", "dot\n"})
			},
			want:  []string{"names.tar!dot.txt", "names.tar!fine.txt"},
			skips: map[string]string{"names.tar": ReasonUnsafeName},
		},
		{
			name: "names.zip",
			data: func(t testing.TB) []byte {
				return zipOf(t, entry{`..\..\evil.txt`, "evil\n"}, entry{"C:/boot.ini", "boot\n"}, entry{"ok.txt", "ok\n"})
			},
			want:  []string{"names.zip!ok.txt"},
			skips: map[string]string{"names.zip": ReasonUnsafeName},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			writeTree(t, root, map[string]string{tt.name: string(tt.data(t))})
			d := archiveDir(root)
			d.MaxFileSize = 1000
			if tt.maxFileSize > 0 {
				d.MaxFileSize = tt.maxFileSize
			}
			if tt.limits != nil {
				tt.limits(&d.Archive)
			}
			c := scanDir(t, d, 1)
			if len(c.errs) > 0 {
				t.Errorf("errors %v", c.errs)
			}
			if got := c.paths(); !slices.Equal(got, tt.want) {
				t.Errorf("paths = %q, want %q", got, tt.want)
			}
			if len(c.skips) != len(tt.skips) {
				t.Errorf("skips = %q, want %q", c.skips, tt.skips)
			}
			for p, reason := range tt.skips {
				got, ok := c.skips[filepath.ToSlash(filepath.Join(root, p))]
				if !ok || !strings.HasPrefix(got, reason) {
					t.Errorf("skip of %s = %q, want it to start with %q (all: %q)", p, got, reason, c.skips)
				}
			}
			// Nothing was written next to the archive, nor above it.
			entries, _ := os.ReadDir(root)
			if len(entries) != 1 {
				t.Errorf("files in the scanned folder: %v", entries)
			}
			if _, err := os.Stat(filepath.Join(filepath.Dir(root), "etc")); err == nil {
				t.Error("a member was written outside the scanned folder")
			}
		})
	}
}

func TestArchiveDamaged(t *testing.T) {
	good := zipOf(t, entry{"a.txt", strings.Repeat("alpha beta gamma\n", 50)}, entry{"b.txt", "bravo\n"})
	// Damage a.txt's deflate stream: it starts after its local header.
	bad := bytes.Clone(good)
	off := 30 + len("a.txt")
	for i := off + 2; i < off+12; i++ {
		bad[i] ^= 0xff
	}
	tr := tarOf(t, entry{"one.txt", "one\n"}, entry{"two.txt", strings.Repeat("two\n", 1000)})
	tgz := gzipOf(t, tr)
	root := t.TempDir()
	writeTree(t, root, map[string]string{
		"corrupt.zip":  "PK\x03\x04 this is not a zip at all",
		"member.zip":   string(bad),
		"cut.tar.gz":   string(tgz[:len(tgz)-40]),
		"cut.tar":      string(tr[:3*512+100]),
		"notgzip.gz":   "\x1f\x8b\x08 garbage",
		"nested.zip":   string(zipOf(t, entry{"inner.zip", "PK\x03\x04 broken"}, entry{"ok.txt", "ok\n"})),
		"after.txt":    "the scan goes on\n",
		"also/fine.gz": string(gzipOf(t, []byte("fine\n"))),
	})
	c := scanDir(t, archiveDir(root), 2)
	at := func(p string) string { return filepath.ToSlash(filepath.Join(root, p)) }
	wantErrs := map[string]string{
		at("corrupt.zip"):          "damaged archive: zip: not a valid zip file",
		at("member.zip"):           "damaged archive (member a.txt): ",
		at("cut.tar.gz"):           "damaged archive (",
		at("cut.tar"):              "damaged archive (member two.txt): unexpected EOF",
		at("notgzip.gz"):           "damaged archive: ",
		at("nested.zip!inner.zip"): "damaged archive: zip: not a valid zip file",
	}
	if len(c.errs) != len(wantErrs) {
		t.Errorf("errors = %q", c.errs)
	}
	for p, msg := range wantErrs {
		if got, ok := c.errs[p]; !ok || !strings.HasPrefix(got, msg) {
			t.Errorf("error for %s = %q, want it to start with %q", p, got, msg)
		}
	}
	for _, p := range []string{"after.txt", "also/fine.gz!fine", "member.zip!b.txt", "cut.tar.gz!one.txt", "cut.tar!one.txt", "nested.zip!ok.txt"} {
		if !slices.Contains(c.paths(), p) {
			t.Errorf("%s not scanned; paths %q", p, c.paths())
		}
	}
}

// TestArchiveLargeFile: an archive over --max-file-size is still opened,
// read from the file; its members keep the limit.
func TestArchiveLargeFile(t *testing.T) {
	root := t.TempDir()
	var members []entry
	for i := range 40 {
		members = append(members, entry{name: strings.Repeat("d", i%5+1) + "/" + string(rune('a'+i%26)) + string(rune('a'+i/26)) + ".txt",
			data: strings.Repeat("some text line\n", 5)})
	}
	writeTree(t, root, map[string]string{"big.zip": string(zipOf(t, members...)), "big.txt": strings.Repeat("x", 5000)})
	d := archiveDir(root)
	d.MaxFileSize = 1000
	c := scanDir(t, d, 2)
	if len(c.frags) != 40 || len(c.errs) > 0 {
		t.Errorf("%d fragments, errors %v", len(c.frags), c.errs)
	}
	if len(c.skips) != 1 || c.skips[filepath.ToSlash(filepath.Join(root, "big.txt"))] != ReasonTooLarge {
		t.Errorf("skips = %q", c.skips)
	}
}

// TestExpandArchiveVisitError: visit's error ends the archive and is
// returned; ctx's end too.
func TestExpandArchiveVisitError(t *testing.T) {
	data := zipOf(t, entry{"a.txt", "a\n"}, entry{"b.txt", "b\n"})
	stop := io.ErrClosedPipe
	calls := 0
	item := archiveItem{Name: "x.zip", R: bytes.NewReader(data), Size: int64(len(data)), Origins: []Origin{{Kind: KindFile, Path: "x.zip"}}}
	opt := archiveOptions{Limits: DefaultArchiveLimits(), Problems: newCollector(),
		Visit: func(int, *Fragment) error { calls++; return stop }}
	ok, err := expandArchive(context.Background(), item, opt)
	if !ok || err != stop || calls != 1 {
		t.Errorf("expandArchive = %v, %v after %d visits; want true, %v after 1", ok, err, calls, stop)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	opt.Visit = func(int, *Fragment) error { return nil }
	if ok, err := expandArchive(ctx, item, opt); !ok || err != context.Canceled {
		t.Errorf("cancelled: %v, %v", ok, err)
	}
	if ok, err := expandArchive(context.Background(), archiveItem{Name: "x.zip", R: strings.NewReader("text\n"), Size: 5}, opt); ok || err != nil {
		t.Errorf("text: %v, %v; want false, nil", ok, err)
	}
}

func TestMemberName(t *testing.T) {
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{"a/b.txt", "a/b.txt", true},
		{"./a//b.txt", "a/b.txt", true},
		{`dir\file.txt`, "dir/file.txt", true},
		{"a/../b.txt", "b.txt", true},
		{"cafe\u0301.txt", "caf\u00e9.txt", true}, // NFD becomes NFC
		{"./", "", true},
		{"../x", "", false},
		{"a/../../x", "", false},
		{"/etc/passwd", "", false},
		{`C:\x`, "", false},
		{`\\server\share`, "", false},
		{"a\x00b", "", false},
	}
	for _, tt := range tests {
		got, ok := memberName(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("memberName(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

// FuzzExpandArchive: no input panics, hangs or escapes the limits.
func FuzzExpandArchive(f *testing.F) {
	f.Add("a.zip", nested(f, "K=v\n"))
	f.Add("a.tar", tarOf(f, entry{"x", "y\n"}))
	f.Add("a.tgz", gzipOf(f, tarOf(f, entry{"x", "y\n"})))
	f.Add("x.xz", xzOf(f, []byte("hello\n")))
	f.Add("x.zst", zstdOf(f, []byte("hello\n")))
	f.Add("x.bz2", bzip2Of(f))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		lim := ArchiveLimits{MaxDepth: 3, MaxBytes: 1 << 20, MaxEntries: 100, MaxRatio: 100}
		item := archiveItem{Name: name, R: bytes.NewReader(data), Size: int64(len(data)), Origins: []Origin{{Kind: KindFile, Path: "f"}}}
		var total int
		opt := archiveOptions{Limits: lim, MaxFileSize: 1 << 16, Problems: newCollector(),
			Visit: func(_ int, fr *Fragment) error {
				total += len(fr.Data)
				if !strings.HasPrefix(fr.Origins[0].Path, "f!") {
					t.Errorf("member path %q", fr.Origins[0].Path)
				}
				return nil
			}}
		if _, err := expandArchive(context.Background(), item, opt); err != nil {
			t.Fatal(err)
		}
		if total > 4<<20 {
			t.Errorf("%d bytes visited, past the limits", total)
		}
	})
}

// TestStdinArchive: piped archives are opened too.
func TestStdinArchive(t *testing.T) {
	data := gzipOf(t, tarOf(t, entry{"etc/app.env", "API_KEY=piped\n"}))
	c := newCollector()
	s := &Stdin{R: bytes.NewReader(data), Name: "backup.tgz", Archive: DefaultArchiveLimits()}
	if err := s.Fragments(context.Background(), 1, c.visit, c); err != nil {
		t.Fatal(err)
	}
	if got := c.paths(); !slices.Equal(got, []string{"backup.tgz!etc/app.env"}) || c.frags[0].Origins[0].Kind != KindStdin {
		t.Errorf("paths %q, origins %+v", got, c.frags)
	}
}
