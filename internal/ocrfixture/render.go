// Package ocrfixture renders screenshots for the tests and benchmarks of
// OCR: terminals, editors and browser pages, light and dark, in the
// monospace and proportional fonts Debian ships (fonts-dejavu-core,
// fonts-liberation), with text the caller gives (fake secrets built at
// run time). Nothing it draws is stored in the repository.
package ocrfixture

import (
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"os"
	"strings"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// Fonts are the font files the screenshots use, by name.
var Fonts = map[string]string{
	"dejavu-mono":     "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf",
	"liberation-mono": "/usr/share/fonts/truetype/liberation/LiberationMono-Regular.ttf",
	"dejavu-sans":     "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
	"liberation-sans": "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
}

// Missing returns an error naming the font files that are not installed.
func Missing() error {
	var missing []string
	for _, p := range Fonts {
		if _, err := os.Stat(p); err != nil {
			missing = append(missing, p)
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("fonts not installed (apt-get install fonts-dejavu-core fonts-liberation): %s", strings.Join(missing, ", "))
	}
	return nil
}

// Kinds of screenshot.
const (
	Terminal = "terminal"
	Editor   = "editor"
	Browser  = "browser"
)

// Shot describes a screenshot.
type Shot struct {
	Kind string
	Dark bool
	// Size is the font's size in pixels.
	Size float64
	// Mono is the monospace font of the terminal, the editor and a page's
	// code block; Sans the proportional font of a page's prose.
	Mono, Sans string
	// Title is a page's heading or a window's title.
	Title string
	// Prose are a page's paragraphs (Browser only).
	Prose []string
	// Lines are the terminal's, the editor's or the code block's lines.
	Lines []string
	// Width is the picture's width; 0 fits the text.
	Width int
	// DarkCode gives a light page a dark code block (Browser only).
	DarkCode bool
}

type palette struct {
	bg, fg, dim, key, str, chrome, chromeText, codeBG, prompt color.RGBA
}

var (
	light = palette{
		bg: rgb(0xff, 0xff, 0xff), fg: rgb(0x24, 0x29, 0x2e), dim: rgb(0x6a, 0x73, 0x7d),
		key: rgb(0x00, 0x5c, 0xc5), str: rgb(0x03, 0x2f, 0x62), chrome: rgb(0xe8, 0xea, 0xed),
		chromeText: rgb(0x3c, 0x40, 0x43), codeBG: rgb(0xf6, 0xf8, 0xfa), prompt: rgb(0x22, 0x86, 0x3a),
	}
	dark = palette{
		bg: rgb(0x1e, 0x1e, 0x1e), fg: rgb(0xd4, 0xd4, 0xd4), dim: rgb(0x85, 0x85, 0x85),
		key: rgb(0x9c, 0xdc, 0xfe), str: rgb(0xce, 0x91, 0x78), chrome: rgb(0x32, 0x33, 0x33),
		chromeText: rgb(0xcc, 0xcc, 0xcc), codeBG: rgb(0x0d, 0x11, 0x17), prompt: rgb(0x4e, 0xc9, 0xb0),
	}
)

func rgb(r, g, b uint8) color.RGBA { return color.RGBA{r, g, b, 0xff} }

var (
	parsed   sync.Map // path -> *opentype.Font
	errFonts = errors.New("ocrfixture: font")
)

// face loads a font at a size in pixels (72 dpi: points are pixels).
func face(name string, size float64) (font.Face, error) {
	path, ok := Fonts[name]
	if !ok {
		return nil, fmt.Errorf("%w %q unknown", errFonts, name)
	}
	f, ok := parsed.Load(path)
	if !ok {
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("%w: %v", errFonts, err)
		}
		p, err := opentype.Parse(b)
		if err != nil {
			return nil, fmt.Errorf("%w %s: %v", errFonts, path, err)
		}
		f, _ = parsed.LoadOrStore(path, p)
	}
	return opentype.NewFace(f.(*opentype.Font), &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingFull})
}

// canvas draws text runs on a picture.
type canvas struct {
	img *image.RGBA
}

func (c *canvas) fill(r image.Rectangle, col color.RGBA) {
	draw.Draw(c.img, r, image.NewUniform(col), image.Point{}, draw.Src)
}

// text draws s at (x, baseline y) and returns the x after it.
func (c *canvas) text(f font.Face, x, y int, s string, col color.RGBA) int {
	d := font.Drawer{Dst: c.img, Src: image.NewUniform(col), Face: f, Dot: fixed.P(x, y)}
	d.DrawString(s)
	return d.Dot.X.Round()
}

func width(f font.Face, s string) int { return font.MeasureString(f, s).Ceil() }

// Render draws a screenshot.
func Render(s Shot) (*image.RGBA, error) {
	p := light
	if s.Dark {
		p = dark
	}
	mono, err := face(s.Mono, s.Size)
	if err != nil {
		return nil, err
	}
	defer mono.Close()
	ui, err := face(s.Sans, 13)
	if err != nil {
		return nil, err
	}
	defer ui.Close()
	lineH := int(s.Size*1.45 + 0.5)
	switch s.Kind {
	case Terminal:
		return renderTerminal(s, p, mono, ui, lineH), nil
	case Editor:
		return renderEditor(s, p, mono, ui, lineH), nil
	case Browser:
		sans, err := face(s.Sans, s.Size)
		if err != nil {
			return nil, err
		}
		defer sans.Close()
		head, err := face(s.Sans, s.Size*1.6)
		if err != nil {
			return nil, err
		}
		defer head.Close()
		return renderBrowser(s, p, mono, sans, head, ui, lineH), nil
	}
	return nil, fmt.Errorf("ocrfixture: unknown kind %q", s.Kind)
}

func fitWidth(s Shot, f font.Face, lines []string, extra int) int {
	w := 0
	for _, l := range lines {
		w = max(w, width(f, l))
	}
	return max(s.Width, w+extra)
}

// renderTerminal: a title bar, then the lines; a line starting "$ " has a
// coloured prompt.
func renderTerminal(s Shot, p palette, mono, ui font.Face, lineH int) *image.RGBA {
	const bar, pad = 30, 14
	w := fitWidth(s, mono, s.Lines, 2*pad+40)
	h := bar + 2*pad + lineH*len(s.Lines)
	c := &canvas{image.NewRGBA(image.Rect(0, 0, w, h))}
	c.fill(c.img.Bounds(), p.bg)
	c.fill(image.Rect(0, 0, w, bar), p.chrome)
	for i, col := range []color.RGBA{rgb(0xff, 0x5f, 0x57), rgb(0xfe, 0xbc, 0x2e), rgb(0x28, 0xc8, 0x40)} {
		c.fill(image.Rect(12+i*20, 9, 24+i*20, 21), col)
	}
	c.text(ui, w/2-width(ui, s.Title)/2, 20, s.Title, p.chromeText)
	y := bar + pad + int(float64(lineH)*0.8)
	for _, l := range s.Lines {
		x := pad
		if rest, ok := strings.CutPrefix(l, "$ "); ok {
			x = c.text(mono, x, y, "user@build:~$ ", p.prompt)
			l = rest
		}
		c.text(mono, x, y, l, p.fg)
		y += lineH
	}
	return c.img
}

// renderEditor: a tab, a gutter of line numbers, and lines coloured as a
// highlighter would: a key before '=' or ':' and quoted strings.
func renderEditor(s Shot, p palette, mono, ui font.Face, lineH int) *image.RGBA {
	const tabs, pad = 34, 10
	gutter := width(mono, "000") + 2*pad
	w := fitWidth(s, mono, s.Lines, gutter+2*pad+60)
	h := tabs + 2*pad + lineH*len(s.Lines)
	c := &canvas{image.NewRGBA(image.Rect(0, 0, w, h))}
	c.fill(c.img.Bounds(), p.bg)
	c.fill(image.Rect(0, 0, w, tabs), p.chrome)
	c.fill(image.Rect(0, 0, 180, tabs), p.bg)
	c.text(ui, 14, 22, s.Title, p.chromeText)
	y := tabs + pad + int(float64(lineH)*0.8)
	for i, l := range s.Lines {
		n := fmt.Sprint(i + 1)
		c.text(mono, gutter-pad-width(mono, n), y, n, p.dim)
		x := gutter + pad
		for _, seg := range highlight(l) {
			col := p.fg
			switch seg.kind {
			case 'k':
				col = p.key
			case 's':
				col = p.str
			case 'c':
				col = p.dim
			}
			x = c.text(mono, x, y, seg.text, col)
		}
		y += lineH
	}
	return c.img
}

type segment struct {
	kind byte // 'k' key, 's' string, 'c' comment, 't' text
	text string
}

// highlight splits a line of configuration or code into coloured parts.
func highlight(l string) []segment {
	if strings.HasPrefix(strings.TrimSpace(l), "#") || strings.HasPrefix(strings.TrimSpace(l), "//") {
		return []segment{{'c', l}}
	}
	var out []segment
	if i := strings.IndexAny(l, "=:"); i > 0 && !strings.ContainsAny(l[:i], `"' `) {
		out = append(out, segment{'k', l[:i]})
		l = l[i:]
	}
	for l != "" {
		q := strings.IndexAny(l, `"'`)
		if q < 0 {
			out = append(out, segment{'t', l})
			break
		}
		end := strings.IndexByte(l[q+1:], l[q])
		if end < 0 {
			out = append(out, segment{'t', l})
			break
		}
		out = append(out, segment{'t', l[:q]}, segment{'s', l[q : q+end+2]})
		l = l[q+end+2:]
	}
	return out
}

// renderBrowser: an address bar, a heading, paragraphs in a proportional
// font, and a code block holding the lines.
func renderBrowser(s Shot, p palette, mono, sans, head, ui font.Face, lineH int) *image.RGBA {
	const bar, pad = 44, 24
	w := max(fitWidth(s, mono, s.Lines, 2*pad+40), fitWidth(s, sans, s.Prose, 2*pad), 900)
	codeH := lineH*len(s.Lines) + 24
	h := bar + pad + int(s.Size*2.4) + lineH*len(s.Prose) + 16 + codeH + pad
	c := &canvas{image.NewRGBA(image.Rect(0, 0, w, h))}
	page := p.bg
	if !s.Dark {
		page = rgb(0xff, 0xff, 0xff)
	}
	c.fill(c.img.Bounds(), page)
	c.fill(image.Rect(0, 0, w, bar), p.chrome)
	c.fill(image.Rect(80, 8, w-80, bar-8), page)
	c.text(ui, 96, 27, "https://wiki.example.internal/ops/"+strings.ToLower(strings.ReplaceAll(s.Title, " ", "-")), p.dim)
	y := bar + pad + int(s.Size*1.6)
	c.text(head, pad, y, s.Title, p.fg)
	y += int(s.Size * 0.9)
	for _, l := range s.Prose {
		y += lineH
		c.text(sans, pad, y, l, p.fg)
	}
	y += 16
	code := p
	if s.DarkCode {
		code = dark
	}
	c.fill(image.Rect(pad, y, w-pad, y+codeH), code.codeBG)
	y += 12 + int(float64(lineH)*0.8)
	for _, l := range s.Lines {
		c.text(mono, pad+14, y, l, code.fg)
		y += lineH
	}
	return c.img
}
