package source

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// commitNode is what the walk keeps of a commit.
type commitNode struct {
	hash    plumbing.Hash
	tree    plumbing.Hash
	parents []plumbing.Hash
	shallow bool // its parents are not in the repository
	author  string
	when    time.Time
	subject string
}

// pathName is a path in a tree as stored (raw) and as reported (canon).
type pathName struct{ raw, canon string }

// blobProv is the provenance of one blob: every path it was introduced at.
type blobProv struct {
	paths []*pathProv
	read  bool // handed to a worker, skipped or reported
}

// pathProv is the provenance of one blob at one path.
type pathProv struct {
	path pathName
	// credit is the commit credited with the content here: the commit that
	// introduced it, or, for a rename, the one credited at the old path.
	credit int32
	// from is the raw path the content was renamed from, if it was.
	from string
	// carriers counts the commits whose tree has the blob at this path;
	// listed holds the earliest of them (walk order), at most maxListed.
	carriers int
	listed   []int32
}

func (b *blobProv) at(raw string) *pathProv {
	for _, pp := range b.paths {
		if pp.path.raw == raw {
			return pp
		}
	}
	return nil
}

// history is the state of one scan of a repository.
type history struct {
	g    *Git
	repo *gitRepo
	p    Problems
	sel  selection

	nodes    []commitNode // parents before children
	index    map[plumbing.Hash]int32
	excluded map[plumbing.Hash]struct{}
	outside  map[plumbing.Hash]plumbing.Hash // commit → tree, for parents not walked

	blobs map[plumbing.Hash]*blobProv
	paths map[string]pathName
	trees treeCache
	cat   *catFile // nil: read every object through go-git

	// for the commit being compared with its parents
	fresh []freshBlob
	gone  map[plumbing.Hash]string // blob → raw path, present in a parent
}

type freshBlob struct {
	path pathName
	h    plumbing.Hash
}

func newHistory(repo *gitRepo, g *Git, p Problems) *history {
	h := &history{
		g: g, repo: repo, p: p,
		index:    map[plumbing.Hash]int32{},
		excluded: map[plumbing.Hash]struct{}{},
		outside:  map[plumbing.Hash]plumbing.Hash{},
		blobs:    map[plumbing.Hash]*blobProv{},
		paths:    map[string]pathName{},
		trees:    newTreeCache(4096),
		gone:     map[plumbing.Hash]string{},
	}
	if !g.goGitOnly {
		h.cat = newCatFile(repo.gitDir)
	}
	return h
}

// walk lists the selected commits, parents before children (a depth-first
// post-order from the tips, first parents first: chronological along a
// branch), so a rename's source is known before the rename.
func (h *history) walk(ctx context.Context, sel selection) error {
	h.sel = sel
	shallow := map[plumbing.Hash]bool{}
	if hs, err := h.repo.st.Shallow(); err == nil {
		for _, s := range hs {
			shallow[s] = true
		}
	}
	var only map[plumbing.Hash]struct{} // nil: every commit not excluded
	if len(sel.exclude) > 0 && h.cat != nil {
		only, _ = h.cat.revList(ctx, sel.tips, sel.exclude) // on failure, walk the excluded history below
	}
	if only == nil {
		if err := h.markExcluded(ctx, sel.exclude, shallow); err != nil {
			return err
		}
	}
	type frame struct {
		h        plumbing.Hash
		node     *commitNode
		expanded bool
	}
	visited := map[plumbing.Hash]struct{}{}
	var stack []frame
	for i := len(sel.tips) - 1; i >= 0; i-- {
		stack = append(stack, frame{h: sel.tips[i]})
	}
	for n := 0; len(stack) > 0; n++ {
		if n%1024 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		f := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if f.expanded {
			h.index[f.h] = int32(len(h.nodes))
			h.nodes = append(h.nodes, *f.node)
			continue
		}
		if _, ok := visited[f.h]; ok {
			continue
		}
		if _, ok := h.excluded[f.h]; ok {
			continue
		}
		if _, ok := only[f.h]; only != nil && !ok {
			continue
		}
		visited[f.h] = struct{}{}
		c, err := object.GetCommit(h.repo.st, f.h)
		if err != nil {
			h.p.Error(h.g.Repo, fmt.Errorf("commit %s: %w", f.h, err))
			continue
		}
		node := nodeOf(c)
		if shallow[f.h] {
			node.shallow = true
			h.p.Skip(h.g.Repo, fmt.Sprintf("shallow clone: history before %s not scanned", f.h))
		}
		stack = append(stack, frame{h: f.h, node: &node, expanded: true})
		if node.shallow {
			continue
		}
		for i := len(node.parents) - 1; i >= 0; i-- {
			stack = append(stack, frame{h: node.parents[i]})
		}
	}
	return nil
}

func nodeOf(c *object.Commit) commitNode {
	subject, _, _ := strings.Cut(c.Message, "\n")
	subject = strings.TrimRight(subject, "\r")
	if len(subject) > 200 {
		subject = subject[:200]
	}
	return commitNode{
		hash: c.Hash, tree: c.TreeHash, parents: c.ParentHashes,
		author:  fmt.Sprintf("%s <%s>", c.Author.Name, c.Author.Email),
		when:    c.Author.When,
		subject: strings.Clone(subject),
	}
}

// markExcluded marks every commit reachable from the excluded tips.
func (h *history) markExcluded(ctx context.Context, tips []plumbing.Hash, shallow map[plumbing.Hash]bool) error {
	stack := append([]plumbing.Hash(nil), tips...)
	for n := 0; len(stack) > 0; n++ {
		if n%1024 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		c := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if _, ok := h.excluded[c]; ok {
			continue
		}
		h.excluded[c] = struct{}{}
		if shallow[c] {
			continue
		}
		cm, err := object.GetCommit(h.repo.st, c)
		if err != nil {
			continue // outside what is scanned; a missing parent only widens the range
		}
		h.outside[c] = cm.TreeHash
		stack = append(stack, cm.ParentHashes...)
	}
	return nil
}

// parentTree returns the tree of a parent commit, ok false when the parent
// is not in the repository.
func (h *history) parentTree(c plumbing.Hash) (plumbing.Hash, bool) {
	if i, ok := h.index[c]; ok {
		return h.nodes[i].tree, true
	}
	if t, ok := h.outside[c]; ok {
		return t, true
	}
	cm, err := object.GetCommit(h.repo.st, c)
	if err != nil {
		return plumbing.ZeroHash, false
	}
	h.outside[c] = cm.TreeHash
	return cm.TreeHash, true
}

// diffAll compares every walked commit with its parents.
func (h *history) diffAll(ctx context.Context) error {
	for i := range h.nodes {
		if i%256 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		h.diffCommit(int32(i))
	}
	return nil
}

// diffCommit records the blobs commit ci introduced: new at their path
// relative to every parent.
func (h *history) diffCommit(ci int32) {
	n := &h.nodes[ci]
	root := h.tree(n.tree, "")
	if root == nil {
		return
	}
	var parents []*object.Tree
	if !n.shallow {
		for _, ph := range n.parents {
			th, ok := h.parentTree(ph)
			if !ok {
				h.p.Error(h.g.Repo, fmt.Errorf("commit %s: parent %s: %w", n.hash, ph, plumbing.ErrObjectNotFound))
				continue
			}
			if t := h.tree(th, ""); t != nil {
				parents = append(parents, t)
			}
		}
	}
	h.diffTree("", root, parents)
	for _, fb := range h.fresh {
		bp := h.blobs[fb.h]
		if bp == nil {
			bp = &blobProv{}
			h.blobs[fb.h] = bp
		}
		if bp.at(fb.path.raw) != nil {
			continue // introduced here before: one more carrier, counted later
		}
		pp := &pathProv{path: fb.path, credit: ci}
		if old, ok := h.gone[fb.h]; ok && old != fb.path.raw {
			if src := bp.at(old); src != nil {
				pp.credit, pp.from = src.credit, old
			}
		}
		bp.paths = append(bp.paths, pp)
	}
	h.fresh = h.fresh[:0]
	clear(h.gone)
}

// diffTree compares tree t at dir with the trees at the same path in the
// parents, descending only where t differs from all of them.
func (h *history) diffTree(dir string, t *object.Tree, parents []*object.Tree) {
	var at [4]int
	idx := at[:0]
	for range parents {
		idx = append(idx, 0)
	}
	var sub [4]*object.Tree
	for _, e := range t.Entries {
		isDir := e.Mode == filemode.Dir
		same := false
		children := sub[:0]
		for pi, pt := range parents {
			pe := pt.Entries
			for idx[pi] < len(pe) && entryCompare(&pe[idx[pi]], &e) < 0 {
				h.markGone(dir, &pe[idx[pi]])
				idx[pi]++
			}
			if idx[pi] == len(pe) || entryCompare(&pe[idx[pi]], &e) != 0 {
				continue
			}
			old := &pe[idx[pi]]
			idx[pi]++
			switch {
			case old.Hash == e.Hash:
				same = true
			case isDir:
				if st := h.tree(old.Hash, join(dir, old.Name)); st != nil {
					children = append(children, st)
				}
			default:
				h.markGone(dir, old)
			}
		}
		if same {
			continue
		}
		switch {
		case isDir:
			p := join(dir, e.Name)
			if st := h.tree(e.Hash, p); st != nil {
				h.diffTree(p, st, children)
			}
		case isFile(e.Mode):
			h.fresh = append(h.fresh, freshBlob{h.pathName(dir, e.Name), e.Hash})
		}
		// Symbolic links hold a path; gitlinks (submodules) name a commit
		// of another repository: neither is content of this one.
	}
	for pi, pt := range parents {
		for _, pe := range pt.Entries[idx[pi]:] {
			h.markGone(dir, &pe)
		}
	}
}

// markGone remembers the blobs of a parent's entry that the commit does
// not keep at that path, so content that reappears elsewhere is a rename.
func (h *history) markGone(dir string, e *object.TreeEntry) {
	switch {
	case isFile(e.Mode):
		if _, ok := h.gone[e.Hash]; !ok {
			h.gone[e.Hash] = join(dir, e.Name)
		}
	case e.Mode == filemode.Dir:
		p := join(dir, e.Name)
		if t := h.tree(e.Hash, p); t != nil {
			for i := range t.Entries {
				h.markGone(p, &t.Entries[i])
			}
		}
	}
}

func isFile(m filemode.FileMode) bool {
	return m == filemode.Regular || m == filemode.Executable || m == filemode.Deprecated
}

// entryCompare orders tree entries as git does: by name, a folder's name
// compared as if it ended in '/'.
func entryCompare(a, b *object.TreeEntry) int {
	an, bn := a.Name, b.Name
	n := min(len(an), len(bn))
	if c := strings.Compare(an[:n], bn[:n]); c != 0 {
		return c
	}
	ca, cb := nextByte(an, n, a.Mode == filemode.Dir), nextByte(bn, n, b.Mode == filemode.Dir)
	return int(ca) - int(cb)
}

func nextByte(name string, n int, dir bool) byte {
	switch {
	case len(name) > n:
		return name[n]
	case dir:
		return '/'
	}
	return 0
}

func join(dir, name string) string {
	if dir == "" {
		return name
	}
	return dir + "/" + name
}

// pathName interns a file's path, so each path is stored once however
// many versions it has.
func (h *history) pathName(dir, name string) pathName {
	raw := join(dir, name)
	if pn, ok := h.paths[raw]; ok {
		return pn
	}
	pn := pathName{raw: raw, canon: canonical(raw)}
	if pn.canon == raw {
		pn.canon = pn.raw
	}
	h.paths[raw] = pn
	return pn
}

// tree reads a tree through the cache; a tree that cannot be read is
// reported (naming the folder) and is nil.
func (h *history) tree(th plumbing.Hash, dir string) *object.Tree {
	if t := h.trees.get(th); t != nil {
		return t
	}
	t, err := object.GetTree(h.repo.st, th)
	if err != nil {
		h.reportTree(th, dir, err)
		return nil
	}
	h.trees.put(th, t)
	return t
}

func (h *history) reportTree(th plumbing.Hash, dir string, err error) {
	shown := dir
	if shown == "" {
		shown = h.g.Repo
	}
	if errors.Is(err, plumbing.ErrObjectNotFound) {
		err = plumbing.ErrObjectNotFound
	}
	h.p.Error(shown, fmt.Errorf("tree %s: %w", th, err))
}

// treeCache keeps recently used trees in two generations: when the young
// one is full it becomes the old one, so the cache holds between n and 2n
// trees and a tree used in each generation stays.
type treeCache struct {
	n          int
	young, old map[plumbing.Hash]*object.Tree
}

func newTreeCache(n int) treeCache {
	return treeCache{n: n, young: map[plumbing.Hash]*object.Tree{}, old: map[plumbing.Hash]*object.Tree{}}
}

func (c *treeCache) get(h plumbing.Hash) *object.Tree {
	if t, ok := c.young[h]; ok {
		return t
	}
	if t, ok := c.old[h]; ok {
		c.put(h, t)
		return t
	}
	return nil
}

func (c *treeCache) put(h plumbing.Hash, t *object.Tree) {
	if len(c.young) >= c.n {
		c.old, c.young = c.young, make(map[plumbing.Hash]*object.Tree, c.n)
	}
	c.young[h] = t
}
