package suppress

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"

	"github.com/leakstop/leakstop/detect"
)

// BaselineVersion is the version of the baseline format. A baseline of
// another version is refused rather than misread.
const BaselineVersion = 1

// baselineFile is the baseline as written: no lines, no commits, no
// timestamps and no secrets, entries sorted, so it diffs well and does not
// change when code moves.
type baselineFile struct {
	Version  int             `json:"version"`
	Findings []baselineEntry `json:"findings"`
}

type baselineEntry struct {
	RuleID       string `json:"rule_id"`
	Path         string `json:"path"`
	Fingerprint  string `json:"fingerprint"`
	SecretSHA256 string `json:"secret_sha256,omitempty"`
}

// WriteBaseline writes findings to w as a baseline: one entry per
// fingerprint, sorted by path, rule and fingerprint. A weak secret's entry
// has no secret_sha256 (reports carry none). It returns the number of
// entries.
func WriteBaseline(w io.Writer, fs []detect.Finding) (int, error) {
	out := baselineFile{Version: BaselineVersion, Findings: []baselineEntry{}}
	seen := map[string]bool{}
	for _, f := range fs {
		if seen[f.Fingerprint] {
			continue
		}
		seen[f.Fingerprint] = true
		e := baselineEntry{RuleID: f.RuleID, Path: f.Path, Fingerprint: f.Fingerprint}
		if !f.Weak {
			e.SecretSHA256 = f.SecretSHA256
		}
		out.Findings = append(out.Findings, e)
	}
	slices.SortFunc(out.Findings, func(a, b baselineEntry) int {
		return cmp.Or(cmp.Compare(a.Path, b.Path), cmp.Compare(a.RuleID, b.RuleID), cmp.Compare(a.Fingerprint, b.Fingerprint))
	})
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return len(out.Findings), enc.Encode(out)
}

// ParseBaseline reads a baseline named name. Every bad entry is reported
// with its line; fields it does not know are ignored (a later version of
// the format may add some).
func ParseBaseline(name string, data []byte) ([]Entry, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	var (
		entries []Entry
		errs    Errors
		version *int
	)
	// syntax turns a decoding error into a positioned one; a type error's
	// offset counts from the start of the value decoded, at base.
	syntax := func(err error, base int) error {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		var ue *unexpectedError
		switch {
		case errors.As(err, &ue):
			return &Error{File: name, Line: lineAt(data, int(ue.off)), Msg: fmt.Sprintf("not a baseline: want %q", ue.want.String())}
		case errors.As(err, &se):
			return &Error{File: name, Line: lineAt(data, int(se.Offset)), Msg: "not a baseline: " + se.Error()}
		case errors.As(err, &te):
			return &Error{File: name, Line: lineAt(data, base+int(te.Offset)), Msg: fmt.Sprintf("%s: want a %s", te.Field, te.Type)}
		case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
			return &Error{File: name, Msg: "not a baseline: the JSON ends early"}
		}
		return &Error{File: name, Msg: "not a baseline: " + err.Error()}
	}
	if err := expectDelim(dec, '{'); err != nil {
		return nil, syntax(err, 0)
	}
	sawFindings := false
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, syntax(err, 0)
		}
		switch tok {
		case "version":
			version = new(int)
			start := skipSpace(data, int(dec.InputOffset()))
			if err := dec.Decode(version); err != nil {
				return nil, syntax(err, start)
			}
		case "findings":
			sawFindings = true
			if err := expectDelim(dec, '['); err != nil {
				return nil, syntax(err, 0)
			}
			for i := 0; dec.More(); i++ {
				start := skipSpace(data, int(dec.InputOffset()))
				var be baselineEntry
				if err := dec.Decode(&be); err != nil {
					return nil, syntax(err, start)
				}
				line := lineAt(data, start)
				e, msg := be.check()
				if msg != "" {
					errs = append(errs, &Error{File: name, Line: line, Msg: fmt.Sprintf("findings[%d]: %s", i, msg)})
					continue
				}
				e.At, e.Line = name+":"+strconv.Itoa(line), line
				entries = append(entries, e)
			}
			if err := expectDelim(dec, ']'); err != nil {
				return nil, syntax(err, 0)
			}
		default:
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return nil, syntax(err, 0)
			}
		}
	}
	if err := expectDelim(dec, '}'); err != nil {
		return nil, syntax(err, 0)
	}
	switch {
	case version == nil:
		errs = append(Errors{{File: name, Msg: "not a baseline: no \"version\" (write one with --write-baseline)"}}, errs...)
	case *version != BaselineVersion:
		errs = append(Errors{{File: name, Msg: fmt.Sprintf("baseline version %d: this leakstop reads version %d", *version, BaselineVersion)}}, errs...)
	case !sawFindings:
		errs = append(errs, &Error{File: name, Msg: "not a baseline: no \"findings\" list"})
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return entries, nil
}

// check validates an entry: it needs a fingerprint, or a rule id and a
// secret_sha256.
func (be baselineEntry) check() (Entry, string) {
	e := Entry{RuleID: be.RuleID, Path: be.Path}
	switch {
	case be.Fingerprint != "" && !isSHA256(be.Fingerprint):
		return e, "fingerprint: want 64 hex digits"
	case be.SecretSHA256 != "" && !isSHA256(be.SecretSHA256):
		return e, "secret_sha256: want 64 hex digits"
	case be.RuleID != "" && !isRuleID(be.RuleID):
		return e, "rule_id: want lower-case letters, digits, '-' and '.'"
	case be.Fingerprint == "" && (be.RuleID == "" || be.SecretSHA256 == ""):
		return e, "want a fingerprint, or a rule_id and a secret_sha256"
	}
	e.Fingerprint = be.Fingerprint
	if be.RuleID != "" {
		e.SecretSHA256 = be.SecretSHA256
	}
	return e, ""
}

// expectDelim reads the next token and checks it is d.
func expectDelim(dec *json.Decoder, d json.Delim) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	if tok != d {
		return &unexpectedError{want: d, off: dec.InputOffset()}
	}
	return nil
}

// unexpectedError is a JSON value where a delimiter belongs.
type unexpectedError struct {
	want json.Delim
	off  int64
}

func (e *unexpectedError) Error() string { return fmt.Sprintf("want %q", e.want.String()) }

// skipSpace returns the offset of the first byte at or after off that is
// not JSON white space or a separator.
func skipSpace(data []byte, off int) int {
	for off < len(data) && bytes.IndexByte([]byte(" \t\r\n,:"), data[off]) >= 0 {
		off++
	}
	return off
}

// lineAt is the 1-based line of offset off.
func lineAt(data []byte, off int) int {
	return bytes.Count(data[:min(max(off, 0), len(data))], []byte("\n")) + 1
}
