package main

import (
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The action's rotation webhook inputs: events go to the webhook, and
// those it could not deliver stay in a spool outside the work tree that
// the action uploads as an artifact.
func TestActionRotation(t *testing.T) {
	a := newActionRepo(t)
	payload := map[string]any{
		"pull_request": map[string]any{
			"base": map[string]any{"sha": a.base}, "head": map[string]any{"sha": a.head},
		},
		"repository": map[string]any{"full_name": "acme/app", "default_branch": "main"},
	}
	secret := webhookSecret("action")
	t.Run("delivered", func(t *testing.T) {
		rc, url := startReceiver(t, secret)
		run := a.runAction(t, "pull_request", payload, "LEAKSTOP_ROTATE_URL="+url, "LEAKSTOP_WEBHOOK_SECRET="+secret)
		if !run.ok || run.outputs["findings"] != "1" {
			t.Fatalf("ok %v, outputs %v:\n%s", run.ok, run.outputs, run.stdout)
		}
		if c := rc.Counts(); c.Accepted != 1 || c.Invalid != 0 {
			t.Errorf("receiver: %+v, want the PR's one secret", c)
		}
		if run.outputs["rotation-spool"] != "" {
			t.Errorf("rotation-spool output %q, though every event was delivered", run.outputs["rotation-spool"])
		}
		a.noSecretIn(t, run)
	})
	t.Run("receiver down: the spool is kept", func(t *testing.T) {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		dead := "http://" + ln.Addr().String() + "/hook"
		ln.Close()
		run := a.runAction(t, "pull_request", payload, "LEAKSTOP_ROTATE_URL="+dead, "LEAKSTOP_WEBHOOK_SECRET="+secret,
			"LEAKSTOP_ARGS=--rotate-attempts 1")
		if !run.ok || run.outputs["findings"] != "1" {
			t.Fatalf("an undelivered event failed the step: ok %v, outputs %v:\n%s", run.ok, run.outputs, run.stdout)
		}
		spool := run.outputs["rotation-spool"]
		b, err := os.ReadFile(spool)
		if err != nil || len(b) == 0 {
			t.Fatalf("rotation-spool %q: %v, %d bytes", spool, err, len(b))
		}
		if rel, err := filepath.Rel(a.Dir, spool); err == nil && !strings.HasPrefix(rel, "..") {
			t.Errorf("the spool %s is inside the work tree", spool)
		}
		if strings.Contains(string(b), a.tok) {
			t.Error("the spool holds the secret")
		}
		if !strings.HasPrefix(run.outputs["rotation-spool-artifact"], "leakstop-rotation-spool-") {
			t.Errorf("artifact name %q", run.outputs["rotation-spool-artifact"])
		}
		if !strings.Contains(run.stdout, "::warning title=leakstop::rotation events not delivered") {
			t.Errorf("no warning about the spool:\n%s", run.stdout)
		}
	})
	t.Run("a URL without keys fails the step", func(t *testing.T) {
		run := a.runAction(t, "pull_request", payload, "LEAKSTOP_ROTATE_URL=https://vault.example.com/hook", "LEAKSTOP_WEBHOOK_SECRET=")
		if run.ok || !strings.Contains(run.stdout, "rotate-url needs webhook-secret") {
			t.Errorf("ok %v:\n%s", run.ok, run.stdout)
		}
	})
	t.Run("action.yml uploads the spool", func(t *testing.T) {
		b, err := os.ReadFile("../../action.yml")
		if err != nil {
			t.Fatal(err)
		}
		y := string(b)
		for _, want := range []string{
			"  upload-spool:\n",
			"if: always() && inputs.upload-spool == 'true' && steps.scan.outputs.rotation-spool != ''",
			"uses: actions/upload-artifact@v4",
			"path: ${{ steps.scan.outputs.rotation-spool }}",
			"LEAKSTOP_WEBHOOK_SECRET: ${{ inputs.webhook-secret }}",
		} {
			if !strings.Contains(y, want) {
				t.Errorf("action.yml lacks %q", want)
			}
		}
	})
}
