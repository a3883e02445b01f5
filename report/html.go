package report

import (
	"bufio"
	"cmp"
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/leakstop/leakstop/rules"
	"github.com/leakstop/leakstop/source"
)

// The HTML report is one self-contained file for a security lead: summary
// counts, a table of secrets to sort and filter by severity and spread,
// and for each secret every place with links and a timeline. Its style
// and script are inline and named by hash in a Content-Security-Policy
// that allows nothing else, so opening it fetches nothing.
//
//go:embed html/page.tmpl html/page.css html/page.js
var htmlFiles embed.FS

// htmlPage is what the template shows.
type htmlPage struct {
	Title       string
	CSP         string
	CSS         template.CSS
	JS          template.JS
	Tool        Tool
	Partial     bool
	ShowSecrets bool
	Scanned     string
	Suppressed  string
	Secrets     []htmlSecret
	Places      int
	Present     int // secrets still present somewhere
	Confirmed   int // secrets confirmed, verified or revoked
	BySeverity  []htmlCount
	ByKind      []htmlCount
	Errors      []Problem
	Skipped     []Skip
	Inputs      []Input
	// Thumbnails: the page shows images (data: URLs), boxes painted.
	Thumbnails bool
}

type htmlCount struct {
	Name, Class string
	N           int
}

type htmlSecret struct {
	ID, RuleID, Title, Status string
	Severity                  string
	SeverityRank              int
	Preview                   string
	// Secret is set only with --show-secrets.
	Secret, HashName, Hash string
	Count                  int
	Spread                 string
	Kinds                  []htmlKind
	First, Last            string // "" when no place has a date
	FirstUnix, LastUnix    string // "" when unknown: sorts last
	Present                int
	PresentText            string
	Filter                 string
	Timeline               htmlTimeline
	Places                 []htmlPlace
}

// htmlKind is how many places of a kind a secret has; Text says it
// ("3 git commits").
type htmlKind struct {
	Kind, Text string
	N          int
}

type htmlPlace struct {
	Kind, KindName string
	Date           string
	Where          string // path:line:column as printed
	Repo           string
	Commit         string
	CommitShort    string
	CommitURL      string
	FileURL        string
	MoreCommits    int
	Author         string
	Message        string
	Channel, TS    string
	SlackWhere     string // channel, author, thread
	Permalink      string
	Present        bool
	Decoded        string
	Fingerprint    string
	// OCR is set for a place read in an image.
	OCR *htmlOCR
}

// htmlTimeline places the dated places of a secret on a line from its
// first to its last date.
type htmlTimeline struct {
	Dots        []htmlDot
	Undated     int
	First, Last string
}

type htmlDot struct {
	X     string
	Kind  string
	Title string
}

// Dimensions of a timeline, in SVG user units.
const (
	timelineWidth  = 640
	timelineMargin = 12
)

// writeHTML writes r (sorted) as one HTML page.
func (r *Report) writeHTML(w io.Writer, opts Options) error {
	css, err := htmlFiles.ReadFile("html/page.css")
	if err != nil {
		return err
	}
	js, err := htmlFiles.ReadFile("html/page.js")
	if err != nil {
		return err
	}
	tmpl, err := template.New("page.tmpl").Funcs(template.FuncMap{"plural": plural}).
		ParseFS(htmlFiles, "html/page.tmpl")
	if err != nil {
		return err
	}
	page := r.htmlPage(opts)
	page.CSS, page.JS = template.CSS(css), template.JS(js)
	imgSrc := "'none'"
	if page.Thumbnails {
		imgSrc = "data:" // thumbnails of images, secrets painted over
	}
	page.CSP = "default-src 'none'; style-src " + cspHash(css) + "; script-src " + cspHash(js) +
		"; img-src " + imgSrc + "; connect-src 'none'; base-uri 'none'; form-action 'none'"
	bw := bufio.NewWriter(w)
	if err := tmpl.Execute(bw, page); err != nil {
		return err
	}
	return bw.Flush()
}

// cspHash names an inline style or script in a Content-Security-Policy.
func cspHash(b []byte) string {
	sum := sha256.Sum256(b)
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}

func (r *Report) htmlPage(opts Options) htmlPage {
	ss := r.sprawls()
	page := htmlPage{
		Tool: r.Tool, Partial: r.Partial, ShowSecrets: opts.ShowSecrets,
		Scanned: fmt.Sprintf("%s scanned (%s)", plural(r.Scanned, "item"), size(r.Bytes)),
		Places:  len(r.Findings), Inputs: r.Inputs,
	}
	for _, e := range r.Errors {
		page.Errors = append(page.Errors, Problem{Path: clean(e.Path), Error: clean(e.Error)})
	}
	for _, s := range r.Skipped {
		page.Skipped = append(page.Skipped, Skip{Path: clean(s.Path), Reason: clean(s.Reason)})
	}
	if r.Suppressed > 0 {
		page.Suppressed = r.suppressedText()
	}
	page.Title = "leakstop: no secrets found"
	if len(ss) > 0 {
		page.Title = fmt.Sprintf("leakstop: %s in %s", plural(len(ss), "secret"), plural(len(r.Findings), "place"))
	}
	// Most severe first, then the widest spread.
	slices.SortStableFunc(ss, func(a, b *sprawl) int {
		return cmp.Or(cmp.Compare(b.severity, a.severity), cmp.Compare(len(b.places), len(a.places)))
	})
	bySev := map[rules.Severity]int{}
	byKind := map[string]int{}
	var kinds []string
	imgs := r.htmlImagesOf()
	page.Thumbnails = len(imgs.thumbs) > 0
	for i, s := range ss {
		page.Secrets = append(page.Secrets, htmlSecretOf(s, i, opts.ShowSecrets, imgs))
		bySev[s.severity]++
		if s.present > 0 {
			page.Present++
		}
		if statusRank(s.status) > 0 {
			page.Confirmed++
		}
		for _, p := range s.places {
			if byKind[p.kind] == 0 {
				kinds = append(kinds, p.kind)
			}
			byKind[p.kind]++
		}
	}
	for sev := rules.SeverityCritical; sev >= rules.SeverityInfo; sev-- {
		if n := bySev[sev]; n > 0 {
			page.BySeverity = append(page.BySeverity, htmlCount{Name: sev.String(), Class: "sev-" + sev.String(), N: n})
		}
	}
	slices.SortFunc(kinds, compareKinds)
	for _, k := range kinds {
		page.ByKind = append(page.ByKind, htmlCount{Name: kindNoun(k, byKind[k]), Class: "kind-" + k, N: byKind[k]})
	}
	return page
}

func htmlSecretOf(s *sprawl, i int, show bool, imgs *htmlImages) htmlSecret {
	f := s.first()
	h := htmlSecret{
		ID: "s" + strconv.Itoa(i+1), RuleID: f.RuleID, Title: title(f), Status: statusText(f),
		Severity: s.severity.String(), SeverityRank: int(s.severity), Preview: f.Preview,
		Count: len(s.places), Spread: s.spreadText(),
		Present: s.present, PresentText: s.presentText(),
	}
	for _, kc := range s.byKind() {
		h.Kinds = append(h.Kinds, htmlKind{Kind: kc.kind, Text: kindNoun(kc.kind, kc.n), N: kc.n})
	}
	if show {
		h.Secret = strings.ReplaceAll(string(f.Secret.Reveal()), "\r\n", "\n")
	}
	switch {
	case f.SecretSHA256 != "":
		h.HashName, h.Hash = "sha256", f.SecretSHA256
	case f.SecretHMAC != "":
		h.HashName, h.Hash = "hmac", f.SecretHMAC
	}
	if !s.firstSeen.IsZero() {
		h.First, h.Last = seenDate(s.firstSeen), seenDate(s.lastSeen)
		h.FirstUnix, h.LastUnix = strconv.FormatInt(s.firstSeen.Unix(), 10), strconv.FormatInt(s.lastSeen.Unix(), 10)
	}
	// Places by date, the undated after, each in report order.
	places := slices.Clone(s.places)
	slices.SortStableFunc(places, func(a, b place) int {
		switch {
		case a.date.IsZero() || b.date.IsZero():
			return compareBool(a.date.IsZero(), b.date.IsZero())
		}
		return a.date.Compare(b.date)
	})
	filter := []string{f.RuleID, f.Provider, title(f), f.Preview, string(s.status), s.severity.String(), h.Hash}
	filter = append(filter, s.kinds...)
	for _, p := range places {
		hp := htmlPlaceOf(p)
		hp.OCR = imgs.ocrOf(p)
		h.Places = append(h.Places, hp)
		filter = append(filter, hp.Where, hp.Repo, hp.Commit, hp.Channel, hp.SlackWhere, hp.Author)
	}
	h.Filter = strings.ToLower(strings.Join(slices.DeleteFunc(filter, func(s string) bool { return s == "" }), " "))
	h.Timeline = timelineOf(s, places)
	return h
}

func htmlPlaceOf(p place) htmlPlace {
	f, o := p.f, &p.f.Source
	hp := htmlPlace{
		Kind: p.kind, KindName: strings.TrimPrefix(kindNoun(p.kind, 1), "1 "),
		Where:  clean(shownPath(f)) + ":" + strconv.Itoa(f.Line) + ":" + strconv.Itoa(f.Column),
		Repo:   clean(o.Repo),
		Commit: o.Commit, CommitShort: shortCommit(o.Commit),
		CommitURL: p.commitURL(), FileURL: p.fileURL(), Permalink: p.permalink(),
		Author: clean(o.Author), Message: clean(o.Message),
		Channel: clean(o.Channel), TS: clean(o.TS),
		Present: p.present, Decoded: strings.Join(f.Decoded, ", "), Fingerprint: f.Fingerprint,
	}
	if !p.date.IsZero() {
		hp.Date = seenDate(p.date)
	}
	if isSlack(f) {
		hp.SlackWhere = slackWhere(o)
	}
	if o.Kind == source.KindGit {
		hp.MoreCommits = max(o.CommitCount, 1+len(o.Commits)) - 1
	}
	return hp
}

// timelineOf spreads the dated places over the width of the line.
func timelineOf(s *sprawl, places []place) htmlTimeline {
	t := htmlTimeline{}
	if s.firstSeen.IsZero() {
		t.Undated = len(places)
		return t
	}
	t.First, t.Last = seenDate(s.firstSeen), seenDate(s.lastSeen)
	span := s.lastSeen.Sub(s.firstSeen)
	inner := float64(timelineWidth - 2*timelineMargin)
	for _, p := range places {
		if p.date.IsZero() {
			t.Undated++
			continue
		}
		x := float64(timelineWidth) / 2
		if span > 0 {
			x = timelineMargin + inner*float64(p.date.Sub(s.firstSeen))/float64(span)
		}
		t.Dots = append(t.Dots, htmlDot{
			X:     strconv.FormatFloat(x, 'f', 1, 64),
			Kind:  p.kind,
			Title: seenDate(p.date) + " · " + strings.TrimPrefix(kindNoun(p.kind, 1), "1 ") + " · " + clean(shownPath(p.f)),
		})
	}
	return t
}
