package suppress

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

// Hashes of nothing in particular: entries are hashes, never secrets.
var (
	fpA  = strings.Repeat("a1", 32)
	fpB  = strings.Repeat("b2", 32)
	shaC = strings.Repeat("c3", 32)
)

func TestParseIgnore(t *testing.T) {
	data := "\ufeff# accepted test fixtures\n" +
		"\n" +
		fpA + "\n" +
		"  " + strings.ToUpper(fpB) + "   # upper case is fine\r\n" +
		"github-pat:" + shaC + "\n" +
		"\t# an indented comment\n" +
		"old.token-v2:" + shaC + "\t# tab before the comment\n"
	got, err := ParseIgnore(".leakstopignore", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	want := []Entry{
		{Fingerprint: fpA, At: ".leakstopignore:3", Line: 3},
		{Fingerprint: fpB, At: ".leakstopignore:4", Line: 4},
		{RuleID: "github-pat", SecretSHA256: shaC, At: ".leakstopignore:5", Line: 5},
		{RuleID: "old.token-v2", SecretSHA256: shaC, At: ".leakstopignore:7", Line: 7},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}

func TestParseIgnoreErrors(t *testing.T) {
	lines := []string{
		"# fine",
		"hello",                          // 2: not an entry
		fpA[:63],                         // 3: too short
		"Github-Pat:" + shaC,             // 4: upper-case rule id
		"github-pat:" + shaC[:40],        // 5: not a SHA-256
		fpA + " " + fpB,                  // 6: two entries
		"app.env:12:github-pat",          // 7: gitleaks' form
		"-pat:" + shaC,                   // 8: rule id starting with '-'
		fpA,                              // fine
		"github-pat:" + shaC + " # fine", // fine
		"pasted-by-mistake-not-an-entry", // 11
	}
	_, err := ParseIgnore("repo/.leakstopignore", []byte(strings.Join(lines, "\n")))
	var errs Errors
	if !errors.As(err, &errs) {
		t.Fatalf("err = %v, want Errors", err)
	}
	wantLines := []int{2, 3, 4, 5, 6, 7, 8, 11}
	var gotLines []int
	for _, e := range errs {
		gotLines = append(gotLines, e.Line)
		if e.File != "repo/.leakstopignore" {
			t.Errorf("error names %q", e.File)
		}
		if !strings.HasPrefix(e.Error(), "repo/.leakstopignore:") {
			t.Errorf("error %q does not start with file:line", e)
		}
	}
	if !reflect.DeepEqual(gotLines, wantLines) {
		t.Errorf("error lines %v, want %v\n%v", gotLines, wantLines, err)
	}
	// A line may be a secret pasted by mistake: messages never quote it.
	for _, l := range lines {
		if len(l) > 10 && strings.Contains(err.Error(), l) {
			t.Errorf("message quotes the line %q", l)
		}
	}
	if !strings.Contains(errs[0].Error(), "repo/.leakstopignore:2: want a fingerprint") {
		t.Errorf("first error %q", errs[0])
	}
}

func TestParseIgnoreEmpty(t *testing.T) {
	for _, data := range []string{"", "\n\n", "# only comments\n"} {
		got, err := ParseIgnore("f", []byte(data))
		if err != nil || len(got) != 0 {
			t.Errorf("%q: %v, %v", data, got, err)
		}
	}
}

func FuzzParseIgnore(f *testing.F) {
	f.Add([]byte("# c\n" + fpA + "\ngithub-pat:" + shaC + " # x\n"))
	f.Add([]byte("bad line\n\xef\xbb\xbf" + fpB))
	f.Add([]byte(":" + shaC))
	f.Fuzz(func(t *testing.T, data []byte) {
		entries, err := ParseIgnore("f", data)
		if err != nil {
			var errs Errors
			if !errors.As(err, &errs) || len(errs) == 0 {
				t.Fatalf("error %v is not a list of positions", err)
			}
			for _, e := range errs {
				if e.Line < 1 {
					t.Fatalf("error without a line: %v", e)
				}
			}
			return
		}
		for _, e := range entries {
			if e.Fingerprint == "" && (e.RuleID == "" || e.SecretSHA256 == "") {
				t.Fatalf("empty entry %+v", e)
			}
			if e.Fingerprint != "" && !isSHA256(e.Fingerprint) || e.SecretSHA256 != "" && !isSHA256(e.SecretSHA256) {
				t.Fatalf("bad hash in %+v", e)
			}
		}
	})
}
