package detect

import (
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/leakstop/leakstop/rules"
)

// testRules are small rules written for these tests, so the engine's
// behaviour is tested apart from the catalog.
const testRules = `
[[rules]]
id = "tok"
provider = "Test"
family = "testing"
keywords = ["tok_"]
regex = '''\b(?P<secret>tok_[0-9A-Za-z]{20})\b'''
entropy = 3.0

[[rules]]
id = "gh"
provider = "GitHub"
family = "vcs"
keywords = ["ghp_"]
regex = '''\b(?P<secret>ghp_[0-9A-Za-z]{36})\b'''
validator = "crc32-base62"
allow_placeholders = true

[[rules]]
id = "pw"
provider = "Generic"
family = "generic"
keywords = ["password"]
regex = '''(?i)password\w*\s*[:=]\s*["']?(?P<secret>[^\s"']{8,64})'''
entropy = 2.5

[[rules]]
id = "key-id"
provider = "Pair"
family = "testing"
keywords = ["kid_"]
regex = '''\b(?P<secret>kid_[A-Z0-9]{12})\b'''

[[rules]]
id = "key-secret"
provider = "Pair"
family = "testing"
keywords = ["ksec"]
regex = '''ksec\s*=\s*(?P<secret>[A-Za-z0-9]{24})'''
[rules.requires]
id = "key-id"
within_lines = 2
`

func testEngine(t testing.TB) *Engine {
	t.Helper()
	f, err := rules.Load("test.toml", []byte(testRules))
	if err != nil {
		t.Fatal(err)
	}
	e, err := New(rules.NewSet(f.Rules...), Options{})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// ghToken builds a format-valid GitHub token at test time.
func ghToken(random string) string {
	return "ghp" + "_" + random + rules.CRC32Base62([]byte(random))
}

type found struct {
	rule, secret string
	line, col    int
}

func scanAll(e *Engine, text string) []found {
	var out []found
	for _, m := range e.NewScanner().Scan([]byte(text)) {
		out = append(out, found{m.Rule.ID, string(m.Secret.Reveal()), m.Line, m.Column})
	}
	return out
}

func TestScan(t *testing.T) {
	e := testEngine(t)
	tok := "tok_" + "aB3dE5fG7hJ9kL1mN2pQ"
	gh := ghToken("Zq8Xw2Lp4Rt6Yu1Io3Pa5Sd7Fg9Hj0")
	badGH := gh[:len(gh)-1] + "x"
	tests := []struct {
		name string
		text string
		want []found
	}{
		{"plain", "x = " + tok + "\n", []found{{"tok", tok, 1, 5}}},
		{"keyword case-insensitive", "X = " + strings.ToUpper(tok[:4]) + tok[4:] + "\n", nil},
		{"second line and column", "a\n\tkey: " + tok, []found{{"tok", tok, 2, 7}}},
		{"crlf", "a\r\nb\r\n  " + tok + "\r\n", []found{{"tok", tok, 3, 3}}},
		{"utf-8 column counts characters", "é=" + tok, []found{{"tok", tok, 1, 3}}},
		{"low entropy", "tok_aaaaaaaaaaaaaaaaaaab", nil},
		{"placeholder", "tok_XXXXXXXXXXXXXXXXXXXX and tok_yourtokenherexxxxxxx", nil},
		{"checksum valid", "GITHUB_TOKEN=" + gh, []found{{"gh", gh, 1, 14}}},
		{"checksum invalid", "GITHUB_TOKEN=" + badGH, nil},
		{"password", `password = "Zr8#qLm2!vX"`, []found{{"pw", "Zr8#qLm2!vX", 1, 13}}},
		{"password reference", "password: ${DB_PASSWORD}\npassword=$SECRET\npassword = os.getenv(\"X\")", nil},
		{"password template", "password: {{ .Values.db.password }}\n", nil},
		{"password dictionary", "password: Password123!\npassword: changeme\n", nil},
		{"password hash", "password_hash: 5f4dcc3b5aa765d61d8327deb882cf99\npassword_salt = 0f216f2e9d17f9552ceb29a1adea3dc60f3d06b7\n", nil},
		{"password hashes", "password: $2b$12$KIXQj9Zp4Wx2Lq7Vt8Rm3uJ5yHn1Bc6Df0Gh9Kl2Mn4Op6Qr8St\npassword = pbkdf2_sha256$600000$Zq8vLm2K$Xw9Lq3Zk7Vm2Rb4Nc6Hy1Jd5Fg0\n", nil},
		{"hex password kept", "password: 8c1f2a9be07d4c3a9b2e51f06d7a4c3e\n", []found{{"pw", "8c1f2a9be07d4c3a9b2e51f06d7a4c3e", 1, 11}}},
		{"password identifier", "password: dbPasswordValue\npassword=DB_PASSWORD_FILE", nil},
		{"password angle placeholder", "password: Zr8_<admin db password>\npassword: pw<YOUR_DB_PASSWORD>\n", nil},
		{"password with angle brackets", `password = "Zr8<q!Lm2>vX"`, []found{{"pw", "Zr8<q!Lm2>vX", 1, 13}}},
		{"password path", "password: /var/lib/app/Secrets2024/key\n", nil},
		{"password base64 led by slash", "password: /Jq3vX8kLw2Rt9ZmN4bYp7Hd+Fs1Wc6G\n", []found{{"pw", "/Jq3vX8kLw2Rt9ZmN4bYp7Hd+Fs1Wc6G", 1, 11}}},
		{"password sops", "password: ENC[AES256_GCM,data:abc,iv:def,tag:ghi,type:str]\n", nil},
		{"pair present", "kid_ABCDEF123456\nksec = Xy7Pq2Lm9Rt4Vb6Nc8Zd1Fg3\n", []found{{"key-id", "kid_ABCDEF123456", 1, 1}, {"key-secret", "Xy7Pq2Lm9Rt4Vb6Nc8Zd1Fg3", 2, 8}}},
		{"pair missing", "ksec = Xy7Pq2Lm9Rt4Vb6Nc8Zd1Fg3\n", nil},
		{"pair too far", "kid_ABCDEF123456\n\n\n\nksec = Xy7Pq2Lm9Rt4Vb6Nc8Zd1Fg3\n", []found{{"key-id", "kid_ABCDEF123456", 1, 1}}},
		{"generic yields to provider", "password=" + tok, []found{{"tok", tok, 1, 10}}},
		{"no trailing newline, last line", "a\nb\n" + tok, []found{{"tok", tok, 3, 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := scanAll(e, tt.text)
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("got %v\nwant %v", redactAll(got), redactAll(tt.want))
			}
		})
	}
}

func redactAll(fs []found) []found {
	out := make([]found, len(fs))
	for i, f := range fs {
		out[i] = f
		out[i].secret = Redact([]byte(f.secret))
	}
	return out
}

func TestScanEncoded(t *testing.T) {
	e := testEngine(t)
	tok := "tok_" + "Qw3Er5Ty7Ui9Op1As2Df"
	pw := "Zr8#qLm2!vX7"
	tests := []struct {
		name, text, rule, secret, decoded string
		line                              int
	}{
		{"base64 in k8s secret", "data:\n  token: " + base64.StdEncoding.EncodeToString([]byte(tok)) + "\n", "tok", tok, "base64", 2},
		{"base64 keeps the key's context", "data:\n  password: " + base64.StdEncoding.EncodeToString([]byte(pw)) + "\n", "pw", pw, "base64", 2},
		{"base64url", "x=" + base64.RawURLEncoding.EncodeToString([]byte("id "+tok+" ok")) + "\n", "tok", tok, "base64", 1},
		{"hex", "blob " + hex.EncodeToString([]byte("the token "+tok)) + "\n", "tok", tok, "hex", 1},
		{"percent", "https://x.test/cb?state=" + url.QueryEscape("k="+tok) + "\n", "tok", tok, "percent", 1},
		{"unicode escapes", `{"v": "` + strings.ReplaceAll(tok, "_", `\u005f`) + `"}`, "tok", tok, "escape", 1},
		{"two layers", "d: " + base64.StdEncoding.EncodeToString([]byte(base64.StdEncoding.EncodeToString([]byte("k "+tok)))) + "\n", "tok", tok, "base64", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms := e.NewScanner().Scan([]byte(tt.text))
			for _, m := range ms {
				if m.Rule.ID == tt.rule && string(m.Secret.Reveal()) == tt.secret {
					if len(m.Decoded) == 0 || !strings.HasPrefix(m.Decoded[0], tt.decoded) {
						t.Errorf("decoded %v, want %s first", m.Decoded, tt.decoded)
					}
					if m.Line != tt.line {
						t.Errorf("line %d, want %d (the encoded value's)", m.Line, tt.line)
					}
					if m.Start < 0 || m.End > len(tt.text) || m.Start >= m.End {
						t.Errorf("span %d..%d outside text of %d bytes", m.Start, m.End, len(tt.text))
					}
					return
				}
			}
			t.Errorf("not found; got %d matches", len(ms))
		})
	}
}

func TestDecodeBudgetAndDepth(t *testing.T) {
	f, _ := rules.Load("t.toml", []byte(testRules))
	e, err := New(rules.NewSet(f.Rules...), Options{DecodeDepth: -1})
	if err != nil {
		t.Fatal(err)
	}
	tok := "tok_" + "Qw3Er5Ty7Ui9Op1As2Df"
	text := "token: " + base64.StdEncoding.EncodeToString([]byte(tok))
	if ms := e.NewScanner().Scan([]byte(text)); len(ms) != 0 {
		t.Errorf("decoding off still found %d", len(ms))
	}
	e, _ = New(rules.NewSet(f.Rules...), Options{DecodeBudget: 1})
	// The first run uses up the budget; the second is not decoded.
	text = "a: " + base64.StdEncoding.EncodeToString([]byte("x "+tok)) + "\nb: " + base64.StdEncoding.EncodeToString([]byte("y "+tok))
	if ms := e.NewScanner().Scan([]byte(text)); len(ms) != 1 {
		t.Errorf("budget of 1 byte: %d matches, want 1", len(ms))
	}
}

func TestScannerReuse(t *testing.T) {
	e := testEngine(t)
	sc := e.NewScanner()
	tok := "tok_" + "aB3dE5fG7hJ9kL1mN2pQ"
	for i := 0; i < 3; i++ {
		if ms := sc.Scan([]byte("x " + tok)); len(ms) != 1 {
			t.Fatalf("round %d: %d matches", i, len(ms))
		}
		if ms := sc.Scan([]byte("nothing here")); len(ms) != 0 {
			t.Fatalf("round %d: stale matches %d", i, len(ms))
		}
	}
}

func TestRedact(t *testing.T) {
	s := NewSecret([]byte("tok_aB3dE5fG7hJ9kL1mN2pQ"))
	for _, out := range []string{s.String(), fmt.Sprintf("%v %s %q %x %#v", s, s, s, s, s)} {
		if strings.Contains(out, "aB3dE5fG7h") {
			t.Errorf("redacted output %q shows the secret", out)
		}
	}
	if got := Redact([]byte("-----BEGIN RSA PRIVATE KEY-----\nMIIE")); got != "-----BEGIN RSA PRIVATE KEY-----…" {
		t.Errorf("key preview %q", got)
	}
	if got := Redact([]byte("abc")); strings.Contains(got, "abc") {
		t.Errorf("short secret shown: %q", got)
	}
}

// TestCatalogPercentEncoded checks that a catalog secret written
// percent-encoded in a URL is reported decoded.
func TestCatalogPercentEncoded(t *testing.T) {
	e := defaultEngine(t)
	sig := "rhW1IYlvnFWNq/PxYRZaTt+vhnSdxNSskdEPuyyvyaY="
	text := "GET https://acme.blob.core.windows.net/x.csv?sv=2022-11-02&sr=b&sp=r&sig=" + url.QueryEscape(sig) + " HTTP/1.1\n"
	for _, m := range e.NewScanner().Scan([]byte(text)) {
		if m.Rule.ID == "azure-sas-token" && string(m.Secret.Reveal()) == sig {
			return
		}
	}
	t.Error("percent-encoded SAS signature not reported decoded")
}

// TestScanEncodedSeveral checks that every secret inside one encoded run
// is reported, not only the first.
func TestScanEncodedSeveral(t *testing.T) {
	e := testEngine(t)
	a, b := "tok_"+"Qw3Er5Ty7Ui9Op1As2Df", "tok_"+"Zx8Cv6Bn4Ma2Sd1Fg3Hj"
	env := "A=" + a + "\nB=" + b + "\nC=" + a + "\n"
	text := "data:\n  config.env: " + base64.StdEncoding.EncodeToString([]byte(env)) + "\n"
	got := map[string]bool{}
	for _, m := range e.NewScanner().Scan([]byte(text)) {
		got[string(m.Secret.Reveal())] = true
	}
	if !got[a] || !got[b] || len(got) != 2 {
		t.Errorf("found %d distinct secrets, want both of the run's two", len(got))
	}
}

// TestManyMatchesOneLine guards against work that grows with the square of
// the number of matches: 20,000 tokens on one line must not take long
// enough for the test's deadline to notice (it took minutes before).
func TestManyMatchesOneLine(t *testing.T) {
	e := testEngine(t)
	const alnum = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	var b strings.Builder
	x := uint32(2463534242)
	for i := 0; i < 20000; i++ {
		b.WriteString("tok_")
		for j := 0; j < 20; j++ {
			x ^= x << 13
			x ^= x >> 17
			x ^= x << 5
			b.WriteByte(alnum[x%62])
		}
		b.WriteByte(' ')
	}
	ms := e.NewScanner().Scan([]byte(b.String()))
	if len(ms) < 19000 {
		t.Fatalf("%d matches, want about 20000", len(ms))
	}
	last := ms[len(ms)-1]
	if last.Line != 1 || last.Column != 25*(len(ms)-1)+1 {
		t.Errorf("last match at %d:%d, want 1:%d", last.Line, last.Column, 25*(len(ms)-1)+1)
	}
}

func TestNamesNonSecret(t *testing.T) {
	for key, want := range map[string]bool{
		"secret.name": true, "secretName": true, "SECRET_NAME": true, "password_file": true,
		"tokenType": true, "api_key_id": true, "secret_key_base": false, "password": false,
		"DB_PASSWORD": false, "apiKey": false, "client_secret": false, "TOKEN": false,
	} {
		if got := namesNonSecret([]byte(key)); got != want {
			t.Errorf("namesNonSecret(%q) = %v, want %v", key, got, want)
		}
	}
}

// TestRequirementBeforeOverlap: a paired rule without its pair must not
// hide a generic rule's match of the same value.
func TestRequirementBeforeOverlap(t *testing.T) {
	e := defaultEngine(t)
	text := "secret_key = \"gvMl1c0Ck1etO2AcSOoszZXR53IvFvjb\"\n"
	if ms := e.NewScanner().Scan([]byte(text)); len(ms) != 1 {
		t.Errorf("%d matches, want the generic secret", len(ms))
	}
}

func TestNamesPublicOrCursor(t *testing.T) {
	for key, want := range map[string]bool{
		"amplitudeAPIKey": true, "AMPLITUDE_API_KEY": true, "amplitudeSecretKey": false,
		"mixpanelProjectToken": true, "MIXPANEL_TOKEN": true, "mixpanelServiceAccountSecret": false,
		"SHOPIFY_API_KEY": true, "SHOPIFY_API_SECRET": false, "SHOPIFY_API_SECRET_KEY": false,
		"nextPageToken": true, "NextToken": true, "continuation_token": true, "replyToken": true,
		"accessToken": false, "API_KEY": false, "token": false,
	} {
		if got := namesPublicOrCursor([]byte(key)); got != want {
			t.Errorf("namesPublicOrCursor(%q) = %v, want %v", key, got, want)
		}
	}
}

// TestTruncatedToken: a token cut short by an ellipsis is not reported.
func TestTruncatedToken(t *testing.T) {
	e := testEngine(t)
	for _, text := range []string{"x tok_aB3dE5fG7hJ9kL1mN2pQ… y", "x tok_aB3dE5fG7hJ9kL1mN2pQ... y"} {
		if ms := e.NewScanner().Scan([]byte(text)); len(ms) != 0 {
			t.Errorf("%q: %d matches, want none", text, len(ms))
		}
	}
}

// TestDecodedPlainKept: a secret that stands as it is inside a string with
// escapes elsewhere is reported at its own place, not at the string.
func TestDecodedPlainKept(t *testing.T) {
	e := testEngine(t)
	tok := "tok_" + "aB3dE5fG7hJ9kL1mN2pQ"
	text := `{"source": ["import os\n", "KEY = \"` + tok + `\"\n"]}`
	ms := e.NewScanner().Scan([]byte(text))
	if len(ms) != 1 || len(ms[0].Decoded) != 0 || ms[0].Start != strings.Index(text, tok) {
		t.Errorf("got %v, want one plain match at the token", ms)
	}
}

// TestDecodedProviderOverGeneric: when a generic rule and a provider's
// both find one secret in an encoded run, the provider's is reported,
// whichever rule ran first.
func TestDecodedProviderOverGeneric(t *testing.T) {
	e := defaultEngine(t)
	tok := ghToken("Gj1OmPJYCOkIRkMYiN6WFD3VPFsnoA")
	text := `<field name="token" encoding="hex">` + hex.EncodeToString([]byte(tok)) + "</field>\n"
	ms := e.NewScanner().Scan([]byte(text))
	if len(ms) != 1 || ms[0].Rule.ID != "github-pat" || string(ms[0].Secret.Reveal()) != tok {
		var got []string
		for _, m := range ms {
			got = append(got, m.Rule.ID)
		}
		t.Errorf("got %v, want the github-pat match alone", got)
	}
}

// TestDecodedPieceOfSecret: what a JWT's payload decodes to is part of
// the JWT, not another secret.
func TestDecodedPieceOfSecret(t *testing.T) {
	e := defaultEngine(t)
	enc := base64.RawURLEncoding.EncodeToString
	jwt := enc([]byte(`{"alg":"HS256","typ":"JWT"}`)) + "." +
		enc([]byte(`{"sub":"svc","api_token":"Rk3Wq8Zx5Lv2Nt7Yp4Hd9Bm6","iat":1718000000}`)) + "." +
		enc([]byte("not a real signature, 32 bytes!!"))
	ms := e.NewScanner().Scan([]byte("Authorization: Bearer " + jwt + "\n"))
	for _, m := range ms {
		if string(m.Secret.Reveal()) != jwt {
			t.Errorf("%s reported %s, a piece of the JWT", m.Rule.ID, m.Secret)
		}
	}
	if len(ms) == 0 {
		t.Error("JWT not reported")
	}
}
