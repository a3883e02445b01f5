package main

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"html/template"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	ahocorasick "github.com/BobuSumisu/aho-corasick"

	"github.com/leakstop/leakstop/internal/corpus"
	"github.com/leakstop/leakstop/internal/gitfixture"
	"github.com/leakstop/leakstop/report"
	"github.com/leakstop/leakstop/rules"
)

// minNeedle is the shortest planted secret the leak test looks for:
// shorter ones (dictionary passwords) may occur in unrelated text, such
// as a fingerprint or a rule's description, and would prove nothing.
const minNeedle = 12

// TestReportsNeverLeakSecrets scans a tree dense with planted fake
// secrets of many providers (the labelled corpus and every example of the
// catalog) from a folder, from standard input and from git history, and
// merges the JSON reports, in every report format, alone and several at
// once, with the job summary, at every log level. No planted secret may
// appear in full, raw or escaped as any format escapes it, in standard
// output, standard error or any file written. With --show-secrets the
// same secrets must appear in the formats that show them (so the test can
// fail), and still never in the logs or GitHub's annotations and summary.
func TestReportsNeverLeakSecrets(t *testing.T) {
	gitfixture.Require(t)
	files := leakFixture(t)
	needles := newNeedles(files)
	if len(needles.secrets) < 300 {
		t.Fatalf("only %d planted secrets of %d+ bytes: the fixture is too thin to prove anything", len(needles.secrets), minNeedle)
	}

	work := t.TempDir()
	tree := filepath.Join(work, "tree")
	if err := corpus.WriteTree(tree, files); err != nil {
		t.Fatal(err)
	}
	repo := leakRepo(t, files)
	var stdin bytes.Buffer
	for _, f := range files {
		stdin.Write(f.Data)
		stdin.WriteString("\n")
	}

	sources := []struct {
		name  string
		args  []string
		stdin []byte
		env   map[string]string
	}{
		{"dir", []string{"leakstop", "dir", tree}, nil, nil},
		{"stdin", []string{"leakstop", "stdin", "--path-name", "pasted.txt"}, stdin.Bytes(), map[string]string{"LEAKSTOP_HASH_KEY": "leak-test-key"}},
		{"git", []string{"leakstop", "git", repo}, nil, nil},
	}
	var checked leakCounter

	// Each source writes every format in every run: one to standard output
	// (or --report-path), the others with --report, the job summary too.
	// The format on standard output and the log level change from run to
	// run, so that each format is written at each level; then a run with
	// --show-secrets. The sources run in parallel.
	var (
		mu                  sync.Mutex
		inputs, shownInputs = map[string]string{}, map[string]string{} // source → its JSON report
	)
	run := func(t *testing.T, name string, args []string, stdin []byte, vars map[string]string, show bool) (jsonPath string) {
		for i, format := range report.Formats() {
			level := logLevelNames()[i%len(logLevelNames())]
			if show {
				if format != report.FormatJSON {
					continue
				}
				level = "debug"
			}
			dir := t.TempDir()
			what := fmt.Sprintf("%s --format %s --log-level %s", name, format, level)
			if show {
				what += " --show-secrets"
			}
			out := runLeak(t, dir, append(slices.Clone(args), leakArgs(dir, format, i%2 == 0, level, show)...), stdin, vars)
			if out.code != exitFindings {
				t.Fatalf("%s: exit %d, want 1; stderr:\n%s", what, out.code, out.stderr)
			}
			checked.add(t, needles, out, format, show, what)
			if format == report.FormatJSON { // kept for the merge, past this subtest
				jsonPath = filepath.Join(work, strings.ReplaceAll(what, " ", "_")+".json")
				if err := os.WriteFile(jsonPath, out.json(format), 0o600); err != nil {
					t.Fatal(err)
				}
			}
		}
		return jsonPath
	}
	t.Run("sources", func(t *testing.T) {
		for _, src := range sources {
			t.Run(src.name, func(t *testing.T) {
				t.Parallel()
				redacted := run(t, src.name, src.args, src.stdin, src.env, false)
				shown := run(t, src.name, src.args, src.stdin, src.env, true)
				mu.Lock()
				defer mu.Unlock()
				inputs[src.name], shownInputs[src.name] = redacted, shown
			})
		}
	})
	if t.Failed() {
		return
	}
	// The three JSON reports merged.
	t.Run("merge", func(t *testing.T) {
		merge := []string{"leakstop", "report", "merge"}
		var redacted, shown []string
		for _, src := range sources {
			redacted, shown = append(redacted, inputs[src.name]), append(shown, shownInputs[src.name])
		}
		run(t, "report merge", append(slices.Clone(merge), redacted...), nil, nil, false)
		run(t, "report merge", append(slices.Clone(merge), shown...), nil, nil, true)
	})

	t.Logf("checked %d outputs (%d bytes) of %d runs for %d planted secrets (%d forms); "+
		"with --show-secrets, %d distinct planted secrets shown",
		checked.outputs, checked.bytes, checked.runs, len(needles.secrets), len(needles.forms), len(checked.revealed))
}

// leakArgs are the flags of a run writing format to standard output (or,
// with toFile, to --report-path) and every other format with --report,
// into dir.
func leakArgs(dir, format string, toFile bool, level string, show bool) []string {
	args := []string{"--log-level", level, "--format", format}
	if show {
		args = append(args, "--show-secrets")
	}
	if toFile {
		args = append(args, "--report-path", filepath.Join(dir, "report."+format))
	}
	for _, f := range report.Formats() {
		if f != format {
			args = append(args, "--report", f+"="+filepath.Join(dir, "report."+f))
		}
	}
	return args
}

// leakRun is what a run wrote: its streams, and every file in its folder
// (reports and the job summary).
type leakRun struct {
	code           int
	stdout, stderr []byte
	files          map[string][]byte
}

// json is the run's JSON report, wherever it went.
func (r leakRun) json(format string) []byte {
	if format == report.FormatJSON && len(r.stdout) > 0 {
		return r.stdout
	}
	return r.files["report.json"]
}

// runLeak runs the command in-process, its job summary going into dir.
func runLeak(t *testing.T, dir string, args []string, stdin []byte, vars map[string]string) leakRun {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{stdin: bytes.NewReader(stdin), stdout: &out, stderr: &errb, getenv: func(k string) string {
		if k == "GITHUB_STEP_SUMMARY" {
			return filepath.Join(dir, "summary.md")
		}
		return vars[k]
	}}
	app := newApp(e)
	code := exitCode(app.RunContext(context.Background(), hoistFlags(app, args)), &errb)
	r := leakRun{code: code, stdout: out.Bytes(), stderr: errb.Bytes(), files: map[string][]byte{}}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, ent := range entries {
		b, err := os.ReadFile(filepath.Join(dir, ent.Name()))
		if err != nil {
			t.Fatal(err)
		}
		r.files[ent.Name()] = b
	}
	return r
}

// leakCounter checks outputs and counts them.
type leakCounter struct {
	mu       sync.Mutex
	runs     int
	outputs  int
	bytes    int
	revealed map[string]bool
}

// add checks every output of a run, whose --format is format.
// Redacted, none may hold a secret. Shown, the logs and GitHub's outputs
// still may not, and every other report must hold each secret the run's
// JSON report reveals.
func (c *leakCounter) add(t *testing.T, n *needles, r leakRun, format string, shown bool, what string) {
	t.Helper()
	type output struct {
		name, format string
		data         []byte
	}
	outs := []output{{"stdout", format, r.stdout}, {"stderr", "", r.stderr}}
	for name, data := range r.files {
		outs = append(outs, output{name, strings.TrimPrefix(filepath.Ext(name), "."), data})
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.runs++
	if c.revealed == nil {
		c.revealed = map[string]bool{}
	}
	var revealedHere []string
	if shown {
		revealedHere = n.revealedBy(t, r.json(format))
		if len(revealedHere) < 100 {
			t.Errorf("%s: --show-secrets revealed only %d planted secrets in the JSON report", what, len(revealedHere))
		}
		for _, s := range revealedHere {
			c.revealed[s] = true
		}
	}
	reports := 0
	for _, o := range outs {
		c.outputs++
		c.bytes += len(o.data)
		if o.format != "" && o.format != "md" && len(o.data) > 0 {
			reports++
		}
		found := n.find(o.data)
		mayShow := shown && o.format != "" && o.format != report.FormatGitHub && o.format != "md"
		if !mayShow {
			for _, s := range found {
				t.Errorf("%s: %s holds planted secret %s (%d bytes)", what, o.name, preview(s), len(s))
			}
			continue
		}
		if len(o.data) == 0 { // standard output, when the report went to --report-path
			continue
		}
		for _, s := range revealedHere {
			if !strings.ContainsAny(s, "\r\n") && !slices.Contains(found, s) {
				t.Errorf("%s: %s lacks secret %s, shown in the JSON report", what, o.name, preview(s))
			}
		}
	}
	if reports != len(report.Formats()) {
		t.Errorf("%s: %d reports written, want one per format (%d)", what, reports, len(report.Formats()))
	}
	if len(r.files["summary.md"]) == 0 {
		t.Errorf("%s: no job summary written", what)
	}
}

func preview(s string) string { return strconv.Quote(s[:4] + "…") }

// needles are the planted secrets and every form a report may write one
// in: raw, and escaped as JSON, XML, CSV, GitHub workflow commands,
// Markdown or a Go-quoted string escape it. A multi-line secret (key
// material) is also looked for line by line: each base64 line of its body.
type needles struct {
	secrets []string
	forms   []string // pattern i of the trie
	of      []int    // index into secrets of forms[i]
	trie    *ahocorasick.Trie
}

func newNeedles(files []corpus.File) *needles {
	n := &needles{}
	seen := map[string]bool{}
	for _, f := range files {
		for _, p := range f.Planted {
			if len(p.Secret) >= minNeedle && !seen[p.Secret] {
				seen[p.Secret] = true
				n.secrets = append(n.secrets, p.Secret)
			}
		}
	}
	slices.Sort(n.secrets)
	formSeen := map[string]bool{}
	for i, s := range n.secrets {
		for _, form := range forms(s) {
			if len(form) >= minNeedle && !formSeen[form] {
				formSeen[form] = true
				n.forms = append(n.forms, form)
				n.of = append(n.of, i)
			}
		}
	}
	n.trie = ahocorasick.NewTrieBuilder().AddStrings(n.forms).Build()
	return n
}

func forms(s string) []string {
	out := []string{s}
	js, _ := json.Marshal(s)
	out = append(out, string(js[1:len(js)-1]))
	var raw bytes.Buffer
	enc := json.NewEncoder(&raw)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	out = append(out, strings.TrimSpace(raw.String())[1:len(strings.TrimSpace(raw.String()))-1])
	var x bytes.Buffer
	_ = xml.EscapeText(&x, []byte(s))
	out = append(out, x.String())
	out = append(out, strings.ReplaceAll(s, `"`, `""`))
	out = append(out, strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s))
	out = append(out, strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s))
	q := strconv.Quote(s)
	out = append(out, q[1:len(q)-1])
	var md strings.Builder
	for _, r := range s {
		if strings.ContainsRune("\\`*_[]<>|~&", r) {
			md.WriteByte('\\')
		}
		md.WriteRune(r)
	}
	out = append(out, md.String(), strings.ReplaceAll(s, "|", `\|`))
	h := template.HTMLEscapeString(s)
	out = append(out, h, strings.ReplaceAll(h, "+", "&#43;"))
	if strings.ContainsAny(s, "\r\n") {
		for _, line := range strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '\r' }) {
			line = strings.TrimSpace(line)
			if len(line) >= 16 && strings.Trim(line, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=") == "" {
				out = append(out, line)
			}
		}
	}
	return out
}

// find returns the planted secrets data holds in any form.
func (n *needles) find(data []byte) []string {
	var out []string
	for _, m := range n.trie.Match(data) {
		s := n.secrets[n.of[m.Pattern()]]
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// revealedBy lists the planted secrets a --show-secrets JSON report shows.
func (n *needles) revealedBy(t *testing.T, jsonReport []byte) []string {
	t.Helper()
	var doc struct {
		Findings []struct {
			Secret string `json:"secret"`
		} `json:"findings"`
	}
	if err := json.Unmarshal(jsonReport, &doc); err != nil {
		t.Fatalf("JSON report: %v", err)
	}
	var out []string
	for _, f := range doc.Findings {
		if _, ok := slices.BinarySearch(n.secrets, f.Secret); ok && !slices.Contains(out, f.Secret) {
			out = append(out, f.Secret)
		}
	}
	return out
}

// leakFixture is the labelled corpus (tune half) and, as one file per
// rule, every example of the catalog: hundreds of fake secrets of every
// provider, the push-protected ones assembled at load time.
func leakFixture(t *testing.T) []corpus.File {
	t.Helper()
	files, err := corpus.Load(filepath.Join("..", "..", "testdata", "corpus", "tune"))
	if err != nil {
		t.Fatal(err)
	}
	set, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range set.Rules {
		f := corpus.File{Path: "catalog/" + r.ID + ".txt"}
		var data bytes.Buffer
		for _, ex := range r.Examples {
			data.WriteString(ex.Text)
			data.WriteString("\n\n")
			f.Planted = append(f.Planted, corpus.Planted{Path: f.Path, Family: r.Family, Secret: ex.Secret})
		}
		f.Data = data.Bytes()
		files = append(files, f)
	}
	return files
}

// leakRepo commits the fixture to a new repository, then deletes every
// third file, so that a history scan finds secrets no work tree holds.
func leakRepo(t *testing.T, files []corpus.File) string {
	t.Helper()
	r := gitfixture.New(t)
	if err := corpus.WriteTree(r.Dir, files); err != nil {
		t.Fatal(err)
	}
	r.Git("add", "-A")
	r.Git("commit", "-q", "-m", "add the fixture")
	for i, f := range files {
		if i%3 == 0 {
			if err := os.Remove(filepath.Join(r.Dir, filepath.FromSlash(f.Path))); err != nil {
				t.Fatal(err)
			}
		}
	}
	r.Git("add", "-A")
	r.Git("commit", "-q", "-m", "remove a third of it")
	return r.Dir
}
