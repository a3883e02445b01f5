package report

import (
	"encoding/csv"
	"strings"
	"testing"

	"github.com/leakstop/leakstop/detect"
	"github.com/leakstop/leakstop/rules"
	"github.com/leakstop/leakstop/source"
)

func TestCSVGolden(t *testing.T) {
	empty := &Report{Tool: Tool{Name: "leakstop", Version: "test"}}
	for name, tt := range map[string]struct {
		r    *Report
		opts Options
	}{
		"empty.csv":         {empty, Options{}},
		"findings.csv":      {sample(), Options{}},
		"findings_show.csv": {sample(), Options{ShowSecrets: true}},
	} {
		t.Run(name, func(t *testing.T) {
			got := write(t, tt.r, FormatCSV, tt.opts)
			checkGolden(t, name, got)
			rows, err := csv.NewReader(strings.NewReader(string(got))).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) != 1+len(tt.r.Findings) {
				t.Errorf("%d rows for %d findings", len(rows), len(tt.r.Findings))
			}
			if last := rows[0][len(rows[0])-1]; (last == "secret") != tt.opts.ShowSecrets {
				t.Errorf("header %v", rows[0])
			}
		})
	}
}

func TestCSVCell(t *testing.T) {
	for in, want := range map[string]string{
		"=HYPERLINK(\"http://x\")": "'=HYPERLINK(\"http://x\")",
		"+1":                       "'+1",
		"-----BEGIN":               "'-----BEGIN",
		"@SUM(A1)":                 "'@SUM(A1)",
		"  =1+1":                   "'  =1+1",
		"\t=1":                     "'\t=1",
		"\r\n=1":                   "'\r\n=1",
		"\u00a0=1":                 "'\u00a0=1",
		"\tplain":                  "'\tplain",
		"a=1":                      "a=1",
		"app.env":                  "app.env",
		"":                         "",
		"42":                       "42",
	} {
		if got := csvCell(in); got != want {
			t.Errorf("csvCell(%q) = %q, want %q", in, got, want)
		}
	}
}

// A file named like a formula, a provider and a preview starting with one,
// do not run in a spreadsheet.
func TestCSVInjection(t *testing.T) {
	s := detect.NewSecret([]byte("-not-a-secret-but-a-test-value"))
	f := detect.Finding{
		RuleID: "acme-token", Provider: "@Acme", Severity: rules.SeverityHigh, Status: detect.StatusCandidate,
		Path: "=cmd|' /C calc'!A0.env", Line: 1, Column: 1, EndLine: 1, EndColumn: 30, Preview: s.String(), Secret: s,
		Fingerprint: strings.Repeat("0", 64), Source: source.Origin{Kind: source.KindFile, Commit: "+abc"},
	}
	got := write(t, &Report{Findings: []detect.Finding{f}}, FormatCSV, Options{ShowSecrets: true})
	rows, err := csv.NewReader(strings.NewReader(string(got))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, cell := range rows[1] {
		if c := strings.TrimSpace(cell); c != "" && strings.ContainsRune("=+-@", rune(c[0])) {
			t.Errorf("cell %q starts a formula", cell)
		}
	}
	if rows[1][4] != "'=cmd|' /C calc'!A0.env" {
		t.Errorf("path cell %q", rows[1][4])
	}
}
