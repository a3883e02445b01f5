package source

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// A root given twice, however spelled (src and SRC on a case-insensitive
// file system, d and ./d/ anywhere), is walked once: its files are not
// reported twice.
func TestDirRootGivenTwice(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, map[string]string{"a.env": "A=1\n", "sub/b.env": "B=2\n"})
	again := filepath.Join(root, ".", "sub", "..") + string(filepath.Separator)
	c := scanDir(t, &Dir{Roots: []string{root, again}}, 2)
	if got := c.paths(); !slices.Equal(got, []string{"a.env", "sub/b.env"}) {
		t.Errorf("paths %q", got)
	}
}

// A file named in NFD (as macOS writes é: e and a combining accent) has
// the NFC path, the same as its NFC twin on another machine.
func TestDirNFDName(t *testing.T) {
	root := t.TempDir()
	if err := os.WriteFile(filepath.Join(root, "cafe\u0301.env"), []byte("A=1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c := scanDir(t, &Dir{Roots: []string{root}}, 1)
	if got := c.paths(); !slices.Equal(got, []string{"caf\u00e9.env"}) {
		t.Errorf("paths %q, want the NFC name", got)
	}
}
