package source

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/klauspost/compress/zstd"
)

// Archives. A file (or blob, or download) whose first bytes say it is a zip
// (jar, war, apk, docx, xlsx, pptx, odt…), a tar, or a gzip, bzip2, xz or
// zstd stream is opened in memory, never extracted to disk, and each member
// is scanned as a file would be. A compressed tar is one archive. A member
// is named by the archive's path, '!', and the member's path made
// canonical like any path ('/'-separated, NFC, no leading '/', no '..'):
// outer.zip!dir/inner.tar.gz!c/d.env. Archives inside archives are opened
// down to Limits.MaxDepth.
//
// Hostile archives are bounded: the bytes decompressed from one top archive
// and its members (MaxBytes), their number (MaxEntries), the compression
// ratio of each compressed stream (MaxRatio), and each member's size
// (--max-file-size). What a limit leaves out is listed as skipped (the run
// is not partial); a damaged archive is an error naming it and the member
// where reading failed. Either way the scan goes on.

// ArchiveLimits bound what opening one archive may cost, the archives
// nested in it included. 0 means no limit, except for MaxDepth.
type ArchiveLimits struct {
	// MaxDepth is how deep archives are opened: 1 opens an archive but not
	// the archives inside it. 0 opens none: each is listed as skipped.
	MaxDepth int
	// MaxBytes bounds the bytes decompressed out of one top archive. When
	// it is reached the rest of that archive is listed as skipped.
	MaxBytes int64
	// MaxEntries bounds the members of one top archive, nested ones
	// included. A zip with more is skipped whole; a tar is read up to it.
	MaxEntries int
	// MaxRatio bounds how many times larger than its compressed form a
	// member or a compressed stream may grow once past 1 MiB (a zip bomb);
	// a member over it is skipped.
	MaxRatio float64
}

// DefaultArchiveLimits returns the limits of the command line's defaults.
func DefaultArchiveLimits() ArchiveLimits {
	return ArchiveLimits{MaxDepth: 3, MaxBytes: 1 << 30, MaxEntries: 100_000, MaxRatio: 100}
}

// ratioFloor is the output below which no compression ratio is too high:
// small, repetitive text compresses far better than large files do.
const ratioFloor = 1 << 20

// Reasons for skipping an archive or a member.
const (
	ReasonNotExpanded     = "archive not opened (--max-archive-depth 0)"
	ReasonArchiveDepth    = "archive nested deeper than --max-archive-depth"
	ReasonArchiveBytes    = "more than --max-archive-bytes decompressed"
	ReasonArchiveEntries  = "more than --max-archive-entries members"
	ReasonArchiveRatio    = "compression ratio above --max-compression-ratio"
	ReasonUnsafeName      = "unsafe member name"
	ReasonEncrypted       = "encrypted member"
	ReasonUnsupportedZip  = "unsupported zip compression method"
	reasonRestNotScanned  = "; the rest of the archive was not scanned"
	reasonArchiveDeclares = "declares"
)

// archiveItem is something that may be an archive: a file, a blob, a
// download.
type archiveItem struct {
	// Name is its file name or path: an extension helps recognise an old
	// tar or a zip behind a prefix, and names what a .gz holds.
	Name string
	R    io.ReaderAt
	Size int64
	// Origins are the places the archive was found. A member's fragment
	// carries each of them with Path + "!" + the member's path (Added
	// cleared).
	Origins []Origin
	// Shown names a member in problems, once per place: member "" is the
	// archive itself. Nil: each origin's Path + "!" + member.
	Shown func(member string) []string
	// Added, when set, gives the lines a member adds at origins[i]
	// (Origin.Added), from its raw bytes.
	Added func(i int, member string, raw []byte) []LineRange
}

// archiveOptions say how to open archives and where their members go.
type archiveOptions struct {
	Limits ArchiveLimits
	// MaxFileSize skips larger members (listed as skipped); 0: no limit.
	MaxFileSize int64
	// Worker is passed to Visit: the worker that found the archive.
	Worker   int
	Visit    Visit
	Problems Problems
	// OCR, when set, reads the text of members that are images.
	OCR *OCR
}

// expandArchive opens item if its first bytes (or, for a zip behind a
// prefix, its name and end) say it is an archive, and visits each text
// member as a Fragment: ID the blob id of the member's bytes, origins the
// item's with the member's '!' path. It returns false, having read only
// the first bytes (and, for a name like a zip's, the last 64 KiB), when
// item is not an archive: the caller then scans it as usual. Problems go
// to opt.Problems; the error returned is Visit's or ctx's, nothing else.
// It runs on the caller's goroutine and visits on opt.Worker.
//
// Every source that finds files calls it (Dir, Git, Staged, Stdin, and any
// that downloads files), after mayBeArchive on the first bytes:
//
//	item := archiveItem{Name: path, R: bytes.NewReader(data), Size: int64(len(data)),
//		Origins: []Origin{origin}}
//	opt := archiveOptions{Limits: s.Archive, MaxFileSize: s.MaxFileSize,
//		Worker: worker, Visit: visit, Problems: p}
//	if ok, err := expandArchive(ctx, item, opt); ok {
//		return err
//	}
//	// not an archive: scan data as text
func expandArchive(ctx context.Context, item archiveItem, opt archiveOptions) (expanded bool, err error) {
	var buf [sniffArchiveLen]byte
	n, _ := item.R.ReadAt(buf[:min(int64(len(buf)), item.Size)], 0)
	f := sniffArchive(buf[:n], item.Name)
	if f == formatNone && hasZipSuffix(item.Name) && zipEndAt(item.R, item.Size) {
		f = formatZip // a self-extracting or prefixed zip
	}
	if f == formatNone {
		return false, nil
	}
	return true, newExpander(ctx, item, opt).run(f)
}

// mayBeArchive is a cheap test, on an item's first bytes (at least
// sniffArchiveLen of them when it has that many) and its name, that
// expandArchive might open it: callers skip building an archiveItem for
// the rest.
func mayBeArchive(head []byte, name string) bool {
	return sniffArchive(head, name) != formatNone || hasZipSuffix(name)
}

// archiveMembers returns the raw bytes of each member of data that
// expandArchive would visit, by member path; nil when data is not an
// archive. What cannot be read is left out silently: it serves to compare
// a new version of an archive with an old one.
func archiveMembers(ctx context.Context, name string, data []byte, lim ArchiveLimits, maxFileSize int64) map[string][]byte {
	item := archiveItem{Name: name, R: bytes.NewReader(data), Size: int64(len(data))}
	f := sniffArchive(data[:min(len(data), sniffArchiveLen)], name)
	if f == formatNone || lim.MaxDepth <= 0 {
		return nil
	}
	e := newExpander(ctx, item, archiveOptions{Limits: lim, MaxFileSize: maxFileSize, Problems: discardProblems{}})
	e.collect = map[string][]byte{}
	e.run(f)
	return e.collect
}

// discardProblems drops what it is told.
type discardProblems struct{}

func (discardProblems) Error(string, error) {}
func (discardProblems) Skip(string, string) {}

func newExpander(ctx context.Context, item archiveItem, opt archiveOptions) *expander {
	return &expander{ctx: ctx, item: &item, opt: &opt}
}

// run opens the top archive, of format f, and returns Visit's or ctx's
// error.
func (e *expander) run(f archiveFormat) error {
	item, opt, ctx := e.item, e.opt, e.ctx
	var err error
	if opt.Limits.MaxDepth <= 0 {
		e.skip("", ReasonNotExpanded)
		return nil
	}
	switch f {
	case formatZip:
		err = e.zip(item.R, item.Size, "", 1)
	case formatTar:
		err = e.tar(io.NewSectionReader(item.R, 0, item.Size), "", 1)
	default:
		err = e.compressed(f, io.NewSectionReader(item.R, 0, item.Size), "", item.Name, 1)
	}
	var (
		le *limitError
		ve *visitError
	)
	switch {
	case errors.As(err, &ve):
		return ve.err
	case ctx.Err() != nil:
		return ctx.Err()
	case errors.As(err, &le):
		e.skip("", le.reason+reasonRestNotScanned)
	}
	return nil
}

// expander opens one top archive and everything in it, on one goroutine.
type expander struct {
	ctx  context.Context
	item *archiveItem
	opt  *archiveOptions
	// bytes is what was decompressed so far; entries the members seen.
	bytes   int64
	entries int
	// stop ends the whole top archive: a visit error, the end of ctx, or
	// a spent budget (*limitError).
	stop error
	// tripped is the guard whose ratio was exceeded, until the layer that
	// made it reports it.
	tripped *guard
	// collect, when set, receives each member's raw bytes instead of
	// Visit (see archiveMembers).
	collect map[string][]byte
}

// Errors that travel up the layers of one archive.
var (
	// errDamaged: a damaged archive was reported; the layer holding the
	// member stops reading it (a zip reads its next member).
	errDamaged = errors.New("damaged archive")
	// errTripped: a guard's ratio was exceeded; the layer that made it
	// reports it.
	errTripped = errors.New("compression ratio exceeded")
)

// limitError is a spent budget: the top archive is not read further.
type limitError struct{ reason string }

func (e *limitError) Error() string { return e.reason }

// visitError carries visit's error out unchanged.
type visitError struct{ err error }

func (e *visitError) Error() string { return e.err.Error() }

// joinMember adds a member's name to the '!' path of its archive.
func joinMember(at, name string) string {
	switch {
	case at == "":
		return name
	case name == "":
		return at
	}
	return at + "!" + name
}

// shown names a member (or, for "", the top archive) in problems.
func (e *expander) shown(member string) []string {
	if e.item.Shown != nil {
		return e.item.Shown(member)
	}
	out := make([]string, 0, len(e.item.Origins))
	for _, o := range e.item.Origins {
		out = append(out, joinMember(o.Path, member))
	}
	return out
}

func (e *expander) skip(member, reason string) {
	for _, s := range e.shown(member) {
		e.opt.Problems.Skip(s, reason)
	}
}

// failed decides what an error reading archive at means; where says at
// which member ("" when the archive could not be opened). It returns the
// error for the layers above: the stop of everything, a tripped guard for
// the layer that made it, or, for damage it reports here, errDamaged.
func (e *expander) failed(err error, at, where string) error {
	if e.stop != nil {
		return e.stop
	}
	if cerr := e.ctx.Err(); cerr != nil {
		e.stop = cerr
		return cerr
	}
	if e.tripped != nil {
		return errTripped
	}
	if errors.Is(err, zstd.ErrWindowSizeExceeded) {
		e.skip(at, fmt.Sprintf("zstd window larger than %d MiB: not scanned", zstdMaxWindow>>20))
		return errDamaged
	}
	if where != "" {
		where = " (" + where + ")"
	}
	for _, s := range e.shown(at) {
		e.opt.Problems.Error(s, fmt.Errorf("damaged archive%s: %w", where, err))
	}
	return errDamaged
}

// countEntry counts one member against MaxEntries.
func (e *expander) countEntry() error {
	if e.stop != nil {
		return e.stop
	}
	if err := e.ctx.Err(); err != nil {
		e.stop = err
		return err
	}
	e.entries++
	if m := e.opt.Limits.MaxEntries; m > 0 && e.entries > m {
		e.stop = &limitError{fmt.Sprintf("%s (%d)", ReasonArchiveEntries, m)}
		return e.stop
	}
	return nil
}

// member handles one member's content r (declared bytes long, or -1 when
// unknown): an archive is opened a level deeper, text is visited.
func (e *expander) member(r io.Reader, declared int64, at, name string, depth int) error {
	p := joinMember(at, name)
	br := bufio.NewReaderSize(r, sniffArchiveLen)
	head, err := br.Peek(sniffArchiveLen)
	if err != nil && err != io.EOF {
		return e.failed(err, at, "member "+name)
	}
	lim := e.opt.Limits
	if f := sniffArchive(head, name); f != formatNone {
		if depth >= lim.MaxDepth {
			e.skip(p, fmt.Sprintf("%s (%d)", ReasonArchiveDepth, lim.MaxDepth))
			return nil
		}
		switch f {
		case formatZip:
			if lim.MaxBytes > 0 && declared > lim.MaxBytes {
				e.skip(p, fmt.Sprintf("%s %d bytes: %s (%d)", reasonArchiveDeclares, declared, ReasonArchiveBytes, lim.MaxBytes))
				return nil
			}
			// A zip is read from its end: it is held in memory, bounded by
			// the budget of bytes (the guards above count them).
			data, _, err := readLimited(br, declared, 0)
			if err != nil {
				return e.failed(err, at, "member "+name)
			}
			return e.zip(bytes.NewReader(data), int64(len(data)), p, depth+1)
		case formatTar:
			return e.tar(br, p, depth+1)
		default:
			return e.compressed(f, br, p, name, depth+1)
		}
	}
	if m := e.opt.MaxFileSize; m > 0 && declared > m {
		e.skip(p, ReasonTooLarge)
		return nil
	}
	raw, tooLarge, err := readLimited(br, declared, e.opt.MaxFileSize)
	switch {
	case err != nil:
		return e.failed(err, at, "member "+name)
	case tooLarge:
		e.skip(p, ReasonTooLarge)
		return nil
	case len(raw) == 0:
		return nil
	}
	return e.emit(p, raw)
}

// emit visits a text member.
func (e *expander) emit(member string, raw []byte) error {
	if e.collect != nil {
		e.collect[member] = raw
		return nil
	}
	origins := func() []Origin {
		out := make([]Origin, len(e.item.Origins))
		for i, o := range e.item.Origins {
			o.Path = joinMember(o.Path, member)
			o.Added = nil
			if e.item.Added != nil {
				o.Added = e.item.Added(i, member, raw)
			}
			out[i] = o
		}
		return out
	}
	var f *Fragment
	if img, isImage := e.opt.OCR.imageFragment(e.ctx, raw, BlobID(raw), nil, e.shown(member), e.opt.Problems); isImage {
		if img == nil {
			return nil
		}
		f = img
		f.Origins = origins()
		addedWhole(f)
	} else {
		data, enc, binary := textOf(raw)
		if binary {
			return nil
		}
		f = &Fragment{Data: data, ID: BlobID(raw), Origins: origins(), Encoding: enc}
	}
	if err := e.opt.Visit(e.opt.Worker, f); err != nil {
		e.stop = &visitError{err}
		return e.stop
	}
	return nil
}

// memberName makes a member's name canonical: '/'-separated, NFC, clean.
// ok is false for a name that is absolute or climbs out of the archive
// (path traversal) or holds a NUL; "" with ok is a name for nothing (".").
func memberName(name string) (canon string, ok bool) {
	if strings.IndexByte(name, 0) >= 0 {
		return "", false
	}
	n := strings.ReplaceAll(name, `\`, "/")
	if strings.HasPrefix(n, "/") || len(n) >= 2 && n[1] == ':' && isASCIILetter(n[0]) {
		return "", false
	}
	c := path.Clean(n)
	switch {
	case c == "..", strings.HasPrefix(c, "../"):
		return "", false
	case c == ".":
		return "", true
	}
	return canonical(c), true
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// unsafeName lists a member whose name is not scanned.
func (e *expander) unsafeName(at, raw string) {
	e.skip(at, fmt.Sprintf("%s %q (absolute, or climbs out of the archive): not scanned", ReasonUnsafeName, raw))
}

// guard counts the bytes a decompressor gives against the budget of the
// top archive and against its own compression ratio.
type guard struct {
	e   *expander
	r   io.Reader
	in  func() int64 // compressed bytes consumed (or the known size)
	out int64
	err error
}

func (e *expander) guard(r io.Reader, in func() int64) *guard {
	return &guard{e: e, r: r, in: in}
}

func (g *guard) Read(p []byte) (int, error) {
	if g.err != nil {
		return 0, g.err
	}
	e := g.e
	if e.stop != nil {
		return 0, e.stop
	}
	if err := e.ctx.Err(); err != nil {
		e.stop = err
		return 0, err
	}
	lim := e.opt.Limits
	if lim.MaxBytes > 0 {
		// Give exactly the budget; a byte more spends it.
		rem := lim.MaxBytes - e.bytes
		if rem <= 0 {
			var one [1]byte
			p = one[:]
		} else {
			p = p[:min(int64(len(p)), rem)]
		}
	}
	n, err := g.r.Read(p)
	g.out += int64(n)
	e.bytes += int64(n)
	switch {
	case lim.MaxBytes > 0 && e.bytes > lim.MaxBytes:
		e.stop = &limitError{fmt.Sprintf("%s (%d bytes)", ReasonArchiveBytes, lim.MaxBytes)}
		g.err = e.stop
	case lim.MaxRatio > 0 && g.out > ratioFloor && float64(g.out) > lim.MaxRatio*float64(max(g.in(), 1)):
		g.err = errTripped
		e.tripped = g
	}
	if g.err != nil {
		return n, g.err
	}
	return n, err
}

// ratioReason says why a stream was given up.
func (e *expander) ratioReason() string {
	return fmt.Sprintf("%s (%g)", ReasonArchiveRatio, e.opt.Limits.MaxRatio)
}

// owns reports, and clears, a tripped guard that g's layer made: that
// layer lists what it was reading as skipped.
func (e *expander) owns(err error, g *guard) bool {
	if err == nil || e.tripped != g || e.stop != nil {
		return false
	}
	e.tripped = nil
	return true
}
