package gitleaks

import (
	"os"
	"testing"

	"github.com/leakstop/leakstop/rules"
)

// Any input converts without a panic, and whatever converts loads (Convert
// checks it, and fails rather than write a file that does not).
func FuzzConvert(f *testing.F) {
	config, err := os.ReadFile("testdata/sample.gitleaks.toml")
	if err != nil {
		f.Fatal(err)
	}
	ignore, err := os.ReadFile("testdata/sample.gitleaksignore")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(config, ignore)
	f.Add([]byte("[[rules]]\nid = \"a\"\nregex = '''(x)(y)'''\nsecretGroup = 2\n[[rules.allowlists]]\npaths = ['''^a/.*\\.env$''']\n"), []byte("a:b:1\n"))
	f.Add([]byte("[allowlist]\nregexTarget = \"match\"\nregexes = ['''x''']\ncondition = \"&&\"\nstopwords = [\"\"]\n"), []byte(""))
	set, err := rules.Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, config, ignore []byte) {
		res, err := Convert(Input{Name: "g.toml", Data: config, IgnoreName: "i", IgnoreData: ignore, Catalog: set})
		if err != nil {
			if _, ok := err.(rules.Errors); !ok {
				t.Fatalf("not a file error: %v", err)
			}
			return
		}
		if len(res.Config) == 0 {
			t.Fatal("empty output")
		}
	})
}

// Any regex translates to globs that leakstop accepts, or to an error.
func FuzzPathGlobs(f *testing.F) {
	for _, s := range []string{`(?:^|/)vendor/`, `(?i)\.(?:png|jpe?g)$`, `^a.*b$`, `[^/]+\.lock`, `a{2,5}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, expr string) {
		_, _, _ = pathGlobs(expr)
	})
}
