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
