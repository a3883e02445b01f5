package detect

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"math"
)

// documentedExamples are SHA-256 hashes of secrets that providers publish
// in their documentation and that are valid in form: a match is a copy of
// the documentation, not a leak. Only hashes are stored, so this file
// holds no token.
var documentedExamples = map[string]bool{
	// Azurite (Azure Storage emulator) well-known account key.
	"0011cc25eb4320717494d2703e8cba85743e71b500283c21c8b88147992f9059": true,
	// jwt.io's sample HS256 token.
	"7f75367e7881255134e1375e723d1dea8ad5f6a4fdb79d938df1f1754a830606": true,
	// Stripe's documented test key (API reference).
	"2cafc0970149a84f3b9e62eaf169f36f59907a3b3e31f7b82e68c69cd27f7326": true,
	// Stripe's documented test key (older docs).
	"f2d6ca16515033e5dce14eba840b979d27b5cbae24bb3e5bf484339667f86397": true,
	// Mailgun's documented example key.
	"9c846fdf0fa8955c377d0301542ee20ecd4585c5f359aa0a4cf15d44424f573d": true,
	// Mollie's documented live example key.
	"54269f914933b264bf0c677b7c7e5ebee81cad55327dc16a89fbed6e85512cf1": true,
	// Mollie's documented test example key.
	"9387af38d1038761f0ce6deb8dce56e1826e0faea6e7492e1d94bb7cb21580a2": true,
}

func isDocumentedExample(secret []byte) bool {
	sum := sha256.Sum256(secret)
	return documentedExamples[hex.EncodeToString(sum[:])]
}

// shannon returns the Shannon entropy of b in bits per byte.
func shannon(b []byte) float64 {
	if len(b) == 0 {
		return 0
	}
	var counts [256]int
	for _, c := range b {
		counts[c]++
	}
	n := float64(len(b))
	h := 0.0
	for _, k := range counts {
		if k > 0 {
			p := float64(k) / n
			h -= p * math.Log2(p)
		}
	}
	return h
}

// placeholderWords mark a value as a stand-in for a real secret. They are
// matched case-insensitively anywhere in the secret.
var placeholderWords = [][]byte{
	[]byte("xxxx"), []byte("****"), []byte("...."), []byte("…"), []byte("••"),
	[]byte("example"), []byte("changeme"), []byte("change_me"), []byte("change-me"),
	[]byte("replace_me"), []byte("replaceme"), []byte("replace-me"), []byte("replace_with"),
	[]byte("placeholder"), []byte("your_"), []byte("your-"), []byte("yourkey"),
	[]byte("yourtoken"), []byte("yoursecret"), []byte("yourpassword"), []byte("_here"),
	[]byte("-here"), []byte("dummy"), []byte("redacted"), []byte("insert_"),
	[]byte("<your"), []byte("fixme"), []byte("todo:"), []byte("notreal"),
	[]byte("not_a_real"), []byte("not-a-real"), []byte("fake_"), []byte("0000000000"),
	[]byte("12345678"), []byte("0123456789"), []byte("abcdefghij"), []byte("zzzzzzzz"),
}

// isPlaceholder reports whether secret is a stand-in: a documented example,
// a masked or templated value, or a run of one character.
func isPlaceholder(secret []byte) bool {
	if len(secret) == 0 {
		return true
	}
	var low [256]byte
	l := lowerASCII(low[:0], secret[:min(len(secret), len(low))])
	if len(secret) > len(low) {
		l = bytes.ToLower(secret)
	}
	l = withoutURLHost(l)
	for _, w := range placeholderWords {
		if bytes.Contains(l, w) {
			return true
		}
	}
	if repeatedA(secret) {
		return true
	}
	first, last := secret[0], secret[len(secret)-1]
	if (first == '<' && last == '>') || (first == '[' && last == ']') || (first == '{' && last == '}') {
		return true
	}
	// One character repeated, possibly after a prefix: sk_live_0000000000.
	same := 1
	for i := len(secret) - 1; i > 0 && secret[i] == secret[i-1]; i-- {
		same++
	}
	return same >= 8 && same*2 >= len(secret)
}

// withoutURLHost returns a lower-cased URL secret (a self-hosted
// webhook's address) without its host, which names the server the secret
// is used at: a company's chat.internal.example.org is no stand-in, while
// the path and query after it are judged like any secret. The URL is cut
// in place; other secrets are returned as they are.
func withoutURLHost(l []byte) []byte {
	i := bytes.Index(l, []byte("://"))
	if i <= 0 {
		return l
	}
	start := i + 3
	end := len(l)
	if j := bytes.IndexAny(l[start:], "/?#"); j >= 0 {
		end = start + j
	}
	if k := bytes.LastIndexByte(l[start:end], '@'); k >= 0 {
		start += k + 1 // keep the userinfo
	}
	return append(l[:start], l[end:]...)
}

// repeatedA reports a run of eight or more a's. A lower-case run is a
// stand-in wherever it is; an upper-case one only when it fills a quarter
// of the secret, because base64 writes zero bytes as A's, so encoded binary
// tokens (Fly.io's msgpack macaroons, DER key material) hold such runs.
func repeatedA(secret []byte) bool {
	for i := 0; i < len(secret); {
		c := secret[i]
		if c != 'a' && c != 'A' {
			i++
			continue
		}
		j, lower := i, false
		for j < len(secret) && (secret[j] == 'a' || secret[j] == 'A') {
			lower = lower || secret[j] == 'a'
			j++
		}
		if n := j - i; n >= 8 && (lower || n*4 >= len(secret)) {
			return true
		}
		i = j
	}
	return false
}

// sequential reports a generic rule's value made of runs of consecutive
// letters or digits, a stand-in typed from the alphabet
// (dt0c01.ABC123.XYZ789, Abcd12345!): at least six neighbouring pairs step
// up by one within letters or within digits, and they are at least two in
// five of all pairs. A random token of 62 symbols steps up once in about
// 60 pairs.
func sequential(secret []byte) bool {
	if len(secret) < 8 {
		return false
	}
	steps := 0
	for i := 1; i < len(secret); i++ {
		a, b := secret[i-1], secret[i]
		if b == a+1 && (a >= '0' && b <= '9' || a >= 'a' && b <= 'z' || a >= 'A' && b <= 'Z') {
			steps++
		}
	}
	return steps >= 6 && steps*5 >= (len(secret)-1)*2
}

// inAngleTemplate reports whether the secret at data[off:end] holds an
// angle-bracket placeholder, whole or cut short by the rule at a space or a
// quote: TOKEN=shpat_<admin api access token>, sk_live_<key>. From the '<'
// to the next '>' on the line there are only the words of a description
// (letters, digits, spaces, _ - .), led by a letter; a password's symbols
// or the end of the line end the search.
func inAngleTemplate(data []byte, off, end int) bool {
	i := bytes.IndexByte(data[off:end], '<')
	if i < 0 {
		return false
	}
	start := off + i + 1
	if start >= len(data) || !isLetter(data[start]) {
		return false
	}
	for j := start; j < min(len(data), start+96); j++ {
		switch c := data[j]; {
		case c == '>':
			return j-start >= 3
		case isLetter(c) || c >= '0' && c <= '9' || c == ' ' || c == '_' || c == '-' || c == '.':
		default:
			return false
		}
	}
	return false
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// truncatedAfter reports whether the secret ending at end is cut short by
// an elision written right after it: "Bearer sfk_live_8Kq2…" in docs and
// logs that shorten a token. The rule's character class stopped at the
// ellipsis, so the match is only the token's first characters.
func truncatedAfter(data []byte, end int) bool {
	rest := data[end:]
	return bytes.HasPrefix(rest, []byte("…")) || bytes.HasPrefix(rest, []byte("..."))
}

// referencePrefixes start values that name a secret held elsewhere.
var referencePrefixes = [][]byte{
	[]byte("${"), []byte("$("), []byte("{{"), []byte("{%"), []byte("<%"), []byte("#{"),
	[]byte("%("), []byte("env."), []byte("env["), []byte("env:"), []byte("process.env"),
	[]byte("os.getenv"), []byte("os.environ"), []byte("system.getenv"), []byte("getenv("),
	[]byte("secrets."), []byte("vars."), []byte("var."), []byte("local."), []byte("locals."),
	[]byte("data."), []byte("module."), []byte("enc["), []byte("$ansible_vault"),
	[]byte("vault:"), []byte("!vault"), []byte("ref+"), []byte("arn:aws:secretsmanager"),
	[]byte("arn:aws:ssm"), []byte("{{resolve:"), []byte("secretref:"), []byte("@microsoft.keyvault"),
	[]byte("akv:"), []byte("sm://"), []byte("op://"), []byte("keyring:"),
}

// isReference reports whether the secret (at off in data) is a reference
// to a variable or template rather than a value: ${X}, $X, %X%, {{ x }},
// os.getenv("X"), process.env.X, SOPS ENC[...], vault references.
func isReference(secret, data []byte, off int) bool {
	var low [64]byte
	l := lowerASCII(low[:0], secret[:min(len(secret), len(low))])
	for _, p := range referencePrefixes {
		if bytes.HasPrefix(l, p) {
			return true
		}
	}
	if secret[0] == '$' && len(secret) > 1 && isIdentStart(secret[1]) {
		return true // $TOKEN, $password
	}
	if len(secret) > 2 && secret[0] == '%' && secret[len(secret)-1] == '%' {
		return true // %API_KEY%
	}
	// A template or interpolation opened just before the secret.
	if off >= 2 {
		before := data[max(0, off-3):off]
		if bytes.HasSuffix(before, []byte("${")) || bytes.HasSuffix(before, []byte("{{")) ||
			bytes.HasSuffix(before, []byte("%{")) || bytes.HasSuffix(before, []byte("#{")) {
			return true
		}
	}
	// A call: getSecret("name"), config.get(...).
	if secret[len(secret)-1] == ')' && bytes.IndexByte(secret, '(') > 0 {
		return true
	}
	return false
}

func isIdentStart(c byte) bool {
	return c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '{'
}

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
