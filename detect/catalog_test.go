package detect

import (
	"testing"

	"github.com/leakstop/leakstop/rules"
)

func defaultEngine(t testing.TB) *Engine {
	t.Helper()
	set, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	e, err := New(set, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// TestCatalogExamples runs every example and counterexample of the default
// catalog through the whole engine: each example must yield its secret
// from its rule, and no counterexample may be reported by its rule.
func TestCatalogExamples(t *testing.T) {
	e := defaultEngine(t)
	sc := e.NewScanner()
	for _, r := range e.Rules() {
		t.Run(r.ID, func(t *testing.T) {
			for _, ex := range r.Examples {
				ms := sc.Scan([]byte(ex.Text))
				found := false
				var got []string
				for _, m := range ms {
					if m.Rule.ID == r.ID && string(m.Secret.Reveal()) == ex.Secret {
						found = true
					}
					got = append(got, m.Rule.ID+"="+m.Secret.String())
				}
				if !found {
					t.Errorf("%s:%d: example not reported (secret %s); engine found %v", r.File, ex.Line, Redact([]byte(ex.Secret)), got)
				}
			}
			for _, ce := range r.Counterexamples {
				for _, m := range sc.Scan([]byte(ce.Text)) {
					if m.Rule.ID == r.ID {
						t.Errorf("%s:%d: counterexample reported: %s", r.File, ce.Line, m.Secret)
					}
				}
			}
		})
	}
}
