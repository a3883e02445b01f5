package corpus

import "testing"

func TestRender(t *testing.T) {
	raw := []byte("a = 1\ntoken = \"⟦vcs:ghp_ab⁞cd⟧\"\ndata: ⟦keys:hello|b64⟧\n")
	f, err := Render("x.env", raw)
	if err != nil {
		t.Fatal(err)
	}
	want := "a = 1\ntoken = \"ghp_abcd\"\ndata: aGVsbG8=\n"
	if string(f.Data) != want {
		t.Fatalf("rendered %q, want %q", f.Data, want)
	}
	if len(f.Planted) != 2 {
		t.Fatalf("planted %d, want 2", len(f.Planted))
	}
	if p := f.Planted[0]; p.Secret != "ghp_abcd" || p.Line != 2 || p.Family != "vcs" {
		t.Errorf("first planted = %+v", p)
	}
	if p := f.Planted[1]; p.Secret != "hello" || p.Encoding != "b64" || p.Line != 3 {
		t.Errorf("second planted = %+v", p)
	}
}

func TestRenderErrors(t *testing.T) {
	for name, raw := range map[string]string{
		"unclosed":  "x ⟦vcs:abc",
		"no family": "x ⟦abc⟧",
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := Render("f", []byte(raw)); err == nil {
				t.Fatal("want an error")
			}
		})
	}
}
