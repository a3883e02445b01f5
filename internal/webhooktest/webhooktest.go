// Package webhooktest is a webhook receiver for tests: a loopback HTTP
// server that checks each delivery as the Standard Webhooks specification
// tells a receiver to, records the events it accepted by webhook-id, and
// can fail requests on purpose (5xx, 429, no answer) and be stopped and
// restarted on its address.
//
// Its verification is written from the specification's text, apart from
// the signer in package rotate, so that a test of one checks the other.
package webhooktest

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Tolerance is how far a webhook-timestamp may be from the receiver's
// clock: the specification's replay protection (5 minutes is what its
// libraries use).
const Tolerance = 5 * time.Minute

// Verify checks a delivery: the three headers are present, the timestamp
// is within Tolerance of now, and one of the space-delimited signatures is
// "v1," and the base64 HMAC-SHA256, keyed by the base64-decoded part of
// one of the whsec_ secrets, of the id, a full stop, the timestamp, a full
// stop and the raw body. Signatures are compared in constant time.
func Verify(secrets []string, h http.Header, body []byte, now time.Time) error {
	id, ts, sigs := h.Get("webhook-id"), h.Get("webhook-timestamp"), h.Get("webhook-signature")
	if id == "" || ts == "" || sigs == "" {
		return errors.New("missing webhook-id, webhook-timestamp or webhook-signature")
	}
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return fmt.Errorf("webhook-timestamp %q is not integer Unix seconds", ts)
	}
	if d := now.Sub(time.Unix(sec, 0)); d > Tolerance || d < -Tolerance {
		return fmt.Errorf("webhook-timestamp is %s away from now", d)
	}
	signed := []byte(id + "." + ts + ".")
	signed = append(signed, body...)
	for _, secret := range secrets {
		key, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(secret, "whsec_"))
		if err != nil {
			return fmt.Errorf("bad test secret: %v", err)
		}
		m := hmac.New(sha256.New, key)
		m.Write(signed)
		want := m.Sum(nil)
		for _, s := range strings.Split(sigs, " ") {
			version, value, ok := strings.Cut(s, ",")
			if !ok || version != "v1" {
				continue
			}
			got, err := base64.StdEncoding.DecodeString(value)
			if err == nil && hmac.Equal(got, want) {
				return nil
			}
		}
	}
	return errors.New("no signature matches")
}

// Faults are the failures a Receiver injects, as fractions of requests.
type Faults struct {
	ServerError float64 // answer 500, 502 or 503
	TooMany     float64 // answer 429 with RetryAfter
	Hang        float64 // answer nothing until the client gives up
	// RetryAfter is the Retry-After of a 429 ("" for none).
	RetryAfter string
	// Seed makes the choice of failing requests reproducible.
	Seed uint64
}

// Counts say what a Receiver saw.
type Counts struct {
	Requests, Accepted, Duplicates, Invalid int
	ServerErrors, TooMany, Hung             int
}

// Receiver is a webhook endpoint on 127.0.0.1.
type Receiver struct {
	Secrets []string // whsec_ keys any of which may sign a delivery
	Faults  Faults
	// Now is the receiver's clock; nil: time.Now.
	Now func() time.Time

	mu       sync.Mutex
	rng      *rand.Rand
	addr     string
	srv      *http.Server
	counts   Counts
	accepted map[string][]byte // webhook-id → body
}

// Start listens on a free loopback port and returns the webhook's URL.
func (r *Receiver) Start() (string, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.rng = rand.New(rand.NewPCG(r.Faults.Seed, 1))
	r.accepted = map[string][]byte{}
	if err := r.listen("127.0.0.1:0"); err != nil {
		return "", err
	}
	return "http://" + r.addr + "/hooks/rotate", nil
}

func (r *Receiver) listen(addr string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	r.addr = ln.Addr().String()
	r.srv = &http.Server{Handler: http.HandlerFunc(r.serve), ReadHeaderTimeout: 5 * time.Second}
	go r.srv.Serve(ln)
	return nil
}

// Stop kills the receiver: its listener and every open connection close
// at once, as when the process dies.
func (r *Receiver) Stop() {
	r.mu.Lock()
	srv := r.srv
	r.srv = nil
	r.mu.Unlock()
	if srv != nil {
		srv.Close()
	}
}

// Restart listens again on the address it had.
func (r *Receiver) Restart() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	var err error
	for range 50 { // the port may take a moment to be free again
		if err = r.listen(r.addr); err == nil {
			return nil
		}
		time.Sleep(20 * time.Millisecond)
	}
	return err
}

// Counts returns what the receiver saw so far.
func (r *Receiver) Counts() Counts {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.counts
}

// Accepted returns the bodies of the events accepted, by webhook-id.
func (r *Receiver) Accepted() map[string][]byte {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make(map[string][]byte, len(r.accepted))
	for k, v := range r.accepted {
		out[k] = v
	}
	return out
}

func (r *Receiver) serve(w http.ResponseWriter, req *http.Request) {
	body, err := io.ReadAll(io.LimitReader(req.Body, 1<<20))
	if err != nil {
		return
	}
	now := time.Now()
	if r.Now != nil {
		now = r.Now()
	}
	r.mu.Lock()
	r.counts.Requests++
	roll := r.rng.Float64()
	f := r.Faults
	switch {
	case roll < f.ServerError:
		r.counts.ServerErrors++
		status := []int{500, 502, 503}[r.rng.IntN(3)]
		r.mu.Unlock()
		w.WriteHeader(status)
		return
	case roll < f.ServerError+f.TooMany:
		r.counts.TooMany++
		r.mu.Unlock()
		if f.RetryAfter != "" {
			w.Header().Set("Retry-After", f.RetryAfter)
		}
		w.WriteHeader(http.StatusTooManyRequests)
		return
	case roll < f.ServerError+f.TooMany+f.Hang:
		r.counts.Hung++
		r.mu.Unlock()
		select { // until the client gives up or the receiver is stopped
		case <-req.Context().Done():
		case <-time.After(time.Minute):
		}
		return
	}
	if req.Method != http.MethodPost || req.Header.Get("Content-Type") != "application/json" {
		r.counts.Invalid++
		r.mu.Unlock()
		w.WriteHeader(http.StatusBadRequest)
		return
	}
	if err := Verify(r.Secrets, req.Header, body, now); err != nil {
		r.counts.Invalid++
		r.mu.Unlock()
		http.Error(w, err.Error(), http.StatusUnauthorized)
		return
	}
	id := req.Header.Get("webhook-id")
	if _, dup := r.accepted[id]; dup {
		r.counts.Duplicates++
	}
	r.accepted[id] = body
	r.counts.Accepted++
	r.mu.Unlock()
	w.WriteHeader(http.StatusNoContent)
}
