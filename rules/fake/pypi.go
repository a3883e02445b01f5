package fake

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"strings"

	"github.com/leakstop/leakstop/rules"
)

// pypiBuilders make PyPI API tokens: macaroons the pypi-macaroon validator
// confirms.
func pypiBuilders() map[string]builder {
	return map[string]builder{
		"pypi-macaroon": buildPyPIMacaroon,
	}
}

// buildPyPIMacaroon makes "pypi-" and a version 2 binary macaroon the way
// Warehouse does: the index as location, a UUID as identifier, a JSON
// caveat, and the HMAC-SHA256 signature chain over identifier and caveat.
// The location is test.pypi.org when the rule's regex names only that
// index's header, pypi.org otherwise.
func buildPyPIMacaroon(g *Gen, r *rules.Rule) (string, error) {
	location := "pypi.org"
	src := r.Pattern
	if strings.Contains(src, "AgENdGVzdC5weXBpLm9yZw") && !strings.Contains(src, "AgEIcHlwaS5vcmc") {
		location = "test.pypi.org"
	}
	u := g.Bytes(16)
	u[6] = u[6]&0x0f | 0x40 // version 4
	u[8] = u[8]&0x3f | 0x80 // RFC 4122 variant
	id := fmt.Sprintf("%x-%x-%x-%x-%x", u[0:4], u[4:6], u[6:8], u[8:10], u[10:16])
	caveat := fmt.Sprintf(`{"version": 1, "permissions": {"projects": ["%s"]}}`, g.String("abcdefghijklmnopqrstuvwxyz", 8))

	mac := hmac.New(sha256.New, []byte("macaroons-key-generator"))
	mac.Write(g.Bytes(32))
	sig := hmacSHA256(mac.Sum(nil), []byte(id))
	sig = hmacSHA256(sig, []byte(caveat))

	b := []byte{2}
	b = macaroonPacket(b, 1, []byte(location))
	b = macaroonPacket(b, 2, []byte(id))
	b = append(b, 0)
	b = macaroonPacket(b, 2, []byte(caveat))
	b = append(b, 0, 0)
	b = macaroonPacket(b, 6, sig)
	return "pypi-" + base64.RawURLEncoding.EncodeToString(b), nil
}

func hmacSHA256(key, msg []byte) []byte {
	m := hmac.New(sha256.New, key)
	m.Write(msg)
	return m.Sum(nil)
}

// macaroonPacket appends a field: type and length as varints, then data.
func macaroonPacket(b []byte, typ byte, data []byte) []byte {
	b = append(b, typ)
	n := len(data)
	for n >= 0x80 {
		b = append(b, byte(n)|0x80)
		n >>= 7
	}
	b = append(b, byte(n))
	return append(b, data...)
}
