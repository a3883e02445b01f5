package examples

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"sigs.k8s.io/yaml"

	"github.com/leakstop/leakstop/internal/gitfixture"
)

// workflow is what the test reads of a GitHub Actions workflow.
type workflow struct {
	Env  map[string]any `json:"env"`
	Jobs map[string]struct {
		Strategy struct {
			Matrix map[string][]any `json:"matrix"`
		} `json:"strategy"`
		Steps []step `json:"steps"`
	} `json:"jobs"`
}

type step struct {
	ID   string            `json:"id"`
	Uses string            `json:"uses"`
	Run  string            `json:"run"`
	Env  map[string]string `json:"env"`
	With map[string]any    `json:"with"`
}

var expression = regexp.MustCompile(`\$\{\{\s*(.*?)\s*\}\}`)

// expand replaces the workflow expressions of s with vars; an expression
// the test does not know fails it.
func expand(t *testing.T, s string, vars map[string]string) string {
	t.Helper()
	return expression.ReplaceAllStringFunc(s, func(m string) string {
		v, ok := vars[expression.FindStringSubmatch(m)[1]]
		if !ok {
			t.Fatalf("unknown expression %s in %q", m, s)
		}
		return v
	})
}

// runStep runs a step's script as GitHub's bash shell does (bash
// --noprofile --norc -eo pipefail FILE) with the workflow's and the
// step's environment.
func runStep(t *testing.T, dir string, base []string, wf *workflow, s step, vars map[string]string) int {
	t.Helper()
	env := slices.Clone(base)
	for k, v := range wf.Env {
		env = append(env, k+"="+fmt.Sprint(v))
	}
	for k, v := range s.Env {
		env = append(env, k+"="+expand(t, v, vars))
	}
	script := filepath.Join(t.TempDir(), "step-"+s.ID+".sh")
	if err := os.WriteFile(script, []byte(expand(t, s.Run, vars)), 0o644); err != nil {
		t.Fatal(err)
	}
	return runIn(t, dir, env, "bash", "--noprofile", "--norc", "-eo", "pipefail", script)
}

func stepOf(t *testing.T, wf *workflow, job, id string) step {
	t.Helper()
	for _, s := range wf.Jobs[job].Steps {
		if s.ID == id {
			return s
		}
	}
	t.Fatalf("workflow: job %s has no step with id %s", job, id)
	return step{}
}

// withOf returns the inputs of the step of job that uses action.
func withOf(t *testing.T, wf *workflow, job, action string) map[string]any {
	t.Helper()
	for _, s := range wf.Jobs[job].Steps {
		if strings.HasPrefix(s.Uses, action+"@") {
			return s.With
		}
	}
	t.Fatalf("workflow: job %s uses no %s", job, action)
	return nil
}

func TestGitHubSweep(t *testing.T) {
	gitfixture.Require(t)
	bin := buildLeakstop(t)
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH")) // for fingerprintOf
	data, err := os.ReadFile("github/sweep.yml")
	if err != nil {
		t.Fatal(err)
	}
	var wf workflow
	if err := yaml.Unmarshal(data, &wf); err != nil {
		t.Fatalf("github/sweep.yml: %v", err)
	}
	shards := wf.Jobs["scan"].Strategy.Matrix["shard"]
	n, _ := strconv.Atoi(fmt.Sprint(wf.Env["SHARDS"]))
	if n != 4 || len(shards) != n {
		t.Fatalf("SHARDS=%v and the matrix %v: want 4 shards, one matrix entry each", wf.Env["SHARDS"], shards)
	}

	// The checkout: repos.txt lists ten repositories by path (relative to
	// the list), two by file:// URL (cloned) and one that is not there.
	work := t.TempDir()
	names := buildRepos(t, work)
	list := "# The sweep's repositories\n\n"
	var listed []string
	for _, name := range names {
		entry := "repos/" + name
		if strings.HasSuffix(name, "11") || strings.HasSuffix(name, "12") {
			entry = "file://" + filepath.ToSlash(filepath.Join(work, "bare", name+".git"))
		}
		list += entry + "   # " + name + "\n"
		listed = append(listed, entry)
	}
	list += "repos/svc-99\n"
	listed = append(listed, "repos/svc-99")
	if err := os.WriteFile(filepath.Join(work, "repos.txt"), []byte(list), 0o644); err != nil {
		t.Fatal(err)
	}
	env := testEnv(bin, t.TempDir())

	// Each shard's step, with its matrix value; then its artifact, moved
	// where the merge job downloads it.
	scan := stepOf(t, &wf, "scan", "scan")
	up := withOf(t, &wf, "scan", "actions/upload-artifact")
	down := withOf(t, &wf, "merge", "actions/download-artifact")
	mergeDir := t.TempDir()
	got := map[int][]string{}
	for _, v := range shards {
		k := fmt.Sprint(v)
		vars := map[string]string{"matrix.shard": k}
		status := runStep(t, work, env, &wf, scan, vars)
		ki, _ := strconv.Atoi(k)
		var mine []string
		for _, e := range listed {
			name := strings.TrimSuffix(e, "/") // RepoName of these entries is the entry
			if shardOf(name, n) == ki {
				mine = append(mine, name)
			}
		}
		got[ki] = mine
		// Every repository that can be read holds a finding: a shard
		// fails only when all it has is the missing one.
		want := 0
		if len(mine) == 1 && mine[0] == "repos/svc-99" {
			want = 1
		}
		if status != want {
			t.Errorf("shard %s: the scan step exited %d, want %d (its repositories: %v)", k, status, want, mine)
		}
		artifact := expand(t, fmt.Sprint(up["path"]), vars)
		dst := filepath.Join(mergeDir, fmt.Sprint(down["path"]), filepath.Base(artifact))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(filepath.Join(work, artifact), dst); err != nil {
			t.Fatalf("shard %s: its artifact: %v", k, err)
		}
		rep := readJSON(t, dst)
		var covered []string
		for _, r := range listOf(rep, "repositories") {
			covered = append(covered, r.(string))
		}
		slices.Sort(mine)
		if !slices.Equal(covered, mine) {
			t.Errorf("shard %s covered %v, want %v", k, covered, mine)
		}
	}
	nonEmpty := 0
	for _, m := range got {
		if len(m) > 0 {
			nonEmpty++
		}
	}
	if nonEmpty < 2 {
		t.Errorf("the shards did not split the repositories: %v", got)
	}

	// The merge job's step, then one unsharded run over the same list.
	merge := stepOf(t, &wf, "merge", "merge")
	if status := runStep(t, mergeDir, env, &wf, merge, nil); status != 1 {
		t.Errorf("the merge step exited %d, want 1 (findings)", status)
	}
	for _, f := range []string{"leakstop.json", "leakstop.sarif", "leakstop.html", "leakstop.txt"} {
		if _, err := os.Stat(filepath.Join(mergeDir, f)); err != nil {
			t.Errorf("the merge step wrote no %s", f)
		}
	}
	whole := filepath.Join(t.TempDir(), "whole.json")
	if status := runIn(t, work, env, "leakstop", "git", "--repos", "repos.txt", "--format", "json", "--report-path", whole); status != 1 {
		t.Errorf("the unsharded run exited %d, want 1", status)
	}
	rep := sameReport(t, filepath.Join(mergeDir, "leakstop.json"), whole)
	checkSweep(t, rep, len(listed), "repos/svc-99")
}
