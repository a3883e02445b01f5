package suppress

import (
	"strings"
	"testing"

	"github.com/leakstop/leakstop/detect"
	"github.com/leakstop/leakstop/source"
)

func TestAllowed(t *testing.T) {
	set := testRules()
	at := func(rule string, line, endLine int, lines ...int) detect.Finding {
		return detect.Finding{RuleID: rule, Line: line, EndLine: endLine, Lines: append([]int{line}, lines...)}
	}
	tests := []struct {
		name string
		text string
		f    detect.Finding
		want bool
	}{
		{"hash comment", "TOKEN=x # leakstop:allow\n", at("new-token", 1, 1), true},
		{"slash comment", `token := "x" // leakstop:allow` + "\n", at("new-token", 1, 1), true},
		{"html comment", "<p>x</p> <!-- leakstop:allow -->\n", at("new-token", 1, 1), true},
		{"html comment without spaces", "<p>x</p><!--leakstop:allow-->\n", at("new-token", 1, 1), true},
		{"sql comment", "SELECT 'x'; -- leakstop:allow\n", at("new-token", 1, 1), true},
		{"block comment", "x /* leakstop:allow */\n", at("new-token", 1, 1), true},
		{"CRLF", "TOKEN=x # leakstop:allow\r\nB=y\r\n", at("new-token", 1, 1), true},
		{"last line without newline", "a\nTOKEN=x # leakstop:allow", at("new-token", 2, 2), true},
		{"the line before", "# leakstop:allow\nTOKEN=x\n", at("new-token", 2, 2), true},
		{"two lines before", "# leakstop:allow\n\nTOKEN=x\n", at("new-token", 3, 3), false},
		{"the line before, after code", "A=x # leakstop:allow\nTOKEN=x\n", at("new-token", 2, 2), false},
		{"the line after", "TOKEN=x\n# leakstop:allow\n", at("new-token", 1, 1), false},
		{"a longer word", "TOKEN=x # leakstop:allowed? no\n", at("new-token", 1, 1), false},
		{"a longer word, then the marker", "x # leakstop:allowlist leakstop:allow\n", at("new-token", 1, 1), true},
		{"the rule", "TOKEN=x # leakstop:allow new-token\n", at("new-token", 1, 1), true},
		{"another rule", "TOKEN=x # leakstop:allow other-token\n", at("new-token", 1, 1), false},
		{"the rule's old id", "TOKEN=x # leakstop:allow old-token\n", at("new-token", 1, 1), true},
		{"a list of rules", "TOKEN=x # leakstop:allow other-token,new-token\n", at("new-token", 1, 1), true},
		{"a list without the rule", "TOKEN=x # leakstop:allow other-token,generic-password\n", at("new-token", 1, 1), false},
		{"free text", "TOKEN=x # leakstop:allow test fixture\n", at("new-token", 1, 1), true},
		{"rule then text", "TOKEN=x # leakstop:allow other-token: test fixture\n", at("new-token", 1, 1), false},
		{"two markers", "x # leakstop:allow other-token; leakstop:allow new-token\n", at("new-token", 1, 1), true},
		{"last line of a multi-line secret", "-----BEGIN\nabc\n-----END # leakstop:allow\n", at("new-token", 1, 3), true},
		{"another copy's line", "A=x\nB=x # leakstop:allow\n", at("new-token", 1, 1, 2), true},
		{"a line past the end", "A=x\n", at("new-token", 1, 1, 7), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Allowed([]byte(tt.text), []detect.Finding{tt.f}, set)
			if allowed := got != nil && got[0]; allowed != tt.want {
				t.Errorf("allowed = %v, want %v", allowed, tt.want)
			}
		})
	}
}

// Without a marker in the text, Allowed indexes no lines and says nil.
func TestAllowedNoMarker(t *testing.T) {
	fs := []detect.Finding{{RuleID: "new-token", Line: 1, EndLine: 1}}
	if got := Allowed([]byte(strings.Repeat("TOKEN=x\n", 100)), fs, testRules()); got != nil {
		t.Errorf("got %v", got)
	}
}

func BenchmarkAllowedNoMarker(b *testing.B) {
	data := []byte(strings.Repeat("TOKEN=x some text of a line\n", 1<<14))
	fs := []detect.Finding{{RuleID: "new-token", Line: 9000, EndLine: 9000}}
	set := testRules()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		Allowed(data, fs, set)
	}
}

// With GitleaksAllow (--compat gitleaks), gitleaks:allow anywhere on one
// of a finding's lines accepts it, whatever follows it, as gitleaks reads
// it; not on the line before. Without it, it accepts nothing.
func TestGitleaksAllow(t *testing.T) {
	f := finding("new-token", "a.env", "s3cr3t-value", false)
	tests := []struct {
		name, text string
		compat     bool
		want       bool
	}{
		{"on the line", "TOKEN=x #gitleaks:allow\n", true, true},
		{"with words after it", "TOKEN=x // gitleaks:allow other-token\n", true, true},
		{"inside a longer word", "TOKEN=x # gitleaks:allowed\n", true, true},
		{"the line before", "# gitleaks:allow\nTOKEN=x\n", true, false},
		{"without --compat", "TOKEN=x #gitleaks:allow\n", false, false},
		{"leakstop's marker still works", "TOKEN=x # leakstop:allow\n", true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := f
			g.Line, g.EndLine, g.Lines = 1, 1, []int{1}
			if strings.HasPrefix(tt.text, "#") {
				g.Line, g.EndLine, g.Lines = 2, 2, []int{2}
			}
			fl := &Filter{Rules: testRules(), GitleaksAllow: tt.compat}
			kept, acc := fl.Split([]byte(tt.text), []detect.Finding{g})
			if got := len(acc) == 1; got != tt.want || len(kept)+len(acc) != 1 {
				t.Errorf("accepted %v, want %v", got, tt.want)
			}
			if tt.want && acc[0].Reason != Inline {
				t.Errorf("reason %v", acc[0].Reason)
			}
		})
	}
}

// A change that adds a gitleaks:allow lists it among the suppressions it
// adds, under --compat gitleaks.
func TestGitleaksAllowAdded(t *testing.T) {
	data := []byte("A=1\nTOKEN=x # gitleaks:allow\n")
	origins := []source.Origin{{Kind: source.KindFile, Path: "a.env", Added: []source.LineRange{{Start: 2, End: 2}}}}
	for _, compat := range []bool{false, true} {
		ms := addedMarkers(&text{data: data}, origins, testRules(), compat)
		if compat != (len(ms) == 1) {
			t.Fatalf("compat %v: markers %+v", compat, ms)
		}
		if compat && (ms[0].Marker != GitleaksMarker || ms[0].Line != 2 || ms[0].Path != "a.env" || len(ms[0].Rules) != 0) {
			t.Errorf("marker %+v", ms[0])
		}
	}
}
