package rules

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"net/url"
	"strings"
)

// structureValidators confirm tokens whose structure random text fails:
// JWTs whose header and payload decode, PyPI macaroons, ... The password,
// secret and basic-auth validators have no structure to confirm: they only
// reject the stand-ins (placeholders, templates, defaults, code) that the
// generic, URL and connection-string rules would otherwise report.
func structureValidators() map[string]Validator {
	return map[string]Validator{
		"jwt":        validateJWT,
		"password":   validatePassword,
		"basic-auth": validateBasicAuth,
		"secret":     validateSecret,
	}
}

// validateJWT checks a JWS compact serialisation (RFC 7515, RFC 7519):
// three base64url parts, a header that is a JSON object naming its "alg"
// (alg "none" included: an unsigned token is still a token), a payload
// that is a JSON object, and a signature part that decodes.
func validateJWT(token []byte) Result {
	parts := bytes.Split(token, []byte("."))
	if len(parts) != 3 {
		return rejected
	}
	var header struct {
		Alg *string `json:"alg"`
	}
	if !jsonObject(parts[0], &header) || header.Alg == nil || !jsonObject(parts[1], nil) {
		return rejected
	}
	if _, ok := base64URL(parts[2]); !ok {
		return rejected
	}
	return confirmed(ByStructure)
}

// base64URL decodes a JWS part: base64url, padding tolerated.
func base64URL(s []byte) ([]byte, bool) {
	s = bytes.TrimRight(s, "=")
	out := make([]byte, base64.RawURLEncoding.DecodedLen(len(s)))
	n, err := base64.RawURLEncoding.Decode(out, s)
	return out[:n], err == nil
}

// jsonObject reports whether seg decodes to a JSON object, unmarshalling it
// into v unless v is nil.
func jsonObject(seg []byte, v any) bool {
	b, ok := base64URL(seg)
	b = bytes.TrimSpace(b)
	if !ok || len(b) < 2 || b[0] != '{' {
		return false
	}
	if v == nil {
		return json.Valid(b)
	}
	return json.Unmarshal(b, v) == nil
}

// validatePassword never confirms a password: nothing in a password shows
// that it is real. It rejects what validateSecret rejects and the values
// that stand in for a password in docs, templates and fixtures: default
// and dictionary passwords (also with digits or symbols appended or in
// leetspeak), single plain words such as a label translated into another
// language, stored password hashes, and the program that prints the
// password (Apache's "AuthLDAPBindPassword exec:/path/to/program").
func validatePassword(pw []byte) Result {
	if rest, ok := bytes.CutPrefix(pw, []byte("{noop}")); ok {
		pw = rest // Spring Security's marker of a plain-text password
	}
	if bytes.IndexByte(pw, '%') >= 0 {
		if u, err := url.PathUnescape(string(pw)); err == nil && u != "" {
			pw = []byte(u) // a password from a URL: p%40ssword
		}
	}
	if len(pw) < 4 || templatePassword(pw) || publishable(pw) || code(pw) || dictionaryPassword(string(pw)) ||
		plainWord(pw) || passwordHash(pw) || bytes.HasPrefix(pw, []byte("exec:/")) {
		return rejected
	}
	return Result{}
}

// passwordHash: a stored hash is not the password (crypt's $id$salt$hash,
// bcrypt, argon2, LDAP's {SSHA}, Django's algorithm$iterations$salt$hash).
func passwordHash(pw []byte) bool {
	s := string(pw)
	return (s[0] == '$' && strings.Count(s, "$") >= 3) || (s[0] == '{' && strings.IndexByte(s, '}') > 1) ||
		((strings.HasPrefix(s, "pbkdf2_") || strings.HasPrefix(s, "argon2") || strings.HasPrefix(s, "bcrypt")) && strings.Count(s, "$") >= 2)
}

// validateBasicAuth checks the credentials of an HTTP Basic authorization
// header (RFC 7617): base64 of "user:password", printable, whose password
// is not a stand-in. Like a password, it is never confirmed.
func validateBasicAuth(b64 []byte) Result {
	if _, pw, decoded := bytes.Cut(b64, []byte(":")); decoded {
		return validatePassword(pw) // user:password, as the engine decoded it
	}
	raw := make([]byte, base64.StdEncoding.DecodedLen(len(b64)))
	n, err := base64.StdEncoding.Decode(raw, b64)
	if err != nil {
		return rejected
	}
	raw = raw[:n]
	for _, c := range raw {
		if c < 0x20 || c == 0x7f {
			return rejected
		}
	}
	_, pw, ok := bytes.Cut(raw, []byte(":"))
	if !ok {
		return rejected
	}
	return validatePassword(pw)
}

// validateSecret never confirms a generic secret, token or API key either.
// It rejects what stands in for one (template markers, masks, elisions),
// publishable keys, public by design (Stripe's pk_live_ and pk_test_,
// Mapbox's pk., Intercom's mobile SDK keys), numbers, short hexadecimal
// ids, identifiers, code expressions and SealedSecret ciphertext.
func validateSecret(s []byte) Result {
	if len(s) < 4 || templatePassword(s) || publishable(s) || numeric(s) || shortHex(s) || numberedIdentifier(s) ||
		plainWord(s) || code(s) || sealedSecret(s) {
		return rejected
	}
	return Result{}
}

// shortHex: fewer than 16 hexadecimal digits hold under 64 bits, too few
// for a key; such values are ids (Vonage's 8-digit API key, which names
// the account its secret belongs to), short commit hashes and colours.
func shortHex(s []byte) bool {
	return len(s) < 16 && isHexDigits(string(s))
}

// sealedSecret: a Bitnami SealedSecret value is ciphertext only the
// cluster's controller can open: base64 of a 0x02-led blob holding an
// RSA-wrapped session key, hundreds of characters long.
func sealedSecret(s []byte) bool {
	if len(s) < 400 || !bytes.HasPrefix(s, []byte("Ag")) {
		return false
	}
	for _, c := range s {
		if !(isLetter(c) || c >= '0' && c <= '9' || c == '+' || c == '/' || c == '=') {
			return false
		}
	}
	return true
}

// code: an expression rather than a value, as unquoted right-hand sides
// in source code are: a call with no arguments, or a line that goes on
// after an opening bracket.
func code(s []byte) bool {
	last := s[len(s)-1]
	return bytes.Contains(s, []byte("()")) || last == '(' || last == '[' || last == '{'
}

// numeric: a decimal, floating-point or short hexadecimal number.
func numeric(s []byte) bool {
	t := strings.TrimLeft(string(s), "+-")
	if h, ok := strings.CutPrefix(strings.ToLower(t), "0x"); ok {
		return len(h) <= 16 && isHexDigits(h)
	}
	digits := 0
	for i := 0; i < len(t); i++ {
		switch c := t[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == '.' || c == '+' || c == '-' || c == 'e' || c == 'E' || c == '_':
		default:
			return false
		}
	}
	return digits > 0
}

func isHexDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i] | 0x20; !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return s != ""
}

// numberedIdentifier: camelCase or PascalCase words of three letters or
// more, then digits: encryptionKey1024, testToken2.
func numberedIdentifier(s []byte) bool {
	core := strings.TrimRight(string(s), "0123456789")
	if len(core) == len(s) || len(core) < 6 {
		return false
	}
	run := 0
	for i := 0; i < len(core); i++ {
		c := core[i]
		switch {
		case c >= 'a' && c <= 'z':
			run++
		case c >= 'A' && c <= 'Z':
			if i > 0 && run < 2 {
				return false // humps too close: random text, not words
			}
			run = 0
		default:
			return false
		}
	}
	return run >= 2
}

// publishableKeys start keys that providers publish by design: Stripe's
// publishable keys, Mapbox's public tokens, and the iOS and Android API
// keys of Intercom's mobile SDKs, which ship in every app binary and
// grant no API access.
var publishableKeys = [][]byte{
	[]byte("pk_live_"), []byte("pk_test_"), []byte("pk."), []byte("ios_sdk-"), []byte("android_sdk-"),
}

func publishable(s []byte) bool {
	for _, p := range publishableKeys {
		if bytes.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// templateMarkers occur in format strings and templates, not in passwords.
var templateMarkers = []string{"%(", "{{", "}}", "${", "#{", "<%", "%>", "{0}", "$(", "@@"}

// printfVerbs make a value a format string ("%s", "user:%s@%s") unless the
// rest of it is random text: a password of symbols holds "%d" by chance.
var printfVerbs = strings.NewReplacer("%s", "", "%d", "", "%v", "")

func templatePassword(pw []byte) bool {
	s := string(pw)
	for _, m := range templateMarkers {
		if strings.Contains(s, m) {
			return true
		}
	}
	if rest := printfVerbs.Replace(s); len(rest) != len(s) && !mixedClasses(rest) {
		return true
	}
	first, last := pw[0], pw[len(pw)-1]
	switch {
	case (first == '<' && last == '>') || (first == '{' && last == '}') || (first == '[' && last == ']'):
		return true
	case strings.HasPrefix(s, "__") && strings.HasSuffix(s, "__"):
		return true // __DB_PASSWORD__
	case (first == '$' || first == ':' || first == '%' || first == '@') && isLetter(pw[1]):
		return true // $PASSWORD, :password (a bind parameter), %PASSWORD%, @password
	}
	return strings.Trim(s, "*xX•#.?-_") == "" || strings.Contains(s, "...") || strings.Contains(s, "…") // a mask, an elision
}

// defaultPasswords are whole values (lower case, digits and symbols at the
// end stripped) that documentation, images and tutorials use.
var defaultPasswords = map[string]bool{
	"pass": true, "pwd": true, "pw": true, "pword": true,
	"passwort": true, "admin": true,
	"administrator": true, "root": true, "toor": true, "guest": true, "test": true, "tester": true,
	"testing": true, "demo": true, "default": true, "user": true, "username": true, "login": true,
	"changeit": true, "letmein": true, "welcome": true, "qwerty": true, "foobar": true, "foobared": true,
	"foo": true, "bar": true, "baz": true, "hunter": true, "dragon": true, "monkey": true, "master": true,
	"postgres": true, "postgresql": true, "mysql": true, "mariadb": true, "mongo": true, "mongodb": true,
	"redis": true, "rabbitmq": true, "rabbit": true, "bitnami": true, "docker": true, "sa": true,
	"oracle": true, "tiger": true, "manager": true, "system": true, "sys": true, "none": true,
	"null": true, "nil": true, "empty": true, "blank": true, "undefined": true, "true": true,
	"false": true, "value": true, "string": true, "dbpass": true, "dbpwd": true, "abc": true,
	"abcd": true, "abcdef": true, "local": true, "localhost": true, "dev": true, "development": true,
	"token": true, "apikey": true, "key": true, "auth": true, "neo4j": true, "cassandra": true,
	"elastic": true, "kibana": true, "minioadmin": true, "cisco": true, "vagrant": true, "raspberry": true,
	"ubuntu": true, "secret": true, "anonymous": true,
}

// placeholderParts make any value holding them a stand-in.
var placeholderParts = []string{"password", "passwd", "changeme", "example", "placeholder",
	"secret", "dummy", "sample", "redacted", "xxxx", "your", "replace", "insert", "fake"}

// leet undoes the letter-to-digit swaps of p4ssw0rd and s3cr3t.
var leet = strings.NewReplacer("4", "a", "@", "a", "3", "e", "1", "i", "0", "o", "5", "s", "$", "s", "7", "t")

func dictionaryPassword(s string) bool {
	low := strings.ToLower(s)
	for _, p := range placeholderParts {
		if strings.Contains(low, p) {
			return true
		}
	}
	plain := leet.Replace(low)
	if strings.Contains(plain, "password") || strings.Contains(plain, "passwd") || strings.Contains(lettersOnly(low), "password") {
		return true // p4ssw0rd, Pa55w0rd!, passwo^rd
	}
	raw := strings.TrimRight(low, "0123456789!@#$%^&*?._-+=~,;")
	if raw == "" {
		return len(s) < 12 // only digits and symbols: 12345678
	}
	for _, core := range []string{raw, leet.Replace(raw)} {
		if strings.HasSuffix(core, "pass") || strings.HasSuffix(core, "pwd") {
			if w := strings.TrimRight(core, "abcdefghijklmnopqrstuvwxyz"); w == "" {
				return true // dbpass, testpass, rootpwd
			}
		}
		for _, prefix := range []string{"", "my", "the", "db", "app", "admin", "user"} {
			if w, ok := strings.CutPrefix(core, prefix); ok && (defaultPasswords[w] || (w == "" && prefix != "")) {
				return true
			}
		}
	}
	return false
}

// plainWord: letters only (words may be spaced), shorter than 16, each
// word written as words are (all lower, all upper, or capitalised):
// "Passwort", "tiramisu", "open sesame".
func plainWord(pw []byte) bool {
	if len(pw) >= 16 || pw[0] == ' ' {
		return false
	}
	upper, start := 0, 0
	for i, c := range pw {
		switch {
		case c == ' ':
			upper, start = 0, i+1
		case !isLetter(c):
			return false
		case c >= 'A' && c <= 'Z':
			upper++
			if i > start && upper != i-start+1 {
				return false // an upper-case letter inside a lower-case word
			}
		}
	}
	return true
}

func lettersOnly(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x80 && isLetter(byte(r)) {
			return r
		}
		return -1
	}, s)
}

// mixedClasses: at least 12 characters with upper-case letters, lower-case
// letters and digits, as random passwords have and format strings don't.
func mixedClasses(s string) bool {
	var upper, lower, digit bool
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 'A' && c <= 'Z':
			upper = true
		case c >= 'a' && c <= 'z':
			lower = true
		case c >= '0' && c <= '9':
			digit = true
		}
	}
	return len(s) >= 12 && upper && lower && digit
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
