package report

import (
	"encoding/xml"
	"strings"
	"testing"

	"github.com/leakstop/leakstop/detect"
	"github.com/leakstop/leakstop/rules"
	"github.com/leakstop/leakstop/source"
)

func TestJUnitGolden(t *testing.T) {
	clean := &Report{Tool: Tool{Name: "leakstop", Version: "test"}, Scanned: 3, Bytes: 900}
	for name, tt := range map[string]struct {
		r                                *Report
		opts                             Options
		tests, failures, errors, skipped int
	}{
		"empty.junit":         {clean, Options{}, 1, 0, 0, 0},
		"findings.junit":      {sample(), Options{}, 8, 5, 2, 1},
		"findings_show.junit": {sample(), Options{ShowSecrets: true}, 8, 5, 2, 1},
	} {
		t.Run(name, func(t *testing.T) {
			got := write(t, tt.r, FormatJUnit, tt.opts)
			checkGolden(t, name, got)
			var doc junitSuites
			if err := xml.Unmarshal(got, &doc); err != nil {
				t.Fatal(err)
			}
			if len(doc.Suites) != 1 || doc.Suites[0].Name != "leakstop" {
				t.Fatalf("suites %+v", doc.Suites)
			}
			s := doc.Suites[0]
			if s.Tests != tt.tests || s.Failures != tt.failures || s.Errors != tt.errors || s.Skipped != tt.skipped || len(s.Cases) != tt.tests ||
				doc.Tests != s.Tests || doc.Failures != s.Failures {
				t.Errorf("counts %d/%d/%d/%d with %d cases, want %d/%d/%d/%d",
					s.Tests, s.Failures, s.Errors, s.Skipped, len(s.Cases), tt.tests, tt.failures, tt.errors, tt.skipped)
			}
			if tt.failures == 0 && (s.Cases[0].Failure != nil || s.Cases[0].Error != nil) {
				t.Errorf("a clean run's case fails: %+v", s.Cases[0])
			}
			if tt.failures > 0 {
				c := s.Cases[0]
				if c.Classname != "acme-token" || c.Name != "services/api/app.env:2" || c.Failure == nil || c.Failure.Message != "Acme API token: acme_l************" {
					t.Errorf("first case %+v", c)
				}
			}
		})
	}
}

// Whatever a path or a shown secret holds, the document stays well-formed.
func TestJUnitHostileText(t *testing.T) {
	s := detect.NewSecret([]byte("x\x00y]]>z\xff\uFFFEend-of-a-fake-value"))
	f := detect.Finding{
		RuleID: "acme-token", Severity: rules.SeverityHigh, Status: detect.StatusCandidate,
		Path: "a\x01]]><b>\xfe.env", Line: 1, Column: 1, Preview: s.String(), Secret: s,
		Source: source.Origin{Kind: source.KindFile, Root: "."},
	}
	for _, show := range []bool{false, true} {
		got := write(t, &Report{Findings: []detect.Finding{f}, Errors: []Problem{{Path: "\x02]]>", Error: "\xff"}}}, FormatJUnit, Options{ShowSecrets: show})
		var doc junitSuites
		if err := xml.Unmarshal(got, &doc); err != nil {
			t.Fatalf("show %v: %v\n%s", show, err, got)
		}
		if c := doc.Suites[0].Cases[0]; c.Failure == nil || !strings.Contains(c.Failure.Text, "]]>") {
			t.Errorf("show %v: failure %+v", show, c.Failure)
		}
	}
}
