// Package layering holds a test that keeps the pipeline's imports flowing
// one way (DESIGN.md): rules, source → detect → suppress → verify →
// report, rotate → cmd.
package layering

import (
	"os/exec"
	"strings"
	"testing"
)

const module = "github.com/leakstop/leakstop/"

// rank orders the pipeline's packages: a package may import only packages
// of a lower rank. Packages under internal/ are helpers anyone may use.
var rank = map[string]int{
	"rules":      0,
	"rules/fake": 1,
	"source":     0,
	"detect":     2,
	"suppress":   3,
	"verify":     4,
	"report":     5,
	"rotate":     5,
	"cmd":        6,
}

func stage(pkg string) (string, bool) {
	rel := strings.TrimPrefix(pkg, module)
	if rel == pkg || strings.HasPrefix(rel, "internal/") {
		return "", false
	}
	if strings.HasPrefix(rel, "cmd/") || strings.Contains(rel, "/cmd/") || strings.HasPrefix(rel, "bench/") ||
		rel == "examples" || strings.HasPrefix(rel, "examples/") { // examples' tests run the whole program
		return "cmd", true
	}
	if _, ok := rank[rel]; ok {
		return rel, true
	}
	return strings.SplitN(rel, "/", 2)[0], true
}

func TestImportsFlowOneWay(t *testing.T) {
	out, err := exec.Command("go", "list", "-f", `{{.ImportPath}}{{range .Imports}} {{.}}{{end}}`, module+"...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	checked := 0
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		from, ok := stage(fields[0])
		if !ok {
			continue
		}
		fromRank, known := rank[from]
		if !known {
			t.Errorf("package %s is not placed in the pipeline: add it to rank", fields[0])
			continue
		}
		for _, imp := range fields[1:] {
			to, ok := stage(imp)
			if !ok {
				continue
			}
			checked++
			if toRank, known := rank[to]; known && toRank >= fromRank && to != from && !(from == "cmd" && to == "cmd") {
				t.Errorf("%s imports %s: against the pipeline's direction", fields[0], imp)
			}
		}
	}
	if checked == 0 {
		t.Fatal("no imports between project packages were checked")
	}
}
