package detect

import (
	"encoding/json"
	"fmt"
	"strings"
)

// Secret holds a secret's bytes and redacts itself: String, Format and
// MarshalJSON print a preview. Only Reveal gives the bytes.
type Secret struct {
	b []byte
}

// NewSecret wraps b (not copied).
func NewSecret(b []byte) Secret { return Secret{b: b} }

// Reveal returns the secret's bytes. Call it only where the user asked for
// the secret (--show-secrets) or to hash it.
func (s Secret) Reveal() []byte { return s.b }

// Len is the secret's length in bytes.
func (s Secret) Len() int { return len(s.b) }

// String returns the redacted preview.
func (s Secret) String() string { return Redact(s.b) }

// Format prints the preview for every verb, so %s, %v, %q and %x of a
// Secret never leak it.
func (s Secret) Format(f fmt.State, verb rune) { fmt.Fprint(f, Redact(s.b)) }

// GoString keeps %#v redacted too.
func (s Secret) GoString() string { return Redact(s.b) }

// MarshalJSON writes the preview.
func (s Secret) MarshalJSON() ([]byte, error) { return json.Marshal(Redact(s.b)) }

// MarshalText writes the preview.
func (s Secret) MarshalText() ([]byte, error) { return []byte(Redact(s.b)), nil }

// Redact shows at most a quarter of a secret, and at most 6 bytes, from its
// start (where a provider prefix says what it is) and masks the rest. Key
// material shows only its header line. Multi-line secrets show their first
// line.
func Redact(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	first := b
	if i := indexLineBreak(first); i >= 0 {
		first = first[:i]
	}
	if strings.HasPrefix(string(first), "-----BEGIN") {
		return string(first) + "…"
	}
	n := len(b) / 4
	if n > 6 {
		n = 6
	}
	if n > len(first) {
		n = len(first)
	}
	// Keep whole UTF-8 characters.
	for n > 0 && n < len(first) && first[n]&0xC0 == 0x80 {
		n--
	}
	return string(first[:n]) + strings.Repeat("*", min(max(len(b)-n, 3), 12))
}

func indexLineBreak(b []byte) int {
	for i, c := range b {
		if c == '\n' || c == '\r' {
			return i
		}
		if c == '\\' && i+1 < len(b) && (b[i+1] == 'n' || b[i+1] == 'r') {
			return i
		}
	}
	return -1
}
