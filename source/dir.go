package source

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Dir reads files and folders. One walker lists the tree and feeds the
// files to jobs workers that read them, so reading uses every core while
// the listing stays in order.
//
// A fragment's Origin.Path is relative to the root directory it was found
// under ('/'-separated, Unicode NFC); for a root that is a file, it is the
// root as given, cleaned. Problems name files by where they are on disk:
// the root joined with that path.
type Dir struct {
	// Roots are the files and folders to scan, as the user gave them. A
	// root that is a symbolic link is always followed.
	Roots []string
	// FollowSymlinks follows symbolic links inside the roots. Without it
	// they are ignored. A link that cannot be resolved is then an error,
	// and a link back to a folder being walked is skipped.
	FollowSymlinks bool
	// MaxFileSize skips larger files (listed as skipped); 0 means no limit.
	// It applies to the members of archives, not to archives themselves:
	// Archive bounds those.
	MaxFileSize int64
	// Archive bounds the opening of archives (see expandArchive); its zero
	// value opens none and lists each as skipped.
	Archive ArchiveLimits
	// Entries, when set, keeps only the entries at the top of a root
	// folder whose canonical names it accepts (a shard of a sweep): the
	// others are left out silently, and paths stay relative to the root.
	Entries func(name string) bool
	// OCR, when set, reads the text of images, archive members included
	// (see image.go).
	OCR *OCR
}

var _ Source = (*Dir)(nil)

// Reasons for skipping an item.
const (
	ReasonTooLarge   = "larger than --max-file-size"
	ReasonNotRegular = "not a regular file"
	ReasonLoop       = "symbolic link loop"
)

// fileJob is a file the walker found, for a worker to read.
type fileJob struct {
	abs    string // path to open
	shown  string // path in problems
	origin Origin
	// large: the file is over MaxFileSize, to scan only if an archive.
	large bool
}

// Fragments walks the roots and visits each text file's content. It stops
// at the first error visit returns, or when ctx ends (returning its error).
func (d *Dir) Fragments(ctx context.Context, jobs int, visit Visit, p Problems) error {
	jobs = max(jobs, 1)
	inner, cancel := context.WithCancel(ctx)
	defer cancel()

	var (
		once     sync.Once
		visitErr error
	)
	fail := func(err error) {
		once.Do(func() { visitErr = err; cancel() })
	}
	work := make(chan fileJob, 4*jobs)
	var wg sync.WaitGroup
	for w := 0; w < jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range work {
				if inner.Err() != nil {
					continue // drain so the walker never blocks
				}
				if err := d.read(inner, w, j, visit, p); err != nil {
					fail(err)
				}
			}
		}()
	}
	var walked []os.FileInfo
	for _, root := range d.Roots {
		if inner.Err() != nil {
			break
		}
		if fi, err := os.Stat(root); err == nil {
			if slices.ContainsFunc(walked, func(w os.FileInfo) bool { return os.SameFile(w, fi) }) {
				continue // a root given twice, maybe spelled otherwise (src and SRC on a case-insensitive file system)
			}
			walked = append(walked, fi)
		}
		d.walkRoot(inner, root, work, p)
	}
	close(work)
	wg.Wait()
	if visitErr != nil {
		return visitErr
	}
	return ctx.Err()
}

// walker walks one root directory.
type walker struct {
	d    *Dir
	root string
	work chan<- fileJob
	p    Problems
	// stack holds the folders being walked, to notice a symbolic link
	// that leads back into one of them.
	stack []os.FileInfo
}

func (d *Dir) walkRoot(ctx context.Context, root string, work chan<- fileJob, p Problems) {
	shown := filepath.ToSlash(filepath.Clean(root))
	fi, err := os.Stat(root)
	if err != nil {
		p.Error(shown, plainError(err))
		return
	}
	if !fi.IsDir() {
		w := &walker{d: d, root: root, work: work, p: p}
		w.file(ctx, root, shown, CanonicalPath(root), fi)
		return
	}
	w := &walker{d: d, root: root, work: work, p: p, stack: []os.FileInfo{fi}}
	w.dir(ctx, root, "")
}

// dir walks the folder abs, whose path relative to the root is rel.
func (w *walker) dir(ctx context.Context, abs, rel string) {
	entries, err := os.ReadDir(abs)
	if err != nil {
		// ReadDir returns what it read before the error: walk that.
		w.p.Error(w.shown(rel), plainError(err))
	}
	for _, e := range entries {
		if ctx.Err() != nil {
			return
		}
		name := e.Name()
		if name == ".git" {
			continue // a repository's internals, or a worktree's link file
		}
		if rel == "" && w.d.Entries != nil && !w.d.Entries(canonical(name)) {
			continue // another shard's
		}
		childAbs, childRel := filepath.Join(abs, name), path.Join(rel, name)
		mode := e.Type()
		var info os.FileInfo
		if mode&fs.ModeSymlink != 0 {
			if !w.d.FollowSymlinks {
				continue
			}
			info, err = os.Stat(childAbs)
			if errors.Is(err, syscall.ELOOP) {
				// A link to itself, or through others back to itself:
				// nothing behind it to read.
				w.p.Skip(w.shown(childRel), ReasonLoop)
				continue
			}
			if err != nil {
				w.p.Error(w.shown(childRel), plainError(err))
				continue
			}
			mode = info.Mode().Type()
		}
		switch {
		case mode.IsDir():
			if info == nil {
				if info, err = e.Info(); err != nil {
					w.p.Error(w.shown(childRel), vanished(err))
					continue
				}
			}
			if w.onStack(info) {
				w.p.Skip(w.shown(childRel), ReasonLoop)
				continue
			}
			w.stack = append(w.stack, info)
			w.dir(ctx, childAbs, childRel)
			w.stack = w.stack[:len(w.stack)-1]
		case mode.IsRegular():
			if info == nil {
				if info, err = e.Info(); err != nil {
					w.p.Error(w.shown(childRel), vanished(err))
					continue
				}
			}
			w.file(ctx, childAbs, w.shown(childRel), canonical(childRel), info)
		default:
			w.p.Skip(w.shown(childRel), notRegular(mode))
		}
	}
}

func (w *walker) onStack(fi os.FileInfo) bool {
	for _, a := range w.stack {
		if os.SameFile(a, fi) {
			return true
		}
	}
	return false
}

// file queues a regular file, or lists it as skipped when it is too large.
func (w *walker) file(ctx context.Context, abs, shown, rel string, fi os.FileInfo) {
	if !fi.Mode().IsRegular() {
		w.p.Skip(shown, notRegular(fi.Mode().Type()))
		return
	}
	large := w.d.MaxFileSize > 0 && fi.Size() > w.d.MaxFileSize
	if large && w.d.Archive.MaxDepth <= 0 {
		w.p.Skip(shown, ReasonTooLarge)
		return
	}
	j := fileJob{abs: abs, shown: shown, origin: Origin{Kind: KindFile, Path: rel, Root: w.root}, large: large}
	select {
	case w.work <- j:
	case <-ctx.Done():
	}
}

// shown is where a file under the root is on disk, for messages (bytes
// of a name that are not UTF-8 escaped, as in canonical).
func (w *walker) shown(rel string) string {
	return validUTF8(filepath.ToSlash(filepath.Join(w.root, filepath.FromSlash(rel))))
}

// read opens, checks and visits one file, or each member of an archive.
// Only visit's error (or ctx's) is returned; a file that cannot be read is
// reported to p.
func (d *Dir) read(ctx context.Context, worker int, j fileJob, visit Visit, p Problems) error {
	// O_NONBLOCK: should the file have become a named pipe since it was
	// listed, opening it must not wait for a writer.
	f, err := os.OpenFile(j.abs, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		p.Error(j.shown, vanished(err))
		return nil
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		p.Error(j.shown, plainError(err))
		return nil
	}
	if !fi.Mode().IsRegular() {
		p.Skip(j.shown, notRegular(fi.Mode().Type()))
		return nil
	}
	// When the file last changed: the date the sprawl view gives a place
	// on disk.
	j.origin.Date = fi.ModTime().UTC()
	// An archive is opened whatever its size; a larger one is read from
	// the file as needed rather than held in memory.
	archive := func(r io.ReaderAt, size int64) (bool, error) {
		item := archiveItem{Name: j.origin.Path, R: r, Size: size, Origins: []Origin{j.origin},
			Shown: func(m string) []string { return []string{joinMember(j.shown, m)} }}
		return expandArchive(ctx, item, archiveOptions{Limits: d.Archive, MaxFileSize: d.MaxFileSize,
			Worker: worker, Visit: visit, Problems: p, OCR: d.OCR})
	}
	tooLarge := j.large
	var raw []byte
	if !tooLarge {
		raw, tooLarge, err = readLimited(f, fi.Size(), d.MaxFileSize)
		if err != nil {
			p.Error(j.shown, plainError(err))
			return nil
		}
	}
	if tooLarge {
		if ok, err := archive(f, fi.Size()); ok {
			return err
		}
		p.Skip(j.shown, ReasonTooLarge)
		return nil
	}
	if len(raw) == 0 {
		return nil
	}
	if mayBeArchive(raw[:min(len(raw), sniffArchiveLen)], j.origin.Path) {
		if ok, err := archive(bytes.NewReader(raw), int64(len(raw))); ok {
			return err
		}
	}
	if f, isImage := d.OCR.imageFragment(ctx, raw, BlobID(raw), []Origin{j.origin}, []string{j.shown}, p); isImage {
		if f == nil {
			return nil
		}
		return visit(worker, f)
	}
	data, enc, binary := textOf(raw)
	if binary {
		return nil
	}
	return visit(worker, &Fragment{Data: data, ID: BlobID(raw), Origins: []Origin{j.origin}, Encoding: enc})
}

// readLimited reads r to its end, or reports tooLarge when it holds more
// than limit bytes (limit 0: no limit). size is a hint.
func readLimited(r io.Reader, size, limit int64) (data []byte, tooLarge bool, err error) {
	if limit > 0 {
		r = io.LimitReader(r, limit+1)
		size = min(size, limit+1)
	}
	var buf bytes.Buffer
	if size > 0 {
		// Room for the whole content and for ReadFrom's last look for
		// more (bytes.MinRead): without it, that look doubles the buffer.
		buf.Grow(int(size) + bytes.MinRead)
	}
	if _, err := buf.ReadFrom(r); err != nil {
		return nil, false, err
	}
	if limit > 0 && int64(buf.Len()) > limit {
		return nil, true, nil
	}
	return buf.Bytes(), false, nil
}

// canonical makes a '/'-separated path Unicode NFC, so the same name
// written by macOS (NFD) and Linux gives one fingerprint. Bytes that are
// not UTF-8 (a name written in Latin-1, say) become \xHH: reports are
// UTF-8, and two such names must not both become U+FFFD.
func canonical(slashPath string) string {
	return norm.NFC.String(validUTF8(slashPath))
}

// validUTF8 returns s with each byte that is not part of valid UTF-8
// written as \xHH.
func validUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			fmt.Fprintf(&b, `\x%02x`, s[i])
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

func notRegular(mode fs.FileMode) string {
	switch {
	case mode&fs.ModeNamedPipe != 0:
		return ReasonNotRegular + " (named pipe)"
	case mode&fs.ModeSocket != 0:
		return ReasonNotRegular + " (socket)"
	case mode&fs.ModeDevice != 0:
		return ReasonNotRegular + " (device)"
	}
	return ReasonNotRegular
}

// vanished is plainError, saying so when a file listed is no longer
// there: it was removed (or renamed) while the scan ran.
func vanished(err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("removed during the scan: %w", plainError(err))
	}
	return plainError(err)
}

// plainError drops the path from an *fs.PathError: the problem is already
// reported with its path.
func plainError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	return err
}
