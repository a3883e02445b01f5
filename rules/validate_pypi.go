package rules

import (
	"bytes"
	"encoding/base64"
)

// pypiValidators confirm PyPI API tokens by the macaroon inside them.
func pypiValidators() map[string]Validator {
	return map[string]Validator{
		"pypi-macaroon": validatePyPIMacaroon,
	}
}

// PyPI (Warehouse) mints an API token as "pypi-" followed by a macaroon in
// libmacaroons' binary format version 2, base64url without padding
// (pymacaroons' serializer). The binary format is a version byte (2) then
// packets of <field type varint> <length varint> <bytes>, EOS being a
// single zero byte:
//
//	version [location] identifier EOS { [location] identifier [vid] EOS } EOS signature
//
// Warehouse always sets the location, to the index that issued the token.
const (
	macaroonV2        = 2
	macaroonEOS       = 0
	macaroonLocation  = 1
	macaroonID        = 2
	macaroonVID       = 4
	macaroonSignature = 6
	macaroonSigLen    = 32
)

// pypiLocations are the indexes whose tokens the rule is about.
var pypiLocations = [][]byte{[]byte("pypi.org"), []byte("test.pypi.org")}

// validatePyPIMacaroon takes a whole token ("pypi-" and the macaroon). It
// rejects text that is not base64url, not a version 2 macaroon, or a
// macaroon of another location; it confirms a macaroon that parses to its
// 32-byte signature and ends there. A token whose PyPI header holds but
// whose body does not parse (a copy cut short or altered) stays a
// candidate: the header alone is not random text.
func validatePyPIMacaroon(token []byte) Result {
	body, ok := bytes.CutPrefix(token, []byte("pypi-"))
	if !ok {
		return rejected
	}
	raw, ok := decodeBase64URL(body)
	if !ok || len(raw) < 2 || raw[0] != macaroonV2 {
		return rejected
	}
	p := macaroonParser{data: raw[1:]}
	typ, loc, ok := p.packet()
	if !ok || typ != macaroonLocation || !isPyPILocation(loc) {
		return rejected
	}
	if !p.rest() {
		return Result{}
	}
	return confirmed(ByStructure)
}

func isPyPILocation(loc []byte) bool {
	for _, l := range pypiLocations {
		if bytes.Equal(loc, l) {
			return true
		}
	}
	return false
}

// decodeBase64URL decodes base64url with or without padding; pymacaroons
// also reads the standard alphabet, so a token re-encoded with it decodes.
// A last lone character, which no encoder writes, is dropped: the copy was
// cut short, and what precedes it still shows whose token it is.
func decodeBase64URL(s []byte) ([]byte, bool) {
	s = bytes.TrimRight(s, "=")
	if len(s)%4 == 1 {
		s = s[:len(s)-1]
	}
	enc := base64.RawURLEncoding
	if bytes.ContainsAny(s, "+/") {
		enc = base64.RawStdEncoding
	}
	out := make([]byte, enc.DecodedLen(len(s)))
	n, err := enc.Decode(out, s)
	return out[:n], err == nil
}

// macaroonParser reads the packets of a binary version 2 macaroon.
type macaroonParser struct {
	data []byte
}

// rest parses what follows the macaroon's location: the identifier and
// EOS, the caveats, the closing EOS and the signature, with nothing after.
func (p *macaroonParser) rest() bool {
	if typ, id, ok := p.packet(); !ok || typ != macaroonID || len(id) == 0 {
		return false
	}
	if !p.eos() {
		return false
	}
	for {
		if p.eos() {
			break // the empty section closing the caveats
		}
		if !p.caveat() {
			return false
		}
	}
	typ, sig, ok := p.packet()
	return ok && typ == macaroonSignature && len(sig) == macaroonSigLen && len(p.data) == 0
}

// caveat parses one caveat section: an optional location, an identifier,
// an optional verification id (third-party caveats), then EOS.
func (p *macaroonParser) caveat() bool {
	typ, _, ok := p.packet()
	if ok && typ == macaroonLocation {
		typ, _, ok = p.packet()
	}
	if !ok || typ != macaroonID {
		return false
	}
	if p.eos() {
		return true
	}
	typ, _, ok = p.packet()
	return ok && typ == macaroonVID && p.eos()
}

// eos consumes an end-of-section byte if one is next.
func (p *macaroonParser) eos() bool {
	if len(p.data) > 0 && p.data[0] == macaroonEOS {
		p.data = p.data[1:]
		return true
	}
	return false
}

// packet reads a field type, a length and that many bytes; EOS is not a
// packet.
func (p *macaroonParser) packet() (typ uint64, field []byte, ok bool) {
	typ, ok = p.uvarint()
	if !ok || typ == macaroonEOS {
		return 0, nil, false
	}
	n, ok := p.uvarint()
	if !ok || n > uint64(len(p.data)) {
		return 0, nil, false
	}
	field, p.data = p.data[:n], p.data[n:]
	return typ, field, true
}

// uvarint reads a protobuf-style unsigned varint, at most 9 bytes long.
func (p *macaroonParser) uvarint() (uint64, bool) {
	var v uint64
	for i := 0; i < len(p.data) && i < 9; i++ {
		b := p.data[i]
		v |= uint64(b&0x7f) << (7 * i)
		if b < 0x80 {
			p.data = p.data[i+1:]
			return v, true
		}
	}
	return 0, false
}
