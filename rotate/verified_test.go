package rotate

import (
	"testing"

	"github.com/leakstop/leakstop/detect"
)

// TestEventsFollowVerification: a secret a live check verified fires,
// even one no offline validator confirmed; one it found invalid does not,
// unless every secret is asked for (--rotate-all).
func TestEventsFollowVerification(t *testing.T) {
	const live, dead, deadCandidate = "ghp_fakeLIVELIVELIVELIVELIVELIVELIVELIVE", "ghp_fakeDEADDEADDEADDEADDEADDEADDEADDEAD", "fake-candidate-DEADDEAD"
	verified := finding("github-pat", live, "a.env", 1, detect.StatusCandidate)
	verified.ApplyVerification(detect.Verification{Result: detect.VerifyVerified, Verifier: "github"})
	revoked := finding("github-pat", dead, "b.env", 1, detect.StatusConfirmed)
	revoked.ApplyVerification(detect.Verification{Result: detect.VerifyInvalid, Verifier: "github"})
	invalidCandidate := finding("github-pat", deadCandidate, "c.env", 1, detect.StatusCandidate)
	invalidCandidate.ApplyVerification(detect.Verification{Result: detect.VerifyInvalid, Verifier: "github"})
	unknown := finding("github-pat", dead+"X", "d.env", 1, detect.StatusConfirmed)
	unknown.ApplyVerification(detect.Verification{Result: detect.VerifyUnknown, Reason: "rate limited (HTTP 429)"})
	fs := []detect.Finding{verified, revoked, invalidCandidate, unknown}

	for _, tc := range []struct {
		name string
		all  bool
		want []string // the events' hashes, by secret
	}{
		{"confirmed and verified", false, []string{sha256Hex(live), sha256Hex(dead + "X")}},
		{"all", true, []string{sha256Hex(live), sha256Hex(dead), sha256Hex(deadCandidate), sha256Hex(dead + "X")}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			evs, err := Events(fs, EventOptions{All: tc.all, Now: eventTime})
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]bool{}
			for _, ev := range evs {
				got[ev.Hash] = true
			}
			if len(got) != len(tc.want) {
				t.Errorf("%d events, want %d", len(got), len(tc.want))
			}
			for _, h := range tc.want {
				if !got[h] {
					t.Errorf("no event for %s…", h[:12])
				}
			}
		})
	}
	if revoked.Status != detect.StatusRevoked || invalidCandidate.Status != detect.StatusCandidate || verified.Status != detect.StatusVerified {
		t.Errorf("statuses %s, %s, %s", verified.Status, revoked.Status, invalidCandidate.Status)
	}
}
