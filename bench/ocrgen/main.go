// Command ocrgen writes the folder bench/ocr.sh scans: N pictures, of
// which T are screenshots holding a fake token (terminals, editors and
// pages rendered by internal/ocrfixture) and the rest pictures without
// text as a repository has them: photos (noise under a gradient, JPEG),
// icons and flat shapes (PNG), charts.
//
// Usage: ocrgen [-n 1000] [-text 10] DIR
package main

import (
	"flag"
	"fmt"
	"image"
	"image/color"
	"math/rand/v2"
	"os"
	"path/filepath"

	"github.com/leakstop/leakstop/internal/ocrfixture"
)

func main() {
	n := flag.Int("n", 1000, "pictures")
	text := flag.Int("text", 10, "of which screenshots with a token")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: ocrgen [-n N] [-text T] DIR")
		os.Exit(2)
	}
	if err := write(flag.Arg(0), *n, *text); err != nil {
		fmt.Fprintln(os.Stderr, "ocrgen:", err)
		os.Exit(1)
	}
}

func write(dir string, n, text int) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	shots, err := ocrfixture.Secrets(99)
	if err != nil {
		return err
	}
	var secrets []ocrfixture.Image
	for _, s := range shots {
		if s.Kind == "secret" {
			secrets = append(secrets, s)
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range n {
		var (
			name string
			img  image.Image
		)
		if i < text {
			s := secrets[i*7%len(secrets)]
			if img, err = s.Picture(); err != nil {
				return err
			}
			name = fmt.Sprintf("shot-%03d.png", i)
		} else {
			switch i % 4 {
			case 0:
				name, img = fmt.Sprintf("photo-%04d.jpg", i), photo(rng, 640, 480)
			case 1:
				name, img = fmt.Sprintf("icon-%04d.png", i), icon(rng, 128)
			case 2:
				name, img = fmt.Sprintf("chart-%04d.png", i), chart(rng, 800, 400)
			default:
				name, img = fmt.Sprintf("banner-%04d.png", i), icon(rng, 480)
			}
		}
		b, err := ocrfixture.Encode(name, img)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// photo is noise over a gradient, as a photograph's texture.
func photo(rng *rand.Rand, w, h int) image.Image {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	base := [3]int{rng.IntN(200), rng.IntN(200), rng.IntN(200)}
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			n := rng.IntN(48)
			img.Set(x, y, color.RGBA{uint8(base[0] + x*40/w + n), uint8(base[1] + y*40/h + n), uint8(base[2] + n), 255})
		}
	}
	return img
}

// icon is a few flat shapes on a flat background.
func icon(rng *rand.Rand, side int) image.Image {
	img := image.NewRGBA(image.Rect(0, 0, side, side/2+side/4))
	b := img.Bounds()
	bg := color.RGBA{uint8(rng.IntN(256)), uint8(rng.IntN(256)), uint8(rng.IntN(256)), 255}
	fg := color.RGBA{255 - bg.R, 255 - bg.G, 255 - bg.B, 255}
	cx, cy, r := b.Dx()/2, b.Dy()/2, b.Dy()/3
	for y := 0; y < b.Dy(); y++ {
		for x := 0; x < b.Dx(); x++ {
			c := bg
			if (x-cx)*(x-cx)+(y-cy)*(y-cy) < r*r {
				c = fg
			}
			img.Set(x, y, c)
		}
	}
	return img
}

// chart is bars on white.
func chart(rng *rand.Rand, w, h int) image.Image {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	heights := make([]int, w/60+1)
	for i := range heights {
		heights[i] = 40 + rng.IntN(h-80)
	}
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			c := color.RGBA{255, 255, 255, 255}
			if x%60 > 12 && y > h-20-heights[x/60] && y < h-20 {
				c = color.RGBA{0x2d, 0x6c, 0xdf, 255}
			}
			img.Set(x, y, c)
		}
	}
	return img
}
