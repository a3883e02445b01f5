package detect

import "bytes"

// Filters for generic rules' values: names that say a value is public, a
// hash, an id or a description of a secret, and values that are
// identifiers, paths, digests or dictionary words rather than credentials.

// looksLikeIDOrWord filters generic rules' values that are hashes, ids,
// identifiers or dictionary words rather than credentials. A digest or
// UUID is dropped only when the name it is assigned to says hash or id
// (private_key_id, sha256, checksum): "api_key = <32 hex>" is a key.
func looksLikeIDOrWord(secret, data []byte, off int) bool {
	n := len(secret)
	digest := isHex(secret) && (n == 32 || n == 40 || n == 56 || n == 64 || n == 96 || n == 128)
	key := keyBefore(data, off)
	if (digest || isUUID(secret)) && namesHashOrID(bytes.ToLower(key)) {
		return true
	}
	if namesNonSecret(key) {
		return true // secret_name, tokenType, password_file: about a secret, not one
	}
	if namesPublicOrCursor(key) {
		return true // mixpanelProjectToken, nextPageToken: no credential
	}
	if digest && emptyDigests[string(bytes.ToLower(secret))] {
		return true
	}
	if len(secret) == 35 && bytes.HasPrefix(secret, []byte("md5")) && isHex(secret[3:]) {
		return true // PostgreSQL's md5-hashed password
	}
	for _, p := range hashPrefixes {
		if bytes.HasPrefix(secret, p) {
			return true // SRI integrity, image digests, password hashes
		}
	}
	if isIdentifier(secret) || isPath(secret) || isDictionaryPassword(secret) || sequential(secret) {
		return true
	}
	// A base64 value that decodes to a name or a stand-in is one too:
	// dGVzdC1zZWNyZXQ= is "test-secret".
	if len(secret) >= 12 && len(secret)%4 == 0 {
		if dec, ok := decodeRun(nil, secret, encBase64); ok {
			return isPlaceholder(dec) || isIdentifier(dec) || isDictionaryPassword(dec)
		}
	}
	return false
}

// keyBefore returns the lower-cased name a value at off is assigned to:
// the last identifier before it on its line ("private_key_id" in
// `"private_key_id": "0f21…"`).
func keyBefore(data []byte, off int) []byte {
	start := max(0, off-128)
	if i := bytes.LastIndexByte(data[start:off], '\n'); i >= 0 {
		start += i + 1
	}
	line := data[start:off]
	end := len(line)
	for end > 0 && !isNameByte(line[end-1]) {
		end--
	}
	begin := end
	for begin > 0 && isNameByte(line[begin-1]) {
		begin--
	}
	return line[begin:end]
}

// nonSecretWords end key names whose values describe a secret rather than
// hold it. "salt" is not one: an application's salt setting (WordPress's
// AUTH_SALT, Flask-Security's SECURITY_PASSWORD_SALT) is a secret key,
// while a stored hash's salt is a digest, which namesHashOrID drops.
var nonSecretWords = []string{
	"name", "names", "type", "file", "path", "dir", "url", "uri", "ref", "arn", "version",
	"len", "length", "size", "count", "expiry", "expires", "ttl", "timeout", "endpoint",
	"host", "port", "header", "prefix", "suffix", "format", "mode", "kind", "policy",
	"hint", "label", "id", "ids", "field", "env", "var", "store", "provider", "method",
	"algorithm", "alg", "scope", "scopes", "issuer", "audience", "location", "region",
	"hash", "digest", "checksum",
}

// namesNonSecret reports whether the last word of a key name (split at
// separators and camel humps) says its value is about a secret: its name,
// type, file, length.
func namesNonSecret(key []byte) bool {
	word := key
	if j := bytes.LastIndexAny(word, "_.-"); j >= 0 {
		word = word[j+1:]
	}
	if bytes.ContainsAny(word, "abcdefghijklmnopqrstuvwxyz") {
		for k := len(word) - 1; k > 0; k-- {
			if word[k] >= 'A' && word[k] <= 'Z' {
				word = word[k:] // camel hump: secretName -> Name
				break
			}
		}
	}
	if len(word) == len(key) {
		return false // a single word names the secret itself
	}
	low := string(bytes.ToLower(word))
	for _, w := range nonSecretWords {
		if low == w {
			return true
		}
	}
	return false
}

// publicKeyNames are key names under which providers document a public
// identifier, shipped in browsers and apps, next to a secret of a similar
// name: Amplitude's "API Keys are public" (its Secret Key is not),
// Mixpanel's project token ("not a secret value"; its API secret is), a
// Shopify app's API key, which is the app's OAuth client ID (its API
// secret key is the secret), and Algolia's search-only API key, made for
// front-end code (its Admin API key is the secret). A key matches when its squashed name (lower
// case, no separators) holds the provider and ends with the key's word.
var publicKeyNames = []struct{ provider, suffix string }{
	{"amplitude", "apikey"},
	{"mixpanel", "token"},
	{"shopify", "apikey"},
	{"algolia", "searchapikey"},
	{"algolia", "searchonlyapikey"},
	{"algolia", "searchkey"},
}

// cursorTokens end squashed key names of tokens that are not credentials:
// pagination and sync cursors an API hands back (nextPageToken, NextToken,
// continuationToken) and the single-use, one-minute reply token of a chat
// webhook event (LINE's replyToken).
var cursorTokens = []string{
	"pagetoken", "nexttoken", "continuationtoken", "paginationtoken", "synctoken",
	"resumetoken", "replytoken",
}

// namesPublicOrCursor reports whether a key name says its value is a
// public identifier or a cursor rather than a credential.
func namesPublicOrCursor(key []byte) bool {
	if len(key) < 5 {
		return false
	}
	var buf [128]byte
	sq := buf[:0]
	for _, c := range key {
		switch {
		case c == '_' || c == '-' || c == '.':
		case c >= 'A' && c <= 'Z':
			sq = append(sq, c+'a'-'A')
		default:
			sq = append(sq, c)
		}
	}
	for _, p := range publicKeyNames {
		if bytes.HasSuffix(sq, []byte(p.suffix)) && bytes.Contains(sq, []byte(p.provider)) {
			return true
		}
	}
	for _, w := range cursorTokens {
		if bytes.HasSuffix(sq, []byte(w)) {
			return true
		}
	}
	return false
}

func isNameByte(c byte) bool {
	return c == '_' || c == '-' || c == '.' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// hashPrefixes start digests and password hashes: SRI integrity strings,
// image digests, crypt(3), bcrypt, argon2, Django's and Werkzeug's PBKDF2,
// LDAP's {SSHA}. A stored hash is not the password.
var hashPrefixes = [][]byte{
	[]byte("sha1-"), []byte("sha256-"), []byte("sha384-"), []byte("sha512-"),
	[]byte("sha256:"), []byte("sha512:"), []byte("md5:"),
	[]byte("$2a$"), []byte("$2b$"), []byte("$2y$"), []byte("$argon2"), []byte("$1$"),
	[]byte("$5$"), []byte("$6$"), []byte("$apr1$"), []byte("$scrypt$"), []byte("$pbkdf2"),
	[]byte("pbkdf2_sha256$"), []byte("pbkdf2_sha1$"), []byte("argon2$"), []byte("bcrypt$"),
	[]byte("pbkdf2:sha256:"), []byte("scrypt:"), []byte("{SSHA}"), []byte("{SHA}"),
	[]byte("{SSHA512}"), []byte("{CRYPT}"), []byte("{bcrypt}"), []byte("{noop}"),
	[]byte("SCRAM-SHA-256$"),
}

// emptyDigests are the MD5, SHA-1 and SHA-256 of nothing: they fill
// examples and empty caches, and are no one's key.
var emptyDigests = map[string]bool{
	"d41d8cd98f00b204e9800998ecf8427e":                                 true,
	"da39a3ee5e6b4b0d3255bfef95601890afd80709":                         true,
	"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855": true,
}

var hashOrIDWords = [][]byte{
	[]byte("hash"), []byte("sha"), []byte("md5"), []byte("digest"), []byte("checksum"),
	[]byte("integrity"), []byte("fingerprint"), []byte("etag"), []byte("commit"),
	[]byte("revision"), []byte("uuid"), []byte("guid"), []byte("nonce"), []byte("salt"),
}

// namesHashOrID reports whether a key name says its value is a digest or
// an identifier.
func namesHashOrID(key []byte) bool {
	for _, w := range hashOrIDWords {
		if bytes.Contains(key, w) {
			return true
		}
	}
	for _, suf := range []string{"id", "ids", "_id", "-id", "rev", "sum"} {
		if bytes.HasSuffix(key, []byte(suf)) {
			return true
		}
	}
	return false
}

func isHex(b []byte) bool {
	for _, c := range b {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return len(b) > 0
}

func isUUID(b []byte) bool {
	if len(b) != 36 {
		return false
	}
	for i, c := range b {
		if i == 8 || i == 13 || i == 18 || i == 23 {
			if c != '-' {
				return false
			}
		} else if !isHex(b[i : i+1]) {
			return false
		}
	}
	return true
}

// isIdentifier: snake_case, SCREAMING_CASE, camelCase, dotted.names and
// kebab-case words, which name a value instead of being one; also such a
// name ending in a wildcard (NEXT_PUBLIC_*, a pattern of names in a build
// tool's list of environment variables). Every word of an identifier
// (split at separators and camel humps) is pronounceable: its words of
// four letters or more have a vowel. Random letters ("HqgVHgwJROIzvpc")
// have words without.
func isIdentifier(b []byte) bool {
	if n := len(b); n > 1 && b[n-1] == '*' && (b[n-2] == '_' || b[n-2] == '.' || b[n-2] == '-') {
		b = b[:n-1]
	}
	if !(b[0] >= 'a' && b[0] <= 'z' || b[0] >= 'A' && b[0] <= 'Z' || b[0] == '_') {
		return false
	}
	humps, seps := 0, 0
	for i, c := range b {
		switch {
		case c >= 'a' && c <= 'z':
		case c >= 'A' && c <= 'Z':
			if i > 0 && b[i-1] >= 'a' && b[i-1] <= 'z' {
				humps++
			}
		case c == '_' || c == '.' || c == '-':
			seps++
		default:
			return false // digits or symbols: a password, not a name
		}
	}
	if humps == 0 && seps == 0 {
		return false // one word: judged by entropy and the dictionary
	}
	if humps > 0 && len(b)/(humps+1) < 4 {
		return false // humps every few letters: random case
	}
	return wordsHaveVowels(b)
}

func wordsHaveVowels(b []byte) bool {
	start := 0
	for i := 0; i <= len(b); i++ {
		end := i == len(b) || b[i] == '_' || b[i] == '.' || b[i] == '-' ||
			(b[i] >= 'A' && b[i] <= 'Z' && i > 0 && b[i-1] >= 'a' && b[i-1] <= 'z')
		if !end {
			continue
		}
		if i-start > 3 && !bytes.ContainsAny(bytes.ToLower(b[start:i]), "aeiouy") {
			return false
		}
		start = i
		if i < len(b) && (b[i] == '_' || b[i] == '.' || b[i] == '-') {
			start = i + 1
		}
	}
	return true
}

func isPath(b []byte) bool {
	if b[0] == '/' && isBase64Key(b) {
		return false // base64 key material that happens to start with '/'
	}
	if b[0] == '/' || bytes.HasPrefix(b, []byte("./")) || bytes.HasPrefix(b, []byte("~/")) ||
		bytes.HasPrefix(b, []byte("../")) || (len(b) > 2 && b[1] == ':' && b[2] == '\\') {
		return true
	}
	// A lower-case import or module path: hash/adler32, k8s.io/api/core.
	if bytes.IndexByte(b, '/') < 0 {
		return false
	}
	for _, c := range b {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '/' || c == '.' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

// isBase64Key reports whether b, led by '/', is standard base64 of random
// bytes rather than an absolute path: only base64 characters in whole
// quantums, upper-case letters, lower-case letters and digits all present,
// and a '+' (which paths almost never hold) or a run of 20 characters
// between slashes (path segments are words). Keys such as Phoenix's
// secret_key_base start with '/' one time in 64.
func isBase64Key(b []byte) bool {
	if len(b) < 20 || len(b)%4 != 0 {
		return false
	}
	var upper, lower, digit, plus bool
	seg, longest := 0, 0
	for i, c := range b {
		seg++
		switch {
		case c >= 'A' && c <= 'Z':
			upper = true
		case c >= 'a' && c <= 'z':
			lower = true
		case c >= '0' && c <= '9':
			digit = true
		case c == '+':
			plus = true
		case c == '/':
			seg = 0
		case c == '=' && i >= len(b)-2:
		default:
			return false
		}
		longest = max(longest, seg)
	}
	return upper && lower && digit && (plus || longest >= 20)
}

// commonPasswords are values people put in test fixtures and docs; with a
// few digits or symbols appended they are still not a leaked credential.
var commonPasswords = []string{
	"password", "passw0rd", "p@ssw0rd", "p@ssword", "secret", "test", "testing",
	"admin", "administrator", "root", "toor", "changeit", "letmein", "welcome",
	"qwerty", "default", "guest", "user", "pass", "demo", "sample", "mysecret",
	"mypassword", "foobar", "foo", "bar", "hunter", "dragon", "monkey", "master",
	"abc", "abcd", "abcdef", "postgres", "mysql", "redis", "token", "apikey",
	"development", "dev", "local", "localhost", "example", "none", "null", "empty",
}

// isDictionaryPassword reports whether b is a common password, possibly
// followed by digits and punctuation (Password123!).
func isDictionaryPassword(b []byte) bool {
	core := bytes.TrimRight(b, "0123456789!@#$%^&*?._-")
	low := bytes.ToLower(core)
	for _, w := range commonPasswords {
		if string(low) == w {
			return true
		}
	}
	return len(core) == 0 && len(b) < 12 // only digits and symbols: 12345678
}
