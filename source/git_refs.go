package source

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// readRefs lists the repository's refs, HEAD among them. go-git gives up
// on the whole list at one malformed line of packed-refs (and so does
// git); then the loose refs and the good lines of packed-refs are read
// here, and each line that could not be is returned in bad, so that one
// damaged line hides no history.
func readRefs(repo *gitRepo) (refs []*plumbing.Reference, bad []error) {
	iter, err := repo.st.IterReferences()
	if err == nil {
		err = iter.ForEach(func(ref *plumbing.Reference) error {
			refs = append(refs, ref)
			return nil
		})
		if err == nil {
			return refs, nil
		}
	}
	return readRefFiles(repo)
}

// readRefFiles reads HEAD, the loose refs and packed-refs as files.
func readRefFiles(repo *gitRepo) (refs []*plumbing.Reference, bad []error) {
	seen := map[plumbing.ReferenceName]bool{}
	add := func(name, target string) error {
		ref := plumbing.NewReferenceFromStrings(name, target)
		if ref.Type() == plumbing.HashReference && !plumbing.IsHash(target) {
			return fmt.Errorf("%q is not an object id", target)
		}
		if !seen[ref.Name()] {
			seen[ref.Name()] = true
			refs = append(refs, ref)
		}
		return nil
	}
	readLoose := func(dir, name string) {
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil {
			bad = append(bad, fmt.Errorf("ref %s: %w", name, plainError(err)))
			return
		}
		if err := add(name, strings.TrimSpace(string(b))); err != nil {
			bad = append(bad, fmt.Errorf("ref %s: %w", name, err))
		}
	}
	if _, err := os.Stat(filepath.Join(repo.gitDir, "HEAD")); err == nil {
		readLoose(repo.gitDir, "HEAD")
	}
	// Loose refs take precedence over packed ones: read them first.
	refsDir := filepath.Join(repo.common, "refs")
	filepath.WalkDir(refsDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			bad = append(bad, fmt.Errorf("refs: %w", plainError(err)))
			return nil
		}
		if d.Type().IsRegular() {
			rel, _ := filepath.Rel(repo.common, p)
			readLoose(repo.common, filepath.ToSlash(rel))
		}
		return nil
	})
	f, err := os.Open(filepath.Join(repo.common, "packed-refs"))
	if errors.Is(err, fs.ErrNotExist) {
		return refs, bad
	}
	if err != nil {
		return refs, append(bad, fmt.Errorf("packed-refs: %w", plainError(err)))
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' || line[0] == '^' { // header, peeled tag
			continue
		}
		id, name, ok := strings.Cut(line, " ")
		if !ok || !strings.HasPrefix(name, "refs/") {
			bad = append(bad, fmt.Errorf("packed-refs:%d: not a ref line", n))
			continue
		}
		if err := add(name, id); err != nil {
			bad = append(bad, fmt.Errorf("packed-refs:%d: %s: %w", n, name, err))
		}
	}
	if err := sc.Err(); err != nil {
		bad = append(bad, fmt.Errorf("packed-refs: %w", err))
	}
	return refs, bad
}

// brokenRefs returns what makes refs useless: lines of packed-refs or ref
// files that cannot be read, and refs that name an object the repository
// does not have or cannot read (the history behind them cannot be
// scanned). A ref to a tree or a blob (git tag can make one) is not
// broken, nor is a symbolic ref to a branch not yet born (HEAD of an
// empty repository).
func brokenRefs(repo *gitRepo) []error {
	refs, bad := readRefs(repo)
	for _, ref := range refs {
		if ref.Type() != plumbing.HashReference {
			continue
		}
		if err := peelError(repo, ref.Hash()); err != nil {
			bad = append(bad, fmt.Errorf("ref %s: %w", ref.Name(), err))
		}
	}
	return bad
}

// peelError follows a ref's object through annotated tags and says why it
// cannot: a missing or unreadable object, or a cycle of tags.
func peelError(repo *gitRepo, h plumbing.Hash) error {
	if h.IsZero() {
		return errors.New("does not hold an object id")
	}
	for range 16 {
		obj, err := repo.st.EncodedObject(plumbing.AnyObject, h)
		if err != nil {
			return fmt.Errorf("object %s: %w", h, err)
		}
		if obj.Type() != plumbing.TagObject {
			return nil
		}
		t, err := object.DecodeTag(repo.st, obj)
		if err != nil {
			return fmt.Errorf("tag %s: %w", h, err)
		}
		h = t.Target
	}
	return fmt.Errorf("tag %s: tags of tags 16 deep", h)
}
