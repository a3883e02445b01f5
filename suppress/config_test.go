package suppress

import (
	"errors"
	"strings"
	"testing"

	"github.com/leakstop/leakstop/detect"
	"github.com/leakstop/leakstop/source"
)

func TestLoadConfig(t *testing.T) {
	data := `# rules and allowlists in one file
[extend]
disable = ["other-token"]

[[rules]]
id = "acme-key"
keywords = ["acme_"]
regex = '''(?P<secret>acme_[a-z0-9]{8})'''

[[allowlists]]
description = "test fixtures"
rules = ["old-token"]
paths = [
  "testdata/**",
  "**/*_test.go",
]
stopwords = ["EXAMPLE"]

[[allowlists]]
condition = "all"
paths = ["docs/**"]
line_regexes = ['''(?i)example''']
`
	c, err := LoadConfig(".leakstop.toml", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	if c.Rules == nil || len(c.Rules.Rules) != 1 || c.Rules.Rules[0].ID != "acme-key" || c.Rules.Disable[0] != "other-token" || c.Rules.DisableLine != 3 {
		t.Errorf("rules: %+v", c.Rules)
	}
	if len(c.Allowlists) != 2 {
		t.Fatalf("%d allowlists, want 2", len(c.Allowlists))
	}
	a, b := c.Allowlists[0], c.Allowlists[1]
	if a.Where() != ".leakstop.toml:10" || a.Description != "test fixtures" || a.All || len(a.Paths) != 2 || a.Paths[1].Line != 15 {
		t.Errorf("first allowlist: %+v", a)
	}
	if a.Stopwords[0].Text != "example" {
		t.Errorf("stopwords are matched in lower case: %q", a.Stopwords[0].Text)
	}
	if !b.All || b.Line != 19 || b.LineRegexes[0].Line != 22 {
		t.Errorf("second allowlist: %+v", b)
	}
	if err := a.Resolve(testRules()); err != nil {
		t.Errorf("old-token is an alias of a rule: %v", err)
	}
}

func TestLoadConfigErrors(t *testing.T) {
	tests := []struct {
		name, file string
		want       []string
	}{
		{"unknown key in an allowlist", "[[allowlists]]\npaths = [\"a/**\"]\npath = [\"b\"]\n",
			[]string{`f.toml:3: unknown key "allowlists.path"`}},
		{"unknown top-level key", "[allowlist]\npaths = [\"a\"]\n", []string{`f.toml:1: unknown key "allowlist"`, `f.toml:2: unknown key "allowlist.paths"`}},
		{"bad regex", "\n[[allowlists]]\nregexes = [\n  'ok',\n  '(unclosed',\n]\n", []string{"f.toml:5: regexes: bad regex"}},
		{"bad line regex", "[[allowlists]]\nline_regexes = ['[z-a]']\n", []string{"f.toml:2: line_regexes: bad regex"}},
		{"bad glob", "[[allowlists]]\npaths = ['docs/[a-']\n", []string{`f.toml:2: paths: bad glob "docs/[a-"`}},
		{"leading slash", "[[allowlists]]\npaths = ['/etc/**']\n", []string{"f.toml:2: paths: glob \"/etc/**\": paths are relative"}},
		{"empty value", "[[allowlists]]\nstopwords = ['']\n", []string{"f.toml:2: stopwords: an empty value matches everything"}},
		{"nothing to match", "[[allowlists]]\nrules = [\"new-token\"]\n", []string{"f.toml:1: allowlist has nothing to match"}},
		{"bad condition", "[[allowlists]]\ncondition = \"most\"\npaths = ['a']\n", []string{`f.toml:2: condition "most"`}},
		{"bad rule id", "[[allowlists]]\nrules = [\"Bad Id\"]\npaths = ['a']\n", []string{`f.toml:2: rules: "Bad Id" is not a rule id`}},
		{"wrong type", "[[allowlists]]\npaths = \"docs/**\"\n", []string{"f.toml:2: allowlists.paths"}},
		{"syntax", "[[allowlists]]\npaths = ['a'\n", []string{"f.toml:2: expected a comma"}},
		{"every problem at once", "[[rules]]\nid = \"x-y\"\nregex = '(?P<secret>x'\n[[allowlists]]\npaths = ['a']\nregexes = ['(']\nwhat = 1\n",
			[]string{"f.toml:3: rule \"x-y\": bad regex", "f.toml:6: regexes: bad regex", `f.toml:7: unknown key "allowlists.what"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := LoadConfig("f.toml", []byte(tt.file))
			var es Errors
			if !errors.As(err, &es) {
				t.Fatalf("error %v (%T) is not Errors", err, err)
			}
			if len(es) != len(tt.want) {
				t.Errorf("%d errors, want %d: %v", len(es), len(tt.want), err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
		})
	}
}

func TestAllowlistResolve(t *testing.T) {
	c, err := LoadConfig("f.toml", []byte("[[allowlists]]\nrules = [\"new-token\", \"no-such-rule\"]\npaths = ['a']\n"))
	if err != nil {
		t.Fatal(err)
	}
	err = c.Allowlists[0].Resolve(testRules())
	if err == nil || !strings.Contains(err.Error(), `f.toml:2: rules: "no-such-rule" names no rule of this run`) {
		t.Errorf("err = %v", err)
	}
}

func TestAllowlistMatch(t *testing.T) {
	set := testRules()
	load := func(t *testing.T, s string) *Allowlist {
		t.Helper()
		c, err := LoadConfig("f.toml", []byte("[[allowlists]]\n"+s))
		if err != nil {
			t.Fatal(err)
		}
		return c.Allowlists[0]
	}
	content := "TOKEN=fake-token-EXAMPLE-1 # from the docs\nOTHER=fake-token-value-2\n"
	at := func(rule, path, secret string, line int) detect.Finding {
		f := finding(rule, path, secret, false)
		f.Line, f.EndLine, f.Lines = line, line, []int{line}
		return f
	}
	docs := at("new-token", "docs/setup/app.env", "fake-token-EXAMPLE-1", 1)
	other := at("new-token", "src/app.env", "fake-token-value-2", 2)
	otherRule := at("other-token", "docs/app.env", "fake-token-value-2", 2)
	tests := []struct {
		name       string
		allowlist  string
		f          detect.Finding
		want       bool
		wantDetail string
	}{
		{"path glob", `paths = ["docs/**"]`, docs, true, `paths = "docs/**"`},
		{"path glob elsewhere", `paths = ["docs/**"]`, other, false, ""},
		{"glob spans folders", `paths = ["**/*.env"]`, other, true, `paths = "**/*.env"`},
		{"glob without ** stays at the top", `paths = ["*.env"]`, other, false, ""},
		{"regex on the secret", `regexes = ['EXAMPLE-\d$']`, docs, true, `regexes = "EXAMPLE-\\d$"`},
		{"regex on the secret, not the line", `regexes = ['docs']`, docs, false, ""},
		{"regex on the line", `line_regexes = ['from the docs']`, docs, true, `line_regexes = "from the docs"`},
		{"line regex on another line", `line_regexes = ['from the docs']`, other, false, ""},
		{"stopword in any case", `stopwords = ["example"]`, docs, true, `stopwords = "example"`},
		{"stopword absent", `stopwords = ["example"]`, other, false, ""},
		{"scoped to the rule", "rules = [\"new-token\"]\npaths = [\"**\"]", other, true, `paths = "**"`},
		{"scoped by alias", "rules = [\"old-token\"]\npaths = [\"**\"]", other, true, `paths = "**"`},
		{"scoped to another rule", "rules = [\"new-token\"]\npaths = [\"**\"]", otherRule, false, ""},
		{"any: one kind is enough", "paths = [\"nowhere/**\"]\nstopwords = [\"example\"]", docs, true, `stopwords = "example"`},
		{"all: every kind", "condition = \"all\"\npaths = [\"docs/**\"]\nstopwords = [\"example\"]", docs, true, `paths = "docs/**" and stopwords = "example"`},
		{"all: one kind fails", "condition = \"all\"\npaths = [\"docs/**\"]\nstopwords = [\"example\"]", otherRule, false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := load(t, tt.allowlist)
			detail, ok := a.match(&tt.f, &text{data: []byte(content)}, set)
			if ok != tt.want || detail != tt.wantDetail {
				t.Errorf("match = %q, %v; want %q, %v", detail, ok, tt.wantDetail, tt.want)
			}
		})
	}
}

func TestFilterAllowlists(t *testing.T) {
	set := testRules()
	c, err := LoadConfig("cfg.toml", []byte("[[allowlists]]\ndescription = \"fixtures\"\npaths = [\"testdata/**\"]\n"))
	if err != nil {
		t.Fatal(err)
	}
	inTests := finding("new-token", "testdata/a.env", "fake-token-value-1", false)
	inApp := finding("new-token", "app.env", "fake-token-value-1", false)
	inOtherRoot := inTests
	inOtherRoot.Source.Root = "other"

	fl := &Filter{Rules: set, Allowlists: c.Allowlists}
	kept, accepted := fl.Split([]byte("x\n"), []detect.Finding{inTests, inApp})
	if len(kept) != 1 || kept[0].Path != "app.env" || len(accepted) != 1 {
		t.Fatalf("kept %d, accepted %d", len(kept), len(accepted))
	}
	if a := accepted[0]; a.Reason != Allowlisted || a.By != "cfg.toml:1" || a.Detail != `paths = "testdata/**" (fixtures)` {
		t.Errorf("accepted: reason %v, by %q, detail %q", a.Reason, a.By, a.Detail)
	}
	// A root's own config applies under that root only.
	scoped := &Filter{Rules: set, RootAllowlists: map[string][]*Allowlist{".": c.Allowlists}}
	if kept, _ := scoped.Split(nil, []detect.Finding{inTests, inOtherRoot}); len(kept) != 1 || kept[0].Source.Root != "other" {
		t.Errorf("kept %+v", kept)
	}
}

func TestAddedMarkers(t *testing.T) {
	set := testRules()
	data := []byte("A=1 # leakstop:allow\nTOKEN=fake-token-value-1 # leakstop:allow new-token, a note\n# leakstop:allowed\n")
	tok := finding("new-token", "app.env", "fake-token-value-1", false)
	tok.Line, tok.EndLine, tok.Lines = 2, 2, []int{2}
	o := source.Origin{Kind: source.KindGit, Path: "app.env", Commit: "c1", Added: []source.LineRange{{Start: 2, End: 3}}}
	tok.Source = o
	res := (&Filter{Rules: set}).Apply(&source.Fragment{Data: data, Origins: []source.Origin{o}}, []detect.Finding{tok})
	if len(res.Kept) != 0 || len(res.Accepted) != 1 || res.Accepted[0].By != "app.env:2" {
		t.Fatalf("kept %d, accepted %+v", len(res.Kept), res.Accepted)
	}
	// Line 1 was not added; line 3 holds a longer word.
	if len(res.Markers) != 1 {
		t.Fatalf("markers %+v, want the one on line 2", res.Markers)
	}
	m := res.Markers[0]
	if m.Line != 2 || m.Commit != "c1" || strings.Join(m.Rules, ",") != "new-token" || len(m.Accepted) != 1 || m.Accepted[0] != tok.Fingerprint {
		t.Errorf("marker %+v", m)
	}
	// A marker whose finding an ignore file accepts anyway hides nothing
	// new.
	fl := &Filter{Rules: set, Ignore: NewList(set, Entry{Fingerprint: tok.Fingerprint})}
	res = fl.Apply(&source.Fragment{Data: data, Origins: []source.Origin{o}}, []detect.Finding{tok})
	if len(res.Markers) != 1 || len(res.Markers[0].Accepted) != 0 {
		t.Errorf("markers %+v", res.Markers)
	}
	// Without added lines (a whole history, a folder) nothing is listed.
	o.Added = nil
	if res := fl.Apply(&source.Fragment{Data: data, Origins: []source.Origin{o}}, nil); res.Markers != nil {
		t.Errorf("markers %+v", res.Markers)
	}
}

func TestProposed(t *testing.T) {
	set := testRules()
	base, err := LoadConfig("main:.leakstop.toml", []byte("[[allowlists]]\nrules = [\"new-token\"]\npaths = [\"docs/**\"]\n"))
	if err != nil {
		t.Fatal(err)
	}
	head, err := LoadConfig("feature:.leakstop.toml", []byte(`[extend]
disable = ["other-token"]

[[allowlists]]
rules = ["new-token"]
paths = ["docs/**", "src/**"]

[[allowlists]]
stopwords = ["value"]
`))
	if err != nil {
		t.Fatal(err)
	}
	ps := ProposedConfig(".leakstop.toml", "feature", base, head)
	var got []string
	for _, p := range ps {
		got = append(got, p.Kind+" "+p.Entry)
	}
	want := []string{
		`allowlist paths = "src/**" for new-token`,
		`allowlist stopwords = "value"`,
		`disable disable = "other-token"`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("proposed:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if ps[0].Line != 6 || ps[0].File != ".leakstop.toml" || ps[0].Commit != "feature" || ps[2].Line != 2 {
		t.Errorf("places: %+v %+v", ps[0], ps[2])
	}
	inSrc := finding("new-token", "src/app.env", "fake-token-value-1", false)
	other := finding("other-token", "lib/x.env", "fake-token-x", false)
	if !ps[0].Matches(&inSrc, set) || ps[0].Matches(&other, set) || !ps[1].Matches(&inSrc, set) || !ps[2].Matches(&other, set) {
		t.Error("a proposal matches the wrong findings")
	}
	// A changed scope is a new entry; nothing new, nothing proposed.
	if ps := ProposedConfig(".leakstop.toml", "x", head, head); len(ps) != 0 {
		t.Errorf("a file against itself proposes %d entries", len(ps))
	}

	tok := finding("new-token", "app.env", "fake-token-value-1", false)
	entries := ProposedEntries(IgnoreFile, ".leakstopignore", "feature",
		[]Entry{{Fingerprint: fpA}},
		[]Entry{{Fingerprint: upper(fpA), Line: 1}, {RuleID: "old-token", SecretSHA256: tok.SecretSHA256, Line: 2}})
	if len(entries) != 1 || entries[0].Line != 2 || entries[0].Entry != "old-token:"+tok.SecretSHA256 || !entries[0].Matches(&tok, set) {
		t.Errorf("entries %+v", entries)
	}
}

// LoadConfig never panics, and what it accepts matches without panicking:
// every error it returns names the file.
func FuzzLoadConfig(f *testing.F) {
	for _, seed := range []string{
		"[[allowlists]]\npaths = [\"docs/**\"]\nstopwords = [\"example\"]\n",
		"[[allowlists]]\ncondition = \"all\"\nrules = [\"new-token\"]\nregexes = ['^x']\nline_regexes = ['y$']\npaths = ['**/*.env']\n",
		"[extend]\ndisable = [\"a-b\"]\n[[rules]]\nid = \"a-b\"\nregex = '(?P<secret>x)'\n[[allowlists]]\npaths = ['[']\n",
		"[[allowlists]]\npaths = \"x\"\n",
		"[[allowlists]]\nregexes = [\"\"\"\n(\n\"\"\"]\n",
	} {
		f.Add(seed)
	}
	set := testRules()
	tok := finding("new-token", "docs/a.env", "fake-token-value-1", false)
	f.Fuzz(func(t *testing.T, data string) {
		c, err := LoadConfig("f.toml", []byte(data))
		if err != nil {
			if !strings.Contains(err.Error(), "f.toml") {
				t.Fatalf("error without the file's name: %v", err)
			}
			return
		}
		for _, a := range c.Allowlists {
			if a.Resolve(set) == nil {
				a.match(&tok, &text{data: []byte("TOKEN=fake-token-value-1\n")}, set)
			}
		}
		ProposedConfig(".leakstop.toml", "", nil, c)
	})
}
