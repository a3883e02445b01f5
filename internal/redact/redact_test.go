package redact

import (
	"strings"
	"sync"
	"testing"
)

func TestSetMasksKnownSecrets(t *testing.T) {
	s := &Set{Mask: func(b []byte) string { return string(b[:2]) + "***" }}
	long := "tok_" + strings.Repeat("Q7xW", 5)
	s.Add([]byte(long))
	s.Add([]byte(long[:10])) // a secret inside another
	s.Add([]byte("abc"))     // too short to mask
	s.Add([]byte("multi\nline\"secret"))
	tests := []struct{ in, want string }{
		{"read " + long + " failed", "read to*** failed"},
		{"prefix " + long[:10] + "!", "prefix to***!"},
		{"abc stays", "abc stays"},
		{`quoted "multi\nline\"secret"`, `quoted "mu***"`},
		{"raw multi\nline\"secret", "raw mu***"},
		{"nothing here", "nothing here"},
	}
	for _, tt := range tests {
		if got := s.String(tt.in); got != tt.want {
			t.Errorf("String(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if s.Len() != 3 {
		t.Errorf("Len() = %d, want 3", s.Len())
	}
}

func TestURLPasswords(t *testing.T) {
	tests := []struct{ in, want string }{
		{"fatal: https://deploy:hunter2@example.com/x.git not found", "fatal: https://deploy:****@example.com/x.git not found"},
		{"postgres://u:p%40ss@db:5432/app?ssl=1", "postgres://u:****@db:5432/app?ssl=1"},
		{"a https://x:y@h b ftp://c:d@e", "a https://x:****@h b ftp://c:****@e"},
		{"https://user@host/ and https://host:443/", "https://user@host/ and https://host:443/"},
		{"https://:token@host", "https://:****@host"},
		{"no url at all", "no url at all"},
		{"trailing ://", "trailing ://"},
		{`"https://a:b@c"`, `"https://a:****@c"`},
	}
	for _, tt := range tests {
		if got := URLPasswords(tt.in); got != tt.want {
			t.Errorf("URLPasswords(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSetConcurrent(t *testing.T) {
	var s Set
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 100; j++ {
				secret := strings.Repeat(string(rune('a'+i)), 8+j%4)
				s.Add([]byte(secret))
				if got := s.String("x " + secret + " y"); strings.Contains(got, secret) {
					t.Errorf("%q not masked: %q", secret, got)
					return
				}
			}
		}()
	}
	wg.Wait()
}

func TestNilSet(t *testing.T) {
	var s *Set
	if got := s.String("https://a:b@c"); got != "https://a:****@c" {
		t.Errorf("nil set: %q", got)
	}
}
