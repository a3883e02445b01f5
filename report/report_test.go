package report

import (
	"bytes"
	"encoding/json"
	"flag"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/leakstop/leakstop/detect"
	"github.com/leakstop/leakstop/rules"
	"github.com/leakstop/leakstop/source"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// Fake secrets of made-up providers: nothing a push protection knows.
const (
	tokenSecret = "acme_live_Q7xW2pLk9RzT4vN8mB3c"
	keySecret   = "-----BEGIN FAKE PRIVATE KEY-----\r\nMIIBfakefakefake\r\n-----END FAKE PRIVATE KEY-----"
	weakSecret  = "hunter2hunter2"
)

func finding(ruleID string, sev rules.Severity, secret string, o source.Origin, line, col int, lines ...int) detect.Finding {
	s := detect.NewSecret([]byte(secret))
	f := detect.Finding{
		RuleID: ruleID, Provider: "Acme", Family: "saas", Description: "Acme API token",
		Severity: sev, Status: detect.StatusCandidate, Path: o.Path,
		Line: line, Column: col, EndLine: line, EndColumn: col + len(secret) - 1,
		Lines: append([]int{line}, lines...), Preview: s.String(), Source: o, Secret: s,
	}
	if secret != weakSecret {
		f.SecretSHA256 = strings.Repeat(string("abc"[len(secret)%3]), 64)
	} else {
		f.Weak = true
	}
	f.Fingerprint = detect.Fingerprint(ruleID, o.Path, f.SecretSHA256+f.SecretHMAC+ruleID)
	return f
}

func sample() *Report {
	file := func(p string) source.Origin { return source.Origin{Kind: source.KindFile, Path: p, Root: "."} }
	key := finding("fake-private-key", rules.SeverityCritical, keySecret, file("deploy/id_fake"), 1, 1)
	key.Status, key.ConfirmedBy, key.Provider, key.Description = detect.StatusConfirmed, "structure", "", "Private key"
	key.EndLine = 3
	key.Lines = []int{1, 2, 3}
	decoded := finding("acme-token", rules.SeverityHigh, tokenSecret, file("k8s/secret.yaml"), 7, 9)
	decoded.Decoded = []string{"base64"}
	inSub := finding("acme-token", rules.SeverityHigh, tokenSecret, source.Origin{Kind: source.KindFile, Path: "app.env", Root: "services/api"}, 2, 12, 5)
	dated := finding("acme-token", rules.SeverityHigh, tokenSecret, source.Origin{Kind: "git", Path: "old.env", Commit: "0123456789abcdef0123456789abcdef01234567", Date: time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC)}, 1, 1)
	return &Report{
		Tool: Tool{Name: "leakstop", Version: "test"},
		Findings: []detect.Finding{
			finding("generic-password", rules.SeverityMedium, weakSecret, file("config/db.ini"), 3, 10),
			decoded, key, inSub, dated,
		},
		Suppressed:   2,
		SuppressedBy: map[string]int{"inline": 1, "allowlist": 1},
		SuppressedFindings: []SuppressedFinding{
			{Finding: finding("acme-token", rules.SeverityHigh, tokenSecret, file("test/fixture.env"), 4, 1),
				Suppression: Suppression{Reason: "allowlist", By: ".leakstop.toml:3", Detail: `paths = "test/**" (test fixtures)`}},
			{Finding: finding("generic-password", rules.SeverityMedium, weakSecret, file("app.ini"), 2, 5),
				Suppression: Suppression{Reason: "inline", By: "app.ini:2"}},
		},
		AddedSuppressions: []AddedSuppression{
			{Kind: "inline", Path: "app.ini", Line: 2, Commit: "0123456789abcdef0123456789abcdef01234567", Entry: "leakstop:allow", Applied: true, Suppresses: 1},
			{Kind: "allowlist", Path: ".leakstop.toml", Line: 5, Commit: "0123456789abcdef0123456789abcdef01234567", Entry: `paths = "k8s/**"`, Suppresses: 1},
		},
		Errors:   []Problem{{Path: "vendor/locked.txt", Error: "open: permission denied"}, {Path: "b\x1b[31m.txt", Error: "read: input/output error"}},
		Skipped:  []Skip{{Path: "data/huge.csv", Reason: "larger than --max-file-size"}},
		Partial:  true,
		Scanned:  42,
		Bytes:    123456,
		RuleRank: map[string]int{"acme-token": 0, "fake-private-key": 1, "generic-password": 2},
	}
}

func TestGolden(t *testing.T) {
	empty := &Report{Tool: Tool{Name: "leakstop", Version: "test"}, Scanned: 3, Bytes: 900}
	tests := []struct {
		name   string
		r      *Report
		format string
		opts   Options
	}{
		{"empty.txt", empty, FormatText, Options{}},
		{"empty.json", empty, FormatJSON, Options{}},
		{"findings.txt", sample(), FormatText, Options{}},
		{"findings_color.txt", sample(), FormatText, Options{Color: true}},
		{"findings_show.txt", sample(), FormatText, Options{ShowSecrets: true}},
		{"findings.json", sample(), FormatJSON, Options{}},
		{"findings_show.json", sample(), FormatJSON, Options{ShowSecrets: true}},
		{"findings_suppressed.txt", sample(), FormatText, Options{ShowSuppressed: true}},
		{"findings_suppressed.json", sample(), FormatJSON, Options{ShowSuppressed: true}},
		{"empty.html", empty, FormatHTML, Options{}},
		{"findings.html", sample(), FormatHTML, Options{}},
		{"findings_show.html", sample(), FormatHTML, Options{ShowSecrets: true}},
		{"sprawl.txt", spreadReport(), FormatText, Options{}},
		{"sprawl.json", spreadReport(), FormatJSON, Options{}},
		{"sprawl.html", spreadReport(), FormatHTML, Options{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := tt.r.Write(&buf, tt.format, tt.opts); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", tt.name+".golden")
			if *update {
				if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./report -update)", err)
			}
			if !bytes.Equal(buf.Bytes(), want) {
				t.Errorf("%s differs from the output; got:\n%s", golden, buf.Bytes())
			}
			out := buf.String()
			for _, s := range []string{tokenSecret, "MIIBfakefakefake", weakSecret} {
				if shown := strings.Contains(out, s); shown != tt.opts.ShowSecrets && tt.r != empty {
					t.Errorf("secret %.8q… shown = %v, want %v", s, shown, tt.opts.ShowSecrets)
				}
			}
			if strings.Contains(out, "\x1b") != tt.opts.Color {
				t.Errorf("escape sequences present = %v, want %v", !tt.opts.Color, tt.opts.Color)
			}
		})
	}
}

// The order findings arrive in (workers race) does not change a report.
func TestDeterministic(t *testing.T) {
	var want bytes.Buffer
	if err := sample().Write(&want, FormatJSON, Options{}); err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 20; i++ {
		r := sample()
		rng.Shuffle(len(r.Findings), func(a, b int) { r.Findings[a], r.Findings[b] = r.Findings[b], r.Findings[a] })
		rng.Shuffle(len(r.Errors), func(a, b int) { r.Errors[a], r.Errors[b] = r.Errors[b], r.Errors[a] })
		var got bytes.Buffer
		if err := r.Write(&got, FormatJSON, Options{}); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Fatalf("shuffle %d changed the report", i)
		}
	}
}

func TestJSONSchema(t *testing.T) {
	var buf bytes.Buffer
	if err := sample().Write(&buf, FormatJSON, Options{ShowSecrets: true}); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Schema  int  `json:"schema"`
		Partial bool `json:"partial"`
		Tool    struct{ Name, Version string }
		Summary struct {
			Findings   int            `json:"findings"`
			Secrets    int            `json:"secrets"`
			Suppressed int            `json:"suppressed"`
			ByRule     map[string]int `json:"by_rule"`
			BySeverity map[string]int `json:"by_severity"`
		}
		Findings []map[string]any
		Sprawl   []struct {
			SecretSHA256 string `json:"secret_sha256"`
			RuleID       string `json:"rule_id"`
			Places       []struct {
				Kind, Path string
				Line       int
			}
			FirstSeen *time.Time `json:"first_seen"`
			LastSeen  *time.Time `json:"last_seen"`
		}
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Schema != Schema || !doc.Partial || doc.Tool.Name != "leakstop" {
		t.Errorf("header: %+v", doc)
	}
	if doc.Summary.Findings != 5 || doc.Summary.Secrets != 3 || doc.Summary.Suppressed != 2 ||
		doc.Summary.ByRule["acme-token"] != 3 || doc.Summary.BySeverity["critical"] != 1 {
		t.Errorf("summary: %+v", doc.Summary)
	}
	first := doc.Findings[0]
	if first["path"] != "app.env" || first["rule_id"] != "acme-token" || first["secret"] != tokenSecret {
		t.Errorf("first finding: %v", first)
	}
	for _, key := range []string{"provider", "severity", "status", "line", "column", "end_line", "lines", "preview", "fingerprint", "source"} {
		if _, ok := first[key]; !ok {
			t.Errorf("finding lacks %q", key)
		}
	}
	var token *struct {
		SecretSHA256 string `json:"secret_sha256"`
		RuleID       string `json:"rule_id"`
		Places       []struct {
			Kind, Path string
			Line       int
		}
		FirstSeen *time.Time `json:"first_seen"`
		LastSeen  *time.Time `json:"last_seen"`
	}
	for i := range doc.Sprawl {
		if doc.Sprawl[i].RuleID == "acme-token" {
			token = &doc.Sprawl[i]
		}
	}
	if token == nil || len(token.Places) != 3 || token.FirstSeen == nil || token.FirstSeen.Year() != 2024 {
		t.Errorf("sprawl of the token: %+v", token)
	}
}

func TestUnknownFormat(t *testing.T) {
	err := sample().Write(&bytes.Buffer{}, "yaml", Options{})
	if err == nil || !strings.Contains(err.Error(), `"yaml"`) {
		t.Errorf("err = %v", err)
	}
}

func TestSize(t *testing.T) {
	for n, want := range map[int64]string{0: "0 B", 1023: "1023 B", 1024: "1.0 KiB", 1536: "1.5 KiB", 10 << 20: "10.0 MiB", 3 << 30: "3.0 GiB"} {
		if got := size(n); got != want {
			t.Errorf("size(%d) = %q, want %q", n, got, want)
		}
	}
}
