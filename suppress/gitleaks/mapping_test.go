package gitleaks

import (
	"flag"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/leakstop/leakstop/rules"
)

var update = flag.Bool("update", false, "rewrite docs/gitleaks-mapping.md's table from Mapping")

const mappingDoc = "../../docs/gitleaks-mapping.md"

// Every leakstop id of the mapping is a rule of the catalog, and each
// gitleaks id is written as gitleaks writes its ids.
func TestMappingNamesCatalogRules(t *testing.T) {
	set, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	for g, ls := range Mapping() {
		if g != strings.ToLower(g) || strings.ContainsAny(g, " _") {
			t.Errorf("gitleaks id %q", g)
		}
		if len(ls) == 0 {
			t.Errorf("%s maps to nothing", g)
		}
		for _, l := range ls {
			if r, ok := set.Lookup(l); !ok || r.ID != l {
				t.Errorf("%s -> %s: no such rule in the catalog", g, l)
			}
		}
	}
}

// mappingTable writes the mapping as the doc's Markdown table.
func mappingTable() string {
	m := Mapping()
	ids := make([]string, 0, len(m))
	for g := range m {
		ids = append(ids, g)
	}
	slices.Sort(ids)
	var b strings.Builder
	b.WriteString("| gitleaks rule id | leakstop rule ids |\n| --- | --- |\n")
	for _, g := range ids {
		b.WriteString("| `" + g + "` | `" + strings.Join(m[g], "`, `") + "` |\n")
	}
	return b.String()
}

const (
	tableStart = "<!-- mapping table: generated from suppress/gitleaks/mapping.go; go test ./suppress/gitleaks -update -->\n"
	tableEnd   = "<!-- end of mapping table -->\n"
)

// docs/gitleaks-mapping.md holds the same table as Mapping.
func TestMappingDocIsTheMap(t *testing.T) {
	doc, err := os.ReadFile(mappingDoc)
	if err != nil {
		t.Fatal(err)
	}
	before, rest, ok := strings.Cut(string(doc), tableStart)
	_, after, ok2 := strings.Cut(rest, tableEnd)
	if !ok || !ok2 {
		t.Fatalf("%s: no table markers", mappingDoc)
	}
	want := before + tableStart + mappingTable() + tableEnd + after
	if *update {
		if err := os.WriteFile(mappingDoc, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if string(doc) != want {
		t.Errorf("%s and Mapping differ: run go test ./suppress/gitleaks -update", mappingDoc)
	}
}
