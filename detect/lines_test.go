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
