package rotate

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"net/http"
	"strconv"
	"strings"
)

// KeyPrefix marks a Standard Webhooks signing key: "whsec_" and the key's
// bytes in base64.
const KeyPrefix = "whsec_"

// MinKeyLen is the shortest key accepted, in bytes: the Standard Webhooks
// specification asks for at least 24 random bytes.
const MinKeyLen = 24

// Key is a webhook signing key. It redacts itself: String, Format and
// GoString never print its bytes.
type Key struct{ b []byte }

// String returns a placeholder, never the key.
func (Key) String() string { return KeyPrefix + "****" }

// Format prints the placeholder for every verb.
func (k Key) Format(f fmt.State, _ rune) { fmt.Fprint(f, k.String()) }

// GoString keeps %#v redacted too.
func (k Key) GoString() string { return k.String() }

// ParseKeys reads the signing keys of LEAKSTOP_WEBHOOK_SECRET: whsec_
// keys separated by white space, the current one and, during a key
// change, the others the receiver may still hold. Each gives one
// signature. Errors name a key by its position, never by its text.
func ParseKeys(s string) ([]Key, error) {
	fields := strings.Fields(s)
	if len(fields) == 0 {
		return nil, fmt.Errorf("no signing key (want whsec_ followed by the key in base64)")
	}
	keys := make([]Key, 0, len(fields))
	for i, f := range fields {
		enc, ok := strings.CutPrefix(f, KeyPrefix)
		if !ok {
			return nil, fmt.Errorf("key %d: does not start with %s", i+1, KeyPrefix)
		}
		b, err := base64.StdEncoding.DecodeString(enc)
		if err != nil {
			b, err = base64.RawStdEncoding.DecodeString(enc)
		}
		if err != nil {
			return nil, fmt.Errorf("key %d: %s is not followed by base64", i+1, KeyPrefix)
		}
		if len(b) < MinKeyLen {
			return nil, fmt.Errorf("key %d: %d bytes, want at least %d (the Standard Webhooks minimum)", i+1, len(b), MinKeyLen)
		}
		keys = append(keys, Key{b: b})
	}
	return keys, nil
}

// Signature returns the webhook-signature header for an attempt: for each
// key, "v1," and the base64 HMAC-SHA256 of "id.timestamp.body", separated
// by spaces.
func Signature(keys []Key, id string, timestamp int64, body []byte) string {
	ts := strconv.FormatInt(timestamp, 10)
	var b strings.Builder
	for i, k := range keys {
		mac := hmac.New(sha256.New, k.b)
		mac.Write([]byte(id))
		mac.Write([]byte{'.'})
		mac.Write([]byte(ts))
		mac.Write([]byte{'.'})
		mac.Write(body)
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString("v1,")
		b.WriteString(base64.StdEncoding.EncodeToString(mac.Sum(nil)))
	}
	return b.String()
}

// Headers of the Standard Webhooks specification.
const (
	HeaderID        = "webhook-id"
	HeaderTimestamp = "webhook-timestamp"
	HeaderSignature = "webhook-signature"
)

// sign sets the Standard Webhooks headers of one attempt, signed afresh
// with timestamp (Unix seconds).
func sign(h http.Header, keys []Key, id string, timestamp int64, body []byte) {
	h.Set(HeaderID, id)
	h.Set(HeaderTimestamp, strconv.FormatInt(timestamp, 10))
	h.Set(HeaderSignature, Signature(keys, id, timestamp, body))
}
