package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/rogpeppe/go-internal/testscript"
)

// cmdArchive packs files and folders (members named by their paths as
// given, '/'-separated) into an archive whose kind OUT's extension says:
// .tar, .tar.gz or .tgz, .gz (one file), else zip. With -truncate only
// its first half is written: a damaged archive.
func cmdArchive(ts *testscript.TestScript, neg bool, args []string) {
	truncate := len(args) > 0 && args[0] == "-truncate"
	if truncate {
		args = args[1:]
	}
	if neg || len(args) < 2 {
		ts.Fatalf("usage: archive [-truncate] OUT PATH...")
	}
	type member struct {
		name string
		data []byte
	}
	var members []member
	for _, p := range args[1:] {
		err := filepath.WalkDir(ts.MkAbs(p), func(abs string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, err := filepath.Rel(ts.MkAbs("."), abs)
			if err != nil {
				return err
			}
			data, err := os.ReadFile(abs)
			members = append(members, member{filepath.ToSlash(rel), data})
			return err
		})
		ts.Check(err)
	}
	out := args[0]
	var buf bytes.Buffer
	tarOf := func() []byte {
		var b bytes.Buffer
		w := tar.NewWriter(&b)
		for _, m := range members {
			ts.Check(w.WriteHeader(&tar.Header{Name: m.name, Mode: 0o644, Size: int64(len(m.data)), Typeflag: tar.TypeReg}))
			_, err := w.Write(m.data)
			ts.Check(err)
		}
		ts.Check(w.Close())
		return b.Bytes()
	}
	gzipOf := func(data []byte) {
		w := gzip.NewWriter(&buf)
		_, err := w.Write(data)
		ts.Check(err)
		ts.Check(w.Close())
	}
	switch {
	case strings.HasSuffix(out, ".tar"):
		buf.Write(tarOf())
	case strings.HasSuffix(out, ".tar.gz"), strings.HasSuffix(out, ".tgz"):
		gzipOf(tarOf())
	case strings.HasSuffix(out, ".gz"):
		if len(members) != 1 {
			ts.Fatalf("archive %s: a .gz holds one file", out)
		}
		gzipOf(members[0].data)
	default:
		w := zip.NewWriter(&buf)
		for _, m := range members {
			f, err := w.Create(m.name)
			ts.Check(err)
			_, err = f.Write(m.data)
			ts.Check(err)
		}
		ts.Check(w.Close())
	}
	ts.Check(os.MkdirAll(filepath.Dir(ts.MkAbs(out)), 0o755))
	data := buf.Bytes()
	if truncate {
		data = data[:len(data)/2]
	}
	ts.Check(os.WriteFile(ts.MkAbs(out), data, 0o644))
}
