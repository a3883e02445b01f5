// Package verify checks found credentials against their providers' APIs
// (--verify): it asks each provider, at its own fixed hosts and never at a
// host taken from the scanned text, whether a secret works, and records
// the answer on the finding (detect.Verification) with what the provider
// reveals about it (an account, scopes), never the secret.
//
// It runs after suppression, so accepted findings never reach a provider.
// Requests are bounded in number (Options.Concurrency) and rate (per
// provider), each has a timeout, and one secret is asked about once per
// provider. By default the client refuses, at dial time, loopback,
// private, link-local and metadata addresses, so neither DNS nor a
// redirect can turn a verifier against the local network.
package verify

import (
	"context"
	"crypto/sha256"
	"net/netip"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/leakstop/leakstop/detect"
	"github.com/leakstop/leakstop/source"
)

// Verifier checks one provider's credentials.
type Verifier interface {
	// Name identifies the verifier in reports, in the cache key and in
	// Options.Endpoints: github, aws, slack, …
	Name() string
	// Rules lists the ids of the rules whose secrets it checks.
	Rules() []string
	// Endpoints are the base URLs of the provider's API it calls, fixed
	// in the code; Options.Endpoints may replace them (tests).
	Endpoints() []string
	// Check asks the provider about req's credential through c.
	Check(ctx context.Context, c *Client, req *Request) detect.Verification
}

// Companion names another finding a verifier needs beside the secret: an
// AWS secret access key is checked with the access key id next to it.
// Verifiers that need one implement companioned.
type Companion struct {
	// Name is the key of the companion's secret in Request.Companions.
	Name string
	// Rules are the rules whose findings may serve.
	Rules []string
	// Within is how many lines away the companion may be.
	Within int
	// Missing, when set, makes the companion required: without it the
	// secret is not sent and the result is unknown with this reason.
	Missing string
}

// companioned is a verifier whose secrets need other findings beside them.
type companioned interface {
	Companions(ruleID string) []Companion
}

// hinter is a verifier that needs a value written near the secret that no
// rule reports (a service account's email, an account name). Hints reads
// them from text around the secret; the text never leaves this process.
type hinter interface {
	Hints(ruleID string, text []byte) map[string]string
}

// Request is one credential to check.
type Request struct {
	RuleID string
	Secret []byte
	// Companions holds the secrets of the companion findings, by
	// Companion.Name.
	Companions map[string][]byte
	// Hints holds the values a hinter found near the secret.
	Hints map[string]string
}

// Options configure a Session.
type Options struct {
	// Timeout bounds each request; 0 is DefaultTimeout.
	Timeout time.Duration
	// Concurrency bounds the requests in flight; 0 is
	// DefaultConcurrency.
	Concurrency int
	// Rate is how many requests per second one provider receives, at
	// most; 0 is DefaultRate.
	Rate float64
	// Verifiers are the checks to run; nil is Default().
	Verifiers []Verifier
	// Endpoints replaces verifiers' base URLs, by verifier name. It is a
	// hook for tests, which point verifiers at loopback servers; with it
	// they must also Allow the servers' addresses.
	Endpoints map[string][]string
	// Allow lists addresses the dial guard lets through although they
	// are loopback, private or link-local. Nothing sets it outside
	// tests.
	Allow []netip.Prefix
	// UserAgent is sent with every request.
	UserAgent string
	// Now is the clock of signatures (AWS, Google); nil is time.Now.
	Now func() time.Time
}

// Defaults of Options.
const (
	DefaultTimeout     = 10 * time.Second
	DefaultConcurrency = 8
	DefaultRate        = 4
)

func (o *Options) applyDefaults() {
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.Concurrency <= 0 {
		o.Concurrency = DefaultConcurrency
	}
	if o.Rate <= 0 {
		o.Rate = DefaultRate
	}
	if o.Verifiers == nil {
		o.Verifiers = Default()
	}
	if o.UserAgent == "" {
		o.UserAgent = "leakstop"
	}
	if o.Now == nil {
		o.Now = time.Now
	}
}

// Session verifies the findings of a run. It remembers every answer, by
// verifier and secret, so a secret found in many places is checked once.
// It is safe for concurrent use.
type Session struct {
	o       Options
	byRule  map[string]Verifier
	clients map[string]*Client

	mu    sync.Mutex
	cache map[cacheKey]*entry
	hints map[cacheKey]map[string]string
}

// cacheKey identifies one question to one provider: the verifier's name
// and a hash of the credential (the secret and its companions). Answers
// never cross verifiers.
type cacheKey struct {
	verifier string
	sum      [sha256.Size]byte
}

type entry struct {
	done chan struct{}
	v    detect.Verification
}

// New returns a session; call Note while scanning and Verify after.
func New(o Options) *Session {
	o.applyDefaults()
	s := &Session{
		o: o, byRule: map[string]Verifier{}, clients: map[string]*Client{},
		cache: map[cacheKey]*entry{}, hints: map[cacheKey]map[string]string{},
	}
	guard := newDialGuard(o.Allow)
	sem := make(chan struct{}, o.Concurrency)
	for _, v := range o.Verifiers {
		for _, id := range v.Rules() {
			if _, taken := s.byRule[id]; !taken {
				s.byRule[id] = v
			}
		}
		bases := v.Endpoints()
		if e, ok := o.Endpoints[v.Name()]; ok {
			bases = e
		}
		s.clients[v.Name()] = newClient(v.Name(), bases, guard, sem, o)
	}
	return s
}

// hintLines is how many lines around a secret a hinter reads.
const hintLines = 20

// Note reads, in the fragment the findings were made from, the hints the
// verifiers of their rules need (see hinter). Call it for the findings
// that were kept after suppression.
func (s *Session) Note(f *source.Fragment, fs []detect.Finding) {
	for i := range fs {
		fd := &fs[i]
		h, ok := s.byRule[fd.RuleID].(hinter)
		if !ok {
			continue
		}
		key := cacheKey{verifier: s.byRule[fd.RuleID].Name(), sum: sha256.Sum256(fd.Secret.Reveal())}
		s.mu.Lock()
		_, seen := s.hints[key]
		s.mu.Unlock()
		if seen {
			continue
		}
		found := h.Hints(fd.RuleID, around(f.Data, fd.Line, max(fd.EndLine, fd.Line), hintLines))
		s.mu.Lock()
		if _, seen := s.hints[key]; !seen || len(found) > 0 {
			s.hints[key] = found
		}
		s.mu.Unlock()
	}
}

// around returns lines first-n to last+n (1-based) of data.
func around(data []byte, first, last, n int) []byte {
	start, end, line := 0, len(data), 1
	for i, c := range data {
		if c != '\n' {
			continue
		}
		line++
		if line == first-n {
			start = i + 1
		}
		if line == last+n+1 {
			end = i
			break
		}
	}
	return data[start:end]
}

// Verify checks every finding a verifier covers and records the answers
// on them (detect.Finding.ApplyVerification). fs must hold only findings
// that were not suppressed.
func (s *Session) Verify(ctx context.Context, fs []detect.Finding) {
	type job struct {
		key      cacheKey
		v        Verifier
		req      *Request
		findings []int
	}
	var jobs []*job
	index := map[cacheKey]*job{}
	for i := range fs {
		f := &fs[i]
		v, ok := s.byRule[f.RuleID]
		if !ok {
			continue
		}
		req, missing := s.request(v, fs, i)
		if missing != "" {
			f.ApplyVerification(detect.Verification{Result: detect.VerifyUnknown, Reason: missing, Verifier: v.Name()})
			continue
		}
		key := cacheKey{verifier: v.Name(), sum: material(req)}
		j := index[key]
		if j == nil {
			j = &job{key: key, v: v, req: req}
			index[key] = j
			jobs = append(jobs, j)
		}
		j.findings = append(j.findings, i)
	}
	results := make([]detect.Verification, len(jobs))
	var wg sync.WaitGroup
	work := make(chan int)
	for range min(s.o.Concurrency, len(jobs)) {
		wg.Go(func() {
			for k := range work {
				results[k] = s.check(ctx, jobs[k].key, jobs[k].v, jobs[k].req)
			}
		})
	}
	for k := range jobs {
		work <- k
	}
	close(work)
	wg.Wait()
	for k, j := range jobs {
		for _, i := range j.findings {
			fs[i].ApplyVerification(results[k])
		}
	}
}

// check answers from the cache, or asks the provider once however many
// callers want the answer at the same time.
func (s *Session) check(ctx context.Context, key cacheKey, v Verifier, req *Request) detect.Verification {
	s.mu.Lock()
	e, ok := s.cache[key]
	if !ok {
		e = &entry{done: make(chan struct{})}
		s.cache[key] = e
	}
	s.mu.Unlock()
	if ok {
		<-e.done
		return e.v
	}
	defer close(e.done)
	e.v = v.Check(ctx, s.clients[v.Name()], req)
	e.v.Verifier = v.Name()
	e.v.Reason = scrub(e.v.Reason, req)
	if e.v.Result == "" {
		e.v.Result = detect.VerifyUnknown
	}
	return e.v
}

// request builds the question about fs[i]: its secret, its companions
// found nearby, and the hints noted for it. missing is the reason a
// required companion is absent.
func (s *Session) request(v Verifier, fs []detect.Finding, i int) (req *Request, missing string) {
	f := &fs[i]
	req = &Request{RuleID: f.RuleID, Secret: f.Secret.Reveal()}
	if c, ok := v.(companioned); ok {
		for _, comp := range c.Companions(f.RuleID) {
			j := nearest(fs, i, comp)
			if j < 0 {
				if comp.Missing != "" {
					return nil, comp.Missing
				}
				continue
			}
			if req.Companions == nil {
				req.Companions = map[string][]byte{}
			}
			req.Companions[comp.Name] = fs[j].Secret.Reveal()
		}
	}
	s.mu.Lock()
	req.Hints = s.hints[cacheKey{verifier: v.Name(), sum: sha256.Sum256(req.Secret)}]
	s.mu.Unlock()
	return req, ""
}

// nearest returns the index of the finding of one of comp's rules in the
// same place as fs[i] (root, repository, path) and closest to it within
// comp.Within lines, or -1.
func nearest(fs []detect.Finding, i int, comp Companion) int {
	f, best, dist := &fs[i], -1, comp.Within+1
	for j := range fs {
		o := &fs[j]
		if j == i || !slices.Contains(comp.Rules, o.RuleID) || o.Path != f.Path ||
			o.Source.Root != f.Source.Root || o.Source.Repo != f.Source.Repo {
			continue
		}
		d := o.Line - f.Line
		if d < 0 {
			d = -d
		}
		if d < dist || (d == dist && best >= 0 && o.Column < fs[best].Column) {
			best, dist = j, d
		}
	}
	return best
}

// material hashes a request's credential: its secret and companions in a
// fixed order, so the two halves of a pair ask one question.
func material(req *Request) [sha256.Size]byte {
	parts := [][]byte{req.Secret}
	for _, c := range req.Companions {
		parts = append(parts, c)
	}
	slices.SortFunc(parts, func(a, b []byte) int { return strings.Compare(string(a), string(b)) })
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte{byte(len(p) >> 24), byte(len(p) >> 16), byte(len(p) >> 8), byte(len(p))})
		h.Write(p)
	}
	var sum [sha256.Size]byte
	h.Sum(sum[:0])
	return sum
}

// scrub masks the request's secrets in a reason, should a provider or an
// error have quoted one.
func scrub(reason string, req *Request) string {
	secrets := [][]byte{req.Secret}
	for _, c := range req.Companions {
		secrets = append(secrets, c)
	}
	for _, sec := range secrets {
		if len(sec) >= 4 {
			reason = strings.ReplaceAll(reason, string(sec), detect.Redact(sec))
		}
	}
	return reason
}

// Counts tallies the verification results of findings.
type Counts struct {
	Verified, Invalid, Unknown int
}

// Count tallies fs's verification results.
func Count(fs []detect.Finding) Counts {
	var c Counts
	for i := range fs {
		v := fs[i].Verification
		if v == nil {
			continue
		}
		switch v.Result {
		case detect.VerifyVerified:
			c.Verified++
		case detect.VerifyInvalid:
			c.Invalid++
		default:
			c.Unknown++
		}
	}
	return c
}
