package report

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"html/template"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math"
	"strconv"

	"github.com/leakstop/leakstop/source"
)

// Secrets read out of images (--ocr). The HTML report says where in the
// image each was: a picture of the image's frame with the secret's box
// filled in, or, with --html-thumbnails, a thumbnail of the image on
// which the boxes of every secret found in it are painted over, opaque,
// in its pixels: the page never holds the pixels of a secret found.

// htmlOCR is what a place read in an image shows.
type htmlOCR struct {
	Format, Size, BoxText string
	Repaired              bool
	// Thumb is the thumbnail, boxes painted over, as a data URL; empty
	// without --html-thumbnails.
	Thumb template.URL
	// ViewBox, X, Y, W, H draw the image's frame and the box (SVG units
	// are the image's pixels) when there is no thumbnail.
	ViewBox, X, Y, W, H string
	ThumbW, ThumbH      int
}

// htmlImages are the thumbnails of a report's images, boxes painted.
type htmlImages struct {
	thumbs map[string]template.URL
	size   map[string][2]int
}

// htmlImagesOf paints, on each thumbnail, the boxes of every finding read
// in its image, and encodes it.
func (r *Report) htmlImagesOf() *htmlImages {
	out := &htmlImages{thumbs: map[string]template.URL{}, size: map[string][2]int{}}
	if len(r.Thumbnails) == 0 {
		return out
	}
	boxes := map[string][]source.Box{}
	dims := map[string][2]int{}
	for _, f := range r.Findings {
		if f.OCR != nil {
			boxes[f.OCR.Image] = append(boxes[f.OCR.Image], f.OCR.Box)
			dims[f.OCR.Image] = [2]int{f.OCR.Width, f.OCR.Height}
		}
	}
	for id, bs := range boxes {
		th, ok := r.Thumbnails[id]
		if !ok || dims[id][0] <= 0 || dims[id][1] <= 0 {
			continue
		}
		url, w, h, err := paintedThumbnail(th, dims[id][0], dims[id][1], bs)
		if err != nil {
			continue // shown without a thumbnail
		}
		out.thumbs[id] = url
		out.size[id] = [2]int{w, h}
	}
	return out
}

// paintedThumbnail copies a thumbnail of a width × height image, fills
// each box (scaled to it, a pixel wider each way) with an opaque colour,
// and returns it as a PNG data URL.
func paintedThumbnail(th image.Image, width, height int, boxes []source.Box) (template.URL, int, int, error) {
	b := th.Bounds()
	dst := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(dst, dst.Bounds(), th, b.Min, draw.Src)
	sx, sy := float64(b.Dx())/float64(width), float64(b.Dy())/float64(height)
	ink := image.NewUniform(color.RGBA{0x1d, 0x23, 0x30, 0xff})
	for _, bx := range boxes {
		r := image.Rect(
			int(math.Floor(float64(bx.X)*sx))-1, int(math.Floor(float64(bx.Y)*sy))-1,
			int(math.Ceil(float64(bx.X+bx.W)*sx))+1, int(math.Ceil(float64(bx.Y+bx.H)*sy))+1,
		).Intersect(dst.Bounds())
		draw.Draw(dst, r, ink, image.Point{}, draw.Src)
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, dst); err != nil {
		return "", 0, 0, err
	}
	return template.URL("data:image/png;base64," + base64.StdEncoding.EncodeToString(buf.Bytes())), b.Dx(), b.Dy(), nil
}

// ocrOf describes a place read in an image; nil for other places.
func (imgs *htmlImages) ocrOf(p place) *htmlOCR {
	o := p.f.OCR
	if o == nil {
		return nil
	}
	itoa := strconv.Itoa
	h := &htmlOCR{
		Format: o.Format, Size: fmt.Sprintf("%d×%d", o.Width, o.Height),
		BoxText:  fmt.Sprintf("x %d, y %d, %d×%d pixels", o.Box.X, o.Box.Y, o.Box.W, o.Box.H),
		Repaired: o.Repaired,
		ViewBox:  "0 0 " + itoa(max(o.Width, 1)) + " " + itoa(max(o.Height, 1)),
		X:        itoa(o.Box.X), Y: itoa(o.Box.Y), W: itoa(max(o.Box.W, 1)), H: itoa(max(o.Box.H, 1)),
	}
	if imgs != nil {
		if u, ok := imgs.thumbs[o.Image]; ok {
			h.Thumb = u
			h.ThumbW, h.ThumbH = imgs.size[o.Image][0], imgs.size[o.Image][1]
		}
	}
	return h
}
