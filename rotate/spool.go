package rotate

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// Spool is a write-ahead log of webhook events, one JSON record per line:
// an event is appended (and synced to disk) before its first attempt, and
// a delivered or refused record is appended after it. An event without a
// later delivered record is pending, and `leakstop rotate replay` sends it
// again. The spool holds no signature, no key and no plaintext secret.
//
// Every change happens under an exclusive lock on the file (flock on
// unix), so that runs sharing a spool do not interleave their records.
// Compact rewrites the file into a new one and renames it over the old:
// a writer that waited for the lock on the old file sees that it was
// replaced and opens the new one.
type Spool struct {
	path string
	mu   sync.Mutex // serialises this process's writers; the file lock, other processes
}

// State of a spooled event.
type State string

const (
	Pending   State = "pending"
	Delivered State = "delivered"
	Refused   State = "refused"
)

// record is one line of the spool.
type record struct {
	V  int    `json:"v"`
	Op State  `json:"op"` // pending (the event itself), delivered or refused
	ID string `json:"id"`
	// URL is the webhook the event is for (Op pending).
	URL  string    `json:"url,omitempty"`
	Time time.Time `json:"time"`
	// Status and Reason say how the receiver answered (refused: why).
	Status int             `json:"status,omitempty"`
	Reason string          `json:"reason,omitempty"`
	Rule   string          `json:"rule,omitempty"`
	Hash   string          `json:"hash,omitempty"`
	Body   json.RawMessage `json:"body,omitempty"`
}

const recordVersion = 1

// Entry is an event in the spool that was not delivered.
type Entry struct {
	Event Event
	URL   string
	State State // Pending or Refused
	// Spooled is when the event was last appended.
	Spooled time.Time
	// Status and Reason say why a refused event was refused.
	Status int
	Reason string
}

// OpenSpool opens the spool at path, creating it (mode 0600) and its
// missing folders (mode 0700). A spool that others may read is made
// private: it lists where secrets are.
func OpenSpool(path string) (*Spool, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o700); err != nil {
		return nil, fmt.Errorf("spool: %w", err)
	}
	_, statErr := os.Stat(abs)
	f, err := os.OpenFile(abs, os.O_RDWR|os.O_CREATE|os.O_APPEND, 0o600)
	if err != nil {
		return nil, fmt.Errorf("spool: %w", err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("spool: %w", err)
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("spool %s: not a regular file", abs)
	}
	if fi.Mode().Perm()&0o077 != 0 {
		if err := f.Chmod(0o600); err != nil {
			return nil, fmt.Errorf("spool: %w", err)
		}
	}
	if errors.Is(statErr, os.ErrNotExist) {
		if err := syncDir(filepath.Dir(abs)); err != nil {
			return nil, fmt.Errorf("spool: %w", err)
		}
	}
	return &Spool{path: abs}, nil
}

// Path is the spool's absolute path.
func (s *Spool) Path() string { return s.path }

// Append writes events for url to the spool as pending and syncs the file
// before returning: the write-ahead that makes an event survive a crash
// during its delivery. Events are stored without the plaintext secret.
func (s *Spool) Append(url string, events []Event, now time.Time) error {
	if len(events) == 0 {
		return nil
	}
	var buf bytes.Buffer
	for i := range events {
		ev := &events[i]
		if err := appendRecord(&buf, record{Op: Pending, ID: ev.ID, URL: url, Time: now, Rule: ev.Rule, Hash: ev.Hash, Body: ev.Body}); err != nil {
			return err
		}
	}
	return s.write(buf.Bytes(), true)
}

// Mark is how an event ended: Delivered, or Refused with the receiver's
// status and why.
type Mark struct {
	ID     string
	State  State
	Status int
	Reason string
	Time   time.Time
}

// Mark records how events ended. It does not sync: a mark lost in a crash
// makes replay send the event again, under the same id.
func (s *Spool) Mark(marks ...Mark) error {
	if len(marks) == 0 {
		return nil
	}
	var buf bytes.Buffer
	for _, m := range marks {
		if err := appendRecord(&buf, record{Op: m.State, ID: m.ID, Time: m.Time, Status: m.Status, Reason: m.Reason}); err != nil {
			return err
		}
	}
	return s.write(buf.Bytes(), false)
}

func appendRecord(buf *bytes.Buffer, r record) error {
	r.V = recordVersion
	b, err := json.Marshal(r)
	if err != nil {
		return fmt.Errorf("spool record %s: %w", r.ID, err)
	}
	buf.Write(b)
	buf.WriteByte('\n')
	return nil
}

// write appends data under the lock, after a line break if a crash left
// the last line unfinished.
func (s *Spool) write(data []byte, sync bool) error {
	return s.locked(func(f *os.File) error {
		fi, err := f.Stat()
		if err != nil {
			return err
		}
		if fi.Size() > 0 {
			last := make([]byte, 1)
			if _, err := f.ReadAt(last, fi.Size()-1); err != nil {
				return err
			}
			if last[0] != '\n' {
				data = append([]byte{'\n'}, data...)
			}
		}
		if _, err := f.Write(data); err != nil {
			return err
		}
		if sync {
			return f.Sync()
		}
		return nil
	})
}

// locked runs fn on the spool file, opened for appending, under an
// exclusive lock.
func (s *Spool) locked(fn func(f *os.File) error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for {
		f, err := os.OpenFile(s.path, os.O_RDWR|os.O_CREATE|os.O_APPEND, 0o600)
		if err != nil {
			return fmt.Errorf("spool: %w", err)
		}
		if err := lockFile(f); err != nil {
			f.Close()
			return fmt.Errorf("spool %s: lock: %w", s.path, err)
		}
		// A compaction may have replaced the file while we waited.
		held, herr := f.Stat()
		now, nerr := os.Stat(s.path)
		if herr == nil && nerr == nil && os.SameFile(held, now) {
			err := fn(f)
			unlockFile(f)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				return fmt.Errorf("spool %s: %w", s.path, err)
			}
			return nil
		}
		unlockFile(f)
		f.Close()
	}
}

// Load returns the events of the spool that were not delivered, in the
// order they were first spooled, and the number of lines it could not
// read (a line cut short by a crash).
func (s *Spool) Load() (entries []Entry, bad int, err error) {
	err = s.locked(func(f *os.File) error {
		entries, bad, err = readEntries(f)
		return err
	})
	return entries, bad, err
}

func readEntries(f *os.File) ([]Entry, int, error) {
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return nil, 0, err
	}
	var order []string
	byID := map[string]*Entry{}
	bad := 0
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 64<<20)
	for sc.Scan() {
		line := sc.Bytes()
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		var r record
		if err := json.Unmarshal(line, &r); err != nil || r.ID == "" || r.V != recordVersion {
			bad++
			continue
		}
		switch r.Op {
		case Pending:
			if len(r.Body) == 0 || r.URL == "" {
				bad++
				continue
			}
			e := byID[r.ID]
			if e == nil {
				e = &Entry{}
				byID[r.ID] = e
				order = append(order, r.ID)
			}
			*e = Entry{
				Event: Event{ID: r.ID, Body: bytes.Clone(r.Body), Rule: r.Rule, Hash: r.Hash},
				URL:   r.URL, State: Pending, Spooled: r.Time,
			}
		case Delivered:
			delete(byID, r.ID)
		case Refused:
			if e := byID[r.ID]; e != nil {
				e.State, e.Status, e.Reason = Refused, r.Status, r.Reason
			}
		default:
			bad++
		}
	}
	if err := sc.Err(); err != nil {
		return nil, bad, err
	}
	var out []Entry
	for _, id := range order {
		if e := byID[id]; e != nil {
			out = append(out, *e)
			delete(byID, id) // an id spooled, delivered and spooled again is listed once
		}
	}
	return out, bad, nil
}

// Compact rewrites the spool with only what was not delivered: each
// pending or refused event once, as last spooled. The new file is synced
// and renamed over the old one, so a crash leaves one or the other.
func (s *Spool) Compact() error {
	return s.locked(func(f *os.File) error {
		entries, _, err := readEntries(f)
		if err != nil {
			return err
		}
		var buf bytes.Buffer
		for _, e := range entries {
			if err := appendRecord(&buf, record{Op: Pending, ID: e.Event.ID, URL: e.URL, Time: e.Spooled,
				Rule: e.Event.Rule, Hash: e.Event.Hash, Body: e.Event.Body}); err != nil {
				return err
			}
			if e.State == Refused {
				if err := appendRecord(&buf, record{Op: Refused, ID: e.Event.ID, Time: e.Spooled, Status: e.Status, Reason: e.Reason}); err != nil {
					return err
				}
			}
		}
		dir := filepath.Dir(s.path)
		tmp, err := os.CreateTemp(dir, "."+filepath.Base(s.path)+".*")
		if err != nil {
			return err
		}
		defer os.Remove(tmp.Name()) // gone after the rename; cleans up on failure
		if err := tmp.Chmod(0o600); err != nil {
			tmp.Close()
			return err
		}
		if _, err := tmp.Write(buf.Bytes()); err != nil {
			tmp.Close()
			return err
		}
		if err := tmp.Sync(); err != nil {
			tmp.Close()
			return err
		}
		if err := tmp.Close(); err != nil {
			return err
		}
		if err := os.Rename(tmp.Name(), s.path); err != nil {
			return err
		}
		return syncDir(dir)
	})
}

// syncDir syncs a folder, so that a file created or renamed in it survives
// a crash. Systems that cannot sync a folder are passed over.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, os.ErrInvalid) && !errors.Is(err, errors.ErrUnsupported) {
		return err
	}
	return nil
}
