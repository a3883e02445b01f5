package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/leakstop/leakstop/detect"
)

// JUnit XML, as CI dashboards read it (Jenkins, GitLab, Azure Pipelines,
// test-reporter actions): one suite, a failing test case per finding, an
// error case per item that could not be read, a skipped case per item left
// out, and one passing case when nothing was found, so a clean run shows
// green rather than empty.
type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Skipped  int          `xml:"skipped,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name       string          `xml:"name,attr"`
	Tests      int             `xml:"tests,attr"`
	Failures   int             `xml:"failures,attr"`
	Errors     int             `xml:"errors,attr"`
	Skipped    int             `xml:"skipped,attr"`
	Properties []junitProperty `xml:"properties>property"`
	Cases      []junitCase     `xml:"testcase"`
}

type junitProperty struct {
	Name  string `xml:"name,attr"`
	Value string `xml:"value,attr"`
}

type junitCase struct {
	Classname string        `xml:"classname,attr"`
	Name      string        `xml:"name,attr"`
	Failure   *junitProblem `xml:"failure"`
	Error     *junitProblem `xml:"error"`
	Skipped   *junitProblem `xml:"skipped"`
}

type junitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr,omitempty"`
	// Text is CDATA, so the lines read as lines; see xmlText.
	Text string `xml:",cdata"`
}

// writeJUnit writes r (sorted) as JUnit XML.
func (r *Report) writeJUnit(w io.Writer, opts Options) error {
	name := "leakstop"
	s := junitSuite{
		Name: name,
		Properties: []junitProperty{
			{"tool", clean(r.Tool.Name + " " + r.Tool.Version)},
			{"partial", strconv.FormatBool(r.Partial)},
			{"suppressed", strconv.Itoa(r.Suppressed)},
			{"scanned_items", strconv.Itoa(r.Scanned)},
			{"scanned_bytes", strconv.FormatInt(r.Bytes, 10)},
		},
	}
	for i := range r.Findings {
		f := &r.Findings[i]
		s.Cases = append(s.Cases, junitCase{
			Classname: f.RuleID,
			Name:      clean(r.repoPrefix(f)+shownPath(f)) + ":" + strconv.Itoa(f.Line),
			Failure: &junitProblem{
				Message: title(f) + ": " + clean(f.Preview),
				Type:    f.Severity.String(),
				Text:    xmlText(junitDetails(f, r.repoPrefix(f), opts.ShowSecrets)),
			},
		})
		s.Failures++
	}
	if len(r.Findings) == 0 {
		s.Cases = append(s.Cases, junitCase{
			Classname: name,
			Name:      fmt.Sprintf("no secrets found in %s", plural(r.Scanned, "item")),
		})
	}
	for _, e := range r.Errors {
		s.Cases = append(s.Cases, junitCase{
			Classname: name,
			Name:      "read " + clean(e.Path),
			Error:     &junitProblem{Message: clean(e.Error), Type: "read-error", Text: "The scan is partial: this item could not be read."},
		})
		s.Errors++
	}
	for _, k := range r.Skipped {
		s.Cases = append(s.Cases, junitCase{
			Classname: name,
			Name:      "read " + clean(k.Path),
			Skipped:   &junitProblem{Message: clean(k.Reason)},
		})
		s.Skipped++
	}
	s.Tests = len(s.Cases)
	doc := junitSuites{
		Name: name, Tests: s.Tests, Failures: s.Failures, Errors: s.Errors, Skipped: s.Skipped,
		Suites: []junitSuite{s},
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// junitDetails is the body of a finding's failure: everything needed to
// find, judge and accept it.
func junitDetails(f *detect.Finding, repo string, show bool) string {
	var b strings.Builder
	line := func(k, v string) {
		if v != "" {
			fmt.Fprintf(&b, "%-12s %s\n", k+":", v)
		}
	}
	line("rule", f.RuleID)
	line("severity", f.Severity.String())
	line("status", statusText(f))
	line("place", clean(repo+shownPath(f))+":"+strconv.Itoa(f.Line)+":"+strconv.Itoa(f.Column))
	if len(f.Lines) > 1 {
		ls := make([]string, len(f.Lines))
		for i, l := range f.Lines {
			ls[i] = strconv.Itoa(l)
		}
		line("lines", strings.Join(ls, ", "))
	}
	line("commit", clean(f.Source.Commit))
	if isSlack(f) {
		line("slack", slackWhere(&f.Source))
		line("message", clean(f.Source.Permalink))
		if file := f.Source.ExportFile(); file != "" {
			line("export", clean(file)+":"+strconv.Itoa(slackFileLine(f, f.Line)))
		}
	}
	line("decoded", strings.Join(f.Decoded, ", "))
	line("secret", clean(f.Preview))
	if show {
		line("full secret", clean(string(f.Secret.Reveal())))
	}
	line("sha256", f.SecretSHA256)
	line("hmac", f.SecretHMAC)
	line("fingerprint", f.Fingerprint)
	b.WriteString("Rotate the secret at its issuer, then remove it from the code. Not a secret? " +
		"Add a leakstop:allow comment on its line, or its fingerprint to .leakstopignore.")
	return b.String()
}

// xmlText makes s fit CDATA: clean has escaped control characters, and
// what else XML 1.0 forbids (invalid UTF-8, U+FFFE, U+FFFF) becomes U+FFFD.
func xmlText(s string) string {
	return strings.Map(func(r rune) rune {
		if r == 0xFFFE || r == 0xFFFF || (r < 0x20 && r != '\t' && r != '\n' && r != '\r') {
			return utf8.RuneError
		}
		return r
	}, strings.ToValidUTF8(s, string(utf8.RuneError)))
}
