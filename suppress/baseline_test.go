package suppress

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/leakstop/leakstop/detect"
)

func TestBaselineRoundTrip(t *testing.T) {
	a := finding("new-token", "z/app.env", "fake-token-value-1", false)
	b := finding("new-token", "a/app.env", "fake-token-value-1", false)
	weak := finding("generic-password", "a/db.ini", "hunter2hunter2", true)
	again := a // the same secret at the same path, from another commit
	again.Source.Commit = "0123456789abcdef0123456789abcdef01234567"
	var buf bytes.Buffer
	if n, err := WriteBaseline(&buf, []detect.Finding{a, weak, b, again}); err != nil || n != 3 {
		t.Fatalf("wrote %d entries, %v; want 3", n, err)
	}
	out := buf.String()
	for _, s := range []string{"fake-token-value-1", "hunter2", `"line"`, "commit", "date"} {
		if strings.Contains(out, s) {
			t.Errorf("the baseline holds %q:\n%s", s, out)
		}
	}
	if !strings.HasPrefix(out, "{\n  \"version\": 1,\n") {
		t.Errorf("no version first:\n%s", out)
	}
	got, err := ParseBaseline("baseline.json", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	want := []Entry{ // sorted by path, then rule; one per fingerprint
		{Fingerprint: b.Fingerprint, RuleID: "new-token", SecretSHA256: b.SecretSHA256, Path: "a/app.env", At: "baseline.json:4", Line: 4},
		{Fingerprint: weak.Fingerprint, RuleID: "generic-password", Path: "a/db.ini", At: "baseline.json:10", Line: 10},
		{Fingerprint: a.Fingerprint, RuleID: "new-token", SecretSHA256: a.SecretSHA256, Path: "z/app.env", At: "baseline.json:15", Line: 15},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
	l := NewList(testRules(), got...)
	moved := finding("new-token", "elsewhere.env", "fake-token-value-1", false)
	for _, f := range []detect.Finding{a, b, weak, moved} {
		if !l.Accepts(&f) {
			t.Errorf("%s at %s not accepted", f.RuleID, f.Path)
		}
	}
	// The same findings in another order write the same bytes.
	var again2 bytes.Buffer
	if _, err := WriteBaseline(&again2, []detect.Finding{b, again, weak, a}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), again2.Bytes()) {
		t.Error("the baseline depends on the order of findings")
	}
}

func TestWriteBaselineEmpty(t *testing.T) {
	var buf bytes.Buffer
	if _, err := WriteBaseline(&buf, nil); err != nil {
		t.Fatal(err)
	}
	if buf.String() != "{\n  \"version\": 1,\n  \"findings\": []\n}\n" {
		t.Errorf("got %q", buf.String())
	}
	if got, err := ParseBaseline("b", buf.Bytes()); err != nil || len(got) != 0 {
		t.Errorf("%v, %v", got, err)
	}
}

func TestParseBaselineErrors(t *testing.T) {
	tests := []struct {
		name, data, want string
	}{
		{"not JSON", "{\n  \"version\": 1,\n  oops\n}", "b.json:3: not a baseline"},
		{"a list", "[]", "b.json:1: not a baseline: want \"{\""},
		{"empty", "", "b.json: not a baseline: the JSON ends early"},
		{"no version", `{"findings": []}`, `b.json: not a baseline: no "version"`},
		{"another version", `{"version": 2, "findings": []}`, "b.json: baseline version 2: this leakstop reads version 1"},
		{"no findings", `{"version": 1}`, `b.json: not a baseline: no "findings" list`},
		{"a bad fingerprint", "{\"version\": 1, \"findings\": [\n  {\"fingerprint\": \"" + fpA + "\"},\n  {\"fingerprint\": \"xyz\"}\n]}",
			"b.json:3: findings[1]: fingerprint: want 64 hex digits"},
		{"a bad hash", "{\"version\": 1, \"findings\": [\n  {\"rule_id\": \"a-b\", \"secret_sha256\": \"12\"}]}",
			"b.json:2: findings[0]: secret_sha256: want 64 hex digits"},
		{"nothing to match", "{\"version\": 1, \"findings\": [\n{\"rule_id\": \"a-b\", \"path\": \"x\"}]}",
			"b.json:2: findings[0]: want a fingerprint, or a rule_id and a secret_sha256"},
		{"a bad rule id", "{\"version\": 1, \"findings\": [{\"rule_id\": \"A B\", \"secret_sha256\": \"" + shaC + "\"}]}",
			"b.json:1: findings[0]: rule_id: want lower-case letters"},
		{"a wrong type", "{\"version\": 1, \"findings\": [\n{\"fingerprint\": 12}]}", "b.json:2: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseBaseline("b.json", []byte(tt.data))
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("err = %v, want it to start with %q", err, tt.want)
			}
			var errs Errors
			var e *Error
			if !errors.As(err, &errs) && !errors.As(err, &e) {
				t.Errorf("err is %T, want a positioned error", err)
			}
		})
	}
}

// Fields a later version of the format may add are ignored.
func TestParseBaselineUnknownFields(t *testing.T) {
	data := `{"version": 1, "tool": {"name": "leakstop"}, "findings": [{"fingerprint": "` + fpA + `", "note": "test key"}]}`
	got, err := ParseBaseline("b", []byte(data))
	if err != nil || len(got) != 1 || got[0].Fingerprint != fpA {
		t.Errorf("%+v, %v", got, err)
	}
}

func FuzzParseBaseline(f *testing.F) {
	var buf bytes.Buffer
	_, _ = WriteBaseline(&buf, []detect.Finding{finding("new-token", "a.env", "fake-token-value-1", false)})
	f.Add(buf.Bytes())
	f.Add([]byte(`{"version": 1, "findings": [{"fingerprint": "x"}]}`))
	f.Add([]byte(`{"version": 1, "findings": [1, 2]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		entries, err := ParseBaseline("b", data)
		if err != nil {
			return
		}
		for _, e := range entries {
			if e.Fingerprint == "" && (e.RuleID == "" || e.SecretSHA256 == "") {
				t.Fatalf("empty entry %+v", e)
			}
		}
	})
}
