package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/leakstop/leakstop/detect"
	"github.com/leakstop/leakstop/internal/sarifschema"
	"github.com/leakstop/leakstop/rules"
	"github.com/leakstop/leakstop/source"
)

// checkGolden compares got with testdata/NAME.golden, rewriting it with
// -update.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	golden := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./report -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output; got:\n%s", golden, got)
	}
}

func write(t *testing.T, r *Report, format string, opts Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := r.Write(&buf, format, opts); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// validateSARIF fails the test when data is not a valid SARIF 2.1.0 log.
func validateSARIF(t *testing.T, name string, data []byte) {
	t.Helper()
	if err := sarifschema.Validate(data); err != nil {
		t.Errorf("%s is not valid SARIF 2.1.0:\n%v", name, err)
	}
}

func TestSARIFGolden(t *testing.T) {
	empty := &Report{Tool: Tool{Name: "leakstop", Version: "test"}, Scanned: 3, Bytes: 900}
	tests := []struct {
		name string
		r    *Report
		opts Options
	}{
		{"empty.sarif", empty, Options{}},
		{"findings.sarif", sample(), Options{Category: "leakstop/pr/"}},
		{"findings_show.sarif", sample(), Options{ShowSecrets: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := write(t, tt.r, FormatSARIF, tt.opts)
			checkGolden(t, tt.name, got)
			validateSARIF(t, tt.name, got)
		})
	}
	// Every SARIF golden, including ones other tests write.
	goldens, err := filepath.Glob(filepath.Join("testdata", "*.sarif.golden"))
	if err != nil || len(goldens) < len(tests) {
		t.Fatalf("sarif goldens: %v, %v", goldens, err)
	}
	for _, g := range goldens {
		data, err := os.ReadFile(g)
		if err != nil {
			t.Fatal(err)
		}
		validateSARIF(t, g, data)
	}
}

// The schema test has teeth: a log that breaks it is refused.
func TestSARIFSchemaRejects(t *testing.T) {
	if sarifschema.Validate([]byte(`{"version":"2.1.0","runs":[{"tool":{"driver":{}},"results":[{"level":"fatal","message":{}}]}]}`)) == nil {
		t.Error("an invalid log passed the schema")
	}
}

type sarifDoc struct {
	Runs []struct {
		Tool struct {
			Driver struct {
				Name, Version  string
				InformationURI string `json:"informationUri"`
				Rules          []struct {
					ID               string
					Name             string
					ShortDescription struct{ Text string }
					Help             struct{ Text, Markdown string }
					Properties       map[string]any
				}
			}
		}
		AutomationDetails *struct{ ID string } `json:"automationDetails"`
		ColumnKind        string
		Invocations       []struct {
			ExecutionSuccessful        bool
			ToolExecutionNotifications []struct {
				Level   string
				Message struct{ Text string }
			}
		}
		Results []struct {
			RuleID    string
			RuleIndex int
			Level     string
			Message   struct{ Text string }
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct{ URI, URIBaseID string }
					Region           struct{ StartLine, StartColumn, EndLine, EndColumn int }
				}
			}
			RelatedLocations    []json.RawMessage
			PartialFingerprints map[string]string
			Properties          map[string]any
		}
		Properties map[string]any
	}
}

func decodeSARIF(t *testing.T, data []byte) sarifDoc {
	t.Helper()
	var doc sarifDoc
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Runs) != 1 {
		t.Fatalf("%d runs", len(doc.Runs))
	}
	return doc
}

// What GitHub code scanning reads: rules with unique ids and the
// properties it ranks alerts by, results pointing at the rules, and our
// fingerprint so it never hashes files itself.
func TestSARIFForCodeScanning(t *testing.T) {
	r := sample()
	doc := decodeSARIF(t, write(t, r, FormatSARIF, Options{Category: "leakstop/history/"}))
	run := doc.Runs[0]
	d := run.Tool.Driver
	if d.Name != "leakstop" || d.Version != "test" || d.InformationURI == "" {
		t.Errorf("driver: %+v", d)
	}
	if run.AutomationDetails == nil || run.AutomationDetails.ID != "leakstop/history/" {
		t.Errorf("automationDetails: %+v", run.AutomationDetails)
	}
	if run.ColumnKind != "unicodeCodePoints" {
		t.Errorf("columnKind %q", run.ColumnKind)
	}
	var ids []string
	for _, rule := range d.Rules {
		ids = append(ids, rule.ID)
		p := rule.Properties
		if _, ok := p["security-severity"].(string); !ok {
			t.Errorf("%s: security-severity %v is not a string", rule.ID, p["security-severity"])
		}
		tags := fmt.Sprint(p["tags"])
		if !strings.Contains(tags, "security") || !strings.Contains(tags, "secret") {
			t.Errorf("%s: tags %s", rule.ID, tags)
		}
		if rule.ShortDescription.Text == "" || rule.Help.Text == "" || rule.Help.Markdown == "" || rule.Name == "" || rule.Name == rule.ID {
			t.Errorf("%s: descriptions %+v", rule.ID, rule)
		}
	}
	if got := strings.Join(ids, " "); got != "acme-token fake-private-key generic-password" {
		t.Errorf("rules %s, want catalog order, each once", got)
	}
	want := map[string][2]string{ // security-severity, precision
		"acme-token": {"8.0", "high"}, "fake-private-key": {"9.5", "very-high"}, "generic-password": {"5.5", "high"},
	}
	for _, rule := range d.Rules {
		w := want[rule.ID]
		if rule.Properties["security-severity"] != w[0] || rule.Properties["precision"] != w[1] {
			t.Errorf("%s: security-severity %v precision %v, want %v", rule.ID, rule.Properties["security-severity"], rule.Properties["precision"], w)
		}
	}
	if len(run.Results) != len(r.Findings) {
		t.Fatalf("%d results for %d findings", len(run.Results), len(r.Findings))
	}
	fps := map[string]bool{}
	for _, f := range r.Findings {
		fps[f.Fingerprint] = true
	}
	for i, res := range run.Results {
		if d.Rules[res.RuleIndex].ID != res.RuleID {
			t.Errorf("result %d: ruleIndex %d is %s, not %s", i, res.RuleIndex, d.Rules[res.RuleIndex].ID, res.RuleID)
		}
		if len(res.Locations) != 1 || res.Locations[0].PhysicalLocation.ArtifactLocation.URIBaseID != "%SRCROOT%" {
			t.Errorf("result %d: locations %+v", i, res.Locations)
		}
		if !fps[res.PartialFingerprints["primaryLocationLineHash"]] {
			t.Errorf("result %d: partialFingerprints %v", i, res.PartialFingerprints)
		}
	}
	// app.env under services/api: the token at line 2, columns 12 to 41
	// inclusive, and a copy on line 5.
	first := run.Results[0]
	loc := first.Locations[0].PhysicalLocation
	if loc.ArtifactLocation.URI != "services/api/app.env" || loc.Region != (struct{ StartLine, StartColumn, EndLine, EndColumn int }{2, 12, 2, 42}) {
		t.Errorf("first location %+v", loc)
	}
	if first.Level != "error" || len(first.RelatedLocations) != 1 || !strings.Contains(first.Message.Text, "acme_l***") {
		t.Errorf("first result %+v", first)
	}
	var history, weak bool
	for _, res := range run.Results {
		switch res.Properties["path"] {
		case "old.env":
			history = res.Properties["commit"] == "0123456789abcdef0123456789abcdef01234567" && res.Properties["date"] == "2024-03-01T12:00:00Z"
		case "config/db.ini":
			weak = res.Level == "warning" && res.Properties["secret_sha256"] == nil
		}
	}
	if !history || !weak {
		t.Errorf("history result ok = %v, weak medium result ok = %v", history, weak)
	}
	inv := run.Invocations[0]
	if inv.ExecutionSuccessful || len(inv.ToolExecutionNotifications) != 3 || inv.ToolExecutionNotifications[0].Level != "error" {
		t.Errorf("invocation of a partial run: %+v", inv)
	}
	if strings.Contains(inv.ToolExecutionNotifications[0].Message.Text, "\x1b") {
		t.Errorf("control character in a notification: %q", inv.ToolExecutionNotifications[0].Message.Text)
	}
}

// Past the limit, the most severe findings stay and the run says it is cut.
func TestSARIFTruncated(t *testing.T) {
	r := sample()
	var buf bytes.Buffer
	if err := r.sorted().writeSARIF(&buf, Options{}, 2); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "truncated.sarif", buf.Bytes())
	validateSARIF(t, "truncated.sarif", buf.Bytes())
	run := decodeSARIF(t, buf.Bytes()).Runs[0]
	if len(run.Results) != 2 || run.Properties["truncated"] != true || run.Properties["findings"] != 5.0 || run.Properties["omitted_results"] != 3.0 {
		t.Fatalf("results %d, properties %v", len(run.Results), run.Properties)
	}
	// The critical key and the first high token, in report order.
	if run.Results[0].RuleID != "acme-token" || run.Results[1].RuleID != "fake-private-key" {
		t.Errorf("kept %s and %s, want the first high token and the critical key", run.Results[0].RuleID, run.Results[1].RuleID)
	}
	if len(run.Tool.Driver.Rules) != 2 {
		t.Errorf("%d rules for results of 2 rules", len(run.Tool.Driver.Rules))
	}
	var noted bool
	for _, n := range run.Invocations[0].ToolExecutionNotifications {
		noted = noted || n.Level == "warning" && strings.Contains(n.Message.Text, "Only 2 of 5")
	}
	if !noted {
		t.Errorf("no notification of the cut: %+v", run.Invocations[0].ToolExecutionNotifications)
	}
}

func TestSARIFPlaces(t *testing.T) {
	key := detect.NewSecret([]byte("not-a-real-value-but-long-enough"))
	base := detect.Finding{
		RuleID: "acme-token", Severity: rules.SeverityLow, Status: detect.StatusVerified, Secret: key,
		Preview: key.String(), Fingerprint: strings.Repeat("f", 64),
	}
	tests := []struct {
		name    string
		edit    func(f *detect.Finding)
		uri     string
		region  string
		related int
	}{
		{"space and percent", func(f *detect.Finding) {
			f.Path, f.Line, f.Column, f.EndLine, f.EndColumn = "my dir/50% off.env", 3, 1, 3, 32
			f.Source = source.Origin{Kind: source.KindFile, Path: f.Path, Root: "."}
		}, "my%20dir/50%25%20off.env", `{"startLine":3,"startColumn":1,"endLine":3,"endColumn":33}`, 0},
		{"colon in the first segment", func(f *detect.Finding) {
			f.Path, f.Line, f.Column, f.EndLine, f.EndColumn = "c:notes.txt", 1, 5, 2, 4
			f.Source = source.Origin{Kind: source.KindFile, Path: f.Path, Root: "."}
		}, "./c:notes.txt", `{"startLine":1,"startColumn":5,"endLine":2,"endColumn":5}`, 0},
		{"absolute root", func(f *detect.Finding) {
			f.Path, f.Line, f.Column, f.EndLine, f.EndColumn = "a.env", 1, 1, 1, 32
			f.Source = source.Origin{Kind: source.KindFile, Path: f.Path, Root: "/srv/checkout"}
		}, "a.env", `{"startLine":1,"startColumn":1,"endLine":1,"endColumn":33}`, 0},
		{"unreachable git object", func(f *detect.Finding) {
			f.Line, f.Column, f.EndLine, f.EndColumn = 4, 2, 4, 33
			f.Source = source.Origin{Kind: source.KindGitObject}
		}, "git-object", `null`, 0},
		{"many copies", func(f *detect.Finding) {
			f.Path, f.Line, f.Column, f.EndLine, f.EndColumn = "big.txt", 1, 1, 1, 32
			f.Source = source.Origin{Kind: source.KindFile, Path: f.Path, Root: "."}
			for l := 1; l <= 500; l++ {
				f.Lines = append(f.Lines, l)
			}
		}, "big.txt", `{"startLine":1,"startColumn":1,"endLine":1,"endColumn":33}`, maxRelated},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := base
			tt.edit(&f)
			data := write(t, &Report{Tool: Tool{Name: "leakstop"}, Findings: []detect.Finding{f}}, FormatSARIF, Options{})
			validateSARIF(t, tt.name, data)
			var doc struct {
				Runs []struct {
					Results []struct {
						Level     string
						Locations []struct {
							PhysicalLocation struct {
								ArtifactLocation struct{ URI string }
								Region           json.RawMessage
							}
						}
						RelatedLocations []json.RawMessage
					}
				}
			}
			if err := json.Unmarshal(data, &doc); err != nil {
				t.Fatal(err)
			}
			res := doc.Runs[0].Results[0]
			pl := res.Locations[0].PhysicalLocation
			region := "null"
			if pl.Region != nil {
				var compact bytes.Buffer
				if err := json.Compact(&compact, pl.Region); err != nil {
					t.Fatal(err)
				}
				region = compact.String()
			}
			if pl.ArtifactLocation.URI != tt.uri || region != tt.region || len(res.RelatedLocations) != tt.related || res.Level != "warning" {
				t.Errorf("uri %q region %s related %d level %s; want %q %s %d warning",
					pl.ArtifactLocation.URI, region, len(res.RelatedLocations), res.Level, tt.uri, tt.region, tt.related)
			}
		})
	}
}

func TestRuleName(t *testing.T) {
	for id, want := range map[string]string{"aws-access-key": "AwsAccessKey", "github_pat": "GithubPat", "x": "X", "slack.bot2": "SlackBot2"} {
		if got := ruleName(id); got != want {
			t.Errorf("ruleName(%q) = %q, want %q", id, got, want)
		}
	}
}

// Thousands of unreadable items do not bloat the log: the first are listed
// and a last notification counts the rest.
func TestSARIFNotificationsBounded(t *testing.T) {
	r := &Report{Tool: Tool{Name: "leakstop"}, Partial: true}
	for i := 0; i < maxNotifications+5; i++ {
		r.Errors = append(r.Errors, Problem{Path: fmt.Sprintf("f%05d", i), Error: "denied"})
	}
	inv := decodeSARIF(t, write(t, r, FormatSARIF, Options{})).Runs[0].Invocations[0]
	n := inv.ToolExecutionNotifications
	if len(n) != maxNotifications+1 || inv.ExecutionSuccessful || !strings.Contains(n[len(n)-1].Message.Text, "and 5 more") {
		t.Errorf("%d notifications, last %+v", len(n), n[len(n)-1])
	}
}
