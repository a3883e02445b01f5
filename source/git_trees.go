package source

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os/exec"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
)

// Trees are held parsed into compact entries whose ids, names and
// folders are numbers interned once per scan: 12 bytes an entry, where
// go-git's object.Tree takes ~60 and a string per name. When the whole
// history is scanned and git is installed, every tree of the repository
// is read up front, in pack order, out of one git cat-file stream while
// the commits are walked, and kept: the diff and the carry then never
// wait for a read. On the synthetic 20k-commit repository of
// bench/history.sh (93,740 trees, 2.55 M entries, 94 MB raw), best of
// several runs on 2 cores:
//
//	                                    walk    diff    carry   emit    total
//	go-git object.Tree, 2×4096 cached   0.20 s  ~1.0 s  ~0.7 s  ~0.9 s  2.75 s
//	compact, all read beside the walk   0.66 s  0.05 s  0.29 s  0.70 s  1.70 s
//
// holding 31 MB of entries (peak RSS 230 → ~205 MB: go-git no longer
// caches trees). Tried and not kept: an open-addressed table instead of
// map[plumbing.Hash] for interning (1.68 s against 1.65 s), and reading
// the commits in the same stream ahead of the trees, decoded from memory
// (1.83 s against 1.75 s: the walk waits for them).
//
// A range (or a scan without git) reads only the trees it needs, on
// demand through go-git, and keeps the latest in two bounded generations.
type (
	objID  int32 // an object named by a tree entry
	nameID int32 // an entry name
	dirID  int32 // a folder path; 0 is the root
)

// treeEntry is one entry of a tree.
type treeEntry struct {
	name nameID
	mode filemode.FileMode
	obj  objID
}

// pathKey is a path as its folder and its name.
type pathKey struct {
	dir  dirID
	name nameID
}

// interned numbers the object ids, names and folders trees hold.
type interned struct {
	ids    []plumbing.Hash
	idOf   map[plumbing.Hash]objID
	names  []string
	nameOf map[string]nameID
	dirs   []string
	dirOf  map[pathKey]dirID
}

func newInterned() *interned {
	return &interned{
		idOf:   map[plumbing.Hash]objID{},
		nameOf: map[string]nameID{},
		dirs:   []string{""},
		dirOf:  map[pathKey]dirID{},
	}
}

func (in *interned) obj(h plumbing.Hash) objID {
	if id, ok := in.idOf[h]; ok {
		return id
	}
	id := objID(len(in.ids))
	in.ids = append(in.ids, h)
	in.idOf[h] = id
	return id
}

func (in *interned) name(b []byte) nameID {
	if id, ok := in.nameOf[string(b)]; ok { // no allocation for a lookup
		return id
	}
	id := nameID(len(in.names))
	s := string(b)
	in.names = append(in.names, s)
	in.nameOf[s] = id
	return id
}

// subdir is the folder name inside dir.
func (in *interned) subdir(dir dirID, name nameID) dirID {
	k := pathKey{dir, name}
	if id, ok := in.dirOf[k]; ok {
		return id
	}
	id := dirID(len(in.dirs))
	in.dirs = append(in.dirs, join(in.dirs[dir], in.names[name]))
	in.dirOf[k] = id
	return id
}

func (in *interned) raw(k pathKey) string { return join(in.dirs[k.dir], in.names[k.name]) }

// compare orders tree entries as git does: by name, a folder's name
// compared as if it ended in '/'.
func (in *interned) compare(a, b *treeEntry) int {
	aDir, bDir := a.mode == filemode.Dir, b.mode == filemode.Dir
	if a.name == b.name && aDir == bDir {
		return 0
	}
	an, bn := in.names[a.name], in.names[b.name]
	n := min(len(an), len(bn))
	if an[:n] != bn[:n] {
		if an[:n] < bn[:n] {
			return -1
		}
		return 1
	}
	return int(nextByte(an, n, aDir)) - int(nextByte(bn, n, bDir))
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

// parseTree appends the entries of a raw tree object ("<octal mode>
// <name>\0<20-byte id>" repeated) to dst. A tree that does not parse is
// an error, and none of its entries count.
func (in *interned) parseTree(raw []byte, dst []treeEntry) ([]treeEntry, error) {
	for len(raw) > 0 {
		sp := bytes.IndexByte(raw, ' ')
		if sp <= 0 {
			return nil, errors.New("malformed tree")
		}
		var mode uint32
		for _, c := range raw[:sp] {
			if c < '0' || c > '7' {
				return nil, errors.New("malformed tree mode")
			}
			mode = mode<<3 | uint32(c-'0')
		}
		raw = raw[sp+1:]
		nul := bytes.IndexByte(raw, 0)
		if nul < 0 || len(raw) < nul+1+20 {
			return nil, errors.New("truncated tree")
		}
		dst = append(dst, treeEntry{
			name: in.name(raw[:nul]),
			mode: filemode.FileMode(mode),
			obj:  in.obj(plumbing.Hash(raw[nul+1 : nul+21])),
		})
		raw = raw[nul+21:]
	}
	return dst, nil
}

// treeStore holds parsed trees: all of them when read up front, else the
// recently used ones in two generations (when the young one is full it
// becomes the old one, so a tree used in each generation stays).
type treeStore struct {
	n          int // 0: unbounded
	young, old map[objID][]treeEntry
	arena      []treeEntry // backs the trees read up front
}

// arenaChunk is how many entries the up-front read allocates at a time.
const arenaChunk = 1 << 16

func newTreeStore(n int) treeStore {
	return treeStore{n: n, young: map[objID][]treeEntry{}, old: map[objID][]treeEntry{}}
}

func (s *treeStore) get(id objID) ([]treeEntry, bool) {
	if t, ok := s.young[id]; ok {
		return t, true
	}
	if t, ok := s.old[id]; ok {
		s.put(id, t)
		return t, true
	}
	return nil, false
}

func (s *treeStore) put(id objID, t []treeEntry) {
	if s.n > 0 && len(s.young) >= s.n {
		s.old, s.young = s.young, make(map[objID][]treeEntry, s.n)
	}
	s.young[id] = t
}

// keep stores a tree read up front, copying its entries into the arena.
func (s *treeStore) keep(id objID, entries []treeEntry) {
	if len(s.arena)+len(entries) > cap(s.arena) {
		s.arena = make([]treeEntry, 0, max(arenaChunk, len(entries)))
	}
	start := len(s.arena)
	s.arena = append(s.arena, entries...)
	s.young[id] = s.arena[start:len(s.arena):len(s.arena)]
}

// readAllTrees reads every tree of the repository out of git, in pack
// order, into an unbounded store. It reports nothing: a tree it could not
// read is read again, and reported, when it is needed. It runs beside the
// walk, which uses neither the store nor the interned numbers.
func (h *history) readAllTrees(ctx context.Context) {
	cmd := exec.CommandContext(ctx, "git", "--git-dir="+h.repo.gitDir, "cat-file",
		"--batch-all-objects", "--unordered", "--batch-check=%(objecttype) %(objectname)")
	out, err := cmd.Output()
	if err != nil {
		return
	}
	var ids []plumbing.Hash
	for line := range bytes.Lines(out) {
		if id, ok := bytes.CutPrefix(line, []byte("tree ")); ok {
			if id = bytes.TrimSpace(id); len(id) == 40 {
				ids = append(ids, plumbing.NewHash(string(id)))
			}
		}
	}
	h.trees = newTreeStore(0)
	var buf []byte
	var scratch []treeEntry
	h.cat.streamAll(ctx, ids, func(i int, typ string, size int64, r *bufio.Reader) error {
		if typ != "tree" {
			_, err := r.Discard(int(size))
			return err
		}
		buf = growTo(buf, int(size))
		if _, err := io.ReadFull(r, buf); err != nil {
			return err
		}
		if scratch, err = h.in.parseTree(buf, scratch[:0]); err == nil {
			h.trees.keep(h.in.obj(ids[i]), scratch)
		}
		return nil
	}, func(int) {})
}

// tree returns a tree's entries, reading it through go-git when it is
// not in the store; one that cannot be read is reported (naming the
// folder) and ok is false.
func (h *history) tree(id objID, dir dirID) (entries []treeEntry, ok bool) {
	if t, ok := h.trees.get(id); ok {
		return t, true
	}
	t, err := h.readTree(h.in.ids[id])
	if err != nil {
		h.reportTree(id, dir, err)
		return nil, false
	}
	h.trees.put(id, t)
	return t, true
}

func (h *history) readTree(th plumbing.Hash) ([]treeEntry, error) {
	obj, err := h.repo.st.EncodedObject(plumbing.TreeObject, th)
	if err != nil {
		return nil, err
	}
	r, err := obj.Reader()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	raw, _, err := readLimited(r, obj.Size(), 0)
	if err != nil {
		return nil, err
	}
	return h.in.parseTree(raw, nil)
}

func (h *history) reportTree(id objID, dir dirID, err error) {
	shown := h.in.dirs[dir]
	if shown == "" {
		shown = h.g.Repo
	}
	if errors.Is(err, plumbing.ErrObjectNotFound) {
		err = plumbing.ErrObjectNotFound
	}
	h.p.Error(shown, fmt.Errorf("tree %s: %w", h.in.ids[id], err))
}

// eachTree calls fn with the entries of each tree in keys that can be
// read. Trees not in the store stream out of git cat-file, parsed but not
// kept (a range's carry reads each once); without git, or for an object
// git cannot read, they are read through go-git, which reports them.
func (h *history) eachTree(ctx context.Context, keys []folderKey, fn func(k folderKey, entries []treeEntry)) error {
	var missing []folderKey
	for _, k := range keys {
		if t, ok := h.trees.get(k.tree); ok {
			fn(k, t)
		} else {
			missing = append(missing, k)
		}
	}
	viaGoGit := func(k folderKey) {
		if t, ok := h.tree(k.tree, k.dir); ok {
			fn(k, t)
		}
	}
	done := 0
	if h.cat != nil && len(missing) > 0 {
		ids := make([]plumbing.Hash, len(missing))
		for i, k := range missing {
			ids[i] = h.in.ids[k.tree]
		}
		var buf []byte
		var scratch []treeEntry
		var err error
		done, err = h.cat.streamAll(ctx, ids, func(i int, typ string, size int64, r *bufio.Reader) error {
			k := missing[i]
			if typ != "tree" {
				if _, err := r.Discard(int(size)); err != nil {
					return err
				}
				viaGoGit(k) // reports what is wrong with it
				return nil
			}
			buf = growTo(buf, int(size))
			if _, err := io.ReadFull(r, buf); err != nil {
				return err
			}
			var perr error
			if scratch, perr = h.in.parseTree(buf, scratch[:0]); perr != nil {
				h.reportTree(k.tree, k.dir, perr)
				return nil
			}
			fn(k, scratch)
			return nil
		}, func(i int) { viaGoGit(missing[i]) })
		switch {
		case errors.Is(err, errCatFileUnavailable):
			h.cat = nil
		case err != nil:
			return err
		}
	}
	for _, k := range missing[done:] {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		viaGoGit(k)
	}
	return nil
}

func growTo(b []byte, n int) []byte {
	if cap(b) < n {
		return make([]byte, n, n+n/4)
	}
	return b[:n]
}
