package rotate

import (
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/leakstop/leakstop/internal/webhooktest"
)

// testKey returns a whsec_ key of n bytes derived from seed. Keys are
// assembled at run time: a whsec_ string in the source is what secret
// scanners (this one included) report.
func testKey(seed string, n int) string {
	var b []byte
	for i := 0; len(b) < n; i++ {
		h := sha256.Sum256([]byte(fmt.Sprintf("%s/%d", seed, i)))
		b = append(b, h[:]...)
	}
	return "whsec" + "_" + base64.StdEncoding.EncodeToString(b[:n])
}

func TestParseKeys(t *testing.T) {
	k1, k2 := testKey("one", 32), testKey("two", 24)
	for _, tc := range []struct {
		name, in string
		keys     int
		err      string
	}{
		{"one key", k1, 1, ""},
		{"two keys during a change", "  " + k1 + "   " + k2 + "\n", 2, ""},
		{"unpadded base64", strings.TrimRight(testKey("three", 32), "="), 1, ""},
		{"empty", "  ", 0, "no signing key"},
		{"no prefix", strings.TrimPrefix(k1, "whsec_"), 0, "key 1: does not start with whsec_"},
		{"not base64", k1 + " whsec" + "_!!notbase64!!", 0, "key 2: whsec_ is not followed by base64"},
		{"too short", testKey("short", 16), 0, "key 1: 16 bytes, want at least 24"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			keys, err := ParseKeys(tc.in)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("error %v, want %q", err, tc.err)
				}
				for _, f := range strings.Fields(tc.in) {
					if len(f) > 8 && strings.Contains(err.Error(), f) {
						t.Errorf("the error repeats a key: %v", err)
					}
				}
				return
			}
			if err != nil || len(keys) != tc.keys {
				t.Fatalf("%d keys, %v; want %d", len(keys), err, tc.keys)
			}
		})
	}
}

func TestKeyRedactsItself(t *testing.T) {
	k := testKey("redact", 32)
	keys, err := ParseKeys(k)
	if err != nil {
		t.Fatal(err)
	}
	enc := strings.TrimPrefix(k, "whsec_")
	for _, s := range []string{keys[0].String(), fmt.Sprint(keys[0]), fmt.Sprintf("%v %+v %#v %s %q %x", keys[0], keys[0], keys[0], keys[0], keys[0], keys[0]), fmt.Sprintf("%v", keys)} {
		if strings.Contains(s, enc) || strings.Contains(s, string(keys[0].b)) {
			t.Errorf("a key printed in full: %s", s)
		}
	}
}

// The test vector that Standard Webhooks libraries share (secret, id,
// timestamp, payload and the signature they must produce).
func TestSignatureReferenceVector(t *testing.T) {
	secret := "whsec" + "_" + "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
	keys, err := ParseKeys(secret)
	if err != nil {
		t.Fatal(err)
	}
	got := Signature(keys, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, []byte(`{"test": 2432232314}`))
	if want := "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="; got != want {
		t.Errorf("signature %s, want %s", got, want)
	}
}

// Every key gives a signature an independent verifier accepts on its own
// (a receiver holding only the old or only the new key), and a change to
// the id, timestamp or body breaks them all.
func TestSignatureVerifiesIndependently(t *testing.T) {
	oldKey, newKey := testKey("old", 32), testKey("new", 64)
	keys, err := ParseKeys(newKey + " " + oldKey)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Unix(1_750_000_000, 0)
	body := []byte(`{"schema":1,"type":"secret.leaked","data":{"rule_id":"github-pat"}}`)
	h := http.Header{}
	sign(h, keys, "evt_0123", now.Unix(), body)
	if n := len(strings.Fields(h.Get(HeaderSignature))); n != 2 {
		t.Fatalf("%d signatures, want one per key: %s", n, h.Get(HeaderSignature))
	}
	for _, secret := range []string{oldKey, newKey} {
		if err := webhooktest.Verify([]string{secret}, h, body, now.Add(30*time.Second)); err != nil {
			t.Errorf("a receiver with one of the keys rejects the delivery: %v", err)
		}
	}
	if err := webhooktest.Verify([]string{testKey("other", 32)}, h, body, now); err == nil {
		t.Error("a receiver with another key accepts the delivery")
	}
	if err := webhooktest.Verify([]string{newKey}, h, append([]byte(" "), body...), now); err == nil {
		t.Error("a changed body verifies")
	}
	tampered := h.Clone()
	tampered.Set(HeaderID, "evt_0124")
	if err := webhooktest.Verify([]string{newKey}, tampered, body, now); err == nil {
		t.Error("a changed id verifies")
	}
	tampered = h.Clone()
	tampered.Set(HeaderTimestamp, fmt.Sprint(now.Unix()+1))
	if err := webhooktest.Verify([]string{newKey}, tampered, body, now); err == nil {
		t.Error("a changed timestamp verifies")
	}
	if err := webhooktest.Verify([]string{newKey}, h, body, now.Add(10*time.Minute)); err == nil {
		t.Error("a delivery ten minutes old verifies")
	}
}

func sha256Hex(s string) string {
	h := sha256.Sum256([]byte(s))
	return fmt.Sprintf("%x", h)
}
