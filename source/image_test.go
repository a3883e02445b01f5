package source

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/leakstop/leakstop/internal/gitfixture"
)

func TestImageFormat(t *testing.T) {
	for _, tc := range []struct {
		name, head, want string
	}{
		{"png", "\x89PNG\r\n\x1a\n\x00\x00", FormatPNG},
		{"jpeg", "\xff\xd8\xff\xe0\x00\x10JFIF", FormatJPEG},
		{"gif", "GIF89a\x01\x00", FormatGIF},
		{"webp", "RIFF\x10\x00\x00\x00WEBPVP8 ", FormatWebP},
		{"bmp", "BM\x36\x00\x00\x00\x00\x00\x00\x00\x36\x00\x00\x00", FormatBMP},
		{"tiff le", "II*\x00\x08\x00", FormatTIFF},
		{"tiff be", "MM\x00*\x00\x00", FormatTIFF},
		{"riff not webp", "RIFF\x10\x00\x00\x00WAVEfmt ", ""},
		{"text", "BM is a word", ""},
		{"empty", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := imageFormat([]byte(tc.head)); got != tc.want {
				t.Errorf("imageFormat = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestParseTSVAndLayout(t *testing.T) {
	// Two lines; on the first, Tesseract split a token in two (a gap of
	// 2 pixels between words of 10-pixel characters) after a real space.
	tsv := "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n" +
		"1\t1\t0\t0\t0\t0\t0\t0\t1000\t200\t-1\t\n" +
		"5\t1\t1\t1\t1\t1\t12\t12\t60\t20\t95.1\tTOKEN=\n" +
		"5\t1\t1\t1\t1\t2\t92\t12\t100\t20\t90.0\tabcdefghij\n" +
		"5\t1\t1\t1\t1\t3\t194\t12\t50\t20\t88.5\tklmno\n" +
		"5\t1\t1\t1\t2\t1\t12\t52\t40\t20\t96\t\u201cok\u201d\n"
	words, err := parseTSV([]byte(tsv))
	if err != nil {
		t.Fatal(err)
	}
	if len(words) != 4 {
		t.Fatalf("%d words, want 4", len(words))
	}
	prep := prepared{scale: 2, margin: 12}
	data, ws := layoutText(words, prep, 500, 100)
	if want := "TOKEN= abcdefghijklmno\n\"ok\"\n"; string(data) != want {
		t.Errorf("text %q, want %q", data, want)
	}
	// Boxes are mapped back: (x - margin) / scale.
	if ws[1].Box != (Box{X: 40, Y: 0, W: 50, H: 10}) {
		t.Errorf("box of the second word = %+v", ws[1].Box)
	}
	img := &ImageText{Width: 500, Height: 100, Words: ws}
	start := strings.Index(string(data), "abc")
	if got := img.BoxOf(start, start+len("abcdefghijklmno")); got != (Box{X: 40, Y: 0, W: 76, H: 10}) {
		t.Errorf("box of the token = %+v", got)
	}
	if got := img.BoxOf(start+5, start+10); got != (Box{X: 65, Y: 0, W: 25, H: 10}) {
		t.Errorf("box of part of a word = %+v", got)
	}
	if _, err := parseTSV([]byte("5\t1\tx\t1\t1\t1\t1\t1\t1\t1\t1\tword\n")); err == nil {
		t.Error("no error for a malformed line")
	}
}

// TestPrepareDarkTheme: light text on a dark background, and dark text on
// a light one beside it, both become dark ink on white.
func TestPrepareDarkTheme(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 128, 64))
	for y := 0; y < 64; y++ {
		for x := 0; x < 128; x++ {
			bg, fg := color.RGBA{0x1e, 0x1e, 0x1e, 0xff}, color.RGBA{0xd4, 0xd4, 0xd4, 0xff}
			if x >= 64 {
				bg, fg = color.RGBA{0xff, 0xff, 0xff, 0xff}, color.RGBA{0x24, 0x29, 0x2e, 0xff}
			}
			c := bg
			if y >= 20 && y < 30 && x%8 < 2 { // strokes of "text"
				c = fg
			}
			img.Set(x, y, c)
		}
	}
	rgb, w, h := flatten(img)
	ink := inkOf(rgb, w, h)
	for _, p := range []image.Point{{2, 5}, {70, 5}} {
		if v := ink.GrayAt(p.X, p.Y).Y; v != 255 {
			t.Errorf("background at %v = %d, want white", p, v)
		}
	}
	for _, p := range []image.Point{{8, 24}, {72, 24}} {
		if v := ink.GrayAt(p.X, p.Y).Y; v > 64 {
			t.Errorf("text at %v = %d, want dark", p, v)
		}
	}
	if h := lineHeight(ink); h != 10 {
		t.Errorf("line height %v, want 10", h)
	}
	up := upscale(ink, 3)
	if b := up.Bounds(); b.Dx() != 384 || b.Dy() != 192 {
		t.Errorf("upscaled to %v", b)
	}
}

// fakeTesseract writes a program that answers as Tesseract would with a
// word "TOKEN=ghp_" and its box, and counts its runs in a file; it
// returns the program and the file. Only for systems with a shell.
func fakeTesseract(t *testing.T) (string, string) {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("the fake tesseract is a shell script")
	}
	dir := t.TempDir()
	count := filepath.Join(dir, "runs")
	script := "#!/bin/sh\n" +
		"if [ \"$1\" = --list-langs ]; then printf 'List of available languages (1):\\neng\\n'; exit 0; fi\n" +
		"cat >/dev/null\n" +
		"echo run >> " + count + "\n" +
		"printf 'level\\tpage_num\\tblock_num\\tpar_num\\tline_num\\tword_num\\tleft\\ttop\\twidth\\theight\\tconf\\ttext\\n'\n" +
		"printf '5\\t1\\t1\\t1\\t1\\t1\\t12\\t12\\t100\\t20\\t95\\thello\\n'\n"
	prog := filepath.Join(dir, "tesseract")
	if err := os.WriteFile(prog, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	return prog, count
}

func runs(t *testing.T, count string) int {
	b, err := os.ReadFile(count)
	if errors.Is(err, os.ErrNotExist) {
		return 0
	}
	if err != nil {
		t.Fatal(err)
	}
	return strings.Count(string(b), "run")
}

// pngOf is a w×h picture of colour c with a band of strokes across it,
// as a line of text would have.
func pngOf(t *testing.T, w, h int, c color.Color) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	r, _, _, _ := c.RGBA()
	ink := color.Black
	if r < 0x8000 {
		ink = color.White
	}
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			if y >= 10 && y < 20 && x%4 < 2 {
				img.Set(x, y, ink)
			} else {
				img.Set(x, y, c)
			}
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// collect runs a source and returns its fragments by path, and its problems.
func collect(t *testing.T, src Source) (map[string]*Fragment, *listProblems) {
	t.Helper()
	var mu sync.Mutex
	got := map[string]*Fragment{}
	p := &listProblems{}
	err := src.Fragments(context.Background(), 2, func(_ int, f *Fragment) error {
		mu.Lock()
		defer mu.Unlock()
		for _, o := range f.Origins {
			got[o.Path] = f
		}
		return nil
	}, p)
	if err != nil {
		t.Fatal(err)
	}
	return got, p
}

type listProblems struct {
	mu            sync.Mutex
	errors, skips []string
}

func (l *listProblems) Error(path string, err error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.errors = append(l.errors, path+": "+err.Error())
}

func (l *listProblems) Skip(path, reason string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.skips = append(l.skips, path+": "+reason)
}

// TestOCRReadsEachImageOnce: the same picture in two files and in a zip
// is read once; a larger one is skipped and listed; text files are
// scanned as before.
func TestOCRReadsEachImageOnce(t *testing.T) {
	prog, count := fakeTesseract(t)
	ocr, err := NewOCR(context.Background(), OCROptions{Command: prog, MaxPixels: 100 * 100})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	shot := pngOf(t, 64, 32, color.White)
	var zb bytes.Buffer
	zw := zip.NewWriter(&zb)
	w, _ := zw.Create("img/shot.png")
	w.Write(shot)
	zw.Close()
	for name, data := range map[string][]byte{
		"a.png": shot, "b/copy.png": shot, "shots.zip": zb.Bytes(),
		"big.png": pngOf(t, 200, 200, color.Black), "notes.txt": []byte("hello\n"),
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, probs := collect(t, &Dir{Roots: []string{dir}, OCR: ocr, Archive: DefaultArchiveLimits()})
	for _, path := range []string{"a.png", "b/copy.png", "shots.zip!img/shot.png"} {
		f := got[path]
		if f == nil || f.Image == nil {
			t.Fatalf("%s: no image fragment (%v)", path, got)
		}
		if string(f.Data) != "hello\n" || f.ID != BlobID(shot) || f.Image.Width != 64 || f.Image.Format != FormatPNG {
			t.Errorf("%s: %q id %s %+v", path, f.Data, f.ID, f.Image)
		}
	}
	if got["notes.txt"] == nil || got["notes.txt"].Image != nil {
		t.Error("the text file was not scanned as text")
	}
	if n := runs(t, count); n != 1 {
		t.Errorf("tesseract ran %d times for one distinct image with text, want 1", n)
	}
	if len(probs.skips) != 1 || !strings.Contains(probs.skips[0], ReasonImageTooLarge) || !strings.Contains(probs.skips[0], "200×200") {
		t.Errorf("skipped %v", probs.skips)
	}
	if len(probs.errors) > 0 {
		t.Errorf("errors %v", probs.errors)
	}
}

func TestOCRDamagedImageSkipped(t *testing.T) {
	prog, _ := fakeTesseract(t)
	ocr, err := NewOCR(context.Background(), OCROptions{Command: prog})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	shot := pngOf(t, 64, 32, color.White)
	os.WriteFile(filepath.Join(dir, "cut.png"), shot[:len(shot)/2], 0o644)
	got, probs := collect(t, &Dir{Roots: []string{dir}, OCR: ocr})
	if len(got) != 0 || len(probs.skips) != 1 || !strings.Contains(probs.skips[0], ReasonImageUndecoded) {
		t.Errorf("fragments %v, skipped %v", got, probs.skips)
	}
}

func TestNewOCRWithoutTesseract(t *testing.T) {
	_, err := NewOCR(context.Background(), OCROptions{Command: filepath.Join(t.TempDir(), "no-tesseract")})
	if !errors.Is(err, ErrNoTesseract) || !strings.Contains(err.Error(), "apt-get install tesseract-ocr tesseract-ocr-eng") {
		t.Errorf("err = %v", err)
	}
}

// TestOCRGitHistoryReadsBlobOnce: one screenshot committed, copied to
// another path and kept through later commits is one blob, read once,
// with every place it is at.
func TestOCRGitHistoryReadsBlobOnce(t *testing.T) {
	gitfixture.Require(t)
	prog, count := fakeTesseract(t)
	ocr, err := NewOCR(context.Background(), OCROptions{Command: prog})
	if err != nil {
		t.Fatal(err)
	}
	shot := string(pngOf(t, 64, 32, color.White))
	r := gitfixture.New(t)
	r.Commit("add a screenshot", map[string]string{"docs/shot.png": shot})
	r.Commit("copy it", map[string]string{"wiki/setup.png": shot, "README": "see the wiki\n"})
	r.Commit("more docs", map[string]string{"README": "see the wiki and docs\n"})
	got, probs := collect(t, &Git{Repo: r.Dir, OCR: ocr})
	for _, path := range []string{"docs/shot.png", "wiki/setup.png"} {
		if f := got[path]; f == nil || f.Image == nil {
			t.Errorf("%s: no image fragment", path)
		}
	}
	if n := runs(t, count); n != 1 {
		t.Errorf("tesseract ran %d times for one blob, want 1", n)
	}
	if len(probs.errors) > 0 {
		t.Errorf("errors %v", probs.errors)
	}
}

func FuzzParseTSV(f *testing.F) {
	f.Add([]byte("level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n" +
		"5\t1\t1\t1\t1\t1\t12\t12\t60\t20\t95.1\tTOKEN=\n5\t1\t1\t1\t2\t1\t12\t52\t40\t20\t96\tok\n"))
	f.Add([]byte("5\t1\t1\t1\t1\t1\t-5\t0\t0\t0\t-1\t \n"))
	f.Fuzz(func(t *testing.T, out []byte) {
		words, err := parseTSV(out)
		if err != nil {
			return
		}
		data, ws := layoutText(words, prepared{scale: 1.5, margin: 12}, 640, 480)
		img := &ImageText{Width: 640, Height: 480, Words: ws}
		for _, w := range ws {
			if w.Start < 0 || w.End > len(data) || w.Start > w.End {
				t.Fatalf("word %+v outside %d bytes", w, len(data))
			}
			if b := w.Box; b.X < 0 || b.Y < 0 || b.X+b.W > 640 || b.Y+b.H > 480 {
				t.Fatalf("box %+v outside the image", b)
			}
		}
		if b := img.BoxOf(0, len(data)); b.X+b.W > 640 || b.Y+b.H > 480 {
			t.Fatalf("box %+v outside the image", b)
		}
	})
}

// FuzzPrepareImage: a hostile image file is decoded (or refused) and
// prepared without panicking, within the pixel limit.
func FuzzPrepareImage(f *testing.F) {
	f.Add([]byte("GIF89a\x01\x00\x01\x00\x00\x00\x00;"))
	f.Add([]byte("BM\x3a\x00\x00\x00\x00\x00\x00\x00\x36\x00\x00\x00\x28\x00\x00\x00\x01\x00\x00\x00\x01\x00\x00\x00\x01\x00\x18\x00\x00\x00\x00\x00\x04\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\xff\xff\xff\x00"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		format := imageFormat(raw[:min(len(raw), 16)])
		if format == "" {
			return
		}
		codec := codecs[format]
		cfg, err := codec.config(bytes.NewReader(raw))
		if err != nil || cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width*cfg.Height > 1<<20 {
			return
		}
		img, err := decodeImage(codec, raw)
		if err != nil || img.Bounds().Empty() {
			return
		}
		prepare(img)
	})
}
