package report

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/leakstop/leakstop/detect"
	"github.com/leakstop/leakstop/rules"
)

// Input is one report a merged report joins.
type Input struct {
	// Report is the file it was read from, as given.
	Report   string `json:"report"`
	Tool     Tool   `json:"tool"`
	Partial  bool   `json:"partial"`
	Findings int    `json:"findings"`
}

// ReadError is a report that cannot be read back: not JSON, not a
// leakstop report, or of another schema version. Line and Column are 0
// when the error has no position.
type ReadError struct {
	Name         string
	Line, Column int
	Msg          string
}

func (e *ReadError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d:%d: %s", e.Name, e.Line, e.Column, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.Name, e.Msg)
}

// jsonIn is a JSON report as Read takes it: what every format needs.
// Fields it does not know (added later within the schema) are ignored.
type jsonIn struct {
	Tool        Tool      `json:"tool"`
	Partial     bool      `json:"partial"`
	Interrupted bool      `json:"interrupted"`
	Errors      []Problem `json:"errors"`
	Summary     struct {
		Suppressed         int            `json:"suppressed"`
		SuppressedByReason map[string]int `json:"suppressed_by_reason"`
		ScannedItems       int            `json:"scanned_items"`
		ScannedBytes       int64          `json:"scanned_bytes"`
		Rotation           *Rotation      `json:"rotation"`
	} `json:"summary"`
	Findings []jsonFindingIn `json:"findings"`
	Skipped  []Skip          `json:"skipped"`
	Sprawl   []struct {
		SecretSHA256 string `json:"secret_sha256"`
		SecretHMAC   string `json:"secret_hmac"`
		Places       []struct {
			Fingerprint string `json:"fingerprint"`
		} `json:"places"`
	} `json:"sprawl"`
	RuleOrder         map[string]int     `json:"rule_order"`
	Repositories      []string           `json:"repositories"`
	AddedSuppressions []AddedSuppression `json:"added_suppressions"`
	Suppressed        []jsonSuppressedIn `json:"suppressed"`
}

// jsonFindingIn reads a finding back: the severity by name (it outranks
// the embedded Finding's field, which has no text unmarshaller), and what
// jsonFinding adds.
type jsonFindingIn struct {
	detect.Finding
	Severity string `json:"severity"`
	Root     string `json:"root"`
	Secret   string `json:"secret"`
}

type jsonSuppressedIn struct {
	jsonFindingIn
	Suppression Suppression `json:"suppression"`
}

// finding returns the finding f describes.
func (f *jsonFindingIn) finding() (detect.Finding, error) {
	out := f.Finding
	sev, err := rules.ParseSeverity(f.Severity)
	if err != nil {
		return out, err
	}
	out.Severity = sev
	out.Source.Root = f.Root
	if f.Secret != "" {
		out.Secret = detect.NewSecret([]byte(f.Secret))
	}
	switch {
	case out.RuleID == "":
		return out, errors.New("no rule_id")
	case out.Fingerprint == "":
		return out, errors.New("no fingerprint")
	}
	return out, nil
}

// Read parses a JSON report leakstop wrote, of schema Schema, so that it
// can be written again in any format or merged with others. Its errors
// are ReadErrors naming name (and the line and column, for bad JSON).
// The report lists itself as its one input.
func Read(name string, data []byte) (*Report, error) {
	fail := func(format string, args ...any) error {
		return &ReadError{Name: name, Msg: fmt.Sprintf(format, args...)}
	}
	var head struct {
		Schema *json.RawMessage `json:"schema"`
		Tool   Tool             `json:"tool"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return nil, jsonError(name, data, err)
	}
	if head.Schema == nil {
		return nil, fail("not a leakstop JSON report: it has no \"schema\" (merge the reports of --format json)")
	}
	var schema int
	if err := json.Unmarshal(*head.Schema, &schema); err != nil {
		return nil, fail("not a leakstop JSON report: \"schema\" is %s, not a number", *head.Schema)
	}
	if head.Tool.Name != "" && head.Tool.Name != "leakstop" {
		return nil, fail("not a leakstop JSON report: written by %q", head.Tool.Name)
	}
	if schema != Schema {
		return nil, fail("JSON report schema %d (leakstop %s); this leakstop reads schema %d: scan again with this version",
			schema, cmp.Or(head.Tool.Version, "unknown"), Schema)
	}
	var in jsonIn
	if err := json.Unmarshal(data, &in); err != nil {
		return nil, jsonError(name, data, err)
	}
	r := &Report{
		Tool:              in.Tool,
		Suppressed:        in.Summary.Suppressed,
		SuppressedBy:      in.Summary.SuppressedByReason,
		AddedSuppressions: in.AddedSuppressions,
		Errors:            in.Errors,
		Skipped:           in.Skipped,
		Partial:           in.Partial,
		Interrupted:       in.Interrupted,
		Scanned:           in.Summary.ScannedItems,
		Bytes:             in.Summary.ScannedBytes,
		RuleRank:          in.RuleOrder,
		Repositories:      in.Repositories,
		Rotation:          in.Summary.Rotation,
		sameSecret:        map[string]string{},
	}
	for i := range in.Findings {
		f, err := in.Findings[i].finding()
		if err != nil {
			return nil, fail("findings[%d]: %v", i, err)
		}
		r.Findings = append(r.Findings, f)
	}
	for i := range in.Suppressed {
		f, err := in.Suppressed[i].finding()
		if err != nil {
			return nil, fail("suppressed[%d]: %v", i, err)
		}
		r.SuppressedFindings = append(r.SuppressedFindings, SuppressedFinding{Finding: f, Suppression: in.Suppressed[i].Suppression})
	}
	// The sprawl alone says which weak secrets without a hash are one.
	for _, s := range in.Sprawl {
		if s.SecretSHA256 != "" || s.SecretHMAC != "" || len(s.Places) == 0 {
			continue
		}
		least := s.Places[0].Fingerprint
		for _, p := range s.Places {
			least = min(least, p.Fingerprint)
		}
		for _, p := range s.Places {
			r.sameSecret[p.Fingerprint] = least
		}
	}
	r.Inputs = []Input{{Report: name, Tool: in.Tool, Partial: in.Partial, Findings: len(r.Findings)}}
	return r, nil
}

// jsonError turns a JSON decoding error into a ReadError at its line and
// column.
func jsonError(name string, data []byte, err error) error {
	var (
		syn *json.SyntaxError
		typ *json.UnmarshalTypeError
		off int64 = -1
		msg       = err.Error()
	)
	switch {
	case errors.As(err, &syn):
		off = syn.Offset
		msg = "not JSON: " + syn.Error()
	case errors.As(err, &typ):
		off = typ.Offset
		msg = fmt.Sprintf("not a leakstop JSON report: %s is %s, want %s", cmp.Or(typ.Field, "the document"), typ.Value, jsonKind(typ.Type))
	}
	e := &ReadError{Name: name, Msg: msg}
	if off > 0 && off <= int64(len(data)) { // the offset is just past the culprit
		off--
	}
	if off >= 0 && off <= int64(len(data)) {
		before := data[:off]
		e.Line = bytes.Count(before, []byte("\n")) + 1
		e.Column = len(before) - (bytes.LastIndexByte(before, '\n') + 1) + 1
	}
	return e
}

// jsonKind names what JSON value a Go type holds.
func jsonKind(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Struct, reflect.Map:
		return "an object"
	case reflect.Slice, reflect.Array:
		return "a list"
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Pointer:
		return jsonKind(t.Elem())
	}
	return "a number"
}

// placeKey identifies a finding across reports: one secret (the
// fingerprint holds the rule, the canonical path and the secret's hash)
// at one place of one repository or scanned root.
type placeKey struct{ kind, repo, root, fingerprint string }

func keyOf(f *detect.Finding) placeKey {
	return placeKey{f.Source.Kind, f.Source.Repo, f.Source.Root, f.Fingerprint}
}

// Merge joins reports, the shards of one sweep, into one. A finding in
// several of them (the same repository or scanned root and fingerprint)
// is one finding: the version introduced first, with every commit that
// carries it. Counts are recomputed from the findings, or added up
// (scanned items and bytes, suppressed findings); errors and skipped
// items are joined; rotation webhook deliveries are added up (the spool
// is named only when every shard used the same); the report is partial
// when any input was, and lists its inputs. The tool is the first
// input's.
func Merge(reports ...*Report) *Report {
	out := &Report{RuleRank: map[string]int{}, SuppressedBy: map[string]int{}}
	if len(reports) > 0 {
		out.Tool = reports[0].Tool
	}
	index := map[placeKey]int{}
	type suppressedKey struct {
		placeKey
		reason string
	}
	suppressed := map[suppressedKey]int{}
	added := map[AddedSuppression]int{}
	errs := map[Problem]bool{}
	skips := map[Skip]bool{}
	same := newUnion()
	for _, r := range reports {
		out.Inputs = append(out.Inputs, r.Inputs...)
		out.Partial = out.Partial || r.Partial
		out.Interrupted = out.Interrupted || r.Interrupted
		out.Suppressed += r.Suppressed
		out.Repositories = append(out.Repositories, r.Repositories...)
		out.Scanned += r.Scanned
		out.Bytes += r.Bytes
		for reason, n := range r.SuppressedBy {
			out.SuppressedBy[reason] += n
		}
		if r.Rotation != nil {
			if out.Rotation == nil {
				out.Rotation = &Rotation{Spool: r.Rotation.Spool}
			}
			out.Rotation.Delivered += r.Rotation.Delivered
			out.Rotation.Refused += r.Rotation.Refused
			out.Rotation.Spooled += r.Rotation.Spooled
			if out.Rotation.Spool != r.Rotation.Spool { // shards spooled to several files
				out.Rotation.Spool = ""
			}
		}
		for id, n := range r.RuleRank {
			if _, ok := out.RuleRank[id]; !ok {
				out.RuleRank[id] = n
			}
		}
		for _, e := range r.Errors {
			if !errs[e] {
				errs[e] = true
				out.Errors = append(out.Errors, e)
			}
		}
		for _, s := range r.Skipped {
			if !skips[s] {
				skips[s] = true
				out.Skipped = append(out.Skipped, s)
			}
		}
		for fp, least := range r.sameSecret {
			same.join(fp, least)
		}
		for _, f := range r.Findings {
			if weakUnhashed(&f) && f.Secret.Len() > 0 {
				same.join(f.Fingerprint, "secret:"+f.RuleID+"\x00"+string(f.Secret.Reveal()))
			}
			k := keyOf(&f)
			if i, ok := index[k]; ok {
				out.Findings[i] = combine(out.Findings[i], f)
				continue
			}
			index[k] = len(out.Findings)
			out.Findings = append(out.Findings, f)
		}
		for _, sf := range r.SuppressedFindings {
			k := suppressedKey{keyOf(&sf.Finding), sf.Suppression.Reason}
			if i, ok := suppressed[k]; ok {
				out.SuppressedFindings[i].Finding = combine(out.SuppressedFindings[i].Finding, sf.Finding)
				continue
			}
			suppressed[k] = len(out.SuppressedFindings)
			out.SuppressedFindings = append(out.SuppressedFindings, sf)
		}
		for _, a := range r.AddedSuppressions {
			k := a
			k.Suppresses, k.Applied = 0, false
			if i, ok := added[k]; ok { // the same change seen by two shards
				o := &out.AddedSuppressions[i]
				o.Applied = o.Applied || a.Applied
				o.Suppresses = max(o.Suppresses, a.Suppresses)
				continue
			}
			added[k] = len(out.AddedSuppressions)
			out.AddedSuppressions = append(out.AddedSuppressions, a)
		}
	}
	out.sameSecret = same.leastFingerprints()
	slices.Sort(out.Repositories)
	out.Repositories = slices.Compact(out.Repositories) // a shard given twice
	return out
}

// weakUnhashed reports whether f's secret has no hash in reports: a weak
// secret without LEAKSTOP_HASH_KEY.
func weakUnhashed(f *detect.Finding) bool { return f.SecretSHA256 == "" && f.SecretHMAC == "" }

// combine makes one finding of two of the same secret at the same place:
// in history, the one whose commit came first (by date; the first given
// when equal), listing the other's commits too.
func combine(a, b detect.Finding) detect.Finding {
	if a.Secret.Len() == 0 {
		a.Secret = b.Secret
	}
	if a.Source.Commit == "" && b.Source.Commit == "" {
		return a
	}
	if !b.Source.Date.IsZero() && (a.Source.Date.IsZero() || b.Source.Date.Before(a.Source.Date)) {
		b.Secret = a.Secret
		a, b = b, a
	}
	carriers := func(f *detect.Finding) []string {
		return append([]string{f.Source.Commit}, f.Source.Commits...)
	}
	count := func(f *detect.Finding) int { return max(f.Source.CommitCount, 1+len(f.Source.Commits)) }
	ca, cb := carriers(&a), carriers(&b)
	overlap := slices.ContainsFunc(cb, func(c string) bool { return slices.Contains(ca, c) })
	listed := slices.Clone(a.Source.Commits)
	for _, c := range cb {
		if len(listed) < maxListedCommits && c != a.Source.Commit && !slices.Contains(listed, c) {
			listed = append(listed, c)
		}
	}
	n := count(&a) + count(&b)
	if overlap { // one history seen twice: count each commit once
		n = max(count(&a), count(&b), 1+len(listed))
	}
	a.Source.Commits = listed
	if a.Source.CommitCount > 0 || b.Source.CommitCount > 0 || n > 1 {
		a.Source.CommitCount = n
	}
	return a
}

// maxListedCommits bounds the commits a merged finding lists, as a scan
// bounds them.
const maxListedCommits = 50

// union is a union-find over strings; the findings of one weak secret
// end up in one set.
type union struct{ parent map[string]string }

func newUnion() *union { return &union{parent: map[string]string{}} }

func (u *union) find(x string) string {
	p, ok := u.parent[x]
	if !ok {
		u.parent[x] = x
		return x
	}
	if p == x {
		return x
	}
	root := u.find(p)
	u.parent[x] = root
	return root
}

func (u *union) join(a, b string) {
	ra, rb := u.find(a), u.find(b)
	if ra != rb {
		u.parent[ra] = rb
	}
}

// leastFingerprints maps each fingerprint to the least fingerprint of
// its set (members that are not fingerprints, such as a secret's key,
// only join sets).
func (u *union) leastFingerprints() map[string]string {
	least := map[string]string{}
	isFingerprint := func(s string) bool { return s != "" && !strings.HasPrefix(s, "secret:") }
	for x := range u.parent {
		if !isFingerprint(x) {
			continue
		}
		r := u.find(x)
		if l, ok := least[r]; !ok || x < l {
			least[r] = x
		}
	}
	out := map[string]string{}
	for x := range u.parent {
		if isFingerprint(x) {
			out[x] = least[u.find(x)]
		}
	}
	return out
}
