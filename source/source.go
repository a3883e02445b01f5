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
	KindSlack = "slack"
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
	// AtHead is set by the git source when the content is still at this
	// path in the tree of HEAD (or of the branch or range tip scanned):
	// the leak is not only in history.
	AtHead bool `json:"at_head,omitempty"`
	// RepoURL is the repository's web address, https://host/owner/name,
	// made from its origin remote without credentials; empty when unknown
	// (no remote, or one that is a local path). Reports link commits to it.
	RepoURL string `json:"repo_url,omitempty"`
	// Channel (its id: names change), User, TS and Permalink place a Slack
	// message (kind "slack"): the ts is the message's id in the channel and
	// its time, seconds.microseconds since the epoch.
	Channel   string `json:"channel,omitempty"`
	User      string `json:"user,omitempty"`
	TS        string `json:"ts,omitempty"`
	Permalink string `json:"permalink,omitempty"`
	// More of a Slack message, as the export says it when it was made:
	// the channel's name and type (public, private, dm, mpim; for a
	// direct message the name lists its members), the user's name and
	// real name (a bot's name), and the thread the message is in
	// (thread_ts; the ts of its first message).
	ChannelName  string `json:"channel_name,omitempty"`
	ChannelType  string `json:"channel_type,omitempty"`
	UserName     string `json:"user_name,omitempty"`
	UserRealName string `json:"user_real_name,omitempty"`
	ThreadTS     string `json:"thread_ts,omitempty"`
	// File is the file that holds the bytes inside a Slack export (the
	// day file of a message, a file downloaded with it), relative to Root
	// ('/'-separated), and FileLine the line of the message's text in it
	// (see FileLineAt).
	File     string `json:"file,omitempty"`
	FileLine int    `json:"file_line,omitempty"`
	// fileLines maps each line of a message's fragment to its line in
	// File: a message joins texts found on several lines of its day file.
	fileLines []int
	// Order ranks the commits of one history scan, parents before
	// children (topological order): which of two versions came first when
	// their dates say nothing (equal, or rewritten by a rebase).
	Order int `json:"-"`
}

// FileLineAt returns the line of File that holds line (1-based) of the
// fragment: for a message, the line of its day file where the text
// holding that line is; for a file, line itself.
func (o *Origin) FileLineAt(line int) int {
	if i := line - 1; i >= 0 && i < len(o.fileLines) {
		return o.fileLines[i]
	}
	if o.FileLine > 0 {
		return o.FileLine
	}
	return line
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
	// Image is set when Data is text read with OCR out of an image (ID is
	// then the image's): where each word was in it (see image.go).
	Image *ImageText
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

// Progress is an optional ability of the Problems a source is given: to
// learn how far the source has gone in items of its own (a history's
// blobs, an export's day files), for a progress bar. A source that knows
// how many items it will go through says so once (Planned), then counts
// each off (Advanced) when it is done with it: scanned, skipped or not
// readable.
type Progress interface {
	Planned(items int, unit string)
	Advanced(n int)
}

// planned tells p, when it wants to know, how many items the source will
// go through.
func planned(p Problems, items int, unit string) {
	if pr, ok := p.(Progress); ok {
		pr.Planned(items, unit)
	}
}

// advanced tells p, when it wants to know, that n more items are done.
func advanced(p Problems, n int) {
	if pr, ok := p.(Progress); ok {
		pr.Advanced(n)
	}
}

// Source produces fragments on jobs workers until done or ctx ends.
type Source interface {
	Fragments(ctx context.Context, jobs int, visit Visit, p Problems) error
}
