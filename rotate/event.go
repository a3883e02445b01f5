// Package rotate calls a rotation webhook for the secrets a run found, so
// that a vault can replace them within seconds (DESIGN.md, rotation
// webhook): one event per distinct secret, signed as the Standard Webhooks
// specification says, retried with backoff, and written to a spool before
// its first attempt so that a crash, a kill or a receiver that is down
// never loses it.
package rotate

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/leakstop/leakstop/detect"
)

// Schema is the version of the event body. Within a version fields are
// only added, never renamed or removed.
const Schema = 1

// EventType is the body's type: a secret was found where it should not be.
const EventType = "secret.leaked"

// Event is one webhook event: one distinct secret and every place it was
// found. Body is what the spool keeps and replay sends; it never holds the
// plaintext secret.
type Event struct {
	// ID is the webhook-id: the same for the same secret in the same
	// places on every run (see EventID).
	ID   string
	Body json.RawMessage
	// secretBody is Body with the plaintext secret, for the attempts of
	// the run that found it (IncludeSecret); kept in memory only.
	secretBody []byte
	// Rule and Hash name the event in messages: its rule and its secret's
	// hash (secret_sha256, else secret_hmac, else "").
	Rule, Hash string
}

// payload is what an attempt sends.
func (e *Event) payload() []byte {
	if e.secretBody != nil {
		return e.secretBody
	}
	return e.Body
}

// Body is the JSON body of an event, as the Standard Webhooks
// specification recommends: type, timestamp, data.
type Body struct {
	Schema int    `json:"schema"`
	Type   string `json:"type"`
	// Timestamp is when the run created the event; each attempt carries
	// its own time in webhook-timestamp.
	Timestamp time.Time `json:"timestamp"`
	Data      Data      `json:"data"`
}

// Data describes the secret.
type Data struct {
	RuleID      string `json:"rule_id"`
	Provider    string `json:"provider,omitempty"`
	Description string `json:"description,omitempty"`
	Severity    string `json:"severity"`
	// Status is the surest status among the places (confirmed, verified,
	// candidate with --rotate-all, revoked); ConfirmedBy says how it was
	// confirmed (checksum, structure, verifier, ...).
	Status      string `json:"status"`
	ConfirmedBy string `json:"confirmed_by,omitempty"`
	// SecretSHA256 is what a vault matches its own secrets against; weak
	// secrets (dictionary passwords) carry SecretHMAC instead when
	// LEAKSTOP_HASH_KEY is set, and no hash otherwise.
	SecretSHA256 string `json:"secret_sha256,omitempty"`
	SecretHMAC   string `json:"secret_hmac,omitempty"`
	Preview      string `json:"preview"`
	// Secret is the plaintext, only with --rotate-include-secret, and
	// only in the attempts of the run that found it: never in the spool.
	Secret    string     `json:"secret,omitempty"`
	Locations []Location `json:"locations"`
	Tool      Tool       `json:"tool"`
}

// Location is one place the secret was found.
type Location struct {
	Kind        string     `json:"kind"`
	Repo        string     `json:"repo,omitempty"`
	Path        string     `json:"path"`
	Line        int        `json:"line"`
	Lines       []int      `json:"lines"`
	Commit      string     `json:"commit,omitempty"`
	Commits     []string   `json:"commits,omitempty"`
	CommitCount int        `json:"commit_count,omitempty"`
	Author      string     `json:"author,omitempty"`
	Date        *time.Time `json:"date,omitempty"`
	RuleID      string     `json:"rule_id"`
	Status      string     `json:"status"`
	Fingerprint string     `json:"fingerprint"`
}

// Tool names the program that sent the event.
type Tool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// EventOptions choose which findings become events and what they carry.
type EventOptions struct {
	// All sends every finding's secret, candidates and revoked ones too;
	// otherwise only confirmed and verified secrets fire.
	All bool
	// IncludeSecret puts the plaintext secret in the body of the run's
	// own attempts (never in the spool).
	IncludeSecret bool
	// Now is when the events are created.
	Now  time.Time
	Tool Tool
}

// Fires reports whether a finding's secret triggers the webhook: confirmed
// by an offline validator or verified by a live check, or any status with
// all. A secret a live check found invalid does not fire without all,
// whatever its status.
func Fires(f *detect.Finding, all bool) bool {
	if v := f.Verification; v != nil && v.Result == detect.VerifyInvalid {
		return all
	}
	switch f.Status {
	case detect.StatusConfirmed, detect.StatusVerified:
		return true
	}
	return all
}

// Events makes one event per distinct secret of findings that fires (see
// Fires), with every place of that secret, in a fixed order. The caller
// passes only findings that were not suppressed.
func Events(findings []detect.Finding, o EventOptions) ([]Event, error) {
	fs := slices.Clone(findings)
	slices.SortFunc(fs, compareFindings)
	type group struct {
		lead  *detect.Finding // the surest status; the first of them
		all   []*detect.Finding
		fires bool
	}
	var groups []*group
	index := map[string]*group{}
	for i := range fs {
		f := &fs[i]
		key := secretKey(f)
		g := index[key]
		if g == nil {
			g = &group{lead: f}
			index[key] = g
			groups = append(groups, g)
		}
		g.all = append(g.all, f)
		g.fires = g.fires || Fires(f, o.All)
		if statusRank(f.Status) > statusRank(g.lead.Status) {
			g.lead = f
		}
	}
	var out []Event
	for _, g := range groups {
		if !g.fires {
			continue
		}
		ev, err := newEvent(g.lead, g.all, o)
		if err != nil {
			return nil, err
		}
		out = append(out, ev)
	}
	return out, nil
}

// secretKey groups findings by secret as reports do: its SHA-256, else its
// HMAC, else (a weak secret without a hash key) the rule and the secret,
// held in memory only.
func secretKey(f *detect.Finding) string {
	switch {
	case f.SecretSHA256 != "":
		return "sha256:" + f.SecretSHA256
	case f.SecretHMAC != "":
		return "hmac:" + f.SecretHMAC
	}
	return "secret:" + f.RuleID + "\x00" + string(f.Secret.Reveal())
}

func newEvent(lead *detect.Finding, all []*detect.Finding, o EventOptions) (Event, error) {
	d := Data{
		RuleID: lead.RuleID, Provider: lead.Provider, Description: lead.Description,
		Severity: lead.Severity.String(), Status: string(lead.Status), ConfirmedBy: lead.ConfirmedBy,
		SecretSHA256: lead.SecretSHA256, SecretHMAC: lead.SecretHMAC, Preview: lead.Preview,
		Locations: make([]Location, 0, len(all)), Tool: o.Tool,
	}
	places := make([]string, 0, len(all))
	for _, f := range all {
		l := Location{
			Kind: f.Source.Kind, Repo: f.Source.Repo, Path: f.Path, Line: f.Line, Lines: f.Lines,
			Commit: f.Source.Commit, Commits: f.Source.Commits, CommitCount: f.Source.CommitCount,
			Author: f.Source.Author, RuleID: f.RuleID, Status: string(f.Status), Fingerprint: f.Fingerprint,
		}
		if l.Lines == nil {
			l.Lines = []int{}
		}
		if !f.Source.Date.IsZero() {
			date := f.Source.Date.UTC()
			l.Date = &date
		}
		d.Locations = append(d.Locations, l)
		places = append(places, place(f))
	}
	hash := cmp.Or(lead.SecretSHA256, lead.SecretHMAC)
	ev := Event{ID: EventID(hash, places), Rule: lead.RuleID, Hash: hash}
	body := Body{Schema: Schema, Type: EventType, Timestamp: o.Now.UTC(), Data: d}
	var err error
	if ev.Body, err = json.Marshal(body); err != nil {
		return Event{}, fmt.Errorf("event for %s: %w", lead.RuleID, err)
	}
	if o.IncludeSecret {
		body.Data.Secret = string(lead.Secret.Reveal())
		if ev.secretBody, err = json.Marshal(body); err != nil {
			return Event{}, fmt.Errorf("event for %s: %w", lead.RuleID, err)
		}
	}
	return ev, nil
}

// place is what identifies a finding's place in an event's id: its
// fingerprint (rule, canonical path, secret), and its repository in a
// multi-repository sweep. No line and no commit: an edit above the secret
// or a new commit that keeps it is the same place.
func place(f *detect.Finding) string {
	if f.Source.Repo == "" {
		return f.Fingerprint
	}
	return f.Source.Repo + "\x00" + f.Fingerprint
}

// EventID derives the webhook-id of a secret found at places (see place):
// "evt_" and 32 hex digits of SHA-256 over a version tag, the secret's
// hash and the sorted, distinct places. The same secret in the same places
// gives the same id on every run, so a receiver that keeps the ids it has
// handled ignores a nightly sweep's repeat; a new place gives a new id.
func EventID(secretHash string, places []string) string {
	ps := slices.Clone(places)
	slices.Sort(ps)
	ps = slices.Compact(ps)
	h := sha256.New()
	h.Write([]byte("leakstop rotate v1\x00"))
	h.Write([]byte(secretHash))
	for _, p := range ps {
		h.Write([]byte{0, 0})
		h.Write([]byte(p))
	}
	return "evt_" + hex.EncodeToString(h.Sum(nil)[:16])
}

// statusRank orders statuses by how sure they are that the secret works.
func statusRank(s detect.Status) int {
	switch s {
	case detect.StatusVerified:
		return 3
	case detect.StatusConfirmed:
		return 2
	case detect.StatusRevoked:
		return 1
	}
	return 0
}

// compareFindings is the order of places in an event: by repository,
// path, line, rule, commit.
func compareFindings(a, b detect.Finding) int {
	return cmp.Or(
		cmp.Compare(a.Source.Repo, b.Source.Repo),
		cmp.Compare(a.Path, b.Path),
		cmp.Compare(a.Line, b.Line),
		cmp.Compare(a.Column, b.Column),
		cmp.Compare(a.RuleID, b.RuleID),
		cmp.Compare(a.Source.Commit, b.Source.Commit),
		cmp.Compare(a.Fingerprint, b.Fingerprint),
	)
}
