package source

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// A file's place is dated by its modification time: the sprawl view's
// first and last seen for files on disk.
func TestDirDatesByModificationTime(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"a.env": "x=1\n"})
	when := time.Date(2023, 4, 5, 6, 7, 8, 0, time.UTC)
	if err := os.Chtimes(filepath.Join(dir, "a.env"), when, when); err != nil {
		t.Fatal(err)
	}
	c := scanDir(t, &Dir{Roots: []string{dir}}, 1)
	if o := c.byPath(t)["a.env"].Origins[0]; !o.Date.Equal(when) || o.Date.Location() != time.UTC {
		t.Errorf("date %v, want the modification time %v in UTC", o.Date, when)
	}
}
