package source

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
)

// PushUpdate is one line of what git hands a pre-push hook on stdin: a
// local ref and commit about to replace a remote ref and commit. An id of
// all zeros is git's "none": a LocalSHA of zeros deletes the remote ref, a
// RemoteSHA of zeros creates it. The commits may also be revisions (a
// branch name), as the pre-commit framework may pass them.
type PushUpdate struct {
	LocalRef, LocalSHA, RemoteRef, RemoteSHA string
}

// Deletes reports whether the update deletes the remote ref (nothing is
// sent, nothing to scan).
func (u PushUpdate) Deletes() bool { return u.LocalSHA == zeroRev }

// ParsePushUpdates reads git's pre-push lines, "<local ref> <local sha>
// <remote ref> <remote sha>". Blank lines are ignored; anything else that
// is not such a line is an error naming its line number, since a hook that
// misreads its input must not pass the push.
func ParsePushUpdates(r io.Reader) ([]PushUpdate, error) {
	var out []PushUpdate
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		f := strings.Fields(line)
		if len(f) != 4 || !plumbing.IsHash(f[1]) || !plumbing.IsHash(f[3]) {
			return nil, fmt.Errorf("line %d: %q: want \"<local ref> <local sha> <remote ref> <remote sha>\"", n, line)
		}
		out = append(out, PushUpdate{LocalRef: f[0], LocalSHA: strings.ToLower(f[1]), RemoteRef: f[2], RemoteSHA: strings.ToLower(f[3])})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading the ref lines: %w", err)
	}
	return out, nil
}

// PrePush is what a push would send: for each updated ref, the commits
// reachable from its new local commit that the remote does not already
// have. Those are the commits reachable from none of the remote's old
// commit (when this repository has it) and the remote-tracking refs of
// Remote (refs/remotes/REMOTE/*), as git's own sample hook computes them:
// a new branch is only its own commits, and a branch force-pushed over
// commits never fetched is still bounded by what was fetched. There is no
// cap on the number of commits. Origins are those of Git, with the lines
// each commit added (Origin.Added), so a finding counts only where the
// push adds it.
//
// If the range cannot be determined (a local commit this repository does
// not have), Fragments fails: a hook must never pass a push it could not
// check.
type PrePush struct {
	// Repo is the repository, as for Git.
	Repo string
	// Remote is the name git passes to the hook: a configured remote's
	// name, or the URL when the push names one directly (then no
	// remote-tracking refs bound the range).
	Remote string
	// Updates are the ref lines; deletions are skipped.
	Updates []PushUpdate
	// MaxFileSize skips larger blobs (listed as skipped); 0: no limit.
	MaxFileSize int64
	// Archive bounds the opening of archives, as for Git.
	Archive ArchiveLimits
}

var _ Source = (*PrePush)(nil)

// Fragments scans the commits the push would send, each blob once.
func (pp *PrePush) Fragments(ctx context.Context, jobs int, visit Visit, p Problems) error {
	repo, err := openGit(pp.Repo)
	if err != nil {
		return err
	}
	sel, err := pp.selection(repo)
	repo.close()
	if err != nil {
		return err
	}
	if len(sel.tips) == 0 {
		return nil // only deletions, or nothing to push
	}
	g := &Git{Repo: pp.Repo, MaxFileSize: pp.MaxFileSize, Archive: pp.Archive, preset: &sel}
	return g.Fragments(ctx, jobs, visit, p)
}

// selection turns the updates into tips and the commits to leave out.
func (pp *PrePush) selection(repo *gitRepo) (selection, error) {
	sel := selection{ranged: true}
	for _, u := range pp.Updates {
		if u.Deletes() {
			continue
		}
		tip, err := resolveCommit(repo, u.LocalSHA)
		if err != nil {
			return sel, fmt.Errorf("push of %s: %w", u.LocalRef, err)
		}
		sel.tips = append(sel.tips, tip)
		if u.RemoteSHA == zeroRev {
			continue
		}
		if base, err := resolveCommit(repo, u.RemoteSHA); err == nil {
			sel.exclude = append(sel.exclude, base)
		} // else: the remote moved to commits never fetched; the remote-tracking refs bound the range
	}
	if len(sel.tips) == 0 {
		return sel, nil
	}
	tracking, err := remoteTips(repo, pp.Remote)
	if err != nil {
		return sel, err
	}
	sel.exclude = append(sel.exclude, tracking...)
	return sel, nil
}

// remoteTips lists the commits of the remote-tracking refs of remote
// (refs/remotes/REMOTE/*): what the remote had when last fetched. A URL
// in place of a name has none.
func remoteTips(repo *gitRepo, remote string) ([]plumbing.Hash, error) {
	if remote == "" {
		return nil, nil
	}
	prefix := "refs/remotes/" + remote + "/"
	iter, err := repo.st.IterReferences()
	if err != nil {
		return nil, fmt.Errorf("listing refs: %w", err)
	}
	var out []plumbing.Hash
	err = iter.ForEach(func(ref *plumbing.Reference) error {
		if ref.Type() == plumbing.HashReference && strings.HasPrefix(ref.Name().String(), prefix) {
			if c, ok := peelToCommit(repo, ref.Hash()); ok {
				out = append(out, c)
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("listing refs: %w", err)
	}
	return out, nil
}
