package source_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/leakstop/leakstop/detect"
	"github.com/leakstop/leakstop/internal/slackfixture"
	"github.com/leakstop/leakstop/rules"
	"github.com/leakstop/leakstop/source"
)

// Accuracy floors of the Slack source on the fixture export: what the
// engine finds in files it must find in messages, their blocks,
// attachments, snippets and files, and unescaping must not invent any.
const (
	minSlackRecall    = 0.95
	minSlackPrecision = 0.95
)

// slackScan runs a Slack source with the default engine and returns the
// findings and the problems reported.
func slackScan(t *testing.T, src *source.Slack) ([]detect.Finding, map[string]string) {
	t.Helper()
	set, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	eng, err := detect.New(set, detect.Options{})
	if err != nil {
		t.Fatal(err)
	}
	const jobs = 4
	scanners := make([]*detect.Scanner, jobs)
	var (
		mu       sync.Mutex
		findings []detect.Finding
	)
	probs := &problems{m: map[string]string{}}
	err = src.Fragments(context.Background(), jobs, func(w int, f *source.Fragment) error {
		if scanners[w] == nil {
			scanners[w] = eng.NewScanner()
		}
		fs := eng.Findings(f, scanners[w].Scan(f.Data))
		mu.Lock()
		defer mu.Unlock()
		findings = append(findings, fs...)
		return nil
	}, probs)
	if err != nil {
		t.Fatal(err)
	}
	return findings, probs.m
}

type problems struct {
	mu sync.Mutex
	m  map[string]string
}

func (p *problems) Error(path string, err error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.m[path] = err.Error()
}

func (p *problems) Skip(path, reason string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.m[path] = "skipped: " + reason
}

// sameSecret reports whether a found secret is a planted one: equal, or
// one holding the other (a key block with or without its last newline).
func sameSecret(found, planted string) bool {
	found, planted = strings.TrimSpace(found), strings.TrimSpace(planted)
	return found == planted || (len(found) >= 8 && len(planted) >= 8 && (strings.Contains(found, planted) || strings.Contains(planted, found)))
}

// TestSlackAccuracy builds the fixture export, scans it as a folder and as
// a zip, and reports recall and precision: a finding is a true positive
// when it is a planted secret in the message (channel id and ts) it was
// planted in.
func TestSlackAccuracy(t *testing.T) {
	dir := t.TempDir()
	exp, err := slackfixture.Build(dir, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(exp.Planted) < 40 {
		t.Fatalf("only %d planted secrets", len(exp.Planted))
	}
	findings, probs := slackScan(t, &source.Slack{Export: dir})
	if len(probs) > 0 {
		t.Errorf("problems: %v", probs)
	}

	type tally struct{ tp, fn int }
	byWhere := map[string]*tally{}
	used := make([]bool, len(findings))
	var misses []string
	for _, p := range exp.Planted {
		if byWhere[p.Where] == nil {
			byWhere[p.Where] = &tally{}
		}
		hit := false
		for i, f := range findings {
			if f.Source.Channel == p.Channel && f.Source.TS == p.TS && sameSecret(string(f.Secret.Reveal()), p.Secret) {
				used[i], hit = true, true
			}
		}
		if hit {
			byWhere[p.Where].tp++
		} else {
			byWhere[p.Where].fn++
			misses = append(misses, fmt.Sprintf("missed  %s %s %s in %s", p.Channel, p.TS, p.RuleID, p.Where))
		}
	}
	fp := 0
	for i, f := range findings {
		if !used[i] {
			fp++
			misses = append(misses, fmt.Sprintf("false+  %s %s line %d %s %s", f.Path, f.Source.File, f.Line, f.RuleID, f.Preview))
		}
	}
	tp, fn := 0, 0
	var wheres []string
	for w, c := range byWhere {
		tp, fn = tp+c.tp, fn+c.fn
		wheres = append(wheres, fmt.Sprintf("%s %d/%d", w, c.tp, c.tp+c.fn))
	}
	sort.Strings(wheres)
	sort.Strings(misses)
	recall := float64(tp) / float64(tp+fn)
	precision := float64(tp) / float64(max(tp+fp, 1))
	// Distinct planted places found: findings of one secret in one
	// message are one place, so tp counts planted secrets.
	t.Logf("Slack fixture: %d messages, %d planted secrets, %d look-alikes; found %d, missed %d, %d false positives",
		exp.Messages, len(exp.Planted), exp.LookAlikes, tp, fn, fp)
	t.Logf("recall %.3f, precision %.3f; by place: %s", recall, precision, strings.Join(wheres, ", "))
	for _, m := range misses {
		t.Log(m)
	}
	if recall < minSlackRecall {
		t.Errorf("recall %.3f < %.2f", recall, minSlackRecall)
	}
	if precision < minSlackPrecision {
		t.Errorf("precision %.3f < %.2f", precision, minSlackPrecision)
	}

	checkSlackPlaces(t, dir, findings)

	// The same export zipped, wrapped in a folder as Slack's download
	// is: the same places.
	zipPath := filepath.Join(t.TempDir(), "Acme Slack export.zip")
	if err := slackfixture.Zip(dir, zipPath, "Acme Slack export Jun 3 2024"); err != nil {
		t.Fatal(err)
	}
	zipped, probs := slackScan(t, &source.Slack{Export: zipPath})
	if len(probs) > 0 {
		t.Errorf("zip: problems: %v", probs)
	}
	if got, want := places(zipped), places(findings); !slices.Equal(got, want) {
		t.Errorf("zip: %d places, folder %d:\n%s\nwant\n%s", len(got), len(want), strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func places(fs []detect.Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, fmt.Sprintf("%s %s:%d %d %s", f.Fingerprint, f.Path, f.Line, f.Source.FileLineAt(f.Line), f.RuleID))
	}
	slices.Sort(out)
	return out
}

// checkSlackPlaces checks what each finding says of its place: the names
// of the channel and user, a permalink, and a line of the day file that
// holds the secret's start as the export writes it.
func checkSlackPlaces(t *testing.T, dir string, findings []detect.Finding) {
	t.Helper()
	lines := map[string][]string{}
	lineOf := func(file string, n int) string {
		if lines[file] == nil {
			f, err := os.Open(filepath.Join(dir, filepath.FromSlash(file)))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			sc := bufio.NewScanner(f)
			sc.Buffer(nil, 1<<24)
			lines[file] = []string{""}
			for sc.Scan() {
				lines[file] = append(lines[file], sc.Text())
			}
		}
		if n < 1 || n >= len(lines[file]) {
			return ""
		}
		return lines[file][n]
	}
	for _, f := range findings {
		o := f.Source
		if o.Kind != source.KindSlack || o.TS == "" {
			t.Errorf("%s: not a message: %+v", f.Path, o)
			continue
		}
		if want := "slack/" + o.Channel + "/" + o.TS; !strings.HasPrefix(f.Path, want) {
			t.Errorf("path %s, want %s…", f.Path, want)
		}
		if o.ChannelName == "" || o.ChannelType == "" || o.User == "" || o.UserName == "" {
			t.Errorf("%s: names missing: channel %q %q, user %q %q", f.Path, o.ChannelName, o.ChannelType, o.User, o.UserName)
		}
		want := "https://" + slackfixture.Workspace + "/archives/" + o.Channel + "/p" + strings.Replace(o.TS, ".", "", 1)
		if !strings.HasPrefix(o.Permalink, want) {
			t.Errorf("%s: permalink %q, want %q…", f.Path, o.Permalink, want)
		}
		if o.ThreadTS != "" && o.ThreadTS != o.TS && !strings.Contains(o.Permalink, "thread_ts="+o.ThreadTS) {
			t.Errorf("%s: reply's permalink %q lacks its thread", f.Path, o.Permalink)
		}
		if !strings.HasSuffix(o.File, ".json") {
			continue // a downloaded file: its own lines
		}
		// The secret's first characters, as the day file writes them in
		// message text (Slack's entities, JSON) or elsewhere (JSON).
		first, _, _ := strings.Cut(string(f.Secret.Reveal()), "\n")
		first = first[:min(len(first), 16)]
		l := lineOf(o.File, o.FileLineAt(f.Line))
		if !strings.Contains(l, jsonText(first)) && !strings.Contains(l, jsonText(slackEntities.Replace(first))) {
			t.Errorf("%s: %s line %d is %q, want it to hold %q", f.Path, o.File, o.FileLineAt(f.Line), l, jsonText(first))
		}
	}
}

var slackEntities = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// jsonText is s inside a JSON string as Slack writes it ('/' escaped).
func jsonText(s string) string {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.Encode(s)
	q := strings.TrimSpace(b.String())
	return strings.ReplaceAll(q[1:len(q)-1], "/", `\/`)
}
