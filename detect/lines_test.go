package detect

import "testing"

// End columns count characters, inclusive: a secret ending in a character
// of several bytes ends at that character, not at its last byte.
func TestSetLinesMultibyteEnd(t *testing.T) {
	data := []byte("k=ab⟧\nx=é€z\n")
	ms := []Match{
		{Start: 2, End: 7},   // "ab⟧": columns 3 to 5
		{Start: 10, End: 15}, // "é€": line 2, columns 3 to 4
	}
	setLines(data, ms)
	want := [][4]int{{1, 3, 1, 5}, {2, 3, 2, 4}}
	for i, m := range ms {
		if got := [4]int{m.Line, m.Column, m.EndLine, m.EndColumn}; got != want[i] {
			t.Errorf("match %d at %v, want %v", i, got, want[i])
		}
	}
}

// Many matches sharing one long span (the secrets decoded from one base64
// run all span the run) get the span's end, counted once: scanning such a
// run stays linear (BenchmarkPathological/base64-text-run).
func TestSetLinesSharedSpan(t *testing.T) {
	data := []byte("a\nx=QUJDRA==é\nz")
	ms := []Match{{Start: 4, End: 14}, {Start: 4, End: 14}, {Start: 4, End: 14}, {Start: 12, End: 14}}
	setLines(data, ms)
	for i, m := range ms[:3] {
		if got := [4]int{m.Line, m.Column, m.EndLine, m.EndColumn}; got != [4]int{2, 3, 2, 11} {
			t.Errorf("match %d at %v, want [2 3 2 11]", i, got)
		}
	}
	if m := ms[3]; m.Column != 11 || m.EndColumn != 11 {
		t.Errorf("last match at %d-%d, want 11-11", m.Column, m.EndColumn)
	}
}
