package ocrfixture

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/image/bmp"
	"golang.org/x/image/tiff"

	"github.com/leakstop/leakstop/rules"
	"github.com/leakstop/leakstop/rules/fake"
)

// Provider is a rule the corpus plants secrets of, and the line of a
// screenshot that holds one (%s is the secret).
type Provider struct {
	Rule string
	Line string
}

// Providers are the rules of the corpus: ten providers and more, each
// planted in terminals, editors and pages, light and dark.
var Providers = []Provider{
	{"github-pat", "export GITHUB_TOKEN=%s"},
	{"github-oauth-token", "gh auth login --with-token <<< %s"},
	{"npm-access-token", "//registry.npmjs.org/:_authToken=%s"},
	{"gitlab-pat", "GITLAB_TOKEN=%s"},
	{"slack-bot-token", "SLACK_BOT_TOKEN=%s"},
	{"stripe-secret-key", `stripe.api_key = "%s"`},
	{"aws-access-key-id", "aws_access_key_id = %s"},
	{"gcp-api-key", "GOOGLE_MAPS_KEY=%s"},
	{"sendgrid-api-key", "SENDGRID_API_KEY=%s"},
	{"huggingface-access-token", "HF_TOKEN=%s"},
	{"digitalocean-pat", "DIGITALOCEAN_TOKEN=%s"},
	{"shopify-access-token", "SHOPIFY_ADMIN_TOKEN=%s"},
	{"jwt", "Authorization: Bearer %s"},
}

// Plant is a secret of a rule drawn in a picture.
type Plant struct {
	Rule, Secret string
}

// Image is a picture of the corpus: its file name (the extension says its
// format) and what it holds.
type Image struct {
	Name string
	Shot *Shot // nil for a picture without text
	// Plants are the secrets it shows; none for look-alikes and pictures
	// without text.
	Plants []Plant
	// Kind is "secret", "lookalike" or "notext".
	Kind string
	img  image.Image
}

var filler = map[string][]string{
	Terminal: {"$ cd ~/src/payments-api", "$ git pull --rebase", "Already up to date.", "@", "$ make deploy ENV=staging", "deploying payments-api to staging-eu-west-1 ... done"},
	Editor:   {"# staging settings", "region = eu-west-1", "log_level = info", "@", "timeout_seconds = 30", "retries = 3"},
	Browser:  {"@", "curl -s https://api.example.internal/v1/health"},
}

var prose = []string{
	"To call the staging API from your laptop, set the variable below first.",
	"Ask in #platform if it stops working; it is rotated every quarter.",
}

// Secrets builds the corpus's pictures: for each provider six
// screenshots (terminal, editor and page; light and dark; 12 to 24 pixel
// fonts; monospace fonts of two families; PNG, JPEG, GIF, BMP and TIFF),
// then look-alikes (placeholders, hashes, public keys, a token whose
// checksum fails) and pictures without text. Secrets are fake, from seed.
func Secrets(seed uint64) ([]Image, error) {
	set, err := rules.Default()
	if err != nil {
		return nil, err
	}
	g := fake.New(seed)
	sizes := []float64{12, 14, 16, 18, 20, 24, 13, 15, 22}
	formats := []string{"png", "png", "jpg", "png", "bmp", "png", "tiff", "gif", "png"}
	kinds := []struct {
		kind           string
		dark, darkCode bool
	}{{Terminal, false, false}, {Terminal, true, false}, {Editor, false, false}, {Editor, true, false}, {Browser, false, false}, {Browser, false, true}}
	var out []Image
	n := 0
	for _, p := range Providers {
		r, ok := set.Lookup(p.Rule)
		if !ok {
			return nil, fmt.Errorf("ocrfixture: no rule %s", p.Rule)
		}
		for _, k := range kinds {
			secret, err := g.Secret(r)
			if err != nil {
				return nil, err
			}
			mono := []string{"dejavu-mono", "liberation-mono"}[n%2]
			sans := []string{"dejavu-sans", "liberation-sans"}[n/2%2]
			line := fmt.Sprintf(p.Line, secret)
			s := &Shot{Kind: k.kind, Dark: k.dark, DarkCode: k.darkCode, Size: sizes[n%len(sizes)], Mono: mono, Sans: sans,
				Title: "Staging access", Lines: withLine(filler[k.kind], line)}
			if k.kind == Browser {
				s.Prose = prose
			}
			if k.kind == Terminal && n%3 == 0 {
				s.Width = 1900 // a wide capture
			}
			out = append(out, Image{
				Name:   fmt.Sprintf("%s-%s-%s-%02.0f.%s", p.Rule, k.kind, theme(k.dark, k.darkCode), s.Size, formats[n%len(formats)]),
				Shot:   s,
				Plants: []Plant{{p.Rule, secret}},
				Kind:   "secret",
			})
			n++
		}
	}
	out = append(out, lookalikes(g)...)
	out = append(out, noText(seed)...)
	return out, nil
}

func theme(dark, darkCode bool) string {
	switch {
	case dark:
		return "dark"
	case darkCode:
		return "mixed"
	}
	return "light"
}

func withLine(lines []string, line string) []string {
	out := make([]string, 0, len(lines))
	for _, l := range lines {
		if l == "@" {
			if strings.HasPrefix(lines[0], "$") && !strings.HasPrefix(line, "$") {
				l = "$ " + line
			} else {
				l = line
			}
		}
		out = append(out, l)
	}
	return out
}

// lookalikes are screenshots of what looks like a secret and is none.
func lookalikes(g *fake.Gen) []Image {
	badChecksum := "ghp_" + g.String(fake.Alnum, 30) + "000000"
	sets := [][]string{
		{"export GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "GITHUB_TOKEN=<your-token-here>", `stripe.api_key = "sk_live_..."`},
		{"AWS_SECRET_ACCESS_KEY=YOUR_SECRET_ACCESS_KEY", "aws_access_key_id = AKIAXXXXXXXXXXXXXXXX", "password = changeme"},
		{"commit 9fceb02d0ae598e95dc970b74767f19372d61af8", "sha256:" + g.String("0123456789abcdef", 64), "Merge: 1a2b3c4 5d6e7f8"},
		{"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI" + g.String(fake.Alnum, 43) + " deploy@ci", "-----BEGIN PUBLIC KEY-----", "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE" + g.String(fake.Alnum, 40), "-----END PUBLIC KEY-----"},
		{"request_id = " + g.String("0123456789abcdef", 8) + "-4b1e-9c2d-" + g.String("0123456789abcdef", 12), "integrity sha512-" + g.String(fake.Alnum, 60)},
		{"# docs example, not a token:", "token: " + badChecksum},
	}
	var out []Image
	for i, lines := range sets {
		kind := []string{Terminal, Editor, Browser}[i%3]
		s := &Shot{Kind: kind, Dark: i%2 == 1, Size: []float64{14, 16, 18}[i%3], Mono: "dejavu-mono", Sans: "dejavu-sans",
			Title: "Setup notes", Lines: lines}
		if kind == Browser {
			s.Prose = prose
		}
		out = append(out, Image{Name: fmt.Sprintf("lookalike-%d-%s.png", i, kind), Shot: s, Kind: "lookalike"})
	}
	return out
}

// noText are pictures without text: a gradient, noise, a flat colour and
// a bar chart.
func noText(seed uint64) []Image {
	rng := rand.New(rand.NewPCG(seed, 7))
	w, h := 800, 500
	grad := image.NewRGBA(image.Rect(0, 0, w, h))
	noise := image.NewRGBA(image.Rect(0, 0, w, h))
	flat := image.NewRGBA(image.Rect(0, 0, w, h))
	chart := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			grad.Set(x, y, color.RGBA{uint8(x * 255 / w), uint8(y * 255 / h), 128, 255})
			noise.Set(x, y, color.RGBA{uint8(rng.IntN(256)), uint8(rng.IntN(256)), uint8(rng.IntN(256)), 255})
			flat.Set(x, y, color.RGBA{0x2d, 0x6c, 0xdf, 255})
			c := color.RGBA{255, 255, 255, 255}
			if bar := x / 80; x%80 > 16 && y > h-40-(bar*37%400) {
				c = color.RGBA{uint8(40 * bar), 120, 200, 255}
			}
			chart.Set(x, y, c)
		}
	}
	return []Image{
		{Name: "notext-gradient.png", Kind: "notext", img: grad},
		{Name: "notext-noise.jpg", Kind: "notext", img: noise},
		{Name: "notext-flat.gif", Kind: "notext", img: flat},
		{Name: "notext-chart.png", Kind: "notext", img: chart},
	}
}

// Picture renders an image of the corpus.
func (m *Image) Picture() (image.Image, error) {
	if m.img != nil {
		return m.img, nil
	}
	return Render(*m.Shot)
}

// Encode writes a picture in the format its name's extension says.
func Encode(name string, img image.Image) ([]byte, error) {
	var b bytes.Buffer
	var err error
	switch filepath.Ext(name) {
	case ".png":
		err = png.Encode(&b, img)
	case ".jpg", ".jpeg":
		err = jpeg.Encode(&b, img, &jpeg.Options{Quality: 85})
	case ".gif":
		err = gif.Encode(&b, img, nil)
	case ".bmp":
		err = bmp.Encode(&b, img)
	case ".tiff", ".tif":
		err = tiff.Encode(&b, img, &tiff.Options{Compression: tiff.Deflate})
	default:
		err = fmt.Errorf("ocrfixture: no encoder for %s", name)
	}
	return b.Bytes(), err
}

// Write renders and writes each image into dir.
func Write(dir string, imgs []Image) error {
	for i := range imgs {
		pic, err := imgs[i].Picture()
		if err != nil {
			return err
		}
		b, err := Encode(imgs[i].Name, pic)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, imgs[i].Name), b, 0o644); err != nil {
			return err
		}
	}
	return nil
}
