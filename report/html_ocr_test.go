package report

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"image"
	"image/color"
	"image/png"
	"regexp"
	"strings"
	"testing"

	"github.com/leakstop/leakstop/detect"
	"github.com/leakstop/leakstop/rules"
	"github.com/leakstop/leakstop/source"
)

// ocrReport is a report of one secret read in a screenshot (800×400,
// its box at 100,200 300×20) and, with thumbnails, a 400×200 thumbnail
// of white pixels that stand for the secret's.
func ocrReport(thumbnails bool) *Report {
	o := source.Origin{Kind: source.KindFile, Path: "docs/setup.png"}
	f := spreadFinding("zq-live-key", rules.SeverityHigh, spreadKey, o, 4)
	f.Status, f.ConfirmedBy = detect.StatusConfirmed, rules.ByOCRRepair
	f.OCR = &detect.OCR{Repaired: true, Box: source.Box{X: 100, Y: 200, W: 300, H: 20},
		Image: "3b18e512dba79e4c8300dd08aeb37f8e728b8dad", Format: "png", Width: 800, Height: 400}
	r := &Report{Tool: Tool{Name: "leakstop", Version: "test"}, Findings: []detect.Finding{f}}
	if thumbnails {
		th := image.NewRGBA(image.Rect(0, 0, 400, 200))
		for i := range th.Pix {
			th.Pix[i] = 0xff
		}
		r.Thumbnails = map[string]image.Image{f.OCR.Image: th}
	}
	return r
}

func TestHTMLOCRBox(t *testing.T) {
	var buf bytes.Buffer
	if err := ocrReport(false).Write(&buf, FormatHTML, Options{}); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	for _, want := range []string{"read with OCR in a 800×400 png image", "x 100, y 200, 300×20 pixels",
		"repaired until its checksum held", `<rect class="box" x="100" y="200" width="300" height="20"/>`, "img-src &#39;none&#39;"} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if strings.Contains(page, "<img") {
		t.Error("a thumbnail without --html-thumbnails")
	}
}

func TestHTMLOCRThumbnailPaintsBoxes(t *testing.T) {
	var buf bytes.Buffer
	if err := ocrReport(true).Write(&buf, FormatHTML, Options{}); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	if !strings.Contains(page, "img-src data:") {
		t.Error("the policy does not allow the thumbnail")
	}
	m := regexp.MustCompile(`<img src="data:image/png;base64,([^"]+)"`).FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no thumbnail")
	}
	b, err := base64.StdEncoding.DecodeString(strings.ReplaceAll(m[1], "&#43;", "+"))
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	// The box is at 50,100 150×10 on the thumbnail (half size): every
	// pixel of it is painted over, the rest left as it was.
	white := color.RGBAModel.Convert(color.White)
	for y := 100; y < 110; y++ {
		for x := 50; x < 200; x++ {
			if color.RGBAModel.Convert(img.At(x, y)) == white {
				t.Fatalf("pixel %d,%d of the secret's box is not painted over", x, y)
			}
		}
	}
	if color.RGBAModel.Convert(img.At(10, 10)) != white {
		t.Error("pixels outside the box were painted")
	}
}

func TestJSONOCR(t *testing.T) {
	var buf bytes.Buffer
	if err := ocrReport(false).Write(&buf, FormatJSON, Options{}); err != nil {
		t.Fatal(err)
	}
	var out struct {
		Findings []struct {
			ConfirmedBy string `json:"confirmed_by"`
			OCR         struct {
				Repaired bool           `json:"repaired"`
				Box      map[string]int `json:"box"`
			} `json:"ocr"`
		} `json:"findings"`
	}
	if err := json.Unmarshal(buf.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	f := out.Findings[0]
	if f.ConfirmedBy != "ocr-repair" || !f.OCR.Repaired || f.OCR.Box["x"] != 100 || f.OCR.Box["w"] != 300 {
		t.Errorf("finding = %+v", f)
	}
}
