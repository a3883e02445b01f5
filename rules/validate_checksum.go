package rules

import (
	"hash/crc32"
)

// base62Digits is the alphabet of GitHub's and npm's token checksums.
const base62Digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

// checksumValidators confirm tokens that carry a checksum of their own.
func checksumValidators() map[string]Validator {
	return map[string]Validator{
		// ghp_ gho_ ghu_ ghs_ ghr_ and npm_: 30 random base62 characters
		// followed by the CRC32 of those 30, in 6 base62 digits.
		"crc32-base62": validateCRC32Base62,
	}
}

// CRC32Base62 encodes the checksum GitHub and npm append to the random part
// of a token. Fake-token generators use it to build format-valid tokens.
func CRC32Base62(random []byte) string {
	return base62Pad(crc32.ChecksumIEEE(random), 6)
}

func base62Pad(v uint32, width int) string {
	buf := make([]byte, width)
	for i := width - 1; i >= 0; i-- {
		buf[i] = base62Digits[v%62]
		v /= 62
	}
	return string(buf)
}

// validateCRC32Base62 takes a whole token (prefix, "_", 30 random characters,
// 6 checksum characters) and checks the checksum of the random part.
func validateCRC32Base62(token []byte) Result {
	us := -1
	for i, c := range token {
		if c == '_' {
			us = i
		}
	}
	body := token[us+1:]
	if len(body) != 36 {
		return rejected
	}
	if CRC32Base62(body[:30]) != string(body[30:]) {
		return rejected
	}
	return confirmed(ByChecksum)
}
