package source

import (
	"path"
	"path/filepath"
	"strings"
)

// A finding's path is canonical (DESIGN.md): relative to the repository
// or scanned root, '/'-separated, Unicode NFC. The rules for turning a
// path of the machine into one differ by operating system, so they are
// written once here as pure functions of a pathStyle, and tested for
// Windows on any machine: the host's style is only chosen at the edge.

// pathStyle is how a machine writes paths.
type pathStyle struct {
	// sep is the separator written besides '/' ('\\' on Windows; 0:
	// none: on Unix '\\' is an ordinary character of a name).
	sep byte
	// volumes: a path may start with a volume (C:, \\server\share),
	// and names compare without regard to case, as Windows does.
	volumes bool
}

var (
	unixStyle    = pathStyle{}
	windowsStyle = pathStyle{sep: '\\', volumes: true}
)

// hostStyle is the style of the machine leakstop runs on.
func hostStyle() pathStyle {
	if filepath.Separator == '\\' {
		return windowsStyle
	}
	return unixStyle
}

// slash writes p with '/' separators.
func (s pathStyle) slash(p string) string {
	if s.sep == 0 {
		return p
	}
	return strings.ReplaceAll(p, string(s.sep), "/")
}

// split cuts a '/'-separated path into its volume ("C:", "//server/share";
// "" for none) and the rest.
func (s pathStyle) split(p string) (volume, rest string) {
	if !s.volumes {
		return "", p
	}
	if len(p) >= 2 && p[1] == ':' && isASCIILetter(p[0]) {
		return p[:2], p[2:]
	}
	if strings.HasPrefix(p, "//") && len(p) > 2 && p[2] != '/' {
		// \\server\share: the volume is the first two names.
		rest := p[2:]
		server, after, ok := strings.Cut(rest, "/")
		if !ok {
			return p, ""
		}
		share, tail, _ := strings.Cut(after, "/")
		return "//" + server + "/" + share, "/" + tail
	}
	return "", p
}

// clean returns p '/'-separated and cleaned, with its volume apart.
func (s pathStyle) clean(p string) (volume, rest string) {
	volume, rest = s.split(s.slash(p))
	if rest == "" {
		return volume, "."
	}
	return volume, path.Clean(rest)
}

// canonical is p (a path on the machine) made canonical without a root:
// '/'-separated, cleaned, NFC. A volume is kept ("C:/src/a.env").
func (s pathStyle) canonical(p string) string {
	volume, rest := s.clean(p)
	return canonical(volume + rest)
}

// rel returns name's canonical path relative to root, both paths of the
// machine (both absolute, or both relative to the same folder); ok is
// false when name is not under root. On Windows the volume and the names
// compare without regard to case (C:\Src\Repo is c:\src\repo) and the
// result keeps name's spelling.
func (s pathStyle) rel(root, name string) (string, bool) {
	rv, r := s.clean(root)
	nv, n := s.clean(name)
	if !s.same(rv, nv) || path.IsAbs(r) != path.IsAbs(n) {
		return "", false
	}
	if r == "." {
		if n == ".." || strings.HasPrefix(n, "../") || path.IsAbs(n) || n == "." {
			return "", false
		}
		return canonical(n), true
	}
	prefix := strings.TrimSuffix(r, "/") + "/"
	if len(n) <= len(prefix) || !s.same(n[:len(prefix)], prefix) {
		return "", false
	}
	return canonical(n[len(prefix):]), true
}

// same compares two names as the machine does.
func (s pathStyle) same(a, b string) bool {
	if s.volumes {
		return strings.EqualFold(a, b)
	}
	return a == b
}

// CanonicalPath makes a path the user gave (a root that is a file, a
// --path-name) canonical: '/'-separated, cleaned, Unicode NFC.
func CanonicalPath(p string) string { return hostStyle().canonical(p) }

// RelPath returns name's canonical path relative to root, both paths of
// this machine; ok is false when name is not under root.
func RelPath(root, name string) (string, bool) { return hostStyle().rel(root, name) }
