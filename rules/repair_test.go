package rules_test

import (
	"strings"
	"testing"

	"github.com/leakstop/leakstop/rules"
	"github.com/leakstop/leakstop/rules/fake"
)

// misread swaps the characters of s at the given positions for ones OCR
// takes them for.
func misread(s string, swaps map[int]byte) string {
	b := []byte(s)
	for i, c := range swaps {
		b[i] = c
	}
	return string(b)
}

func TestRepairCRC32(t *testing.T) {
	set, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	r, _ := set.Lookup("github-pat")
	g := fake.New(11)
	for i := range 20 {
		token, err := g.Secret(r)
		if err != nil {
			t.Fatal(err)
		}
		// Up to three characters of the body read as a look-alike.
		swaps := map[int]byte{}
		for k := 4; k < len(token) && len(swaps) < 1+i%3; k++ {
			if alt := lookAlike(token[k]); alt != 0 {
				swaps[k] = alt
			}
		}
		read := misread(token, swaps)
		if read == token {
			continue
		}
		rep := rules.RepairOCR("crc32-base62", []byte(read))
		if rep.Valid != 1 || string(rep.Secret) != token {
			t.Errorf("token %d, %d characters misread: valid %d after %d readings, repaired=%v", i, len(swaps), rep.Valid, rep.Tried, string(rep.Secret) == token)
		}
		if rep.Tried > rules.RepairBudget {
			t.Errorf("tried %d readings, budget %d", rep.Tried, rules.RepairBudget)
		}
	}
}

// lookAlike is a character OCR confuses c with, or 0.
func lookAlike(c byte) byte {
	for _, pair := range []string{"lI", "Il", "O0", "0O", "sS", "Ss", "zZ", "Zz", "xX", "Xx", "5S", "8B"} {
		if pair[0] == c {
			return pair[1]
		}
	}
	return 0
}

func TestRepairGivesUpOnRandomText(t *testing.T) {
	g := fake.New(3)
	for range 20 {
		read := "ghp_" + g.String(fake.Alnum, 36)
		rep := rules.RepairOCR("crc32-base62", []byte(read))
		if rep.Valid == 1 {
			t.Errorf("repaired random text into a token after %d readings", rep.Tried)
		}
	}
}

func TestRepairJWT(t *testing.T) {
	set, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	r, _ := set.Lookup("jwt")
	token, err := fake.New(5).Secret(r)
	if err != nil {
		t.Fatal(err)
	}
	// Each character of the header and payload read as a look-alike in
	// turn: a reading that breaks the JSON is repaired to the token, and
	// none is "repaired" into another token.
	v := jwtValidator(t)
	broken, repaired := 0, 0
	for i := 0; i < strings.LastIndexByte(token, '.'); i++ {
		alt := lookAlike(token[i])
		if alt == 0 {
			continue
		}
		read := misread(token, map[int]byte{i: alt})
		if v([]byte(read)).Verdict == rules.Confirmed {
			continue // still JSON: left to the signature, which nothing checks
		}
		broken++
		rep := rules.RepairOCR("jwt", []byte(read))
		switch {
		case rep.Valid == 1 && string(rep.Secret) == token:
			repaired++
		case rep.Valid == 1:
			t.Errorf("position %d: repaired into another token", i)
		}
	}
	t.Logf("%d of %d broken readings repaired", repaired, broken)
	if broken > 0 && repaired == 0 {
		t.Error("no broken reading repaired")
	}
}

func TestRepairable(t *testing.T) {
	for v, want := range map[string]bool{"crc32-base62": true, "jwt": true, "age-secret-key": false, "password": false, "": false} {
		if got := rules.Repairable(v); got != want {
			t.Errorf("Repairable(%q) = %v", v, got)
		}
	}
}

func jwtValidator(t *testing.T) rules.Validator {
	v, ok := rules.LookupValidator("jwt")
	if !ok {
		t.Fatal("no jwt validator")
	}
	return v
}
