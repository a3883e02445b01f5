package rules

import (
	"regexp"
	"testing"
)

// FuzzValidators runs every offline validator on arbitrary candidate
// secrets, seeded with the secrets of the catalog's examples (valid
// checksums, keys in every armour): a validator never panics, answers
// with a known verdict, and says how it confirmed.
func FuzzValidators(f *testing.F) {
	set, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	for _, r := range set.Rules {
		if r.Validator == "" {
			continue
		}
		for _, ex := range r.Examples {
			if ex.Secret != "" {
				f.Add([]byte(ex.Secret))
			} else {
				f.Add(secretOf(r.Regexp(), r.SecretGroup(), ex.Text))
			}
		}
	}
	f.Add([]byte("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n"))
	f.Add([]byte("eyJhbGciOiJub25lIn0.eyJ9.x"))
	names := ValidatorNames()
	f.Fuzz(func(t *testing.T, secret []byte) {
		for _, name := range names {
			v, _ := LookupValidator(name)
			res := v(secret)
			switch res.Verdict {
			case Unchecked, Rejected:
			case Confirmed:
				if res.By == "" {
					t.Fatalf("%s confirmed %q without saying how", name, secret)
				}
			default:
				t.Fatalf("%s: verdict %d", name, res.Verdict)
			}
		}
	})
}

// secretOf is the secret group of the first match of re in text, or the
// whole text.
func secretOf(re *regexp.Regexp, group int, text string) []byte {
	m := re.FindStringSubmatch(text)
	if m == nil || group <= 0 || group >= len(m) {
		return []byte(text)
	}
	return []byte(m[group])
}
