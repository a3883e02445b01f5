package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/leakstop/leakstop/rules"
	"github.com/leakstop/leakstop/rules/fake"
)

// TestMain lets the test binary act as the leakstop command for the
// scripts: `leakstop ...` in a script runs run() in a fresh process.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"leakstop": func() { os.Exit(run(os.Args, os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs testdata/script/*.txtar. Besides testscript's own
// commands they have:
//
//	status N CMD ARGS...        run CMD; its exit status must be N
//	fakesecret RULE FILE [TEXT] append TEXT and a fake secret of RULE to FILE;
//	                            $SECRET holds the secret
//	jsonfield FILE KEY=VALUE... FILE is JSON and each dotted KEY (list
//	                            indexes are numbers) has VALUE; len:KEY=N
//	                            checks a list's or object's length
//	cmpjson [-ignore KEY]... A B
//	                            A and B hold equal JSON, but for top-level KEYs
//	archive [-truncate] OUT PATH...
//	                            pack files and folders into OUT, by its
//	                            extension: .zip (.jar…), .tar, .tar.gz, .gz;
//	                            -truncate keeps the first half (damaged)
//	fakefill FILE...            replace each @@RULE:NAME@@ in FILEs with a
//	                            fake secret of RULE, JSON-escaped; $NAME
//	                            holds the secret
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			env.Setenv("NO_COLOR", "1")
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"status":     cmdStatus,
			"fakesecret": cmdFakeSecret,
			"jsonfield":  cmdJSONField,
			"cmpjson":    cmdCmpJSON,
			"archive":    cmdArchive,
			"fakefill":   cmdFakeFill,
		},
	})
}

func cmdStatus(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: status N CMD ARGS...")
	}
	want, err := strconv.Atoi(args[0])
	ts.Check(err)
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			ts.Fatalf("%s: %v", args[1], err)
		}
		got = ee.ExitCode()
	}
	if got != want {
		ts.Fatalf("exit status %d, want %d", got, want)
	}
}

// cmdFakeSecret writes a format-valid fake secret generated at test time,
// so no token that push protection would block is stored in a script. The
// seed comes from the arguments: the same line gives the same secret.
func cmdFakeSecret(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 || len(args) > 3 {
		ts.Fatalf("usage: fakesecret RULE FILE [TEXT]")
	}
	set, err := rules.Default()
	ts.Check(err)
	r, ok := set.Lookup(args[0])
	if !ok {
		ts.Fatalf("no rule %q in the catalog", args[0])
	}
	h := fnv.New64a()
	h.Write([]byte(strings.Join(args, "\x00")))
	secret, err := fake.New(h.Sum64()).Secret(r)
	ts.Check(err)
	line := secret + "\n"
	if len(args) == 3 {
		line = args[2] + line
	}
	ts.Check(os.MkdirAll(filepath.Dir(ts.MkAbs(args[1])), 0o755))
	f, err := os.OpenFile(ts.MkAbs(args[1]), os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o644)
	ts.Check(err)
	_, err = f.WriteString(line)
	ts.Check(err)
	ts.Check(f.Close())
	ts.Setenv("SECRET", secret)
}

func cmdJSONField(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) < 2 {
		ts.Fatalf("usage: jsonfield FILE KEY=VALUE...")
	}
	data, err := os.ReadFile(ts.MkAbs(args[0]))
	ts.Check(err)
	var doc any
	if err := json.Unmarshal(data, &doc); err != nil {
		ts.Fatalf("%s is not JSON: %v", args[0], err)
	}
	for _, kv := range args[1:] {
		key, want, ok := strings.Cut(kv, "=")
		if !ok {
			ts.Fatalf("want KEY=VALUE, got %q", kv)
		}
		key, length := strings.CutPrefix(key, "len:")
		v, err := lookup(doc, key)
		got := ""
		switch {
		case err != nil:
			got = "<" + err.Error() + ">"
		case length:
			switch x := v.(type) {
			case []any:
				got = strconv.Itoa(len(x))
			case map[string]any:
				got = strconv.Itoa(len(x))
			default:
				got = "<not a list>"
			}
		default:
			got = fmt.Sprint(v)
		}
		if (got == want) == neg {
			ts.Fatalf("%s: %s is %q, want %s%q", args[0], key, got, map[bool]string{true: "not ", false: ""}[neg], want)
		}
	}
}

func lookup(v any, key string) (any, error) {
	if key == "" {
		return v, nil
	}
	for _, part := range strings.Split(key, ".") {
		switch x := v.(type) {
		case map[string]any:
			var ok bool
			if v, ok = x[part]; !ok {
				return nil, fmt.Errorf("no key %s", part)
			}
		case []any:
			i, err := strconv.Atoi(part)
			if err != nil || i < 0 || i >= len(x) {
				return nil, fmt.Errorf("no index %s", part)
			}
			v = x[i]
		default:
			return nil, fmt.Errorf("%s: not an object or list", part)
		}
	}
	return v, nil
}
