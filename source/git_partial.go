package source

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
)

// Two things git does that go-git does not, honoured here when git is
// installed:
//
//   - safe.directory: git refuses a repository owned by another user
//     unless the user trusts it. leakstop refuses it the same way, with
//     git's remedy, rather than reading it behind git's back.
//   - Partial clones (git clone --filter=blob:none): blobs the clone has
//     not fetched are fetched by git on demand, one object per round trip
//     to the promisor remote. leakstop asks for every missing blob it
//     needs in one fetch before reading; what still cannot be had (no
//     network, a remote that refuses) is listed as skipped, never fetched
//     one by one.

// ErrUntrustedRepository is returned for a repository git refuses to
// use because another user owns it.
var ErrUntrustedRepository = errors.New("repository owned by another user")

// checkSafeDirectory asks git whether it would use the repository it
// finds at path, as `git -C path` would (git checks ownership when it
// discovers a repository, not when given --git-dir). Without git, or when
// git fails for another reason, it says nothing: the scan reports what it
// cannot read.
func checkSafeDirectory(ctx context.Context, path, gitDir string) error {
	if _, err := exec.LookPath("git"); err != nil {
		return nil
	}
	cmd := exec.CommandContext(ctx, "git", "-C", path, "rev-parse", "--git-dir")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err == nil || !strings.Contains(stderr.String(), "dubious ownership") {
		return nil
	}
	trusted := filepath.Dir(gitDir) // git names the work tree, or a bare repository itself
	if filepath.Base(gitDir) != ".git" {
		trusted = gitDir
	}
	if abs, err := filepath.Abs(trusted); err == nil {
		trusted = abs
	}
	return fmt.Errorf("%s: %w: git refuses to use it (safe.directory); if you trust it: git config --global --add safe.directory %s",
		path, ErrUntrustedRepository, trusted)
}

// promisorRemote returns the remote a partial clone fetches missing
// objects from, or "" when the repository is not a partial clone.
func promisorRemote(ctx context.Context, gitDir string) string {
	get := func(args ...string) string {
		out, err := exec.CommandContext(ctx, "git", append([]string{"--git-dir=" + gitDir, "config"}, args...)...).Output()
		if err != nil {
			return ""
		}
		return strings.TrimSpace(string(out))
	}
	if r := get("--get", "extensions.partialclone"); r != "" {
		return r
	}
	for line := range strings.Lines(get("--get-regexp", `^remote\..*\.promisor$`)) {
		key, value, _ := strings.Cut(strings.TrimSpace(line), " ")
		if value == "true" {
			return strings.TrimSuffix(strings.TrimPrefix(key, "remote."), ".promisor")
		}
	}
	return ""
}

// fetchMissing makes sure a partial clone has the blobs of ids: those
// its object store lacks are fetched from the promisor remote in one
// request. It returns the ids still missing afterwards (all of them when
// the fetch failed), so the caller can list them instead of letting git
// fetch each on demand.
func (h *history) fetchMissing(ctx context.Context, ids []plumbing.Hash) map[plumbing.Hash]bool {
	if h.cat == nil {
		return nil
	}
	remote := promisorRemote(ctx, h.repo.gitDir)
	if remote == "" {
		return nil
	}
	missing := h.absent(ids)
	if len(missing) == 0 {
		return nil
	}
	var list strings.Builder
	for id := range missing {
		list.WriteString(id.String())
		list.WriteByte('\n')
	}
	cmd := exec.CommandContext(ctx, "git", "--git-dir="+h.repo.gitDir, "fetch", "--quiet",
		"--no-tags", "--no-write-fetch-head", "--recurse-submodules=no", "--filter=blob:none",
		"--stdin", remote)
	cmd.Stdin = strings.NewReader(list.String())
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		h.p.Skip(h.g.Repo, fmt.Sprintf("partial clone: fetching %d missing blobs from %s failed: %s",
			len(missing), remote, firstLine(msg)))
		return missing
	}
	h.repo.st.Reindex() // the fetch wrote a pack go-git has not indexed
	return h.absent(ids)
}

// absent returns the ids the object store lacks. The store's own lookup
// is used, not git's, which would fetch each one.
func (h *history) absent(ids []plumbing.Hash) map[plumbing.Hash]bool {
	out := map[plumbing.Hash]bool{}
	for _, id := range ids {
		if err := h.repo.st.HasEncodedObject(id); err != nil {
			out[id] = true
		}
	}
	return out
}
