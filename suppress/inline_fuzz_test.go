package suppress

import (
	"bytes"
	"testing"

	"github.com/leakstop/leakstop/detect"
	"github.com/leakstop/leakstop/rules"
)

// FuzzAllowed: inline markers in any text, for findings on any line (even
// lines the text does not have), give one answer per finding, and none
// at all when the text holds no marker; a finding is accepted only when
// its line, or the line before, holds one.
func FuzzAllowed(f *testing.F) {
	set, err := rules.Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Add([]byte("token = x # leakstop:allow\n"), uint16(1), uint16(1))
	f.Add([]byte("// leakstop:allow github-pat, aws-access-key-id\nkey = x\n"), uint16(2), uint16(2))
	f.Add([]byte("a\nb leakstop:allow nosuchrule\n"), uint16(0), uint16(9))
	f.Add([]byte("leakstop:allowleakstop:allow\r\n\r\n"), uint16(3), uint16(1))
	f.Fuzz(func(t *testing.T, data []byte, line, endDelta uint16) {
		ids := []string{"github-pat", "generic-secret-config", "aws-access-key-id"}
		var fs []detect.Finding
		for i, id := range ids {
			l := int(line) + i - 1
			fs = append(fs, detect.Finding{RuleID: id, Line: l, EndLine: l + int(endDelta%4), Lines: []int{l}})
		}
		got := Allowed(data, fs, set)
		if !bytes.Contains(data, []byte(Marker)) {
			if got != nil {
				t.Fatalf("accepted %v without a marker", got)
			}
			return
		}
		if got != nil && len(got) != len(fs) {
			t.Fatalf("%d answers for %d findings", len(got), len(fs))
		}
		lines := bytes.Split(data, []byte("\n"))
		holds := func(n int) bool { return n >= 1 && n <= len(lines) && bytes.Contains(lines[n-1], []byte(Marker)) }
		for i, ok := range got {
			f := fs[i]
			near := holds(f.Line - 1)
			for l := f.Line; l <= f.EndLine; l++ {
				near = near || holds(l)
			}
			if ok && !near {
				t.Fatalf("finding on lines %d-%d accepted, with no marker there", f.Line, f.EndLine)
			}
		}
	})
}
