package report

import (
	"cmp"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/leakstop/leakstop/detect"
	"github.com/leakstop/leakstop/rules"
	"github.com/leakstop/leakstop/source"
)

// The kinds of place the sprawl view tells apart. Other origin kinds
// (staged, stdin, git-object) keep their own name.
const (
	PlaceGit     = "git"     // a commit of a repository's history
	PlaceFile    = "file"    // a file on disk
	PlaceArchive = "archive" // a member of an archive: a path such as outer.zip!inner/file
	PlaceSlack   = "slack"   // a Slack message
)

// sprawl is one distinct secret and every place it was seen, across the
// sources and runs of a report (a merged report too): what the json, text
// and html reports show of its spread. It is computed when a report is
// written, from the report's findings.
type sprawl struct {
	*group
	places []place // one per finding, in report order
	// kinds are the distinct place kinds, in compareKinds order.
	kinds []string
	// firstSeen and lastSeen are the earliest and latest dates of the
	// places; zero when no place has one.
	firstSeen, lastSeen time.Time
	// present counts the places where the secret still is: at HEAD, on
	// disk, in the export.
	present  int
	severity rules.Severity
	status   detect.Status
}

// place is one place of a secret.
type place struct {
	f       *detect.Finding
	kind    string
	date    time.Time // zero when unknown
	present bool
}

// sprawls gathers r's sorted findings by secret (see groups) and
// describes the spread of each, in the order of their first finding.
func (r *Report) sprawls() []*sprawl {
	gs := r.groups()
	out := make([]*sprawl, len(gs))
	for i, g := range gs {
		out[i] = sprawlOfGroup(g)
	}
	return out
}

func sprawlOfGroup(g *group) *sprawl {
	s := &sprawl{group: g, severity: g.first().Severity, status: g.first().Status}
	for _, f := range g.findings {
		p := placeOf(f)
		s.places = append(s.places, p)
		if !slices.Contains(s.kinds, p.kind) {
			s.kinds = append(s.kinds, p.kind)
		}
		if p.present {
			s.present++
		}
		if !p.date.IsZero() {
			if s.firstSeen.IsZero() || p.date.Before(s.firstSeen) {
				s.firstSeen = p.date
			}
			if s.lastSeen.IsZero() || p.date.After(s.lastSeen) {
				s.lastSeen = p.date
			}
		}
		s.severity = max(s.severity, f.Severity)
		if statusRank(f.Status) > statusRank(s.status) {
			s.status = f.Status
		}
	}
	slices.SortFunc(s.kinds, compareKinds)
	return s
}

// compareKinds orders kinds of place: commits, files, archive members,
// messages, then others by name.
func compareKinds(a, b string) int {
	rank := func(k string) int {
		switch k {
		case PlaceGit:
			return 0
		case PlaceFile:
			return 1
		case PlaceArchive:
			return 2
		case PlaceSlack:
			return 3
		}
		return 4
	}
	return cmp.Or(cmp.Compare(rank(a), rank(b)), cmp.Compare(a, b))
}

// statusRank orders statuses by what they tell of the secret.
func statusRank(s detect.Status) int {
	switch s {
	case detect.StatusVerified:
		return 3
	case detect.StatusRevoked:
		return 2
	case detect.StatusConfirmed:
		return 1
	}
	return 0
}

func placeOf(f *detect.Finding) place {
	o := &f.Source
	p := place{f: f, kind: placeKind(o), date: placeDate(o)}
	switch o.Kind {
	case source.KindGit, source.KindGitObject:
		p.present = o.AtHead
	case source.KindStdin:
		p.present = false // gone with the pipe
	default: // a file, a member of one, a message of an export, the index
		p.present = true
	}
	return p
}

// placeKind is what kind of place an origin is: a commit, a Slack
// message, an archive member (its path holds '!' between the archive and
// the member), a file, or the origin's own kind.
func placeKind(o *source.Origin) string {
	switch {
	case o.Kind == source.KindGit:
		return PlaceGit
	case o.Kind == source.KindSlack:
		return PlaceSlack
	case strings.Contains(o.Path, "!"):
		return PlaceArchive
	case o.Kind == "":
		return PlaceFile
	}
	return o.Kind
}

// placeDate is when a place was seen: the commit's date, the file's
// modification time, the message's time (its date, else its ts).
func placeDate(o *source.Origin) time.Time {
	if !o.Date.IsZero() {
		return o.Date
	}
	if o.Kind == source.KindSlack {
		return slackTime(o.TS)
	}
	return time.Time{}
}

// slackTime reads a Slack message ts ("1700000000.000200": seconds and
// microseconds since the epoch); zero when it is not one.
func slackTime(ts string) time.Time {
	sec, frac, _ := strings.Cut(ts, ".")
	s, err := strconv.ParseInt(sec, 10, 64)
	if err != nil || s <= 0 {
		return time.Time{}
	}
	var us int64
	if frac != "" {
		frac = (frac + "000000")[:6]
		if us, err = strconv.ParseInt(frac, 10, 64); err != nil {
			return time.Time{}
		}
	}
	return time.Unix(s, us*1000).UTC()
}

// kindCount is a number of places of one kind.
type kindCount struct {
	kind string
	n    int
}

// byKind counts the places of each kind, in kinds order.
func (s *sprawl) byKind() []kindCount {
	out := make([]kindCount, len(s.kinds))
	for i, k := range s.kinds {
		out[i].kind = k
	}
	for _, p := range s.places {
		out[slices.Index(s.kinds, p.kind)].n++
	}
	return out
}

// kindNoun names n places of a kind for people.
func kindNoun(kind string, n int) string {
	nouns := map[string][2]string{
		PlaceGit:             {"git commit", "git commits"},
		PlaceFile:            {"file", "files"},
		PlaceArchive:         {"archive member", "archive members"},
		PlaceSlack:           {"Slack message", "Slack messages"},
		source.KindStaged:    {"staged file", "staged files"},
		source.KindStdin:     {"standard input", "standard inputs"},
		source.KindGitObject: {"unreachable git object", "unreachable git objects"},
	}
	noun, ok := nouns[kind]
	if !ok {
		noun = [2]string{kind + " place", kind + " places"}
	}
	if n == 1 {
		return "1 " + noun[0]
	}
	return strconv.Itoa(n) + " " + noun[1]
}

// spreadText says how many places of which kinds: "8 places: 3 git
// commits, 2 files, 1 archive member, 2 Slack messages".
func (s *sprawl) spreadText() string {
	parts := make([]string, 0, len(s.kinds))
	for _, kc := range s.byKind() {
		parts = append(parts, kindNoun(kc.kind, kc.n))
	}
	return plural(len(s.places), "place") + ": " + strings.Join(parts, ", ")
}

// presentText says where the secret still is, for people.
func (s *sprawl) presentText() string {
	switch {
	case s.present == 0 && slices.Equal(s.kinds, []string{PlaceGit}):
		return "no longer at HEAD: in history only"
	case s.present == 0:
		return "in no place still present"
	case s.present == len(s.places):
		return "still present in every place"
	}
	return "still present in " + strconv.Itoa(s.present) + " of " + plural(len(s.places), "place")
}

// seenDate writes a date of the sprawl view: day and time in UTC.
func seenDate(t time.Time) string {
	return t.UTC().Format("2006-01-02 15:04 UTC")
}

// commitURL is the web page of a place's commit, when the repository's
// web address is known.
func (p *place) commitURL() string {
	o := &p.f.Source
	if o.Kind != source.KindGit || o.Commit == "" || !webAddress(o.RepoURL) {
		return ""
	}
	return strings.TrimRight(o.RepoURL, "/") + "/commit/" + url.PathEscape(o.Commit)
}

// fileURL is the web page of the file at a place's commit (of the archive
// that holds it, for a member), at the secret's line.
func (p *place) fileURL() string {
	o := &p.f.Source
	if o.Kind != source.KindGit || o.Commit == "" || !webAddress(o.RepoURL) {
		return ""
	}
	file, _, member := strings.Cut(p.f.Path, "!")
	segs := strings.Split(file, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	u := strings.TrimRight(o.RepoURL, "/") + "/blob/" + url.PathEscape(o.Commit) + "/" + strings.Join(segs, "/")
	if !member && p.f.Line > 0 {
		u += "#L" + strconv.Itoa(p.f.Line)
	}
	return u
}

// permalink is a Slack place's link to its message, when it is a web
// address.
func (p *place) permalink() string {
	if p.f.Source.Kind != source.KindSlack || !webAddress(p.f.Source.Permalink) {
		return ""
	}
	return p.f.Source.Permalink
}

// url is the one web page that shows a place best: the message, the file
// at its commit.
func (p *place) url() string {
	return cmp.Or(p.permalink(), p.fileURL())
}

// webAddress accepts only http and https links with a host and no
// credentials: a report never links anywhere else.
func webAddress(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != "" && u.User == nil
}
