package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// posixShells are the shells the hooks are run under: dash (Debian's sh),
// posh (a strict POSIX sh that refuses bash-isms) and bash as sh (close to
// the sh of Git for Windows, which is MSYS2's bash). dash and bash are
// always there; .ci/run installs posh.
var posixShells = [][]string{{"dash"}, {"posh"}, {"bash", "--posix"}}

// The hooks leakstop writes are plain POSIX sh, as Git for Windows runs
// them: #!/bin/sh, LF line ends, no bash-isms (shellcheck -s sh and posh
// agree), and the leakstop path written with forward slashes, quoted.
func TestHookScriptIsPOSIX(t *testing.T) {
	for _, name := range []string{"pre-commit", "pre-push"} {
		for _, bin := range []string{"C:/Program Files/leakstop/leakstop.exe", "/usr/local/bin/leakstop", "/opt/it's here/leakstop"} {
			script := hookScript(name, bin)
			if !strings.HasPrefix(script, "#!/bin/sh\n") || strings.Contains(script, "\r") {
				t.Fatalf("%s: not an LF #!/bin/sh script:\n%s", name, script)
			}
			if want := "\nleakstop=" + shellQuote(bin) + "\n"; !strings.Contains(script, want) || strings.Contains(bin, `\`) {
				t.Errorf("%s: leakstop's path is not written %q:\n%s", name, want, script)
			}
			path := filepath.Join(t.TempDir(), name)
			if err := os.WriteFile(path, []byte(script), 0o755); err != nil {
				t.Fatal(err)
			}
			for _, sh := range append([][]string{{"sh"}}, posixShells...) {
				if _, err := exec.LookPath(sh[0]); err != nil {
					t.Fatalf("%s is not installed (run .ci/run)", sh[0])
				}
				if out, err := exec.Command(sh[0], append(sh[1:], "-n", path)...).CombinedOutput(); err != nil {
					t.Errorf("%s -n %s (%s): %v\n%s", sh[0], name, bin, err, out)
				}
			}
			if _, err := exec.LookPath("shellcheck"); err != nil {
				t.Fatal("shellcheck is not installed (run .ci/run)")
			}
			if out, err := exec.Command("shellcheck", "-s", "sh", path).CombinedOutput(); err != nil {
				t.Errorf("shellcheck -s sh %s (%s): %v\n%s", name, bin, err, out)
			}
		}
	}
}

// Under each POSIX shell the hooks do what they say: run leakstop (found
// by a path with a space in it) with git's arguments and, for pre-push,
// its input; pass on its failure; then run the hook they replaced with
// the same arguments and input; and fail closed when there is no
// leakstop at all.
func TestHookScriptRunsUnderPOSIXShells(t *testing.T) {
	for _, sh := range posixShells {
		if _, err := exec.LookPath(sh[0]); err != nil {
			t.Fatalf("%s is not installed (run .ci/run)", sh[0])
		}
		t.Run(sh[0], func(t *testing.T) {
			dir := t.TempDir()
			binDir := filepath.Join(dir, "my tools")
			if err := os.Mkdir(binDir, 0o755); err != nil {
				t.Fatal(err)
			}
			log := filepath.Join(dir, "log")
			// A stand-in leakstop and chained hook: each logs its name,
			// arguments and input, and exits with $FAKE_STATUS / 0.
			fake := "#!/bin/sh\nprintf '%s %s\\n' \"$(basename \"$0\")\" \"$*\" >> '" + log + "'\n" +
				"if [ -n \"$READ_INPUT\" ]; then sed 's/^/  in: /' >> '" + log + "'; fi\nexit \"${FAKE_STATUS:-0}\"\n"
			bin := filepath.Join(binDir, "leakstop")
			write := func(path, text string) {
				if err := os.WriteFile(path, []byte(text), 0o755); err != nil {
					t.Fatal(err)
				}
			}
			write(bin, fake)
			hooks := filepath.Join(dir, "hooks")
			if err := os.Mkdir(hooks, 0o755); err != nil {
				t.Fatal(err)
			}
			runHook := func(name, input string, env ...string) (string, int) {
				t.Helper()
				os.Remove(log)
				cmd := exec.Command(sh[0], append(sh[1:], filepath.Join(hooks, name), "origin", "git@example.com:a/b.git")...)
				cmd.Env = append([]string{"PATH=/usr/bin:/bin", "READ_INPUT=" + map[bool]string{true: "1"}[name == "pre-push"]}, env...)
				cmd.Stdin = strings.NewReader(input)
				out, err := cmd.CombinedOutput()
				code := 0
				var ee *exec.ExitError
				if errors.As(err, &ee) {
					code = ee.ExitCode()
				} else if err != nil {
					t.Fatal(err)
				}
				b, _ := os.ReadFile(log)
				return string(b) + string(out), code
			}

			write(filepath.Join(hooks, "pre-commit"), hookScript("pre-commit", filepath.ToSlash(bin)))
			write(filepath.Join(hooks, "pre-commit"+chainedSuffix), fake)
			if got, code := runHook("pre-commit", ""); code != 0 || got != "leakstop staged\npre-commit.pre-leakstop origin git@example.com:a/b.git\n" {
				t.Errorf("pre-commit: exit %d, ran:\n%s", code, got)
			}
			if got, code := runHook("pre-commit", "", "FAKE_STATUS=1"); code != 1 || strings.Contains(got, "pre-leakstop") {
				t.Errorf("pre-commit with findings: exit %d, ran:\n%s", code, got)
			}

			write(filepath.Join(hooks, "pre-push"), hookScript("pre-push", filepath.ToSlash(bin)))
			write(filepath.Join(hooks, "pre-push"+chainedSuffix), fake)
			input := "refs/heads/main 1111111111111111111111111111111111111111 refs/heads/main 2222222222222222222222222222222222222222\n"
			want := "leakstop pre-push origin git@example.com:a/b.git\n  in: " + input +
				"pre-push.pre-leakstop origin git@example.com:a/b.git\n  in: " + input
			if got, code := runHook("pre-push", input); code != 0 || got != want {
				t.Errorf("pre-push: exit %d, ran:\n%s\nwant:\n%s", code, got, want)
			}
			if got, code := runHook("pre-push", input, "FAKE_STATUS=3"); code != 3 || strings.Contains(got, "pre-leakstop") {
				t.Errorf("pre-push failing closed: exit %d, ran:\n%s", code, got)
			}

			os.Remove(bin)
			if got, code := runHook("pre-commit", ""); code != 1 || !strings.Contains(got, "leakstop: not found, so this pre-commit hook cannot check anything") {
				t.Errorf("without leakstop: exit %d:\n%s", code, got)
			}
		})
	}
}
