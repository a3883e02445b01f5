// Package source turns scan targets into Fragments: bytes, a content id and
// every place the bytes came from. A source never decides what is a secret.
package source

import (
	"context"
	"crypto/sha1"
	"encoding/hex"
	"strconv"
	"time"
)

// Kinds of origin.
const (
	KindFile  = "file"
	KindStdin = "stdin"
)

// Origin is one place a fragment's bytes were seen.
type Origin struct {
	Kind string `json:"kind"`
	// Path is canonical: relative to the scanned root, '/'-separated, NFC.
	Path string `json:"path,omitempty"`
	// Root is the target the path is relative to, as the user gave it.
	Root    string    `json:"-"`
	Repo    string    `json:"repo,omitempty"`
	Commit  string    `json:"commit,omitempty"`
	Author  string    `json:"author,omitempty"`
	Date    time.Time `json:"date,omitzero"`
	Message string    `json:"message,omitempty"`
	// Commits lists the other commits that carry the same content at this
	// path; CommitCount counts every commit that carries it.
	Commits     []string `json:"commits,omitempty"`
	CommitCount int      `json:"commit_count,omitempty"`
	// Added lists the lines (1-based, inclusive) that Commit added at this
	// path relative to every one of its parents. Set only by sources that
	// scan a range of changes (git --range), so a caller can report a
	// finding only where the range added it; empty there means nothing was
	// added (a rename or a copy of existing content).
	Added []LineRange `json:"added,omitempty"`
	// Order ranks the commits of one history scan, parents before
	// children (topological order): which of two versions came first when
	// their dates say nothing (equal, or rewritten by a rebase).
	Order int `json:"-"`
}

// Fragment is bytes to scan and where they came from.
type Fragment struct {
	Data []byte
	// ID identifies the content the git way (blob SHA-1), so content seen in
	// several places is scanned once.
	ID      string
	Origins []Origin
	// Encoding is set when the bytes were converted to UTF-8 before
	// scanning ("utf-16le", "utf-16be"); line numbers are of the text.
	Encoding string
}

// BlobID returns the git blob id of data: SHA-1 of "blob <len>\x00" + data.
func BlobID(data []byte) string {
	h := sha1.New()
	h.Write([]byte("blob "))
	h.Write(strconv.AppendInt(nil, int64(len(data)), 10))
	h.Write([]byte{0})
	h.Write(data)
	return hex.EncodeToString(h.Sum(nil))
}

// Visit receives fragments. worker is in [0, jobs): a caller can keep one
// scanner per worker. Visit is called concurrently from several workers.
type Visit func(worker int, f *Fragment) error

// Problems receives what could not be scanned: errors (an item could not be
// read; the scan is partial) and skips (a limit the user set or accepted).
// Both are safe for concurrent use.
type Problems interface {
	Error(path string, err error)
	Skip(path, reason string)
}

// Source produces fragments on jobs workers until done or ctx ends.
type Source interface {
	Fragments(ctx context.Context, jobs int, visit Visit, p Problems) error
}
