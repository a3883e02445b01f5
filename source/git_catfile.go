package source

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"strconv"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
)

// catFile streams objects out of `git cat-file --batch`: every id is
// written up front by one goroutine while another reads the answers, so
// there is no round trip per object. On the synthetic 20k-commit
// repository of bench/history.sh (41,597 blobs, 242 MB; 93,740 trees):
//
//	all blobs    go-git pack iteration 1.09 s   cat-file stream 0.36 s
//	all trees    go-git by id          ~1.2 s   cat-file stream 0.32 s
//	all trees    cat-file, one round trip per object (21 µs each)   1.96 s
//
// So trees are read all at once up front when the whole history is
// scanned (see git_trees.go); a range, which needs few of them, reads them
// through go-git, as a round trip per object would be slower.
type catFile struct {
	gitDir string
}

// errCatFileUnavailable is returned when git cannot be run.
var errCatFileUnavailable = errors.New("git cat-file unavailable")

// newCatFile returns a streamer for the repository, or nil when no git
// binary can be found (the caller then reads through go-git).
func newCatFile(gitDir string) *catFile {
	if _, err := exec.LookPath("git"); err != nil {
		return nil
	}
	return &catFile{gitDir: gitDir}
}

// objectFunc receives one object: its type ("missing" when git has none)
// and size, and r positioned at its content, of which it must read
// exactly size bytes (or return an error, which ends the stream).
type objectFunc func(i int, typ string, size int64, r *bufio.Reader) error

// stream asks for ids in order and hands each answer to fn. It returns
// how many answers fn received; an error from git (a corrupt object ends
// cat-file) leaves the rest to the caller.
func (c *catFile) stream(ctx context.Context, ids []plumbing.Hash, fn objectFunc) (int, error) {
	if len(ids) == 0 {
		return 0, nil
	}
	cmd := exec.CommandContext(ctx, "git", "--git-dir="+c.gitDir, "cat-file", "--batch")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return 0, errCatFileUnavailable
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return 0, errCatFileUnavailable
	}
	if err := cmd.Start(); err != nil {
		return 0, errCatFileUnavailable
	}
	go func() {
		w := bufio.NewWriterSize(stdin, 64<<10)
		var line [41]byte
		line[40] = '\n'
		for _, id := range ids {
			hexEncode(line[:40], id)
			if _, err := w.Write(line[:]); err != nil {
				break
			}
		}
		w.Flush()
		stdin.Close()
	}()
	r := bufio.NewReaderSize(stdout, 256<<10)
	n := 0
	var ferr error
	for ; n < len(ids); n++ {
		typ, size, err := readHeader(r)
		if err != nil {
			break
		}
		if typ == "missing" {
			if err := fn(n, typ, 0, r); err != nil {
				ferr = err
				break
			}
			continue
		}
		if err := fn(n, typ, size, r); err != nil {
			ferr = err
			break
		}
		if b, err := r.ReadByte(); err != nil || b != '\n' {
			break
		}
	}
	if n < len(ids) {
		cmd.Process.Kill()
	}
	io.Copy(io.Discard, stdout)
	werr := cmd.Wait()
	switch {
	case ferr != nil:
		return n, ferr
	case n < len(ids):
		msg := strings.TrimSpace(stderr.String())
		if msg == "" && werr != nil {
			msg = werr.Error()
		}
		return n, fmt.Errorf("git cat-file: %s", msg)
	}
	return n, nil
}

// streamAll is stream over all of ids, going on past the objects git
// cannot read: each is handed to damaged (to read it another way, which
// reports it) and git starts again after it. It returns how many ids it
// handled: all of them unless git cannot be run (errCatFileUnavailable)
// or ctx is done.
//
// A git that fails before its first answer several times in a row is
// refusing the repository itself (a HEAD it cannot parse, an ownership it
// distrusts): starting it again for every object would cost a process per
// object, so the rest is left to the caller as if git were missing.
func (c *catFile) streamAll(ctx context.Context, ids []plumbing.Hash, fn objectFunc, damaged func(i int)) (int, error) {
	start, refused := 0, 0
	for start < len(ids) {
		base := start
		n, err := c.stream(ctx, ids[start:], func(i int, typ string, size int64, r *bufio.Reader) error {
			return fn(base+i, typ, size, r)
		})
		start += n
		if n > 0 {
			refused = 0
		}
		switch {
		case err == nil:
		case errors.Is(err, errCatFileUnavailable):
			return start, err
		case ctx.Err() != nil:
			return start, ctx.Err()
		case n == 0 && refused == maxRefusals-1:
			return start, errCatFileUnavailable
		default:
			if n == 0 {
				refused++
			}
			if start < len(ids) {
				damaged(start)
				start++
			}
		}
	}
	return start, nil
}

// maxRefusals is how many times in a row git may fail before its first
// answer before streamAll stops starting it.
const maxRefusals = 3

// readHeader reads "<id> <type> <size>" or "<id> missing".
func readHeader(r *bufio.Reader) (typ string, size int64, err error) {
	line, err := r.ReadSlice('\n')
	if err != nil {
		return "", 0, err
	}
	f := bytes.Fields(line)
	switch {
	case len(f) == 2 && string(f[1]) == "missing":
		return "missing", 0, nil
	case len(f) != 3:
		return "", 0, fmt.Errorf("git cat-file: unexpected answer %q", line)
	}
	size, err = strconv.ParseInt(string(f[2]), 10, 64)
	if err != nil || size < 0 {
		return "", 0, fmt.Errorf("git cat-file: unexpected answer %q", line)
	}
	return string(f[1]), size, nil
}

const hexDigits = "0123456789abcdef"

func hexEncode(dst []byte, h plumbing.Hash) {
	for i, b := range h {
		dst[2*i], dst[2*i+1] = hexDigits[b>>4], hexDigits[b&15]
	}
}

// revList returns the commits reachable from tips and from none of
// exclude, as `git rev-list TIPS --not EXCLUDE` lists them. git stops at
// the boundary by commit date (and its commit-graph), where a walk of
// everything the excluded tips reach would read the whole history: on the
// 20k-commit repository of bench/history.sh a one-commit range took
// 0.23 s that way.
func (c *catFile) revList(ctx context.Context, tips, exclude []plumbing.Hash) (map[plumbing.Hash]struct{}, error) {
	var in bytes.Buffer
	for _, t := range tips {
		in.WriteString(t.String() + "\n")
	}
	for _, x := range exclude {
		in.WriteString("^" + x.String() + "\n")
	}
	cmd := exec.CommandContext(ctx, "git", "--git-dir="+c.gitDir, "rev-list", "--stdin")
	cmd.Stdin = &in
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("git rev-list: %v: %s", err, strings.TrimSpace(stderr.String()))
	}
	set := make(map[plumbing.Hash]struct{}, bytes.Count(out, []byte{'\n'}))
	for line := range bytes.Lines(out) {
		line = bytes.TrimSpace(line)
		if !plumbing.IsHash(string(line)) {
			return nil, fmt.Errorf("git rev-list: unexpected line %q", line)
		}
		set[plumbing.NewHash(string(line))] = struct{}{}
	}
	return set, nil
}
