package source

import (
	"archive/tar"
	"archive/zip"
	"bufio"
	"bytes"
	"compress/bzip2"
	"errors"
	"fmt"
	"io"
	"math"
	"path"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/klauspost/compress/flate"
	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"
	"github.com/ulikunitz/xz"
)

// archiveFormat is what the first bytes of an item say it is.
type archiveFormat int

const (
	formatNone archiveFormat = iota
	formatZip
	formatTar
	formatGzip
	formatBzip2
	formatXZ
	formatZstd
)

// sniffArchiveLen is how much of an item's start decides whether it is an
// archive: a tar header block.
const sniffArchiveLen = 512

// zstdMaxWindow bounds the memory a zstd frame may ask for; the largest
// standard level (--ultra -22) uses 128 MiB.
const zstdMaxWindow = 128 << 20

var (
	magicZip      = []byte("PK\x03\x04")
	magicZipEmpty = []byte("PK\x05\x06")
	magicZipSpan  = []byte("PK\x07\x08PK\x03\x04")
	magicGzip     = []byte{0x1f, 0x8b, 8}
	magicXZ       = []byte("\xfd7zXZ\x00")
	magicZstd     = []byte{0x28, 0xb5, 0x2f, 0xfd}
	// bzip2: "BZh", a block size digit, then a block or the end of stream.
	magicBzip2Block = []byte("1AY&SY")
	magicBzip2End   = []byte{0x17, 0x72, 0x45, 0x38, 0x50, 0x90}
)

// sniffArchive tells an archive by its first bytes. name helps only for an
// old tar, whose header has no magic: its extension and the header's
// checksum must both say tar.
func sniffArchive(head []byte, name string) archiveFormat {
	switch {
	case bytes.HasPrefix(head, magicZip), bytes.HasPrefix(head, magicZipEmpty), bytes.HasPrefix(head, magicZipSpan):
		return formatZip
	case bytes.HasPrefix(head, magicGzip):
		return formatGzip
	case bytes.HasPrefix(head, magicXZ):
		return formatXZ
	case bytes.HasPrefix(head, magicZstd):
		return formatZstd
	case len(head) >= 10 && bytes.HasPrefix(head, []byte("BZh")) && head[3] >= '1' && head[3] <= '9' &&
		(bytes.Equal(head[4:10], magicBzip2Block) || bytes.Equal(head[4:10], magicBzip2End)):
		return formatBzip2
	case isTarHeader(head, name):
		return formatTar
	}
	return formatNone
}

// isTarHeader reports whether head starts with a tar header block: the
// ustar magic (POSIX or GNU), or a tar extension, and a valid checksum.
func isTarHeader(head []byte, name string) bool {
	if len(head) < 512 {
		return false
	}
	magic := bytes.Equal(head[257:262], []byte("ustar")) && (head[262] == 0 || head[262] == ' ')
	if !magic && !hasTarSuffix(name) {
		return false
	}
	field := strings.Trim(string(head[148:156]), " \x00")
	want, err := strconv.ParseUint(field, 8, 32)
	if err != nil {
		return false
	}
	var unsigned, signed int64
	for i, c := range head[:512] {
		if i >= 148 && i < 156 {
			c = ' '
		}
		unsigned += int64(c)
		signed += int64(int8(c))
	}
	return int64(want) == unsigned || int64(want) == signed
}

func hasTarSuffix(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".tar", ".tgz", ".tbz", ".tbz2", ".txz", ".tzst":
		return true
	}
	return false
}

// zipSuffixes are the extensions of formats that are zips.
var zipSuffixes = []string{".zip", ".jar", ".war", ".ear", ".aar", ".apk", ".ipa", ".whl", ".nupkg",
	".vsix", ".xpi", ".epub", ".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp"}

func hasZipSuffix(name string) bool {
	ext := strings.ToLower(path.Ext(name))
	for _, s := range zipSuffixes {
		if ext == s {
			return true
		}
	}
	return false
}

// zipEndAt reports whether a zip's end of central directory record is in
// the last 64 KiB of r: a zip behind a prefix (self-extracting, or a jar
// with a launcher script).
func zipEndAt(r io.ReaderAt, size int64) bool {
	n := min(size, 22+math.MaxUint16)
	tail := make([]byte, n)
	if _, err := r.ReadAt(tail, size-n); err != nil && err != io.EOF {
		return false
	}
	return bytes.LastIndex(tail, magicZipEmpty) >= 0
}

// Zip compression methods beyond store and deflate that zips carry.
const (
	zipMethodBzip2 = 12
	zipMethodZstd  = 93
	zipMethodXZ    = 95
)

// zip reads a zip archive at path at (its members a level below it).
func (e *expander) zip(r io.ReaderAt, size int64, at string, depth int) error {
	zr, err := zip.NewReader(r, size)
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		return e.opened(e.failed(err, at, ""))
	}
	lim := e.opt.Limits
	if lim.MaxEntries > 0 && e.entries+len(zr.File) > lim.MaxEntries {
		e.skip(at, fmt.Sprintf("%d members: %s (%d): not scanned", len(zr.File), ReasonArchiveEntries, lim.MaxEntries))
		return nil
	}
	// klauspost's inflate is about a quarter cheaper than the standard
	// library's (BenchmarkExpandArchive); one serves all the members of
	// this zip, read one at a time.
	var inflater io.ReadCloser
	zr.RegisterDecompressor(zip.Deflate, func(r io.Reader) io.ReadCloser {
		if inflater == nil {
			inflater = flate.NewReader(r)
		} else {
			inflater.(flate.Resetter).Reset(r, nil)
		}
		return inflater
	})
	zr.RegisterDecompressor(zipMethodBzip2, func(r io.Reader) io.ReadCloser { return io.NopCloser(bzip2.NewReader(r)) })
	zr.RegisterDecompressor(zipMethodZstd, func(r io.Reader) io.ReadCloser { return decompressor(formatZstd, r) })
	zr.RegisterDecompressor(zipMethodXZ, func(r io.Reader) io.ReadCloser { return decompressor(formatXZ, r) })
	for _, f := range zr.File {
		if err := e.countEntry(); err != nil {
			return err
		}
		if !f.Mode().IsRegular() {
			continue // a folder or a symbolic link
		}
		name, ok := memberName(f.Name)
		if !ok {
			e.unsafeName(at, f.Name)
			continue
		}
		if name == "" {
			continue
		}
		p := joinMember(at, name)
		declared := int64(min(f.UncompressedSize64, math.MaxInt64))
		switch {
		case f.Flags&1 != 0:
			e.skip(p, ReasonEncrypted+": not scanned")
			continue
		case lim.MaxBytes > 0 && declared > lim.MaxBytes-e.bytes:
			e.skip(p, fmt.Sprintf("%s %d bytes: %s (%d)", reasonArchiveDeclares, declared, ReasonArchiveBytes, lim.MaxBytes))
			continue
		case lim.MaxRatio > 0 && declared > ratioFloor && float64(declared) > lim.MaxRatio*float64(max(f.CompressedSize64, 1)):
			e.skip(p, fmt.Sprintf("%s %d bytes from %d: %s", reasonArchiveDeclares, declared, f.CompressedSize64, e.ratioReason()))
			continue
		}
		rc, err := f.Open()
		if errors.Is(err, zip.ErrAlgorithm) {
			e.skip(p, fmt.Sprintf("%s %d: not scanned", ReasonUnsupportedZip, f.Method))
			continue
		}
		if err != nil {
			if err := e.failed(err, at, "member "+name); err != errDamaged {
				return err
			}
			continue
		}
		compressed := int64(min(f.CompressedSize64, math.MaxInt64))
		g := e.guard(rc, func() int64 { return compressed })
		err = e.member(g, declared, at, name, depth)
		rc.Close()
		switch {
		case err == nil, err == errDamaged:
		case e.owns(err, g):
			e.skip(p, e.ratioReason()+": not scanned further")
		default:
			return err
		}
	}
	return nil
}

// opened turns the damage of an archive that could not be opened, already
// reported, into no error: the layer holding it goes on.
func (e *expander) opened(err error) error {
	if err == errDamaged {
		return nil
	}
	return err
}

// tar reads a tar stream at path at. A damaged stream ends it.
func (e *expander) tar(r io.Reader, at string, depth int) error {
	tr := tar.NewReader(r)
	last := ""
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil && !errors.Is(err, tar.ErrInsecurePath) {
			where := ""
			if last != "" {
				where = "after member " + last
			}
			return e.opened(e.failed(err, at, where))
		}
		if err := e.countEntry(); err != nil {
			return err
		}
		switch h.Typeflag {
		case tar.TypeReg, tar.TypeCont, tar.TypeGNUSparse:
		default:
			continue // folders, links, devices: no content of their own
		}
		name, ok := memberName(h.Name)
		if !ok {
			e.unsafeName(at, h.Name)
			continue
		}
		if name == "" {
			continue
		}
		last = name
		switch err := e.member(tr, h.Size, at, name, depth); err {
		case nil:
		case errDamaged:
			return nil
		default:
			return err
		}
	}
}

// compressed reads a gzip, bzip2, xz or zstd stream at path at, named
// name: a tar inside is the same archive (a.tar.gz!c/d.env); anything
// else is its one member, named after it without the extension
// (x.env.gz!x.env).
func (e *expander) compressed(f archiveFormat, r io.Reader, at, name string, depth int) error {
	in := &countingReader{r: r}
	dec := decompressor(f, in)
	defer dec.Close()
	g := e.guard(dec, in.n.Load)
	br := bufio.NewReaderSize(g, 64<<10)
	inner := innerName(name)
	head, err := br.Peek(sniffArchiveLen)
	switch {
	case err != nil && err != io.EOF:
		err = e.failed(err, at, "")
	case sniffArchive(head, inner) == formatTar:
		err = e.tar(br, at, depth)
	default:
		err = e.member(br, -1, at, inner, depth)
	}
	switch {
	case err == nil, err == errDamaged:
		return nil
	case e.owns(err, g):
		e.skip(at, e.ratioReason()+reasonRestNotScanned)
		return nil
	}
	return err
}

// innerName names what a compressed file holds: its name without the
// compression's extension (a .tgz holds a .tar).
func innerName(name string) string {
	base := path.Base(name)
	if base == "." || base == "/" || base == "" {
		return "content"
	}
	ext := path.Ext(base)
	switch strings.ToLower(ext) {
	case ".tgz", ".tbz", ".tbz2", ".txz", ".tzst":
		return strings.TrimSuffix(base, ext) + ".tar"
	case ".gz", ".gzip", ".bz2", ".xz", ".zst", ".zstd":
		if s := strings.TrimSuffix(base, ext); s != "" {
			return s
		}
	}
	return base
}

// decompressor opens a compressed stream; an error opening it is returned
// by its first Read.
func decompressor(f archiveFormat, r io.Reader) io.ReadCloser {
	var (
		rc  io.ReadCloser
		err error
	)
	switch f {
	case formatGzip:
		var z *gzip.Reader
		if z, err = gzip.NewReader(r); err == nil {
			rc = z
		}
	case formatBzip2:
		rc = io.NopCloser(bzip2.NewReader(r))
	case formatXZ:
		var x *xz.Reader
		if x, err = xz.NewReader(r); err == nil {
			rc = io.NopCloser(x)
		}
	case formatZstd:
		var d *zstd.Decoder
		d, err = zstd.NewReader(r, zstd.WithDecoderConcurrency(1), zstd.WithDecoderLowmem(true),
			zstd.WithDecoderMaxWindow(zstdMaxWindow))
		if err == nil {
			rc = d.IOReadCloser()
		}
	default:
		err = fmt.Errorf("internal error: format %d is not a compression", f)
	}
	if err != nil {
		return failedReader{err}
	}
	return rc
}

// failedReader returns its error on every Read.
type failedReader struct{ err error }

func (f failedReader) Read([]byte) (int, error) { return 0, f.err }
func (f failedReader) Close() error             { return nil }

// countingReader counts what a decompressor consumed; zstd may read on
// another goroutine.
type countingReader struct {
	r io.Reader
	n atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}
