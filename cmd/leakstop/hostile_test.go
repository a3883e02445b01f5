package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/leakstop/leakstop/internal/gitfixture"
)

// Hostile and broken input, end to end: each case gets a clear error
// naming the item (or, for what a limit leaves out and what has nothing
// to read, a listed skip), the scan goes on past it, and the exit status
// says whether the run was partial (3). The runs pass --fail-on verified,
// which no fake secret reaches: a finding then shows that the scan went
// on, and the exit status speaks of the scan alone.
//
// Covered elsewhere, not repeated here: malformed Slack JSON, day files
// cut short and exports that are not exports (source/slack_test.go
// TestSlackMalformed, testdata/script/slack_partial.txtar); truncated and
// damaged archives, zip bombs, archives nested past the depth limit,
// members whose names climb out of the archive (source/archive_test.go
// TestArchiveDamaged, TestArchiveLimits, TestMemberName,
// FuzzExpandArchive); files that change during a scan, symbolic link loops
// and named pipes (source/dir_hostile_unix_test.go, dir_unix_test.go).

// hostileReport is what these tests read of a JSON report.
type hostileReport struct {
	Partial  bool
	Errors   []struct{ Path, Error string }
	Skipped  []struct{ Path, Reason string }
	Findings []struct {
		RuleID string `json:"rule_id"`
		Path   string
		Line   int
		Column int
		Source struct{ Commit string }
	}
	Summary struct {
		ScannedItems int `json:"scanned_items"`
	}
}

// scanCLI runs leakstop in-process with a JSON report, findings not
// failing the run, and returns the exit status, the report and stderr.
func scanCLI(t *testing.T, args ...string) (int, hostileReport, string) {
	t.Helper()
	var out, errb bytes.Buffer
	args = append(append([]string{"leakstop"}, args...), "--format", "json", "--fail-on", "verified")
	code := run(args, strings.NewReader(""), &out, &errb)
	var r hostileReport
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		t.Fatalf("%q: exit %d, the report is not JSON: %v\nstdout %s\nstderr %s", args, code, err, out.Bytes(), errb.Bytes())
	}
	return code, r, errb.String()
}

// wantErrors checks that each of want is contained in one error of r,
// naming its item, and that there are no others.
func (r hostileReport) wantErrors(t *testing.T, want ...[2]string) {
	t.Helper()
	if len(r.Errors) != len(want) {
		t.Errorf("%d errors, want %d: %+v", len(r.Errors), len(want), r.Errors)
	}
	for _, w := range want {
		found := false
		for _, e := range r.Errors {
			found = found || (strings.Contains(e.Path, w[0]) && strings.Contains(e.Error, w[1]))
		}
		if !found {
			t.Errorf("no error at %q saying %q in %+v", w[0], w[1], r.Errors)
		}
	}
}

// foundAt checks that the report has a finding at path.
func (r hostileReport) foundAt(t *testing.T, path string) {
	t.Helper()
	for _, f := range r.Findings {
		if f.Path == path {
			return
		}
	}
	t.Errorf("no finding at %s (the scan did not go on?): %+v", path, r.Findings)
}

func wantStatus(t *testing.T, got, want int, stderr string) {
	t.Helper()
	if got != want {
		t.Errorf("exit %d, want %d; stderr:\n%s", got, want, stderr)
	}
}

// hostileRepo is a repository of three commits: a.env holds a secret
// from the first, m.txt changes in each.
func hostileRepo(t *testing.T) (r *gitfixture.Repo, commits []string) {
	t.Helper()
	r = gitfixture.New(t)
	for i := range 3 {
		files := map[string]string{"m.txt": "version " + strconv.Itoa(i) + "\n"}
		if i == 0 {
			files["a.env"] = "GITHUB_TOKEN=" + fakeToken(t, 31) + "\n"
		}
		commits = append(commits, r.Commit("commit "+strconv.Itoa(i), files))
	}
	return r, commits
}

// packAll packs every object and returns the pack file.
func packAll(t *testing.T, r *gitfixture.Repo) string {
	t.Helper()
	r.Git("gc", "-q", "--prune=now")
	packs, _ := filepath.Glob(filepath.Join(r.GitDir(), "objects", "pack", "*.pack"))
	if len(packs) != 1 {
		t.Fatalf("%d packs", len(packs))
	}
	return packs[0]
}

// damage XORs n bytes of the file at offset.
func damage(t *testing.T, path string, offset, n int64) {
	t.Helper()
	os.Chmod(path, 0o644)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for i := offset; i < offset+n && i < int64(len(b)); i++ {
		b[i] ^= 0x5a
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// packedAt returns where object id's data is in pack (after the header
// of its type and size) and how many bytes it takes there.
func packedAt(t *testing.T, r *gitfixture.Repo, pack, id string) (offset, size int64) {
	t.Helper()
	for _, line := range strings.Split(r.Git("verify-pack", "-v", strings.TrimSuffix(pack, ".pack")+".idx"), "\n") {
		f := strings.Fields(line)
		if len(f) >= 5 && f[0] == id {
			size, _ = strconv.ParseInt(f[3], 10, 64)
			offset, _ = strconv.ParseInt(f[4], 10, 64)
			return offset + 2, size - 2
		}
	}
	t.Fatalf("%s is not in the pack", id)
	return 0, 0
}

func TestHostileGit(t *testing.T) {
	gitfixture.Require(t)

	t.Run("damaged loose object", func(t *testing.T) {
		r, commits := hostileRepo(t)
		id := r.BlobID(commits[1], "m.txt")
		p := r.LooseObjectPath(id)
		os.Chmod(p, 0o644)
		if err := os.WriteFile(p, []byte("this is not zlib"), 0o644); err != nil {
			t.Fatal(err)
		}
		code, rep, stderr := scanCLI(t, "git", r.Dir)
		wantStatus(t, code, exitPartial, stderr)
		rep.wantErrors(t, [2]string{"m.txt (commit " + commits[1][:12] + ")", "object " + id + ": "})
		rep.foundAt(t, "a.env")
	})

	t.Run("damaged pack", func(t *testing.T) {
		r, commits := hostileRepo(t)
		id := r.BlobID(commits[1], "m.txt")
		pack := packAll(t, r)
		off, n := packedAt(t, r, pack, id)
		damage(t, pack, off, n)
		code, rep, stderr := scanCLI(t, "git", r.Dir)
		wantStatus(t, code, exitPartial, stderr)
		rep.wantErrors(t, [2]string{"m.txt (commit " + commits[1][:12] + ")", "object " + id + ": "})
		rep.foundAt(t, "a.env")
	})

	t.Run("pack cut short", func(t *testing.T) {
		r, _ := hostileRepo(t)
		pack := packAll(t, r)
		fi, err := os.Stat(pack)
		if err != nil {
			t.Fatal(err)
		}
		os.Chmod(pack, 0o644)
		if err := os.Truncate(pack, fi.Size()/2); err != nil {
			t.Fatal(err)
		}
		code, rep, stderr := scanCLI(t, "git", r.Dir)
		wantStatus(t, code, exitPartial, stderr)
		if !rep.Partial || len(rep.Errors) == 0 {
			t.Errorf("partial %v, errors %+v: want the objects lost named", rep.Partial, rep.Errors)
		}
	})

	t.Run("damaged pack index", func(t *testing.T) {
		r, commits := hostileRepo(t)
		pack := packAll(t, r)
		damage(t, strings.TrimSuffix(pack, ".pack")+".idx", 8, 1024)
		code, rep, stderr := scanCLI(t, "git", r.Dir)
		wantStatus(t, code, exitPartial, stderr)
		rep.wantErrors(t, [2]string{r.Dir, "ref refs/heads/main: object " + commits[2]})
	})

	t.Run("missing object", func(t *testing.T) {
		r, commits := hostileRepo(t)
		id := r.BlobID(commits[1], "m.txt")
		if err := os.Remove(r.LooseObjectPath(id)); err != nil {
			t.Fatal(err)
		}
		code, rep, stderr := scanCLI(t, "git", r.Dir)
		wantStatus(t, code, exitPartial, stderr)
		rep.wantErrors(t, [2]string{"m.txt (commit " + commits[1][:12] + ")", "object " + id + ": object not found"})
		rep.foundAt(t, "a.env")
	})

	t.Run("missing commit", func(t *testing.T) {
		r, commits := hostileRepo(t)
		if err := os.Remove(r.LooseObjectPath(commits[1])); err != nil {
			t.Fatal(err)
		}
		code, rep, stderr := scanCLI(t, "git", r.Dir)
		wantStatus(t, code, exitPartial, stderr)
		rep.wantErrors(t,
			[2]string{r.Dir, "commit " + commits[2] + ": parent " + commits[1] + ": object not found"},
			[2]string{r.Dir, "commit " + commits[1] + ": object not found"})
		rep.foundAt(t, "a.env") // still in the tip's tree
	})

	t.Run("shallow clone", func(t *testing.T) {
		r, commits := hostileRepo(t)
		c := r.CloneShallow(1)
		code, rep, stderr := scanCLI(t, "git", c.Dir)
		wantStatus(t, code, exitClean, stderr)
		if rep.Partial || len(rep.Errors) > 0 || len(rep.Skipped) != 1 ||
			rep.Skipped[0].Reason != "shallow clone: history before "+commits[2]+" not scanned" {
			t.Errorf("partial %v, errors %+v, skipped %+v: want the cut history listed as skipped", rep.Partial, rep.Errors, rep.Skipped)
		}
		rep.foundAt(t, "a.env")
	})

	t.Run("linked worktree", func(t *testing.T) {
		r, _ := hostileRepo(t)
		wt := filepath.Join(t.TempDir(), "wt")
		r.Git("worktree", "add", "-q", "-b", "side", wt)
		if err := os.WriteFile(filepath.Join(wt, "side.env"), []byte("GITHUB_TOKEN="+fakeToken(t, 32)+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		gitIn(t, wt, "add", "side.env")
		gitIn(t, wt, "-c", "user.name=B", "-c", "user.email=b@example.com", "commit", "-q", "-m", "on the side")
		code, rep, stderr := scanCLI(t, "git", wt)
		wantStatus(t, code, exitClean, stderr)
		if rep.Partial || len(rep.Errors)+len(rep.Skipped) > 0 {
			t.Errorf("partial %v, errors %+v, skipped %+v", rep.Partial, rep.Errors, rep.Skipped)
		}
		rep.foundAt(t, "a.env")
		rep.foundAt(t, "side.env")
	})

	t.Run("HEAD git cannot parse", func(t *testing.T) {
		r, _ := hostileRepo(t)
		if err := os.WriteFile(filepath.Join(r.GitDir(), "HEAD"), []byte("nonsense\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		// git now refuses the repository; its refs are read all the same.
		code, rep, stderr := scanCLI(t, "git", r.Dir)
		wantStatus(t, code, exitPartial, stderr)
		rep.wantErrors(t, [2]string{r.Dir, "ref HEAD: does not hold an object id"})
		rep.foundAt(t, "a.env")
		if rep.Summary.ScannedItems != 4 {
			t.Errorf("%d items scanned, want the 4 blobs of main", rep.Summary.ScannedItems)
		}
	})

	t.Run("refs pointing nowhere", func(t *testing.T) {
		r, _ := hostileRepo(t)
		r.Git("pack-refs", "--all")
		gd := r.GitDir()
		missing := strings.Repeat("0123456789", 4)
		for name, content := range map[string]string{
			"refs/heads/ghost":   missing + "\n",
			"refs/heads/garbage": "not an id\n",
			"refs/tags/unborn":   "ref: refs/heads/never-made\n", // not broken: nothing to scan
		} {
			if err := os.WriteFile(filepath.Join(gd, filepath.FromSlash(name)), []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		f, err := os.OpenFile(filepath.Join(gd, "packed-refs"), os.O_APPEND|os.O_WRONLY, 0)
		if err != nil {
			t.Fatal(err)
		}
		f.WriteString("this line is no ref\n")
		f.Close()
		code, rep, stderr := scanCLI(t, "git", r.Dir)
		wantStatus(t, code, exitPartial, stderr)
		rep.wantErrors(t,
			[2]string{r.Dir, "ref refs/heads/ghost: object " + missing + ": object not found"},
			[2]string{r.Dir, "ref refs/heads/garbage: "},
			[2]string{r.Dir, "packed-refs:"},
		)
		rep.foundAt(t, "a.env")
	})
}

// gitIn runs git in dir with the fixture's isolation from the user's
// configuration.
func gitIn(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL=/dev/null")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

// Text in every shape a file takes: the secret is found, on the line an
// editor shows, whatever the encoding around it.
func TestHostileEncodings(t *testing.T) {
	tok := fakeToken(t, 33)
	line := "TOKEN=" + tok
	utf16 := func(s string, bigEndian, bom bool) []byte {
		b := utf16LE(s)
		if !bom {
			b = b[2:]
		}
		if bigEndian {
			for i := 0; i+1 < len(b); i += 2 {
				b[i], b[i+1] = b[i+1], b[i]
			}
		}
		return b
	}
	files := map[string]struct {
		data []byte
		line int
	}{
		"invalid-utf8.txt":  {[]byte("ok\n\xff\xfe\xc3\x28 broken \xe2\x82\n" + line + "\n\x80\n"), 3},
		"latin1-mixed.txt":  {[]byte("caf\xe9 cr\xe8me\nna\u00efve ok\n" + line + "\n"), 3},
		"utf16le-bom.txt":   {utf16("a\r\nb\r\n"+line+"\r\n", false, true), 3},
		"utf16be-bom.txt":   {utf16("a\nb\n"+line+"\n", true, true), 3},
		"utf16le.txt":       {utf16("a\nb\n"+line+"\n", false, false), 3},
		"utf16be.txt":       {utf16("a\nb\n"+line+"\n", true, false), 3},
		"environ":           {[]byte("HOME=/root\x00PATH=/usr/bin\x00" + line + "\x00SHLVL=1\x00"), 1},
		"nul-padded.log":    {append([]byte("started\nready\n"+line+"\n"), make([]byte, 4096)...), 3},
		"crlf.env":          {[]byte("A=1\r\nB=2\r\n" + line + "\r\n"), 3},
		"bom-utf8.env":      {append([]byte{0xEF, 0xBB, 0xBF}, "A=1\n"+line+"\n"...), 2},
		"no-final-newline":  {[]byte("A=1\n" + line), 2},
		"cr-lf-mixed.env":   {[]byte("A=1\r\nB=2\n" + line + "\r\n"), 3},
		"nul-then-text.txt": {[]byte("\x00\x00\x00\n" + line + "\n"), 2},
	}
	dir := t.TempDir()
	for name, f := range files {
		if err := os.WriteFile(filepath.Join(dir, name), f.data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, rep, stderr := scanCLI(t, "dir", dir)
	wantStatus(t, code, exitClean, stderr)
	got := map[string]int{}
	for _, f := range rep.Findings {
		if f.RuleID == "github-pat" {
			got[f.Path] = f.Line
		}
	}
	for name, f := range files {
		if l, ok := got[name]; !ok {
			t.Errorf("%s: secret not found", name)
		} else if l != f.line {
			t.Errorf("%s: secret on line %d, want %d", name, l, f.line)
		}
	}
}

// One line of 100 MB (a minified bundle, a data dump): scanned in
// bounded time and memory, the secret at its end found at the right
// column.
func TestHostileLongLine(t *testing.T) {
	if testing.Short() {
		t.Skip("writes and scans 100 MB")
	}
	const size = 100 << 20
	tok := fakeToken(t, 34)
	tail := ` "token": "` + tok + `"}`
	b := bytes.Repeat([]byte(`{"k":"v0123456789abcdef","n":[1,2,3]},`), (size-len(tail))/38)
	b = append(b, tail...)
	path := filepath.Join(t.TempDir(), "dump.min.json")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	col := len(b) - len(tail) + len(` "token": "`) + 1
	b = nil
	runtime.GC()
	var peak uint64
	stop := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapInuse)
			select {
			case <-stop:
				return
			case <-time.After(20 * time.Millisecond):
			}
		}
	}()
	start := time.Now()
	code, rep, stderr := scanCLI(t, "dir", path, "--max-file-size", "0")
	elapsed := time.Since(start)
	close(stop)
	<-sampled
	wantStatus(t, code, exitClean, stderr)
	if len(rep.Findings) != 1 || rep.Findings[0].Line != 1 || rep.Findings[0].Column != col {
		t.Errorf("findings %+v, want one at 1:%d", rep.Findings, col)
	}
	t.Logf("100 MB on one line: %v, peak heap in use %d MB", elapsed, peak>>20)
	if elapsed > 2*time.Minute {
		t.Errorf("took %v", elapsed)
	}
	// The file is held once as read; the scan's own buffers must not be
	// a multiple of it.
	if peak > 3*size {
		t.Errorf("peak heap in use %d MB for a 100 MB file", peak>>20)
	}
}
