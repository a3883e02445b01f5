package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"testing"

	"github.com/leakstop/leakstop/detect"
	"github.com/leakstop/leakstop/source"
)

// No log line carries a secret the run has seen, or a URL's password,
// whatever carries it: the message, a string, an error, a Secret, a list.
func TestLoggerRedacts(t *testing.T) {
	secret := "acme_live_" + strings.Repeat("Q7xW2pLk", 3)
	multi := "-----BEGIN FAKE KEY-----\nMIIBfakefakefakefake\n-----END FAKE KEY-----"
	red := newRedactor()
	red.Add([]byte(secret))
	red.Add([]byte(multi))
	var buf bytes.Buffer
	log := newLogger(&buf, slog.LevelDebug, red)
	log.Debug("read "+secret,
		"path", "dir/"+secret+".txt",
		"error", fmt.Errorf("open %q: %w", secret, errors.New("denied")),
		"secret", detect.NewSecret([]byte(secret)),
		"list", []string{secret},
		"key", multi,
		"url", "git fetch https://ci:"+"hunter2hunter2@example.com/repo.git failed",
		"n", 3)
	out := buf.String()
	for _, leak := range []string{secret, "MIIBfakefakefakefake", "hunter2hunter2", secret[10:]} {
		if strings.Contains(out, leak) {
			t.Errorf("log line holds %.8q…:\n%s", leak, out)
		}
	}
	for _, want := range []string{"acme_l", "https://ci:****@example.com", "n=3", "level=DEBUG"} {
		if !strings.Contains(out, want) {
			t.Errorf("log line lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "time=") {
		t.Errorf("log line has a time stamp:\n%s", out)
	}
}

func TestParseLogLevel(t *testing.T) {
	for in, want := range map[string]slog.Level{
		"": slog.LevelWarn, "debug": slog.LevelDebug, "INFO": slog.LevelInfo,
		"warn": slog.LevelWarn, "warning": slog.LevelWarn, "error": slog.LevelError,
	} {
		if got, err := parseLogLevel(in); err != nil || got != want {
			t.Errorf("parseLogLevel(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"trace", "verbose", "2"} {
		if _, err := parseLogLevel(in); err == nil {
			t.Errorf("parseLogLevel(%q) succeeded", in)
		}
	}
}

// A source's error is redacted before it reaches the user, and still
// says what kind of error it is.
func TestRedactedError(t *testing.T) {
	red := newRedactor()
	secret := "acme_live_" + strings.Repeat("Zz9", 6)
	red.Add([]byte(secret))
	err := redactedError(usagef("git: bad revision %s", secret), red)
	var ue *usageError
	if !errors.As(err, &ue) || strings.Contains(err.Error(), secret) {
		t.Errorf("err = %v (%T)", err, err)
	}
	var b bytes.Buffer
	if code := exitCode(err, &b); code != exitUsage || strings.Contains(b.String(), secret) {
		t.Errorf("exit %d, stderr %q", code, b.String())
	}
	plain := errors.New("nothing to hide")
	if redactedError(plain, red) != plain {
		t.Error("an error without a secret was wrapped")
	}
}

// many is a source of n small fragments, each with its own content.
type many struct{ n int }

func (m many) Fragments(ctx context.Context, jobs int, visit source.Visit, p source.Problems) error {
	for i := 0; i < m.n; i++ {
		data := []byte(fmt.Sprintf("line %d\n", i))
		f := &source.Fragment{Data: data, ID: source.BlobID(data), Origins: []source.Origin{{Kind: source.KindFile, Path: fmt.Sprintf("f%d.txt", i)}}}
		if err := visit(0, f); err != nil {
			return err
		}
	}
	p.Skip("huge.bin", "larger than --max-file-size")
	p.Error("locked.txt", errors.New("open: permission denied"))
	return nil
}

// At debug a scan logs progress at 1,000 items and each doubling; at warn
// only what it skipped or could not read.
func TestScanLogs(t *testing.T) {
	e, _, errb := testEnv()
	err := scan(context.Background(), scanOptions{Format: "json", Jobs: 1, LogLevel: "debug"}, many{4500}, e)
	if code := exitCode(err, &bytes.Buffer{}); code != exitPartial {
		t.Fatalf("exit %d (%v), want 3", code, err)
	}
	var progress []string
	for _, line := range strings.Split(errb.String(), "\n") {
		if strings.Contains(line, `msg=progress`) {
			progress = append(progress, strings.Fields(line)[2])
		}
	}
	if want := []string{"items=1000", "items=2000", "items=4000"}; !slices.Equal(progress, want) {
		t.Errorf("progress at %v, want %v:\n%s", progress, want, errb.String())
	}
	for _, want := range []string{
		`level=WARN msg="skipped an item" path=huge.bin reason="larger than --max-file-size"`,
		`level=WARN msg="could not read an item; the report will be partial" path=locked.txt error="open: permission denied"`,
		`level=INFO msg="scan finished" findings=0 suppressed=0 errors=1 skipped=1 items=4500`,
	} {
		if !strings.Contains(errb.String(), want) {
			t.Errorf("stderr lacks %s:\n%s", want, errb.String())
		}
	}
	e, _, errb = testEnv()
	_ = scan(context.Background(), scanOptions{Format: "json", Jobs: 1}, many{1500}, e)
	if got := errb.String(); strings.Contains(got, "DEBUG") || strings.Contains(got, "INFO") || !strings.Contains(got, "WARN") {
		t.Errorf("default level: stderr\n%s", got)
	}
}
