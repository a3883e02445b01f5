//go:build windows

package source

import "testing"

// On Windows the host's style is Windows': drive letters, backslashes and
// names that compare without regard to case.
func TestHostStyleWindows(t *testing.T) {
	if hostStyle() != windowsStyle {
		t.Fatal("the host style is not Windows'")
	}
	if got, ok := RelPath(`C:\src\repo`, `c:\SRC\repo\cfg\a.env`); !ok || got != "cfg/a.env" {
		t.Errorf("RelPath = %q, %v", got, ok)
	}
}
