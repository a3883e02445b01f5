package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/leakstop/leakstop/internal/webhooktest"
	"github.com/leakstop/leakstop/rotate"
	"github.com/leakstop/leakstop/rules"
	"github.com/leakstop/leakstop/rules/fake"
)

// TestRotateFaultInjection runs the built leakstop on 1,000 distinct
// confirmed secrets against a loopback receiver that fails 30% of
// requests (5xx, 429 with Retry-After, no answer), is killed and restarted
// mid-run, and kills the scanner with SIGKILL mid-delivery. After `rotate
// replay` the receiver must hold every event, each with a valid
// signature; duplicates by webhook-id may arrive.
func TestRotateFaultInjection(t *testing.T) {
	if testing.Short() {
		t.Skip("builds leakstop and delivers 1,000 events")
	}
	start := time.Now()
	work := t.TempDir()
	bin := filepath.Join(work, "leakstop")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	built := time.Since(start)

	// 1,000 distinct GitHub tokens (checksummed: confirmed), 10 per file.
	set, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	rule, _ := set.Lookup("github-pat")
	gen := fake.New(20250301)
	tree := filepath.Join(work, "tree")
	want := map[string]bool{} // secret_sha256 of each
	const secrets, perFile = 1000, 10
	for f := 0; f < secrets/perFile; f++ {
		var b strings.Builder
		for i := 0; i < perFile; i++ {
			tok, err := gen.Secret(rule)
			if err != nil {
				t.Fatal(err)
			}
			want[sha256Hex(tok)] = true
			fmt.Fprintf(&b, "SERVICE_%d_TOKEN=%s\n", i, tok)
		}
		p := filepath.Join(tree, fmt.Sprintf("svc%02d", f%10), fmt.Sprintf("app%03d.env", f))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if len(want) != secrets {
		t.Fatalf("%d distinct secrets generated, want %d", len(want), secrets)
	}

	// The receiver holds the old key only; leakstop signs with the new one
	// and the old one, as during a key change.
	oldKey, newKey := webhookSecret("fault old"), webhookSecret("fault new")
	rc := &webhooktest.Receiver{Secrets: []string{oldKey}, Faults: webhooktest.Faults{
		ServerError: 0.12, TooMany: 0.10, Hang: 0.08, RetryAfter: "1", Seed: 7,
	}}
	url, err := rc.Start()
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Stop()

	spool := filepath.Join(work, "state", "spool.jsonl")
	delivery := []string{"--rotate-timeout", "300ms", "--rotate-backoff", "20ms", "--rotate-concurrency", "16"}
	cmd := exec.Command(bin, append([]string{"dir", tree, "--rotate-url", url, "--rotate-spool", spool,
		"--rotate-attempts", "8", "--format", "json", "--report-path", os.DevNull, "--exit-code", "0", "--no-progress"}, delivery...)...)
	cmd.Env = append(os.Environ(), "LEAKSTOP_WEBHOOK_SECRET="+newKey+" "+oldKey, "LEAKSTOP_ROTATE_URL=")
	var scanErr bytes.Buffer
	cmd.Stderr = &scanErr
	runStart := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()

	// Kill the receiver after 100 events and bring it back 300 ms later;
	// kill the scanner with SIGKILL after 400.
	const restartAt, killAt = 100, 400
	restarted, killed := false, false
	var atKill webhooktest.Counts
	var runErr error
watch:
	for {
		select {
		case runErr = <-exited:
			break watch
		case <-time.After(time.Millisecond):
		}
		c := rc.Counts()
		if !restarted && c.Accepted >= restartAt {
			rc.Stop()
			time.Sleep(300 * time.Millisecond)
			if err := rc.Restart(); err != nil {
				t.Fatalf("restarting the receiver: %v", err)
			}
			restarted = true
		}
		if restarted && !killed && c.Accepted >= killAt {
			if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
				t.Fatal(err)
			}
			killed, atKill = true, rc.Counts()
		}
	}
	runTime := time.Since(runStart)
	var ee *exec.ExitError
	if !killed || !errors.As(runErr, &ee) || ee.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
		t.Fatalf("the scan was not killed mid-delivery (restarted %v, killed %v): %v\n%s", restarted, killed, runErr, scanErr.String())
	}
	sp, err := rotate.OpenSpool(spool)
	if err != nil {
		t.Fatal(err)
	}
	pending, bad, err := sp.Load()
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(400 * time.Millisecond) // let the killed run's last requests land or fail

	// Replay until the spool is empty, with the receiver still failing.
	replays, replayStart := 0, time.Now()
	var replayOut string
	for replays < 3 {
		replays++
		rcmd := exec.Command(bin, append([]string{"rotate", "replay", spool, "--rotate-attempts", "20"}, delivery...)...)
		rcmd.Env = append(os.Environ(), "LEAKSTOP_WEBHOOK_SECRET="+newKey+" "+oldKey)
		out, err := rcmd.Output()
		replayOut = string(out)
		if err == nil {
			break
		}
		if !errors.As(err, &ee) || ee.ExitCode() != exitPartial {
			t.Fatalf("replay: %v\n%s", err, ee.Stderr)
		}
		t.Logf("replay %d left events spooled:\n%s", replays, ee.Stderr)
	}
	replayTime := time.Since(replayStart)

	// Every event arrived, each with a valid signature, one per secret.
	c := rc.Counts()
	accepted := rc.Accepted()
	got := map[string]string{} // secret_sha256 → webhook-id
	for id, body := range accepted {
		var b rotate.Body
		if err := json.Unmarshal(body, &b); err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		if !want[b.Data.SecretSHA256] {
			t.Errorf("%s: an event for an unknown secret", id)
		}
		if other, dup := got[b.Data.SecretSHA256]; dup {
			t.Errorf("two ids for one secret: %s, %s", id, other)
		}
		got[b.Data.SecretSHA256] = id
	}
	if len(got) != secrets || len(accepted) != secrets {
		t.Errorf("the receiver holds %d events for %d secrets, want %d", len(accepted), len(got), secrets)
	}
	if c.Invalid != 0 {
		t.Errorf("%d deliveries did not verify", c.Invalid)
	}
	if entries, _, _ := sp.Load(); len(entries) != 0 {
		t.Errorf("%d events still spooled after replay", len(entries))
	}
	t.Logf("built leakstop in %s; scan killed with SIGKILL after %s", built.Round(time.Millisecond), runTime.Round(time.Millisecond))
	t.Logf("receiver: failed 30%% of requests (%d 5xx, %d 429 with Retry-After: 1, %d unanswered), stopped after %d events and restarted 300 ms later",
		c.ServerErrors, c.TooMany, c.Hung, restartAt)
	t.Logf("at the kill: %d events accepted (%d requests); spool: %d pending, %d unreadable lines", atKill.Accepted, atKill.Requests, len(pending), bad)
	t.Logf("replay: %d run(s), %s, %d lines of output", replays, replayTime.Round(time.Millisecond), strings.Count(replayOut, "\n"))
	t.Logf("total: %d requests, %d accepted, %d distinct webhook-ids (want %d), %d duplicates by id, %d invalid signatures; %s in all",
		c.Requests, c.Accepted, len(accepted), secrets, c.Duplicates, c.Invalid, time.Since(start).Round(time.Millisecond))
}
