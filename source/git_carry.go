package source

import (
	"context"
	"slices"

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
	dir  dirID
	tree objID
}

// carry counts, for each blob at each path of the provenance, the walked
// commits whose tree holds it there. Rather than list every commit's whole
// tree, it counts the commits per root tree, then hands each folder
// version's count down to its entries, one depth at a time: one read of
// each distinct (folder, tree) pair, all of a depth known before any is
// read (see eachTree).
func (h *history) carry(ctx context.Context) error {
	level := map[folderKey]*carrierSet{}
	for i := range h.nodes {
		k := folderKey{0, h.in.obj(h.nodes[i].tree)}
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
	for len(level) > 0 {
		keys := make([]folderKey, 0, len(level))
		for k := range level {
			keys = append(keys, k)
		}
		next := map[folderKey]*carrierSet{}
		err := h.eachTree(ctx, keys, func(k folderKey, entries []treeEntry) {
			s := level[k]
			for i := range entries {
				e := &entries[i]
				switch {
				case e.mode == filemode.Dir:
					ck := folderKey{h.in.subdir(k.dir, e.name), e.obj}
					if c := next[ck]; c != nil {
						c.merge(s)
					} else {
						next[ck] = &carrierSet{count: s.count, first: s.first}
					}
				case isFile(e.mode):
					if bp := h.prov(e.obj); bp != nil {
						if pp := bp.at(pathKey{k.dir, e.name}); pp != nil {
							pp.carriers += s.count
							pp.listed = mergeInto(pp.listed, s.first)
						}
					}
				}
			}
		})
		if err != nil {
			return err
		}
		level = next
	}
	return nil
}
