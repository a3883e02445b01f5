// Package suppress decides which findings the user has accepted: inline
// `leakstop:allow` comments in the scanned text, .leakstopignore files and
// baselines (DESIGN.md). It runs before verification, so an accepted test
// key never reaches a provider.
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
	Baseline             // an entry of the --baseline file
)

func (r Reason) String() string {
	switch r {
	case Inline:
		return "inline"
	case IgnoreFile:
		return "ignore-file"
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
}

// List is a set of entries, matched against findings. The zero List and a
// nil *List accept nothing.
type List struct {
	rules        *rules.Set
	fingerprints map[string]bool
	secrets      map[secretKey]bool
}

type secretKey struct{ rule, sha string }

// NewList returns a list of entries whose rule ids resolve in set (nil:
// ids are taken as written).
func NewList(set *rules.Set, entries ...Entry) *List {
	l := &List{rules: set, fingerprints: map[string]bool{}, secrets: map[secretKey]bool{}}
	l.Add(entries...)
	return l
}

// Add adds entries to l.
func (l *List) Add(entries ...Entry) {
	for _, e := range entries {
		if e.Fingerprint != "" {
			l.fingerprints[strings.ToLower(e.Fingerprint)] = true
		}
		if e.RuleID != "" && e.SecretSHA256 != "" {
			l.secrets[secretKey{l.ruleID(e.RuleID), strings.ToLower(e.SecretSHA256)}] = true
		}
	}
}

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

// Accepts reports whether an entry of l accepts f: its fingerprint (also
// as computed under the rule's old ids, its aliases), or its rule and
// secret_sha256 unless the secret is weak.
func (l *List) Accepts(f *detect.Finding) bool {
	if l == nil || (len(l.fingerprints) == 0 && len(l.secrets) == 0) {
		return false
	}
	if l.fingerprints[f.Fingerprint] {
		return true
	}
	if !f.Weak && f.SecretSHA256 != "" && l.secrets[secretKey{l.ruleID(f.RuleID), f.SecretSHA256}] {
		return true
	}
	if l.rules == nil || len(l.fingerprints) == 0 {
		return false
	}
	r, ok := l.rules.Lookup(f.RuleID)
	if !ok || len(r.Aliases) == 0 {
		return false
	}
	h := identityHash(f, r)
	for _, alias := range r.Aliases {
		if l.fingerprints[detect.Fingerprint(alias, f.Path, h)] {
			return true
		}
	}
	return false
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
	// Baseline holds the entries of the --baseline file.
	Baseline *List
}

// Accepted is a finding a filter accepted, and why.
type Accepted struct {
	detect.Finding
	Reason Reason
}

// Split separates the findings of one fragment, whose text is data, into
// those still to report and those accepted. Inline markers are looked up
// only when data holds one. The entries of an ignore file are hashes, not
// secrets: a finding that is one of them is dropped.
func (fl *Filter) Split(data []byte, fs []detect.Finding) (kept []detect.Finding, accepted []Accepted) {
	if fl == nil || len(fs) == 0 {
		return fs, nil
	}
	allowed := Allowed(data, fs, fl.Rules)
	var t *text
	for i := range fs {
		if path.Base(fs[i].Path) == source.IgnoreFileName {
			if t == nil {
				t = &text{data: data}
			}
			if isEntry(t, &fs[i]) {
				continue
			}
		}
		r := Inline
		if allowed == nil || !allowed[i] {
			r = fl.Reason(&fs[i])
		}
		if r == NotSuppressed {
			kept = append(kept, fs[i])
		} else {
			accepted = append(accepted, Accepted{Finding: fs[i], Reason: r})
		}
	}
	return kept, accepted
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

// Reason says which list accepts f, NotSuppressed when none does. Inline
// markers are not looked at: they need the text (see Split).
func (fl *Filter) Reason(f *detect.Finding) Reason {
	switch {
	case fl == nil:
		return NotSuppressed
	case fl.RootIgnore[f.Source.Root].Accepts(f), fl.Ignore.Accepts(f):
		return IgnoreFile
	case fl.Baseline.Accepts(f):
		return Baseline
	}
	return NotSuppressed
}

// Error is a bad line of an ignore file or a bad entry of a baseline,
// with the rule loader's file:line form. Messages never quote the line: it
// may hold a secret pasted by mistake.
type Error = rules.Error

// Errors is every problem of a file, reported at once.
type Errors = rules.Errors
