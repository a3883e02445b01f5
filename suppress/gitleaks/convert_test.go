package gitleaks

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/leakstop/leakstop/detect"
	"github.com/leakstop/leakstop/rules"
	"github.com/leakstop/leakstop/suppress"
)

func convertFiles(t *testing.T, config, ignore string) *Result {
	t.Helper()
	in := Input{Name: ".gitleaks.toml", Data: []byte(config)}
	if ignore != "" {
		in.IgnoreName, in.IgnoreData = ".gitleaksignore", []byte(ignore)
	}
	res, err := Convert(in)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// load loads a converted config as a scan does: its rules over the
// catalog, and its allowlists resolved against them.
func load(t *testing.T, res *Result) (*suppress.Config, *rules.Set) {
	t.Helper()
	cfg, err := suppress.LoadConfig(".leakstop.toml", res.Config)
	if err != nil {
		t.Fatalf("%v\n%s", err, res.Config)
	}
	set, err := rules.ConfigureFiles([]*rules.File{cfg.Rules})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range cfg.Allowlists {
		if err := a.Resolve(set); err != nil {
			t.Fatal(err)
		}
	}
	return cfg, set
}

func noteFor(res *Result, kind, what string) (Note, bool) {
	for _, n := range res.Notes {
		if n.Kind == kind && strings.Contains(n.What, what) {
			return n, true
		}
	}
	return Note{}, false
}

func readSample(t *testing.T) (string, string) {
	t.Helper()
	c, err := os.ReadFile("testdata/sample.gitleaks.toml")
	if err != nil {
		t.Fatal(err)
	}
	i, err := os.ReadFile("testdata/sample.gitleaksignore")
	if err != nil {
		t.Fatal(err)
	}
	return string(c), string(i)
}

// The sample config converts into a file leakstop loads, and each entry
// ends as the note says.
func TestConvertSample(t *testing.T) {
	config, ignore := readSample(t)
	res := convertFiles(t, config, ignore)
	cfg, set := load(t, res)

	tests := []struct {
		kind, what string
		want       Outcome
	}{
		{KindRule, `"acme-internal-token"`, Converted},
		{KindRule, `"Acme_Legacy_Key"`, Approximated}, // renamed, path dropped, keywords derived
		{KindRule, `"acme-session"`, Refused},         // a lookahead
		{KindRule, `"acme-pkcs12"`, Refused},          // path only
		{KindRule, `"gitlab-pat"`, Covered},           // extends a default rule
		{KindRule, `"acme-pair-secret"`, Approximated},
		{KindDisabled, `"generic-api-key"`, Approximated},
		{KindDisabled, `"pkcs12-file"`, Refused},
		{KindValue, `commits '0123456789abcdef`, Refused},
		{KindValue, `paths '(?:^|/)vendor/'`, Converted},
		{KindValue, `dist-info`, Refused},
		{KindValue, `regexes '(?i)fixture'`, Approximated}, // regexTarget match
		{KindAllowlist, `"only in one commit"`, Refused},   // AND with commits
		{KindAllowlist, `"test fixtures"`, Approximated},
		{KindSetting, `targetRules adafruit-api-key`, Refused},
		{KindSetting, `unknownKey`, Refused},
		{KindIgnore, `config/dev.env:aws-access-token:3`, Approximated},
		{KindIgnore, `docs\windows\notes.md`, Approximated},
		{KindIgnore, `beamer-api-token`, Refused},
		{KindIgnore, `not a fingerprint`, Refused},
	}
	for _, tt := range tests {
		n, ok := noteFor(res, tt.kind, tt.what)
		if !ok {
			t.Errorf("no note for %s %s", tt.kind, tt.what)
			continue
		}
		if n.Outcome != tt.want {
			t.Errorf("%s %s: %s, want %s (%s)", tt.kind, tt.what, n.Outcome, tt.want, n.Why)
		}
		if n.Outcome != Converted && n.Why == "" {
			t.Errorf("%s %s: %s without a reason", tt.kind, tt.what, n.Outcome)
		}
	}

	for _, id := range []string{"acme-internal-token", "acme-legacy-key", "acme-pair-id", "acme-pair-secret"} {
		if _, ok := set.Lookup(id); !ok {
			t.Errorf("rule %s is not in the run's rules", id)
		}
	}
	if r, _ := set.Lookup("acme-pair-secret"); r.Requires == nil || r.Requires.RuleID != "acme-pair-id" || r.Requires.WithinLines != 3 {
		t.Errorf("acme-pair-secret requires %+v", r.Requires)
	}
	for _, id := range []string{"generic-secret", "generic-password"} {
		if _, ok := set.Lookup(id); ok {
			t.Errorf("%s is not disabled", id)
		}
	}
	var paths []string
	for _, a := range cfg.Allowlists {
		for _, p := range a.Paths {
			paths = append(paths, p.Text)
		}
	}
	for _, want := range []string{"**/vendor/*", "docs/windows/notes.md", "config/dev.env", "testdata/*"} {
		if !slices.Contains(paths, want) {
			t.Errorf("no allowlist path %q in %q", want, paths)
		}
	}
	var body []string
	for _, l := range strings.Split(string(res.Config), "\n") {
		if !strings.HasPrefix(l, "#") {
			body = append(body, l)
		}
	}
	if strings.Contains(strings.Join(body, "\n"), "docs/*") {
		t.Errorf("the AND allowlist of a commit was converted without its commit:\n%s", res.Config)
	}
}

// The imported rules find what the gitleaks rules found, with the secret
// gitleaks' secretGroup named; the converted allowlists accept what the
// gitleaks ones did.
func TestConvertedRulesFindAndAllowlistsAccept(t *testing.T) {
	config, ignore := readSample(t)
	res := convertFiles(t, config, ignore)
	cfg, set := load(t, res)
	eng, err := detect.New(set, detect.Options{})
	if err != nil {
		t.Fatal(err)
	}
	hex := "9f3c61e0b27d48a5c1e7f04b6d92a8e3"
	text := "TOKEN=acme_live_" + hex + "\n" +
		"acme.legacy.key = Ab3De6Gh9Jk2Mn5Pq8St1Vw4\n" +
		"id: acmeid_7QX2M9KD4RT6PW8B\n" +
		"secret: acmesecret_" + strings.Repeat("q7Zr2", 8) + "\n" +
		"\n\n\n\nlonely: acmesecret_" + strings.Repeat("W3kP9", 8) + "\n"
	found := map[string][]string{}
	for _, m := range eng.NewScanner().Scan([]byte(text)) {
		found[m.Rule.ID] = append(found[m.Rule.ID], string(m.Secret.Reveal()))
	}
	want := map[string]string{
		"acme-internal-token": "acme_live_" + hex,
		"acme-legacy-key":     "Ab3De6Gh9Jk2Mn5Pq8St1Vw4",
		"acme-pair-id":        "acmeid_7QX2M9KD4RT6PW8B",
	}
	for id, secret := range want {
		if !slices.Contains(found[id], secret) {
			t.Errorf("%s found %q, want %q", id, found[id], secret)
		}
	}
	if got := found["acme-pair-secret"]; len(got) != 1 {
		t.Errorf("acme-pair-secret found %q, want only the one next to an id", got)
	}

	filter := &suppress.Filter{Rules: set, Allowlists: cfg.Allowlists}
	finding := func(rule, path, secret string) detect.Finding {
		return detect.Finding{RuleID: rule, Path: path, Secret: detect.NewSecret([]byte(secret)), Line: 1}
	}
	accepted := []detect.Finding{
		finding("acme-internal-token", "src/a.go", "acme_test_"+strings.Repeat("0", 32)), // the rule's regex allowlist
		finding("acme-legacy-key", "a.properties", "ExampleKey0000000000000x"),           // a stopword
		finding("aws-access-key-id", "x/vendor/lib/a.go", "AKIAQWERTYUIOPASDFGH"),        // a global path
		finding("github-pat", "docs/windows/notes.md", "ghp_x"),                          // .gitleaksignore
		finding("acme-internal-token", "src/b.go", "acme_live_placeholder"),              // targetRules stopword
	}
	for _, f := range accepted {
		if kept, _ := filter.Split([]byte("x\n"), []detect.Finding{f}); len(kept) != 0 {
			t.Errorf("%s at %s is not accepted", f.RuleID, f.Path)
		}
	}
	kept := []detect.Finding{
		finding("acme-internal-token", "src/a.go", "acme_live_"+hex),
		finding("github-pat", "docs/other.md", "ghp_x"),
		finding("aws-access-key-id", "docs/a.md", "AKIAQWERTYUIOPASDFGH"),
		finding("gitlab-pat", "src/a.go", "glpat-x"),
	}
	for _, f := range kept {
		if k, _ := filter.Split([]byte("x\n"), []detect.Finding{f}); len(k) != 1 {
			t.Errorf("%s at %s is accepted", f.RuleID, f.Path)
		}
	}
}

// A standalone config (no useDefault), as teams write by copying the
// default one: its rules that leakstop covers are not imported, and their
// allowlists apply to leakstop's rules.
func TestConvertStandalone(t *testing.T) {
	res := convertFiles(t, `
[[rules]]
id = "github-pat"
regex = '''ghp_[0-9a-zA-Z]{36}'''
keywords = ["ghp_"]
[[rules.allowlists]]
paths = ['''(?:^|/)fixtures/''']

[[rules]]
id = "beamer-api-token"
regex = '''(?i)beamer.{0,20}(b_[a-z0-9=_\-]{44})'''
keywords = ["beamer"]
`, "")
	cfg, set := load(t, res)
	if n, _ := noteFor(res, KindRule, `"github-pat"`); n.Outcome != Covered {
		t.Errorf("github-pat: %v", n)
	}
	if n, _ := noteFor(res, KindSetting, "useDefault"); n.Outcome != Approximated {
		t.Errorf("standalone: %v", n)
	}
	if r, ok := set.Lookup("beamer-api-token"); !ok || r.Family != "custom" {
		t.Errorf("beamer-api-token not imported")
	}
	if r, _ := set.Lookup("github-pat"); r.Family != "vcs" {
		t.Errorf("github-pat was replaced by the copy: %s", r.Where())
	}
	if len(cfg.Allowlists) != 1 || !slices.Equal(cfg.Allowlists[0].RuleIDs, []string{"github-pat"}) {
		t.Errorf("allowlists %+v", cfg.Allowlists)
	}
}

// An imported rule whose id leakstop's catalog uses gets a prefix rather
// than replace the catalog's rule.
func TestConvertRenamesCollidingRule(t *testing.T) {
	res := convertFiles(t, `
[extend]
useDefault = true
[[rules]]
id = "generic-secret"
regex = '''(?i)(?:secret|token)\s*=\s*"([^"]{8,})"'''
secretGroup = 1
keywords = ["secret", "token"]
`, "")
	_, set := load(t, res)
	if _, ok := set.Lookup("gitleaks-generic-secret"); !ok {
		t.Fatalf("not renamed:\n%s", res.Config)
	}
	if r, _ := set.Lookup("generic-secret"); r.Family != "generic" {
		t.Errorf("the catalog's generic-secret was replaced")
	}
}

func TestSecretRegex(t *testing.T) {
	tests := []struct {
		pattern string
		group   int
		want    string
		approx  bool
	}{
		{`abc`, 0, `(?P<secret>abc)`, false},
		{`key=(\w+)`, 0, `key=(?P<secret>\w+)`, false},
		{`(a)|(b)`, 0, `(?P<secret>a)|(b)`, true},
		{`(k)[(]=(v+)`, 2, `(k)[(]=(?P<secret>v+)`, false},
		{`\((x)`, 1, `\((?P<secret>x)`, false},
		{`(?i)(?:a)(?P<val>b)`, 1, `(?i)(?:a)(?P<secret>b)`, false},
		{`(?P<secret>a)(b)`, 2, `(?P<gitleaks_secret>a)(?P<secret>b)`, false},
		{`[]()](x)`, 1, `[]()](?P<secret>x)`, false},
		{`[[:alpha:]](x)`, 1, `[[:alpha:]](?P<secret>x)`, false},
	}
	for _, tt := range tests {
		got, approx, err := secretRegex(tt.pattern, tt.group)
		if err != nil || got != tt.want || (len(approx) > 0) != tt.approx {
			t.Errorf("secretRegex(%q, %d) = %q, %q, %v; want %q", tt.pattern, tt.group, got, approx, err, tt.want)
		}
	}
	for _, bad := range []struct {
		pattern string
		group   int
	}{{`a(?=b)`, 0}, {`(a)`, 2}, {`a`, -1}} {
		if got, _, err := secretRegex(bad.pattern, bad.group); err == nil {
			t.Errorf("secretRegex(%q, %d) = %q, want an error", bad.pattern, bad.group, got)
		}
	}
}

func TestDeriveKeywords(t *testing.T) {
	tests := []struct {
		pattern string
		want    []string
	}{
		{`xoxb-[0-9]{10}`, []string{"xoxb-"}},
		{`acme_(?:live|test)_[0-9a-f]{32}`, []string{"acme_live_", "acme_test_"}},
		{`(?i)Bearer\s+[a-z]+`, []string{"bearer"}},
		{`[a-z]{3}\d`, nil},
		{`ab[0-9]`, nil}, // too short to be worth a keyword
		{`(?:foo|[0-9])bar`, []string{"bar"}},
	}
	for _, tt := range tests {
		if got := deriveKeywords(tt.pattern); !slices.Equal(got, tt.want) {
			t.Errorf("deriveKeywords(%q) = %q, want %q", tt.pattern, got, tt.want)
		}
	}
}

func TestParseIgnoreLine(t *testing.T) {
	tests := []struct {
		line string
		want ignoreEntry
		ok   bool
	}{
		{"0123456789abcdef0123456789abcdef01234567:a/b.env:aws-access-token:3",
			ignoreEntry{commit: "0123456789abcdef0123456789abcdef01234567", file: "a/b.env", rule: "aws-access-token", at: 3}, true},
		{"a/b.env:github-pat:12", ignoreEntry{file: "a/b.env", rule: "github-pat", at: 12}, true},
		{`C:\src\a.env:github-pat:1`, ignoreEntry{file: "C:/src/a.env", rule: "github-pat", at: 1}, true},
		{"a:b:c", ignoreEntry{}, false},
		{"nothing", ignoreEntry{}, false},
	}
	for _, tt := range tests {
		got, ok := parseIgnoreLine(tt.line)
		if ok != tt.ok || ok && got != tt.want {
			t.Errorf("parseIgnoreLine(%q) = %+v, %v", tt.line, got, ok)
		}
	}
}

// Files gitleaks itself refuses are errors naming the line.
func TestConvertBadFile(t *testing.T) {
	_, err := Convert(Input{Name: ".gitleaks.toml", Data: []byte("[[rules]]\nid = \"x\"\nregex = 3\n")})
	if err == nil || !strings.HasPrefix(err.Error(), ".gitleaks.toml:3: ") {
		t.Errorf("err = %v", err)
	}
	_, err = Convert(Input{Name: ".gitleaks.toml", Data: []byte("[[rules]\n")})
	if err == nil || !strings.HasPrefix(err.Error(), ".gitleaks.toml:2: ") {
		t.Errorf("err = %v", err)
	}
}
