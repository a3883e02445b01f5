package fake_test

import (
	"encoding/pem"
	"regexp"
	"strings"
	"testing"

	"github.com/leakstop/leakstop/rules"
	"github.com/leakstop/leakstop/rules/fake"
)

// builtRules are rules whose secrets the builders make, one per validator
// and, for private keys, one per PEM label.
var builtRules = []struct {
	id, validator, regex string
	prefix               string // how the fake must start
}{
	{"pkcs8", "private-key", `-----BEGIN PRIVATE KEY-----[\s\S]*?-----END PRIVATE KEY-----`, "-----BEGIN PRIVATE KEY-----\n"},
	{"rsa", "private-key", `-----BEGIN RSA PRIVATE KEY-----[\s\S]*?-----END RSA PRIVATE KEY-----`, "-----BEGIN RSA PRIVATE KEY-----\n"},
	{"ec", "private-key", `-----BEGIN EC PRIVATE KEY-----[\s\S]*?-----END EC PRIVATE KEY-----`, "-----BEGIN EC PRIVATE KEY-----\n"},
	{"dsa", "private-key", `-----BEGIN DSA PRIVATE KEY-----[\s\S]*?-----END DSA PRIVATE KEY-----`, "-----BEGIN DSA PRIVATE KEY-----\n"},
	{"encrypted", "private-key", `-----BEGIN ENCRYPTED PRIVATE KEY-----[\s\S]*?-----END ENCRYPTED PRIVATE KEY-----`, "-----BEGIN ENCRYPTED PRIVATE KEY-----\n"},
	{"openssh", "private-key", `-----BEGIN OPENSSH PRIVATE KEY-----[\s\S]*?-----END OPENSSH PRIVATE KEY-----`, "-----BEGIN OPENSSH PRIVATE KEY-----\n"},
	{"by-id-pem-rsa-private-key", "private-key", `-----BEGIN\s+RSA\s+PRIVATE\s+KEY-----[\s\S]*?-----END\s+RSA\s+PRIVATE\s+KEY-----`, "-----BEGIN RSA PRIVATE KEY-----\n"},
	{"putty", "putty-key", `PuTTY-User-Key-File-\d+:[\s\S]*?Private-MAC: [0-9a-f]+`, "PuTTY-User-Key-File-3: ssh-ed25519\n"},
	{"pgp", "pgp-private-key", `-----BEGIN PGP PRIVATE KEY BLOCK-----[\s\S]*?-----END PGP PRIVATE KEY BLOCK-----`, "-----BEGIN PGP PRIVATE KEY BLOCK-----\n"},
	{"age", "age-secret-key", `AGE-SECRET-KEY-1[02-9AC-HJ-NP-Z]{58}`, "AGE-SECRET-KEY-1"},
	{"basic-auth", "basic-auth", `[A-Za-z0-9+/]{8,}={0,2}`, ""},
	{"jwt", "jwt", `eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}`, "eyJ"},
}

func TestBuildersMakeWhatValidatorsConfirm(t *testing.T) {
	for _, c := range builtRules {
		t.Run(c.id, func(t *testing.T) {
			r := &rules.Rule{ID: c.id, Validator: c.validator, Pattern: `(?P<secret>` + c.regex + `)`}
			s, err := fake.New(11).Secret(r)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(s, c.prefix) {
				t.Fatalf("fake starts %q, want %q", s[:min(len(s), 40)], c.prefix)
			}
			if !regexp.MustCompile(`^(?:` + c.regex + `)$`).MatchString(s) {
				t.Errorf("the rule's regex does not match the whole fake:\n%s", s)
			}
			v, _ := rules.LookupValidator(c.validator)
			want := rules.Confirmed
			if c.validator == "basic-auth" {
				want = rules.Unchecked // credentials are never confirmed offline
			}
			if res := v([]byte(s)); res.Verdict != want {
				t.Errorf("validator %s says %+v of\n%s", c.validator, res, s)
			}
			again, _ := fake.New(11).Secret(r)
			if again != s {
				t.Error("the same seed gave a different secret")
			}
			other, _ := fake.New(12).Secret(r)
			if other == s {
				t.Error("another seed gave the same secret")
			}
			if strings.HasPrefix(s, "-----BEGIN") && !strings.HasPrefix(s, "-----BEGIN PGP") {
				if p, rest := pem.Decode([]byte(s)); p == nil || len(rest) != 0 {
					t.Error("fake is not exactly one PEM block")
				}
			}
		})
	}
}
