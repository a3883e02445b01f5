package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/leakstop/leakstop/report"
	"github.com/leakstop/leakstop/rotate"
	"github.com/leakstop/leakstop/source"
)

// The rotation webhook (DESIGN.md): after a scan, one signed event per
// distinct confirmed secret, spooled before its first attempt; and
// `leakstop rotate replay`, which sends what the spool still holds.

// rotateOptions are the --rotate-* flags of a scanning command.
type rotateOptions struct {
	// URL is the webhook; "" sends no events.
	URL  string
	Keys []rotate.Key
	// Spool keeps the events not yet delivered (its folder is created
	// if need be).
	Spool string
	// All sends candidates too; IncludeSecret sends the plaintext.
	All, IncludeSecret bool
	client             rotate.Options
}

func (o rotateOptions) enabled() bool { return o.URL != "" }

// Defaults of the delivery flags.
const (
	defaultRotateTimeout     = 15 * time.Second
	defaultRotateConcurrency = 8
	defaultRotateAttempts    = 6
	defaultRotateBackoff     = time.Second
	spoolFileName            = "rotate-spool.jsonl"
	webhookSecretEnv         = "LEAKSTOP_WEBHOOK_SECRET"
	rotateURLEnv             = "LEAKSTOP_ROTATE_URL"
)

// deliveryFlags are the flags that say how events are delivered, shared
// by the scanning commands and `rotate replay`.
func deliveryFlags() []cli.Flag {
	return []cli.Flag{
		&cli.DurationFlag{Name: "rotate-timeout", Value: defaultRotateTimeout, Usage: "give up a webhook attempt after `DURATION`"},
		&cli.IntFlag{Name: "rotate-concurrency", Value: defaultRotateConcurrency, Usage: "at most `N` webhook requests at once"},
		&cli.IntFlag{Name: "rotate-attempts", Value: defaultRotateAttempts, Usage: "at most `N` attempts per event (network errors, timeouts, 429 and 5xx are retried); then it stays spooled"},
		&cli.DurationFlag{Name: "rotate-backoff", Value: defaultRotateBackoff, Usage: "wait about `DURATION` before the first retry, doubling for each further one (at most 30s), with jitter"},
		&cli.BoolFlag{Name: "rotate-insecure", Usage: "allow a plain http webhook on a host other than this machine"},
	}
}

// rotateFlags are the scanning commands' flags for the rotation webhook.
func rotateFlags() []cli.Flag {
	return append([]cli.Flag{
		&cli.StringFlag{Name: "rotate-url", Usage: "POST a signed event for each confirmed secret to `URL` (signing keys in " + webhookSecretEnv + ")", DefaultText: "$" + rotateURLEnv},
		&cli.BoolFlag{Name: "rotate", Usage: "staged and pre-push: send rotation events (without it they ignore --rotate-url)"},
		&cli.StringFlag{Name: "rotate-spool", Usage: "keep the events not yet delivered in `FILE`, never inside the scanned tree", DefaultText: "$XDG_STATE_HOME/leakstop/" + spoolFileName},
		&cli.BoolFlag{Name: "rotate-all", Usage: "send events for candidates too, not only confirmed and verified secrets"},
		&cli.BoolFlag{Name: "rotate-include-secret", Usage: "send the plaintext secret in the event (never written to the spool); otherwise its SHA-256 and a preview"},
	}, deliveryFlags()...)
}

// rotateOptionsFrom reads the --rotate-* flags; bad values are usage
// errors, found before the scan starts.
func rotateOptionsFrom(c *cli.Context, e *env) (rotateOptions, error) {
	o := rotateOptions{URL: c.String("rotate-url")}
	fromEnv := o.URL == ""
	if fromEnv {
		o.URL = e.getenv(rotateURLEnv)
	}
	explicit := c.Bool("rotate")
	if explicit && o.URL == "" {
		return o, usagef("--rotate needs --rotate-url (or %s)", rotateURLEnv)
	}
	// The hooks send events only when --rotate says so: they run on every
	// commit and push, often with the environment of a whole shell.
	if name := c.Command.Name; (name == "staged" || name == "pre-push") && !explicit && o.URL != "" {
		if !fromEnv { // given on the command line: say why nothing is sent
			fmt.Fprintf(e.stderr, "leakstop: %s sends no rotation events without --rotate; --rotate-url ignored\n", name)
		}
		return rotateOptions{}, nil
	}
	if !o.enabled() {
		return o, nil
	}
	if _, err := rotate.CheckURL(o.URL, c.Bool("rotate-insecure")); err != nil {
		return o, usagef("--rotate-url: %v", err)
	}
	keys, err := webhookKeys(e)
	if err != nil {
		return o, err
	}
	o.Keys = keys
	o.All, o.IncludeSecret = c.Bool("rotate-all"), c.Bool("rotate-include-secret")
	o.Spool = c.String("rotate-spool")
	if o.Spool == "" {
		dir, err := stateDir(e)
		if err != nil {
			return o, err
		}
		o.Spool = filepath.Join(dir, spoolFileName)
	}
	if o.client, err = deliveryOptions(c, o.URL, keys); err != nil {
		return o, err
	}
	return o, nil
}

// webhookKeys reads the signing keys from the environment.
func webhookKeys(e *env) ([]rotate.Key, error) {
	v := e.getenv(webhookSecretEnv)
	if v == "" {
		return nil, usagef("the rotation webhook needs its signing keys in %s (whsec_ keys, space-separated)", webhookSecretEnv)
	}
	keys, err := rotate.ParseKeys(v)
	if err != nil {
		return nil, usagef("%s: %v", webhookSecretEnv, err)
	}
	return keys, nil
}

// deliveryOptions reads the flags deliveryFlags lists.
func deliveryOptions(c *cli.Context, url string, keys []rotate.Key) (rotate.Options, error) {
	o := rotate.Options{
		URL: url, Keys: keys, Insecure: c.Bool("rotate-insecure"),
		Timeout: c.Duration("rotate-timeout"), Concurrency: c.Int("rotate-concurrency"),
		Attempts: c.Int("rotate-attempts"), Backoff: c.Duration("rotate-backoff"),
		UserAgent: "leakstop/" + currentBuild().Version,
	}
	switch {
	case o.Timeout <= 0:
		return o, usagef("--rotate-timeout %s: want a positive duration", o.Timeout)
	case o.Concurrency <= 0:
		return o, usagef("--rotate-concurrency %d: want a positive number", o.Concurrency)
	case o.Attempts <= 0:
		return o, usagef("--rotate-attempts %d: want a positive number", o.Attempts)
	case o.Backoff <= 0:
		return o, usagef("--rotate-backoff %s: want a positive duration", o.Backoff)
	}
	return o, nil
}

// stateDir is leakstop's folder in the user's state directory:
// $XDG_STATE_HOME/leakstop, else ~/.local/state/leakstop.
func stateDir(e *env) (string, error) {
	if d := e.getenv("XDG_STATE_HOME"); filepath.IsAbs(d) { // the XDG spec ignores a relative path
		return filepath.Join(d, "leakstop"), nil
	}
	home := e.getenv("HOME")
	if home == "" {
		var err error
		if home, err = os.UserHomeDir(); err != nil {
			return "", usagef("no state directory for the rotation spool ($XDG_STATE_HOME and $HOME are unset): pass --rotate-spool FILE")
		}
	}
	return filepath.Join(home, ".local", "state", "leakstop"), nil
}

// rotation is a run's webhook: its client and spool.
type rotation struct {
	o      rotateOptions
	client *rotate.Client
	spool  *rotate.Spool
}

// prepareRotation opens the spool before the scan starts, so that a
// spool that cannot be written, or lies inside the scanned tree, fails
// the run at once. Nil when the run sends no events.
func prepareRotation(ctx context.Context, o rotateOptions, src source.Source) (*rotation, error) {
	if !o.enabled() {
		return nil, nil
	}
	if err := spoolOutside(o.Spool, scannedRoots(ctx, src)); err != nil {
		return nil, err
	}
	sp, err := rotate.OpenSpool(o.Spool)
	if err != nil {
		return nil, usagef("--rotate-spool: %v", err)
	}
	client, err := rotate.New(o.client)
	if err != nil {
		return nil, usagef("--rotate-url: %v", err)
	}
	return &rotation{o: o, client: client, spool: sp}, nil
}

// send delivers one event per distinct secret of rep that fires, and
// says on stderr how many were delivered, refused and spooled. What it
// returns goes into the report's summary; deliveries never change the
// exit status.
func (r *rotation) send(ctx context.Context, rep *report.Report, log *slog.Logger, e *env) *report.Rotation {
	if r == nil {
		return nil
	}
	out := &report.Rotation{Spool: r.spool.Path()}
	evs, err := rotate.Events(rep.Findings, rotate.EventOptions{
		All: r.o.All, IncludeSecret: r.o.IncludeSecret, Now: time.Now(),
		Tool: rotate.Tool{Name: "leakstop", Version: currentBuild().Version},
	})
	if err != nil {
		fmt.Fprintf(e.stderr, "leakstop: rotation webhook: %v\n", err)
		return out
	}
	if len(evs) == 0 {
		if len(rep.Findings) > 0 && !r.o.All {
			log.Info("rotation webhook: no confirmed or verified secret, no event sent (--rotate-all sends candidates too)")
		}
		return out
	}
	sum, err := r.client.Send(ctx, r.spool, evs, func(res rotate.Result) { logResult(log, res) })
	out.Delivered, out.Refused, out.Spooled, out.Lost = sum.Delivered, sum.Refused, sum.Spooled, sum.Lost
	fmt.Fprintf(e.stderr, "leakstop: rotation webhook: %s: %d delivered, %d refused, %d spooled\n",
		plural(len(evs), "event"), sum.Delivered, sum.Refused, sum.Spooled)
	if err != nil {
		fmt.Fprintf(e.stderr, "leakstop: rotation webhook: spool %s: %v\n", r.spool.Path(), err)
	}
	if sum.Lost > 0 {
		fmt.Fprintf(e.stderr, "leakstop: rotation webhook: %s neither delivered nor spooled: run the scan again once the spool can be written\n", plural(sum.Lost, "event"))
	}
	if sum.Spooled > 0 {
		fmt.Fprintf(e.stderr, "leakstop: send the spooled events with: leakstop rotate replay %s\n", r.spool.Path())
	}
	return out
}

// logResult logs how an event's delivery ended: a refusal as a warning
// (the receiver will not take it as it is), the rest at debug.
func logResult(log *slog.Logger, res rotate.Result) {
	attrs := []any{"id", res.ID, "rule", res.Rule, "secret", shortHash(res.Hash), "attempts", res.Attempts}
	if res.Status != 0 {
		attrs = append(attrs, "status", res.Status)
	}
	if res.Err != nil {
		attrs = append(attrs, "error", res.Err.Error())
	}
	switch res.State {
	case rotate.Refused:
		log.Warn("rotation webhook refused an event", attrs...)
	case rotate.Pending:
		log.Debug("rotation event not delivered; spooled", attrs...)
	default:
		log.Debug("rotation event delivered", attrs...)
	}
}

// shortHash is the start of a secret's hash, enough to tell events apart
// in messages.
func shortHash(h string) string {
	if len(h) > 12 {
		return h[:12]
	}
	return h
}

// scannedRoots are the folders a source reads: the spool must not be
// inside one.
func scannedRoots(ctx context.Context, src source.Source) []string {
	switch s := src.(type) {
	case addedOnly:
		return scannedRoots(ctx, s.Source)
	case stagedAdded:
		return scannedRoots(ctx, s.Staged)
	case *source.Dir:
		if len(s.Roots) == 0 {
			return []string{"."}
		}
		return s.Roots
	case *source.Git:
		return repoRoots(s.Repo)
	case *source.PrePush:
		return repoRoots(s.Repo)
	case *source.Staged:
		if top, err := source.TopLevel(ctx, "", nil); err == nil {
			return []string{top}
		}
		return []string{"."}
	}
	return nil
}

// repoRoots are a repository's folder and its work tree.
func repoRoots(repo string) []string {
	roots := []string{repo}
	if wt, err := source.WorkTreeOf(repo); err == nil && wt != "" {
		roots = append(roots, wt)
	}
	return roots
}

// spoolOutside refuses a spool inside a scanned root: it would be read by
// the next scan and could be committed with the tree.
func spoolOutside(spool string, roots []string) error {
	sp := resolvePath(spool)
	for _, root := range roots {
		r := resolvePath(root)
		if rel, err := filepath.Rel(r, sp); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return usagef("--rotate-spool %s is inside the scanned %s: keep the spool outside the tree (the default is in your state directory)", spool, root)
		}
	}
	return nil
}

// resolvePath makes p absolute with its symbolic links resolved, as far
// as it exists.
func resolvePath(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return p
	}
	var rest []string
	for dir := abs; ; {
		if real, err := filepath.EvalSymlinks(dir); err == nil {
			return filepath.Join(append([]string{real}, rest...)...)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return abs
		}
		rest = append([]string{filepath.Base(dir)}, rest...)
		dir = parent
	}
}

// rotateCommand is `leakstop rotate`, whose one subcommand replays a
// spool.
func rotateCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:  "rotate",
		Usage: "the rotation webhook's spool",
		Subcommands: []*cli.Command{{
			Name:      "replay",
			Usage:     "send the webhook events a spool still holds",
			ArgsUsage: "[SPOOL]",
			Description: "Sends each pending event of SPOOL (by default the one in your state directory)\n" +
				"again, under its webhook-id, so a receiver that got it before ignores it, signed\n" +
				"with the keys in " + webhookSecretEnv + " and the current time. Events go to the URL\n" +
				"they were spooled for, or to --rotate-url. Prints one line per event on standard\n" +
				"output, then compacts the spool. Refused events stay in the spool and are sent\n" +
				"again only with --refused.\n\n" +
				"Exit status: 0 when every event sent was delivered; 3 when some are still\n" +
				"spooled or were refused; 2 bad usage.",
			Flags: append([]cli.Flag{
				&cli.StringFlag{Name: "rotate-url", Usage: "send to `URL` instead of the URL each event was spooled for"},
				&cli.BoolFlag{Name: "refused", Usage: "also send the events a receiver refused before"},
			}, deliveryFlags()...),
			Action: func(c *cli.Context) error {
				if c.NArg() > 1 {
					return usagef("rotate replay takes one spool (got %d)", c.NArg())
				}
				return runReplay(c, e)
			},
		}},
	}
}

// runReplay sends what the spool holds and compacts it.
func runReplay(c *cli.Context, e *env) error {
	path := c.Args().First()
	if path == "" {
		dir, err := stateDir(e)
		if err != nil {
			return err
		}
		path = filepath.Join(dir, spoolFileName)
	}
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return usagef("rotate replay: %s: no such spool", path)
	}
	keys, err := webhookKeys(e)
	if err != nil {
		return err
	}
	override := c.String("rotate-url")
	base, err := deliveryOptions(c, override, keys)
	if err != nil {
		return err
	}
	sp, err := rotate.OpenSpool(path)
	if err != nil {
		return usagef("rotate replay: %v", err)
	}
	entries, bad, err := sp.Load()
	if err != nil {
		return fmt.Errorf("rotate replay: %w", err)
	}
	if bad > 0 {
		fmt.Fprintf(e.stderr, "leakstop: %s: %s could not be read (cut short by a crash?) and will be dropped\n", path, plural(bad, "line"))
	}
	// The events by the URL they go to, in spool order.
	var urls []string
	byURL := map[string][]rotate.Event{}
	kept := 0
	for _, en := range entries {
		if en.State == rotate.Refused && !c.Bool("refused") {
			kept++
			continue
		}
		u := en.URL
		if override != "" {
			u = override
		}
		if byURL[u] == nil {
			urls = append(urls, u)
		}
		byURL[u] = append(byURL[u], en.Event)
	}
	var total rotate.Summary
	var spoolErr error
	for _, u := range urls {
		o := base
		o.URL = u
		client, err := rotate.New(o)
		if err != nil {
			return usagef("rotate replay: %s: %v", redactURL(u), err)
		}
		sum, err := client.Deliver(c.Context, sp, byURL[u], func(res rotate.Result) { printReplayed(e, res) })
		total.Delivered += sum.Delivered
		total.Refused += sum.Refused
		total.Spooled += sum.Spooled
		spoolErr = errors.Join(spoolErr, err)
	}
	if err := sp.Compact(); err != nil {
		spoolErr = errors.Join(spoolErr, err)
	}
	if spoolErr != nil {
		fmt.Fprintf(e.stderr, "leakstop: spool %s: %v\n", path, spoolErr)
	}
	sent := total.Delivered + total.Refused + total.Spooled
	switch {
	case sent == 0 && kept == 0:
		fmt.Fprintf(e.stderr, "leakstop: nothing to replay in %s\n", path)
	default:
		fmt.Fprintf(e.stderr, "leakstop: replayed %s from %s: %d delivered, %d refused, %d still spooled\n",
			plural(sent, "event"), path, total.Delivered, total.Refused, total.Spooled)
	}
	if kept > 0 {
		fmt.Fprintf(e.stderr, "leakstop: %s refused before kept in the spool (--refused sends them again)\n", plural(kept, "event"))
	}
	if left := total.Refused + total.Spooled; left > 0 {
		return fmt.Errorf("%s not delivered; they stay in %s", plural(left, "event"), path)
	}
	return spoolErr
}

// printReplayed prints one line per replayed event on stdout.
func printReplayed(e *env, res rotate.Result) {
	line := fmt.Sprintf("%-9s %s  %s  %s", res.State, res.ID, res.Rule, shortHash(res.Hash))
	switch {
	case res.State == rotate.Delivered:
		line += fmt.Sprintf("  status %d", res.Status)
	case res.Err != nil:
		line += "  " + res.Err.Error()
	}
	fmt.Fprintln(e.stdout, line)
}

// redactURL hides a URL's password, should one be there.
func redactURL(u string) string {
	if p, err := url.Parse(u); err == nil {
		return p.Redacted()
	}
	return u
}
