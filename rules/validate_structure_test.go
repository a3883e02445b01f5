package rules_test

import (
	"encoding/base64"
	"strings"
	"testing"

	"github.com/leakstop/leakstop/rules"
)

func jwtOf(header, payload, sig string) string {
	enc := base64.RawURLEncoding
	return enc.EncodeToString([]byte(header)) + "." + enc.EncodeToString([]byte(payload)) + "." + sig
}

func TestJWT(t *testing.T) {
	sig := base64.RawURLEncoding.EncodeToString([]byte("not a real signature, 32 bytes!!"))
	good := jwtOf(`{"alg":"HS256","typ":"JWT"}`, `{"sub":"fake-user","iat":1700000000}`, sig)
	padded := base64.URLEncoding.EncodeToString([]byte(`{"alg":"RS256"}`)) + "." +
		base64.URLEncoding.EncodeToString([]byte(`{"iss":"x"}`)) + "." + sig
	for _, c := range []struct {
		name, token string
		want        rules.Verdict
	}{
		{"hs256", good, rules.Confirmed},
		{"alg-none", jwtOf(`{"alg":"none"}`, `{"sub":"fake"}`, ""), rules.Confirmed},
		{"padded", padded, rules.Confirmed},
		{"whitespace-json", jwtOf("{\n  \"alg\": \"ES256\"\n}", "{ \"a\": 1 }", sig), rules.Confirmed},
		{"no-alg", jwtOf(`{"typ":"JWT"}`, `{"sub":"fake"}`, sig), rules.Rejected},
		{"alg-not-string", jwtOf(`{"alg":256}`, `{"sub":"fake"}`, sig), rules.Rejected},
		{"header-not-json", jwtOf(`{"alg":"HS256"`, `{"sub":"fake"}`, sig), rules.Rejected},
		{"header-array", jwtOf(`["alg"]`, `{"sub":"fake"}`, sig), rules.Rejected},
		{"payload-not-object", jwtOf(`{"alg":"HS256"}`, `"just a string"`, sig), rules.Rejected},
		{"payload-garbage", jwtOf(`{"alg":"HS256"}`, "\x01\x02\x03", sig), rules.Rejected},
		{"two-parts", strings.Join(strings.Split(good, ".")[:2], "."), rules.Rejected},
		{"five-parts-jwe", good + ".abc.def", rules.Rejected},
		{"bad-signature", good[:len(good)-2] + "*!", rules.Rejected},
		{"random", "eyJhbGciOiJIUzI1NiJ9.bm90IGpzb24.c2ln", rules.Rejected},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := validate(t, "jwt", c.token); got.Verdict != c.want {
				t.Errorf("got %+v, want verdict %d", got, c.want)
			}
			if c.want == rules.Confirmed && validate(t, "jwt", c.token).By != rules.ByStructure {
				t.Error("confirmed JWTs are confirmed by structure")
			}
		})
	}
}

func TestPassword(t *testing.T) {
	for _, pw := range []string{"password", "Password123!", "P@ssw0rd", "changeme", "changeit", "secret",
		"s3cret-example", "mysecretpassword", "pass", "dbpass", "testpass1", "root", "admin123", "postgres",
		"guest", "foobared", "neo4j", "%s", "%(password)s", "{password}", "<password>", "[PASSWORD]", "${DB_PASSWORD}",
		"{{ db_password }}", "$DB_PASSWORD", ":password", "%DB_PASS%", "__DB_PASSWORD__", "********", "xxxxxxxx",
		"12345678", "$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW", "{SSHA}c2VjcmV0c2FsdA==",
		"pbkdf2_sha256$600000$s4lt$aGFzaA==", "p4ssw0rd", "Pa55w0rd!", "Passwort", "tiramisu", "open sesame", "AQICAHh2...==", "p%40ssword", "passwo^rd", "secr3t", "My%20Pass", "None,", "request.form[", "SUNSHINE", "your-password-here", "qwerty!!",
		"user:%s@%s", "Bearer %s", "pw-%d-%v", "Server=%s;Database=%s;Password=%s;", "exec:/usr/local/bin/ldap-pw",
		"anonymous@", "Anonymous"} {
		if got := validate(t, "password", pw); got.Verdict != rules.Rejected {
			t.Errorf("%q: %+v, want rejected", pw, got)
		}
	}
	for _, pw := range []string{"Xk9#mP2$vL", "tr0ub4dor&3", "hunter22x!Q", "correcthorsebatterystaple",
		"N0t-S0-Obvious", "s3cr3t-Pr0d-2024!", "q8Wz3rT1", "9f1c2e7a5b3d", "Lamp-Orbit-Cello-42",
		"Tq7Wz.41%d=Rxm2Kp9v"} { // random symbols may spell a printf verb

		if got := validate(t, "password", pw); got.Verdict != rules.Unchecked {
			t.Errorf("%q: %+v, want unchecked (a candidate)", pw, got)
		}
	}
}

func TestBasicAuth(t *testing.T) {
	b64 := base64.StdEncoding.EncodeToString
	for _, c := range []struct {
		name, value string
		want        rules.Verdict
	}{
		{"plausible", b64([]byte("deploy-bot:Vq7rX2mKp9sLd4")), rules.Unchecked},
		{"dictionary-password", b64([]byte("admin:password123")), rules.Rejected},
		{"no-colon", b64([]byte("just-a-token-value")), rules.Rejected},
		{"binary", b64([]byte{0x01, 0xfe, ':', 0x00, 'a', 'b', 'c', 'd'}), rules.Rejected},
		{"not-base64", "dXNlcjpwYXNz*", rules.Rejected},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := validate(t, "basic-auth", c.value); got.Verdict != c.want {
				t.Errorf("got %+v, want verdict %d", got, c.want)
			}
		})
	}
}

func TestSecret(t *testing.T) {
	for _, c := range []struct {
		value string
		want  rules.Verdict
	}{
		{"Vb8Xq2LzK9wR4tNm7YpD3sFh", rules.Unchecked},
		{"django-insecure-w8@v3z!qk2#lx9m", rules.Unchecked},
		{"pk_live_51Hx8Q2kLw9Vt4Nb7Rm3Yp6", rules.Rejected},
		{"pk_test_51Hx8Q2kLw9Vt4Nb7Rm3Yp6", rules.Rejected},
		{"pk.eyJ1IjoiZmFrZSIsImEiOiJ4In0.c2ln", rules.Rejected},
		{"${CLIENT_SECRET}", rules.Rejected},
		{"{{ .Values.token }}", rules.Rejected},
		{"<api-token>", rules.Rejected},
		{"sk-...", rules.Rejected},
		{"****************", rules.Rejected},
		{"0x3f879678", rules.Rejected},
		{"-123456789.987654321E+0123456789", rules.Rejected},
		{"encryptionKey1024", rules.Rejected},
		{"0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318", rules.Unchecked},
		{"xK9mQ2wL8vT4", rules.Unchecked},
		{"nextchar", rules.Rejected},
		{"Ag" + strings.Repeat("Bua8x3K8VoUWFwVug0Z11ISKVV4uEWntMlBHpBZkVe/x/twt4i6+U2O7NWjh", 10), rules.Rejected},
		{"process.current_process().authkey", rules.Rejected},
		{"support.ignore_deprecations_from(", rules.Rejected},
		{"5c2e9a1f", rules.Rejected},          // an 8-digit hex id (Vonage's API key)
		{"3e7b9a1f0c2d", rules.Rejected},      // a short commit hash
		{"3f9a1c2e7b4d6f80", rules.Unchecked}, // 64 bits: could be a key
		{"ios_sdk-7a1f3c9e5b2d8f4a6c0e1b3d5f7a9c2e4b6d8f0a", rules.Rejected},
		{"android_sdk-7a1f3c9e5b2d8f4a6c0e1b3d5f7a9c2e4b6d8f0a", rules.Rejected},
	} {
		if got := validate(t, "secret", c.value); got.Verdict != c.want {
			t.Errorf("%q: %+v, want verdict %d", c.value, got, c.want)
		}
	}
}
