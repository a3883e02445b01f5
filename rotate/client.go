package rotate

import (
	"bytes"
	"container/heap"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Options configure a Client.
type Options struct {
	// URL is the webhook: https, or http to this machine (loopback)
	// unless Insecure.
	URL      string
	Insecure bool
	// Keys sign every attempt (one v1 signature each); at least one.
	Keys []Key
	// Timeout bounds one attempt; 15 s by default (the Standard Webhooks
	// specification recommends 15 to 30 s).
	Timeout time.Duration
	// Concurrency bounds the requests in flight; 8 by default. An event
	// waiting to be retried does not count.
	Concurrency int
	// Attempts bounds the attempts per event, the first included; 6 by
	// default. An event still failing after them stays in the spool.
	Attempts int
	// Backoff is the wait before the first retry, doubled for each
	// further one up to MaxBackoff, with jitter (each wait is drawn
	// between half and all of it); 1 s and 30 s by default.
	Backoff, MaxBackoff time.Duration
	// MaxRetryAfter is the longest Retry-After honoured (60 s by
	// default): a receiver asking for a longer wait leaves the event in
	// the spool rather than holding the run.
	MaxRetryAfter time.Duration
	// UserAgent is sent with every request.
	UserAgent string
	// Transport makes the requests; nil: a transport of its own.
	Transport http.RoundTripper
	// Now stamps attempts (webhook-timestamp) and spool records; nil:
	// time.Now.
	Now func() time.Time
}

func (o *Options) applyDefaults() {
	if o.Timeout <= 0 {
		o.Timeout = 15 * time.Second
	}
	if o.Concurrency <= 0 {
		o.Concurrency = 8
	}
	if o.Attempts <= 0 {
		o.Attempts = 6
	}
	if o.Backoff <= 0 {
		o.Backoff = time.Second
	}
	if o.MaxBackoff <= 0 {
		o.MaxBackoff = 30 * time.Second
	}
	if o.MaxBackoff < o.Backoff {
		o.MaxBackoff = o.Backoff
	}
	if o.MaxRetryAfter <= 0 {
		o.MaxRetryAfter = time.Minute
	}
	if o.UserAgent == "" {
		o.UserAgent = "leakstop"
	}
	if o.Now == nil {
		o.Now = time.Now
	}
}

// Client delivers events to one webhook.
type Client struct {
	o    Options
	url  string
	http *http.Client
}

// New checks o's URL and keys and returns a client.
func New(o Options) (*Client, error) {
	o.applyDefaults()
	u, err := CheckURL(o.URL, o.Insecure)
	if err != nil {
		return nil, err
	}
	if len(o.Keys) == 0 {
		return nil, errors.New("no signing key")
	}
	rt := o.Transport
	if rt == nil {
		t := http.DefaultTransport.(*http.Transport).Clone()
		t.MaxIdleConnsPerHost = o.Concurrency
		rt = t
	}
	return &Client{o: o, url: u.String(), http: &http.Client{
		Transport: rt,
		// A redirect is a failure (Standard Webhooks): following it would
		// also let an https URL lead to plain http.
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}}, nil
}

// URL is the webhook the client posts to.
func (c *Client) URL() string { return c.url }

// CheckURL parses a webhook URL: https, or http to a loopback host
// (localhost, 127.0.0.0/8, ::1) unless insecure allows any host. Names
// are not resolved: a name that resolves to loopback today may not
// tomorrow. Credentials in the URL are refused: the signature
// authenticates the request, and the spool keeps the URL.
func CheckURL(raw string, insecure bool) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || u.Opaque != "" {
		return nil, errors.New("not an absolute http or https URL")
	}
	if u.User != nil {
		return nil, errors.New("the URL carries credentials (user:password@): the signature authenticates each request, and the spool keeps the URL; remove them")
	}
	switch strings.ToLower(u.Scheme) {
	case "https":
	case "http":
		if !insecure && !IsLoopbackHost(u.Hostname()) {
			return nil, fmt.Errorf("plain http to %s would send the event unencrypted: use https (or allow it with --rotate-insecure)", u.Hostname())
		}
	default:
		return nil, fmt.Errorf("scheme %q: want https (or http to this machine)", u.Scheme)
	}
	return u, nil
}

// IsLoopbackHost reports whether host names this machine without a name
// lookup: localhost and its subdomains (RFC 6761), or a loopback address.
func IsLoopbackHost(host string) bool {
	h := strings.ToLower(strings.TrimSuffix(host, "."))
	if h == "localhost" || strings.HasSuffix(h, ".localhost") {
		return true
	}
	ip := net.ParseIP(h)
	return ip != nil && ip.IsLoopback()
}

// Result is how one event's delivery ended.
type Result struct {
	ID, Rule, Hash string
	// State is Delivered (a 2xx), Refused (another status but 429 and
	// 5xx, which are retried) or Pending (still failing after every
	// attempt, or the run was interrupted: it stays in the spool).
	State    State
	Status   int // the last HTTP status; 0 when the last attempt got none
	Attempts int
	// Err says why the last attempt failed; nil when delivered.
	Err error
}

// Summary counts how a run's events ended.
type Summary struct {
	Delivered, Refused, Spooled int
	// Lost counts events neither delivered nor in the spool: the spool
	// could not be written.
	Lost int
}

func (s *Summary) add(r Result, spooled bool) {
	switch {
	case r.State == Delivered:
		s.Delivered++
	case r.State == Refused:
		s.Refused++
	case spooled:
		s.Spooled++
	default:
		s.Lost++
	}
}

// Send delivers a run's events: it appends them to the spool (synced)
// before the first attempt, delivers them, records each outcome in the
// spool, and compacts it. done, if not nil, receives each event's result
// as it ends (from one goroutine). If the spool cannot be written the
// events are still sent, and the error says so.
func (c *Client) Send(ctx context.Context, sp *Spool, events []Event, done func(Result)) (Summary, error) {
	var spoolErr error
	if sp != nil {
		if err := sp.Append(c.url, events, c.o.Now()); err != nil {
			spoolErr, sp = fmt.Errorf("the events could not be spooled: %w", err), nil
		}
	}
	sum, err := c.Deliver(ctx, sp, events, done)
	if sp != nil {
		if cerr := sp.Compact(); err == nil {
			err = cerr
		}
	}
	return sum, errors.Join(spoolErr, err)
}

// Deliver delivers events that are in sp already (sp nil: nowhere),
// marking each delivered or refused there. It returns the first error
// writing the spool; deliveries go on regardless.
func (c *Client) Deliver(ctx context.Context, sp *Spool, events []Event, done func(Result)) (Summary, error) {
	var sum Summary
	var spoolErr error
	// Marks are written in batches: one locked write for many events. A
	// batch lost in a crash only makes replay send its events again.
	var marks []Mark
	lastFlush := time.Now()
	flush := func() {
		if err := sp.Mark(marks...); err != nil && spoolErr == nil {
			spoolErr = err
		}
		marks, lastFlush = marks[:0], time.Now()
	}
	c.deliverAll(ctx, events, func(r Result) {
		if sp != nil && r.State != Pending {
			m := Mark{ID: r.ID, State: r.State, Status: r.Status, Time: c.o.Now()}
			if r.Err != nil {
				m.Reason = r.Err.Error()
			}
			marks = append(marks, m)
			if len(marks) >= markBatch || time.Since(lastFlush) >= markDelay {
				flush()
			}
		}
		sum.add(r, sp != nil)
		if done != nil {
			done(r)
		}
	})
	if sp != nil {
		flush()
	}
	return sum, spoolErr
}

// A batch of marks is written when it holds markBatch marks or markDelay
// has passed since the last write.
const (
	markBatch = 64
	markDelay = 100 * time.Millisecond
)

// job is one event's delivery: its attempts so far and when the next is
// due.
type job struct {
	ev       *Event
	attempts int
	due      time.Time
	index    int // in the heap
}

// attempted is what one attempt got.
type attempted struct {
	j          *job
	status     int
	retryAfter time.Duration // 0: none
	err        error
}

// deliverAll runs every event's attempts: at most Concurrency requests
// in flight, retries waiting in a queue ordered by when they are due (no
// goroutine per waiting event), until each event is delivered, refused or
// out of attempts, or ctx ends.
func (c *Client) deliverAll(ctx context.Context, events []Event, done func(Result)) {
	var queue jobQueue
	start := time.Now()
	for i := range events {
		heap.Push(&queue, &job{ev: &events[i], due: start})
	}
	results := make(chan attempted)
	inflight := 0
	timer := time.NewTimer(time.Hour)
	defer timer.Stop()
	for queue.Len() > 0 || inflight > 0 {
		if ctx.Err() != nil {
			for queue.Len() > 0 {
				j := heap.Pop(&queue).(*job)
				done(c.result(j, Pending, 0, fmt.Errorf("interrupted: %w", ctx.Err())))
			}
			for ; inflight > 0; inflight-- {
				if r, final := c.settle(<-results, true); final {
					done(r)
				}
			}
			return
		}
		now := time.Now()
		for inflight < c.o.Concurrency && queue.Len() > 0 && !queue[0].due.After(now) {
			j := heap.Pop(&queue).(*job)
			inflight++
			go func() { results <- c.attempt(ctx, j) }()
		}
		var wake <-chan time.Time
		if inflight < c.o.Concurrency && queue.Len() > 0 {
			timer.Reset(queue[0].due.Sub(now))
			wake = timer.C
		}
		select {
		case a := <-results:
			inflight--
			if r, final := c.settle(a, false); final {
				done(r)
			} else {
				heap.Push(&queue, a.j)
			}
		case <-wake:
		case <-ctx.Done():
		}
		timer.Stop()
	}
}

// settle decides what an attempt's outcome means: a final result, or a
// retry (final false, the job's due time set). stopping allows no retry.
func (c *Client) settle(a attempted, stopping bool) (Result, bool) {
	j := a.j
	switch {
	case a.err == nil && a.status >= 200 && a.status < 300:
		return c.result(j, Delivered, a.status, nil), true
	case a.err == nil && !retryable(a.status):
		return c.result(j, Refused, a.status, statusError(a.status)), true
	}
	failure := a.err
	if failure == nil {
		failure = statusError(a.status)
	}
	if stopping {
		return c.result(j, Pending, a.status, failure), true
	}
	if j.attempts >= c.o.Attempts {
		return c.result(j, Pending, a.status, fmt.Errorf("%w (after %d attempts)", failure, j.attempts)), true
	}
	wait := c.backoff(j.attempts)
	if a.retryAfter > 0 {
		if a.retryAfter > c.o.MaxRetryAfter {
			return c.result(j, Pending, a.status, fmt.Errorf("%w; asked to retry after %s, longer than %s", failure, a.retryAfter, c.o.MaxRetryAfter)), true
		}
		wait = max(wait, a.retryAfter)
	}
	j.due = time.Now().Add(wait)
	return Result{}, false
}

func (c *Client) result(j *job, state State, status int, err error) Result {
	return Result{ID: j.ev.ID, Rule: j.ev.Rule, Hash: j.ev.Hash, State: state, Status: status, Attempts: j.attempts, Err: err}
}

// retryable reports whether a status is worth retrying: 429 (too many
// requests) and 5xx. Other statuses will not change on a retry.
func retryable(status int) bool {
	return status == http.StatusTooManyRequests || status >= 500 && status <= 599
}

func statusError(status int) error {
	text := http.StatusText(status)
	if status >= 300 && status < 400 {
		text += "; redirects are not followed: give the final URL"
	}
	return fmt.Errorf("status %d %s", status, text)
}

// backoff is the wait after the n-th failed attempt: Backoff doubled n-1
// times, at most MaxBackoff, drawn at random between half and all of it
// so that retries of many events spread out.
func (c *Client) backoff(n int) time.Duration {
	d := c.o.Backoff
	for i := 1; i < n && d < c.o.MaxBackoff; i++ {
		d *= 2
	}
	d = min(d, c.o.MaxBackoff)
	half := d / 2
	return half + rand.N(d-half+1)
}

// attempt posts the event once, signed with the current time.
func (c *Client) attempt(ctx context.Context, j *job) attempted {
	j.attempts++
	a := attempted{j: j}
	actx, cancel := context.WithTimeout(ctx, c.o.Timeout)
	defer cancel()
	body := j.ev.payload()
	req, err := http.NewRequestWithContext(actx, http.MethodPost, c.url, bytes.NewReader(body))
	if err != nil {
		a.err = err
		return a
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", c.o.UserAgent)
	sign(req.Header, c.o.Keys, j.ev.ID, c.o.Now().Unix(), body)
	resp, err := c.http.Do(req)
	if err != nil {
		a.err = attemptError(err, actx, c.o.Timeout)
		return a
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10)) // lets the connection be reused
	resp.Body.Close()
	a.status = resp.StatusCode
	if retryable(resp.StatusCode) {
		a.retryAfter = parseRetryAfter(resp.Header.Get("Retry-After"), c.o.Now())
	}
	return a
}

// attemptError says why a request failed, without its URL (which may
// carry a token in its query).
func attemptError(err error, actx context.Context, timeout time.Duration) error {
	if errors.Is(actx.Err(), context.DeadlineExceeded) {
		return fmt.Errorf("no answer within %s", timeout)
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// parseRetryAfter reads a Retry-After header: seconds, or an HTTP date.
// 0 when absent or unreadable.
func parseRetryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if n, err := strconv.ParseInt(v, 10, 64); err == nil {
		if n <= 0 {
			return 0
		}
		return time.Duration(min(n, 1<<30)) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}

// jobQueue is a min-heap of jobs by due time.
type jobQueue []*job

func (q jobQueue) Len() int           { return len(q) }
func (q jobQueue) Less(i, j int) bool { return q[i].due.Before(q[j].due) }
func (q jobQueue) Swap(i, j int) {
	q[i], q[j] = q[j], q[i]
	q[i].index, q[j].index = i, j
}
func (q *jobQueue) Push(x any) {
	j := x.(*job)
	j.index = len(*q)
	*q = append(*q, j)
}
func (q *jobQueue) Pop() any {
	old := *q
	j := old[len(old)-1]
	old[len(old)-1] = nil
	*q = old[:len(old)-1]
	return j
}
