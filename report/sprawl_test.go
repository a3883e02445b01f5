package report

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/leakstop/leakstop/detect"
	"github.com/leakstop/leakstop/rules"
	"github.com/leakstop/leakstop/source"
)

// Fake secrets of made-up providers, assembled from parts so that no
// scanner reads a token in this file.
var (
	spreadKey  = "zq" + "live" + "_" + "S9prawlK3yZx81QwErTyUi0p"
	spreadKey2 = "zq" + "hook" + "_" + "W3bh00kR7tLm2NcXv5Bq"
	spreadPEM  = "-----BEGIN FAKE PRIVATE KEY-----\nMIIBspraw" + "lfake\n-----END FAKE PRIVATE KEY-----"
	spreadPass = "correct" + "horse9"
)

// spreadFinding is one place of a secret, with its real SHA-256 (or, for a
// weak secret, an HMAC as a keyed scan gives).
func spreadFinding(ruleID string, sev rules.Severity, secret string, o source.Origin, line int) detect.Finding {
	s := detect.NewSecret([]byte(secret))
	sum := sha256.Sum256([]byte(secret))
	f := detect.Finding{
		RuleID: ruleID, Provider: "Zq", Family: "saas", Description: "Zq live API key",
		Severity: sev, Status: detect.StatusConfirmed, ConfirmedBy: "checksum",
		Path: o.Path, Line: line, Column: 7, EndLine: line, EndColumn: 7 + len(secret) - 1,
		Lines: []int{line}, Preview: s.String(), Source: o, Secret: s,
		SecretSHA256: hex.EncodeToString(sum[:]),
	}
	if secret == spreadPass {
		f.Weak, f.SecretSHA256 = true, ""
		f.SecretHMAC = strings.Repeat("4d", 32)
	}
	f.Fingerprint = detect.Fingerprint(ruleID, o.Path, f.SecretSHA256+f.SecretHMAC)
	return f
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 9, 30, 0, 0, time.UTC) }

// commitID makes a 40-hex commit id from a seed.
func commitID(seed string) string {
	sum := sha256.Sum256([]byte(seed))
	return hex.EncodeToString(sum[:20])
}

// spreadReport is one key in three commits, two files, a nested archive
// and two Slack messages, beside three other secrets.
func spreadReport() *Report {
	const repoURL = "https://github.com/zq-example/payments"
	git := func(path, seed string, when time.Time, atHead bool, more ...string) source.Origin {
		return source.Origin{Kind: source.KindGit, Path: path, Root: "payments", Repo: "payments",
			Commit: commitID(seed), Author: "Dana <dana@example.com>", Date: when, Message: "change " + path,
			AtHead: atHead, RepoURL: repoURL, Commits: more, CommitCount: 1 + len(more)}
	}
	file := func(path string, mtime time.Time) source.Origin {
		return source.Origin{Kind: source.KindFile, Path: path, Root: ".", Date: mtime}
	}
	slack := func(channel, ts string, when time.Time) source.Origin {
		return source.Origin{Kind: source.KindSlack, ChannelName: "#" + strings.ToLower(channel[2:]), Path: "slack/" + channel + "/" + ts, Channel: channel, TS: ts, Date: when,
			User: "U0DANA", Permalink: "https://zq-example.slack.com/archives/" + channel + "/p" + strings.ReplaceAll(ts, ".", "")}
	}
	high, crit, med, low := rules.SeverityHigh, rules.SeverityCritical, rules.SeverityMedium, rules.SeverityLow
	key := func(o source.Origin, line int) detect.Finding {
		return spreadFinding("zq-live-key", high, spreadKey, o, line)
	}
	pem := spreadFinding("fake-private-key", crit, spreadPEM, file("deploy/id_fake", day(2024, 6, 1)), 1)
	pem.Description, pem.Provider = "Private key", ""
	pass1 := spreadFinding("generic-password", med, spreadPass, git("db/seed.sql", "p1", day(2022, 2, 3), false), 4)
	pass2 := spreadFinding("generic-password", med, spreadPass, git("db/old.sql", "p2", day(2022, 8, 9), false), 9)
	for _, p := range []*detect.Finding{&pass1, &pass2} {
		p.Status, p.ConfirmedBy, p.Provider, p.Description = detect.StatusCandidate, "", "", "Password in a connection string"
	}
	hook := func(o source.Origin) detect.Finding {
		f := spreadFinding("zq-webhook", low, spreadKey2, o, 2)
		f.Description = "Zq webhook signing secret"
		return f
	}
	return &Report{
		Tool: Tool{Name: "leakstop", Version: "test"},
		Findings: []detect.Finding{
			key(git("config/app.env", "c1", day(2023, 1, 10), false), 3),
			key(git("deploy/prod.env", "c2", day(2023, 5, 2), true, commitID("c4"), commitID("c5")), 1),
			key(git("scripts/seed.py", "c3", day(2023, 9, 15), false), 12),
			key(file("backup/app.env", day(2024, 1, 5)), 3),
			key(file("notes/handover.md", day(2024, 2, 11)), 40),
			key(file("a.zip!b.zip!c.env", day(2024, 3, 1)), 1),
			// A message's date may be unknown but for its ts.
			key(slack("C0DEPLOYS", "1712052000.000200", time.Time{}), 1),
			key(slack("C0RANDOM", "1714000000.000100", time.Unix(1714000000, 100000).UTC()), 1),
			pem, pass1, pass2,
			hook(slack("C0OPS", "1700000000.000300", time.Unix(1700000000, 300000).UTC())),
			hook(file("ops/hooks.yaml", day(2023, 11, 20))),
			hook(file("ops/hooks.old.yaml", day(2023, 10, 1))),
		},
		Scanned:  120,
		Bytes:    987654,
		RuleRank: map[string]int{"zq-live-key": 0, "zq-webhook": 1, "fake-private-key": 2, "generic-password": 3},
	}
}

// The places of the key, as each format must list them.
var spreadPlaces = []string{
	"config/app.env", "deploy/prod.env", "scripts/seed.py", "backup/app.env", "notes/handover.md",
	"a.zip!b.zip!c.env", "slack/C0DEPLOYS/1712052000.000200", "slack/C0RANDOM/1714000000.000100",
}

// One key in three commits, two files, a nested archive and two Slack
// messages is one secret of eight places in every format.
func TestSprawlEightPlaces(t *testing.T) {
	r := spreadReport()
	sum := sha256.Sum256([]byte(spreadKey))
	keyHash := hex.EncodeToString(sum[:])

	t.Run("json", func(t *testing.T) {
		var buf bytes.Buffer
		if err := r.Write(&buf, FormatJSON, Options{}); err != nil {
			t.Fatal(err)
		}
		var doc struct {
			Sprawl []struct {
				SecretSHA256  string     `json:"secret_sha256"`
				SecretHMAC    string     `json:"secret_hmac"`
				Count         int        `json:"count"`
				Kinds         []string   `json:"kinds"`
				Present       bool       `json:"present"`
				PresentPlaces int        `json:"present_places"`
				Severity      string     `json:"severity"`
				FirstSeen     *time.Time `json:"first_seen"`
				LastSeen      *time.Time `json:"last_seen"`
				Places        []struct {
					Path      string     `json:"path"`
					PlaceKind string     `json:"place_kind"`
					Present   bool       `json:"present"`
					Date      *time.Time `json:"date"`
					URL       string     `json:"url"`
					Channel   string     `json:"channel"`
					TS        string     `json:"ts"`
					Permalink string     `json:"permalink"`
				} `json:"places"`
			} `json:"sprawl"`
		}
		if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		if len(doc.Sprawl) != 4 {
			t.Fatalf("%d secrets in the sprawl, want 4", len(doc.Sprawl))
		}
		var found bool
		for _, s := range doc.Sprawl {
			if s.SecretSHA256 != keyHash {
				if s.Count == 8 {
					t.Errorf("another secret has eight places: %+v", s)
				}
				continue
			}
			found = true
			var paths, kinds []string
			for _, p := range s.Places {
				paths = append(paths, p.Path)
				kinds = append(kinds, p.PlaceKind)
			}
			if s.Count != 8 || len(s.Places) != 8 || !sameSet(paths, spreadPlaces) {
				t.Errorf("count %d, places %q; want the eight %q", s.Count, paths, spreadPlaces)
			}
			if n := counts(kinds); n["git"] != 3 || n["file"] != 2 || n["archive"] != 1 || n["slack"] != 2 {
				t.Errorf("place kinds %v, want 3 git, 2 file, 1 archive, 2 slack", n)
			}
			if !slices.Equal(s.Kinds, []string{"git", "file", "archive", "slack"}) {
				t.Errorf("kinds %q", s.Kinds)
			}
			// Present: the commit still at HEAD, the files and the messages.
			if !s.Present || s.PresentPlaces != 6 || s.Severity != "high" {
				t.Errorf("present %v in %d places, severity %s; want true in 6, high", s.Present, s.PresentPlaces, s.Severity)
			}
			if s.FirstSeen == nil || !s.FirstSeen.Equal(day(2023, 1, 10)) || s.LastSeen == nil || !s.LastSeen.Equal(time.Unix(1714000000, 100000)) {
				t.Errorf("seen %v .. %v, want the first commit .. the last message", s.FirstSeen, s.LastSeen)
			}
			for _, p := range s.Places {
				if p.Date == nil {
					t.Errorf("%s has no date", p.Path)
				}
				switch p.PlaceKind {
				case "git":
					if !strings.HasPrefix(p.URL, "https://github.com/zq-example/payments/blob/") {
						t.Errorf("%s: url %q", p.Path, p.URL)
					}
				case "slack":
					if p.Channel == "" || p.TS == "" || p.Permalink == "" || p.URL != p.Permalink || !p.Present {
						t.Errorf("slack place %+v", p)
					}
				}
			}
		}
		if !found {
			t.Fatalf("no sprawl entry for the key")
		}
	})

	t.Run("text", func(t *testing.T) {
		var buf bytes.Buffer
		if err := r.Write(&buf, FormatText, Options{}); err != nil {
			t.Fatal(err)
		}
		blocks := strings.Split(buf.String(), "\n\n")
		var block string
		for _, b := range blocks {
			if strings.Contains(b, keyHash) {
				if block != "" {
					t.Fatalf("the key is in two blocks")
				}
				block = b
			}
		}
		if !strings.Contains(block, "spread  8 places: 3 git commits, 2 files, 1 archive member, 2 Slack messages") ||
			!strings.Contains(block, "first seen 2023-01-10 09:30 UTC, last seen 2024-04-24 23:06 UTC") ||
			!strings.Contains(block, "still present in 6 of 8 places") {
			t.Errorf("the key's block lacks its spread:\n%s", block)
		}
		if n := strings.Count(block, "fingerprint "); n != 8 {
			t.Errorf("%d places in the key's block, want 8:\n%s", n, block)
		}
		for _, p := range spreadPlaces {
			if !strings.Contains(block, p+":") {
				t.Errorf("the key's block lacks %s", p)
			}
		}
		for _, b := range blocks {
			if b != block && strings.Contains(b, "zq-live-key") {
				t.Errorf("another block names the key's rule:\n%s", b)
			}
		}
	})

	t.Run("html", func(t *testing.T) {
		var buf bytes.Buffer
		if err := r.Write(&buf, FormatHTML, Options{}); err != nil {
			t.Fatal(err)
		}
		page := buf.String()
		row := regexp.MustCompile(`<tr id="row-(s\d+)"[^>]*data-places="(\d+)"[^>]*>\s*<td>[^\n]*\n<td><a href="#s\d+">zq-live-key</a>`).FindStringSubmatch(page)
		if row == nil || row[2] != "8" {
			t.Fatalf("the table has no row of the key with 8 places: %q", row)
		}
		section := htmlSection(t, page, row[1])
		if n := strings.Count(section, `<tr class="place"`); n != 8 {
			t.Errorf("%d places in the key's section, want 8", n)
		}
		for _, p := range spreadPlaces {
			if !strings.Contains(section, p+":") {
				t.Errorf("the key's section lacks %s", p)
			}
		}
		for _, want := range []string{
			`href="https://github.com/zq-example/payments/commit/` + commitID("c2") + `"`,
			`href="https://github.com/zq-example/payments/blob/` + commitID("c2") + `/deploy/prod.env#L1"`,
			`href="https://zq-example.slack.com/archives/C0DEPLOYS/p1712052000000200"`,
			`and 2 more commits`,
			`<circle class="dot kind-slack"`,
		} {
			if !strings.Contains(section, want) {
				t.Errorf("the key's section lacks %s", want)
			}
		}
		if strings.Count(page, `<details class="secret"`) != 4 {
			t.Errorf("want a section for each of the 4 secrets")
		}
	})
}

// Without the repository's web address a commit is named, not linked;
// only http(s) links are ever written.
func TestHTMLLinks(t *testing.T) {
	r := spreadReport()
	for i := range r.Findings {
		o := &r.Findings[i].Source
		switch o.Kind {
		case source.KindGit:
			o.RepoURL = ""
		case "slack":
			o.Permalink = "javascript:alert(1)"
		}
	}
	var buf bytes.Buffer
	if err := r.Write(&buf, FormatHTML, Options{}); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	if strings.Contains(page, "/commit/") || strings.Contains(page, "javascript:") || strings.Contains(page, "/blob/") {
		t.Errorf("a link was written without a web address, or to a script")
	}
	if !strings.Contains(page, `<code title="commit">`+commitID("c1")+`</code>`) {
		t.Errorf("the commit id is not shown")
	}
}

// Text from the scanned tree (paths, messages, authors) is escaped.
func TestHTMLEscapes(t *testing.T) {
	r := spreadReport()
	r.Findings[0].Path = `x"><script>alert(1)</script>.env`
	r.Findings[0].Source.Path = r.Findings[0].Path
	r.Findings[1].Source.Message = "<img src=x onerror=alert(1)>"
	r.Errors = []Problem{{Path: "</style><b>", Error: "boom"}}
	r.Partial = true
	var buf bytes.Buffer
	if err := r.Write(&buf, FormatHTML, Options{}); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	for _, bad := range []string{"<script>alert", "<img src=x", "</style><b>"} {
		if strings.Contains(page, bad) {
			t.Errorf("unescaped %q in the page", bad)
		}
	}
	if strings.Count(page, "<script>") != 1 || strings.Count(page, "<style>") != 1 {
		t.Errorf("want exactly the page's own script and style")
	}
}

// The policy names the page's own style and script by hash and allows
// nothing else: no request leaves the page.
func TestHTMLContentSecurityPolicy(t *testing.T) {
	var buf bytes.Buffer
	if err := spreadReport().Write(&buf, FormatHTML, Options{}); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	m := regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]+)">`).FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no Content-Security-Policy")
	}
	csp := strings.ReplaceAll(strings.ReplaceAll(m[1], "&#39;", "'"), "&#43;", "+")
	for _, want := range []string{"default-src 'none'", "connect-src 'none'", "img-src 'none'", "base-uri 'none'", "form-action 'none'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("policy %q lacks %q", csp, want)
		}
	}
	if strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "http") {
		t.Errorf("policy %q allows more than the page's own code", csp)
	}
	for _, tag := range []string{"style", "script"} {
		body := page[strings.Index(page, "<"+tag+">")+len(tag)+2 : strings.Index(page, "</"+tag+">")]
		if !strings.Contains(csp, cspHash([]byte(body))) {
			t.Errorf("the %s element's hash is not in the policy", tag)
		}
	}
	for _, external := range []string{`src="http`, `href="//`, "@import", "url(", "<link", "<iframe"} {
		if strings.Contains(page, external) {
			t.Errorf("the page loads something: %q", external)
		}
	}
}

func TestSlackTime(t *testing.T) {
	for ts, want := range map[string]time.Time{
		"1712052000.000200": time.Unix(1712052000, 200000).UTC(),
		"1712052000":        time.Unix(1712052000, 0).UTC(),
		"1712052000.5":      time.Unix(1712052000, 500000000).UTC(),
		"":                  {},
		"abc.def":           {},
		"-5.000001":         {},
	} {
		if got := slackTime(ts); !got.Equal(want) {
			t.Errorf("slackTime(%q) = %v, want %v", ts, got, want)
		}
	}
}

// htmlSection returns the section of secret id.
func htmlSection(t *testing.T, page, id string) string {
	t.Helper()
	start := strings.Index(page, `<details class="secret" id="`+id+`"`)
	if start < 0 {
		t.Fatalf("no section %s", id)
	}
	end := strings.Index(page[start:], "</details>")
	return page[start : start+end]
}

func sameSet(a, b []string) bool {
	return slices.Equal(slices.Sorted(slices.Values(a)), slices.Sorted(slices.Values(b)))
}

func counts(s []string) map[string]int {
	n := map[string]int{}
	for _, v := range s {
		n[v]++
	}
	return n
}

// Reports of three runs (history, folders, a Slack export), merged, show
// the key as one secret of eight places: the sprawl is computed from the
// findings when a report is written.
func TestSprawlAcrossMergedRuns(t *testing.T) {
	all := spreadReport()
	runs := map[string]*Report{}
	for _, f := range all.Findings {
		kind := f.Source.Kind
		if runs[kind] == nil {
			runs[kind] = &Report{Tool: all.Tool, RuleRank: all.RuleRank}
		}
		runs[kind].Findings = append(runs[kind].Findings, f)
	}
	var read []*Report
	for _, kind := range []string{source.KindGit, source.KindFile, source.KindSlack} {
		var buf bytes.Buffer
		if err := runs[kind].Write(&buf, FormatJSON, Options{}); err != nil {
			t.Fatal(err)
		}
		r, err := Read(kind+".json", buf.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		read = append(read, r)
	}
	merged := Merge(read...)
	var buf bytes.Buffer
	if err := merged.Write(&buf, FormatJSON, Options{}); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Sprawl []struct {
			SecretSHA256 string   `json:"secret_sha256"`
			Count        int      `json:"count"`
			Kinds        []string `json:"kinds"`
		} `json:"sprawl"`
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256([]byte(spreadKey))
	for _, s := range doc.Sprawl {
		if s.SecretSHA256 == hex.EncodeToString(sum[:]) {
			if s.Count != 8 || !slices.Equal(s.Kinds, []string{"git", "file", "archive", "slack"}) {
				t.Errorf("merged: %d places of kinds %q, want 8 of git, file, archive, slack", s.Count, s.Kinds)
			}
			return
		}
	}
	t.Errorf("the merged report has no sprawl of the key: %+v", doc.Sprawl)
}
