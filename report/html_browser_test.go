package report

import (
	"cmp"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// artifactsEnv names a folder where browser tests leave what a person
// looks at (screenshots); unset, they go to the test's temporary folder.
const artifactsEnv = "LEAKSTOP_TEST_ARTIFACTS"

// chromiumPath finds Chromium. It is a component the tests need, like
// git: missing, the test fails (CI installs it, see .ci/run).
func chromiumPath(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Fatal("Chromium is not installed, and the HTML report is tested in it: apt-get install -y chromium")
	return ""
}

// browser opens a headless Chromium that reaches nothing but files: the
// networking flags of COMPONENTS.md, and a host resolver that resolves no
// name.
func browser(t *testing.T) context.Context {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromiumPath(t)),
		chromedp.NoSandbox,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND"),
	)
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	t.Cleanup(cancel)
	ctx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	t.Cleanup(cancelAlloc)
	ctx, cancelTab := chromedp.NewContext(ctx)
	t.Cleanup(cancelTab)
	return ctx
}

// pageLog is what a page said and fetched.
type pageLog struct {
	mu       sync.Mutex
	errors   []string
	requests []string
}

func (l *pageLog) listen(ev any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	switch ev := ev.(type) {
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		text := d.Text
		if d.Exception != nil {
			text += " " + d.Exception.Description
		}
		l.errors = append(l.errors, "exception: "+text)
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			var args []string
			for _, a := range ev.Args {
				args = append(args, string(a.Value)+a.Description)
			}
			l.errors = append(l.errors, fmt.Sprintf("console.%s: %s", ev.Type, strings.Join(args, " ")))
		}
	case *log.EventEntryAdded:
		if ev.Entry.Level == log.EntryLevelError {
			l.errors = append(l.errors, fmt.Sprintf("%s: %s (%s)", ev.Entry.Source, ev.Entry.Text, ev.Entry.URL))
		}
	case *network.EventRequestWillBeSent:
		l.requests = append(l.requests, ev.Request.URL)
	}
}

// The HTML report in a real browser: it renders without a console error
// and fetches nothing, its table sorts by a clicked header and filters by
// what is typed, a link opens a secret's places, and a screenshot is left
// for a person to look at.
func TestHTMLInChromium(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "leakstop.html")
	f, err := os.Create(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := spreadReport().Write(f, FormatHTML, Options{}); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}

	ctx := browser(t)
	var pl pageLog
	if err := chromedp.Listen(ctx, pl.listen); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx,
		chromedp.Navigate("file://"+filepath.ToSlash(file)),
		chromedp.WaitVisible(chromedp.CSS("#secret-table")),
	); err != nil {
		t.Fatalf("opening the report: %v", err)
	}

	// rows lists the rules of the visible rows of the table, top down.
	rows := func() []string {
		t.Helper()
		got, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](
			`Array.from(document.querySelectorAll('#secret-table tbody tr')).filter(r => !r.hidden).map(r => r.dataset.rule)`))
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	eval := func(js string) {
		t.Helper()
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[any](js)); err != nil {
			t.Fatalf("%s: %v", js, err)
		}
	}
	click := func(sel string) {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(sel))); err != nil {
			t.Fatalf("click %s: %v", sel, err)
		}
	}
	want := func(step string, rules ...string) {
		t.Helper()
		if got := rows(); !slices.Equal(got, rules) {
			t.Errorf("%s: rows %q, want %q", step, got, rules)
		}
	}
	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatal(err)
		}
		return strings.TrimSpace(s)
	}

	if got := text("#n-secrets"); got != "4" {
		t.Errorf("summary: %s secrets, want 4", got)
	}
	if got := text("#n-places"); got != "14" {
		t.Errorf("summary: %s places, want 14", got)
	}
	// As written: most severe first, then the widest spread.
	want("as written", "fake-private-key", "zq-live-key", "generic-password", "zq-webhook")

	click(`th[data-key="places"] button`)
	want("places, widest first", "zq-live-key", "zq-webhook", "generic-password", "fake-private-key")
	if s, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('th[data-key="places"]').getAttribute('aria-sort')`)); s != "descending" {
		t.Errorf("places header aria-sort %q, want descending", s)
	}
	click(`th[data-key="places"] button`)
	want("places, again", "fake-private-key", "generic-password", "zq-webhook", "zq-live-key")
	click(`th[data-key="first"] button`)
	want("first seen", "generic-password", "zq-live-key", "zq-webhook", "fake-private-key")
	click(`th[data-key="rule"] button`)
	want("rule", "fake-private-key", "generic-password", "zq-live-key", "zq-webhook")

	// Typing in the filter box keeps the secrets that match every word.
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.CSS("#filter"), "slack")); err != nil {
		t.Fatal(err)
	}
	want("filter slack", "zq-live-key", "zq-webhook")
	if got := text("#shown"); got != "2 of 4" {
		t.Errorf("shown %q, want 2 of 4", got)
	}
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.CSS("#filter"), " c.env")); err != nil {
		t.Fatal(err)
	}
	want("filter slack c.env", "zq-live-key")
	hidden, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](
		`Array.from(document.querySelectorAll('details.secret')).filter(d => d.hidden).map(d => d.id)`))
	if err != nil || len(hidden) != 3 {
		t.Errorf("sections hidden by the filter: %q (%v), want the other 3", hidden, err)
	}
	eval(`(f => { f.value = 'no-such-thing'; f.dispatchEvent(new Event('input')); })(document.getElementById('filter'))`)
	want("filter matching nothing")
	if visible, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`!document.getElementById('no-match').hidden`)); !visible {
		t.Errorf("no message when nothing matches")
	}
	eval(`(f => { f.value = ''; f.dispatchEvent(new Event('input')); })(document.getElementById('filter'))`)
	want("filter cleared", "fake-private-key", "generic-password", "zq-live-key", "zq-webhook")

	// Severity and "still present" narrow it too.
	eval(`(s => { s.value = '3'; s.dispatchEvent(new Event('change')); })(document.getElementById('min-severity'))`)
	want("high and above", "fake-private-key", "zq-live-key")
	eval(`(s => { s.value = '0'; s.dispatchEvent(new Event('change')); })(document.getElementById('min-severity'))`)
	click("#present-only")
	want("still present", "fake-private-key", "zq-live-key", "zq-webhook")
	click("#present-only")

	// The rule's link opens the secret's places (on hashchange, which
	// comes after the click returns).
	click(`#secret-table tr[data-rule="zq-live-key"] a`)
	var open bool
	for deadline := time.Now().Add(5 * time.Second); !open && time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		open, err = chromedp.Run(ctx, chromedp.Evaluate[bool](
			`(() => { const d = document.getElementById(location.hash.slice(1)); return !!d && d.open && d.querySelectorAll('tr.place').length === 8; })()`))
		if err != nil {
			t.Fatal(err)
		}
	}
	if !open {
		t.Errorf("the key's section is not open with its 8 places")
	}

	shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	out := cmp.Or(os.Getenv(artifactsEnv), t.TempDir())
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	png := filepath.Join(out, "html-report.png")
	if err := os.WriteFile(png, shot, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s (set %s to keep it)", png, artifactsEnv)

	pl.mu.Lock()
	defer pl.mu.Unlock()
	for _, e := range pl.errors {
		t.Errorf("page error: %s", e)
	}
	for _, u := range pl.requests {
		if !strings.HasPrefix(u, "file://") {
			t.Errorf("the page requested %s", u)
		}
	}
	if len(pl.requests) == 0 {
		t.Errorf("no request seen: the network log is not working")
	}
}
