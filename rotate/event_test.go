package rotate

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/leakstop/leakstop/detect"
	"github.com/leakstop/leakstop/rules"
	"github.com/leakstop/leakstop/source"
)

// finding builds a finding of secret at path:line with status.
func finding(ruleID, secret, path string, line int, status detect.Status) detect.Finding {
	s := detect.NewSecret([]byte(secret))
	sum := sha256Hex(secret)
	f := detect.Finding{
		RuleID: ruleID, Provider: "GitHub", Severity: rules.SeverityHigh, Status: status,
		Path: path, Line: line, Column: 5, EndLine: line, Lines: []int{line},
		Preview: s.String(), SecretSHA256: sum, Fingerprint: detect.Fingerprint(ruleID, path, sum),
		Source: source.Origin{Kind: source.KindFile, Path: path}, Secret: s,
	}
	if status == detect.StatusConfirmed {
		f.ConfirmedBy = "checksum"
	}
	return f
}

var eventTime = time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)

func decodeBody(t *testing.T, b []byte) Body {
	t.Helper()
	var body Body
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&body); err != nil {
		t.Fatalf("body %s: %v", b, err)
	}
	return body
}

func TestEventsOnePerConfirmedSecret(t *testing.T) {
	const tokA, tokB, tokC = "ghp_fakeAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "ghp_fakeBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB", "fake-candidate-CCCCCCCC"
	fs := []detect.Finding{
		finding("github-pat", tokA, "deploy/prod.env", 3, detect.StatusConfirmed),
		finding("github-pat", tokB, "ci.yml", 9, detect.StatusVerified),
		finding("generic-token", tokC, "notes.txt", 1, detect.StatusCandidate),
		finding("github-pat", tokA, "docs/setup.md", 40, detect.StatusConfirmed),
		finding("github-pat", tokA, "deploy/prod.env", 3, detect.StatusConfirmed), // the same place seen twice (two roots)
	}
	o := EventOptions{Now: eventTime, Tool: Tool{Name: "leakstop", Version: "test"}}
	t.Run("confirmed and verified only", func(t *testing.T) {
		evs, err := Events(fs, o)
		if err != nil {
			t.Fatal(err)
		}
		if len(evs) != 2 {
			t.Fatalf("%d events, want 2 (one per confirmed secret)", len(evs))
		}
		var a, b Body
		for _, ev := range evs {
			body := decodeBody(t, ev.Body)
			switch body.Data.SecretSHA256 {
			case sha256Hex(tokA):
				a = body
			case sha256Hex(tokB):
				b = body
			}
			if strings.Contains(string(ev.Body), "fakeAAAA") || strings.Contains(string(ev.Body), "fakeBBBB") {
				t.Errorf("the body holds the plaintext secret: %s", ev.Body)
			}
			if !strings.HasPrefix(ev.ID, "evt_") || len(ev.ID) != 36 || strings.Contains(ev.ID, ".") {
				t.Errorf("webhook-id %q", ev.ID)
			}
		}
		if a.Schema != Schema || a.Type != EventType || !a.Timestamp.Equal(eventTime) || a.Data.Tool.Name != "leakstop" {
			t.Errorf("envelope: %+v", a)
		}
		d := a.Data
		if d.RuleID != "github-pat" || d.Provider != "GitHub" || d.Severity != "high" || d.Status != "confirmed" ||
			d.ConfirmedBy != "checksum" || d.Preview == "" || strings.Contains(d.Preview, "AAAAAAAAAAAA") {
			t.Errorf("data: %+v", d)
		}
		var paths []string
		for _, l := range d.Locations {
			paths = append(paths, l.Path)
			if l.Fingerprint == "" || len(l.Lines) == 0 || l.Kind != "file" {
				t.Errorf("location %+v", l)
			}
		}
		if want := []string{"deploy/prod.env", "deploy/prod.env", "docs/setup.md"}; !slices.Equal(paths, want) {
			t.Errorf("locations %v, want %v", paths, want)
		}
		if b.Data.Status != "verified" || len(b.Data.Locations) != 1 {
			t.Errorf("the verified secret: %+v", b.Data)
		}
	})
	t.Run("--rotate-all adds candidates", func(t *testing.T) {
		all := o
		all.All = true
		evs, err := Events(fs, all)
		if err != nil || len(evs) != 3 {
			t.Fatalf("%d events, %v; want 3", len(evs), err)
		}
	})
	t.Run("--rotate-include-secret: only the run's own attempts", func(t *testing.T) {
		inc := o
		inc.IncludeSecret = true
		evs, err := Events(fs[:1], inc)
		if err != nil || len(evs) != 1 {
			t.Fatal(len(evs), err)
		}
		if strings.Contains(string(evs[0].Body), tokA) {
			t.Error("the spooled body holds the secret")
		}
		if body := decodeBody(t, evs[0].payload()); body.Data.Secret != tokA {
			t.Errorf("the sent body's secret is %q", body.Data.Secret)
		}
	})
}

// The webhook-id is the same for the same secret in the same places
// whatever the run, the lines, the commits or the order; a new place
// changes it.
func TestEventIDIdentity(t *testing.T) {
	const tok = "ghp_fakeIDIDIDIDIDIDIDIDIDIDIDIDIDIDIDID"
	id := func(fs ...detect.Finding) string {
		t.Helper()
		evs, err := Events(fs, EventOptions{Now: time.Now()})
		if err != nil || len(evs) != 1 {
			t.Fatalf("%d events, %v", len(evs), err)
		}
		return evs[0].ID
	}
	a := finding("github-pat", tok, "a.env", 1, detect.StatusConfirmed)
	b := finding("github-pat", tok, "b.env", 7, detect.StatusConfirmed)
	base := id(a, b)
	moved := a
	moved.Line, moved.Lines = 12, []int{12}
	moved.Source.Commit = "0123456789abcdef0123456789abcdef01234567"
	if got := id(b, moved); got != base {
		t.Errorf("an edit above the secret, a new commit or another order changed the id: %s, %s", got, base)
	}
	if got := id(a, b, finding("github-pat", tok, "c.env", 1, detect.StatusConfirmed)); got == base {
		t.Error("a new place kept the id")
	}
	if got := id(a); got == base {
		t.Error("fewer places kept the id")
	}
	other := a
	other.Source.Repo = "github.com/acme/other"
	if got := id(other, b); got == base {
		t.Error("the same path in another repository kept the id")
	}
}
