package detect

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strings"

	"github.com/leakstop/leakstop/rules"
	"github.com/leakstop/leakstop/source"
)

// Finding is one secret at one place (DESIGN.md): a rule, a canonical path,
// the lines where the secret occurs there, and the secret's identity.
type Finding struct {
	RuleID      string         `json:"rule_id"`
	Provider    string         `json:"provider"`
	Family      string         `json:"family"`
	Description string         `json:"description"`
	Severity    rules.Severity `json:"severity"`
	Status      Status         `json:"status"`
	ConfirmedBy string         `json:"confirmed_by,omitempty"`
	Path        string         `json:"path"`
	Line        int            `json:"line"`
	Column      int            `json:"column"`
	EndLine     int            `json:"end_line"`
	EndColumn   int            `json:"end_column"`
	// Lines lists every line of the path holding the secret.
	Lines   []int    `json:"lines"`
	Preview string   `json:"preview"`
	Decoded []string `json:"decoded,omitempty"`
	// SecretSHA256 is empty for weak secrets (see Weak).
	SecretSHA256 string `json:"secret_sha256,omitempty"`
	SecretHMAC   string `json:"secret_hmac,omitempty"`
	Fingerprint  string `json:"fingerprint"`
	// Weak marks a secret of low estimated entropy, whose bare hash could
	// be reversed with a dictionary.
	Weak bool `json:"weak,omitempty"`
	// OCR is set for a secret read out of an image (--ocr).
	OCR    *OCR          `json:"ocr,omitempty"`
	Source source.Origin `json:"source"`
	// Verification is what a live check said (--verify); nil when none
	// ran for this finding.
	Verification *Verification `json:"verification,omitempty"`
	// Secret redacts itself; reports write it only with --show-secrets.
	Secret Secret `json:"-"`
}

// OCR says where in an image a secret was read, and whether the reading
// was repaired (rules.RepairOCR): the secret, its hash and fingerprint are
// then those of the repaired reading.
type OCR struct {
	Repaired bool `json:"repaired"`
	// Box holds the secret's pixels (from Tesseract's word boxes).
	Box source.Box `json:"box"`
	// Image is the image's content id (its git blob id), Format, Width
	// and Height what it is.
	Image  string `json:"image"`
	Format string `json:"format"`
	Width  int    `json:"width"`
	Height int    `json:"height"`
}

// weakBits is the estimated entropy below which a secret's bare hash is
// withheld: dictionary passwords and short human-chosen values.
const weakBits = 64

// Findings turns a fragment's matches into findings, one per origin and
// distinct (rule, secret): copies of a secret in one file are one finding
// with several lines.
func (e *Engine) Findings(f *source.Fragment, ms []Match) []Finding {
	if len(ms) == 0 {
		return nil
	}
	type group struct {
		first Match
		lines []int
		sum   string
		hmac  string
		weak  bool
	}
	var groups []*group
	index := map[[2]string]*group{}
	for _, m := range ms {
		sum, hm, weak := e.identity(m)
		key := [2]string{m.Rule.ID, sum}
		g, ok := index[key]
		if !ok {
			g = &group{first: m, sum: sum, hmac: hm, weak: weak}
			index[key] = g
			groups = append(groups, g)
		}
		for l := m.Line; l <= max(m.Line, m.EndLine); l++ {
			if !slices.Contains(g.lines, l) {
				g.lines = append(g.lines, l)
			}
		}
	}
	var out []Finding
	for _, o := range f.Origins {
		for _, g := range groups {
			m := g.first
			fd := Finding{
				RuleID: m.Rule.ID, Provider: m.Rule.Provider, Family: m.Rule.Family,
				Description: m.Rule.Description, Severity: m.Rule.Severity,
				Status: m.Status, ConfirmedBy: m.ConfirmedBy,
				Path: o.Path, Line: m.Line, Column: m.Column, EndLine: m.EndLine, EndColumn: m.EndColumn,
				Lines: slices.Sorted(slices.Values(g.lines)), Preview: m.Secret.String(), Decoded: m.Decoded,
				SecretHMAC: g.hmac, Weak: g.weak, Source: o, Secret: m.Secret,
			}
			if !g.weak {
				fd.SecretSHA256 = g.sum
			}
			if img := f.Image; img != nil {
				fd.OCR = &OCR{Repaired: m.ConfirmedBy == rules.ByOCRRepair, Box: img.BoxOf(m.Start, m.End),
					Image: f.ID, Format: img.Format, Width: img.Width, Height: img.Height}
			}
			idHash := g.sum
			if g.weak && g.hmac != "" {
				idHash = g.hmac
			}
			fd.Fingerprint = Fingerprint(m.Rule.ID, o.Path, idHash)
			out = append(out, fd)
		}
	}
	return out
}

// identity hashes a match's secret after canonicalisation.
func (e *Engine) identity(m Match) (sum, hm string, weak bool) {
	canon := Canonical(m.Rule, m.Secret.Reveal())
	h := sha256.Sum256(canon)
	sum = hex.EncodeToString(h[:])
	weak = IsWeak(m.Rule, m.Secret.Reveal())
	if weak && len(e.opts.HashKey) > 0 {
		mac := hmac.New(sha256.New, e.opts.HashKey)
		mac.Write(canon)
		hm = hex.EncodeToString(mac.Sum(nil))
	}
	return sum, hm, weak
}

// Canonical returns the bytes a secret is identified by: the key material
// of a private key (so line endings, indentation and \n escapes do not
// change it), the exact bytes otherwise.
func Canonical(r *rules.Rule, secret []byte) []byte {
	if rules.IsKeyValidator(r.Validator) {
		if der, ok := rules.KeyMaterial(secret); ok {
			return der
		}
	}
	return secret
}

// IsWeak reports whether a secret's estimated entropy is low enough that a
// bare hash could be reversed: human-chosen passwords, not issued tokens.
func IsWeak(r *rules.Rule, secret []byte) bool {
	if r.Family != "generic" && r.Family != "urls" {
		return false
	}
	return shannon(secret)*float64(len(secret)) < weakBits
}

// Fingerprint is hex SHA-256 of rule id, NUL, canonical path, NUL, secret
// hash: no line and no commit, so it survives edits above the secret and
// is known before a commit exists.
func Fingerprint(ruleID, path, secretHash string) string {
	h := sha256.New()
	h.Write([]byte(ruleID))
	h.Write([]byte{0})
	h.Write([]byte(path))
	h.Write([]byte{0})
	h.Write([]byte(secretHash))
	return hex.EncodeToString(h.Sum(nil))
}

// MergeVersions makes one finding of one secret at one path of a
// repository's history, however many versions of the file carry it: the
// finding of the version that introduced it first (in the history's
// topological order, Origin.Order) is kept, with its lines, and its origin lists
// the commits that carry the other versions too (Commits, oldest version
// first, at most maxListedCommits; CommitCount counts them all), and is
// AtHead when any version is. Other findings pass unchanged, in their
// order.
func MergeVersions(fs []Finding) []Finding {
	type key struct{ repo, fingerprint string }
	groups := map[key][]Finding{}
	var out []Finding
	for _, f := range fs {
		if f.Source.Kind != source.KindGit || f.Source.Commit == "" {
			out = append(out, f)
			continue
		}
		k := key{f.Source.Repo, f.Fingerprint}
		if groups[k] == nil {
			out = append(out, f) // its place in the order; replaced below
		}
		groups[k] = append(groups[k], f)
	}
	for i, f := range out {
		g := groups[key{f.Source.Repo, f.Fingerprint}]
		if f.Source.Kind != source.KindGit || len(g) < 2 {
			continue
		}
		slices.SortFunc(g, func(a, b Finding) int { return compareIntroduced(a.Source, b.Source) })
		merged := g[0]
		o := &merged.Source
		listed := slices.Clone(o.Commits)
		count := max(o.CommitCount, 1+len(o.Commits))
		for _, v := range g[1:] {
			count += max(v.Source.CommitCount, 1+len(v.Source.Commits))
			o.AtHead = o.AtHead || v.Source.AtHead // a later version is still there
			for _, c := range append([]string{v.Source.Commit}, v.Source.Commits...) {
				if len(listed) < maxListedCommits && c != o.Commit && !slices.Contains(listed, c) {
					listed = append(listed, c)
				}
			}
		}
		o.Commits, o.CommitCount = listed, count
		out[i] = merged
	}
	return out
}

// maxListedCommits bounds the commits a merged finding lists, as the git
// source bounds them per version.
const maxListedCommits = 50

// compareIntroduced orders origins by when their commit came in the
// history: parents first. Author dates would mislead after a rebase, and
// are often equal.
func compareIntroduced(a, b source.Origin) int {
	if a.Order != b.Order {
		return a.Order - b.Order
	}
	return strings.Compare(a.Commit, b.Commit)
}
