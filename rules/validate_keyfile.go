package rules

// Key files with a checksum or MAC of their own: PuTTY, PGP armor, age.

import (
	"crypto/hmac"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"strconv"
	"strings"
)

// validatePuTTYKey checks a PPK file (versions 2 and 3): the header, the
// declared numbers of base64 lines of the public and private blobs, and a
// Private-MAC. For an unencrypted key the MAC is checked too.
func validatePuTTYKey(secret []byte) Result {
	lines := logicalLines(secret)
	for len(lines) > 0 && !strings.HasPrefix(lines[0], "PuTTY-User-Key-File-") {
		lines = lines[1:]
	}
	if len(lines) == 0 {
		return rejected
	}
	head, alg, _ := strings.Cut(strings.TrimPrefix(lines[0], "PuTTY-User-Key-File-"), ":")
	version, err := strconv.Atoi(head)
	if err != nil || (version != 2 && version != 3) {
		return Result{}
	}
	fields := map[string]string{}
	var public, private []byte
	for i := 1; i < len(lines); i++ {
		name, value, ok := strings.Cut(lines[i], ":")
		if !ok {
			return rejected // a base64 line beyond the declared count
		}
		value = strings.TrimSpace(value)
		fields[name] = value
		if name != "Public-Lines" && name != "Private-Lines" {
			continue
		}
		n, err := strconv.Atoi(value)
		if err != nil || n <= 0 || n > 256 || i+n >= len(lines) {
			return rejected
		}
		blob, ok := decodeLines(lines[i+1 : i+1+n])
		if !ok {
			return rejected
		}
		if name == "Public-Lines" {
			public = blob
		} else {
			private = blob
		}
		i += n
	}
	mac, err := hex.DecodeString(fields["Private-MAC"])
	if public == nil || private == nil || err != nil || (len(mac) != 20 && len(mac) != 32) {
		return rejected
	}
	enc := fields["Encryption"]
	if enc == "none" && hmac.Equal(mac, PuTTYMAC(version, strings.TrimSpace(alg), enc, fields["Comment"], public, private)) {
		return confirmed(ByChecksum)
	}
	return confirmed(ByStructure)
}

// PuTTYMAC is the Private-MAC of an unencrypted PPK file of version 2
// (HMAC-SHA-1 keyed by SHA-1 of a fixed string) or 3 (HMAC-SHA-256 with an
// empty key), over the algorithm, encryption, comment and both blobs.
func PuTTYMAC(version int, alg, encryption, comment string, public, private []byte) []byte {
	var data []byte
	for _, f := range [][]byte{[]byte(alg), []byte(encryption), []byte(comment), public, private} {
		data = binary.BigEndian.AppendUint32(data, uint32(len(f)))
		data = append(data, f...)
	}
	var m = hmac.New(sha256.New, nil)
	if version == 2 {
		k := sha1.Sum([]byte("putty-private-key-file-mac-key"))
		m = hmac.New(sha1.New, k[:])
	}
	m.Write(data)
	return m.Sum(nil)
}

func decodeLines(lines []string) ([]byte, bool) {
	b, err := base64.StdEncoding.DecodeString(strings.Join(lines, ""))
	return b, err == nil && len(b) > 0
}

// validatePGPPrivateKey checks an ASCII-armored OpenPGP private key: the
// CRC24 line, when present, over the decoded packets (RFC 4880 6.1);
// without it, a first packet tagged secret key or secret subkey.
func validatePGPPrivateKey(secret []byte) Result {
	a, ok := parseArmor(secret)
	if !ok || a.label != "PGP PRIVATE KEY BLOCK" {
		return rejected
	}
	if a.crc != "" {
		c, err := base64.StdEncoding.DecodeString(a.crc)
		if err != nil || len(c) != 3 || CRC24(a.body) != uint32(c[0])<<16|uint32(c[1])<<8|uint32(c[2]) {
			return rejected
		}
		return confirmed(ByChecksum)
	}
	first := a.body[0]
	tag := -1
	switch {
	case first&0xc0 == 0xc0: // new packet format
		tag = int(first & 0x3f)
	case first&0x80 != 0: // old packet format
		tag = int(first>>2) & 0x0f
	}
	return verdict(tag == 5 || tag == 7)
}

// CRC24 is the OpenPGP armor checksum (RFC 4880 section 6.1).
func CRC24(data []byte) uint32 {
	crc := uint32(0xB704CE)
	for _, b := range data {
		crc ^= uint32(b) << 16
		for i := 0; i < 8; i++ {
			crc <<= 1
			if crc&0x1000000 != 0 {
				crc ^= 0x1864CFB
			}
		}
	}
	return crc & 0xFFFFFF
}

// validateAgeSecretKey checks the bech32 checksum (BIP-173) of an age
// X25519 or post-quantum identity and that it holds 32 bytes.
func validateAgeSecretKey(secret []byte) Result {
	s := string(secret)
	lower := strings.ToLower(s)
	if s != lower && s != strings.ToUpper(s) {
		return rejected // bech32 forbids mixed case
	}
	sep := strings.LastIndexByte(lower, '1')
	if sep < 0 {
		return rejected
	}
	hrp := lower[:sep]
	if hrp != "age-secret-key-" && hrp != "age-secret-key-pq-" {
		return rejected
	}
	data, ok := bech32Decode(hrp, lower[sep+1:])
	if !ok || len(data) != 32 {
		return rejected
	}
	return confirmed(ByChecksum)
}

const bech32Charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"

func bech32Polymod(values []byte) uint32 {
	gen := [5]uint32{0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3}
	chk := uint32(1)
	for _, v := range values {
		top := chk >> 25
		chk = (chk&0x1ffffff)<<5 ^ uint32(v)
		for i := 0; i < 5; i++ {
			if (top>>i)&1 == 1 {
				chk ^= gen[i]
			}
		}
	}
	return chk
}

func bech32Expand(hrp string) []byte {
	out := make([]byte, 0, 2*len(hrp)+1)
	for i := 0; i < len(hrp); i++ {
		out = append(out, hrp[i]>>5)
	}
	out = append(out, 0)
	for i := 0; i < len(hrp); i++ {
		out = append(out, hrp[i]&31)
	}
	return out
}

// Bech32 encodes data with a human-readable part (BIP-173), in lower case.
func Bech32(hrp string, data []byte) string {
	var values []byte
	acc, bits := 0, 0
	for _, b := range data {
		acc, bits = (acc<<8|int(b))&0x1fff, bits+8
		for ; bits >= 5; bits -= 5 {
			values = append(values, byte(acc>>(bits-5))&31)
		}
	}
	if bits > 0 {
		values = append(values, byte(acc<<(5-bits))&31)
	}
	mod := bech32Polymod(append(append(bech32Expand(hrp), values...), 0, 0, 0, 0, 0, 0)) ^ 1
	for i := 0; i < 6; i++ {
		values = append(values, byte(mod>>(5*(5-i)))&31)
	}
	var b strings.Builder
	b.WriteString(hrp)
	b.WriteByte('1')
	for _, v := range values {
		b.WriteByte(bech32Charset[v])
	}
	return b.String()
}

// bech32Decode verifies the checksum of the lower-case data part and
// returns its payload as bytes.
func bech32Decode(hrp, part string) ([]byte, bool) {
	if len(part) < 6 {
		return nil, false
	}
	values := bech32Expand(hrp)
	for i := 0; i < len(part); i++ {
		v := strings.IndexByte(bech32Charset, part[i])
		if v < 0 {
			return nil, false
		}
		values = append(values, byte(v))
	}
	if bech32Polymod(values) != 1 {
		return nil, false
	}
	var out []byte
	acc, bits := 0, 0
	for _, v := range values[len(values)-len(part) : len(values)-6] {
		acc, bits = (acc<<5|int(v))&0x1fff, bits+5
		if bits >= 8 {
			bits -= 8
			out = append(out, byte(acc>>bits))
		}
	}
	if bits >= 5 || acc&(1<<bits-1) != 0 {
		return nil, false // padding longer than 4 bits, or not zero
	}
	return out, true
}
