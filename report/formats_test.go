package report

import (
	"bytes"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// No format shows a full secret unless asked, and every format but github
// shows them when asked; GitHub's annotations and job summary never do.
func TestFormatsRedact(t *testing.T) {
	secrets := []string{tokenSecret, "MIIBfakefakefake", weakSecret}
	for _, format := range Formats() {
		for _, show := range []bool{false, true} {
			var out, summary bytes.Buffer
			if err := sample().Write(&out, format, Options{ShowSecrets: show, Summary: &summary, Category: "leakstop/pr/"}); err != nil {
				t.Fatalf("%s: %v", format, err)
			}
			for _, s := range secrets {
				want := show && format != FormatGitHub
				if got := strings.Contains(out.String(), s); got != want {
					t.Errorf("%s, show %v: secret %.6q… present = %v", format, show, s, got)
				}
				if strings.Contains(summary.String(), s) {
					t.Errorf("%s: secret %.6q… in the summary", format, s)
				}
			}
		}
	}
}

func TestFormatsListed(t *testing.T) {
	for _, f := range []string{FormatText, FormatJSON, FormatSARIF, FormatCSV, FormatJUnit, FormatGitHub, FormatHTML} {
		if !slices.Contains(Formats(), f) {
			t.Errorf("Formats() lacks %q", f)
		}
	}
}

// The order findings arrive in does not change any format.
func TestFormatsDeterministic(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, format := range Formats() {
		var want, wantSummary bytes.Buffer
		if err := sample().Write(&want, format, Options{Summary: &wantSummary}); err != nil {
			t.Fatal(err)
		}
		for i := 0; i < 10; i++ {
			r := sample()
			rng.Shuffle(len(r.Findings), func(a, b int) { r.Findings[a], r.Findings[b] = r.Findings[b], r.Findings[a] })
			rng.Shuffle(len(r.Errors), func(a, b int) { r.Errors[a], r.Errors[b] = r.Errors[b], r.Errors[a] })
			var got, summary bytes.Buffer
			if err := r.Write(&got, format, Options{Summary: &summary}); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), want.Bytes()) || !bytes.Equal(summary.Bytes(), wantSummary.Bytes()) {
				t.Fatalf("%s: shuffle %d changed the report", format, i)
			}
		}
	}
}
