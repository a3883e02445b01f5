// Package corpus reads the labelled accuracy corpus under testdata/corpus.
//
// Corpus files are realistic files in which every planted fake secret is
// marked inline:
//
//	⟦FAMILY:SECRET⟧          a planted secret of a provider family
//	⟦FAMILY:SECRET|b64⟧      planted base64-encoded (also b64url, hex, pct)
//
// FAMILY is one of the catalog's families (cloud, vcs, registry, messaging,
// payments, ai, saas, keys, urls, generic). Inside SECRET the character ⁞
// (U+205E) is removed at load time: it splits tokens that push protection
// would block, so no complete token is stored in the repository. A literal
// newline inside SECRET is kept (multi-line key material). Everything not
// marked is a look-alike or ordinary text: a finding there is a false
// positive.
package corpus

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
)

// Marker characters.
const (
	Open  = "⟦"
	Close = "⟧"
	Join  = "⁞"
)

// Planted is one labelled secret.
type Planted struct {
	Path     string // relative to the corpus root, '/'-separated
	Family   string
	Secret   string // the secret as a scanner should report it (decoded)
	Encoding string // "", "b64", "b64url", "hex", "pct"
	Line     int    // 1-based line of the marked text in the rendered file
}

// File is one rendered corpus file.
type File struct {
	Path    string
	Data    []byte
	Planted []Planted
}

// Render strips the markers of one file, applying encodings.
func Render(path string, raw []byte) (File, error) {
	f := File{Path: path}
	var out bytes.Buffer
	rest := raw
	for {
		i := bytes.Index(rest, []byte(Open))
		if i < 0 {
			out.Write(rest)
			break
		}
		out.Write(rest[:i])
		rest = rest[i+len(Open):]
		j := bytes.Index(rest, []byte(Close))
		if j < 0 {
			return f, fmt.Errorf("%s:%d: %s without %s", path, lineAt(out.Bytes()), Open, Close)
		}
		body := string(rest[:j])
		rest = rest[j+len(Close):]
		family, secret, ok := strings.Cut(body, ":")
		if !ok || family == "" || strings.ContainsAny(family, " \n") {
			return f, fmt.Errorf("%s:%d: marker %q needs FAMILY:SECRET", path, lineAt(out.Bytes()), body)
		}
		secret = strings.ReplaceAll(secret, Join, "")
		enc := ""
		if k := strings.LastIndex(secret, "|"); k >= 0 {
			switch e := secret[k+1:]; e {
			case "b64", "b64url", "hex", "pct":
				enc, secret = e, secret[:k]
			}
		}
		text, err := encode(enc, secret)
		if err != nil {
			return f, fmt.Errorf("%s:%d: %w", path, lineAt(out.Bytes()), err)
		}
		f.Planted = append(f.Planted, Planted{Path: path, Family: family, Secret: secret, Encoding: enc, Line: lineAt(out.Bytes())})
		out.WriteString(text)
	}
	f.Data = out.Bytes()
	return f, nil
}

func encode(enc, s string) (string, error) {
	switch enc {
	case "":
		return s, nil
	case "b64":
		return base64.StdEncoding.EncodeToString([]byte(s)), nil
	case "b64url":
		return base64.RawURLEncoding.EncodeToString([]byte(s)), nil
	case "hex":
		return hex.EncodeToString([]byte(s)), nil
	case "pct":
		return url.QueryEscape(s), nil
	}
	return "", fmt.Errorf("unknown encoding %q", enc)
}

func lineAt(b []byte) int { return bytes.Count(b, []byte("\n")) + 1 }

// Load renders every file under root (a corpus half such as
// testdata/corpus/tune). LABELS.md and README.md files are documentation,
// not corpus.
func Load(root string) ([]File, error) {
	var files []File
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || d.Name() == "README.md" {
			return nil
		}
		raw, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		f, err := Render(filepath.ToSlash(rel), raw)
		if err != nil {
			return err
		}
		files = append(files, f)
		return nil
	})
	return files, err
}

// WriteTree writes rendered files below dir, for scanning them as a tree.
func WriteTree(dir string, files []File) error {
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			return err
		}
	}
	return nil
}
