package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/leakstop/leakstop/internal/ocrfixture"
	"github.com/leakstop/leakstop/rules"
	"github.com/leakstop/leakstop/rules/fake"
	"github.com/leakstop/leakstop/source"
)

// TestOCRScreenshotJoinsSprawl: a GitHub token in a screenshot and in a
// .env file is one secret: the screenshot's finding has the token's hash,
// its box, and the HTML report paints over it on the thumbnail.
func TestOCRScreenshotJoinsSprawl(t *testing.T) {
	if testing.Short() {
		t.Skip("OCR is slow; skipped with -short")
	}
	if _, err := source.NewOCR(context.Background(), source.OCROptions{}); errors.Is(err, source.ErrNoTesseract) {
		t.Skip(err)
	}
	if err := ocrfixture.Missing(); err != nil {
		t.Skip(err)
	}
	set, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	r, _ := set.Lookup("github-pat")
	token, err := fake.New(21).Secret(r)
	if err != nil {
		t.Fatal(err)
	}
	shot := ocrfixture.Shot{Kind: ocrfixture.Editor, Dark: true, Size: 24, Mono: "dejavu-mono", Sans: "dejavu-sans",
		Title: ".env", Lines: []string{"# CI", "GITHUB_TOKEN=" + token, "REGION=eu-west-1"}}
	img, err := ocrfixture.Render(shot)
	if err != nil {
		t.Fatal(err)
	}
	png, err := ocrfixture.Encode("shot.png", img)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "shot.png"), png, 0o644)
	os.WriteFile(filepath.Join(dir, ".env"), []byte("GITHUB_TOKEN="+token+"\n"), 0o644)
	html := filepath.Join(t.TempDir(), "report.html")
	var out, errb bytes.Buffer
	code := run([]string{"leakstop", "dir", "--ocr", "--html-thumbnails", "--format", "json", "--report", "html=" + html, dir},
		strings.NewReader(""), &out, &errb)
	if code != exitFindings {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var rep struct {
		Findings []struct {
			RuleID       string `json:"rule_id"`
			Path, Status string
			ConfirmedBy  string `json:"confirmed_by"`
			SecretSHA256 string `json:"secret_sha256"`
			OCR          *struct {
				Box    source.Box
				Width  int
				Height int
			}
		}
		Sprawl []struct {
			Places []struct{ Path string }
		}
	}
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256([]byte(token))
	want := hex.EncodeToString(sum[:])
	var inShot bool
	for _, f := range rep.Findings {
		if f.Path != "shot.png" {
			continue
		}
		inShot = true
		if f.RuleID != "github-pat" || f.SecretSHA256 != want || f.OCR == nil {
			t.Fatalf("finding in the screenshot: %+v (token read wrong, or not an OCR finding)", f)
		}
		b := f.OCR.Box
		if b.Empty() || b.X+b.W > f.OCR.Width || b.Y+b.H > f.OCR.Height || b.W < img.Bounds().Dx()/4 {
			t.Errorf("box %+v in a %dx%d image", b, f.OCR.Width, f.OCR.Height)
		}
		t.Logf("status %s (%s), box %+v", f.Status, f.ConfirmedBy, b)
	}
	if !inShot {
		t.Fatalf("no finding in the screenshot: %s", out.String())
	}
	if len(rep.Sprawl) != 1 || len(rep.Sprawl[0].Places) != 2 {
		t.Errorf("sprawl %+v, want one secret in two places", rep.Sprawl)
	}
	page, err := os.ReadFile(html)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(page, []byte(`<img src="data:image/png;base64,`)) || !bytes.Contains(page, []byte("read with OCR")) {
		t.Error("the HTML report has no thumbnail of the screenshot")
	}
	if bytes.Contains(page, []byte(token)) {
		t.Error("the HTML report holds the token")
	}
}
