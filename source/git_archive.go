package source

import (
	"bytes"
	"context"
	"io"
	"path"

	"github.com/go-git/go-git/v5/plumbing"
)

// Blobs that are archives: their members are scanned as blobs are, each
// origin of the blob becoming one of the member's with the '!' path. In a
// range a member's added lines are those it adds to the same member of
// the archive at the parents' version of the path.

// expandBlob visits the members of a blob that is an archive; false when
// it is not one.
func (h *history) expandBlob(ctx context.Context, worker int, j *blobJob, visit Visit) (bool, error) {
	origins := j.origins
	if !mayBeArchive(j.raw[:min(len(j.raw), sniffArchiveLen)], origins[0].Path) {
		return false, nil
	}
	id := j.id.String()
	if len(origins) == 1 && origins[0].Path == "" {
		// A blob no commit reaches: its members are named after its id.
		origins = []Origin{origins[0]}
		origins[0].Path = id
	}
	item := archiveItem{Name: origins[0].Path, R: bytes.NewReader(j.raw), Size: int64(len(j.raw)), Origins: origins,
		Shown: func(member string) []string {
			out := make([]string, 0, len(origins))
			for _, o := range origins {
				if o.Commit == "" {
					out = append(out, "object "+joinMember(id, member))
					continue
				}
				out = append(out, joinMember(o.Path, member)+" (commit "+o.Commit[:min(12, len(o.Commit))]+")")
			}
			return out
		}}
	if j.bases != nil {
		item.Added = memberAdded(ctx, item.Name, j.bases, h.g.Archive, h.g.MaxFileSize)
	}
	return expandArchive(ctx, item, archiveOptions{Limits: h.g.Archive, MaxFileSize: h.g.MaxFileSize,
		Worker: worker, Visit: visit, Problems: h.p, OCR: h.g.OCR})
}

// memberAdded gives the lines a member adds relative to the same member
// in each parent version (bases[i] for origin i; nil: the origin added
// nothing, a move). A parent version that is not an archive, or lacks the
// member, had none of its lines. Parent archives are opened once, on
// first use.
func memberAdded(ctx context.Context, name string, bases [][]parentText, lim ArchiveLimits, maxFileSize int64) func(int, string, []byte) []LineRange {
	opened := make([][]map[string][]byte, len(bases))
	return func(i int, member string, raw []byte) []LineRange {
		b := bases[i]
		if b == nil {
			return nil
		}
		if opened[i] == nil {
			opened[i] = make([]map[string][]byte, len(b))
			for k, p := range b {
				if p.present {
					opened[i][k] = archiveMembers(ctx, name, p.data, lim, maxFileSize)
				}
			}
		}
		mb := make([]parentText, len(b))
		for k := range b {
			data, ok := opened[i][k][member]
			mb[k] = parentText{data: data, present: ok}
		}
		return addedLines(mb, raw)
	}
}

// openableArchive reports whether a blob over MaxFileSize is an archive
// to open all the same.
func (h *history) openableArchive(bp *blobProv, size int64, head func() []byte) bool {
	name := ""
	if len(bp.paths) > 0 {
		name = path.Base(bp.paths[0].path.canon)
	}
	return openableArchive(h.g.Archive, name, size, head)
}

// openableArchive reports whether an item of size bytes, over
// --max-file-size, is an archive to open all the same: lim opens
// archives, head (its first bytes, read only if needed) says it is one,
// and it fits in lim.MaxBytes (it is held in memory).
func openableArchive(lim ArchiveLimits, name string, size int64, head func() []byte) bool {
	if lim.MaxDepth <= 0 || lim.MaxBytes > 0 && size > lim.MaxBytes {
		return false
	}
	return sniffArchive(head(), name) != formatNone
}

// objectHead returns the first bytes of a blob read through go-git.
func objectHead(obj plumbing.EncodedObject) []byte {
	r, err := obj.Reader()
	if err != nil {
		return nil
	}
	defer r.Close()
	b := make([]byte, min(obj.Size(), sniffArchiveLen))
	n, _ := io.ReadFull(r, b)
	return b[:n]
}
