package rules_test

import (
	"bytes"
	"encoding/base64"
	"strings"
	"testing"

	"github.com/leakstop/leakstop/rules"
)

// macaroon assembles a binary macaroon from raw parts, so each test case
// can break exactly one thing. Fields are type, length, data; EOS is 0.
type macaroon struct {
	version  byte
	location string
	id       string
	caveats  [][]byte // each a whole section, EOS included
	sig      []byte
	trailer  []byte
}

func field(typ byte, data string) []byte {
	return append([]byte{typ, byte(len(data))}, data...)
}

func (m macaroon) bytes() []byte {
	b := []byte{m.version}
	if m.location != "" {
		b = append(b, field(1, m.location)...)
	}
	b = append(b, field(2, m.id)...)
	b = append(b, 0)
	for _, c := range m.caveats {
		b = append(b, c...)
	}
	b = append(b, 0)
	if m.sig != nil {
		b = append(b, 6, byte(len(m.sig)))
		b = append(b, m.sig...)
	}
	return append(b, m.trailer...)
}

func (m macaroon) token() string {
	return "pypi-" + base64.RawURLEncoding.EncodeToString(m.bytes())
}

func goodMacaroon(location string) macaroon {
	firstParty := append(field(2, `{"version": 1, "permissions": "user"}`), 0)
	thirdParty := append(append(append(field(1, "https://auth.example"), field(2, "cav-id")...), field(4, "vid-bytes")...), 0)
	return macaroon{
		version:  2,
		location: location,
		id:       "5e3a7d9c-2b1f-4c8e-9a6d-0f4b3c2e1d7a",
		caveats:  [][]byte{firstParty, thirdParty},
		sig:      bytes.Repeat([]byte{0xa5}, 32),
	}
}

func TestPyPIMacaroon(t *testing.T) {
	good := goodMacaroon("pypi.org")
	with := func(f func(*macaroon)) string {
		m := goodMacaroon("pypi.org")
		f(&m)
		return m.token()
	}
	for _, c := range []struct {
		name, token string
		want        rules.Verdict
	}{
		{"pypi.org", good.token(), rules.Confirmed},
		{"test.pypi.org", goodMacaroon("test.pypi.org").token(), rules.Confirmed},
		{"no-caveats", with(func(m *macaroon) { m.caveats = nil }), rules.Confirmed},
		{"padded", good.token() + "==", rules.Confirmed},
		{"standard-alphabet", "pypi-" + base64.StdEncoding.EncodeToString(good.bytes()), rules.Confirmed},
		{"truncated", good.token()[:len(good.token())-10], rules.Unchecked},
		{"truncated-lone-char", good.token()[:len(good.token())-11], rules.Unchecked},
		{"truncated-in-location", good.token()[:12], rules.Rejected},
		{"header-then-noise", "pypi-AgEIcHlwaS5vcmc7Prj8zh9qt7hV_eygiPHZ5bGSfhhmrizFTki6pe8mm1lZnF", rules.Unchecked},
		{"short-signature", with(func(m *macaroon) { m.sig = m.sig[:31] }), rules.Unchecked},
		{"no-signature", with(func(m *macaroon) { m.sig = nil }), rules.Unchecked},
		{"trailing-bytes", with(func(m *macaroon) { m.trailer = []byte{1, 2, 3} }), rules.Unchecked},
		{"empty-identifier", with(func(m *macaroon) { m.id = "" }), rules.Unchecked},
		{"other-location", with(func(m *macaroon) { m.location = "pypi.example.com" }), rules.Rejected},
		{"no-location", with(func(m *macaroon) { m.location = "" }), rules.Rejected},
		{"version-1", with(func(m *macaroon) { m.version = 1 }), rules.Rejected},
		{"not-base64", "pypi-AgEIcHlwaS5vcmc!!!!", rules.Rejected},
		{"no-prefix", strings.TrimPrefix(good.token(), "pypi-"), rules.Rejected},
		{"placeholder", "pypi-" + strings.Repeat("x", 120), rules.Rejected},
		{"empty", "pypi-", rules.Rejected},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := validate(t, "pypi-macaroon", c.token)
			if got.Verdict != c.want {
				t.Errorf("got %+v, want verdict %d", got, c.want)
			}
			if c.want == rules.Confirmed && got.By != rules.ByStructure {
				t.Errorf("confirmed by %q, want %q", got.By, rules.ByStructure)
			}
		})
	}
}

// TestPyPIMacaroonHeader pins the base64 headers the catalog rule uses as
// keywords: the version byte and the location packet of each index.
func TestPyPIMacaroonHeader(t *testing.T) {
	for loc, header := range map[string]string{
		"pypi.org":      "pypi-AgEIcHlwaS5vcmc",
		"test.pypi.org": "pypi-AgENdGVzdC5weXBpLm9yZw",
	} {
		if tok := goodMacaroon(loc).token(); !strings.HasPrefix(tok, header) {
			t.Errorf("%s token starts %q, want %q", loc, tok[:len(header)], header)
		}
	}
}
