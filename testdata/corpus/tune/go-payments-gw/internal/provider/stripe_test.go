package provider

import (
	"strings"
	"testing"
)

// Fixtures: none of these are real keys. The scrubber must hide them in logs
// without us having to keep real-looking tokens around.
var redactCases = []struct {
	name, in, want string
}{
	{"secret key", "key=sk_test_XXXXXXXXXXXXXXXXXXXXXXXX", "key=sk_test_***"},
	{"restricted", "rk_live_<redacted>", "rk_live_***"},
	{"webhook", "whsec=whsec_test_secret", "whsec=***"},
	{"publishable", "pk_test_TYooMQauvdEDq54NiTphI7jx", "pk_test_TYooMQauvdEDq54NiTphI7jx"},
	{"idempotency", "Idempotency-Key: 20b5f740-c25e-4d75-92b1-3ff3538ce4a3", "Idempotency-Key: ***"},
}

func TestRedact(t *testing.T) {
	for _, tc := range redactCases {
		t.Run(tc.name, func(t *testing.T) {
			if got := Redact(tc.in); !strings.HasPrefix(got, tc.want[:4]) {
				t.Errorf("Redact(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestSignature(t *testing.T) {
	// From Stripe's docs on verifying signatures (test secret, not ours).
	const header = "t=1492774577,v1=c26763a3734dff75d7519924fbc58a6d2a73b0c0789178976e31b7cbf11514f4"
	if _, err := ParseSignatureHeader(header); err != nil {
		t.Fatal(err)
	}
}
