package main

import (
	"archive/tar"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The action's version input: a release is downloaded from a loopback
// server laid out as GitHub's release downloads, checked against its
// checksums file, and used; a tampered one fails the step; one that
// cannot be fetched falls back to building from source.

// fakeRelease serves release v9.9.9 for linux/amd64: a leakstop that
// records each run in marker and then runs the real one.
type fakeRelease struct {
	url, marker string
	archive     []byte
	sum         string // the checksum the release lists for it
}

func newFakeRelease(t *testing.T, real string) *fakeRelease {
	t.Helper()
	marker := filepath.Join(t.TempDir(), "used")
	script := fmt.Sprintf("#!/bin/sh\necho run >> '%s'\nexec '%s' \"$@\"\n", marker, real)
	var buf strings.Builder
	gz := gzip.NewWriter(&buf)
	tw := tar.NewWriter(gz)
	if err := tw.WriteHeader(&tar.Header{Name: "leakstop", Mode: 0o755, Size: int64(len(script))}); err != nil {
		t.Fatal(err)
	}
	tw.Write([]byte(script))
	tw.Close()
	gz.Close()
	data := []byte(buf.String())
	sum := sha256.Sum256(data)
	r := &fakeRelease{marker: marker, archive: data, sum: hex.EncodeToString(sum[:])}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		switch req.URL.Path {
		case "/api/latest":
			fmt.Fprint(w, `{"tag_name": "v9.9.9"}`)
		case "/download/v9.9.9/leakstop_9.9.9_linux_amd64.tar.gz":
			w.Write(r.archive)
		case "/download/v9.9.9/leakstop_9.9.9_checksums.txt":
			fmt.Fprintf(w, "%s  leakstop_9.9.9_linux_amd64.tar.gz\n%s  leakstop_9.9.9_darwin_arm64.tar.gz\n", r.sum, strings.Repeat("0", 64))
		default:
			http.NotFound(w, req)
		}
	}))
	t.Cleanup(srv.Close)
	r.url = srv.URL
	return r
}

func (r *fakeRelease) used() bool {
	_, err := os.Stat(r.marker)
	return err == nil
}

func (r *fakeRelease) env(version string) []string {
	root, _ := filepath.Abs("../..")
	return []string{
		"LEAKSTOP_BIN=", "LEAKSTOP_VERSION=" + version, "LEAKSTOP_ACTION_PATH=" + root,
		"RUNNER_OS=Linux", "RUNNER_ARCH=X64",
		"LEAKSTOP_RELEASES_URL=" + r.url, "LEAKSTOP_RELEASES_API=" + r.url + "/api/latest",
	}
}

func TestActionVersion(t *testing.T) {
	if _, err := exec.LookPath("curl"); err != nil {
		t.Fatal("curl is not installed (apt-get install curl, or run .ci/run)")
	}
	a := newActionRepo(t)
	history := map[string]any{"repository": map[string]any{"full_name": "acme/app", "default_branch": "main"}}
	for _, version := range []string{"v9.9.9", "latest"} {
		t.Run(version, func(t *testing.T) {
			rel := newFakeRelease(t, a.leakstopPath)
			run := a.runAction(t, "schedule", history, rel.env(version)...)
			if !run.ok || run.outputs["findings"] != "2" {
				t.Fatalf("scan with release %s: ok %v, outputs %v\n%s", version, run.ok, run.outputs, run.stdout)
			}
			if !rel.used() {
				t.Error("the downloaded release was not the leakstop that ran")
			}
		})
	}
	t.Run("checksum mismatch", func(t *testing.T) {
		rel := newFakeRelease(t, a.leakstopPath)
		rel.archive = append(rel.archive, 0) // the download differs from what the release lists
		run := a.runAction(t, "schedule", history, rel.env("v9.9.9")...)
		if run.ok || !strings.Contains(run.stdout, "SHA-256") {
			t.Fatalf("a tampered download did not fail the step: ok %v\n%s", run.ok, run.stdout)
		}
		if rel.used() {
			t.Error("the tampered binary ran")
		}
	})
	t.Run("missing release falls back to source", func(t *testing.T) {
		rel := newFakeRelease(t, a.leakstopPath)
		run := a.runAction(t, "schedule", history, rel.env("v1.0.0")...)
		if !run.ok || run.outputs["findings"] != "2" {
			t.Fatalf("fallback to source: ok %v, outputs %v\n%s", run.ok, run.outputs, run.stdout)
		}
		if !strings.Contains(run.stdout, "::warning") || rel.used() {
			t.Errorf("want a warning and a leakstop built from source:\n%s", run.stdout)
		}
	})
	t.Run("bad version", func(t *testing.T) {
		rel := newFakeRelease(t, a.leakstopPath)
		run := a.runAction(t, "schedule", history, rel.env("main")...)
		if run.ok || !strings.Contains(run.stdout, "want source, latest or a release tag") {
			t.Fatalf("version main: ok %v\n%s", run.ok, run.stdout)
		}
	})
}
