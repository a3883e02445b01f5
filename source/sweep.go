package source

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"

	"github.com/leakstop/leakstop/internal/redact"
)

// Sweep reads the whole history of several repositories, each as Git
// reads one. Every origin of a repository's
// fragments carries the repository's Name as Repo and as Root, so a
// finding says which repository it is in and the same path in two
// repositories is two places. A repository that cannot be read is
// reported to Problems under its name, and the sweep goes on.
type Sweep struct {
	Repos []SweepRepo
	// Git is what to read of each repository: Branch, AllObjects,
	// MaxFileSize, Archive. Its Repo is not used.
	Git Git
}

// SweepRepo is one repository of a sweep.
type SweepRepo struct {
	// Name is the repository as reports name it: the list's entry made
	// canonical (a path or a clone URL without credentials).
	Name string
	// Dir is where the repository is on disk (a work tree, a .git folder,
	// a bare repository or a clone of a URL).
	Dir string
	// Err, when set, says why the repository could not be had (its clone
	// failed): it is reported, not read.
	Err error
}

var _ Source = (*Sweep)(nil)

// maxReposAtOnce bounds how many repositories a sweep reads at once:
// memory grows with each history held (see Git).
const maxReposAtOnce = 4

// Fragments reads the repositories, several at once: a history's walk
// runs on one core, so reading one repository at a time would leave the
// others idle. Each of the min(jobs, 4) repositories read at once has its
// share of the workers. It stops at the first error visit returns, or
// when ctx ends. Progress (when p has the ability) counts repositories.
func (s *Sweep) Fragments(ctx context.Context, jobs int, visit Visit, p Problems) error {
	jobs = max(jobs, 1)
	planned(p, len(s.Repos), "repositories")
	atOnce := max(min(jobs, maxReposAtOnce, len(s.Repos)), 1)
	per := jobs / atOnce
	inner, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		wg       sync.WaitGroup
		once     sync.Once
		visitErr error
	)
	slots := make(chan int, atOnce)
	for i := range atOnce {
		slots <- i
	}
next:
	for _, r := range s.Repos {
		var slot int
		select {
		case slot = <-slots:
		case <-inner.Done():
			break next
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { slots <- slot }()
			first := slot * per // this slot's workers: [first, first+per)
			err := s.read(inner, r, per, func(w int, f *Fragment) error { return visit(first+w, f) }, p)
			advanced(p, 1)
			if err != nil {
				once.Do(func() { visitErr = err; cancel() })
			}
		}()
	}
	wg.Wait()
	if visitErr != nil {
		return visitErr
	}
	return ctx.Err()
}

// read reads one repository on jobs workers, reporting to p what cannot
// be read. It returns only visit's error.
func (s *Sweep) read(ctx context.Context, r SweepRepo, jobs int, visit Visit, p Problems) error {
	if r.Err != nil {
		p.Error(r.Name, r.Err)
		return nil
	}
	g := s.Git
	g.Repo = r.Dir
	var (
		mu       sync.Mutex
		visitErr error
	)
	named := func(worker int, f *Fragment) error {
		for i := range f.Origins {
			f.Origins[i].Repo, f.Origins[i].Root = r.Name, r.Name
		}
		err := visit(worker, f)
		if err != nil {
			mu.Lock()
			visitErr = err
			mu.Unlock()
		}
		return err
	}
	err := g.Fragments(ctx, jobs, named, repoProblems{p: p, repo: r})
	mu.Lock()
	defer mu.Unlock()
	switch {
	case visitErr != nil:
		return visitErr
	case err != nil && ctx.Err() == nil:
		p.Error(r.Name, errors.New(r.named(err.Error())))
	}
	return nil
}

// named rewrites a message about the repository's folder to name the
// repository as reports do: the folder may be a temporary clone.
func (r SweepRepo) named(msg string) string {
	msg = strings.TrimPrefix(msg, r.Dir+": ")
	return strings.ReplaceAll(msg, r.Dir, r.Name)
}

// repoProblems passes a repository's problems on, each naming the
// repository: "NAME" for the repository as a whole, "NAME: PATH" for an
// item in it.
type repoProblems struct {
	p    Problems
	repo SweepRepo
}

func (rp repoProblems) where(path string) string {
	if path == "" || path == rp.repo.Dir {
		return rp.repo.Name
	}
	return rp.repo.Name + ": " + path
}

func (rp repoProblems) Error(path string, err error) {
	rp.p.Error(rp.where(path), errors.New(rp.repo.named(err.Error())))
}

func (rp repoProblems) Skip(path, reason string) {
	rp.p.Skip(rp.where(path), rp.repo.named(reason))
}

// RepoName makes an entry of a list of repositories canonical: what
// reports call the repository and what a sweep's shards are drawn by. A
// clone URL (scheme://…, or git's scp-like [user@]host:path) loses its
// user name and password, its scheme and host are lower-cased and
// trailing slashes dropped; remote says it is one. A path is cleaned and
// '/'-separated.
func RepoName(entry string) (name string, remote bool) {
	entry = strings.TrimSpace(entry)
	if scheme, rest, ok := strings.Cut(entry, "://"); ok && scheme != "" && !strings.ContainsAny(scheme, "/\\") {
		end := strings.IndexAny(rest, "/?#")
		if end < 0 {
			end = len(rest)
		}
		host := rest[:end]
		if at := strings.LastIndexByte(host, '@'); at >= 0 {
			host = host[at+1:]
		}
		return strings.ToLower(scheme) + "://" + strings.ToLower(host) + strings.TrimRight(rest[end:], "/"), true
	}
	if i := strings.IndexByte(entry, ':'); i > 1 && !strings.ContainsAny(entry[:i], "/\\") {
		return strings.TrimRight(entry, "/"), true // host:path, as git reads it
	}
	return filepath.ToSlash(filepath.Clean(entry)), false
}

// CloneBare clones the repository at url into dir, a bare repository
// holding its branches and tags, with the git command (which knows the
// user's credential helpers, SSH keys and url.<base>.insteadOf). git never
// prompts for a password here. The error quotes git's message, with any
// password in a URL masked.
func CloneBare(ctx context.Context, url, dir string) error {
	cmd := exec.CommandContext(ctx, "git", "clone", "--bare", "--quiet", "--", url, dir)
	cmd.Env = append(os.Environ(), "GIT_TERMINAL_PROMPT=0", "GCM_INTERACTIVE=never")
	out, err := cmd.CombinedOutput()
	if err == nil {
		return nil
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	msg := strings.TrimSpace(string(out))
	if msg == "" {
		msg = err.Error()
	}
	name, _ := RepoName(url)
	msg = strings.ReplaceAll(strings.ReplaceAll(msg, url, name), dir, "the clone")
	return fmt.Errorf("git clone: %s", redact.URLPasswords(msg))
}
