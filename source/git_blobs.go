package source

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"slices"
	"strings"
	"sync"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
)

// blobJob is one blob for a worker: its bytes, its origins and, in a
// range, the versions its commits' parents had at each origin's path.
type blobJob struct {
	id      plumbing.Hash
	raw     []byte
	origins []Origin
	// bases[i] holds, for origins[i], the parent versions to compute
	// added lines against; nil when added lines are not wanted.
	bases [][]parentText
}

// parentText is a parent's version of a file; absent when the parent had
// no file there.
type parentText struct {
	data    []byte
	present bool
}

// emit reads each blob of the provenance once and visits it on jobs
// workers. One goroutine reads objects (go-git's storage is not safe for
// concurrent use); the workers decode, diff and visit.
func (h *history) emit(ctx context.Context, jobs int, visit Visit) error {
	inner, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		once     sync.Once
		visitErr error
	)
	work := make(chan *blobJob, 2*jobs)
	var wg sync.WaitGroup
	for w := range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range work {
				if inner.Err() != nil {
					continue // drain so the reader never blocks
				}
				if err := h.scanJob(inner, w, j, visit); err != nil {
					once.Do(func() { visitErr = err; cancel() })
				}
			}
		}()
	}
	h.readBlobs(inner, work)
	close(work)
	wg.Wait()
	if visitErr != nil {
		return visitErr
	}
	return ctx.Err()
}

func (h *history) scanJob(ctx context.Context, worker int, j *blobJob, visit Visit) error {
	if ok, err := h.expandBlob(ctx, worker, j, visit); ok {
		return err
	}
	if f, isImage := h.g.OCR.imageFragment(ctx, j.raw, j.id.String(), j.origins, shownOrigins(j.origins, j.id.String()), h.p); isImage {
		if f == nil {
			return nil
		}
		for i, b := range j.bases {
			if b != nil {
				f.Origins[i].Added = addedLines(b, j.raw)
			}
		}
		addedWhole(f)
		return visit(worker, f)
	}
	data, enc, binary := textOf(j.raw)
	if binary {
		return nil
	}
	for i, b := range j.bases {
		if b != nil {
			j.origins[i].Added = addedLines(b, j.raw)
		}
	}
	return visit(worker, &Fragment{Data: data, ID: j.id.String(), Origins: j.origins, Encoding: enc})
}

// shownOrigins names a blob in problems: each path it is at, with the
// commit credited there, or its id when no commit reaches it.
func shownOrigins(origins []Origin, id string) []string {
	out := make([]string, 0, len(origins))
	for _, o := range origins {
		if o.Commit == "" {
			out = append(out, "object "+id)
			continue
		}
		out = append(out, o.Path+" (commit "+o.Commit[:min(12, len(o.Commit))]+")")
	}
	return out
}

// readBlobs sends every blob of the provenance to work, and with
// AllObjects every other blob too. It streams them out of git cat-file
// when it can (see catFile); else, when most of the repository's blobs
// are wanted, it reads go-git's store in its own order (deltas resolve
// sequentially) and then the rest by id.
func (h *history) readBlobs(ctx context.Context, work chan<- *blobJob) {
	var dangling map[plumbing.Hash]*blobProv
	if h.g.AllObjects {
		dangling = h.danglingBlobs(ctx)
	}
	byID := make(map[plumbing.Hash]*blobProv, len(dangling))
	ids := make([]plumbing.Hash, 0, len(h.blobs)+len(dangling))
	for id, bp := range h.blobs {
		if bp != nil {
			byID[h.in.ids[id]] = bp
			ids = append(ids, h.in.ids[id])
		}
	}
	for id, bp := range dangling {
		byID[id] = bp
		ids = append(ids, id)
	}
	slices.SortFunc(ids, func(a, b plumbing.Hash) int { return bytes.Compare(a[:], b[:]) })
	if missing := h.fetchMissing(ctx, ids); len(missing) > 0 {
		ids = slices.DeleteFunc(ids, func(id plumbing.Hash) bool {
			if !missing[id] {
				return false
			}
			bp := byID[id]
			bp.read = true
			for _, shown := range h.shownPaths(bp, id) {
				h.p.Skip(shown, fmt.Sprintf("partial clone: blob %s not fetched", id))
			}
			return true
		})
	}
	planned(h.p, len(ids), "blobs")
	if h.cat != nil {
		_, err := h.cat.streamAll(ctx, ids, func(i int, typ string, size int64, r *bufio.Reader) error {
			id := ids[i]
			bp := byID[id]
			if typ != "blob" {
				_, err := r.Discard(int(size))
				return err // left unread: go-git reports it below
			}
			head := func() []byte { b, _ := r.Peek(int(min(size, sniffArchiveLen))); return b }
			if h.tooLarge(bp, id, size, head) {
				_, err := r.Discard(int(size))
				return err
			}
			raw := make([]byte, size)
			if _, err := io.ReadFull(r, raw); err != nil {
				return err
			}
			h.queue(ctx, work, id, bp, raw)
			return nil
		}, func(int) {}) // a damaged object: go-git reports it below
		if errors.Is(err, errCatFileUnavailable) {
			h.cat = nil
		}
	}
	if h.cat == nil && (!h.sel.ranged || h.g.AllObjects) {
		h.readInStoreOrder(ctx, byID, work)
	}
	for _, id := range ids {
		if ctx.Err() != nil {
			return
		}
		bp := byID[id]
		if bp.read {
			continue
		}
		obj, err := h.repo.st.EncodedObject(plumbing.BlobObject, id)
		if err != nil {
			bp.read = true
			h.reportBlob(bp, id, err)
			continue
		}
		h.send(ctx, work, id, bp, obj)
	}
}

// danglingBlobs lists the blobs no walked commit reaches.
func (h *history) danglingBlobs(ctx context.Context) map[plumbing.Hash]*blobProv {
	out := map[plumbing.Hash]*blobProv{}
	add := func(id plumbing.Hash) {
		if oid, ok := h.in.idOf[id]; ok && h.prov(oid) != nil {
			return
		}
		if out[id] == nil {
			out[id] = &blobProv{}
		}
	}
	if h.cat != nil {
		cmd := exec.CommandContext(ctx, "git", "--git-dir="+h.repo.gitDir, "cat-file",
			"--batch-all-objects", "--batch-check=%(objecttype) %(objectname)")
		if b, err := cmd.Output(); err == nil {
			for _, line := range strings.Split(string(b), "\n") {
				if id, ok := strings.CutPrefix(line, "blob "); ok && plumbing.IsHash(id) {
					add(plumbing.NewHash(id))
				}
			}
			return out
		}
	}
	iter, err := h.repo.st.IterEncodedObjects(plumbing.BlobObject)
	if err != nil {
		h.p.Error(h.g.Repo, fmt.Errorf("listing objects: %w", err))
		return out
	}
	defer iter.Close()
	for {
		obj, err := iter.Next()
		if err != nil {
			return out
		}
		add(obj.Hash())
	}
}

// readInStoreOrder walks go-git's loose objects and pack files.
func (h *history) readInStoreOrder(ctx context.Context, byID map[plumbing.Hash]*blobProv, work chan<- *blobJob) {
	iter, err := h.repo.st.IterEncodedObjects(plumbing.BlobObject)
	if err != nil {
		return // read by id instead
	}
	defer iter.Close()
	for ctx.Err() == nil {
		obj, err := iter.Next()
		if err != nil {
			return // io.EOF, or a damaged pack: what is left is read by id
		}
		id := obj.Hash()
		if bp := byID[id]; bp != nil && !bp.read {
			h.send(ctx, work, id, bp, obj)
		}
	}
}

// tooLarge reports a blob above MaxFileSize as skipped, unless its first
// bytes (head) say it is an archive that Archive allows to open.
func (h *history) tooLarge(bp *blobProv, id plumbing.Hash, size int64, head func() []byte) bool {
	if h.g.MaxFileSize <= 0 || size <= h.g.MaxFileSize || h.openableArchive(bp, size, head) {
		return false
	}
	bp.read = true
	advanced(h.p, 1)
	for _, shown := range h.shownPaths(bp, id) {
		h.p.Skip(shown, fmt.Sprintf("%s (%d bytes, blob %s)", ReasonTooLarge, size, id))
	}
	return true
}

// send reads one blob through go-git and queues it.
func (h *history) send(ctx context.Context, work chan<- *blobJob, id plumbing.Hash, bp *blobProv, obj plumbing.EncodedObject) {
	size := obj.Size()
	if h.tooLarge(bp, id, size, func() []byte { return objectHead(obj) }) {
		return
	}
	bp.read = true
	r, err := obj.Reader()
	if err != nil {
		h.reportBlob(bp, id, err)
		return
	}
	raw, _, err := readLimited(r, size, 0)
	r.Close()
	if err != nil {
		h.reportBlob(bp, id, err)
		return
	}
	h.queue(ctx, work, id, bp, raw)
}

// queue hands a blob's bytes and origins to the workers.
func (h *history) queue(ctx context.Context, work chan<- *blobJob, id plumbing.Hash, bp *blobProv, raw []byte) {
	bp.read = true
	advanced(h.p, 1)
	if len(raw) == 0 {
		return
	}
	j := &blobJob{id: id, raw: raw}
	if len(bp.paths) == 0 {
		j.origins = []Origin{{Kind: KindGitObject, Root: h.g.Repo, Repo: h.g.Repo}}
	} else {
		paths := slices.Clone(bp.paths)
		slices.SortFunc(paths, func(a, b *pathProv) int { return strings.Compare(a.path.canon, b.path.canon) })
		for _, pp := range paths {
			j.origins = append(j.origins, h.origin(pp, id))
			if h.sel.ranged {
				j.bases = append(j.bases, h.parentTexts(pp))
			}
		}
	}
	select {
	case work <- j:
	case <-ctx.Done():
	}
}

// origin describes one path of blob id's provenance.
func (h *history) origin(pp *pathProv, id plumbing.Hash) Origin {
	n := &h.nodes[pp.credit]
	o := Origin{
		Kind: KindGit, Path: pp.path.canon, Root: h.g.Repo, Repo: h.g.Repo,
		Commit: n.id, Author: n.author, Date: n.when, Message: n.subject,
		CommitCount: pp.carriers, Order: int(pp.credit),
		AtHead: h.atHead(pp.path.key, id), RepoURL: h.repoURL,
	}
	for _, ci := range pp.listed {
		if ci != pp.credit {
			o.Commits = append(o.Commits, h.nodes[ci].id)
		}
	}
	return o
}

// parentTexts returns the versions of pp's path in each parent of the
// commit credited with it (at least one; an absent one for a root
// commit). Content moved from another path added nothing: nil.
func (h *history) parentTexts(pp *pathProv) []parentText {
	n := &h.nodes[pp.credit]
	if pp.from != "" {
		return nil
	}
	out := make([]parentText, 0, max(len(n.parents), 1))
	if n.shallow || len(n.parents) == 0 {
		return append(out, parentText{})
	}
	for _, ph := range n.parents {
		th, ok := h.parentTree(ph)
		if !ok {
			out = append(out, parentText{})
			continue
		}
		bh, ok := h.blobAt(th, pp.path.raw)
		if !ok {
			out = append(out, parentText{})
			continue
		}
		obj, err := h.repo.st.EncodedObject(plumbing.BlobObject, bh)
		if err != nil {
			h.p.Error(pp.path.canon, fmt.Errorf("object %s (parent %s): %w", bh, ph, err))
			out = append(out, parentText{})
			continue
		}
		r, err := obj.Reader()
		if err != nil {
			h.p.Error(pp.path.canon, fmt.Errorf("object %s (parent %s): %w", bh, ph, err))
			out = append(out, parentText{})
			continue
		}
		data, _, err := readLimited(r, obj.Size(), 0)
		r.Close()
		if err != nil {
			h.p.Error(pp.path.canon, fmt.Errorf("object %s (parent %s): %w", bh, ph, err))
		}
		out = append(out, parentText{data: data, present: err == nil})
	}
	return out
}

// blobAt finds the blob at a raw path in a tree.
func (h *history) blobAt(th plumbing.Hash, raw string) (plumbing.Hash, bool) {
	t, ok := h.tree(h.in.obj(th), 0)
	var dir dirID
	for ok {
		name, rest, more := strings.Cut(raw, "/")
		found := false
		for _, e := range t {
			if h.in.names[e.name] != name {
				continue
			}
			if more && e.mode == filemode.Dir {
				dir = h.in.subdir(dir, e.name)
				t, found = h.tree(e.obj, dir)
				break
			}
			if !more && isFile(e.mode) {
				return h.in.ids[e.obj], true
			}
		}
		ok, raw = found, rest
	}
	return plumbing.ZeroHash, false
}

// reportBlob reports a blob that cannot be read, once per path it is at.
func (h *history) reportBlob(bp *blobProv, id plumbing.Hash, err error) {
	advanced(h.p, 1)
	if errors.Is(err, plumbing.ErrObjectNotFound) {
		err = plumbing.ErrObjectNotFound
	} else if errors.Is(err, io.ErrUnexpectedEOF) {
		err = fmt.Errorf("truncated: %w", err)
	}
	for _, shown := range h.shownPaths(bp, id) {
		h.p.Error(shown, fmt.Errorf("object %s: %w", id, err))
	}
}

// shownPaths names a blob in problems: each path it is at, with the
// commit credited there, or its id when no commit reaches it.
func (h *history) shownPaths(bp *blobProv, id plumbing.Hash) []string {
	if len(bp.paths) == 0 {
		return []string{"object " + id.String()}
	}
	out := make([]string, 0, len(bp.paths))
	for _, pp := range bp.paths {
		out = append(out, pp.path.canon+" (commit "+h.nodes[pp.credit].id[:12]+")")
	}
	return out
}
