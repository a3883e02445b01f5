package rules

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"encoding/pem"
	"errors"
	"math/big"
	"strconv"
	"strings"

	"golang.org/x/crypto/ssh"
)

// keyValidators confirm key material by parsing it: PEM (PKCS#1, PKCS#8,
// SEC1), OpenSSH, PuTTY, PGP armor (CRC24) and age (bech32).
func keyValidators() map[string]Validator {
	return map[string]Validator{
		"private-key":     validatePrivateKey,
		"putty-key":       validatePuTTYKey,
		"pgp-private-key": validatePGPPrivateKey,
		"age-secret-key":  validateAgeSecretKey,
	}
}

// KeyMaterial returns the decoded body of an armored key block (the DER of
// a PEM key, the binary OpenSSH key, the OpenPGP packets): the canonical
// bytes behind secret_sha256, the same whether the block was written with
// LF or CRLF, indented, quoted line by line in code, or with \n escapes
// inside a JSON or YAML string.
func KeyMaterial(secret []byte) ([]byte, bool) {
	a, ok := parseArmor(secret)
	if !ok {
		return nil, false
	}
	return a.body, true
}

// validatePrivateKey parses a PEM private key block: a body that decodes
// and parses is a key; a body that is there but does not parse (an
// elided "..." sample, a truncated copy) is not.
func validatePrivateKey(secret []byte) Result {
	a, ok := parseArmor(secret)
	if !ok {
		return rejected
	}
	if strings.Contains(a.header("Proc-Type"), "ENCRYPTED") {
		return verdict(legacyEncrypted(a))
	}
	der := a.body
	switch a.label {
	case "RSA PRIVATE KEY":
		if _, err := x509.ParsePKCS1PrivateKey(der); err == nil {
			return confirmed(ByStructure)
		}
		return verdict(rsaStructure(der))
	case "EC PRIVATE KEY":
		if _, err := x509.ParseECPrivateKey(der); err == nil {
			return confirmed(ByStructure)
		}
		return verdict(sec1Structure(der))
	case "DSA PRIVATE KEY":
		return verdict(dsaStructure(der))
	case "PRIVATE KEY":
		if _, err := x509.ParsePKCS8PrivateKey(der); err == nil {
			return confirmed(ByStructure)
		}
		return verdict(pkcs8Structure(der))
	case "ENCRYPTED PRIVATE KEY":
		var k struct {
			Algo pkix.AlgorithmIdentifier
			Data []byte
		}
		rest, err := asn1.Unmarshal(der, &k)
		return verdict(err == nil && len(rest) == 0 && len(k.Algo.Algorithm) >= 2 && len(k.Data) >= 16)
	case "OPENSSH PRIVATE KEY":
		return verdict(openSSHKey(der))
	}
	return Result{}
}

func verdict(ok bool) Result {
	if ok {
		return confirmed(ByStructure)
	}
	return rejected
}

// legacyEncrypted checks an OpenSSL-encrypted PKCS#1/SEC1/DSA block (RFC
// 1421 headers): a DEK-Info cipher and IV, and whole cipher blocks.
func legacyEncrypted(a armor) bool {
	cipher, iv, ok := strings.Cut(a.header("DEK-Info"), ",")
	ivb, err := hex.DecodeString(strings.TrimSpace(iv))
	return ok && cipher != "" && err == nil && (len(ivb) == 8 || len(ivb) == 16) &&
		len(a.body) >= 16 && len(a.body)%8 == 0
}

// rsaStructure accepts PKCS#1 keys crypto/x509 refuses (too small, multi
// prime) when their primes multiply to the modulus.
func rsaStructure(der []byte) bool {
	var k struct {
		Version                     int
		N, E, D, P, Q, Dp, Dq, Qinv *big.Int
		Others                      asn1.RawValue `asn1:"optional"`
	}
	rest, err := asn1.Unmarshal(der, &k)
	if err != nil || len(rest) != 0 || k.N == nil || k.P == nil || k.Q == nil ||
		k.N.BitLen() < 256 || k.P.Sign() <= 0 || k.Q.Sign() <= 0 {
		return false
	}
	pq := new(big.Int).Mul(k.P, k.Q)
	if k.Version == 0 {
		return pq.Cmp(k.N) == 0
	}
	return new(big.Int).Mod(k.N, pq).Sign() == 0
}

// sec1Structure accepts SEC1 keys on curves crypto/x509 does not know
// (secp256k1, brainpool): version 1 and a private scalar of curve size.
func sec1Structure(der []byte) bool {
	var k struct {
		Version    int
		PrivateKey []byte
		Params     asn1.RawValue `asn1:"optional,explicit,tag:0"`
		PublicKey  asn1.RawValue `asn1:"optional,explicit,tag:1"`
	}
	rest, err := asn1.Unmarshal(der, &k)
	return err == nil && len(rest) == 0 && k.Version == 1 &&
		len(k.PrivateKey) >= 16 && len(k.PrivateKey) <= 72 && !allZero(k.PrivateKey)
}

// dsaStructure parses OpenSSL's DSA key (version, p, q, g, y, x) and checks
// that the public value is g^x mod p.
func dsaStructure(der []byte) bool {
	var k struct {
		Version       int
		P, Q, G, Y, X *big.Int
	}
	rest, err := asn1.Unmarshal(der, &k)
	if err != nil || len(rest) != 0 || k.Version != 0 || k.P == nil || k.Q == nil ||
		k.G == nil || k.Y == nil || k.X == nil || k.P.BitLen() < 256 || k.P.BitLen() > 16384 ||
		k.X.Sign() <= 0 || k.X.Cmp(k.Q) >= 0 {
		return false
	}
	return new(big.Int).Exp(k.G, k.X, k.P).Cmp(k.Y) == 0
}

var (
	oidRSA = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 1, 1}
	oidEC  = asn1.ObjectIdentifier{1, 2, 840, 10045, 2, 1}
)

// pkcs8Structure accepts PKCS#8 keys of algorithms crypto/x509 does not
// parse; an RSA or EC key must still hold a well-formed inner key.
func pkcs8Structure(der []byte) bool {
	var k struct {
		Version    int
		Algo       pkix.AlgorithmIdentifier
		PrivateKey []byte
	}
	rest, err := asn1.Unmarshal(der, &k)
	if err != nil || len(rest) != 0 || k.Version > 1 || len(k.Algo.Algorithm) < 2 || len(k.PrivateKey) < 16 {
		return false
	}
	switch {
	case k.Algo.Algorithm.Equal(oidRSA):
		return rsaStructure(k.PrivateKey)
	case k.Algo.Algorithm.Equal(oidEC):
		return sec1Structure(k.PrivateKey)
	case k.Algo.Algorithm[0] == 1 && k.Algo.Algorithm[1] == 3 && len(k.Algo.Algorithm) == 3:
		return false // Ed25519/X25519 (1.3.101.x) that crypto/x509 refused
	}
	return true
}

// openSSHKey parses an openssh-key-v1 blob with x/crypto/ssh; key types it
// does not know (security keys) are checked by their envelope: for an
// unencrypted key the two check integers must match.
func openSSHKey(blob []byte) bool {
	const magic = "openssh-key-v1\x00"
	if !bytes.HasPrefix(blob, []byte(magic)) {
		return false
	}
	_, err := ssh.ParseRawPrivateKey(pem.EncodeToMemory(&pem.Block{Type: "OPENSSH PRIVATE KEY", Bytes: blob}))
	var missing *ssh.PassphraseMissingError
	if err == nil || errors.As(err, &missing) {
		return true
	}
	r := sshFields{b: blob[len(magic):]}
	cipher, kdf, _ := r.str(), r.str(), r.str()
	n := r.u32()
	for i := uint32(0); i < n && i < 64 && !r.bad; i++ {
		r.str()
	}
	priv := r.str()
	if r.bad || n == 0 || n >= 64 || len(r.b) != 0 {
		return false
	}
	if string(cipher) == "none" {
		return len(priv) >= 8 && bytes.Equal(priv[:4], priv[4:8])
	}
	return string(kdf) != "none" && len(priv) > 0 && len(priv)%8 == 0
}

// sshFields reads SSH wire encoding (RFC 4251 section 5).
type sshFields struct {
	b   []byte
	bad bool
}

func (s *sshFields) u32() uint32 {
	if len(s.b) < 4 {
		s.bad = true
		return 0
	}
	v := binary.BigEndian.Uint32(s.b)
	s.b = s.b[4:]
	return v
}

func (s *sshFields) str() []byte {
	n := s.u32()
	if s.bad || uint64(n) > uint64(len(s.b)) {
		s.bad = true
		return nil
	}
	v := s.b[:n]
	s.b = s.b[n:]
	return v
}

func allZero(b []byte) bool {
	for _, c := range b {
		if c != 0 {
			return false
		}
	}
	return true
}

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

// armor is a BEGIN/END block after normalisation.
type armor struct {
	label   string
	headers []string // "Name: value" lines before the body (RFC 1421, OpenPGP)
	body    []byte   // the decoded base64 body
	crc     string   // OpenPGP checksum line without its '=', or ""
}

func (a armor) header(name string) string {
	for _, h := range a.headers {
		if n, v, _ := strings.Cut(h, ":"); strings.EqualFold(strings.TrimSpace(n), name) {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// parseArmor finds "-----BEGIN label-----" and the matching END line in
// secret and decodes what lies between, however it was written: plain
// lines, CRLF, indented, with \n escapes inside a string, or split into
// one quoted string per line in code.
func parseArmor(secret []byte) (armor, bool) {
	var a armor
	const begin = "-----BEGIN "
	i := bytes.Index(secret, []byte(begin))
	if i < 0 {
		return a, false
	}
	rest := secret[i+len(begin):]
	j := bytes.Index(rest, []byte("-----"))
	if j <= 0 || j > 64 {
		return a, false
	}
	a.label = string(rest[:j])
	rest = rest[j+5:]
	k := bytes.Index(rest, []byte("-----END "+a.label+"-----"))
	if k < 0 {
		return a, false
	}
	var b64 strings.Builder
	for _, line := range logicalLines(rest[:k]) {
		switch {
		case strings.Contains(line, ":") && b64.Len() == 0:
			a.headers = append(a.headers, line)
		case line[0] == '=' && len(line) == 5:
			a.crc = line[1:]
		default:
			for _, f := range strings.Fields(line) {
				if strings.Trim(f, "#*>|;!%/") != "" || len(f) > 2 {
					b64.WriteString(f)
				}
			}
		}
	}
	body, err := base64.StdEncoding.DecodeString(b64.String())
	if err != nil {
		body, err = base64.RawStdEncoding.DecodeString(strings.TrimRight(b64.String(), "="))
	}
	a.body = body
	return a, err == nil && len(body) > 0
}

// logicalLines undoes the ways text is embedded in code and config: inside
// string literals (when the text carries \n escapes or has lines that open
// with a quote) only the literals' content is kept, each literal ending a
// line; escapes (\n, \r\n, doubled backslashes, \uXXXX, \/) and XML
// character references are decoded. Lines are trimmed; empty ones dropped.
func logicalLines(text []byte) []string {
	literal := false
	if bytes.ContainsAny(text, "\"'`") {
		literal = bytes.Contains(text, []byte(`\n`)) || bytes.Contains(text, []byte(`\r`))
		for _, l := range bytes.Split(text, []byte("\n")) {
			if l = bytes.TrimLeft(l, " \t"); len(l) > 0 && (l[0] == '"' || l[0] == '\'' || l[0] == '`') {
				literal = true
			}
		}
	}
	var b strings.Builder
	inside := true // the text starts inside the literal that holds the BEGIN line
	var quote byte
	for i := 0; i < len(text); i++ {
		c := text[i]
		if literal && (c == '"' || c == '\'' || c == '`') && (quote == 0 || c == quote) {
			quote, inside = c, !inside
			b.WriteByte('\n')
			continue
		}
		if !inside {
			continue
		}
		switch {
		case c == '\\':
			for i+1 < len(text) && text[i+1] == '\\' {
				i++
			}
			if i+1 >= len(text) {
				continue
			}
			i++
			switch e := text[i]; e {
			case 'n', 'r':
				b.WriteByte('\n')
			case 't':
				b.WriteByte(' ')
			case 'u':
				if v, err := strconv.ParseUint(string(text[i+1:min(i+5, len(text))]), 16, 16); err == nil && v < 0x80 {
					b.WriteByte(byte(v))
					i += 4
				}
			default:
				b.WriteByte(e)
			}
		case c == '&' && i+2 < len(text) && text[i+1] == '#':
			end := bytes.IndexByte(text[i:min(i+8, len(text))], ';')
			num := string(text[i+2 : i+max(end, 2)])
			base := 10
			if strings.HasPrefix(num, "x") || strings.HasPrefix(num, "X") {
				num, base = num[1:], 16
			}
			if v, err := strconv.ParseUint(num, base, 8); end > 0 && err == nil && v < 0x80 {
				b.WriteByte(byte(v))
				i += end
			} else {
				b.WriteByte(c)
			}
		default:
			b.WriteByte(c)
		}
	}
	var lines []string
	for _, l := range strings.FieldsFunc(b.String(), func(r rune) bool { return r == '\n' || r == '\r' }) {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	return lines
}
