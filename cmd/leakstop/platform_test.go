package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/leakstop/leakstop/internal/gitfixture"
	"github.com/leakstop/leakstop/rules"
	"github.com/leakstop/leakstop/rules/fake"
)

// place is what identifies a finding across machines: where it is and
// which secret it is.
type place struct {
	Rule, Path                string
	Line                      int
	SHA256, HMAC, Fingerprint string
}

// scanPlaces runs `leakstop dir --format json` over dir in-process and
// returns the findings' places, sorted.
func scanPlaces(t *testing.T, args ...string) []place {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(append([]string{"leakstop", "dir", "--format", "json", "--no-progress"}, args...), strings.NewReader(""), &out, &errb)
	if code != exitFindings && code != exitClean {
		t.Fatalf("leakstop dir %q: exit %d: %s", args, code, errb.String())
	}
	return placesOf(t, out.Bytes())
}

// placesOf reads the findings' places from a JSON report, sorted.
func placesOf(t *testing.T, report []byte) []place {
	t.Helper()
	var rep struct {
		Findings []struct {
			RuleID       string `json:"rule_id"`
			Path         string `json:"path"`
			Line         int    `json:"line"`
			SecretSHA256 string `json:"secret_sha256"`
			SecretHMAC   string `json:"secret_hmac"`
			Fingerprint  string `json:"fingerprint"`
		} `json:"findings"`
	}
	if err := json.Unmarshal(report, &rep); err != nil {
		t.Fatalf("%v: %s", err, report)
	}
	var ps []place
	for _, f := range rep.Findings {
		ps = append(ps, place{f.RuleID, f.Path, f.Line, f.SecretSHA256, f.SecretHMAC, f.Fingerprint})
	}
	slices.SortFunc(ps, func(a, b place) int { return strings.Compare(fmt.Sprint(a), fmt.Sprint(b)) })
	return ps
}

// crlfCorpus writes, one file per rule, the first example of every rule
// of the catalog and, for key rules, a fake key of the rule: text with
// LF line ends, single- and multi-line secrets.
func crlfCorpus(t *testing.T) map[string]string {
	t.Helper()
	set, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	g := fake.New(7)
	for _, r := range set.Rules {
		if len(r.Examples) > 0 && !r.Examples[0].Decoded {
			files["examples/"+r.ID+".txt"] = "# " + r.ID + "\n" + r.Examples[0].Text + "\nend\n"
		}
		if r.Validator == "private-key" {
			key, err := g.Secret(r)
			if err != nil {
				t.Fatal(err)
			}
			files["keys/"+r.ID+".pem"] = "key follows\n" + key + "\n"
		}
	}
	return files
}

// A work tree checked out with CRLF line ends (core.autocrlf=true, as
// Windows users have it) gives the same findings, secret_sha256 and
// fingerprints as its LF checkout: line ends are no part of a secret, and
// a PEM key hashes as its DER.
func TestCRLFCheckoutSameFindings(t *testing.T) {
	repo := gitfixture.New(t)
	repo.Git("config", "core.autocrlf", "false")
	repo.Commit("corpus", crlfCorpus(t))

	crlf := filepath.Join(t.TempDir(), "crlf")
	clone := exec.Command("git", "-c", "core.autocrlf=true", "clone", "-q", repo.Dir, crlf)
	clone.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL=/dev/null")
	if out, err := clone.CombinedOutput(); err != nil {
		t.Fatalf("git clone: %v: %s", err, out)
	}
	pem, err := os.ReadFile(filepath.Join(crlf, "keys", "pem-rsa-private-key.pem"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(pem, []byte("\r\n")) {
		t.Fatal("git did not check the files out with CRLF")
	}

	lf := scanPlaces(t, repo.Dir)
	crlfPlaces := scanPlaces(t, crlf)
	if len(lf) < 100 {
		t.Fatalf("only %d findings in the LF checkout", len(lf))
	}
	for _, p := range diffPlaces(lf, crlfPlaces) {
		t.Error(p)
	}
}

// diffPlaces lists the places only one of a and b has.
func diffPlaces(a, b []place) []string {
	var out []string
	for _, p := range a {
		if !slices.Contains(b, p) {
			out = append(out, fmt.Sprintf("only with LF:   %+v", p))
		}
	}
	for _, p := range b {
		if !slices.Contains(a, p) {
			out = append(out, fmt.Sprintf("only with CRLF: %+v", p))
		}
	}
	return out
}

// A file whose name macOS wrote in NFD (é as e and a combining accent)
// has the NFC path and the same fingerprint as the NFC name has on Linux
// or Windows: on disk, in history and in the index.
func TestNFDNameSameFingerprint(t *testing.T) {
	set, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	r, _ := set.Lookup("github-pat")
	secret, err := fake.New(11).Secret(r)
	if err != nil {
		t.Fatal(err)
	}
	content := "GITHUB_TOKEN=" + secret + "\n"
	nfc, nfd := "caf\u00e9.env", "cafe\u0301.env"

	onDisk := func(name string) []place {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return scanPlaces(t, dir)
	}
	want := onDisk(nfc)
	if len(want) != 1 || want[0].Path != nfc {
		t.Fatalf("NFC name: %+v", want)
	}
	check := func(what string, got []place) {
		t.Helper()
		if len(got) != 1 || got[0].Path != nfc || got[0].Fingerprint != want[0].Fingerprint {
			t.Errorf("%s: %+v, want path %q and fingerprint %s", what, got, nfc, want[0].Fingerprint)
		}
	}
	check("NFD name on disk", onDisk(nfd))

	repo := gitfixture.New(t)
	repo.Git("config", "core.precomposeunicode", "false")
	repo.Commit("nfd", map[string]string{nfd: content})
	if names := repo.Git("ls-files", "-z"); !strings.Contains(names, nfd) {
		t.Fatalf("git stored %q, not the NFD name", names)
	}
	var out, errb bytes.Buffer
	run([]string{"leakstop", "git", "--format", "json", repo.Dir}, strings.NewReader(""), &out, &errb)
	check("NFD name in history", placesOf(t, out.Bytes()))

	staged := gitfixture.New(t)
	staged.Commit("base", map[string]string{"README": "x\n"})
	staged.Write(map[string]string{nfd: content})
	staged.Git("add", "--", nfd)
	t.Chdir(staged.Dir)
	out.Reset()
	run([]string{"leakstop", "staged", "--format", "json"}, strings.NewReader(""), &out, &errb)
	check("NFD name in the index", placesOf(t, out.Bytes()))
}
