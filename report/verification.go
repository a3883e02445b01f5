package report

import (
	"fmt"
	"strings"

	"github.com/leakstop/leakstop/detect"
)

// VerificationCounts tallies the findings a live check answered for
// (--verify), by result.
type VerificationCounts struct {
	Verified int `json:"verified"`
	Invalid  int `json:"invalid"`
	Unknown  int `json:"unknown"`
}

// verificationCounts counts r's findings by verification result; nil when
// none was verified (the run had no --verify, or nothing to check).
func (r *Report) verificationCounts() *VerificationCounts {
	var c VerificationCounts
	n := 0
	for i := range r.Findings {
		v := r.Findings[i].Verification
		if v == nil {
			continue
		}
		n++
		switch v.Result {
		case detect.VerifyVerified:
			c.Verified++
		case detect.VerifyInvalid:
			c.Invalid++
		default:
			c.Unknown++
		}
	}
	if n == 0 {
		return nil
	}
	return &c
}

// String is the text summary's part: "verified 1, invalid 0, unknown 2".
func (c *VerificationCounts) String() string {
	return fmt.Sprintf("verified %d, invalid %d, unknown %d", c.Verified, c.Invalid, c.Unknown)
}

// verificationText is a finding's verification for people: the result,
// who the credential acts as and its scopes, or why the result is what it
// is.
func verificationText(v *detect.Verification) string {
	var b strings.Builder
	b.WriteString(string(v.Result))
	if v.Verifier != "" {
		b.WriteString(" by " + v.Verifier)
	}
	var notes []string
	if v.Account != "" {
		notes = append(notes, "as "+v.Account)
	}
	if len(v.Scopes) > 0 {
		notes = append(notes, "scopes "+strings.Join(v.Scopes, ", "))
	}
	if v.Reason != "" {
		notes = append(notes, v.Reason)
	}
	if len(notes) > 0 {
		b.WriteString(": " + strings.Join(notes, "; "))
	}
	return b.String()
}

// sarifVerification is a finding's verification as a SARIF property bag.
func sarifVerification(v *detect.Verification) map[string]any {
	p := map[string]any{"result": string(v.Result)}
	for k, s := range map[string]string{"reason": v.Reason, "verifier": v.Verifier, "account": v.Account} {
		if s != "" {
			p[k] = s
		}
	}
	if len(v.Scopes) > 0 {
		p["scopes"] = v.Scopes
	}
	return p
}
