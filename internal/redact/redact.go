// Package redact masks secrets in text meant for people: log lines and
// messages. A Set learns the secrets a run finds and masks each of them
// wherever it occurs in a string, and masks the password of any URL
// (scheme://user:password@host), which a tool's error message may carry
// though no rule found it.
package redact

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// MinLen is the shortest secret a Set masks: shorter strings are too
// likely to occur in unrelated text for masking them to be worth mangling
// every log line that holds them.
const MinLen = 4

// Set is a set of secrets to mask. The zero value masks URL passwords
// only. It is safe for concurrent use.
type Set struct {
	// Mask returns what stands for a secret in text; nil: "[REDACTED]".
	Mask func(secret []byte) string

	mu       sync.Mutex
	secrets  map[string]bool
	replacer *strings.Replacer // nil when secrets changed since it was built
}

// Add adds a secret to mask. It copies nothing it does not keep.
func (s *Set) Add(secret []byte) {
	if len(secret) < MinLen {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.secrets[string(secret)] {
		return
	}
	if s.secrets == nil {
		s.secrets = map[string]bool{}
	}
	s.secrets[string(secret)] = true
	s.replacer = nil
}

// Len is the number of secrets known.
func (s *Set) Len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.secrets)
}

// String returns text with every known secret, also as Go or JSON would
// quote it, masked, and the password of every URL in it masked.
func (s *Set) String(text string) string {
	if s != nil {
		if r := s.current(); r != nil {
			text = r.Replace(text)
		}
	}
	return URLPasswords(text)
}

// current returns the replacer for the secrets known now, building it
// when they changed.
func (s *Set) current() *strings.Replacer {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.secrets) == 0 {
		return nil
	}
	if s.replacer != nil {
		return s.replacer
	}
	type pair struct{ old, new string }
	var pairs []pair
	for secret := range s.secrets {
		mask := s.mask([]byte(secret))
		pairs = append(pairs, pair{secret, mask})
		// A secret holding quotes, backslashes or line breaks reaches a
		// message escaped as often as raw: %q, JSON, a quoted error.
		if q := strconv.Quote(secret); q[1:len(q)-1] != secret {
			pairs = append(pairs, pair{q[1 : len(q)-1], mask})
		}
	}
	// Longest first, so that a secret holding another is masked whole;
	// then by text, so the replacer does not depend on map order.
	slices.SortFunc(pairs, func(a, b pair) int {
		return cmp.Or(cmp.Compare(len(b.old), len(a.old)), cmp.Compare(a.old, b.old))
	})
	args := make([]string, 0, 2*len(pairs))
	for _, p := range pairs {
		args = append(args, p.old, p.new)
	}
	s.replacer = strings.NewReplacer(args...)
	return s.replacer
}

func (s *Set) mask(secret []byte) string {
	if s.Mask != nil {
		return s.Mask(secret)
	}
	return "[REDACTED]"
}

// URLPasswords masks the password of every URL with one in text:
// "https://deploy:hunter2@example.com" becomes
// "https://deploy:****@example.com".
func URLPasswords(text string) string {
	var b strings.Builder
	rest := text
	for {
		i := strings.Index(rest, "://")
		if i < 0 {
			break
		}
		authStart := i + len("://")
		authEnd := authStart + strings.IndexFunc(rest[authStart:], endsAuthority)
		if authEnd < authStart { // no end: the authority runs to the end of text
			authEnd = len(rest)
		}
		auth := rest[authStart:authEnd]
		at := strings.LastIndexByte(auth, '@')
		colon := strings.IndexByte(auth, ':')
		if at < 0 || colon < 0 || colon > at || colon == at-1 {
			b.WriteString(rest[:authStart])
			rest = rest[authStart:]
			continue
		}
		b.WriteString(rest[:authStart+colon+1])
		b.WriteString("****")
		b.WriteString(rest[authStart+at : authEnd])
		rest = rest[authEnd:]
	}
	if b.Len() == 0 {
		return text
	}
	b.WriteString(rest)
	return b.String()
}

// endsAuthority reports whether r ends the authority (user:password@host)
// of a URL.
func endsAuthority(r rune) bool {
	switch r {
	case '/', '?', '#', ' ', '\t', '\n', '\r', '"', '\'', '<', '>', '`':
		return true
	}
	return false
}
