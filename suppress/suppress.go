// Package suppress decides which findings the user has accepted: inline
// `leakstop:allow` comments in the scanned text, .leakstopignore files,
// the allowlists of .leakstop.toml and baselines (DESIGN.md). It runs
// before verification, so an accepted test key never reaches a provider.
// Each accepted finding says what accepted it. For a change (a range, a
// push, the index) it also lists the suppressions the change adds: markers
// on added lines, and entries its head adds to the suppression files,
// which are read from the base and so do not apply yet.
//
// Ignore files and baselines accept a finding by its fingerprint (this
// secret at this path) or by rule id and secret_sha256 (this secret
// anywhere). Rule ids resolve through the rules' aliases, so a renamed
// rule keeps its entries. A weak secret has no secret_sha256 in reports:
// only its fingerprint can accept it.
package suppress

import (
	"crypto/sha256"
	"encoding/hex"
	"path"
	"strconv"
	"strings"

	"github.com/leakstop/leakstop/detect"
	"github.com/leakstop/leakstop/rules"
	"github.com/leakstop/leakstop/source"
)

// Reason says what accepted a finding.
type Reason int

// Reasons, in the order Filter checks them.
const (
	NotSuppressed Reason = iota
	Inline               // a leakstop:allow comment on one of its lines
	IgnoreFile           // an entry of a .leakstopignore or --ignore-file
	Allowlisted          // an [[allowlists]] table of a config file
	Baseline             // an entry of the --baseline file
)

func (r Reason) String() string {
	switch r {
	case Inline:
		return "inline"
	case IgnoreFile:
		return "ignore-file"
	case Allowlisted:
		return "allowlist"
	case Baseline:
		return "baseline"
	}
	return "none"
}

// Entry accepts findings: by Fingerprint, or by RuleID and SecretSHA256.
type Entry struct {
	Fingerprint  string
	RuleID       string
	SecretSHA256 string
	// Path is informative (baselines carry it so they read well); it
	// takes no part in matching: the fingerprint covers the path.
	Path string
	// At is where the entry is written, FILE:LINE, and Line its line
	// (set by the parsers).
	At   string
	Line int
}

// key identifies what an entry accepts, whatever its case or place.
func (e Entry) key() string {
	if e.Fingerprint != "" {
		return strings.ToLower(e.Fingerprint)
	}
	return e.RuleID + ":" + strings.ToLower(e.SecretSHA256)
}

// List is a set of entries, matched against findings. The zero List and a
// nil *List accept nothing.
type List struct {
	rules        *rules.Set
	fingerprints map[string]string // fingerprint -> where the entry is written
	secrets      map[secretKey]string
}

type secretKey struct{ rule, sha string }

// NewList returns a list of entries whose rule ids resolve in set (nil:
// ids are taken as written).
func NewList(set *rules.Set, entries ...Entry) *List {
	l := &List{rules: set, fingerprints: map[string]string{}, secrets: map[secretKey]string{}}
	l.Add(entries...)
	return l
}

// Add adds entries to l. An entry already there keeps its first place.
func (l *List) Add(entries ...Entry) {
	for _, e := range entries {
		if e.Fingerprint != "" {
			if fp := strings.ToLower(e.Fingerprint); !l.has(fp) {
				l.fingerprints[fp] = e.At
			}
		}
		if e.RuleID != "" && e.SecretSHA256 != "" {
			k := secretKey{l.ruleID(e.RuleID), strings.ToLower(e.SecretSHA256)}
			if _, dup := l.secrets[k]; !dup {
				l.secrets[k] = e.At
			}
		}
	}
}

func (l *List) has(fp string) bool { _, ok := l.fingerprints[fp]; return ok }

// Len is the number of distinct entries.
func (l *List) Len() int {
	if l == nil {
		return 0
	}
	return len(l.fingerprints) + len(l.secrets)
}

// ruleID resolves an id or alias to the rule's current id.
func (l *List) ruleID(id string) string {
	if l.rules != nil {
		if r, ok := l.rules.Lookup(id); ok {
			return r.ID
		}
	}
	return id
}

// Accepts reports whether an entry of l accepts f (see Match).
func (l *List) Accepts(f *detect.Finding) bool {
	_, ok := l.Match(f)
	return ok
}

// Match reports whether an entry of l accepts f, and where that entry is
// written: its fingerprint (also as computed under the rule's old ids, its
// aliases), or its rule and secret_sha256 unless the secret is weak.
func (l *List) Match(f *detect.Finding) (at string, ok bool) {
	if l == nil || (len(l.fingerprints) == 0 && len(l.secrets) == 0) {
		return "", false
	}
	if at, ok := l.fingerprints[f.Fingerprint]; ok {
		return at, true
	}
	if !f.Weak && f.SecretSHA256 != "" {
		if at, ok := l.secrets[secretKey{l.ruleID(f.RuleID), f.SecretSHA256}]; ok {
			return at, true
		}
	}
	if l.rules == nil || len(l.fingerprints) == 0 {
		return "", false
	}
	r, found := l.rules.Lookup(f.RuleID)
	if !found || len(r.Aliases) == 0 {
		return "", false
	}
	h := identityHash(f, r)
	for _, alias := range r.Aliases {
		if at, ok := l.fingerprints[detect.Fingerprint(alias, f.Path, h)]; ok {
			return at, true
		}
	}
	return "", false
}

// identityHash is the hash detect puts in f's fingerprint: secret_sha256,
// or for a weak secret its HMAC when a key was set and its bare hash
// otherwise.
func identityHash(f *detect.Finding, r *rules.Rule) string {
	switch {
	case !f.Weak:
		return f.SecretSHA256
	case f.SecretHMAC != "":
		return f.SecretHMAC
	}
	sum := sha256.Sum256(detect.Canonical(r, f.Secret.Reveal()))
	return hex.EncodeToString(sum[:])
}

// Filter decides, for one run, which findings are accepted and why.
type Filter struct {
	// Rules resolves rule ids and aliases, in inline markers too.
	Rules *rules.Set
	// Ignore holds the ignore-file entries that apply to every finding.
	Ignore *List
	// RootIgnore holds, by scanned root (Origin.Root), the entries of that
	// root's own ignore file: they apply only to findings under it.
	RootIgnore map[string]*List
	// Allowlists apply to every finding; RootAllowlists, by scanned root,
	// only to the findings under it (that root's own config file).
	Allowlists     []*Allowlist
	RootAllowlists map[string][]*Allowlist
	// Baseline holds the entries of the --baseline file.
	Baseline *List
	// GitleaksAllow honours gitleaks' inline marker, gitleaks:allow, as
	// well as leakstop's (--compat gitleaks).
	GitleaksAllow bool
	// Proposed are the suppressions a scanned change adds to its
	// suppression files. They are not applied (the base's files are);
	// Apply reports each finding one of them would accept.
	Proposed []*Proposed
}

// Accepted is a finding a filter accepted, and why.
type Accepted struct {
	detect.Finding
	Reason Reason
	// By is where the suppression is written: the marker's path:line, an
	// ignore file's or baseline's FILE:LINE, an allowlist's FILE:LINE.
	By string
	// Detail says, for an allowlist, what matched (paths = "docs/**")
	// and its description.
	Detail string
}

// Result is what Apply decided for the findings of one fragment.
type Result struct {
	Kept     []detect.Finding
	Accepted []Accepted
	// Markers are the inline markers on lines the fragment's origins
	// added (Origin.Added: a range, a push, the index), accepting findings
	// or not.
	Markers []AddedMarker
	// Would pairs a kept finding with each Filter.Proposed that would
	// accept it.
	Would []Would
}

// AddedMarker is an inline marker on a line a scanned change added.
type AddedMarker struct {
	// Marker is the marker written: Marker, or GitleaksMarker.
	Marker string
	Path   string
	Commit string // "" for the index
	Line   int
	// Rules are the rule ids the marker names; empty: every rule.
	Rules []string
	// Accepted lists the fingerprints of the findings it accepted that no
	// suppression file accepts: what the marker alone hides.
	Accepted []string
}

// Would says that Filter.Proposed[Proposal] would accept the kept finding
// of that fingerprint.
type Would struct {
	Proposal    int
	Fingerprint string
}

// Split separates the findings of one fragment, whose text is data, into
// those still to report and those accepted (see Apply).
func (fl *Filter) Split(data []byte, fs []detect.Finding) (kept []detect.Finding, accepted []Accepted) {
	r := fl.Apply(&source.Fragment{Data: data}, fs)
	return r.Kept, r.Accepted
}

// Apply separates the findings of one fragment into those still to report
// and those accepted, and lists the inline markers the fragment's origins
// added. Inline markers are looked up only when the text holds one. The
// entries of an ignore file are hashes, not secrets: a finding that is one
// of them is dropped.
func (fl *Filter) Apply(frag *source.Fragment, fs []detect.Finding) Result {
	if fl == nil {
		return Result{Kept: fs}
	}
	t := text{data: frag.Data}
	res := Result{Markers: addedMarkers(&t, frag.Origins, fl.Rules, fl.GitleaksAllow)}
	if len(fs) == 0 {
		return res
	}
	at := allowedAt(&t, fs, fl.Rules, fl.GitleaksAllow)
	for i := range fs {
		f := &fs[i]
		if path.Base(f.Path) == source.IgnoreFileName && isEntry(&t, f) {
			continue
		}
		r, by, detail := fl.accept(f, &t)
		if at != nil && at[i] > 0 {
			if m := findMarker(res.Markers, f, at[i]); m != nil && r == NotSuppressed {
				m.Accepted = append(m.Accepted, f.Fingerprint)
			}
			r, by, detail = Inline, f.Path+":"+strconv.Itoa(at[i]), ""
		}
		if r != NotSuppressed {
			res.Accepted = append(res.Accepted, Accepted{Finding: *f, Reason: r, By: by, Detail: detail})
			continue
		}
		res.Kept = append(res.Kept, *f)
		for j, p := range fl.Proposed {
			if p.match(f, &t, fl.Rules) {
				res.Would = append(res.Would, Would{Proposal: j, Fingerprint: f.Fingerprint})
			}
		}
	}
	return res
}

// findMarker returns the added marker at line of f's place, if the
// marker is on a line f's origin added.
func findMarker(ms []AddedMarker, f *detect.Finding, line int) *AddedMarker {
	for i := range ms {
		if m := &ms[i]; m.Line == line && m.Path == f.Source.Path && m.Commit == f.Source.Commit {
			return m
		}
	}
	return nil
}

// isEntry reports whether f, found in an ignore file, is one of its
// entries: a hash on a line that is a valid entry, not a secret. (Generic
// rules may take "generic-secret:<sha256>" for an assignment.)
func isEntry(t *text, f *detect.Finding) bool {
	if !isSHA256(string(f.Secret.Reveal())) {
		return false
	}
	for l := f.Line; l <= max(f.Line, f.EndLine); l++ {
		line := strings.TrimSpace(string(t.line(l)))
		if i := strings.IndexAny(line, " \t"); i >= 0 {
			line = line[:i]
		}
		if _, msg := parseEntry(line); msg != "" {
			return false
		}
	}
	return true
}

// Reason says which suppression file accepts f, NotSuppressed when none
// does. Inline markers are not looked at, nor allowlists' line_regexes:
// they need the text (see Apply).
func (fl *Filter) Reason(f *detect.Finding) Reason {
	r, _, _ := fl.accept(f, nil)
	return r
}

// accept says which suppression file accepts f, found in text t (nil: not
// at hand), where the accepting entry is written and, for an allowlist,
// what matched.
func (fl *Filter) accept(f *detect.Finding, t *text) (r Reason, by, detail string) {
	if fl == nil {
		return NotSuppressed, "", ""
	}
	if at, ok := fl.RootIgnore[f.Source.Root].Match(f); ok {
		return IgnoreFile, at, ""
	}
	if at, ok := fl.Ignore.Match(f); ok {
		return IgnoreFile, at, ""
	}
	for _, lists := range [][]*Allowlist{fl.RootAllowlists[f.Source.Root], fl.Allowlists} {
		for _, a := range lists {
			if d, ok := a.match(f, t, fl.Rules); ok {
				d = scoped(d, a.RuleIDs)
				if a.Description != "" {
					d += " (" + a.Description + ")"
				}
				return Allowlisted, a.Where(), d
			}
		}
	}
	if at, ok := fl.Baseline.Match(f); ok {
		return Baseline, at, ""
	}
	return NotSuppressed, "", ""
}

// Error is a bad line of an ignore file or a bad entry of a baseline,
// with the rule loader's file:line form. Messages never quote the line: it
// may hold a secret pasted by mistake.
type Error = rules.Error

// Errors is every problem of a file, reported at once.
type Errors = rules.Errors
