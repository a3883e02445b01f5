// Package nodac lets a test see "permission denied" when it runs as root.
//
// Root reads every file whatever its mode (chmod 000 stops no one):
// the kernel grants it CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH. Tests of
// unreadable files and folders run as root here and in CI, so Rerun runs
// the test again in a child process whose bounding set lacks those two
// capabilities (setpriv, of util-linux): chmod 000 then gives EACCES, as
// it does for any other user.
package nodac

import (
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
)

// envChild marks the child process, which runs the test itself.
const envChild = "LEAKSTOP_TEST_NODAC"

// Rerun reports whether the caller should return at once: it was root,
// and the test has been run again, without the capabilities that let root
// read any file, in a child process whose result is now the test's. A
// process that is not root, or is that child, gets false and runs the
// test. A root that cannot drop the capabilities fails the test: it
// would otherwise pass without testing anything.
func Rerun(t *testing.T) bool {
	t.Helper()
	if os.Geteuid() != 0 || os.Getenv(envChild) != "" {
		return false
	}
	setpriv, err := exec.LookPath("setpriv")
	if err != nil {
		t.Fatal("running as root, and setpriv (util-linux) is missing: it is needed to take away root's right to read any file")
	}
	var pattern []string
	for _, part := range strings.Split(t.Name(), "/") {
		pattern = append(pattern, "^"+regexp.QuoteMeta(part)+"$")
	}
	cmd := exec.Command(setpriv, "--bounding-set=-dac_override,-dac_read_search",
		os.Args[0], "-test.run="+strings.Join(pattern, "/"), "-test.v", "-test.count=1")
	cmd.Env = append(os.Environ(), envChild+"=1")
	out, err := cmd.CombinedOutput()
	t.Logf("run again without CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH:\n%s", out)
	if err != nil {
		t.Fatalf("the test failed without root's read-anything capabilities: %v", err)
	}
	if !strings.Contains(string(out), "--- PASS: "+t.Name()) {
		t.Fatal("the run without root's read-anything capabilities did not run the test")
	}
	return true
}
