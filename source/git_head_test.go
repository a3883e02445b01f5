package source

import (
	"testing"

	"github.com/leakstop/leakstop/internal/gitfixture"
)

// A place is at HEAD when HEAD's tree still has the same content at that
// path: a copy deleted or edited away is history only.
func TestGitAtHead(t *testing.T) {
	gitfixture.Require(t)
	bothReaders(t, "at head", func(t *testing.T, goGitOnly bool) {
		r := gitfixture.New(t)
		tok := fakeToken(t)
		content := "key=" + tok + "\n"
		r.Commit("add a and b", map[string]string{"a.env": content, "dir/b.env": content, "c.env": content})
		r.Commit("drop the key from a", map[string]string{"a.env": "key=\n"})
		r.Remove("c.env")
		r.Commit("remove c", nil)
		r.Branch("side")
		r.Commit("side copy", map[string]string{"side.env": content})
		r.Checkout("main")

		s := runGit(t, &Git{Repo: r.Dir, goGitOnly: goGitOnly})
		f := s.one(t, tok)
		want := map[string]bool{"a.env": false, "dir/b.env": true, "c.env": false, "side.env": false}
		for p, at := range want {
			if o := originAt(t, f, p); o.AtHead != at {
				t.Errorf("%s: AtHead %v, want %v", p, o.AtHead, at)
			}
		}
		// Scanning the side branch, its tip is "now".
		s = runGit(t, &Git{Repo: r.Dir, Branch: "side", goGitOnly: goGitOnly})
		if o := originAt(t, s.one(t, tok), "side.env"); !o.AtHead {
			t.Errorf("side.env not at the tip of the branch scanned")
		}
	})
}

func TestGitRepoURL(t *testing.T) {
	gitfixture.Require(t)
	r := gitfixture.New(t)
	tok := fakeToken(t)
	r.Commit("add", map[string]string{"a.env": "key=" + tok + "\n"})
	s := runGit(t, &Git{Repo: r.Dir})
	if o := originAt(t, s.one(t, tok), "a.env"); o.RepoURL != "" {
		t.Errorf("no remote: RepoURL %q", o.RepoURL)
	}
	// Credentials in a remote never reach an origin.
	r.Git("remote", "add", "origin", "https://someone:"+"pass"+"word@git.example.com/team/app.git")
	s = runGit(t, &Git{Repo: r.Dir})
	if o := originAt(t, s.one(t, tok), "a.env"); o.RepoURL != "https://git.example.com/team/app" {
		t.Errorf("RepoURL %q", o.RepoURL)
	}
}

func TestWebURL(t *testing.T) {
	for remote, want := range map[string]string{
		"https://github.com/acme/app.git":               "https://github.com/acme/app",
		"https://github.com/acme/app":                   "https://github.com/acme/app",
		"https://user:x@GitHub.com/acme/app.git/":       "https://github.com/acme/app",
		"http://git.local:8080/group/sub/app.git":       "http://git.local:8080/group/sub/app",
		"git@github.com:acme/app.git":                   "https://github.com/acme/app",
		"github.com:acme/app":                           "https://github.com/acme/app",
		"ssh://git@gitlab.example.com:2222/g/app.git":   "https://gitlab.example.com/g/app",
		"git://example.org/pub/tool.git":                "https://example.org/pub/tool",
		"file:///srv/git/app.git":                       "",
		"/srv/git/app.git":                              "",
		"../app":                                        "",
		"C:/src/app":                                    "",
		"https://github.com/app.git":                    "",
		"https://github.com/acme/../app":                "",
		"ext::ssh -i key host %S":                       "",
		"":                                              "",
		"git@github.com:":                               "",
		"ssh://git@host/only":                           "",
		"https://github.com/acme/app\nx":                "",
		"git@evil.example.com:acme/app?<script>":        "https://evil.example.com/acme/app%3F%3Cscript%3E",
		"https://github.com/acme/app#frag":              "https://github.com/acme/app",
		"https://github.com/acme/app.git?ref=x":         "https://github.com/acme/app",
		"ssh://[2001:db8::1]/acme/app.git":              "",
		"https://user@bitbucket.org/team/repo.git":      "https://bitbucket.org/team/repo",
		"git+ssh://git@github.com/acme/app.git":         "https://github.com/acme/app",
		"  https://github.com/acme/app.git  ":           "https://github.com/acme/app",
		"https://github.com//acme/app":                  "https://github.com/acme/app",
		"https://github.com/acme/ app":                  "https://github.com/acme/%20app",
		"https://github.com/acme/%2e%2e/app":            "",
		"https://gitlab.com/group/subgroup/project.git": "https://gitlab.com/group/subgroup/project",
	} {
		if got := webURL(remote); got != want {
			t.Errorf("webURL(%q) = %q, want %q", remote, got, want)
		}
	}
}
