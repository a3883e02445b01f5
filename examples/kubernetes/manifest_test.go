// Package kubernetes checks the Kubernetes manifests of the sweep example
// against the Kubernetes API's own Go types. kubeconform would need its
// schemas from the internet; decoding strictly into k8s.io/api's types
// (sigs.k8s.io/yaml, unknown or misspelt fields rejected) checks the same
// structure offline, and the tests then check what the sweep relies on.
// The package holds only tests, so the leakstop binary does not grow.
package kubernetes

import (
	"bytes"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	"sigs.k8s.io/yaml"
)

// decode reads the YAML documents of file strictly into the types the
// documents' kinds name (one of want's).
func decode(t *testing.T, file string) []any {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var out []any
	for i, doc := range regexp.MustCompile(`(?m)^---\s*$`).Split(string(data), -1) {
		if strings.TrimSpace(doc) == "" {
			continue
		}
		var head struct {
			APIVersion string `json:"apiVersion"`
			Kind       string `json:"kind"`
		}
		if err := yaml.Unmarshal([]byte(doc), &head); err != nil {
			t.Fatalf("%s: document %d: %v", file, i+1, err)
		}
		var obj any
		switch head.APIVersion + " " + head.Kind {
		case "batch/v1 Job":
			obj = &batchv1.Job{}
		case "v1 ConfigMap":
			obj = &corev1.ConfigMap{}
		case "v1 PersistentVolumeClaim":
			obj = &corev1.PersistentVolumeClaim{}
		default:
			t.Fatalf("%s: document %d: unexpected %s %s", file, i+1, head.APIVersion, head.Kind)
		}
		if err := yaml.UnmarshalStrict([]byte(doc), obj); err != nil {
			t.Fatalf("%s: document %d (%s): %v", file, i+1, head.Kind, err)
		}
		out = append(out, obj)
	}
	return out
}

func job(t *testing.T, file string) *batchv1.Job {
	t.Helper()
	objs := decode(t, file)
	if len(objs) != 1 {
		t.Fatalf("%s: want one Job, got %d documents", file, len(objs))
	}
	j, ok := objs[0].(*batchv1.Job)
	if !ok {
		t.Fatalf("%s: want a Job, got %T", file, objs[0])
	}
	return j
}

func env(c corev1.Container, name string) (string, bool) {
	for _, e := range c.Env {
		if e.Name == name {
			return e.Value, true
		}
	}
	return "", false
}

func mountOf(t *testing.T, j *batchv1.Job, c corev1.Container, volume string) (corev1.VolumeMount, corev1.Volume) {
	t.Helper()
	i := slices.IndexFunc(c.VolumeMounts, func(m corev1.VolumeMount) bool { return m.Name == volume })
	k := slices.IndexFunc(j.Spec.Template.Spec.Volumes, func(v corev1.Volume) bool { return v.Name == volume })
	if i < 0 || k < 0 {
		t.Fatalf("%s: container %s: no volume %q mounted", j.Name, c.Name, volume)
	}
	return c.VolumeMounts[i], j.Spec.Template.Spec.Volumes[k]
}

func TestSweepJob(t *testing.T) {
	j := job(t, "sweep-job.yaml")
	s := j.Spec
	if s.CompletionMode == nil || *s.CompletionMode != batchv1.IndexedCompletion {
		t.Errorf("completionMode %v, want Indexed (JOB_COMPLETION_INDEX)", s.CompletionMode)
	}
	if s.Completions == nil || s.Parallelism == nil || *s.Completions != 4 || *s.Parallelism != 4 {
		t.Fatalf("completions %v, parallelism %v: want 4 and 4", s.Completions, s.Parallelism)
	}
	if s.BackoffLimitPerIndex == nil || s.PodReplacementPolicy == nil || *s.PodReplacementPolicy != batchv1.Failed {
		t.Errorf("a failed shard should run again alone (backoffLimitPerIndex) once its last try has stopped (podReplacementPolicy: Failed)")
	}
	pod := s.Template.Spec
	if pod.RestartPolicy != corev1.RestartPolicyNever {
		t.Errorf("restartPolicy %q: want Never (backoffLimitPerIndex and podFailurePolicy need it)", pod.RestartPolicy)
	}
	if len(pod.Containers) != 1 {
		t.Fatalf("want one container, got %d", len(pod.Containers))
	}
	c := pod.Containers[0]
	if p := s.PodFailurePolicy; p == nil || len(p.Rules) == 0 || p.Rules[0].OnExitCodes == nil ||
		*p.Rules[0].OnExitCodes.ContainerName != c.Name || !slices.Equal(p.Rules[0].OnExitCodes.Values, []int32{2}) {
		t.Errorf("podFailurePolicy should fail a shard at once on exit 2 (bad usage or config) of container %s", c.Name)
	}
	script := strings.Join(append(slices.Clone(c.Command), c.Args...), " ")
	for _, want := range []string{"JOB_COMPLETION_INDEX + 1", `--shard "$shard/$SHARDS"`, "--repos", "--format json", "--report-path"} {
		if !strings.Contains(script, want) {
			t.Errorf("the container's command does not hold %q:\n%s", want, script)
		}
	}
	if shards, _ := env(c, "SHARDS"); shards != strconv.Itoa(int(*s.Completions)) {
		t.Errorf("SHARDS=%q, want the number of completions, %d", shards, *s.Completions)
	}
	// The list comes from the ConfigMap, the reports go to the shared
	// claim, the clones to the pod's scratch volume.
	repos, _ := env(c, "REPOS")
	m, v := mountOf(t, j, c, "config")
	if v.ConfigMap == nil || !m.ReadOnly || !strings.HasPrefix(repos, m.MountPath+"/") {
		t.Errorf("REPOS=%q should be in the read-only ConfigMap volume mounted at %s", repos, m.MountPath)
	}
	reports, _ := env(c, "REPORTS")
	m, v = mountOf(t, j, c, "reports")
	if v.PersistentVolumeClaim == nil || m.ReadOnly || m.MountPath != reports {
		t.Errorf("REPORTS=%q should be the writable claim mounted at %s", reports, m.MountPath)
	}
	tmp, _ := env(c, "TMPDIR")
	m, v = mountOf(t, j, c, "scratch")
	if v.EmptyDir == nil || m.MountPath != tmp {
		t.Errorf("TMPDIR=%q (where clones go) should be the emptyDir mounted at %s", tmp, m.MountPath)
	}
	if sc := c.SecurityContext; sc == nil || sc.ReadOnlyRootFilesystem == nil || !*sc.ReadOnlyRootFilesystem {
		t.Errorf("the root filesystem should be read-only: clones go to the scratch volume")
	}
}

func TestMergeJob(t *testing.T) {
	sweep, merge := job(t, "sweep-job.yaml"), job(t, "merge-job.yaml")
	pod := merge.Spec.Template.Spec
	if pod.RestartPolicy != corev1.RestartPolicyNever || merge.Spec.BackoffLimit == nil || *merge.Spec.BackoffLimit != 0 {
		t.Errorf("a merge that fails (findings, a partial shard) should not run again: restartPolicy Never, backoffLimit 0")
	}
	if len(pod.Containers) != 1 {
		t.Fatalf("want one container, got %d", len(pod.Containers))
	}
	c := pod.Containers[0]
	script := strings.Join(append(slices.Clone(c.Command), c.Args...), " ")
	for _, want := range []string{"leakstop report merge", "shard-$k.json", "--format json", "sarif=", "html="} {
		if !strings.Contains(script, want) {
			t.Errorf("the container's command does not hold %q:\n%s", want, script)
		}
	}
	sc := sweep.Spec.Template.Spec.Containers[0]
	for _, name := range []string{"SHARDS", "REPORTS"} {
		a, _ := env(sc, name)
		b, _ := env(c, name)
		if a == "" || a != b {
			t.Errorf("%s: sweep %q, merge %q: want the same", name, a, b)
		}
	}
	_, sv := mountOf(t, sweep, sc, "reports")
	_, mv := mountOf(t, merge, c, "reports")
	if sv.PersistentVolumeClaim == nil || mv.PersistentVolumeClaim == nil || sv.PersistentVolumeClaim.ClaimName != mv.PersistentVolumeClaim.ClaimName {
		t.Errorf("the sweep and the merge should share one claim for the reports")
	}
}

func TestStorage(t *testing.T) {
	objs := decode(t, "storage.yaml")
	sweep := job(t, "sweep-job.yaml").Spec.Template.Spec
	var cm *corev1.ConfigMap
	var pvc *corev1.PersistentVolumeClaim
	for _, o := range objs {
		switch o := o.(type) {
		case *corev1.ConfigMap:
			cm = o
		case *corev1.PersistentVolumeClaim:
			pvc = o
		}
	}
	if cm == nil || pvc == nil {
		t.Fatalf("storage.yaml should hold the ConfigMap of repositories and the claim for the reports")
	}
	for _, v := range sweep.Volumes {
		switch {
		case v.ConfigMap != nil && v.ConfigMap.Name != cm.Name:
			t.Errorf("the sweep mounts ConfigMap %q, storage.yaml makes %q", v.ConfigMap.Name, cm.Name)
		case v.PersistentVolumeClaim != nil && v.PersistentVolumeClaim.ClaimName != pvc.Name:
			t.Errorf("the sweep mounts claim %q, storage.yaml makes %q", v.PersistentVolumeClaim.ClaimName, pvc.Name)
		}
	}
	repos, _ := env(job(t, "sweep-job.yaml").Spec.Template.Spec.Containers[0], "REPOS")
	key := repos[strings.LastIndexByte(repos, '/')+1:]
	if !bytes.Contains([]byte(cm.Data[key]), []byte("https://")) {
		t.Errorf("ConfigMap %s should list repositories under key %q (REPOS=%s)", cm.Name, key, repos)
	}
	if !slices.Contains(pvc.Spec.AccessModes, corev1.ReadWriteMany) {
		t.Errorf("the reports' claim should be ReadWriteMany: shards run on several nodes")
	}
}
