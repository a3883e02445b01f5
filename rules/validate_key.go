package rules

import (
	"bytes"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/binary"
	"encoding/hex"
	"encoding/pem"
	"errors"
	"math/big"
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
// a PEM key, the binary OpenSSH key, the OpenPGP packets), or a PuTTY key
// file's lines without their line ends and indentation: the canonical
// bytes behind secret_sha256, the same whether the key was written with
// LF or CRLF, indented, quoted line by line in code, or with \n escapes
// inside a JSON or YAML string.
func KeyMaterial(secret []byte) ([]byte, bool) {
	if i := bytes.Index(secret, []byte("PuTTY-User-Key-File-")); i >= 0 {
		lines := logicalLines(secret[i:])
		if len(lines) < 2 {
			return nil, false
		}
		return []byte(strings.Join(lines, "\n")), true
	}
	a, ok := parseArmor(secret)
	if !ok {
		return nil, false
	}
	return a.body, true
}

// IsKeyValidator reports whether a rule with validator name finds key
// material, whose secret_sha256 is of KeyMaterial.
func IsKeyValidator(name string) bool {
	return name == "private-key" || name == "pgp-private-key" || name == "putty-key"
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
