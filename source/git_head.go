package source

import (
	"net/url"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
)

// headCommit is the commit a scan counts as "now", whose tree tells which
// places of the history are still there (Origin.AtHead): the tip of the
// branch or range scanned, the one tip of a push, else HEAD. ok is false
// when there is none (an unborn branch, several tips of a push).
func (g *Git) headCommit(repo *gitRepo, sel selection) (plumbing.Hash, bool) {
	if (g.Branch != "" || g.Range != "" || g.preset != nil) && len(sel.tips) == 1 {
		return sel.tips[0], true
	}
	if g.preset != nil {
		return plumbing.ZeroHash, false
	}
	h, err := resolveCommit(repo, "HEAD")
	return h, err == nil
}

// readHead records the file at each path of commit c's tree, for
// origin to tell whether a blob is still at its path there.
func (h *history) readHead(c plumbing.Hash) {
	th, ok := h.parentTree(c)
	if !ok {
		return
	}
	h.head = map[pathKey]objID{}
	var walk func(dir dirID, tree objID)
	walk = func(dir dirID, tree objID) {
		t, ok := h.tree(tree, dir)
		if !ok {
			return
		}
		for _, e := range t {
			switch {
			case e.mode == filemode.Dir:
				walk(h.in.subdir(dir, e.name), e.obj)
			case isFile(e.mode):
				h.head[pathKey{dir, e.name}] = e.obj
			}
		}
	}
	walk(0, h.in.obj(th))
}

// atHead reports whether blob id is at path k in the head tree.
func (h *history) atHead(k pathKey, id plumbing.Hash) bool {
	oid, ok := h.in.idOf[id]
	if !ok {
		return false
	}
	at, ok := h.head[k]
	return ok && at == oid
}

// remoteWebURL is the web address of a repository's origin remote (or of
// its only remote), for reports to link commits to; "" when it has none
// that names a host.
func remoteWebURL(repo *gitRepo) string {
	cfg, err := repo.r.Config()
	if err != nil {
		return ""
	}
	rc, ok := cfg.Remotes["origin"]
	if !ok && len(cfg.Remotes) == 1 {
		for _, only := range cfg.Remotes {
			rc = only
		}
	}
	if rc == nil || len(rc.URLs) == 0 {
		return ""
	}
	return webURL(rc.URLs[0])
}

// webURL turns a remote URL into the repository's web address:
// git@host:owner/name.git, ssh://git@host:22/owner/name and
// https://user:token@host/owner/name.git all give https://host/owner/name.
// Credentials never survive. A local path, a file:// URL or an address
// without at least an owner and a name gives "".
func webURL(remote string) string {
	remote = strings.TrimSpace(remote)
	scheme, host, path := "https", "", ""
	if i := strings.Index(remote, "://"); i >= 0 {
		u, err := url.Parse(remote)
		if err != nil || u.Host == "" {
			return ""
		}
		switch u.Scheme {
		case "https", "http":
			scheme, host = u.Scheme, u.Host // keeps a port: a web server's
		case "ssh", "git", "git+ssh", "ssh+git":
			host = u.Hostname() // an ssh or git port is not the web server's
			if strings.Contains(host, ":") {
				return "" // an IPv6 address: no forge is reached that way
			}
		default:
			return ""
		}
		path = u.Path
	} else {
		// scp-like: [user@]host:path, where host has no '/'.
		hostPart, p, ok := strings.Cut(remote, ":")
		if !ok || strings.Contains(hostPart, "/") || strings.HasPrefix(p, "//") {
			return ""
		}
		if _, h, ok := strings.Cut(hostPart, "@"); ok {
			hostPart = h
		}
		if len(hostPart) == 1 {
			return "" // a Windows drive: C:/src/repo
		}
		host, path = hostPart, p
	}
	if host == "" || strings.ContainsAny(host, "@/\\ ") {
		return ""
	}
	path = strings.TrimSuffix(strings.Trim(path, "/"), ".git")
	path = strings.TrimSuffix(path, "/")
	if strings.Count(path, "/") < 1 || strings.Contains(path, "//") {
		return ""
	}
	for _, seg := range strings.Split(path, "/") {
		if seg == "" || seg == "." || seg == ".." {
			return ""
		}
	}
	return (&url.URL{Scheme: scheme, Host: strings.ToLower(host), Path: "/" + path}).String()
}
