package verify

import (
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"hash/fnv"
	"io"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/leakstop/leakstop/detect"
	"github.com/leakstop/leakstop/rules"
	"github.com/leakstop/leakstop/rules/fake"
	"github.com/leakstop/leakstop/source"
)

// The fakes below answer as each provider documents: the request it
// expects (method, path, how the credential is sent) and the answers for
// a working and a refused credential. A request of another shape gets 418,
// which no verifier takes for an answer.

// cred is one finding a case scans: its rule, its secret and its line.
type cred struct {
	rule, secret string
	line         int
}

// providerCase is one provider's fake.
type providerCase struct {
	name     string // the case
	verifier string // the verifier's name
	creds    []cred // the first is the finding whose result is checked
	// text is the file around the credentials, for hints.
	text string
	// sites is how many base URLs the verifier is given (regions).
	sites int
	// serve answers r at site (0-based) as the provider would for a
	// working (ok) or refused credential; it reports a request of the
	// wrong shape with 418.
	serve func(w http.ResponseWriter, r *http.Request, site int, ok bool)
	// account is part of what a verified result names.
	account string
}

// secretOf makes a format-valid fake secret of rule, the same for the same
// rule and salt.
func secretOf(t testing.TB, rule, salt string) string {
	t.Helper()
	set, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	r, ok := set.Lookup(rule)
	if !ok {
		t.Fatalf("no rule %s", rule)
	}
	h := fnv.New64a()
	h.Write([]byte(rule + "\x00" + salt))
	s, err := fake.New(h.Sum64()).Secret(r)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func reply(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	io.WriteString(w, body)
}

func wrongShape(w http.ResponseWriter) {
	reply(w, http.StatusTeapot, `{"error":"request not as documented"}`)
}

// bearerGET serves GET path with "Authorization: <scheme> secret".
func bearerGET(path, scheme, secret string, good string, badStatus int, bad string) func(http.ResponseWriter, *http.Request, int, bool) {
	return func(w http.ResponseWriter, r *http.Request, _ int, ok bool) {
		if r.Method != http.MethodGet || r.URL.RequestURI() != path || r.Header.Get("Authorization") != scheme+" "+secret {
			wrongShape(w)
			return
		}
		if ok {
			reply(w, http.StatusOK, good)
			return
		}
		reply(w, badStatus, bad)
	}
}

var (
	gcpKeyOnce sync.Once
	gcpTestKey *rsa.PrivateKey
)

// gcpKeyFile returns a service account key's private_key as a key file
// holds it (PEM with \n escapes), generated once per run.
func gcpKeyFile(t testing.TB) (*rsa.PrivateKey, string) {
	gcpKeyOnce.Do(func() {
		k, err := rsa.GenerateKey(rand.Reader, 2048)
		if err != nil {
			panic(err)
		}
		gcpTestKey = k
	})
	der, err := x509.MarshalPKCS8PrivateKey(gcpTestKey)
	if err != nil {
		t.Fatal(err)
	}
	p := string(pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}))
	return gcpTestKey, strings.ReplaceAll(p, "\n", `\n`)
}

// checkAssertion verifies a Google JWT bearer assertion with pub.
func checkAssertion(assertion, email string, pub *rsa.PublicKey) bool {
	parts := strings.Split(assertion, ".")
	if len(parts) != 3 {
		return false
	}
	sig, err := base64.RawURLEncoding.DecodeString(parts[2])
	if err != nil {
		return false
	}
	sum := sha256.Sum256([]byte(parts[0] + "." + parts[1]))
	if rsa.VerifyPKCS1v15(pub, crypto.SHA256, sum[:], sig) != nil {
		return false
	}
	raw, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil {
		return false
	}
	var claims struct {
		Iss, Aud string
		Exp, Iat int64
	}
	return json.Unmarshal(raw, &claims) == nil && claims.Iss == email && claims.Aud == gcpTokenURL && claims.Exp > claims.Iat
}

// stsFake checks a GetCallerIdentity request's Signature Version 4 by
// signing it again with the expected secret.
func stsFake(keyID, secret string) func(http.ResponseWriter, *http.Request, int, bool) {
	return func(w http.ResponseWriter, r *http.Request, _ int, ok bool) {
		body, _ := io.ReadAll(r.Body)
		when, err := time.Parse("20060102T150405Z", r.Header.Get("X-Amz-Date"))
		if r.Method != http.MethodPost || string(body) != "Action=GetCallerIdentity&Version=2011-06-15" || err != nil {
			wrongShape(w)
			return
		}
		again, _ := http.NewRequest(http.MethodPost, "http://"+r.Host+r.URL.RequestURI(), strings.NewReader(string(body)))
		again.Header.Set("Content-Type", r.Header.Get("Content-Type"))
		again.Header.Set("Accept", r.Header.Get("Accept"))
		if err := signSTS(r.Context(), again, aws.Credentials{AccessKeyID: keyID, SecretAccessKey: secret}, body, when); err != nil ||
			again.Header.Get("Authorization") != r.Header.Get("Authorization") {
			wrongShape(w)
			return
		}
		w.Header().Set("Content-Type", "text/xml")
		if ok {
			w.WriteHeader(http.StatusOK)
			fmt.Fprintf(w, `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/deployer</Arn><UserId>AIDAEXAMPLE</UserId><Account>123456789012</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId></ResponseMetadata></GetCallerIdentityResponse>`)
			return
		}
		w.WriteHeader(http.StatusForbidden)
		io.WriteString(w, `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>InvalidClientTokenId</Code><Message>The security token included in the request is invalid.</Message></Error><RequestId>x</RequestId></ErrorResponse>`)
	}
}

// providerCases builds every provider's fake with fresh fake secrets.
func providerCases(t testing.TB) []providerCase {
	sec := func(rule string) string { return secretOf(t, rule, "providers") }
	gh, gl, sl := sec("github-pat"), sec("gitlab-pat"), sec("slack-bot-token")
	st, oa, an := sec("stripe-secret-key"), sec("openai-project-key"), sec("anthropic-api-key")
	hf, sg, np := sec("huggingface-access-token"), sec("sendgrid-api-key"), sec("npm-access-token")
	py, dh, dd := sec("pypi-api-token"), sec("docker-hub-pat"), sec("datadog-api-key")
	do, hk, dc := sec("digitalocean-pat"), sec("heroku-api-key-v2"), sec("discord-bot-token")
	tg, mg := sec("telegram-bot-token"), sec("mailgun-api-key")
	akid, aws := "AKIA"+fake.New(1).String("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16), fake.New(2).String(fake.Alnum+"/+", 40)
	sk, sks := "SK"+fake.New(3).String("0123456789abcdef", 32), fake.New(4).String(fake.Alnum, 32)
	ac, tok := "AC"+fake.New(5).String("0123456789abcdef", 32), fake.New(6).String("0123456789abcdef", 32)
	gkey, gpem := gcpKeyFile(t)
	const email = "deployer@example-project.iam.gserviceaccount.com"
	one := func(rule, s string) []cred { return []cred{{rule, s, 1}} }
	basic := func(r *http.Request, user, pass string) bool {
		u, p, ok := r.BasicAuth()
		return ok && u == user && p == pass
	}
	return []providerCase{
		{name: "github", verifier: "github", creds: one("github-pat", gh), account: "octocat",
			serve: func(w http.ResponseWriter, r *http.Request, site int, ok bool) {
				if ok {
					w.Header().Set("X-OAuth-Scopes", "repo, gist")
				}
				bearerGET("/user", "Bearer", gh, `{"login":"octocat","id":1}`, 401, `{"message":"Bad credentials"}`)(w, r, site, ok)
			}},
		{name: "gitlab", verifier: "gitlab", creds: one("gitlab-pat", gl), account: "ci-token",
			serve: func(w http.ResponseWriter, r *http.Request, _ int, ok bool) {
				if r.URL.Path != "/api/v4/personal_access_tokens/self" || r.Header.Get("PRIVATE-TOKEN") != gl {
					wrongShape(w)
				} else if ok {
					reply(w, 200, `{"id":4,"name":"ci-token","revoked":false,"scopes":["api"],"user_id":24,"active":true,"expires_at":null}`)
				} else {
					reply(w, 401, `{"message":"401 Unauthorized"}`)
				}
			}},
		{name: "slack", verifier: "slack", creds: one("slack-bot-token", sl), account: "deploybot in Acme",
			serve: func(w http.ResponseWriter, r *http.Request, _ int, ok bool) {
				if r.Method != http.MethodPost || r.URL.Path != "/api/auth.test" || r.Header.Get("Authorization") != "Bearer "+sl {
					wrongShape(w)
				} else if ok {
					w.Header().Set("X-OAuth-Scopes", "chat:write,channels:read")
					reply(w, 200, `{"ok":true,"url":"https://acme.slack.com/","team":"Acme","user":"deploybot","team_id":"T1","user_id":"U1"}`)
				} else {
					reply(w, 200, `{"ok":false,"error":"token_revoked"}`)
				}
			}},
		{name: "stripe", verifier: "stripe", creds: one("stripe-secret-key", st), account: "acct_1Nv0FGQ9RKHgCVdK",
			serve: bearerGET("/v1/account", "Bearer", st, `{"id":"acct_1Nv0FGQ9RKHgCVdK","object":"account"}`, 401,
				`{"error":{"message":"Invalid API Key provided","type":"invalid_request_error"}}`)},
		{name: "aws", verifier: "aws", creds: []cred{{"aws-secret-access-key", aws, 3}, {"aws-access-key-id", akid, 2}},
			account: "arn:aws:iam::123456789012:user/deployer", serve: stsFake(akid, aws)},
		{name: "gcp", verifier: "gcp", creds: []cred{{"gcp-service-account-key", gpem, 5}}, account: email,
			text: "{\n  \"type\": \"service_account\",\n  \"project_id\": \"example-project\",\n  \"private_key_id\": \"1\",\n  \"private_key\": \"" + gpem + "\",\n  \"client_email\": \"" + email + "\",\n  \"token_uri\": \"https://127.0.0.1:9/token\"\n}\n",
			serve: func(w http.ResponseWriter, r *http.Request, _ int, ok bool) {
				if r.Method != http.MethodPost || r.URL.Path != "/token" || r.ParseForm() != nil ||
					r.PostForm.Get("grant_type") != "urn:ietf:params:oauth:grant-type:jwt-bearer" ||
					!checkAssertion(r.PostForm.Get("assertion"), email, &gkey.PublicKey) {
					wrongShape(w)
				} else if ok {
					reply(w, 200, `{"access_token":"ya29.c.fake","expires_in":3599,"token_type":"Bearer"}`)
				} else {
					reply(w, 400, `{"error":"invalid_grant","error_description":"Invalid JWT Signature."}`)
				}
			}},
		{name: "openai", verifier: "openai", creds: one("openai-project-key", oa), account: "API key",
			serve: bearerGET("/v1/models", "Bearer", oa, `{"object":"list","data":[]}`, 401,
				`{"error":{"message":"Incorrect API key provided","type":"invalid_request_error","code":"invalid_api_key"}}`)},
		{name: "anthropic", verifier: "anthropic", creds: one("anthropic-api-key", an), account: "API key",
			serve: func(w http.ResponseWriter, r *http.Request, _ int, ok bool) {
				if r.URL.Path != "/v1/models" || r.Header.Get("x-api-key") != an || r.Header.Get("anthropic-version") == "" {
					wrongShape(w)
				} else if ok {
					reply(w, 200, `{"data":[],"has_more":false,"first_id":null,"last_id":null}`)
				} else {
					reply(w, 401, `{"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}}`)
				}
			}},
		{name: "huggingface", verifier: "huggingface", creds: one("huggingface-access-token", hf), account: "alice",
			serve: bearerGET("/api/whoami-v2", "Bearer", hf, `{"type":"user","name":"alice","auth":{"type":"access_token","accessToken":{"displayName":"ci","role":"write"}}}`,
				401, `{"error":"Invalid credentials in Authorization header"}`)},
		{name: "sendgrid", verifier: "sendgrid", creds: one("sendgrid-api-key", sg), account: "API key",
			serve: bearerGET("/v3/scopes", "Bearer", sg, `{"scopes":["mail.send","alerts.read"]}`, 401, `{"errors":[{"field":null,"message":"authorization required"}]}`)},
		{name: "twilio api key", verifier: "twilio", creds: []cred{{"twilio-api-key", sk, 1}, {"twilio-api-key-secret", sks, 2}},
			account: ac + " (Main)",
			serve: func(w http.ResponseWriter, r *http.Request, _ int, ok bool) {
				if r.URL.Path != "/2010-04-01/Accounts.json" || !basic(r, sk, sks) {
					wrongShape(w)
				} else if ok {
					reply(w, 200, `{"accounts":[{"sid":"`+ac+`","friendly_name":"Main","status":"active"}],"page":0}`)
				} else {
					reply(w, 401, `{"code":20003,"message":"Authenticate","status":401}`)
				}
			}},
		{name: "twilio auth token", verifier: "twilio", creds: one("twilio-auth-token", tok), account: ac,
			text: "TWILIO_ACCOUNT_SID=" + ac + "\n",
			serve: func(w http.ResponseWriter, r *http.Request, _ int, ok bool) {
				if r.URL.Path != "/2010-04-01/Accounts/"+ac+".json" || !basic(r, ac, tok) {
					wrongShape(w)
				} else if ok {
					reply(w, 200, `{"sid":"`+ac+`","friendly_name":"Main","status":"active"}`)
				} else {
					reply(w, 401, `{"code":20003,"message":"Authenticate","status":401}`)
				}
			}},
		{name: "mailgun", verifier: "mailgun", creds: one("mailgun-api-key", mg), sites: 2, account: "2 domains",
			serve: func(w http.ResponseWriter, r *http.Request, site int, ok bool) {
				if r.URL.Path != "/v3/domains" || !basic(r, "api", mg) {
					wrongShape(w)
				} else if ok && site == 1 { // an EU account
					reply(w, 200, `{"total_count":2,"items":[]}`)
				} else {
					reply(w, 401, `Forbidden`)
				}
			}},
		{name: "npm", verifier: "npm", creds: one("npm-access-token", np), account: "npmuser",
			serve: bearerGET("/-/whoami", "Bearer", np, `{"username":"npmuser"}`, 401, `{"error":"You must be logged in"}`)},
		{name: "pypi", verifier: "pypi", creds: one("pypi-api-token", py), account: "API token",
			serve: func(w http.ResponseWriter, r *http.Request, _ int, ok bool) {
				if r.Method != http.MethodPost || r.URL.Path != "/legacy/" || !basic(r, "__token__", py) || r.ParseMultipartForm(1<<20) != nil ||
					r.FormValue(":action") != "file_upload" {
					wrongShape(w)
				} else if ok {
					w.WriteHeader(400)
					io.WriteString(w, "<html><title>400 'name' is a required field.</title></html>")
				} else {
					w.WriteHeader(403)
					io.WriteString(w, "<html><title>403 Invalid or non-existent authentication information. See https://pypi.org/help/#invalid-auth for more information.</title></html>")
				}
			}},
		{name: "dockerhub", verifier: "dockerhub", creds: one("docker-hub-pat", dh), account: "octodocker",
			text: "DOCKERHUB_USERNAME: octodocker\nDOCKERHUB_TOKEN: " + dh + "\n",
			serve: func(w http.ResponseWriter, r *http.Request, _ int, ok bool) {
				var in struct{ Identifier, Secret string }
				if r.Method != http.MethodPost || r.URL.Path != "/v2/auth/token" || json.NewDecoder(r.Body).Decode(&in) != nil ||
					in.Identifier != "octodocker" || in.Secret != dh {
					wrongShape(w)
				} else if ok {
					reply(w, 200, `{"access_token":"eyJhbGciOiJub25lIn0.e30."}`)
				} else {
					reply(w, 401, `{"detail":"Incorrect authentication credentials","errinfo":{}}`)
				}
			}},
		{name: "datadog", verifier: "datadog", creds: one("datadog-api-key", dd), sites: 2, account: "API key",
			serve: func(w http.ResponseWriter, r *http.Request, site int, ok bool) {
				if r.URL.Path != "/api/v1/validate" || r.Header.Get("DD-API-KEY") != dd {
					wrongShape(w)
				} else if ok && site == 1 { // another site's key
					reply(w, 200, `{"valid":true}`)
				} else {
					reply(w, 403, `{"errors":["Forbidden"]}`)
				}
			}},
		{name: "digitalocean", verifier: "digitalocean", creds: one("digitalocean-pat", do), account: "ops@example.com",
			serve: bearerGET("/v2/account", "Bearer", do, `{"account":{"droplet_limit":25,"email":"ops@example.com","uuid":"b6fr89dbf6d9156cace5f3c78dc9851d957381ef","status":"active"}}`,
				401, `{"id":"unauthorized","message":"Unable to authenticate you."}`)},
		{name: "heroku", verifier: "heroku", creds: one("heroku-api-key-v2", hk), account: "dev@example.com",
			serve: func(w http.ResponseWriter, r *http.Request, site int, ok bool) {
				if !strings.Contains(r.Header.Get("Accept"), "application/vnd.heroku+json; version=3") {
					wrongShape(w)
					return
				}
				bearerGET("/account", "Bearer", hk, `{"email":"dev@example.com","id":"01234567-89ab-cdef-0123-456789abcdef"}`, 401,
					`{"id":"unauthorized","message":"Invalid credentials provided."}`)(w, r, site, ok)
			}},
		{name: "discord", verifier: "discord", creds: one("discord-bot-token", dc), account: "deploy-bot",
			serve: bearerGET("/api/v10/users/@me", "Bot", dc, `{"id":"80351110224678912","username":"deploy-bot","bot":true}`, 401, `{"message":"401: Unauthorized","code":0}`)},
		{name: "telegram", verifier: "telegram", creds: one("telegram-bot-token", tg), account: "@leak_bot",
			serve: func(w http.ResponseWriter, r *http.Request, _ int, ok bool) {
				if r.Method != http.MethodGet || r.URL.Path != "/bot"+tg+"/getMe" {
					wrongShape(w)
				} else if ok {
					reply(w, 200, `{"ok":true,"result":{"id":123456789,"is_bot":true,"first_name":"Leak","username":"leak_bot"}}`)
				} else {
					reply(w, 401, `{"ok":false,"error_code":401,"description":"Unauthorized"}`)
				}
			}},
	}
}

// findingsOf makes the findings a case scans, all in one file.
func findingsOf(creds []cred) []detect.Finding {
	fs := make([]detect.Finding, len(creds))
	for i, c := range creds {
		fs[i] = detect.Finding{
			RuleID: c.rule, Path: "deploy/prod.env", Line: c.line, EndLine: c.line, Status: detect.StatusCandidate,
			Secret: detect.NewSecret([]byte(c.secret)), Preview: detect.Redact([]byte(c.secret)),
			Source: source.Origin{Kind: source.KindFile, Path: "deploy/prod.env"},
		}
	}
	return fs
}

// loopback allows the test servers' addresses through the dial guard.
var loopback = []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8"), netip.MustParsePrefix("::1/128")}

// sitesOf gives a verifier n base URLs on srv: /site0, /site1, …
func sitesOf(srv *httptest.Server, n int) []string {
	if n <= 1 {
		return []string{srv.URL}
	}
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("%s/site%d", srv.URL, i)
	}
	return out
}

// siteOf strips a /siteN prefix from r's path and returns N.
func siteOf(r *http.Request) int {
	var n int
	if _, err := fmt.Sscanf(r.URL.Path, "/site%d/", &n); err == nil {
		prefix := fmt.Sprintf("/site%d", n)
		r.URL.Path = strings.TrimPrefix(r.URL.Path, prefix)
		r.URL.RawPath = ""
		return n
	}
	return 0
}
