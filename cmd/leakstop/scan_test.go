package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf16"

	"github.com/urfave/cli/v2"

	"github.com/leakstop/leakstop/rules"
	"github.com/leakstop/leakstop/rules/fake"
	"github.com/leakstop/leakstop/source"
)

func fakeToken(t *testing.T, seed uint64) string {
	t.Helper()
	set, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	r, ok := set.Lookup("github-pat")
	if !ok {
		t.Fatal("no github-pat rule")
	}
	s, err := fake.New(seed).Secret(r)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func testEnv() (*env, *bytes.Buffer, *bytes.Buffer) {
	var out, errb bytes.Buffer
	return &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, getenv: func(string) string { return "" }}, &out, &errb
}

type jsonReport struct {
	Partial  bool
	Errors   []struct{ Path, Error string }
	Findings []struct {
		RuleID   string `json:"rule_id"`
		Path     string
		Line     int
		Column   int
		Encoding string
	}
}

func decode(t *testing.T, b []byte) jsonReport {
	t.Helper()
	var r jsonReport
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatalf("report is not JSON: %v\n%s", err, b)
	}
	return r
}

func utf16LE(s string) []byte {
	b := []byte{0xFF, 0xFE}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}

// Line and column of a secret are those of the text, whatever the file's
// encoding and line endings.
func TestScanLinesAcrossEncodings(t *testing.T) {
	tok := fakeToken(t, 7)
	text := "first line\r\nsecond ünïcode line\r\n  token = " + tok + "\r\nlast"
	dir := t.TempDir()
	files := map[string][]byte{
		"utf8.txt":  []byte(text),
		"bom.txt":   append([]byte{0xEF, 0xBB, 0xBF}, text...),
		"utf16.txt": utf16LE(text),
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	e, out, _ := testEnv()
	err := runDir(context.Background(), dirOptions{scanOptions: scanOptions{Format: "json", ExitCode: 1}, Paths: []string{dir}}, e)
	var fe *findingsError
	if !errors.As(err, &fe) {
		t.Fatalf("err = %v, want findings", err)
	}
	r := decode(t, out.Bytes())
	if len(r.Findings) != 3 {
		t.Fatalf("%d findings, want 3: %+v", len(r.Findings), r.Findings)
	}
	for _, f := range r.Findings {
		if f.Line != 3 || f.Column != 11 {
			t.Errorf("%s: at %d:%d, want 3:11", f.Path, f.Line, f.Column)
		}
	}
}

// twice is a source that hands the same content to two workers at once,
// under two paths.
type twice struct{ data []byte }

func (s twice) Fragments(ctx context.Context, jobs int, visit source.Visit, p source.Problems) error {
	var wg sync.WaitGroup
	errs := make([]error, 2)
	for i, name := range []string{"a.env", "b.env"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f := &source.Fragment{Data: s.data, ID: source.BlobID(s.data), Origins: []source.Origin{{Kind: source.KindFile, Path: name}}}
			errs[i] = visit(i, f)
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

func TestScanSameContentTwice(t *testing.T) {
	e, out, _ := testEnv()
	data := []byte("TOKEN=" + fakeToken(t, 3) + "\n")
	err := scan(context.Background(), scanOptions{Format: "json", Jobs: 2, ExitCode: 1}, twice{data}, e)
	var fe *findingsError
	if !errors.As(err, &fe) || fe.findings != 2 {
		t.Fatalf("err = %v, want 2 findings", err)
	}
	r := decode(t, out.Bytes())
	var paths []string
	for _, f := range r.Findings {
		paths = append(paths, fmt.Sprintf("%s:%d:%d", f.Path, f.Line, f.Column))
	}
	if !slices.Equal(paths, []string{"a.env:1:7", "b.env:1:7"}) {
		t.Errorf("findings at %v", paths)
	}
}

// blocked is a source that never ends until its context does.
type blocked struct{}

func (blocked) Fragments(ctx context.Context, jobs int, visit source.Visit, p source.Problems) error {
	<-ctx.Done()
	return ctx.Err()
}

// An interrupted scan still writes its report, marked partial: exit 3.
func TestScanInterrupted(t *testing.T) {
	e, out, errb := testEnv()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := scan(ctx, scanOptions{Format: "json", ExitCode: 1}, blocked{}, e)
	if code := exitCode(err, errb); code != exitPartial {
		t.Fatalf("exit %d (%v), want 3", code, err)
	}
	if r := decode(t, out.Bytes()); !r.Partial {
		t.Error("report not partial")
	}
	if !strings.Contains(errb.String(), "interrupted") {
		t.Errorf("stderr = %q", errb.String())
	}
}

func TestExitCode(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want int
		msg  string
	}{
		{"clean", nil, 0, ""},
		{"findings", &findingsError{findings: 2, code: 1}, 1, ""},
		{"findings custom code", &findingsError{findings: 2, code: 9}, 9, ""},
		{"findings and partial", &findingsError{findings: 1, code: 1, partial: &partialError{errors: 2}}, 1, "2 items could not be read"},
		{"partial", &partialError{errors: 1}, 3, "1 item could not be read"},
		{"usage", usagef("bad flag"), 2, "leakstop: bad flag\n"},
		{"rule errors, one a line", &configError{rules.Errors{{File: "a.toml", Line: 3, Msg: "x"}, {File: "a.toml", Line: 9, Msg: "y"}}}, 2, "leakstop: a.toml:3: x\nleakstop: a.toml:9: y\n"},
		{"rule error", &rules.Error{File: "a.toml", Line: 1, Msg: "z"}, 2, "a.toml:1: z"},
		{"canceled", fmt.Errorf("walk: %w", context.Canceled), 3, "interrupted"},
		{"urfave", cli.Exit("No help topic for 'x'", 3), 2, "No help topic"},
		{"other", errors.New("write report: disk full"), 3, "disk full"},
		{"rules test", &testFailure{failed: 1}, 1, "1 rule failed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if got := exitCode(tt.err, &b); got != tt.want {
				t.Errorf("exit %d, want %d", got, tt.want)
			}
			if !strings.Contains(b.String(), tt.msg) || (tt.msg == "" && b.Len() > 0) {
				t.Errorf("stderr %q, want %q", b.String(), tt.msg)
			}
		})
	}
}

func TestParseSize(t *testing.T) {
	good := map[string]int64{
		"0": 0, "1024": 1024, "10B": 10, "1KB": 1000, "1kb": 1000, "1KiB": 1024, "1K": 1024,
		"10MB": 10_000_000, "10MiB": 10 << 20, "5 MiB": 5 << 20, "1.5GB": 1_500_000_000, "2GiB": 2 << 30,
	}
	for in, want := range good {
		if got, err := parseSize(in); err != nil || got != want {
			t.Errorf("parseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "MB", "-1", "1.2.3KB", "10 parsecs", "1e3", "99999999TB"} {
		if _, err := parseSize(in); err == nil {
			t.Errorf("parseSize(%q) succeeded", in)
		}
	}
}

func TestHoistFlags(t *testing.T) {
	e, _, _ := testEnv()
	app := newApp(e)
	tests := []struct{ in, want string }{
		{"leakstop dir . --format json", "leakstop dir --format json -- ."},
		{"leakstop dir --format=json a b --show-secrets", "leakstop dir --format=json --show-secrets -- a b"},
		{"leakstop dir a -- --odd-name", "leakstop dir -- a --odd-name"},
		{"leakstop dir --config x.toml --config y.toml", "leakstop dir --config x.toml --config y.toml"},
		{"leakstop rules list --format json", "leakstop rules list --format json"},
		{"leakstop rules test f.toml --help", "leakstop rules test --help -- f.toml"},
		{"leakstop nope a --b", "leakstop nope a --b"},
		{"leakstop", "leakstop"},
	}
	for _, tt := range tests {
		got := strings.Join(hoistFlags(app, strings.Fields(tt.in)), " ")
		if got != tt.want {
			t.Errorf("hoistFlags(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// No command line, however wrong, ends in a panic or a stack trace.
func TestRunNeverPanics(t *testing.T) {
	for _, args := range [][]string{
		{"leakstop", "dir", "--jobs"},
		{"leakstop", "dir", "--config"},
		{"leakstop", "rules", "test", "--", ""},
		{"leakstop", "help", "dir"},
		{"leakstop", "stdin", "--max-file-size", ""},
		{"leakstop", "rules"},
	} {
		var out, errb bytes.Buffer
		code := run(args, strings.NewReader(""), &out, &errb)
		if strings.Contains(errb.String(), "goroutine ") || strings.Contains(errb.String(), "internal error") {
			t.Errorf("%q: exit %d, stderr %s", args, code, errb.String())
		}
	}
}

// FuzzParseSize: any flag value gives a size or an error, never a panic
// or a negative size.
func FuzzParseSize(f *testing.F) {
	for _, s := range []string{"10MiB", "1.5 GB", "0", "12", "k", "9e9TB", "1..2m"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := parseSize(s)
		if err == nil && n < 0 {
			t.Fatalf("parseSize(%q) = %d", s, n)
		}
	})
}

// TestScanLongLineAndNoNewline checks line and column at the end of one
// 5 MB line (minified JavaScript) and in a file without a final newline.
func TestScanLongLineAndNoNewline(t *testing.T) {
	tok := fakeToken(t, 9)
	pad := strings.Repeat("a=1;", 5<<20/4)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "bundle.min.js"), []byte(pad+"k=\""+tok+"\";"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "last.env"), []byte("A=1\nTOKEN="+tok), 0o644); err != nil {
		t.Fatal(err)
	}
	e, out, _ := testEnv()
	err := runDir(context.Background(), dirOptions{scanOptions: scanOptions{Format: "json", ExitCode: 1}, Paths: []string{dir}}, e)
	var fe *findingsError
	if !errors.As(err, &fe) {
		t.Fatalf("err = %v, want findings", err)
	}
	want := map[string][2]int{"bundle.min.js": {1, len(pad) + 4}, "last.env": {2, 7}}
	r := decode(t, out.Bytes())
	if len(r.Findings) != len(want) {
		t.Fatalf("%d findings, want %d", len(r.Findings), len(want))
	}
	for _, f := range r.Findings {
		if w := want[f.Path]; f.Line != w[0] || f.Column != w[1] {
			t.Errorf("%s: at %d:%d, want %d:%d", f.Path, f.Line, f.Column, w[0], w[1])
		}
	}
}
