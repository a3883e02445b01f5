package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/leakstop/leakstop/internal/gitfixture"
	"github.com/leakstop/leakstop/internal/sarifschema"
)

// The GitHub Action's script (action/scan.sh) run end to end as the runner
// runs it: an event payload at GITHUB_EVENT_PATH, GITHUB_OUTPUT and
// GITHUB_STEP_SUMMARY files, and a repository with a base branch holding
// an old secret and a pull request adding a new one.

// actionRepo is the repository the events refer to.
type actionRepo struct {
	*gitfixture.Repo
	base, head   string
	oldTok, tok  string
	leakstopPath string
}

func newActionRepo(t *testing.T) *actionRepo {
	t.Helper()
	requireActionTools(t)
	r := gitfixture.New(t)
	a := &actionRepo{Repo: r, oldTok: fakeGitHubToken(t, 7), tok: fakeGitHubToken(t, 8)}
	a.base = r.Commit("base", map[string]string{"app.env": "A=1\nOLD_TOKEN=" + a.oldTok + "\n"})
	r.Branch("feature")
	r.Commit("touch app.env", map[string]string{"app.env": "A=1\nOLD_TOKEN=" + a.oldTok + "\nB=2\n"})
	a.head = r.Commit("add a key", map[string]string{"config/new.env": "# service key\nNEW_TOKEN=" + a.tok + "\n"})
	bin := filepath.Join(t.TempDir(), "leakstop")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	a.leakstopPath = bin
	return a
}

// requireActionTools fails when what the script needs is missing: CI
// installs it, and a skip would pass unnoticed.
func requireActionTools(t *testing.T) {
	t.Helper()
	gitfixture.Require(t)
	for _, tool := range []string{"bash", "jq"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is not installed (apt-get install %s, or run .ci/run)", tool, tool)
		}
	}
}

// actionRun is what one run of the script left behind.
type actionRun struct {
	stdout  string
	ok      bool
	outputs map[string]string
	summary string
	sarif   []byte
}

// runAction runs the script for event with payload; env adds to the
// runner's environment.
func (a *actionRepo) runAction(t *testing.T, event string, payload any, env ...string) actionRun {
	t.Helper()
	tmp := t.TempDir()
	eventPath := filepath.Join(tmp, "event.json")
	b, err := json.Marshal(payload)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(eventPath, b, 0o644); err != nil {
		t.Fatal(err)
	}
	outputPath, summaryPath := filepath.Join(tmp, "output"), filepath.Join(tmp, "summary.md")
	script, err := filepath.Abs("../../action/scan.sh")
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("bash", script)
	cmd.Dir = a.Dir
	cmd.Env = append(os.Environ(),
		"GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL=/dev/null",
		"GITHUB_ACTIONS=true", "GITHUB_EVENT_NAME="+event, "GITHUB_EVENT_PATH="+eventPath,
		"GITHUB_OUTPUT="+outputPath, "GITHUB_STEP_SUMMARY="+summaryPath, "RUNNER_TEMP="+tmp,
		"LEAKSTOP_MODE=auto", "LEAKSTOP_FAIL=true", "LEAKSTOP_SARIF=results.sarif",
		"LEAKSTOP_BIN="+a.leakstopPath,
	)
	cmd.Env = append(cmd.Env, env...)
	out, err := cmd.Output()
	if ee, ok := err.(*exec.ExitError); ok {
		t.Logf("script stderr:\n%s", ee.Stderr)
	}
	run := actionRun{stdout: string(out), ok: err == nil, outputs: map[string]string{}}
	if b, err := os.ReadFile(outputPath); err == nil {
		for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
			if k, v, ok := strings.Cut(line, "="); ok {
				run.outputs[k] = v
			}
		}
	}
	if b, err := os.ReadFile(summaryPath); err == nil {
		run.summary = string(b)
	}
	run.sarif, _ = os.ReadFile(filepath.Join(a.Dir, "results.sarif"))
	return run
}

// checkSARIF validates the log and returns its results' paths.
func checkSARIF(t *testing.T, data []byte, category string) []string {
	t.Helper()
	if err := sarifschema.Validate(data); err != nil {
		t.Fatalf("the SARIF report is not valid SARIF 2.1.0: %v", err)
	}
	var log struct {
		Runs []struct {
			AutomationDetails struct{ ID string } `json:"automationDetails"`
			Results           []struct {
				PartialFingerprints map[string]string `json:"partialFingerprints"`
				Locations           []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string } `json:"artifactLocation"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(data, &log); err != nil || len(log.Runs) != 1 {
		t.Fatalf("SARIF: %v, %d runs", err, len(log.Runs))
	}
	run := log.Runs[0]
	if run.AutomationDetails.ID != category {
		t.Errorf("SARIF category %q, want %q", run.AutomationDetails.ID, category)
	}
	var paths []string
	for _, r := range run.Results {
		if len(r.PartialFingerprints["primaryLocationLineHash"]) != 64 {
			t.Errorf("result without our fingerprint: %v", r.PartialFingerprints)
		}
		paths = append(paths, r.Locations[0].PhysicalLocation.ArtifactLocation.URI)
	}
	return paths
}

func (a *actionRepo) noSecretIn(t *testing.T, run actionRun) {
	t.Helper()
	for name, text := range map[string]string{"stdout": run.stdout, "summary": run.summary, "sarif": string(run.sarif)} {
		if strings.Contains(text, a.tok) || strings.Contains(text, a.oldTok) {
			t.Errorf("the %s holds a full secret", name)
		}
	}
}

func TestActionPullRequest(t *testing.T) {
	a := newActionRepo(t)
	payload := map[string]any{
		"action": "synchronize", "number": 42,
		"pull_request": map[string]any{
			"number": 42, "title": "Add a key",
			"base": map[string]any{"ref": "main", "sha": a.base},
			"head": map[string]any{"ref": "feature", "sha": a.head},
		},
		"repository": map[string]any{"full_name": "acme/app", "default_branch": "main"},
	}
	run := a.runAction(t, "pull_request", payload)
	if !run.ok {
		t.Fatalf("the scan step failed on findings (the action's last step fails the job):\n%s", run.stdout)
	}
	// Only the PR's new secret: the old one is on a line the PR did not add.
	if !strings.Contains(run.stdout, "::error file=config/new.env,line=2,") {
		t.Errorf("no annotation on config/new.env line 2:\n%s", run.stdout)
	}
	if strings.Contains(run.stdout, "file=app.env") {
		t.Errorf("the base branch's secret was annotated:\n%s", run.stdout)
	}
	want := map[string]string{"findings": "1", "mode": "pr", "category": "leakstop/pr/", "sarif-path": "results.sarif"}
	for k, v := range want {
		if run.outputs[k] != v {
			t.Errorf("output %s = %q, want %q (all: %v)", k, run.outputs[k], v, run.outputs)
		}
	}
	if !strings.Contains(run.summary, "config/new.env") || !strings.Contains(run.summary, "github-pat") || !strings.Contains(run.summary, "leakstop:allow") {
		t.Errorf("the job summary lacks the finding or how to suppress it:\n%s", run.summary)
	}
	if paths := checkSARIF(t, run.sarif, "leakstop/pr/"); len(paths) != 1 || paths[0] != "config/new.env" {
		t.Errorf("SARIF results at %v, want config/new.env", paths)
	}
	a.noSecretIn(t, run)
}

func TestActionPush(t *testing.T) {
	a := newActionRepo(t)
	repo := map[string]any{"full_name": "acme/app", "default_branch": "main"}
	t.Run("pushed commits", func(t *testing.T) {
		run := a.runAction(t, "push", map[string]any{"ref": "refs/heads/feature", "before": a.base, "after": a.head, "repository": repo})
		if !run.ok || run.outputs["findings"] != "1" || run.outputs["mode"] != "push" {
			t.Fatalf("ok %v, outputs %v:\n%s", run.ok, run.outputs, run.stdout)
		}
		checkSARIF(t, run.sarif, "leakstop/push/")
	})
	t.Run("a new branch: what the default branch lacks", func(t *testing.T) {
		a.Git("update-ref", "refs/remotes/origin/main", a.base)
		zero := strings.Repeat("0", 40)
		run := a.runAction(t, "push", map[string]any{"ref": "refs/heads/feature", "before": zero, "after": a.head, "created": true, "repository": repo})
		if !run.ok || run.outputs["findings"] != "1" {
			t.Fatalf("ok %v, outputs %v:\n%s", run.ok, run.outputs, run.stdout)
		}
	})
	t.Run("a deleted branch: nothing", func(t *testing.T) {
		run := a.runAction(t, "push", map[string]any{"ref": "refs/heads/old", "before": a.base, "after": strings.Repeat("0", 40), "deleted": true, "repository": repo})
		if !run.ok || run.outputs["findings"] != "0" || run.outputs["mode"] != "none" {
			t.Fatalf("ok %v, outputs %v:\n%s", run.ok, run.outputs, run.stdout)
		}
	})
}

func TestActionHistory(t *testing.T) {
	a := newActionRepo(t)
	// version "source" builds leakstop from the action's own tree, as a
	// workflow using the action does.
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	run := a.runAction(t, "schedule", map[string]any{"schedule": "17 3 * * 1"}, "LEAKSTOP_BIN=", "LEAKSTOP_VERSION=source",
		"LEAKSTOP_ACTION_PATH="+root)
	if !run.ok || run.outputs["findings"] != "2" || run.outputs["mode"] != "history" {
		t.Fatalf("ok %v, outputs %v:\n%s", run.ok, run.outputs, run.stdout)
	}
	paths := checkSARIF(t, run.sarif, "leakstop/history/")
	if strings.Join(paths, " ") != "app.env config/new.env" && strings.Join(paths, " ") != "config/new.env app.env" {
		t.Errorf("SARIF results at %v, want both secrets", paths)
	}
	a.noSecretIn(t, run)
}

func TestActionBadEvent(t *testing.T) {
	a := newActionRepo(t)
	run := a.runAction(t, "pull_request", map[string]any{"pull_request": map[string]any{}})
	if run.ok || !strings.Contains(run.stdout, "::error title=leakstop::mode pr") {
		t.Errorf("a payload without the PR's commits did not fail the step clearly:\n%s", run.stdout)
	}
}

// A pull request that allowlists its own secret in .leakstop.toml: the
// base's config applies, so the secret is still reported, and the added
// allowlist is listed; with fail-on-new-suppressions the job fails on it.
func TestActionNewSuppressions(t *testing.T) {
	a := newActionRepo(t)
	head := a.Commit("allowlist the key", map[string]string{".leakstop.toml": "[[allowlists]]\npaths = [\"config/**\"]\n"})
	payload := map[string]any{
		"pull_request": map[string]any{
			"number": 43,
			"base":   map[string]any{"ref": "main", "sha": a.base},
			"head":   map[string]any{"ref": "feature", "sha": head},
		},
		"repository": map[string]any{"full_name": "acme/app", "default_branch": "main"},
	}
	for _, failOn := range []string{"false", "true"} {
		t.Run("fail-on-new-suppressions "+failOn, func(t *testing.T) {
			run := a.runAction(t, "pull_request", payload, "LEAKSTOP_FAIL_ON_NEW_SUPPRESSIONS="+failOn)
			// The scan step passes either way: the action's last steps fail
			// the job, after the SARIF upload.
			if !run.ok {
				t.Fatalf("the scan step failed:\n%s", run.stdout)
			}
			if run.outputs["findings"] != "1" || run.outputs["added-suppressions"] != "1" {
				t.Errorf("outputs %v, want findings 1 and added-suppressions 1", run.outputs)
			}
			if !strings.Contains(run.stdout, "::warning file=.leakstop.toml,line=2,") {
				t.Errorf("no annotation on the added allowlist:\n%s", run.stdout)
			}
			if !strings.Contains(run.summary, "#### Suppressions this change adds") || !strings.Contains(run.summary, "`paths = \"config/**\"`") {
				t.Errorf("the job summary does not list the added allowlist:\n%s", run.summary)
			}
			a.noSecretIn(t, run)
		})
	}
	// action.yml declares the input, passes it to the scan step and fails
	// the job on the output.
	yml, err := os.ReadFile("../../action.yml")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"\n  fail-on-new-suppressions:\n",
		"LEAKSTOP_FAIL_ON_NEW_SUPPRESSIONS: ${{ inputs.fail-on-new-suppressions }}",
		"inputs.fail-on-new-suppressions == 'true' && steps.scan.outputs.added-suppressions != '0'",
		"\n  added-suppressions:\n",
	} {
		if !strings.Contains(string(yml), want) {
			t.Errorf("action.yml lacks %q", want)
		}
	}
}
