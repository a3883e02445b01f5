package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/leakstop/leakstop/detect"
	"github.com/leakstop/leakstop/rules"
	"github.com/leakstop/leakstop/source"
)

func TestGitHubGolden(t *testing.T) {
	empty := &Report{Tool: Tool{Name: "leakstop", Version: "test"}, Scanned: 3, Bytes: 900}
	for _, tt := range []struct {
		name string
		r    *Report
		opts Options
	}{
		{"empty", empty, Options{}},
		{"findings", sample(), Options{}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var summary bytes.Buffer
			tt.opts.Summary = &summary
			got := write(t, tt.r, FormatGitHub, tt.opts)
			checkGolden(t, tt.name+".github", got)
			checkGolden(t, tt.name+".summary.md", summary.Bytes())
			for _, l := range strings.Split(strings.TrimSuffix(string(got), "\n"), "\n") {
				if strings.HasPrefix(l, "::") && !strings.HasPrefix(l, "::error ") && !strings.HasPrefix(l, "::warning ") {
					t.Errorf("unexpected command %q", l)
				}
			}
		})
	}
}

// Without Options.Summary no summary is written anywhere; WriteSummary
// writes the same summary on its own.
func TestGitHubSummaryOnItsOwn(t *testing.T) {
	var a, b bytes.Buffer
	if err := sample().Write(&a, FormatGitHub, Options{Summary: &b}); err != nil {
		t.Fatal(err)
	}
	var c bytes.Buffer
	if err := sample().WriteSummary(&c); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), c.Bytes()) || strings.Contains(a.String(), "### ") {
		t.Errorf("summary differs or went to the log")
	}
}

func TestWorkflowCommandEscaping(t *testing.T) {
	var buf bytes.Buffer
	workflowCommand(&buf, "error", [][2]string{{"file", "a,b:c%d\r\ne.env"}, {"title", "x: y, z"}}, "50% done\r\n::warning::injected")
	want := "::error file=a%2Cb%3Ac%25d%0D%0Ae.env,title=x%3A y%2C z::50%25 done%0D%0A::warning::injected\n"
	if buf.String() != want {
		t.Errorf("got  %q\nwant %q", buf.String(), want)
	}
}

// A hostile path or preview cannot start a second command or break out of
// the summary's table.
func TestGitHubHostileText(t *testing.T) {
	s := detect.NewSecret([]byte("value|with|pipes\nand a newline"))
	f := detect.Finding{
		RuleID: "acme-token", Provider: "Acme", Description: "Acme API token", Severity: rules.SeverityLow,
		Status: detect.StatusCandidate, Path: "dir\n::add-mask::x/a|b`c.env", Line: 2, Column: 3, EndLine: 3, EndColumn: 4,
		Preview: "val|\n`", Secret: s, Fingerprint: strings.Repeat("e", 64),
		Source: source.Origin{Kind: source.KindFile, Root: "."},
	}
	f.Source.Path = f.Path
	var summary bytes.Buffer
	got := string(write(t, &Report{Findings: []detect.Finding{f}, Scanned: 1}, FormatGitHub, Options{Summary: &summary}))
	lines := strings.Split(strings.TrimSuffix(got, "\n"), "\n")
	want := "::warning file=dir%0A%3A%3Aadd-mask%3A%3Ax/a|b`c.env,line=2,endLine=3,title=Acme API token (acme-token)::Acme API token: val|\\n` (low, candidate)%0A"
	if len(lines) != 2 || !strings.HasPrefix(lines[0], want) {
		t.Errorf("annotation:\n%s\nwant it to start with\n%s", got, want)
	}
	row := "| ``dir\\n::add-mask::x/a\\|b`c.env:2`` | `acme-token` | low | candidate | `` val\\|\\n` `` |  |\n"
	if !strings.Contains(summary.String(), row) {
		t.Errorf("summary lacks the row\n%s\ngot:\n%s", row, summary.String())
	}
}

func TestMarkdownCells(t *testing.T) {
	for in, want := range map[string]string{
		"a.env":    "`a.env`",
		"a|b":      "`a\\|b`",
		"a`b":      "``a`b``",
		"`a":       "`` `a ``",
		"a\nb":     "`a\\nb`",
		"":         "",
		"x\x1b[1m": "`x\\x1b[1m`",
	} {
		if got := mdCode(in); got != want {
			t.Errorf("mdCode(%q) = %q, want %q", in, got, want)
		}
	}
	if got, want := mdText("a|b *c* <d> [e]"), `a\|b \*c\* \<d\> \[e\]`; got != want {
		t.Errorf("mdText = %q, want %q", got, want)
	}
}
