package detect

import (
	"bytes"
	"testing"
)

// TestLowerASCII compares the eight-bytes-at-a-time lower-casing with a
// byte at a time, over every byte value at every alignment.
func TestLowerASCII(t *testing.T) {
	var all []byte
	for i := 0; i < 256; i++ {
		all = append(all, byte(i))
	}
	for shift := 0; shift < 9; shift++ {
		in := append(bytes.Repeat([]byte{'Q'}, shift), all...)
		got := lowerASCII(nil, in)
		for i, c := range in {
			if got[i] != lowerTable[c] {
				t.Fatalf("shift %d: byte %#x lowered to %#x, want %#x", shift, c, got[i], lowerTable[c])
			}
		}
	}
}
