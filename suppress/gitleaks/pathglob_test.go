package gitleaks

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/bmatcuk/doublestar/v4"
)

// samplePaths are canonical paths (relative, '/'-separated, no empty
// segment) that the tests match regexes and globs against: the fixed ones
// and many random ones drawn from a small alphabet, so every corner of
// '/', '.' and case is met.
func samplePaths() []string {
	paths := []string{
		"a", "a.env", "x/a.env", "x/y/a.env", ".env", "dir/.env", "go.mod", "go.sum", "sub/go.mod", "ago.mod",
		"vendor/modules.txt", "x/vendor/modules.txt", "vendor/github.com/a/b.go", "node_modules/x/y.js",
		"a/node_modules", "node_modulesx/y", "IMG.PNG", "a/b/pic.Jpeg", "pic.jpg.txt", "testdata/x", "x/testdata/y/z",
		"gitleaks.toml", "a/gitleaks.toml", "gitleaks.toml.bak", "gitleaksXtoml", "a.zip!b/c.env", "a]b", "a*b",
	}
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []string{"a", "b", "A", ".", "e", "n", "v", "-", "_", "x"}
	for range 3000 {
		var segs []string
		for range 1 + rng.IntN(4) {
			var b strings.Builder
			for range 1 + rng.IntN(4) {
				b.WriteString(alphabet[rng.IntN(len(alphabet))])
			}
			segs = append(segs, b.String())
		}
		paths = append(paths, strings.Join(segs, "/"))
	}
	return paths
}

// Every translated regex accepts, as globs, exactly the sample paths the
// regex finds (or, when narrowed, a subset of them).
func TestPathGlobsMatchTheRegex(t *testing.T) {
	regexes := []string{
		`a\.env`, `\.env$`, `^\.env$`, `(?:^|/)\.env$`, `^a/`, `go\.(?:mod|sum)$`, `(?:^|/)vendor/modules\.txt$`,
		`(?:^|/)node_modules(?:/.*)?$`, `node_modules`, `(?i)\.(?:png|jpe?g)$`, `^testdata/`, `(?:^|/)testdata/`,
		`gitleaks.toml`, `a[.-]b`, `[^/]*\.env$`, `^a.*b$`, `^x/.+$`, `b{2}`, `a{1,3}\.`, `(?i)ab`, `^$`, `/`, `^a$|^b$`,
		`\.zip!`, `a\]b`, `a\*b`, `(?s)a.b`,
	}
	paths := samplePaths()
	for _, expr := range regexes {
		t.Run(expr, func(t *testing.T) {
			globs, narrowed, err := pathGlobs(expr)
			if expr == `^$` {
				if err == nil {
					t.Fatalf("globs %q for a regex that matches no path", globs)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			re := regexp.MustCompile(expr)
			for _, p := range paths {
				want := re.MatchString(p)
				got := slices.ContainsFunc(globs, func(g string) bool { ok, _ := doublestar.Match(g, p); return ok })
				if got && !want || !got && want && narrowed == "" {
					t.Fatalf("%q: glob %v, regex %v (globs %q)", p, got, want, globs)
				}
			}
		})
	}
}

func TestPathGlobsReadWell(t *testing.T) {
	tests := []struct{ expr, want string }{
		{`(?:^|/)vendor/modules\.txt$`, `**/vendor/modules.txt`},
		{`\.env$`, `**/*.env`},
		{`^testdata/`, `testdata/*,testdata/*/**`},
		{`go\.(?:mod|sum)$`, `**/*go.mod,**/*go.sum`},
		{`(?i)\.png$`, `**/*.[Pp][Nn][Gg]`},
		{`[^/]+\.lock$`, `**/*[!\/]*.lock`},
	}
	for _, tt := range tests {
		globs, _, err := pathGlobs(tt.expr)
		if err != nil {
			t.Fatalf("%s: %v", tt.expr, err)
		}
		if got := strings.Join(globs, ","); got != tt.want {
			t.Errorf("%s: globs %s, want %s", tt.expr, got, tt.want)
		}
	}
}

func TestPathGlobsRefuses(t *testing.T) {
	for _, expr := range []string{`[a-z]+\.env`, `\bsecret\b`, `(ab|cd)(ef|gh)(ij|kl)(mn|op)(qr|st)(uv|wx)(yz|za)`, `^/etc/passwd$`, `(`} {
		if globs, _, err := pathGlobs(expr); err == nil {
			t.Errorf("%s: globs %q, want an error", expr, globs)
		} else {
			t.Logf("%s: %v", expr, err)
		}
	}
}
