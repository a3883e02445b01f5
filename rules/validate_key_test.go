package rules_test

import (
	"bytes"
	"crypto/ed25519"
	"crypto/x509"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"encoding/pem"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/crypto/ssh"

	"github.com/leakstop/leakstop/rules"
	"github.com/leakstop/leakstop/rules/fake"
)

func validate(t *testing.T, name, secret string) rules.Result {
	t.Helper()
	v, ok := rules.LookupValidator(name)
	if !ok {
		t.Fatalf("no validator %q", name)
	}
	return v([]byte(secret))
}

// fakeKey builds a key block for a rule matching label.
func fakeKey(t *testing.T, validator, label string) string {
	t.Helper()
	r := &rules.Rule{ID: "test", Validator: validator, Pattern: regexp.QuoteMeta("-----BEGIN " + label + "-----")}
	s, err := fake.New(3).Secret(r)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// embeddings are the ways a key block is written into files: each returns
// the text a rule's regex would match.
var embeddings = []struct {
	name string
	of   func(block string) string
}{
	{"lf", func(b string) string { return b }},
	{"crlf", func(b string) string { return strings.ReplaceAll(b, "\n", "\r\n") }},
	{"indented", func(b string) string { return strings.ReplaceAll(b, "\n", "\n    ") }},
	{"json", func(b string) string {
		j, _ := json.Marshal(b + "\n")
		return string(j[1 : len(j)-3]) // inside the quotes, without the final \n
	}},
	{"json-crlf", func(b string) string { return strings.ReplaceAll(b, "\n", `\r\n`) }},
	{"json-in-json", func(b string) string { return strings.ReplaceAll(b, "\n", `\\n`) }},
	{"go-concat", func(b string) string { return strings.ReplaceAll(b, "\n", "\\n\" +\n\t\"") }},
	{"python-concat", func(b string) string { return strings.ReplaceAll(b, "\n", "\\n'\n    '") }},
	{"json-array", func(b string) string { return strings.ReplaceAll(b, "\n", "\",\n  \"") }},
	{"xml-entities", func(b string) string { return strings.ReplaceAll(b, "\n", "&#10;") }},
	{"one-line", func(b string) string { return strings.ReplaceAll(b, "\n", " ") }},
	{"escaped-slashes", func(b string) string {
		return strings.ReplaceAll(strings.ReplaceAll(b, "/", `\/`), "\n", `\n`)
	}},
}

func TestPrivateKeyForms(t *testing.T) {
	for _, label := range []string{"PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY", "DSA PRIVATE KEY",
		"ENCRYPTED PRIVATE KEY", "OPENSSH PRIVATE KEY"} {
		block := fakeKey(t, "private-key", label)
		p, _ := pem.Decode([]byte(block))
		if p == nil || p.Type != label {
			t.Fatalf("%s: fake is not a PEM block of that label", label)
		}
		for _, e := range embeddings {
			t.Run(strings.ReplaceAll(label, " ", "-")+"/"+e.name, func(t *testing.T) {
				text := e.of(block)
				if res := validate(t, "private-key", text); res.Verdict != rules.Confirmed || res.By != rules.ByStructure {
					t.Errorf("validator says %+v for\n%s", res, text)
				}
				km, ok := rules.KeyMaterial([]byte(text))
				if !ok || !bytes.Equal(km, p.Bytes) {
					t.Errorf("KeyMaterial differs from the DER (ok=%v)", ok)
				}
			})
		}
	}
}

func TestPrivateKeyRejects(t *testing.T) {
	block := fakeKey(t, "private-key", "RSA PRIVATE KEY")
	lines := strings.Split(block, "\n")
	truncated := strings.Join(append(lines[:4:4], lines[len(lines)-1]), "\n")
	pub := pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: mustPKIX(t)})
	for name, text := range map[string]string{
		"elided":        "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA...\n...\n-----END RSA PRIVATE KEY-----",
		"dots":          "-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----",
		"truncated":     truncated,
		"not-base64":    "-----BEGIN EC PRIVATE KEY-----\nyour key here\n-----END EC PRIVATE KEY-----",
		"code":          "if strings.HasPrefix(s, \"-----BEGIN RSA PRIVATE KEY-----\") && strings.HasSuffix(s, \"-----END RSA PRIVATE KEY-----\")",
		"no-end":        strings.Join(lines[:len(lines)-1], "\n"),
		"other-end":     strings.Replace(block, "END RSA", "END EC", 1),
		"public-in-pk8": string(pub),
		"random-der":    "-----BEGIN OPENSSH PRIVATE KEY-----\n" + base64.StdEncoding.EncodeToString(bytes.Repeat([]byte("leakstop"), 20)) + "\n-----END OPENSSH PRIVATE KEY-----",
	} {
		t.Run(name, func(t *testing.T) {
			if res := validate(t, "private-key", text); res.Verdict != rules.Rejected {
				t.Errorf("validator says %+v, want rejected", res)
			}
		})
	}
}

func mustPKIX(t *testing.T) []byte {
	t.Helper()
	der, err := x509.MarshalPKIXPublicKey(ed25519.NewKeyFromSeed(make([]byte, 32)).Public())
	if err != nil {
		t.Fatal(err)
	}
	return der
}

func TestPrivateKeyEncrypted(t *testing.T) {
	t.Run("legacy-openssl", func(t *testing.T) {
		body := bytes.Repeat([]byte{0x5a, 0xc3}, 304)
		block := pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: body, Headers: map[string]string{
			"Proc-Type": "4,ENCRYPTED", "DEK-Info": "AES-128-CBC,00112233445566778899AABBCCDDEEFF"}})
		if res := validate(t, "private-key", string(block)); res.Verdict != rules.Confirmed {
			t.Errorf("legacy encrypted key: %+v", res)
		}
		bad := strings.Replace(string(block), "CBC,0011", "CBC,zz11", 1)
		if res := validate(t, "private-key", bad); res.Verdict != rules.Rejected {
			t.Errorf("bad DEK-Info IV: %+v, want rejected", res)
		}
	})
	t.Run("openssh-passphrase", func(t *testing.T) {
		k := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{7}, 32))
		p, err := ssh.MarshalPrivateKeyWithPassphrase(k, "test", []byte("fake-passphrase"))
		if err != nil {
			t.Fatal(err)
		}
		if res := validate(t, "private-key", string(pem.EncodeToMemory(p))); res.Verdict != rules.Confirmed {
			t.Errorf("encrypted OpenSSH key: %+v", res)
		}
	})
	t.Run("openssh-unknown-type", func(t *testing.T) {
		for _, check := range [][2]uint32{{0x1234, 0x1234}, {0x1234, 0x4321}} {
			blob := openSSHEnvelope("sk-ssh-ed25519@openssh.com", check[0], check[1])
			text := "-----BEGIN OPENSSH PRIVATE KEY-----\n" + base64.StdEncoding.EncodeToString(blob) + "\n-----END OPENSSH PRIVATE KEY-----"
			want := rules.Confirmed
			if check[0] != check[1] {
				want = rules.Rejected
			}
			if res := validate(t, "private-key", text); res.Verdict != want {
				t.Errorf("check ints %x: %+v, want verdict %d", check, res, want)
			}
		}
	})
}

// openSSHEnvelope builds an unencrypted openssh-key-v1 blob of a key type
// x/crypto/ssh does not parse.
func openSSHEnvelope(keyType string, check1, check2 uint32) []byte {
	str := func(b []byte, s string) []byte { return append(binary.BigEndian.AppendUint32(b, uint32(len(s))), s...) }
	pub := str(str(nil, keyType), strings.Repeat("p", 32))
	priv := binary.BigEndian.AppendUint32(binary.BigEndian.AppendUint32(nil, check1), check2)
	priv = str(str(priv, keyType), strings.Repeat("s", 64))
	for i := byte(1); len(priv)%8 != 0; i++ {
		priv = append(priv, i)
	}
	out := str(str(str([]byte("openssh-key-v1\x00"), "none"), "none"), "")
	out = binary.BigEndian.AppendUint32(out, 1)
	return str(str(out, string(pub)), string(priv))
}

func TestPuTTYKey(t *testing.T) {
	key := fakeKey(t, "putty-key", "")
	lines := strings.Split(key, "\n")
	mac := lines[len(lines)-1]
	wrongMAC := strings.Join(lines[:len(lines)-1], "\n") + "\n" + mac[:len(mac)-4] + "0000"
	missingLine := strings.Replace(key, "\nPrivate-Lines: 1\n", "\nPrivate-Lines: 2\n", 1)
	for _, c := range []struct {
		name, text string
		want       rules.Result
	}{
		{"v3", key, rules.Result{Verdict: rules.Confirmed, By: rules.ByChecksum}},
		{"v3-json", strings.ReplaceAll(key, "\n", `\n`), rules.Result{Verdict: rules.Confirmed, By: rules.ByChecksum}},
		{"v3-crlf", strings.ReplaceAll(key, "\n", "\r\n"), rules.Result{Verdict: rules.Confirmed, By: rules.ByChecksum}},
		{"wrong-mac", wrongMAC, rules.Result{Verdict: rules.Confirmed, By: rules.ByStructure}},
		{"missing-line", missingLine, rules.Result{Verdict: rules.Rejected}},
		{"no-mac", strings.Join(lines[:len(lines)-1], "\n"), rules.Result{Verdict: rules.Rejected}},
		{"version-1", strings.Replace(key, "File-3", "File-1", 1), rules.Result{}},
		{"doc", "PuTTY-User-Key-File-3: ssh-rsa\nEncryption: none\nComment: x\nPublic-Lines: 6\n...\nPrivate-Lines: 14\n...\nPrivate-MAC: ...", rules.Result{Verdict: rules.Rejected}},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := validate(t, "putty-key", c.text); got != c.want {
				t.Errorf("got %+v, want %+v", got, c.want)
			}
		})
	}
	t.Run("v2-mac", func(t *testing.T) {
		pub, priv := []byte("\x00\x00\x00\x07ssh-rsa"), bytes.Repeat([]byte{9}, 48)
		mac := rules.PuTTYMAC(2, "ssh-rsa", "none", "rsa-key", pub, priv)
		text := "PuTTY-User-Key-File-2: ssh-rsa\nEncryption: none\nComment: rsa-key\nPublic-Lines: 1\n" +
			base64.StdEncoding.EncodeToString(pub) + "\nPrivate-Lines: 1\n" + base64.StdEncoding.EncodeToString(priv) +
			"\nPrivate-MAC: " + hex.EncodeToString(mac)
		if got := validate(t, "putty-key", text); got.By != rules.ByChecksum {
			t.Errorf("v2 MAC: %+v", got)
		}
	})
}

func TestPGPPrivateKey(t *testing.T) {
	key := fakeKey(t, "pgp-private-key", "")
	lines := strings.Split(key, "\n")
	crcLine := len(lines) - 2
	noCRC := strings.Join(append(append([]string{}, lines[:crcLine]...), lines[crcLine+1:]...), "\n")
	badCRC := strings.Replace(key, lines[crcLine], "=AAAA", 1)
	// A public key packet (tag 6) in a private key armor, without CRC.
	pubPacket := "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n" + base64.StdEncoding.EncodeToString([]byte{0xc6, 3, 4, 0, 0}) + "\n-----END PGP PRIVATE KEY BLOCK-----"
	for _, c := range []struct {
		name, text string
		want       rules.Result
	}{
		{"crc", key, rules.Result{Verdict: rules.Confirmed, By: rules.ByChecksum}},
		{"crc-json", strings.ReplaceAll(key, "\n", `\n`), rules.Result{Verdict: rules.Confirmed, By: rules.ByChecksum}},
		{"version-header", strings.Replace(key, "BLOCK-----\n", "BLOCK-----\nVersion: GnuPG v2\nComment: test\n", 1), rules.Result{Verdict: rules.Confirmed, By: rules.ByChecksum}},
		{"no-crc", noCRC, rules.Result{Verdict: rules.Confirmed, By: rules.ByStructure}},
		{"bad-crc", badCRC, rules.Result{Verdict: rules.Rejected}},
		{"public-packet", pubPacket, rules.Result{Verdict: rules.Rejected}},
		{"elided", "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQOYBF...\n...\n-----END PGP PRIVATE KEY BLOCK-----", rules.Result{Verdict: rules.Rejected}},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := validate(t, "pgp-private-key", c.text); got != c.want {
				t.Errorf("got %+v, want %+v", got, c.want)
			}
		})
	}
}

func TestCRC24(t *testing.T) {
	// The CRC-24/OPENPGP check value: the CRC of "123456789".
	if got := rules.CRC24([]byte("123456789")); got != 0x21CF02 {
		t.Errorf("CRC24 = %06X, want 21CF02", got)
	}
	if got := rules.CRC24(nil); got != 0xB704CE {
		t.Errorf("CRC24 of nothing = %06X, want the initial value B704CE", got)
	}
}

func TestBech32(t *testing.T) {
	// Test vectors of BIP-173.
	if got := rules.Bech32("a", nil); got != "a12uel5l" {
		t.Errorf("Bech32(a) = %s", got)
	}
	if got := rules.Bech32("abcdef", []byte{0x00, 0x44, 0x32, 0x14, 0xc7, 0x42, 0x54, 0xb6, 0x35, 0xcf, 0x84, 0x65, 0x3a, 0x56, 0xd7, 0xc6, 0x75, 0xbe, 0x77, 0xdf}); got != "abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw" {
		t.Errorf("Bech32(abcdef) = %s", got)
	}
}

func TestAgeSecretKey(t *testing.T) {
	key := fakeKey(t, "age-secret-key", "")
	flip := func(s string, i int) string {
		c := byte('Q')
		if s[i] == 'Q' {
			c = 'P'
		}
		return s[:i] + string(c) + s[i+1:]
	}
	pq := strings.ToUpper(rules.Bech32("age-secret-key-pq-", bytes.Repeat([]byte{0xa5}, 32)))
	short := strings.ToUpper(rules.Bech32("age-secret-key-", bytes.Repeat([]byte{0xa5}, 31)))
	for _, c := range []struct {
		name, text string
		want       rules.Verdict
	}{
		{"upper", key, rules.Confirmed},
		{"lower", strings.ToLower(key), rules.Confirmed},
		{"post-quantum", pq, rules.Confirmed},
		{"mixed-case", strings.ToLower(key[:20]) + key[20:], rules.Rejected},
		{"typo-in-data", flip(key, 30), rules.Rejected},
		{"typo-in-checksum", flip(key, len(key)-1), rules.Rejected},
		{"short", short, rules.Rejected},
		{"other-hrp", strings.ToUpper(rules.Bech32("age-plugin-yubikey-", bytes.Repeat([]byte{1}, 32))), rules.Rejected},
		{"not-bech32", "AGE-SECRET-KEY-1" + strings.Repeat("B", 58), rules.Rejected},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := validate(t, "age-secret-key", c.text); got.Verdict != c.want {
				t.Errorf("got %+v, want verdict %d", got, c.want)
			}
		})
	}
}

// The key material of PGP and PuTTY keys, what their secret_sha256 is of,
// does not change with CRLF line ends or indentation (a file checked out
// on Windows, a key pasted into YAML).
func TestKeyMaterialOfKeyFiles(t *testing.T) {
	for _, k := range []struct{ validator, label string }{{"pgp-private-key", "PGP PRIVATE KEY BLOCK"}, {"putty-key", ""}} {
		key := fakeKey(t, k.validator, k.label)
		want, ok := rules.KeyMaterial([]byte(key))
		if !ok || !rules.IsKeyValidator(k.validator) {
			t.Fatalf("%s: no key material", k.validator)
		}
		crlf := strings.ReplaceAll(key, "\n", "\r\n")
		indented := "  " + strings.ReplaceAll(key, "\n", "\n  ")
		for name, text := range map[string]string{"CRLF": crlf, "indented": indented} {
			got, ok := rules.KeyMaterial([]byte(text))
			if !ok || string(got) != string(want) {
				t.Errorf("%s %s: key material differs", k.validator, name)
			}
		}
	}
}
