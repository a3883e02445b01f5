package detect

import (
	"encoding/hex"
	"testing"
)

func TestIsPlaceholder(t *testing.T) {
	tests := []struct {
		name   string
		secret string
		want   bool
	}{
		{"random", "Kq3Wz8Xl2Vt7Nb5Rm9Yp4H", false},
		{"example word", "sk" + "_live_example_key_123", true},
		{"lower-case run of a", "tok_aaaaaaaaZq8Lk2", true},
		{"upper-case run filling the tail", "AKIAAAAAAAAAAAAAAAAA", true},
		{"upper-case run inside base64 of binary", "fm2" + "_lJPECAAAAAAAAAAAh3RkZXYwGgYW+1xq9Ws4Mzv2Q0tLk8Ff3b6Yt9NcHmRw2Ls5Pq8Vx1Jd7Kz4Ag6Ub0Ie3Oh9Ys2Wl5Tc8Mn1Rf4Gp7Dj0Xv3Bq6Hk9Ea2Zu", false},
		{"example host of a webhook URL", "https://chat.corp.example.org/hooks/q7zk2m9x4w8r1t5v3n6b0c8d2f", false},
		{"stand-in path of a webhook URL", "https://chat.corp.invalid/hooks/your-hook-id-goes-here", true},
		{"example in the userinfo of a URL", "https://example:Zq8Lk2Vt7@git.corp.invalid/", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := isPlaceholder([]byte(tt.secret)); got != tt.want {
				t.Errorf("isPlaceholder(%q) = %v, want %v", tt.secret, got, tt.want)
			}
		})
	}
}

func TestSequential(t *testing.T) {
	tests := []struct {
		secret string
		want   bool
	}{
		{"dt0c01.ABC123.XYZ789", true},
		{"Abcd12345!", true},
		{"abc123", false}, // too short to judge
		{"Kq3Wz8Xl2Vt7Nb5Rm9Yp4H", false},
		{"9f86d081884c7d659a2feaa0c55ad015", false},
		{"hvs" + ".CAESIJ2kLm9QrStUvWx3Yz4Ab5Cd", false},
	}
	for _, tt := range tests {
		if got := sequential([]byte(tt.secret)); got != tt.want {
			t.Errorf("sequential(%q) = %v, want %v", tt.secret, got, tt.want)
		}
	}
}

func TestIsIdentifierWildcard(t *testing.T) {
	tests := []struct {
		secret string
		want   bool
	}{
		{"NEXT_PUBLIC_*", true},
		{"app.feature.*", true},
		{"Zq8Lk2Vt7Nb5*", false},
		{"*", false},
	}
	for _, tt := range tests {
		if got := isIdentifier([]byte(tt.secret)); got != tt.want {
			t.Errorf("isIdentifier(%q) = %v, want %v", tt.secret, got, tt.want)
		}
	}
}

// TestScanEncodedPairBelow: an encoded secret is judged with the line
// below it, where the key id it pairs with may stand.
func TestScanEncodedPairBelow(t *testing.T) {
	e := defaultEngine(t)
	secret := "Wq7Zx2Lk9Vt4Nb8Rm3Yp6Hd5Fs1Jc0Gz3Qe8Ua2K"
	id := "AKIA" + "Q7ZK2M6X4W3R5T2V"
	text := "// upload credential, hex so strings(1) does not show it\n" +
		"const char* kUploadKeyHex = \"" + hex.EncodeToString([]byte(secret)) + "\";\n" +
		"const char* kUploadKeyId = \"" + id + "\";\n"
	found := false
	for _, m := range e.NewScanner().Scan([]byte(text)) {
		if m.Rule.ID == "aws-secret-access-key-quoted" && string(m.Secret.Reveal()) == secret && m.Line == 2 {
			found = true
		}
	}
	if !found {
		t.Errorf("hex-encoded secret above its key id not reported")
	}
}

func TestKeyNamesOfSaltsAndSearchKeys(t *testing.T) {
	tests := []struct {
		key  string
		want bool // dropped as naming no credential
	}{
		{"AUTH_SALT", false},
		{"SECURITY_PASSWORD_SALT", false},
		{"ALGOLIA_SEARCH_API_KEY", true},
		{"algoliaSearchOnlyApiKey", true},
		{"ALGOLIA_ADMIN_API_KEY", false},
	}
	for _, tt := range tests {
		key := []byte(tt.key)
		if got := namesNonSecret(key) || namesPublicOrCursor(key); got != tt.want {
			t.Errorf("%s: dropped = %v, want %v", tt.key, got, tt.want)
		}
	}
	// A salt that is a digest is still no secret.
	line := []byte("password_salt = 0f216f2e9d17f9552ceb29a1adea3dc60f3d06b7\n")
	if !looksLikeIDOrWord(line[16:56], line, 16) {
		t.Errorf("hex salt kept")
	}
}
