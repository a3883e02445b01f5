package auth

import (
	"crypto/ecdsa"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// testKey was generated with `openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256`.
const testKey = `⟦keys:-----BEGIN PR⁞IVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgYDj4IsrihOmg98kr
cZO/sEcxXbgdPgdTHWX4pINhyZyhRANCAAQbqxz1B0yH4g7Ro3YVs6y9aRPY3+a4
BY6C+bFZyh7gCM4HQgkjzAScRo8DIz4QjgtkJ8M6K0RDF+81o2GqvWaN
-----END PRIVATE KEY-----⟧`

func mustKey(t *testing.T) *ecdsa.PrivateKey {
	t.Helper()
	blk, _ := pem.Decode([]byte(testKey))
	k, err := x509.ParsePKCS8PrivateKey(blk.Bytes)
	if err != nil {
		t.Fatal(err)
	}
	return k.(*ecdsa.PrivateKey)
}

func TestSignVerify(t *testing.T) {
	k := mustKey(t)
	s := NewSigner(k, "edge-test")
	tok, err := s.Sign("user-42", time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	claims, err := Verify(tok, &k.PublicKey)
	if err != nil {
		t.Fatal(err)
	}
	if claims.Subject != "user-42" {
		t.Fatalf("subject = %q", claims.Subject)
	}
}

func TestExpired(t *testing.T) {
	k := mustKey(t)
	s := NewSigner(k, "edge-test")
	tok, _ := s.Sign("user-42", -time.Minute)
	if _, err := Verify(tok, &k.PublicKey); !errors.Is(err, jwt.ErrTokenExpired) {
		t.Fatalf("want expired, got %v", err)
	}
}
