package examples

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	"sigs.k8s.io/yaml"

	"github.com/leakstop/leakstop/internal/gitfixture"
)

func decodeJob(t *testing.T, file string) *batchv1.Job {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var j batchv1.Job
	if err := yaml.UnmarshalStrict(data, &j); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	return &j
}

// podRunner runs a Job's container on this machine: each volume is a
// folder (a claim's is shared between Jobs), and environment values under
// a mount path point into the volume's folder instead.
type podRunner struct {
	t       *testing.T
	root    string
	volumes map[string]string // claim or volume → folder
	base    []string
}

// run runs the container of j with extra environment and returns its exit
// status.
func (p *podRunner) run(j *batchv1.Job, extra ...string) int {
	p.t.Helper()
	env, _ := p.env(j)
	c := j.Spec.Template.Spec.Containers[0]
	argv := append(slices.Clone(c.Command), c.Args...)
	return runIn(p.t, p.root, append(env, extra...), argv...)
}

// env makes the folders of j's volumes and returns the container's
// environment, and its own variables by name.
func (p *podRunner) env(j *batchv1.Job) ([]string, map[string]string) {
	t := p.t
	t.Helper()
	spec := j.Spec.Template.Spec
	c := spec.Containers[0]
	mounts := map[string]string{} // mount path → folder
	for _, m := range c.VolumeMounts {
		i := slices.IndexFunc(spec.Volumes, func(v corev1.Volume) bool { return v.Name == m.Name })
		if i < 0 {
			t.Fatalf("%s: no volume %s", j.Name, m.Name)
		}
		key := j.Name + "/" + m.Name
		if pvc := spec.Volumes[i].PersistentVolumeClaim; pvc != nil {
			key = "claim/" + pvc.ClaimName
		}
		if _, ok := p.volumes[key]; !ok {
			p.volumes[key] = filepath.Join(p.root, strings.ReplaceAll(key, "/", "-"))
			if err := os.MkdirAll(p.volumes[key], 0o755); err != nil {
				t.Fatal(err)
			}
		}
		mounts[m.MountPath] = p.volumes[key]
	}
	vars := map[string]string{}
	env := slices.Clone(p.base)
	for _, e := range c.Env {
		v := e.Value
		for mp, dir := range mounts {
			if v == mp || strings.HasPrefix(v, mp+"/") {
				v = dir + strings.TrimPrefix(v, mp)
			}
		}
		vars[e.Name] = v
		env = append(env, e.Name+"="+v)
	}
	return env, vars
}

func TestKubernetesSweep(t *testing.T) {
	gitfixture.Require(t)
	bin := buildLeakstop(t)
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	sweep, merge := decodeJob(t, "kubernetes/sweep-job.yaml"), decodeJob(t, "kubernetes/merge-job.yaml")
	n := int(*sweep.Spec.Completions)
	if n != 4 || *sweep.Spec.Parallelism != 4 {
		t.Fatalf("completions %d, parallelism %d: want 4", n, *sweep.Spec.Parallelism)
	}

	// The ConfigMap's list: every repository by file:// URL, as a cluster
	// lists them by https:// URL (each is cloned), and one that does not
	// exist.
	work := t.TempDir()
	names := buildRepos(t, work)
	var list []string
	for _, name := range names {
		dir := filepath.Join(work, "bare", name+".git")
		if _, err := os.Stat(dir); err != nil {
			dir = filepath.Join(work, "repos", name)
		}
		list = append(list, "file://"+filepath.ToSlash(dir))
	}
	missing := "file://" + filepath.ToSlash(filepath.Join(work, "bare", "svc-99.git"))
	list = append(list, missing)
	p := &podRunner{t: t, root: t.TempDir(), volumes: map[string]string{}, base: testEnv(bin, t.TempDir())}

	// The list goes into the ConfigMap's volume, then every index runs.
	_, vars := p.env(sweep)
	repos := vars["REPOS"]
	if err := os.WriteFile(repos, []byte(strings.Join(list, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for i := range n {
		status := p.run(sweep, "JOB_COMPLETION_INDEX="+strconv.Itoa(i))
		var mine []string
		for _, e := range list {
			if shardOf(e, n) == i+1 {
				mine = append(mine, e)
			}
		}
		want := 0
		if len(mine) == 1 && mine[0] == missing {
			want = 3 // partial and nothing found: Kubernetes tries the shard again
		}
		if status != want {
			t.Errorf("index %d: the container exited %d, want %d (its repositories: %v)", i, status, want, mine)
		}
	}
	if status := p.run(merge); status != 1 {
		t.Errorf("the merge Job's container exited %d, want 1 (findings)", status)
	}
	whole := filepath.Join(t.TempDir(), "whole.json")
	if status := runIn(t, work, p.base, "leakstop", "git", "--repos", repos, "--format", "json", "--report-path", whole); status != 1 {
		t.Errorf("the unsharded run exited %d, want 1", status)
	}
	reports := vars["REPORTS"]
	for _, f := range []string{"leakstop.sarif", "leakstop.html", "leakstop.txt"} {
		if _, err := os.Stat(filepath.Join(reports, f)); err != nil {
			t.Errorf("the merge Job wrote no %s", f)
		}
	}
	rep := sameReport(t, filepath.Join(reports, "leakstop.json"), whole)
	checkSweep(t, rep, len(list), missing)
}
