package main

import (
	"context"
	"errors"
	"fmt"
	"image"
	"strconv"
	"strings"
	"sync"

	"github.com/urfave/cli/v2"

	"github.com/leakstop/leakstop/detect"
	"github.com/leakstop/leakstop/source"
)

// ocrOptions are the flags of reading images with OCR (--ocr), which dir,
// git and slack take.
type ocrOptions struct {
	Enabled   bool
	MaxPixels int64
	// Thumbnails shows the images that hold findings in the HTML report,
	// their secrets painted over (--html-thumbnails).
	Thumbnails bool
	// engine reads the images: one per run, so each image is read once.
	engine *source.OCR
}

const defaultOCRMaxPixels = "32M"

func ocrFlags() []cli.Flag {
	return []cli.Flag{
		&cli.BoolFlag{Name: "ocr", Usage: "also read the text of images (PNG, JPEG, GIF, WebP, BMP, TIFF; archive members and downloaded Slack files too) with Tesseract, which must be installed, and scan it"},
		&cli.StringFlag{Name: "ocr-max-pixels", Value: defaultOCRMaxPixels, Usage: "with --ocr, skip (and list) images of more than `N` pixels: a number, or with k, M (million) or G"},
		&cli.BoolFlag{Name: "html-thumbnails", Usage: "with --ocr, show in the HTML report a thumbnail of each image holding a finding, every box where a secret was found painted over (an image may hold secrets nothing found: without it, only where the boxes are)"},
	}
}

// ocrOptionsFrom reads the OCR flags and, with --ocr, checks that
// Tesseract is installed (LEAKSTOP_TESSERACT names the program, by
// default tesseract on PATH): without it the run is a usage error saying
// how to install it.
func ocrOptionsFrom(c *cli.Context, e *env) (ocrOptions, error) {
	o := ocrOptions{Enabled: c.Bool("ocr"), Thumbnails: c.Bool("html-thumbnails")}
	if !o.Enabled {
		if o.Thumbnails {
			return o, usagef("--html-thumbnails shows images read with --ocr: add --ocr")
		}
		return o, nil
	}
	n, err := parsePixels(c.String("ocr-max-pixels"))
	if err != nil {
		return o, usagef("--ocr-max-pixels: %v", err)
	}
	o.MaxPixels = n
	o.engine, err = source.NewOCR(contextOf(c), source.OCROptions{
		Command: e.getenv("LEAKSTOP_TESSERACT"), MaxPixels: n, Thumbnails: o.Thumbnails})
	if errors.Is(err, source.ErrNoTesseract) {
		return o, usagef("%v", err)
	}
	return o, err
}

func contextOf(c *cli.Context) context.Context {
	if c.Context != nil {
		return c.Context
	}
	return context.Background()
}

// pixelUnits are the suffixes parsePixels accepts, lower case.
var pixelUnits = map[string]int64{"": 1, "k": 1e3, "m": 1e6, "mp": 1e6, "g": 1e9}

// parsePixels reads a number of pixels: "8294400", "32M", "1.5G".
func parsePixels(s string) (int64, error) {
	t := strings.TrimSpace(s)
	i := strings.IndexFunc(t, func(r rune) bool { return (r < '0' || r > '9') && r != '.' })
	if i < 0 {
		i = len(t)
	}
	mult, ok := pixelUnits[strings.ToLower(strings.TrimSpace(t[i:]))]
	f, err := strconv.ParseFloat(t[:i], 64)
	if !ok || err != nil || f <= 0 || f*float64(mult) > 1<<50 {
		return 0, fmt.Errorf("%q is not a number of pixels (examples: 8294400, 32M)", s)
	}
	return int64(f * float64(mult)), nil
}

// thumbnails keeps, for the HTML report, the thumbnail of each image
// (by content id) in which the run found something. Safe for concurrent
// use; a nil *thumbnails keeps nothing.
type thumbnails struct {
	mu sync.Mutex
	m  map[string]image.Image
}

// keep keeps f's thumbnail when fs, its findings, are not empty.
func (t *thumbnails) keep(f *source.Fragment, fs []detect.Finding) {
	if t == nil || f.Image == nil || f.Image.Thumbnail == nil || len(fs) == 0 {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	t.m[f.ID] = f.Image.Thumbnail
}

// all returns the thumbnails kept, by image content id; nil for none.
func (t *thumbnails) all() map[string]image.Image {
	if t == nil {
		return nil
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.m
}
