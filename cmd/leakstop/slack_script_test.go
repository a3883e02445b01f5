package main

import (
	"encoding/json"
	"hash/fnv"
	"os"
	"regexp"
	"strings"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/leakstop/leakstop/rules"
	"github.com/leakstop/leakstop/rules/fake"
)

// cmdFakeFill replaces each @@RULE:NAME@@ in FILEs with a fake secret of
// RULE, written as inside a JSON string of a Slack export (quotes,
// newlines and slashes escaped), and sets $NAME to the secret. Slack
// exports in scripts hold their secrets this way: generated at test time,
// never stored. The same RULE:NAME gives the same secret.
func cmdFakeFill(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) == 0 {
		ts.Fatalf("usage: fakefill FILE...")
	}
	set, err := rules.Default()
	ts.Check(err)
	fakeMarker := regexp.MustCompile(`@@([a-z0-9-]+):([A-Z_][A-Z0-9_]*)@@`)
	for _, name := range args {
		data, err := os.ReadFile(ts.MkAbs(name))
		ts.Check(err)
		out := fakeMarker.ReplaceAllStringFunc(string(data), func(m string) string {
			sub := fakeMarker.FindStringSubmatch(m)
			r, ok := set.Lookup(sub[1])
			if !ok {
				ts.Fatalf("%s: no rule %q in the catalog", name, sub[1])
			}
			h := fnv.New64a()
			h.Write([]byte(sub[1] + "\x00" + sub[2]))
			secret, err := fake.New(h.Sum64()).Secret(r)
			ts.Check(err)
			ts.Setenv(sub[2], secret)
			q, err := json.Marshal(secret)
			ts.Check(err)
			return strings.ReplaceAll(string(q[1:len(q)-1]), "/", `\/`)
		})
		ts.Check(os.WriteFile(ts.MkAbs(name), []byte(out), 0o644))
	}
}
