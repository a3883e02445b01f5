package source

import (
	"context"
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
	id      string // hash in hex, made once for the origins that cite it
	tree    plumbing.Hash
	parents []plumbing.Hash
	shallow bool // its parents are not in the repository
	author  string
	when    time.Time
	subject string
}

// pathName is a path in a tree as stored (raw) and as reported (canon).
type pathName struct {
	key        pathKey
	raw, canon string
}

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

func (b *blobProv) at(k pathKey) *pathProv {
	for _, pp := range b.paths {
		if pp.path.key == k {
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

	in    *interned
	blobs []*blobProv // by objID; nil: not introduced by a walked commit
	paths map[pathKey]pathName
	trees treeStore
	cat   *catFile // nil: read every object through go-git

	// head holds the file at each path of the head commit's tree (see
	// headCommit); repoURL is the repository's web address. Both only
	// describe origins.
	head    map[pathKey]objID
	repoURL string

	// for the commit being compared with its parents
	fresh []freshBlob
	gone  map[objID]pathKey // blob → path, present in a parent
}

type freshBlob struct {
	path pathKey
	obj  objID
}

// treeGeneration bounds the trees kept when they are read on demand.
const treeGeneration = 4096

func newHistory(repo *gitRepo, g *Git, p Problems) *history {
	h := &history{
		g: g, repo: repo, p: p,
		index:    map[plumbing.Hash]int32{},
		excluded: map[plumbing.Hash]struct{}{},
		outside:  map[plumbing.Hash]plumbing.Hash{},
		in:       newInterned(),
		paths:    map[pathKey]pathName{},
		trees:    newTreeStore(treeGeneration),
		gone:     map[objID]pathKey{},
	}
	if !g.goGitOnly {
		h.cat = newCatFile(repo.gitDir)
	}
	return h
}

// prov returns the provenance of a blob, nil if no walked commit
// introduced it.
func (h *history) prov(id objID) *blobProv {
	if int(id) < len(h.blobs) {
		return h.blobs[id]
	}
	return nil
}

// walk lists the selected commits, parents before children (a depth-first
// post-order from the tips, first parents first: chronological along a
// branch), so a rename's source is known before the rename.
//
// When the whole history is scanned, every tree is read meanwhile (see
// git_trees.go), on a goroutine that uses only git cat-file, the tree store
// and the interned numbers, none of which the walk touches.
func (h *history) walk(ctx context.Context, sel selection) error {
	h.sel = sel
	if h.cat != nil && len(sel.exclude) == 0 {
		done := make(chan struct{})
		go func() {
			defer close(done)
			h.readAllTrees(ctx)
		}()
		defer func() { <-done }()
	}
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
		hash: c.Hash, id: c.Hash.String(), tree: c.TreeHash, parents: c.ParentHashes,
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
	root, ok := h.tree(h.in.obj(n.tree), 0)
	if !ok {
		return
	}
	var parents [][]treeEntry
	if !n.shallow {
		for _, ph := range n.parents {
			th, ok := h.parentTree(ph)
			if !ok {
				h.p.Error(h.g.Repo, fmt.Errorf("commit %s: parent %s: %w", n.hash, ph, plumbing.ErrObjectNotFound))
				continue
			}
			if t, ok := h.tree(h.in.obj(th), 0); ok {
				parents = append(parents, t)
			}
		}
	}
	h.diffTree(0, root, parents)
	for _, fb := range h.fresh {
		if int(fb.obj) >= len(h.blobs) {
			h.blobs = append(h.blobs, make([]*blobProv, len(h.in.ids)-len(h.blobs))...)
		}
		bp := h.blobs[fb.obj]
		if bp == nil {
			bp = &blobProv{}
			h.blobs[fb.obj] = bp
		}
		if bp.at(fb.path) != nil {
			continue // introduced here before: one more carrier, counted later
		}
		pp := &pathProv{path: h.pathName(fb.path), credit: ci}
		if old, ok := h.gone[fb.obj]; ok && old != fb.path {
			if src := bp.at(old); src != nil {
				pp.credit, pp.from = src.credit, src.path.raw
			}
		}
		bp.paths = append(bp.paths, pp)
	}
	h.fresh = h.fresh[:0]
	clear(h.gone)
}

// diffTree compares tree t at dir with the trees at the same path in the
// parents, descending only where t differs from all of them.
func (h *history) diffTree(dir dirID, t []treeEntry, parents [][]treeEntry) {
	var at [4]int
	idx := at[:0]
	for range parents {
		idx = append(idx, 0)
	}
	var sub [4][]treeEntry
	for i := range t {
		e := &t[i]
		isDir := e.mode == filemode.Dir
		same := false
		children := sub[:0]
		for pi, pt := range parents {
			for idx[pi] < len(pt) && h.in.compare(&pt[idx[pi]], e) < 0 {
				h.markGone(dir, &pt[idx[pi]])
				idx[pi]++
			}
			if idx[pi] == len(pt) || h.in.compare(&pt[idx[pi]], e) != 0 {
				continue
			}
			old := &pt[idx[pi]]
			idx[pi]++
			switch {
			case old.obj == e.obj:
				same = true
			case isDir:
				if st, ok := h.tree(old.obj, h.in.subdir(dir, old.name)); ok {
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
			sd := h.in.subdir(dir, e.name)
			if st, ok := h.tree(e.obj, sd); ok {
				h.diffTree(sd, st, children)
			}
		case isFile(e.mode):
			h.fresh = append(h.fresh, freshBlob{pathKey{dir, e.name}, e.obj})
		}
		// Symbolic links hold a path; gitlinks (submodules) name a commit
		// of another repository: neither is content of this one.
	}
	for pi, pt := range parents {
		for i := idx[pi]; i < len(pt); i++ {
			h.markGone(dir, &pt[i])
		}
	}
}

// markGone remembers the blobs of a parent's entry that the commit does
// not keep at that path, so content that reappears elsewhere is a rename.
func (h *history) markGone(dir dirID, e *treeEntry) {
	switch {
	case isFile(e.mode):
		if _, ok := h.gone[e.obj]; !ok {
			h.gone[e.obj] = pathKey{dir, e.name}
		}
	case e.mode == filemode.Dir:
		sd := h.in.subdir(dir, e.name)
		if t, ok := h.tree(e.obj, sd); ok {
			for i := range t {
				h.markGone(sd, &t[i])
			}
		}
	}
}

func isFile(m filemode.FileMode) bool {
	return m == filemode.Regular || m == filemode.Executable || m == filemode.Deprecated
}

func join(dir, name string) string {
	if dir == "" {
		return name
	}
	return dir + "/" + name
}

// pathName interns a file's path, so each path is stored once however
// many versions it has.
func (h *history) pathName(k pathKey) pathName {
	if pn, ok := h.paths[k]; ok {
		return pn
	}
	raw := h.in.raw(k)
	pn := pathName{key: k, raw: raw, canon: canonical(raw)}
	if pn.canon == raw {
		pn.canon = pn.raw
	}
	h.paths[k] = pn
	return pn
}
