package source

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/gif"
	"image/jpeg"
	"image/png"
	"io"
	"sync"

	"golang.org/x/image/bmp"
	"golang.org/x/image/tiff"
	"golang.org/x/image/webp"
)

// Images. With OCR set, a source turns an image (PNG, JPEG, GIF, WebP,
// BMP, TIFF) into a Fragment of the text Tesseract recognises in it, a
// line of text per line of the picture, that remembers where each word
// was (Fragment.Image): a finding in it can say which pixels hold the
// secret. Its content id is the blob id of the image's bytes, and each
// distinct image is read once per run, whatever the number of places it
// is found at.

// Box is a rectangle of an image, in pixels from its top left corner.
type Box struct {
	X int `json:"x"`
	Y int `json:"y"`
	W int `json:"w"`
	H int `json:"h"`
}

// Empty reports whether b covers no pixel.
func (b Box) Empty() bool { return b.W <= 0 || b.H <= 0 }

// union is the smallest box holding b and c.
func (b Box) union(c Box) Box {
	if b.Empty() {
		return c
	}
	if c.Empty() {
		return b
	}
	x0, y0 := min(b.X, c.X), min(b.Y, c.Y)
	x1, y1 := max(b.X+b.W, c.X+c.W), max(b.Y+b.H, c.Y+c.H)
	return Box{X: x0, Y: y0, W: x1 - x0, H: y1 - y0}
}

// Word is a word of recognised text: bytes [Start, End) of the fragment's
// Data and the pixels it was read from.
type Word struct {
	Start, End int
	Box        Box
}

// ImageText is what a fragment read out of an image knows of the image.
type ImageText struct {
	// Format is the image's format (png, jpeg, gif, webp, bmp, tiff) and
	// Width and Height its size in pixels.
	Format        string
	Width, Height int
	// Words are the words of the fragment's Data, in order.
	Words []Word
	// Thumbnail is a small copy of the image, set only when the OCR was
	// asked for thumbnails (OCROptions.Thumbnails), and only on the first
	// fragment of an image in a run. It may show secrets: a report paints
	// over the boxes of what was found before showing it.
	Thumbnail image.Image
}

// BoxOf returns the pixels of the text at bytes [start, end) of the
// fragment: the union of its characters' boxes, each the share of its
// word's box its place in the word gives it.
func (t *ImageText) BoxOf(start, end int) Box {
	var out Box
	for _, w := range t.Words {
		if w.End <= start || w.Start >= end || w.End <= w.Start || w.Box.W == 0 || w.Box.H == 0 {
			continue // outside the span, or a box Tesseract put outside the image
		}
		s, e := max(start, w.Start), min(end, w.End)
		n := w.End - w.Start
		x0 := w.Box.X + w.Box.W*(s-w.Start)/n
		x1 := w.Box.X + (w.Box.W*(e-w.Start)+n-1)/n
		out = out.union(Box{X: x0, Y: w.Box.Y, W: max(x1-x0, 1), H: w.Box.H})
	}
	return out
}

// Image formats OCR reads.
const (
	FormatPNG  = "png"
	FormatJPEG = "jpeg"
	FormatGIF  = "gif"
	FormatWebP = "webp"
	FormatBMP  = "bmp"
	FormatTIFF = "tiff"
)

// imageFormat names the format of an image by its first bytes; "" when
// they are not those of an image OCR reads.
func imageFormat(head []byte) string {
	switch {
	case bytes.HasPrefix(head, []byte("\x89PNG\r\n\x1a\n")):
		return FormatPNG
	case bytes.HasPrefix(head, []byte{0xFF, 0xD8, 0xFF}):
		return FormatJPEG
	case bytes.HasPrefix(head, []byte("GIF87a")), bytes.HasPrefix(head, []byte("GIF89a")):
		return FormatGIF
	case len(head) >= 12 && bytes.HasPrefix(head, []byte("RIFF")) && string(head[8:12]) == "WEBP":
		return FormatWebP
	case len(head) >= 14 && bytes.HasPrefix(head, []byte("BM")):
		return FormatBMP
	case bytes.HasPrefix(head, []byte("II*\x00")), bytes.HasPrefix(head, []byte("MM\x00*")):
		return FormatTIFF
	}
	return ""
}

type imageCodec struct {
	config func(io.Reader) (image.Config, error)
	decode func(io.Reader) (image.Image, error)
}

// codecs are called by format, not through image's registry of formats.
var codecs = map[string]imageCodec{
	FormatPNG:  {png.DecodeConfig, png.Decode},
	FormatJPEG: {jpeg.DecodeConfig, jpeg.Decode},
	FormatGIF:  {gif.DecodeConfig, gif.Decode}, // the first frame
	FormatWebP: {webp.DecodeConfig, webp.Decode},
	FormatBMP:  {bmp.DecodeConfig, bmp.Decode},
	FormatTIFF: {tiff.DecodeConfig, tiff.Decode}, // the first page
}

// DefaultOCRMaxPixels is the default of OCROptions.MaxPixels: a 5K
// screen capture (5120×2880) fits, with room for long captures.
const DefaultOCRMaxPixels = 32_000_000

// Reasons for not reading an image.
const (
	ReasonImageTooLarge  = "image larger than --ocr-max-pixels"
	ReasonImageUndecoded = "image that cannot be decoded: not read with OCR"
)

// OCROptions configure an OCR.
type OCROptions struct {
	// Command is the Tesseract program: a path, or a name to look up in
	// PATH. Default "tesseract".
	Command string
	// Language is Tesseract's language (its traineddata). Default "eng".
	Language string
	// MaxPixels skips larger images (listed as skipped); default
	// DefaultOCRMaxPixels.
	MaxPixels int64
	// PSM is Tesseract's page segmentation mode; default 6 (one block of
	// uniform text), which kept the lines of screenshots whole best in the
	// measurements of image_accuracy_test.go.
	PSM int
	// Thumbnails keeps a small copy of each image that is read, for
	// reports (ImageText.Thumbnail).
	Thumbnails bool
}

func (o *OCROptions) applyDefaults() {
	if o.Command == "" {
		o.Command = "tesseract"
	}
	if o.Language == "" {
		o.Language = "eng"
	}
	if o.MaxPixels == 0 {
		o.MaxPixels = DefaultOCRMaxPixels
	}
	if o.PSM == 0 {
		o.PSM = 6
	}
}

// OCR reads text out of images with Tesseract. It is safe for concurrent
// use; one OCR serves a whole run, so that each distinct image (by content
// id) is read once, whichever source or worker meets it first.
type OCR struct {
	opts OCROptions
	// tesseract is the program's path.
	tesseract string

	mu    sync.Mutex
	cache map[string]*ocrResult
}

// ocrResult is the reading of one image: text, or why there is none.
type ocrResult struct {
	done chan struct{}
	text *ImageText
	data []byte
	skip string // a reason to list the image as skipped
	err  error  // the image could not be read: the scan is partial
}

// ErrNoTesseract says the Tesseract program or its language data is not
// installed; its message says how to install them.
var ErrNoTesseract = errors.New("--ocr needs Tesseract and its English data: install them " +
	"(Debian, Ubuntu: apt-get install tesseract-ocr tesseract-ocr-eng; Alpine: apk add tesseract-ocr " +
	"tesseract-ocr-data-eng; macOS: brew install tesseract; Windows: the UB Mannheim installer) " +
	"and make sure tesseract is on PATH")

// NewOCR checks that Tesseract and its language data are installed and
// returns an OCR; without them the error wraps ErrNoTesseract.
func NewOCR(ctx context.Context, opts OCROptions) (*OCR, error) {
	opts.applyDefaults()
	path, err := findTesseract(ctx, opts)
	if err != nil {
		return nil, err
	}
	return &OCR{opts: opts, tesseract: path, cache: map[string]*ocrResult{}}, nil
}

// read returns the reading of raw, whose content id is id, reading it
// when no worker has yet; a worker that asks while another reads waits
// for its result.
func (o *OCR) read(ctx context.Context, format string, raw []byte, id string) *ocrResult {
	o.mu.Lock()
	r, seen := o.cache[id]
	if !seen {
		r = &ocrResult{done: make(chan struct{})}
		o.cache[id] = r
	}
	o.mu.Unlock()
	if seen {
		select {
		case <-r.done:
		case <-ctx.Done():
			return &ocrResult{err: ctx.Err()}
		}
		if r.text != nil && r.text.Thumbnail != nil {
			// The first fragment carries the thumbnail: a report needs one.
			t := *r.text
			t.Thumbnail = nil
			return &ocrResult{text: &t, data: r.data, skip: r.skip, err: r.err}
		}
		return r
	}
	defer close(r.done)
	r.text, r.data, r.skip, r.err = o.recognise(ctx, format, raw)
	if r.err != nil && ctx.Err() != nil {
		// Interrupted, not broken: a later run reads it again.
		o.mu.Lock()
		delete(o.cache, id)
		o.mu.Unlock()
	}
	return r
}

// recognise decodes an image, prepares it and has Tesseract read it.
func (o *OCR) recognise(ctx context.Context, format string, raw []byte) (t *ImageText, data []byte, skip string, err error) {
	codec := codecs[format]
	cfg, err := codec.config(bytes.NewReader(raw))
	if err != nil {
		return nil, nil, fmt.Sprintf("%s (%s: %v)", ReasonImageUndecoded, format, err), nil
	}
	if px := int64(cfg.Width) * int64(cfg.Height); px > o.opts.MaxPixels || cfg.Width <= 0 || cfg.Height <= 0 {
		return nil, nil, fmt.Sprintf("%s (%d×%d, %d pixels; limit %d)", ReasonImageTooLarge, cfg.Width, cfg.Height, px, o.opts.MaxPixels), nil
	}
	img, err := decodeImage(codec, raw)
	if err != nil {
		return nil, nil, fmt.Sprintf("%s (%s: %v)", ReasonImageUndecoded, format, err), nil
	}
	b := img.Bounds()
	t = &ImageText{Format: format, Width: b.Dx(), Height: b.Dy()}
	if o.opts.Thumbnails {
		t.Thumbnail = thumbnail(img)
	}
	prep := prepare(img)
	if prep.noText {
		return t, nil, "", nil
	}
	words, err := o.tesseractWords(ctx, prep.ink)
	if err != nil {
		return nil, nil, "", err
	}
	data, t.Words = layoutText(words, prep, t.Width, t.Height)
	return t, data, "", nil
}

// decodeImage decodes raw, turning a decoder's panic on a hostile image
// into an error.
func decodeImage(codec imageCodec, raw []byte) (img image.Image, err error) {
	defer func() {
		if r := recover(); r != nil {
			img, err = nil, fmt.Errorf("decoder failed: %v", r)
		}
	}()
	return codec.decode(bytes.NewReader(raw))
}

// imageFragment returns the fragment of the text read in raw when raw is
// an image o reads (isImage), with origins; nil when o is nil, when raw
// is no image, or when it holds no text or was not read (listed as
// skipped, or reported as an error, once per name shown). id is raw's
// content id.
func (o *OCR) imageFragment(ctx context.Context, raw []byte, id string, origins []Origin, shown []string, p Problems) (f *Fragment, isImage bool) {
	if o == nil {
		return nil, false
	}
	format := imageFormat(raw[:min(len(raw), 16)])
	if format == "" {
		return nil, false
	}
	r := o.read(ctx, format, raw, id)
	switch {
	case r.err != nil:
		if ctx.Err() == nil {
			for _, s := range shown {
				p.Error(s, r.err)
			}
		}
		return nil, true
	case r.skip != "":
		for _, s := range shown {
			p.Skip(s, r.skip)
		}
		return nil, true
	case len(r.data) == 0:
		return nil, true
	}
	return &Fragment{Data: r.data, ID: id, Origins: origins, Image: r.text}, true
}

// addedWhole marks every line of an image's text as added at each origin
// whose bytes changed (that has added lines, computed on the image's
// bytes): a new version of an image is read whole, not compared with the
// old one's text.
func addedWhole(f *Fragment) {
	n := bytes.Count(f.Data, []byte{'\n'})
	for i := range f.Origins {
		if len(f.Origins[i].Added) > 0 {
			f.Origins[i].Added = []LineRange{{Start: 1, End: max(n, 1)}}
		}
	}
}
