package detect

// VerifyResult is what a live check against the provider said of a
// secret (--verify).
type VerifyResult string

// Results of a live check.
const (
	// VerifyVerified: the provider accepted the credential. The finding's
	// status becomes verified.
	VerifyVerified VerifyResult = "verified"
	// VerifyInvalid: the provider said the credential does not work. A
	// finding an offline validator had confirmed becomes revoked (it was
	// issued, and no longer works); a candidate stays a candidate, since
	// nothing shows it was ever a credential.
	VerifyInvalid VerifyResult = "invalid"
	// VerifyUnknown: no clear answer (rate limited, a server error, a
	// timeout, an unexpected body, or nothing to check it with); the
	// status is left as it was and Reason says why.
	VerifyUnknown VerifyResult = "unknown"
)

// Verification is the outcome of a live check of a finding's secret and
// what the provider revealed about it. It never holds the secret.
type Verification struct {
	Result VerifyResult `json:"result"`
	// Reason says why the result is what it is, in a few words.
	Reason string `json:"reason,omitempty"`
	// Verifier names the check that ran (github, aws, slack, …).
	Verifier string `json:"verifier,omitempty"`
	// Account is who the credential acts as (a login, an ARN, an email,
	// a workspace), when the provider says.
	Account string `json:"account,omitempty"`
	// Scopes are the credential's permissions, when the provider says.
	Scopes []string `json:"scopes,omitempty"`
}

// ApplyVerification records v on f and moves its status accordingly (see
// VerifyResult).
func (f *Finding) ApplyVerification(v Verification) {
	f.Verification = &v
	switch v.Result {
	case VerifyVerified:
		f.Status, f.ConfirmedBy = StatusVerified, "verifier"
	case VerifyInvalid:
		if f.Status == StatusConfirmed || f.Status == StatusVerified {
			f.Status = StatusRevoked
		}
	}
}
