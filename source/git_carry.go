package source

import (
	"bufio"
	"context"
	"errors"
	"io"
	"slices"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
)

// maxListed bounds Origin.Commits; CommitCount still counts them all.
const maxListed = 50

// carrierSet is a set of commits: how many, and the first of them in walk
// order. Sets merged here never overlap (a commit has one entry per path),
// so counts add up.
type carrierSet struct {
	count int
	first []int32 // sorted
}

func (s *carrierSet) merge(o *carrierSet) {
	s.count += o.count
	s.first = mergeFirst(s.first, o.first)
}

// mergeFirst merges two sorted lists, keeping the first maxListed. It
// never modifies its arguments.
func mergeFirst(a, b []int32) []int32 {
	if len(b) == 0 {
		return a
	}
	if len(a) == maxListed && a[len(a)-1] < b[0] {
		return a
	}
	out := make([]int32, 0, min(len(a)+len(b), maxListed))
	for len(out) < maxListed && (len(a) > 0 || len(b) > 0) {
		if len(b) == 0 || len(a) > 0 && a[0] < b[0] {
			out, a = append(out, a[0]), a[1:]
		} else {
			out, b = append(out, b[0]), b[1:]
		}
	}
	return out
}

// mergeInto is mergeFirst for a list the caller owns: it inserts in
// place, which saves an allocation per file entry per folder version.
func mergeInto(a, b []int32) []int32 {
	for _, c := range b {
		i, _ := slices.BinarySearch(a, c)
		if i == maxListed {
			break // b is sorted: the rest are later still
		}
		if len(a) == maxListed {
			a = a[:maxListed-1]
		}
		a = slices.Insert(a, i, c)
	}
	return a
}

// folderKey is one version of one folder.
type folderKey struct {
	dir string
	h   plumbing.Hash
}

// carry counts, for each blob at each path of the provenance, the walked
// commits whose tree holds it there. Rather than list every commit's whole
// tree, it counts the commits per root tree, then hands each folder
// version's count down to its entries, one depth at a time: one read of
// each distinct (folder, tree) pair. All the trees of a depth are known
// before any is read, so they stream out of git cat-file.
func (h *history) carry(ctx context.Context) error {
	level := map[folderKey]*carrierSet{}
	for i := range h.nodes {
		k := folderKey{"", h.nodes[i].tree}
		s := level[k]
		if s == nil {
			s = &carrierSet{}
			level[k] = s
		}
		s.count++
		if len(s.first) < maxListed {
			s.first = append(s.first, int32(i))
		}
	}
	var buf []byte
	for len(level) > 0 {
		keys := make([]folderKey, 0, len(level))
		for k := range level {
			keys = append(keys, k)
		}
		next := map[folderKey]*carrierSet{}
		entry := func(k folderKey, s *carrierSet, mode filemode.FileMode, name []byte, eh plumbing.Hash) {
			switch {
			case mode == filemode.Dir:
				ck := folderKey{join(k.dir, string(name)), eh}
				if c := next[ck]; c != nil {
					c.merge(s)
				} else {
					next[ck] = &carrierSet{count: s.count, first: s.first}
				}
			case isFile(mode):
				if bp := h.blobs[eh]; bp != nil {
					if pp := bp.atJoined(k.dir, name); pp != nil {
						pp.carriers += s.count
						pp.listed = mergeInto(pp.listed, s.first)
					}
				}
			}
		}
		viaGoGit := func(k folderKey) {
			if t := h.tree(k.h, k.dir); t != nil {
				for _, e := range t.Entries {
					entry(k, level[k], e.Mode, []byte(e.Name), e.Hash)
				}
			}
		}
		ids := make([]plumbing.Hash, len(keys))
		for i, k := range keys {
			ids[i] = k.h
		}
		for start := 0; start < len(keys); {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			if h.cat == nil {
				viaGoGit(keys[start])
				start++
				continue
			}
			base := start
			n, err := h.cat.stream(ctx, ids[start:], func(i int, typ string, size int64, r *bufio.Reader) error {
				k := keys[base+i]
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
				s := level[k]
				if err := eachTreeEntry(buf, func(mode filemode.FileMode, name []byte, eh plumbing.Hash) {
					entry(k, s, mode, name, eh)
				}); err != nil {
					h.reportTree(k.h, k.dir, err)
				}
				return nil
			})
			start += n
			switch {
			case err == nil:
			case errors.Is(err, errCatFileUnavailable):
				h.cat = nil
			case ctx.Err() != nil:
				return ctx.Err()
			default:
				// git stopped at a damaged object: go-git reads and
				// reports it, then git goes on with the rest.
				if start < len(keys) {
					viaGoGit(keys[start])
					start++
				}
			}
		}
		level = next
	}
	return nil
}

func growTo(b []byte, n int) []byte {
	if cap(b) < n {
		return make([]byte, n, n+n/4)
	}
	return b[:n]
}

// atJoined is at(join(dir, name)) without building the path.
func (b *blobProv) atJoined(dir string, name []byte) *pathProv {
	for _, pp := range b.paths {
		r := pp.path.raw
		if dir == "" {
			if r == string(name) {
				return pp
			}
			continue
		}
		if len(r) == len(dir)+1+len(name) && r[len(dir)] == '/' && r[:len(dir)] == dir && r[len(dir)+1:] == string(name) {
			return pp
		}
	}
	return nil
}
