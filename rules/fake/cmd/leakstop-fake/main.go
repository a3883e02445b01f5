// Command leakstop-fake prints fake secrets for the rules of the catalog,
// for writing rule examples and test fixtures:
//
//	go run ./rules/fake/cmd/leakstop-fake [-seed N] [-n COUNT] RULE-ID...
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/leakstop/leakstop/rules"
	"github.com/leakstop/leakstop/rules/fake"
)

func main() {
	seed := flag.Uint64("seed", 1, "seed of the generator")
	n := flag.Int("n", 1, "secrets per rule")
	flag.Parse()
	set, err := rules.Default()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	g := fake.New(*seed)
	ids := flag.Args()
	if len(ids) == 0 {
		for _, r := range set.Rules {
			ids = append(ids, r.ID)
		}
	}
	status := 0
	for _, id := range ids {
		r, ok := set.Lookup(id)
		if !ok {
			fmt.Fprintf(os.Stderr, "unknown rule %q\n", id)
			status = 2
			continue
		}
		for i := 0; i < *n; i++ {
			s, err := g.Secret(r)
			if err != nil {
				fmt.Fprintf(os.Stderr, "%s: %v\n", id, err)
				status = 1
				continue
			}
			fmt.Printf("%s\t%s\n", id, s)
		}
	}
	os.Exit(status)
}
