package rules_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/leakstop/leakstop/rules"
	"github.com/leakstop/leakstop/rules/fake"
)

// TestCatalog checks that every rule of the default catalog is complete. The
// loader has already checked that each example yields its secret; the detect
// package's tests run examples and counterexamples through the whole engine.
func TestCatalog(t *testing.T) {
	set, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	if n := len(set.Rules); n < 150 {
		t.Errorf("catalog has %d rules, want at least 150", n)
	}
	families := map[string]bool{"cloud": true, "vcs": true, "registry": true, "messaging": true,
		"payments": true, "ai": true, "saas": true, "keys": true, "urls": true, "generic": true}
	for _, r := range set.Rules {
		t.Run(r.ID, func(t *testing.T) { checkComplete(t, r, families) })
	}
}

// TestRuleFile checks one rule file named by LEAKSTOP_RULE_FILE, for
// writing catalog files without waiting for the whole catalog to load.
func TestRuleFile(t *testing.T) {
	path := os.Getenv("LEAKSTOP_RULE_FILE")
	if path == "" {
		t.Skip("LEAKSTOP_RULE_FILE not set")
	}
	if !filepath.IsAbs(path) {
		path = filepath.Join("..", path) // relative to the repository root
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f, err := rules.Load(path, data)
	if err != nil {
		t.Fatal(err)
	}
	family := strings.TrimSuffix(filepath.Base(path), ".toml")
	t.Logf("%d rules", len(f.Rules))
	g := fake.New(7)
	for _, r := range f.Rules {
		if r.Family == "" {
			r.Family = family
		}
		t.Run(r.ID, func(t *testing.T) {
			checkComplete(t, r, map[string]bool{family: true})
			checkFake(t, g, r)
		})
	}
}

func checkComplete(t *testing.T, r *rules.Rule, families map[string]bool) {
	t.Helper()
	// The catalog is loaded without compiling or running examples at
	// start-up; this is where both happen.
	re, err := regexp.Compile(r.Pattern)
	if err != nil {
		t.Fatalf("%s: bad regex: %v", r.Where(), err)
	}
	if re.SubexpIndex("secret") < 0 {
		t.Fatalf("%s: regex has no secret group", r.Where())
	}
	for _, ex := range r.Examples {
		if err := r.CheckExample(ex); err != nil {
			t.Errorf("%s:%d: %v", r.File, ex.Line, err)
		}
	}
	switch {
	case r.Description == "":
		t.Error("no description")
	case r.Provider == "":
		t.Error("no provider")
	case len(r.Keywords) == 0:
		t.Error("no keywords: the rule would run on every fragment")
	case len(r.References) == 0:
		t.Error("no references to the provider's documented format")
	case len(r.Examples) == 0:
		t.Error("no examples")
	case len(r.Counterexamples) == 0:
		t.Error("no counterexamples")
	case !families[r.Family]:
		t.Errorf("family %q is not one of the catalog's", r.Family)
	}
	for _, k := range r.Keywords {
		if len(k) < 3 {
			t.Errorf("keyword %q is shorter than 3 bytes: it would hit almost everywhere", k)
		}
	}
}

// TestFakeSecrets checks that the fake generator builds, for every rule, a
// secret that the rule's validator accepts and its secret group matches.
func TestFakeSecrets(t *testing.T) {
	set, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	g := fake.New(42)
	for _, r := range set.Rules {
		t.Run(r.ID, func(t *testing.T) { checkFake(t, g, r) })
	}
}

func checkFake(t *testing.T, g *fake.Gen, r *rules.Rule) {
	t.Helper()
	s, err := g.Secret(r)
	if err != nil {
		t.Fatal(err)
	}
	if r.Validator != "" {
		v, _ := rules.LookupValidator(r.Validator)
		if res := v([]byte(s)); res.Verdict == rules.Rejected {
			t.Errorf("validator %s rejects fake %s", r.Validator, rules.Preview(s))
		}
	}
	if strings.TrimSpace(s) == "" {
		t.Error("empty fake secret")
	}
}
