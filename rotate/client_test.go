package rotate

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/leakstop/leakstop/detect"
	"github.com/leakstop/leakstop/internal/webhooktest"
)

func TestCheckURL(t *testing.T) {
	for _, tc := range []struct {
		url      string
		insecure bool
		err      string
	}{
		{"https://vault.example.com/hooks/leakstop", false, ""},
		{"http://127.0.0.1:8200/hook", false, ""},
		{"http://127.8.9.1/hook", false, ""},
		{"http://[::1]:9000/hook", false, ""},
		{"http://localhost:9000/hook", false, ""},
		{"http://vault.localhost/hook", false, ""},
		{"http://vault.example.com/hook", false, "plain http to vault.example.com"},
		{"http://10.0.0.8/hook", false, "plain http"},
		{"http://localhost.example.com/hook", false, "plain http"},
		{"http://vault.example.com/hook", true, ""},
		{"ftp://vault.example.com/hook", true, `scheme "ftp"`},
		{"https://deploy:hunter2hunter2@vault.example.com/hook", false, "credentials"},
		{"vault.example.com/hook", false, "not an absolute"},
		{"", false, "not an absolute"},
	} {
		t.Run(tc.url, func(t *testing.T) {
			_, err := CheckURL(tc.url, tc.insecure)
			if tc.err == "" && err != nil || tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)) {
				t.Fatalf("error %v, want %q", err, tc.err)
			}
			if err != nil && strings.Contains(err.Error(), "hunter2") {
				t.Errorf("the error repeats the URL's password: %v", err)
			}
		})
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	for in, want := range map[string]time.Duration{
		"":                              0,
		"0":                             0,
		"3":                             3 * time.Second,
		" 120 ":                         2 * time.Minute,
		"-5":                            0,
		"soon":                          0,
		"Sat, 01 Mar 2025 12:00:30 GMT": 30 * time.Second,
		"Sat, 01 Mar 2025 11:00:00 GMT": 0,
	} {
		if got := parseRetryAfter(in, now); got != want {
			t.Errorf("Retry-After %q: %s, want %s", in, got, want)
		}
	}
}

func TestBackoffGrowsWithJitter(t *testing.T) {
	c := &Client{o: Options{Backoff: 100 * time.Millisecond, MaxBackoff: time.Second}}
	for n, limit := range map[int]time.Duration{1: 100 * time.Millisecond, 2: 200 * time.Millisecond, 3: 400 * time.Millisecond, 5: time.Second, 30: time.Second} {
		seen := map[time.Duration]bool{}
		for range 200 {
			d := c.backoff(n)
			if d < limit/2 || d > limit {
				t.Fatalf("backoff after attempt %d: %s, want within [%s, %s]", n, d, limit/2, limit)
			}
			seen[d] = true
		}
		if len(seen) < 10 {
			t.Errorf("backoff after attempt %d has no jitter: %d distinct waits", n, len(seen))
		}
	}
}

// script is a receiver answering each request of an event with the next
// of its statuses (then 204), after checking the signature.
type script struct {
	t       *testing.T
	secrets []string
	mu      sync.Mutex
	answers map[string][]func(http.ResponseWriter) // by webhook-id; "" for any
	times   map[string][]time.Time
	bodies  map[string][]string
}

func newScript(t *testing.T, secrets ...string) (*script, *httptest.Server) {
	s := &script{t: t, secrets: secrets, answers: map[string][]func(http.ResponseWriter){}, times: map[string][]time.Time{}, bodies: map[string][]string{}}
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	return s, srv
}

func status(code int, header ...string) func(http.ResponseWriter) {
	return func(w http.ResponseWriter) {
		for i := 0; i+1 < len(header); i += 2 {
			w.Header().Set(header[i], header[i+1])
		}
		w.WriteHeader(code)
	}
}

func (s *script) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body := make([]byte, r.ContentLength)
	if _, err := r.Body.Read(body); err != nil && r.ContentLength > 0 && err.Error() != "EOF" {
		s.t.Errorf("reading the body: %v", err)
	}
	if err := webhooktest.Verify(s.secrets, r.Header, body, time.Now()); err != nil {
		s.t.Errorf("delivery does not verify: %v", err)
	}
	id := r.Header.Get(HeaderID)
	s.mu.Lock()
	s.times[id] = append(s.times[id], time.Now())
	s.bodies[id] = append(s.bodies[id], string(body))
	var answer func(http.ResponseWriter)
	if q := s.answers[id]; len(q) > 0 {
		answer, s.answers[id] = q[0], q[1:]
	} else if q := s.answers[""]; len(q) > 0 {
		answer, s.answers[""] = q[0], q[1:]
	}
	s.mu.Unlock()
	if answer == nil {
		answer = status(http.StatusNoContent)
	}
	answer(w)
}

func (s *script) attempts(id string) []time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.times[id]
}

// testEvents makes n events of distinct confirmed secrets.
func testEvents(t testing.TB, n int) []Event {
	fs := make([]detect.Finding, n)
	for i := range fs {
		fs[i] = finding("github-pat", fmt.Sprintf("ghp_fake%032d", i), fmt.Sprintf("dir%d/app.env", i%7), i+1, detect.StatusConfirmed)
	}
	evs, err := Events(fs, EventOptions{Now: time.Now(), Tool: Tool{Name: "leakstop", Version: "test"}})
	if err != nil || len(evs) != n {
		t.Fatalf("%d events, %v", len(evs), err)
	}
	return evs
}

func newTestClient(t *testing.T, url string, secrets []string, tweak func(*Options)) *Client {
	t.Helper()
	keys, err := ParseKeys(strings.Join(secrets, " "))
	if err != nil {
		t.Fatal(err)
	}
	o := Options{URL: url, Keys: keys, Timeout: 2 * time.Second, Attempts: 4, Backoff: 10 * time.Millisecond, MaxBackoff: 40 * time.Millisecond}
	if tweak != nil {
		tweak(&o)
	}
	c, err := New(o)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func testSpool(t *testing.T) *Spool {
	t.Helper()
	sp, err := OpenSpool(filepath.Join(t.TempDir(), "state", "spool.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	return sp
}

func TestDeliverRetries(t *testing.T) {
	key := testKey("retries", 32)
	s, srv := newScript(t, key)
	evs := testEvents(t, 1)
	id := evs[0].ID
	s.answers[id] = []func(http.ResponseWriter){
		status(http.StatusServiceUnavailable),
		status(http.StatusTooManyRequests, "Retry-After", "1"),
		status(http.StatusBadGateway),
	}
	c := newTestClient(t, srv.URL, []string{key}, nil)
	sp := testSpool(t)
	sum, err := c.Send(context.Background(), sp, evs, nil)
	if err != nil {
		t.Fatal(err)
	}
	if sum != (Summary{Delivered: 1}) {
		t.Fatalf("summary %+v, want 1 delivered", sum)
	}
	at := s.attempts(id)
	if len(at) != 4 {
		t.Fatalf("%d attempts, want 4 (503, 429, 502, then 204)", len(at))
	}
	if wait := at[2].Sub(at[1]); wait < time.Second {
		t.Errorf("retried %s after a 429 with Retry-After: 1", wait)
	}
	// Each attempt is signed afresh; the body is the same every time.
	s.mu.Lock()
	bodies := s.bodies[id]
	s.mu.Unlock()
	for _, b := range bodies[1:] {
		if b != bodies[0] {
			t.Errorf("the body changed between attempts")
		}
	}
	if entries, _, err := sp.Load(); err != nil || len(entries) != 0 {
		t.Errorf("the spool holds %d events after delivery (%v)", len(entries), err)
	}
}

func TestDeliverRefusals(t *testing.T) {
	key := testKey("refusals", 32)
	for _, code := range []int{http.StatusBadRequest, http.StatusUnauthorized, http.StatusNotFound, http.StatusGone, http.StatusMovedPermanently, http.StatusTemporaryRedirect} {
		t.Run(fmt.Sprint(code), func(t *testing.T) {
			s, srv := newScript(t, key)
			evs := testEvents(t, 1)
			s.answers[""] = []func(http.ResponseWriter){status(code, "Location", srv.URL+"/elsewhere")}
			c := newTestClient(t, srv.URL, []string{key}, nil)
			var got Result
			sum, err := c.Send(context.Background(), testSpool(t), evs, func(r Result) { got = r })
			if err != nil {
				t.Fatal(err)
			}
			if sum != (Summary{Refused: 1}) || got.State != Refused || got.Status != code || got.Attempts != 1 {
				t.Fatalf("summary %+v, result %+v: want refused at once", sum, got)
			}
			if n := len(s.attempts(evs[0].ID)); n != 1 {
				t.Errorf("%d requests: a %d was retried or a redirect followed", n, code)
			}
		})
	}
}

// An event that keeps failing stays pending in the spool, and a later
// replay delivers it under the same webhook-id.
func TestSpoolKeepsWhatFailed(t *testing.T) {
	key := testKey("spool", 32)
	// A port with nothing listening: connection refused.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	deadURL := "http://" + ln.Addr().String() + "/hook"
	ln.Close()
	evs := testEvents(t, 25)
	sp := testSpool(t)
	c := newTestClient(t, deadURL, []string{key}, nil)
	sum, err := c.Send(context.Background(), sp, evs, nil)
	if err != nil {
		t.Fatal(err)
	}
	if sum != (Summary{Spooled: 25}) {
		t.Fatalf("summary %+v, want 25 spooled", sum)
	}
	fi, err := os.Stat(sp.Path())
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("spool mode %v, %v; want 0600", fi.Mode(), err)
	}
	dir, _ := os.Stat(filepath.Dir(sp.Path()))
	if dir.Mode().Perm() != 0o700 {
		t.Errorf("spool folder mode %v, want 0700", dir.Mode().Perm())
	}
	entries, bad, err := sp.Load()
	if err != nil || bad != 0 || len(entries) != 25 {
		t.Fatalf("%d entries, %d bad, %v", len(entries), bad, err)
	}
	for i, e := range entries {
		if e.Event.ID != evs[i].ID || string(e.Event.Body) != string(evs[i].Body) || e.URL != deadURL || e.State != Pending {
			t.Fatalf("entry %d: %+v", i, e)
		}
	}

	// The receiver is back, at another address: replay there.
	s, srv := newScript(t, key)
	s.answers[entries[3].Event.ID] = []func(http.ResponseWriter){status(http.StatusUnprocessableEntity)}
	c2 := newTestClient(t, srv.URL, []string{key}, nil)
	replayed := make([]Event, len(entries))
	for i, e := range entries {
		replayed[i] = e.Event
	}
	sum, err = c2.Deliver(context.Background(), sp, replayed, nil)
	if err != nil || sum != (Summary{Delivered: 24, Refused: 1}) {
		t.Fatalf("replay: %+v, %v", sum, err)
	}
	for _, ev := range evs {
		if n := len(s.attempts(ev.ID)); n != 1 {
			t.Errorf("%s: %d deliveries", ev.ID, n)
		}
	}
	if err := sp.Compact(); err != nil {
		t.Fatal(err)
	}
	entries, bad, err = sp.Load()
	if err != nil || bad != 0 || len(entries) != 1 || entries[0].State != Refused || entries[0].Status != 422 {
		t.Fatalf("after compaction: %+v, %d bad, %v; want the refused event", entries, bad, err)
	}
	data, _ := os.ReadFile(sp.Path())
	if n := strings.Count(string(data), "\n"); n != 2 {
		t.Errorf("the compacted spool has %d lines, want 2 (the event and its refusal):\n%s", n, data)
	}
}

func TestDeliverGivesUp(t *testing.T) {
	key := testKey("gives-up", 32)
	t.Run("no answer", func(t *testing.T) {
		hang := make(chan struct{})
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			select {
			case <-r.Context().Done():
			case <-hang:
			}
		}))
		t.Cleanup(func() { close(hang); srv.Close() })
		c := newTestClient(t, srv.URL, []string{key}, func(o *Options) { o.Timeout, o.Attempts = 50*time.Millisecond, 3 })
		var got Result
		sum, err := c.Send(context.Background(), testSpool(t), testEvents(t, 1), func(r Result) { got = r })
		if err != nil || sum != (Summary{Spooled: 1}) || got.Attempts != 3 || !strings.Contains(got.Err.Error(), "no answer within 50ms") {
			t.Fatalf("summary %+v, %v, result %+v", sum, err, got)
		}
	})
	t.Run("Retry-After too long", func(t *testing.T) {
		s, srv := newScript(t, key)
		s.answers[""] = []func(http.ResponseWriter){status(http.StatusServiceUnavailable, "Retry-After", "3600")}
		c := newTestClient(t, srv.URL, []string{key}, nil)
		var got Result
		start := time.Now()
		sum, err := c.Send(context.Background(), testSpool(t), testEvents(t, 1), func(r Result) { got = r })
		if err != nil || sum != (Summary{Spooled: 1}) || got.Attempts != 1 || time.Since(start) > 5*time.Second {
			t.Fatalf("summary %+v, %v, result %+v", sum, err, got)
		}
	})
	t.Run("interrupted", func(t *testing.T) {
		s, srv := newScript(t, key)
		for range 100 {
			s.answers[""] = append(s.answers[""], status(http.StatusServiceUnavailable, "Retry-After", "30"))
		}
		c := newTestClient(t, srv.URL, []string{key}, nil)
		ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
		defer cancel()
		sp := testSpool(t)
		sum, err := c.Send(ctx, sp, testEvents(t, 10), nil)
		if err != nil || sum != (Summary{Spooled: 10}) {
			t.Fatalf("summary %+v, %v", sum, err)
		}
		if entries, _, _ := sp.Load(); len(entries) != 10 {
			t.Errorf("%d events in the spool, want 10", len(entries))
		}
	})
}

// No more requests than Concurrency are in flight at once.
func TestDeliverConcurrency(t *testing.T) {
	key := testKey("concurrency", 32)
	var mu sync.Mutex
	inflight, peak := 0, 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		inflight++
		peak = max(peak, inflight)
		mu.Unlock()
		time.Sleep(5 * time.Millisecond)
		mu.Lock()
		inflight--
		mu.Unlock()
		w.WriteHeader(http.StatusOK)
	}))
	t.Cleanup(srv.Close)
	c := newTestClient(t, srv.URL, []string{key}, func(o *Options) { o.Concurrency = 3 })
	sum, err := c.Send(context.Background(), testSpool(t), testEvents(t, 60), nil)
	if err != nil || sum.Delivered != 60 {
		t.Fatalf("%+v, %v", sum, err)
	}
	if peak > 3 || peak < 2 {
		t.Errorf("%d requests in flight at most, want up to 3", peak)
	}
}
