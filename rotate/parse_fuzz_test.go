package rotate

import (
	"encoding/base64"
	"fmt"
	"strings"
	"testing"
	"time"
)

// FuzzParseKeys: LEAKSTOP_WEBHOOK_SECRET gives keys of at least
// MinKeyLen bytes, one per field, or an error that never quotes the
// value (it may be a key).
func FuzzParseKeys(f *testing.F) {
	key := KeyPrefix + base64.StdEncoding.EncodeToString([]byte(strings.Repeat("k", MinKeyLen)))
	f.Add(key)
	f.Add(key + "  " + strings.TrimRight(key, "=") + "\n")
	f.Add("whsec_not-base64!")
	f.Add("whsec_" + base64.StdEncoding.EncodeToString([]byte("short")))
	f.Fuzz(func(t *testing.T, s string) {
		keys, err := ParseKeys(s)
		if err != nil {
			for _, field := range strings.Fields(s) {
				if len(field) > len(KeyPrefix)+3 && strings.Contains(err.Error(), field) {
					t.Fatalf("error %q quotes the value", err)
				}
			}
			return
		}
		if len(keys) != len(strings.Fields(s)) {
			t.Fatalf("%d keys from %d fields", len(keys), len(strings.Fields(s)))
		}
		for _, k := range keys {
			if len(k.b) < MinKeyLen {
				t.Fatalf("key of %d bytes", len(k.b))
			}
			if strings.Contains(fmt.Sprintf("%v %+v %#v %s", k, k, k, k), base64.StdEncoding.EncodeToString(k.b)[:8]) {
				t.Fatal("a key prints itself")
			}
		}
	})
}

// FuzzParseRetryAfter: a receiver's Retry-After header gives a wait that
// is never negative, or none.
func FuzzParseRetryAfter(f *testing.F) {
	now := time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)
	for _, s := range []string{"120", "0", "-5", "99999999999999999999", "Thu, 02 Jan 2025 03:05:05 GMT", "soon", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, v string) {
		if d := parseRetryAfter(v, now); d < 0 {
			t.Fatalf("parseRetryAfter(%q) = %v", v, d)
		}
	})
}
