package suppress

import (
	"crypto/sha256"
	"encoding/hex"
	"testing"

	"github.com/leakstop/leakstop/detect"
	"github.com/leakstop/leakstop/rules"
	"github.com/leakstop/leakstop/source"
)

// testRules has a rule renamed from old-token (its alias) and a generic
// password rule whose values may be weak.
func testRules() *rules.Set {
	return rules.NewSet(
		&rules.Rule{ID: "new-token", Aliases: []string{"old-token"}, Family: "saas"},
		&rules.Rule{ID: "other-token", Family: "saas"},
		&rules.Rule{ID: "generic-password", Family: "generic"},
	)
}

func sum(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

// finding builds a finding as detect does: the fingerprint hashes the rule,
// the path and the secret's hash (the bare hash for a weak secret without
// a hash key, and no secret_sha256 in that case).
func finding(rule, path, secret string, weak bool) detect.Finding {
	f := detect.Finding{
		RuleID: rule, Path: path, Line: 1, EndLine: 1, Lines: []int{1}, Weak: weak,
		Source: source.Origin{Kind: source.KindFile, Path: path, Root: "."},
		Secret: detect.NewSecret([]byte(secret)),
	}
	if !weak {
		f.SecretSHA256 = sum(secret)
	}
	f.Fingerprint = detect.Fingerprint(rule, path, sum(secret))
	return f
}

func TestListAccepts(t *testing.T) {
	set := testRules()
	token := finding("new-token", "app.env", "fake-token-value-1", false)
	copied := finding("new-token", "copy/app.env", "fake-token-value-1", false)
	other := finding("other-token", "app.env", "fake-token-value-1", false)
	weak := finding("generic-password", "db.ini", "hunter2hunter2", true)
	tests := []struct {
		name  string
		entry Entry
		f     detect.Finding
		want  bool
	}{
		{"fingerprint", Entry{Fingerprint: token.Fingerprint}, token, true},
		{"fingerprint in upper case", Entry{Fingerprint: upper(token.Fingerprint)}, token, true},
		{"fingerprint is of one path", Entry{Fingerprint: token.Fingerprint}, copied, false},
		{"rule and secret anywhere", Entry{RuleID: "new-token", SecretSHA256: token.SecretSHA256}, copied, true},
		{"rule and secret: another rule", Entry{RuleID: "new-token", SecretSHA256: token.SecretSHA256}, other, false},
		{"rule and secret: another secret", Entry{RuleID: "new-token", SecretSHA256: sum("something else")}, token, false},
		{"old rule id and secret", Entry{RuleID: "old-token", SecretSHA256: token.SecretSHA256}, token, true},
		{"fingerprint under the old rule id", Entry{Fingerprint: detect.Fingerprint("old-token", "app.env", token.SecretSHA256)}, token, true},
		{"old fingerprint is of one path", Entry{Fingerprint: detect.Fingerprint("old-token", "app.env", token.SecretSHA256)}, copied, false},
		{"unknown rule id", Entry{RuleID: "no-such-rule", SecretSHA256: token.SecretSHA256}, token, false},
		{"weak: fingerprint", Entry{Fingerprint: weak.Fingerprint}, weak, true},
		{"weak: never by rule and hash", Entry{RuleID: "generic-password", SecretSHA256: sum("hunter2hunter2")}, weak, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := NewList(set, tt.entry)
			if got := l.Accepts(&tt.f); got != tt.want {
				t.Errorf("Accepts = %v, want %v", got, tt.want)
			}
		})
	}
	var nilList *List
	if nilList.Accepts(&token) || NewList(set).Accepts(&token) || nilList.Len() != 0 {
		t.Error("an empty list accepts")
	}
}

// A weak secret whose fingerprint uses the HMAC (LEAKSTOP_HASH_KEY set)
// is matched under a renamed rule's old id too.
func TestListAcceptsWeakAlias(t *testing.T) {
	set := rules.NewSet(&rules.Rule{ID: "generic-password", Aliases: []string{"password"}, Family: "generic"})
	f := finding("generic-password", "db.ini", "hunter2hunter2", true)
	l := NewList(set, Entry{Fingerprint: detect.Fingerprint("password", "db.ini", sum("hunter2hunter2"))})
	if !l.Accepts(&f) {
		t.Error("weak secret without a key: old fingerprint not accepted")
	}
	f.SecretHMAC = sum("keyed")
	f.Fingerprint = detect.Fingerprint("generic-password", "db.ini", f.SecretHMAC)
	l = NewList(set, Entry{Fingerprint: detect.Fingerprint("password", "db.ini", f.SecretHMAC)})
	if !l.Accepts(&f) {
		t.Error("weak secret with a key: old fingerprint not accepted")
	}
}

func TestFilterSplit(t *testing.T) {
	set := testRules()
	inA := finding("new-token", "app.env", "fake-token-value-1", false)
	inA.Source.Root = "a"
	inB := inA
	inB.Source.Root = "b"
	base := finding("other-token", "x.env", "fake-token-value-2", false)
	keep := finding("other-token", "y.env", "fake-token-value-3", false)
	fl := &Filter{
		Rules:      set,
		Ignore:     NewList(set),
		RootIgnore: map[string]*List{"a": NewList(set, Entry{Fingerprint: inA.Fingerprint})},
		Baseline:   NewList(set, Entry{Fingerprint: base.Fingerprint}),
	}
	kept, accepted := fl.Split([]byte("no marker here\n"), []detect.Finding{inA, inB, base, keep})
	if len(kept) != 2 || kept[0].Source.Root != "b" || kept[1].Path != "y.env" {
		t.Errorf("kept %+v", kept)
	}
	if len(accepted) != 2 || accepted[0].Reason != IgnoreFile || accepted[1].Reason != Baseline {
		t.Errorf("accepted %+v", accepted)
	}
	var none *Filter
	if kept, accepted := none.Split(nil, []detect.Finding{keep}); len(kept) != 1 || accepted != nil {
		t.Error("a nil filter accepts")
	}
}

func TestFilterSplitInline(t *testing.T) {
	set := testRules()
	data := []byte("A=fake-token-value-1 # leakstop:allow\nB=fake-token-value-2\n")
	a := finding("new-token", "app.env", "fake-token-value-1", false)
	b := finding("new-token", "app.env", "fake-token-value-2", false)
	b.Line, b.EndLine, b.Lines = 2, 2, []int{2}
	kept, accepted := (&Filter{Rules: set}).Split(data, []detect.Finding{a, b})
	if len(kept) != 1 || kept[0].Line != 2 || len(accepted) != 1 || accepted[0].Reason != Inline {
		t.Errorf("kept %+v, accepted %+v", kept, accepted)
	}
}

// The entries of an ignore file are hashes: a generic rule that takes
// "generic-secret:<hash>" for an assignment does not report the file
// itself, while a secret pasted into it is reported.
func TestFilterSplitIgnoreFileEntries(t *testing.T) {
	set := testRules()
	hash := sum("x")
	data := []byte("# accepted\ngeneric-secret:" + hash + "\npassword: fake-token-value-1\n")
	entry := finding("generic-password", ".leakstopignore", hash, false)
	entry.Line, entry.EndLine, entry.Lines = 2, 2, []int{2}
	pasted := finding("generic-password", ".leakstopignore", "fake-token-value-1", false)
	pasted.Line, pasted.EndLine, pasted.Lines = 3, 3, []int{3}
	elsewhere := finding("generic-password", "notes.txt", hash, false)
	elsewhere.Line, elsewhere.EndLine, elsewhere.Lines = 2, 2, []int{2}
	kept, accepted := (&Filter{Rules: set}).Split(data, []detect.Finding{entry, pasted, elsewhere})
	if len(kept) != 2 || kept[0].Line != 3 || kept[1].Path != "notes.txt" || len(accepted) != 0 {
		t.Errorf("kept %+v, accepted %+v", kept, accepted)
	}
}

func upper(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'a' && c <= 'f' {
			b[i] = c - 'a' + 'A'
		}
	}
	return string(b)
}
