package source

import (
	"slices"
	"strings"
	"testing"

	"github.com/leakstop/leakstop/internal/gitfixture"
)

func TestParsePushUpdates(t *testing.T) {
	a, b := strings.Repeat("a", 40), strings.Repeat("B", 40)
	got, err := ParsePushUpdates(strings.NewReader("\nrefs/heads/x " + a + " refs/heads/y " + b + "\n\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := []PushUpdate{{"refs/heads/x", a, "refs/heads/y", strings.ToLower(b)}}
	if !slices.Equal(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
	for _, bad := range []string{
		"refs/heads/x " + a + " refs/heads/y\n",
		"refs/heads/x abc refs/heads/y " + a + "\n",
		"refs/heads/x " + a + " refs/heads/y " + a + " extra\n",
	} {
		_, err := ParsePushUpdates(strings.NewReader("refs/heads/ok " + a + " refs/heads/ok " + a + "\n" + bad))
		if err == nil || !strings.Contains(err.Error(), "line 2") {
			t.Errorf("%q: error %v, want one naming line 2", bad, err)
		}
	}
}

// pushRepo is a repository whose remote "origin" last had main at base.
type pushRepo struct {
	*gitfixture.Repo
	old, base string
}

func newPushRepo(t *testing.T) pushRepo {
	r := gitfixture.New(t)
	old := fakeToken(t)
	r.Commit("one", map[string]string{"app.cfg": "a=1\nold=" + old + "\n", "shared.txt": "shared before the push\n"})
	base := r.Commit("two", map[string]string{"README": "readme\n"})
	r.Git("update-ref", "refs/remotes/origin/main", base)
	return pushRepo{r, old, base}
}

func runPush(t *testing.T, r pushRepo, remote string, updates ...PushUpdate) (*gitScan, error) {
	t.Helper()
	return runHistory(t, &PrePush{Repo: r.Dir, Remote: remote, Updates: updates})
}

func TestPrePush(t *testing.T) {
	gitfixture.Require(t)
	t.Run("update of an existing branch scans only the new commits", func(t *testing.T) {
		r := newPushRepo(t)
		tok := fakeToken(t)
		c := r.Commit("add key", map[string]string{"app.cfg": "a=1\nold=" + r.old + "\nnew=" + tok + "\n"})
		s, err := runPush(t, r, "origin", PushUpdate{"refs/heads/main", c, "refs/heads/main", r.base})
		if err != nil {
			t.Fatal(err)
		}
		if len(s.frags) != 1 {
			t.Fatalf("%d fragments, want the one blob the push adds", len(s.frags))
		}
		if o := originAt(t, s.one(t, tok), "app.cfg"); o.Commit != c || !slices.Equal(o.Added, []LineRange{{3, 3}}) {
			t.Errorf("origin %s adding %v, want %s adding line 3 only", o.Commit, o.Added, c)
		}
	})
	t.Run("a new branch is only the commits no remote-tracking ref has", func(t *testing.T) {
		r := newPushRepo(t)
		r.Branch("topic")
		tok := fakeToken(t)
		c := r.Commit("topic work", map[string]string{"topic.env": "KEY=" + tok + "\n"})
		s, err := runPush(t, r, "origin", PushUpdate{"refs/heads/topic", c, "refs/heads/topic", zeroRev})
		if err != nil {
			t.Fatal(err)
		}
		if len(s.frags) != 1 || len(s.holding(tok)) != 1 {
			t.Errorf("%d fragments, want only topic.env", len(s.frags))
		}
	})
	t.Run("pushing to a URL: no remote-tracking refs, the whole branch", func(t *testing.T) {
		r := newPushRepo(t)
		s, err := runPush(t, r, "https://example.invalid/repo.git", PushUpdate{"refs/heads/main", r.base, "refs/heads/main", zeroRev})
		if err != nil {
			t.Fatal(err)
		}
		if len(s.holding(r.old)) != 1 || len(s.holding("shared before the push")) != 1 {
			t.Errorf("the branch's first commit was not scanned")
		}
	})
	t.Run("force-push over commits never fetched is bounded by the tracking refs", func(t *testing.T) {
		r := newPushRepo(t)
		tok := fakeToken(t)
		c := r.Commit("rewrite", map[string]string{"new.env": "K=" + tok + "\n"})
		unknown := strings.Repeat("1234abcd", 5)
		s, err := runPush(t, r, "origin", PushUpdate{"refs/heads/main", c, "refs/heads/main", unknown})
		if err != nil {
			t.Fatal(err)
		}
		if len(s.frags) != 1 || len(s.holding(tok)) != 1 {
			t.Errorf("%d fragments, want only new.env", len(s.frags))
		}
	})
	t.Run("several refs, deletions skipped", func(t *testing.T) {
		r := newPushRepo(t)
		r.Branch("a")
		ta := fakeToken(t)
		ca := r.Commit("a", map[string]string{"a.env": ta + "\n"})
		r.Checkout("main")
		r.Branch("b")
		tb := fakeToken(t)
		cb := r.Commit("b", map[string]string{"b.env": tb + "\n"})
		s, err := runPush(t, r, "origin",
			PushUpdate{"refs/heads/a", ca, "refs/heads/a", zeroRev},
			PushUpdate{"(delete)", zeroRev, "refs/heads/gone", r.base},
			PushUpdate{"refs/heads/b", cb, "refs/heads/b", r.base})
		if err != nil {
			t.Fatal(err)
		}
		if len(s.frags) != 2 || len(s.holding(ta)) != 1 || len(s.holding(tb)) != 1 {
			t.Errorf("%d fragments, want a.env and b.env", len(s.frags))
		}
	})
	t.Run("only deletions: nothing to scan", func(t *testing.T) {
		r := newPushRepo(t)
		s, err := runPush(t, r, "origin", PushUpdate{"(delete)", zeroRev, "refs/heads/gone", r.base})
		if err != nil || len(s.frags) != 0 {
			t.Errorf("err %v, %d fragments; want nothing", err, len(s.frags))
		}
	})
	t.Run("an unknown local commit fails closed", func(t *testing.T) {
		r := newPushRepo(t)
		unknown := strings.Repeat("5678abcd", 5)
		_, err := runPush(t, r, "origin", PushUpdate{"refs/heads/main", unknown, "refs/heads/main", r.base})
		if err == nil || !strings.Contains(err.Error(), unknown) {
			t.Errorf("error %v, want one naming %s", err, unknown)
		}
	})
}
