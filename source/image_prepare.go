package source

import (
	"image"
	"image/color"
	"math"
	"slices"

	"golang.org/x/image/draw"
)

// Preparing a screenshot for Tesseract, which reads dark text on a light
// background, about 30 pixels tall, best. Screenshots have dark themes,
// coloured (syntax-highlighted) text, several backgrounds in one picture
// (a dark terminal in a light browser), small anti-aliased fonts and wide
// lines. So:
//
//  1. Each pixel's ink is how far its colour is from the background of the
//     block of the picture it is in (the most common colour there): light
//     text on dark and dark text on light both become dark on white, and
//     coloured text keeps its contrast, which grey levels would lose.
//  2. The height of the lines of text is measured, and the picture scaled
//     up (bilinear, which keeps anti-aliased edges smooth) until they are
//     about targetLineHeight pixels tall.
//  3. A white margin goes around it: text touching the edge is read badly.

// Tuning, from the measurements of image_accuracy_test.go.
const (
	bgBlock          = 32 // side of the blocks whose background is estimated
	targetLineHeight = 32 // pixels from the top of an ascender to the bottom of a descender
	maxUpscale       = 4.0
	maxPrepared      = 48_000_000 // pixels of the prepared picture at most
	inkGain          = 2          // a colour distance of 128 is full ink
	prepMargin       = 12         // pixels of white around the prepared picture
)

// prepared is a picture ready for Tesseract: black ink on white, scale
// times the original's size, with margin white pixels around it.
type prepared struct {
	ink    *image.Gray
	scale  float64
	margin int
	// noText: nothing in the picture looks like a line of text.
	noText bool
}

func prepare(img image.Image) prepared {
	rgb, w, h := flatten(img)
	ink := inkOf(rgb, w, h)
	lh := lineHeight(ink)
	if lh == 0 {
		return prepared{noText: true}
	}
	scale := math.Min(maxUpscale, math.Max(1, targetLineHeight/lh))
	if limit := math.Sqrt(maxPrepared / float64(w*h)); scale > limit {
		scale = math.Max(1, limit)
	}
	if scale > 1.05 {
		ink = upscale(ink, scale)
	} else {
		scale = 1
	}
	return prepared{ink: addMargin(ink, prepMargin), scale: scale, margin: prepMargin}
}

// flatten returns img's pixels as RGB triples, row after row, composed
// over white where they are transparent.
func flatten(img image.Image) ([]uint8, int, int) {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	out := make([]uint8, 3*w*h)
	switch m := img.(type) {
	case *image.RGBA:
		for y := 0; y < h; y++ {
			row := m.Pix[m.PixOffset(b.Min.X, b.Min.Y+y):]
			for x := 0; x < w; x++ {
				p, o := row[4*x:4*x+4], out[3*(y*w+x):]
				white := 255 - p[3] // premultiplied: over white adds what alpha leaves
				o[0], o[1], o[2] = p[0]+white, p[1]+white, p[2]+white
			}
		}
	case *image.NRGBA:
		for y := 0; y < h; y++ {
			row := m.Pix[m.PixOffset(b.Min.X, b.Min.Y+y):]
			for x := 0; x < w; x++ {
				p, o := row[4*x:4*x+4], out[3*(y*w+x):]
				a := uint32(p[3])
				for c := range 3 {
					o[c] = uint8((uint32(p[c])*a + 255*(255-a) + 127) / 255)
				}
			}
		}
	case *image.Gray:
		for y := 0; y < h; y++ {
			row := m.Pix[m.PixOffset(b.Min.X, b.Min.Y+y):]
			for x := 0; x < w; x++ {
				o := out[3*(y*w+x):]
				o[0], o[1], o[2] = row[x], row[x], row[x]
			}
		}
	default:
		for y := 0; y < h; y++ {
			for x := 0; x < w; x++ {
				r, g, bl, a := img.At(b.Min.X+x, b.Min.Y+y).RGBA()
				white := 0xffff - a
				o := out[3*(y*w+x):]
				o[0], o[1], o[2] = uint8((r+white)>>8), uint8((g+white)>>8), uint8((bl+white)>>8)
			}
		}
	}
	return out, w, h
}

// inkOf returns, for each pixel, white for the background of its block
// and darker the farther its colour is from it.
func inkOf(rgb []uint8, w, h int) *image.Gray {
	ink := image.NewGray(image.Rect(0, 0, w, h))
	var hist [4096]uint32
	for by := 0; by < h; by += bgBlock {
		for bx := 0; bx < w; bx += bgBlock {
			x1, y1 := min(bx+bgBlock, w), min(by+bgBlock, h)
			bg := blockBackground(rgb, w, bx, by, x1, y1, &hist)
			for y := by; y < y1; y++ {
				for x := bx; x < x1; x++ {
					p := rgb[3*(y*w+x):]
					d := max(absDiff(p[0], bg[0]), absDiff(p[1], bg[1]), absDiff(p[2], bg[2]))
					ink.Pix[y*ink.Stride+x] = 255 - uint8(min(255, inkGain*int(d)))
				}
			}
		}
	}
	return ink
}

// blockBackground is the most common colour of a block (to 4 bits a
// channel), averaged over the pixels of that colour.
func blockBackground(rgb []uint8, w, x0, y0, x1, y1 int, hist *[4096]uint32) [3]uint8 {
	clear(hist[:])
	best, bestN := 0, uint32(0)
	for y := y0; y < y1; y++ {
		for x := x0; x < x1; x++ {
			p := rgb[3*(y*w+x):]
			k := int(p[0]>>4)<<8 | int(p[1]>>4)<<4 | int(p[2]>>4)
			hist[k]++
			if hist[k] > bestN {
				best, bestN = k, hist[k]
			}
		}
	}
	var sum [3]uint32
	for y := y0; y < y1; y++ {
		for x := x0; x < x1; x++ {
			p := rgb[3*(y*w+x):]
			if int(p[0]>>4)<<8|int(p[1]>>4)<<4|int(p[2]>>4) == best {
				sum[0], sum[1], sum[2] = sum[0]+uint32(p[0]), sum[1]+uint32(p[1]), sum[2]+uint32(p[2])
			}
		}
	}
	return [3]uint8{uint8(sum[0] / bestN), uint8(sum[1] / bestN), uint8(sum[2] / bestN)}
}

func absDiff(a, b uint8) uint8 {
	if a > b {
		return a - b
	}
	return b - a
}

// lineHeight estimates the height of the lines of text, in pixels: in
// vertical strips of the picture, rows holding ink form runs, one per
// line of text; the median run. A run counts only where a row crosses
// ink often, as a row through characters does (not a row through a
// shape or a bar). 0 when there is no text: Tesseract is not run.
func lineHeight(ink *image.Gray) float64 {
	const strip, dark, crossings = 160, 128, 8
	b := ink.Bounds()
	var runs []int
	for sx := 0; sx < b.Dx(); sx += strip {
		x1 := min(sx+strip, b.Dx())
		run, textLike := 0, false
		for y := 0; y <= b.Dy(); y++ {
			n := 0 // ink runs the row crosses
			if y < b.Dy() {
				was := false
				for _, v := range ink.Pix[y*ink.Stride+sx : y*ink.Stride+x1] {
					if is := v < dark; is != was {
						if is {
							n++
						}
						was = is
					}
				}
			}
			if n > 0 {
				run++
				textLike = textLike || n >= crossings
				continue
			}
			if run >= 4 && run <= 200 && textLike {
				runs = append(runs, run)
			}
			run, textLike = 0, false
		}
	}
	if len(runs) == 0 {
		return 0
	}
	slices.Sort(runs)
	return float64(runs[len(runs)/2])
}

// upscale scales a grey picture up by scale, bilinearly.
func upscale(src *image.Gray, scale float64) *image.Gray {
	sw, sh := src.Bounds().Dx(), src.Bounds().Dy()
	dw, dh := int(float64(sw)*scale+0.5), int(float64(sh)*scale+0.5)
	dst := image.NewGray(image.Rect(0, 0, dw, dh))
	// Source coordinate of each destination column, as an index and a
	// weight in 1/256ths.
	xi := make([]int, dw)
	xf := make([]int, dw)
	for x := range dw {
		fx := math.Max(0, (float64(x)+0.5)/scale-0.5)
		i := min(int(fx), sw-1)
		xi[x], xf[x] = i, int((fx-float64(i))*256)
		if i == sw-1 {
			xf[x] = 0
		}
	}
	for y := range dh {
		fy := math.Max(0, (float64(y)+0.5)/scale-0.5)
		j := min(int(fy), sh-1)
		wy := int((fy - float64(j)) * 256)
		j1 := min(j+1, sh-1)
		r0, r1 := src.Pix[j*src.Stride:], src.Pix[j1*src.Stride:]
		out := dst.Pix[y*dst.Stride:]
		for x := range dw {
			i, wx := xi[x], xf[x]
			i1 := min(i+1, sw-1)
			top := int(r0[i])*(256-wx) + int(r0[i1])*wx
			bot := int(r1[i])*(256-wx) + int(r1[i1])*wx
			out[x] = uint8((top*(256-wy) + bot*wy + 1<<15) >> 16)
		}
	}
	return dst
}

// addMargin surrounds a picture with m white pixels.
func addMargin(src *image.Gray, m int) *image.Gray {
	b := src.Bounds()
	dst := image.NewGray(image.Rect(0, 0, b.Dx()+2*m, b.Dy()+2*m))
	for i := range dst.Pix {
		dst.Pix[i] = 255
	}
	for y := 0; y < b.Dy(); y++ {
		copy(dst.Pix[(y+m)*dst.Stride+m:], src.Pix[y*src.Stride:y*src.Stride+b.Dx()])
	}
	return dst
}

// thumbnailSide bounds a thumbnail's width and height.
const thumbnailSide = 480

// thumbnail returns a copy of img at most thumbnailSide pixels wide and
// tall.
func thumbnail(img image.Image) image.Image {
	b := img.Bounds()
	scale := math.Min(1, float64(thumbnailSide)/float64(max(b.Dx(), b.Dy())))
	w, h := max(1, int(float64(b.Dx())*scale)), max(1, int(float64(b.Dy())*scale))
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(dst, dst.Bounds(), image.NewUniform(color.White), image.Point{}, draw.Src)
	draw.BiLinear.Scale(dst, dst.Bounds(), img, b, draw.Over, nil)
	return dst
}
