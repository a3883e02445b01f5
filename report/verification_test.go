package report

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/leakstop/leakstop/detect"
)

// verifiedSample is sample() after a --verify run: the token verified,
// the key unknown, the password not checked.
func verifiedSample() *Report {
	r := sample()
	for i := range r.Findings {
		f := &r.Findings[i]
		switch f.RuleID {
		case "acme-token":
			f.ApplyVerification(detect.Verification{Result: detect.VerifyVerified, Verifier: "acme", Account: "ops@example.com", Scopes: []string{"read", "write"}})
		case "fake-private-key":
			f.ApplyVerification(detect.Verification{Result: detect.VerifyUnknown, Verifier: "acme", Reason: "rate limited (HTTP 429)"})
		}
	}
	return r
}

func TestVerificationInReports(t *testing.T) {
	r := verifiedSample()

	text := string(write(t, r, FormatText, Options{}))
	for _, want := range []string{
		"acme-token  high  verified by verifier",
		"  verify  verified by acme: as ops@example.com; scopes read, write\n",
		"  verify  unknown by acme: rate limited (HTTP 429)\n",
		"; verified 3, invalid 0, unknown 1",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("text report lacks %q:\n%s", want, text)
		}
	}

	var doc struct {
		Summary struct {
			Verification *VerificationCounts `json:"verification"`
		} `json:"summary"`
		Findings []struct {
			RuleID       string               `json:"rule_id"`
			Status       string               `json:"status"`
			Verification *detect.Verification `json:"verification"`
		} `json:"findings"`
	}
	data := write(t, r, FormatJSON, Options{})
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	if got := doc.Summary.Verification; got == nil || *got != (VerificationCounts{Verified: 3, Unknown: 1}) {
		t.Errorf("summary.verification %+v", got)
	}
	for _, f := range doc.Findings {
		switch f.RuleID {
		case "acme-token":
			if f.Status != "verified" || f.Verification == nil || f.Verification.Account != "ops@example.com" {
				t.Errorf("%s: status %s, verification %+v", f.RuleID, f.Status, f.Verification)
			}
		case "generic-password":
			if f.Verification != nil {
				t.Errorf("an unchecked finding has a verification: %+v", f.Verification)
			}
		}
	}
	// A merge reads the verification back.
	back, err := Read("verified.json", data)
	if err != nil {
		t.Fatal(err)
	}
	if got := back.verificationCounts(); got == nil || *got != (VerificationCounts{Verified: 3, Unknown: 1}) {
		t.Errorf("read back: %+v", got)
	}

	sarifData := write(t, r, FormatSARIF, Options{})
	validateSARIF(t, "verified.sarif", sarifData)
	if !strings.Contains(string(sarifData), `"verification": {`) || !strings.Contains(string(sarifData), `"account": "ops@example.com"`) {
		t.Errorf("SARIF lacks the verification property:\n%s", sarifData)
	}
}

func TestNoVerificationWithoutVerify(t *testing.T) {
	r := sample()
	if strings.Contains(string(write(t, r, FormatJSON, Options{})), `"verification"`) {
		t.Error("a run without --verify writes verification")
	}
	if strings.Contains(string(write(t, r, FormatText, Options{})), "verify") {
		t.Error("a run without --verify mentions verification")
	}
}
