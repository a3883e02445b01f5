package rotate

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// A line cut short by a crash is skipped, and the next record starts on
// a line of its own.
func TestSpoolTornLine(t *testing.T) {
	sp := testSpool(t)
	evs := testEvents(t, 3)
	now := time.Now()
	if err := sp.Append("https://vault.example.com/hook", evs[:2], now); err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(sp.Path(), os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString(`{"v":1,"op":"pending","id":"evt_torn","url":"https://vault.exa`)
	f.Close()
	if err := sp.Append("https://vault.example.com/hook", evs[2:], now); err != nil {
		t.Fatal(err)
	}
	if err := sp.Mark(Mark{ID: evs[0].ID, State: Delivered, Status: 204, Time: now}); err != nil {
		t.Fatal(err)
	}
	entries, bad, err := sp.Load()
	if err != nil || bad != 1 || len(entries) != 2 || entries[0].Event.ID != evs[1].ID || entries[1].Event.ID != evs[2].ID {
		t.Fatalf("%d entries, %d bad, %v", len(entries), bad, err)
	}
	if err := sp.Compact(); err != nil {
		t.Fatal(err)
	}
	if _, bad, _ := sp.Load(); bad != 0 {
		t.Errorf("compaction kept %d unreadable lines", bad)
	}
}

// An event spooled again after its delivery (the next run found the same
// secret at the same places) is pending again, and listed once.
func TestSpoolRespooled(t *testing.T) {
	sp := testSpool(t)
	evs := testEvents(t, 1)
	now := time.Now()
	for _, step := range []func() error{
		func() error { return sp.Append("https://a.example/hook", evs, now) },
		func() error { return sp.Mark(Mark{ID: evs[0].ID, State: Delivered, Status: 200, Time: now}) },
		func() error { return sp.Append("https://a.example/hook", evs, now) },
		func() error {
			return sp.Mark(Mark{ID: evs[0].ID, State: Refused, Status: 400, Reason: "status 400 Bad Request", Time: now})
		},
		func() error { return sp.Append("https://a.example/hook", evs, now) },
	} {
		if err := step(); err != nil {
			t.Fatal(err)
		}
	}
	entries, _, err := sp.Load()
	if err != nil || len(entries) != 1 || entries[0].State != Pending {
		t.Fatalf("%+v, %v", entries, err)
	}
}

// A spool others could read is made private when opened.
func TestSpoolMadePrivate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "spool.jsonl")
	if err := os.WriteFile(path, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := OpenSpool(path); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", fi.Mode().Perm())
	}
	if _, err := OpenSpool(t.TempDir()); err == nil {
		t.Error("a folder was accepted as a spool")
	}
}

// Several processes append and mark while another compacts: no record
// is lost or torn.
func TestSpoolConcurrentProcesses(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the spool is locked with flock on unix only")
	}
	if os.Getenv("ROTATE_SPOOL_WRITER") != "" {
		t.Skip("child process")
	}
	path := filepath.Join(t.TempDir(), "spool.jsonl")
	sp, err := OpenSpool(path)
	if err != nil {
		t.Fatal(err)
	}
	const procs, batches, perBatch = 4, 40, 5
	var cmds []*exec.Cmd
	for p := range procs {
		cmd := exec.Command(os.Args[0], "-test.run=^TestSpoolWriterProcess$", "-test.count=1")
		cmd.Env = append(os.Environ(), fmt.Sprintf("ROTATE_SPOOL_WRITER=%s|%d|%d|%d", path, p, batches, perBatch))
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds = append(cmds, cmd)
	}
	var wg sync.WaitGroup
	stop := make(chan struct{})
	compactions := 0
	wg.Go(func() {
		for {
			select {
			case <-stop:
				return
			default:
			}
			if err := sp.Compact(); err != nil {
				t.Errorf("compact: %v", err)
				return
			}
			compactions++
			time.Sleep(time.Millisecond)
		}
	})
	for _, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Errorf("writer: %v", err)
		}
	}
	close(stop)
	wg.Wait()
	entries, bad, err := sp.Load()
	if err != nil || bad != 0 {
		t.Fatalf("load: %d bad lines, %v", bad, err)
	}
	var got, want []string
	for _, e := range entries {
		got = append(got, e.Event.ID)
	}
	for p := range procs {
		for i := range batches * perBatch {
			if i%2 == 1 {
				want = append(want, fmt.Sprintf("evt_p%d_%d", p, i))
			}
		}
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Fatalf("%d pending events, want %d", len(got), len(want))
	}
	t.Logf("%d processes × %d events, %d compactions meanwhile: %d pending, as expected", procs, batches*perBatch, compactions, len(got))
}

// TestSpoolWriterProcess is a child of TestSpoolConcurrentProcesses: it
// appends batches of events and marks the even ones delivered.
func TestSpoolWriterProcess(t *testing.T) {
	arg := os.Getenv("ROTATE_SPOOL_WRITER")
	if arg == "" {
		t.Skip("run by TestSpoolConcurrentProcesses")
	}
	parts := strings.Split(arg, "|")
	p, _ := strconv.Atoi(parts[1])
	batches, _ := strconv.Atoi(parts[2])
	perBatch, _ := strconv.Atoi(parts[3])
	sp, err := OpenSpool(parts[0])
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	for b := range batches {
		evs := make([]Event, perBatch)
		for i := range evs {
			n := b*perBatch + i
			body, _ := json.Marshal(map[string]any{"n": n, "pad": strings.Repeat("x", 300)})
			evs[i] = Event{ID: fmt.Sprintf("evt_p%d_%d", p, n), Body: body}
		}
		if err := sp.Append("https://vault.example.com/hook", evs, now); err != nil {
			t.Fatal(err)
		}
		for i, ev := range evs {
			if (b*perBatch+i)%2 == 0 {
				if err := sp.Mark(Mark{ID: ev.ID, State: Delivered, Status: 204, Time: now}); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
}
