package rules

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"testing"
)

// FuzzLoad feeds arbitrary rule files to the loader: it never panics, and
// returns either a file whose rules are usable or Errors, each naming the
// file and, when known, a line of it.
func FuzzLoad(f *testing.F) {
	catalog, err := fs.Glob(catalogFS, "default/*.toml")
	if err != nil {
		f.Fatal(err)
	}
	for _, name := range catalog {
		data, err := catalogFS.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
		// Each rule alone, and the file cut short in the middle of a rule.
		for _, part := range bytes.SplitAfter(data, []byte("\n[[rules]]\n")) {
			f.Add(append([]byte("[[rules]]\n"), part...))
		}
		f.Add(data[:len(data)/3])
	}
	for _, s := range []string{
		"",
		"[extend]\ndefault = false\ndisable = [\"github-pat\"]\n",
		"[[rules]]\nid = \"a-b\"\nregex = '(?P<secret>x)'\nkeywrds = [\"x\"]\n",
		"[[rules]]\nid = \"a-b\"\nkeywords = [\"abc\"]\nregex = '(?P<secret>x'\n",
		"[[rules]]\r\nid = \"a-b\"\r\nregex = '(?P<secret>abc\\d+)'\r\n[[rules.examples]]\r\ntext = \"abc12\"\r\nsecret = \"abc12\"\r\n",
		"\xef\xbb\xbf[[rules]]\nid = \"x-y\"\nregex = '''(?P<secret>k_[a-z]{4})'''\nkeywords = [\"k_\"]\n[[rules.examples]]\ntext = \"\\u006b_abcd\"\nsecret = \"k_abcd\"\n",
		"[[rules]]\nid = \"a-b\"\nregex = '(?P<secret>abc)'\nvalidator = \"private-key\"\n[[rules.examples]]\ntext = \"abc\"\nsecret = \"abc\"\n",
		"[[rules]]\nid = \"a-b\"\nregex = '(?P<secret>.+)'\nvalidator = \"jwt\"\n[[rules.examples]]\ntext = \"eyJ.eyJ.x\"\nsecret = \"eyJ.eyJ.x\"\n",
		"[[rules]]\nid = \"p\"\nregex = '(?P<secret>x)'\n[rules.requires]\nid = \"q\"\n",
		"[[rules]]\nid = \"a-b\"\nregex = '(?P<secret>x)'\nentropy = 9.5\nwindow = -1\nseverity = \"huge\"\n",
		"[[rules]]\n[[rules.examples]]\n[[rules.counterexamples]]\ntext = '''\n[[rules]]\n'''\n",
		"rules = 3\n", "[[rules]]\nid = 1\n", "[rules]\nid = \"a-b\"\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		const name = "fuzz.toml"
		file, err := Load(name, data)
		if err == nil {
			if file == nil {
				t.Fatal("no file and no error")
			}
			for _, r := range file.Rules {
				if r.Regexp() == nil || r.SecretGroup() <= 0 || r.SecretGroup() > r.Regexp().NumSubexp() {
					t.Fatalf("rule %q loaded without a usable secret group", r.ID)
				}
				if r.File != name {
					t.Fatalf("rule %q names file %q", r.ID, r.File)
				}
			}
			return
		}
		if file != nil {
			t.Fatalf("a file and an error: %v", err)
		}
		var es Errors
		if !errors.As(err, &es) || len(es) == 0 {
			t.Fatalf("error %T is not a non-empty Errors: %v", err, err)
		}
		lines := bytes.Count(data, []byte("\n")) + 1
		for _, e := range es {
			if e.File != name || e.Line < 0 || e.Line > lines {
				t.Fatalf("error %q: file %q line %d (file has %d lines)", e, e.File, e.Line, lines)
			}
			want := name + ":"
			if e.Line > 0 {
				want = fmt.Sprintf("%s:%d: ", name, e.Line)
			}
			if !strings.HasPrefix(e.Error(), want) {
				t.Fatalf("error %q does not start with %q", e, want)
			}
		}
	})
}
