package suppress

import (
	"bytes"
	"strconv"
	"strings"
)

// ParseIgnore reads an ignore file (.leakstopignore) named name. Each line
// holds one entry:
//
//	# a comment; blank lines are allowed too
//	FINGERPRINT                  # this secret at this path
//	RULE_ID:SECRET_SHA256        # this secret anywhere
//
// A fingerprint and a SHA-256 are 64 hex digits; a comment may follow an
// entry after a space. Any other line is an error naming the file and the
// line; every bad line is reported, not only the first.
func ParseIgnore(name string, data []byte) ([]Entry, error) {
	var (
		entries []Entry
		errs    Errors
	)
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) // a byte order mark
	for n, raw := range bytes.Split(data, []byte("\n")) {
		line := strings.TrimSpace(string(raw))
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		rest := ""
		if i := strings.IndexAny(line, " \t"); i >= 0 {
			line, rest = line[:i], strings.TrimSpace(line[i:])
		}
		e, msg := parseEntry(line)
		if msg == "" && rest != "" && !strings.HasPrefix(rest, "#") {
			msg = "one entry per line (a comment after it starts with #)"
		}
		if msg != "" {
			errs = append(errs, &Error{File: name, Line: n + 1, Msg: msg})
			continue
		}
		e.At, e.Line = name+":"+strconv.Itoa(n+1), n+1
		entries = append(entries, e)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return entries, nil
}

// parseEntry reads one entry; msg says what is wrong with it.
func parseEntry(s string) (e Entry, msg string) {
	id, sum, isPair := strings.Cut(s, ":")
	switch {
	case !isPair && isSHA256(s):
		return Entry{Fingerprint: strings.ToLower(s)}, ""
	case !isPair:
		return e, "want a fingerprint (64 hex digits) or RULE_ID:SECRET_SHA256"
	case strings.Contains(sum, ":"):
		return e, "want a fingerprint or RULE_ID:SECRET_SHA256, with one ':' (paths and lines take no part)"
	case !isRuleID(id):
		return e, "before ':' want a rule id (lower-case letters, digits, '-' and '.'), as in RULE_ID:SECRET_SHA256"
	case !isSHA256(sum):
		return e, "after the rule id want a secret_sha256 (64 hex digits), as in RULE_ID:SECRET_SHA256"
	}
	return Entry{RuleID: id, SecretSHA256: strings.ToLower(sum)}, ""
}

// isSHA256 reports whether s is 64 hex digits.
func isSHA256(s string) bool {
	if len(s) != 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return true
}

// isRuleID reports whether s has the shape of a rule id (rules.Load's
// rule): lower-case letters, digits, '-' and '.', starting and ending with
// a letter or digit.
func isRuleID(s string) bool {
	if s == "" {
		return false
	}
	alnum := func(c byte) bool { return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' }
	for i := 0; i < len(s); i++ {
		if c := s[i]; !alnum(c) && c != '-' && c != '.' {
			return false
		}
	}
	return alnum(s[0]) && alnum(s[len(s)-1])
}
