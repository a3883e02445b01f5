package main

import (
	"encoding/json"
	"os"
	"reflect"

	"github.com/rogpeppe/go-internal/testscript"
)

// cmdCmpJSON compares two JSON files as values, leaving out the
// top-level keys given with -ignore (a merged report's merged_from).
func cmdCmpJSON(ts *testscript.TestScript, neg bool, args []string) {
	var ignore []string
	for len(args) > 2 && args[0] == "-ignore" {
		ignore, args = append(ignore, args[1]), args[2:]
	}
	if len(args) != 2 {
		ts.Fatalf("usage: cmpjson [-ignore KEY]... A B")
	}
	var docs [2]map[string]any
	for i, name := range args {
		data, err := os.ReadFile(ts.MkAbs(name))
		ts.Check(err)
		if err := json.Unmarshal(data, &docs[i]); err != nil {
			ts.Fatalf("%s is not a JSON object: %v", name, err)
		}
		for _, k := range ignore {
			delete(docs[i], k)
		}
	}
	if eq := reflect.DeepEqual(docs[0], docs[1]); eq == neg {
		a, _ := json.MarshalIndent(docs[0], "", "  ")
		b, _ := json.MarshalIndent(docs[1], "", "  ")
		ts.Logf("%s:\n%s\n%s:\n%s", args[0], a, args[1], b)
		ts.Fatalf("%s and %s: equal = %v", args[0], args[1], eq)
	}
}
