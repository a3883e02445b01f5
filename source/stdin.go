package source

import (
	"bytes"
	"context"
	"io"
)

// Stdin reads one fragment from a reader: `kubectl get secret -o yaml |
// leakstop stdin`. Text is handled as for files (byte order marks, UTF-16),
// but bytes that look binary are scanned too: the user chose to pipe them.
type Stdin struct {
	R io.Reader
	// Name is the path findings carry (--path-name); default "stdin".
	Name string
	// MaxSize skips input longer than this (listed as skipped), and
	// longer members of an archive; 0 means no limit.
	MaxSize int64
	// Archive bounds the opening of input that is an archive (see
	// expandArchive); its zero value opens none and lists it as skipped.
	Archive ArchiveLimits
}

var _ Source = (*Stdin)(nil)

// DefaultStdinName is the path of stdin's findings when no name is given.
const DefaultStdinName = "stdin"

// Fragments reads all of R and visits it on worker 0. When ctx ends first,
// it returns ctx's error without waiting for the reader.
func (s *Stdin) Fragments(ctx context.Context, jobs int, visit Visit, p Problems) error {
	name := DefaultStdinName
	if s.Name != "" {
		name = CanonicalPath(s.Name)
	}
	type result struct {
		data     []byte
		tooLarge bool
		err      error
	}
	done := make(chan result, 1)
	go func() {
		data, tooLarge, err := readLimited(s.R, 0, s.MaxSize)
		done <- result{data, tooLarge, err}
	}()
	var res result
	select {
	case res = <-done:
	case <-ctx.Done():
		// A read from a terminal or a stalled pipe may never return: the
		// reading goroutine is left behind rather than hang the run.
		return ctx.Err()
	}
	switch {
	case res.err != nil:
		p.Error(name, res.err)
		return nil
	case res.tooLarge:
		p.Skip(name, ReasonTooLarge)
		return nil
	case len(res.data) == 0:
		return nil
	}
	origin := Origin{Kind: KindStdin, Path: name}
	item := archiveItem{Name: name, R: bytes.NewReader(res.data), Size: int64(len(res.data)), Origins: []Origin{origin}}
	if ok, err := expandArchive(ctx, item, archiveOptions{Limits: s.Archive, MaxFileSize: s.MaxSize,
		Visit: visit, Problems: p}); ok {
		return err
	}
	data, enc, _ := textOf(res.data)
	f := &Fragment{
		Data:     data,
		ID:       BlobID(res.data),
		Origins:  []Origin{origin},
		Encoding: enc,
	}
	return visit(0, f)
}
