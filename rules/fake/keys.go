package fake

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/pbkdf2"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/asn1"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"encoding/pem"
	"fmt"
	"math/big"
	"strings"

	"github.com/leakstop/leakstop/rules"
)

// keyBuilders make key material (PEM, OpenSSH, PuTTY, PGP, age) that the
// key validators accept.
func keyBuilders() map[string]builder {
	return map[string]builder{
		"private-key":     buildPrivateKey,
		"putty-key":       buildPuTTYKey,
		"pgp-private-key": buildPGPKey,
		"age-secret-key":  buildAgeKey,
	}
}

// pemLabel picks the PEM label a rule matches from its regex, or failing
// that from its id.
func pemLabel(r *rules.Rule) string {
	labels := []string{"OPENSSH PRIVATE KEY", "ENCRYPTED PRIVATE KEY", "RSA PRIVATE KEY",
		"EC PRIVATE KEY", "DSA PRIVATE KEY"}
	src := r.Pattern
	for _, l := range labels {
		if strings.Contains(src, "BEGIN "+l) {
			return l
		}
	}
	id := r.ID
	for _, hint := range [][2]string{{"openssh", labels[0]}, {"encrypted", labels[1]},
		{"rsa", labels[2]}, {"dsa", labels[4]}, {"-ec", labels[3]}} {
		if strings.Contains(id, hint[0]) {
			return hint[1]
		}
	}
	return "PRIVATE KEY"
}

// buildPrivateKey makes a PEM block of the label the rule matches, from
// the generator's bytes only: the same seed gives the same key.
func buildPrivateKey(g *Gen, r *rules.Rule) (string, error) {
	label := pemLabel(r)
	var der []byte
	var err error
	switch label {
	case "RSA PRIVATE KEY":
		der, err = g.rsaKey(1024)
	case "EC PRIVATE KEY":
		var k *ecdsa.PrivateKey
		if k, err = g.p256Key(); err == nil {
			der, err = x509.MarshalECPrivateKey(k)
		}
	case "DSA PRIVATE KEY":
		der, err = g.dsaKey()
	case "ENCRYPTED PRIVATE KEY":
		der, err = g.encryptedPKCS8()
	case "OPENSSH PRIVATE KEY":
		der = g.openSSHKey()
	default:
		der, err = x509.MarshalPKCS8PrivateKey(g.ed25519Key())
	}
	if err != nil {
		return "", fmt.Errorf("rule %s: %s: %w", r.ID, label, err)
	}
	block := pem.EncodeToMemory(&pem.Block{Type: label, Bytes: der})
	if label == "OPENSSH PRIVATE KEY" {
		block = []byte(wrapPEM(label, der, 70)) // ssh-keygen's line length
	}
	return strings.TrimSuffix(string(block), "\n"), nil
}

func wrapPEM(label string, der []byte, width int) string {
	var b strings.Builder
	b.WriteString("-----BEGIN " + label + "-----\n")
	for _, l := range wrap(base64.StdEncoding.EncodeToString(der), width) {
		b.WriteString(l + "\n")
	}
	b.WriteString("-----END " + label + "-----")
	return b.String()
}

func wrap(s string, width int) []string {
	var lines []string
	for len(s) > width {
		lines = append(lines, s[:width])
		s = s[width:]
	}
	return append(lines, s)
}

func (g *Gen) ed25519Key() ed25519.PrivateKey { return ed25519.NewKeyFromSeed(g.Bytes(32)) }

func (g *Gen) p256Key() (*ecdsa.PrivateKey, error) {
	for i := 0; i < 64; i++ {
		if k, err := ecdsa.ParseRawPrivateKey(elliptic.P256(), g.Bytes(32)); err == nil {
			return k, nil
		}
	}
	return nil, fmt.Errorf("no P-256 scalar in range")
}

// prime returns a random prime of exactly bits bits (a multiple of 8).
func (g *Gen) prime(bits int) *big.Int {
	for {
		b := g.Bytes(bits / 8)
		b[0] |= 0xc0
		b[len(b)-1] |= 1
		if p := new(big.Int).SetBytes(b); p.ProbablyPrime(20) {
			return p
		}
	}
}

// rsaKey makes a PKCS#1 RSA key deterministically (crypto/rsa's
// GenerateKey is deliberately not).
func (g *Gen) rsaKey(bits int) ([]byte, error) {
	e := big.NewInt(65537)
	one := big.NewInt(1)
	for {
		p, q := g.prime(bits/2), g.prime(bits/2)
		if p.Cmp(q) == 0 {
			continue
		}
		phi := new(big.Int).Mul(new(big.Int).Sub(p, one), new(big.Int).Sub(q, one))
		d := new(big.Int).ModInverse(e, phi)
		if d == nil {
			continue
		}
		k := &rsa.PrivateKey{PublicKey: rsa.PublicKey{N: new(big.Int).Mul(p, q), E: 65537}, D: d, Primes: []*big.Int{p, q}}
		k.Precompute()
		if err := k.Validate(); err != nil {
			return nil, err
		}
		return x509.MarshalPKCS1PrivateKey(k), nil
	}
}

// dsaKey makes OpenSSL's DSA private key structure with 1024-bit p and
// 160-bit q (FIPS 186-2 sizes), from the generator's bytes.
func (g *Gen) dsaKey() ([]byte, error) {
	one := big.NewInt(1)
	q := g.prime(160)
	var p *big.Int
	for p == nil {
		k := new(big.Int).SetBytes(g.Bytes(108)) // 864 bits: q*k+1 has 1024
		k.SetBit(k, 863, 1)
		k.SetBit(k, 0, 0)
		if c := new(big.Int).Add(new(big.Int).Mul(q, k), one); c.BitLen() == 1024 && c.ProbablyPrime(20) {
			p = c
		}
	}
	exp := new(big.Int).Div(new(big.Int).Sub(p, one), q)
	var gen *big.Int
	for h := int64(2); gen == nil || gen.Cmp(one) == 0; h++ {
		gen = new(big.Int).Exp(big.NewInt(h), exp, p)
	}
	x := new(big.Int).Add(new(big.Int).Mod(new(big.Int).SetBytes(g.Bytes(20)), new(big.Int).Sub(q, one)), one)
	y := new(big.Int).Exp(gen, x, p)
	return asn1.Marshal(struct {
		Version       int
		P, Q, G, Y, X *big.Int
	}{0, p, q, gen, y, x})
}

// PKCS#5 v2 (RFC 8018) identifiers for an encrypted PKCS#8 key.
var (
	oidPBES2      = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 5, 13}
	oidPBKDF2     = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 5, 12}
	oidHMACSHA256 = asn1.ObjectIdentifier{1, 2, 840, 113549, 2, 9}
	oidAES256CBC  = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 1, 42}
)

type algorithm struct {
	Algorithm  asn1.ObjectIdentifier
	Parameters any `asn1:"optional"`
}

// encryptedPKCS8 encrypts an ed25519 PKCS#8 key with PBES2 (PBKDF2-SHA256,
// AES-256-CBC) under the passphrase "fake-passphrase", as openssl pkcs8
// -topk8 -v2 aes256 would.
func (g *Gen) encryptedPKCS8() ([]byte, error) {
	plain, err := x509.MarshalPKCS8PrivateKey(g.ed25519Key())
	if err != nil {
		return nil, err
	}
	salt, iv := g.Bytes(16), g.Bytes(16)
	const iter = 2048
	key, err := pbkdf2.Key(sha256.New, "fake-passphrase", salt, iter, 32)
	if err != nil {
		return nil, err
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	pad := aes.BlockSize - len(plain)%aes.BlockSize
	for i := 0; i < pad; i++ {
		plain = append(plain, byte(pad))
	}
	cipher.NewCBCEncrypter(block, iv).CryptBlocks(plain, plain)
	type pbkdf2Params struct {
		Salt      []byte
		Iter      int
		KeyLength int
		PRF       algorithm
	}
	params := struct{ KDF, Cipher algorithm }{
		KDF:    algorithm{oidPBKDF2, pbkdf2Params{salt, iter, 32, algorithm{oidHMACSHA256, asn1.NullRawValue}}},
		Cipher: algorithm{oidAES256CBC, iv},
	}
	return asn1.Marshal(struct {
		Algo algorithm
		Data []byte
	}{algorithm{oidPBES2, params}, plain})
}

// sshString appends an SSH wire string (RFC 4251 section 5).
func sshString(b []byte, s []byte) []byte {
	return append(binary.BigEndian.AppendUint32(b, uint32(len(s))), s...)
}

// openSSHKey makes an unencrypted openssh-key-v1 ed25519 key (PROTOCOL.key)
// with check integers from the generator, so it is deterministic.
func (g *Gen) openSSHKey() []byte {
	k := g.ed25519Key()
	pub := k.Public().(ed25519.PublicKey)
	pubBlob := sshString(sshString(nil, []byte("ssh-ed25519")), pub)
	check := g.Bytes(4)
	priv := append(append([]byte{}, check...), check...)
	priv = sshString(priv, []byte("ssh-ed25519"))
	priv = sshString(priv, pub)
	priv = sshString(priv, k)
	priv = sshString(priv, []byte(fmt.Sprintf("fake-%d@leakstop.invalid", g.IntN(1000))))
	for i := byte(1); len(priv)%8 != 0; i++ {
		priv = append(priv, i)
	}
	out := []byte("openssh-key-v1\x00")
	out = sshString(out, []byte("none"))
	out = sshString(out, []byte("none"))
	out = sshString(out, nil)
	out = binary.BigEndian.AppendUint32(out, 1)
	out = sshString(out, pubBlob)
	return sshString(out, priv)
}

// buildPuTTYKey makes an unencrypted PPK version 3 ed25519 key with a
// correct Private-MAC.
func buildPuTTYKey(g *Gen, r *rules.Rule) (string, error) {
	k := g.ed25519Key()
	pub := sshString(sshString(nil, []byte("ssh-ed25519")), k.Public().(ed25519.PublicKey))
	priv := sshString(nil, k.Seed())
	comment := fmt.Sprintf("ed25519-key-2024%02d%02d", 1+g.IntN(12), 1+g.IntN(28))
	pubLines := wrap(base64.StdEncoding.EncodeToString(pub), 64)
	privLines := wrap(base64.StdEncoding.EncodeToString(priv), 64)
	mac := rules.PuTTYMAC(3, "ssh-ed25519", "none", comment, pub, priv)
	return fmt.Sprintf("PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: %s\nPublic-Lines: %d\n%s\nPrivate-Lines: %d\n%s\nPrivate-MAC: %s",
		comment, len(pubLines), strings.Join(pubLines, "\n"), len(privLines), strings.Join(privLines, "\n"), hex.EncodeToString(mac)), nil
}

// pgpPacket frames an OpenPGP packet in the new format (RFC 4880 4.2).
func pgpPacket(tag byte, body []byte) []byte {
	out := []byte{0xc0 | tag}
	if n := len(body); n < 192 {
		out = append(out, byte(n))
	} else {
		n -= 192
		out = append(out, byte(n>>8)+192, byte(n))
	}
	return append(out, body...)
}

// pgpMPI encodes a multiprecision integer (RFC 4880 3.2).
func pgpMPI(b []byte) []byte {
	v := new(big.Int).SetBytes(b)
	return append(binary.BigEndian.AppendUint16(nil, uint16(v.BitLen())), v.Bytes()...)
}

// buildPGPKey makes an armored, unprotected v4 EdDSA secret key packet and
// a user id packet, with the armor's CRC24 line.
func buildPGPKey(g *Gen, r *rules.Rule) (string, error) {
	k := g.ed25519Key()
	body := []byte{4}
	body = binary.BigEndian.AppendUint32(body, uint32(1_600_000_000+g.IntN(100_000_000)))
	body = append(body, 22, 9, 0x2b, 0x06, 0x01, 0x04, 0x01, 0xda, 0x47, 0x0f, 0x01) // EdDSA, Ed25519 OID
	body = append(body, pgpMPI(append([]byte{0x40}, k.Public().(ed25519.PublicKey)...))...)
	secret := pgpMPI(k.Seed())
	var sum uint16
	for _, c := range secret {
		sum += uint16(c)
	}
	body = append(append(append(body, 0), secret...), byte(sum>>8), byte(sum))
	packets := append(pgpPacket(5, body), pgpPacket(13, []byte(fmt.Sprintf("Fake Key %d <fake@leakstop.invalid>", g.IntN(1000))))...)
	crc := rules.CRC24(packets)
	return "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n" +
		strings.Join(wrap(base64.StdEncoding.EncodeToString(packets), 64), "\n") +
		"\n=" + base64.StdEncoding.EncodeToString([]byte{byte(crc >> 16), byte(crc >> 8), byte(crc)}) +
		"\n-----END PGP PRIVATE KEY BLOCK-----", nil
}

// buildAgeKey makes an age X25519 identity: 32 random bytes in bech32.
func buildAgeKey(g *Gen, r *rules.Rule) (string, error) {
	return strings.ToUpper(rules.Bech32("age-secret-key-", g.Bytes(32))), nil
}
