package source

import "testing"

// The canonical path of a file under a root, for both kinds of machine:
// Windows' rules are pure functions of a style, so they run here too.
func TestRelPath(t *testing.T) {
	nfd := "caf" + "e\u0301" + ".env" // é as e and a combining accent (macOS)
	tests := []struct {
		name       string
		style      pathStyle
		root, path string
		want       string
		ok         bool
	}{
		{"windows", windowsStyle, `C:\src\repo`, `C:\src\repo\a.env`, "a.env", true},
		{"windows folder", windowsStyle, `C:\src\repo`, `C:\src\repo\cfg\prod\a.env`, "cfg/prod/a.env", true},
		{"windows root with a separator", windowsStyle, `C:\src\repo\`, `C:\src\repo\a.env`, "a.env", true},
		{"windows drive letter case", windowsStyle, `c:\src\repo`, `C:\src\repo\a.env`, "a.env", true},
		{"windows name case", windowsStyle, `C:\Src\REPO`, `C:\src\repo\Config\A.env`, "Config/A.env", true},
		{"windows forward slashes", windowsStyle, `C:/src/repo`, `C:\src\repo/a.env`, "a.env", true},
		{"windows drive root", windowsStyle, `D:\`, `D:\a.env`, "a.env", true},
		{"windows UNC", windowsStyle, `\\server\share\repo`, `\\server\share\repo\a.env`, "a.env", true},
		{"windows other drive", windowsStyle, `C:\src`, `D:\src\a.env`, "", false},
		{"windows other share", windowsStyle, `\\server\share`, `\\server\other\a.env`, "", false},
		{"windows sibling with the root as prefix", windowsStyle, `C:\src\repo`, `C:\src\repository\a.env`, "", false},
		{"windows the root itself", windowsStyle, `C:\src\repo`, `C:\src\repo`, "", false},
		{"windows dot-dot", windowsStyle, `C:\src\repo`, `C:\src\repo\..\other\a.env`, "", false},
		{"windows relative", windowsStyle, `.`, `sub\a.env`, "sub/a.env", true},
		{"unix", unixStyle, "/src/repo", "/src/repo/a.env", "a.env", true},
		{"unix backslash is a name's", unixStyle, "/src/repo", `/src/repo/a\b.env`, `a\b.env`, true},
		{"unix case matters", unixStyle, "/src/Repo", "/src/repo/a.env", "", false},
		{"unix relative", unixStyle, "repo", "repo/./x/../a.env", "a.env", true},
		{"unix dot root", unixStyle, ".", "./a/b.env", "a/b.env", true},
		{"unix outside a dot root", unixStyle, ".", "../a.env", "", false},
		{"NFD name", unixStyle, "/r", "/r/" + nfd, "caf\u00e9.env", true},
		{"windows NFD name", windowsStyle, `C:\r`, `C:\r\` + nfd, "caf\u00e9.env", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := tt.style.rel(tt.root, tt.path)
			if got != tt.want || ok != tt.ok {
				t.Errorf("rel(%q, %q) = %q, %v; want %q, %v", tt.root, tt.path, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestCanonicalPathStyles(t *testing.T) {
	tests := []struct {
		style pathStyle
		in    string
		want  string
	}{
		{windowsStyle, `C:\src\repo\a.env`, "C:/src/repo/a.env"},
		{windowsStyle, `.\sub\..\a.env`, "a.env"},
		{windowsStyle, `\\server\share\x\y`, "//server/share/x/y"},
		{unixStyle, `./a\b`, `a\b`},
		{unixStyle, "dir/caf" + "e\u0301", "dir/caf\u00e9"},
	}
	for _, tt := range tests {
		if got := tt.style.canonical(tt.in); got != tt.want {
			t.Errorf("canonical(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
