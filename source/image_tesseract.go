package source

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"math"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// Tesseract runs as a program, `tesseract stdin stdout --psm N -l eng tsv`,
// not through a cgo binding: leakstop stays one static binary that cross-
// compiles (CGO_ENABLED=0), and OCR is there wherever the tesseract
// package is. Its TSV output gives each word with its box.

// findTesseract returns the path of the Tesseract program, having checked
// that it runs and has the language's data.
func findTesseract(ctx context.Context, opts OCROptions) (string, error) {
	path, err := exec.LookPath(opts.Command)
	if err != nil {
		return "", fmt.Errorf("%w (%s not found)", ErrNoTesseract, opts.Command)
	}
	cmd := exec.CommandContext(ctx, path, "--list-langs")
	cmd.Env = tesseractEnv()
	out, err := cmd.CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("%w (%s --list-langs: %v)", ErrNoTesseract, path, err)
	}
	for _, l := range strings.Split(string(out), "\n") {
		if strings.TrimSpace(l) == opts.Language {
			return path, nil
		}
	}
	return "", fmt.Errorf("%w (%s has no %q language data)", ErrNoTesseract, path, opts.Language)
}

// tesseractEnv is the program's environment: one thread each, since the
// workers already read several images at once, and quiet.
func tesseractEnv() []string {
	return append(os.Environ(), "OMP_THREAD_LIMIT=1")
}

// ocrWord is a word as Tesseract reads it: its line (block, paragraph and
// line numbers), its box in the prepared image, its text.
type ocrWord struct {
	line [3]int
	box  Box
	conf float64
	text string
}

// tesseractWords has Tesseract read a prepared image.
func (o *OCR) tesseractWords(ctx context.Context, img *image.Gray) ([]ocrWord, error) {
	args := []string{"stdin", "stdout", "--psm", strconv.Itoa(o.opts.PSM), "-l", o.opts.Language,
		// Random tokens are not words: the dictionaries would pull a
		// reading toward English.
		"-c", "load_system_dawg=0", "-c", "load_freq_dawg=0",
		"tsv"}
	cmd := exec.CommandContext(ctx, o.tesseract, args...)
	cmd.Env = tesseractEnv()
	cmd.Stdin = bytes.NewReader(encodePGM(img))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		msg := strings.TrimSpace(stderr.String())
		if i := strings.LastIndexByte(msg, '\n'); i >= 0 {
			msg = msg[i+1:]
		}
		if msg != "" {
			return nil, fmt.Errorf("tesseract: %w: %s", err, msg)
		}
		return nil, fmt.Errorf("tesseract: %w", err)
	}
	return parseTSV(out)
}

// encodePGM writes img as a binary PGM (P5), which Leptonica reads
// without decompressing anything.
func encodePGM(img *image.Gray) []byte {
	b := img.Bounds()
	header := fmt.Sprintf("P5\n%d %d\n255\n", b.Dx(), b.Dy())
	out := make([]byte, 0, len(header)+b.Dx()*b.Dy())
	out = append(out, header...)
	for y := b.Min.Y; y < b.Max.Y; y++ {
		i := img.PixOffset(b.Min.X, y)
		out = append(out, img.Pix[i:i+b.Dx()]...)
	}
	return out
}

// parseTSV reads the words of Tesseract's TSV output: level, page, block,
// paragraph, line, word, left, top, width, height, confidence, text.
func parseTSV(out []byte) ([]ocrWord, error) {
	var words []ocrWord
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 64<<10), 16<<20)
	first := true
	for sc.Scan() {
		line := sc.Text()
		if first {
			first = false
			if strings.HasPrefix(line, "level\t") {
				continue
			}
		}
		f := strings.SplitN(line, "\t", 12)
		if len(f) < 12 || f[0] != "5" {
			continue // not a word
		}
		var n [9]int // page, block, paragraph, line, word, left, top, width, height
		for i := range n {
			v, err := strconv.Atoi(f[i+1])
			if err != nil {
				return nil, fmt.Errorf("tesseract: unexpected output %q", line)
			}
			n[i] = v
		}
		text := strings.TrimSpace(f[11])
		if text == "" {
			continue
		}
		conf, _ := strconv.ParseFloat(f[10], 64)
		words = append(words, ocrWord{
			line: [3]int{n[1], n[2], n[3]},
			box:  Box{X: n[5], Y: n[6], W: n[7], H: n[8]},
			conf: conf,
			text: text,
		})
	}
	if err := sc.Err(); err != nil {
		return nil, errors.New("tesseract: output too long")
	}
	return words, nil
}

// ocrPunct are characters Tesseract writes where a screenshot has ASCII.
var ocrPunct = strings.NewReplacer(
	"\u2018", "'", "\u2019", "'", "\u201c", `"`, "\u201d", `"`, "\u2014", "-", "\u2013", "-",
	"\u2212", "-", "\u00ab", `"`, "\u00bb", `"`, "\ufb01", "fi", "\ufb02", "fl", "\u2026", "...",
)

// layoutText joins words into lines of text, a space between words and a
// newline between lines, and maps each word's box back to the image's
// pixels (the prepared image was scaled and given a margin).
func layoutText(words []ocrWord, prep prepared, width, height int) ([]byte, []Word) {
	var (
		data []byte
		out  []Word
	)
	lineGap := typicalGaps(words)
	for i, w := range words {
		if i > 0 {
			switch prev := words[i-1]; {
			case w.line != prev.line:
				data = append(data, '\n')
			case !splitWord(prev, w, lineGap[w.line]):
				data = append(data, ' ')
			}
		}
		text := norm.NFC.String(ocrPunct.Replace(w.text))
		start := len(data)
		data = append(data, text...)
		out = append(out, Word{Start: start, End: len(data), Box: unscale(w.box, prep, width, height)})
	}
	if len(data) > 0 {
		data = append(data, '\n')
	}
	return data, out
}

// Tesseract cuts long tokens where narrow characters (i, l, 1) leave
// wide margins. Two words of a line are one when the gap between them is
// under joinGap widths of their characters, or under joinShare of the
// line's typical gap between words and joinLimit widths of characters.
const (
	joinGap   = 0.45
	joinShare = 0.6
	joinLimit = 0.8
)

// splitWord reports whether b follows a on a line too closely for a
// space to be between them; typical is the line's median gap.
func splitWord(a, b ocrWord, typical float64) bool {
	na, nb := len([]rune(a.text)), len([]rune(b.text))
	if na == 0 || nb == 0 {
		return false
	}
	cw := min(float64(a.box.W)/float64(na), float64(b.box.W)/float64(nb))
	gap := float64(b.box.X - (a.box.X + a.box.W))
	return gap < joinGap*cw || gap < joinShare*typical && gap < joinLimit*cw
}

// typicalGaps returns the median gap between the words of each line.
func typicalGaps(words []ocrWord) map[[3]int]float64 {
	gaps := map[[3]int][]int{}
	for i := 1; i < len(words); i++ {
		if a, b := words[i-1], words[i]; a.line == b.line {
			gaps[b.line] = append(gaps[b.line], b.box.X-(a.box.X+a.box.W))
		}
	}
	out := make(map[[3]int]float64, len(gaps))
	for l, g := range gaps {
		slices.Sort(g)
		out[l] = float64(g[len(g)/2])
	}
	return out
}

// unscale maps a box of the prepared image to the original, within its
// width and height.
func unscale(b Box, prep prepared, width, height int) Box {
	m, scale := float64(prep.margin), prep.scale
	x0 := int(math.Floor((float64(b.X) - m) / scale))
	y0 := int(math.Floor((float64(b.Y) - m) / scale))
	x1 := int(math.Ceil((float64(b.X+b.W) - m) / scale))
	y1 := int(math.Ceil((float64(b.Y+b.H) - m) / scale))
	x0, y0 = min(max(x0, 0), width), min(max(y0, 0), height)
	x1, y1 = min(max(x1, x0), width), min(max(y1, y0), height)
	return Box{X: x0, Y: y0, W: x1 - x0, H: y1 - y0}
}
