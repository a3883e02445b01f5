package rules

import (
	"bytes"
	"encoding/base64"
)

// OCR repair. Text read out of an image has characters mistaken for
// others of a similar shape (I, l and 1; O and 0; S and 5…). A token
// whose validator checks at least 32 bits (a CRC32, the JSON inside a
// JWT) can be read again with the likely substitutions, within a fixed
// budget: a reading the validator confirms is, with odds of about one in
// a million (RepairBudget readings against 2^32), the token that was
// photographed. Weaker checks are not repaired: the 30-bit bech32
// checksum of an age key would confirm one wrong reading in 2^30/4096.

// ByOCRRepair is how a secret is confirmed whose reading in an image was
// repaired until its checksum or structure held.
const ByOCRRepair = "ocr-repair"

// RepairBudget bounds the readings of one token that are tried.
const RepairBudget = 4096

// confusions are sets of characters OCR takes for one another.
// Letters whose lower and upper case differ in size only are confused at
// small sizes. Rarer confusions are left out: each pair added halves the
// swaps a budget reaches.
var confusions = []string{
	"Il1i", "O0o", "S5s", "B8", "Z2z", "g9", "G6", "cC", "vV", "wW", "xX", "uU", "kK", "pP", "yY", "jJ",
}

// alternatives maps a character to the others OCR confuses it with.
var alternatives = func() (t [256][]byte) {
	for _, set := range confusions {
		for i := 0; i < len(set); i++ {
			for j := 0; j < len(set); j++ {
				if i != j && !bytes.Contains(t[set[i]], []byte{set[j]}) {
					t[set[i]] = append(t[set[i]], set[j])
				}
			}
		}
	}
	return t
}()

// Repair is what repairing a reading found.
type Repair struct {
	// Secret is the one reading that validates, when there is exactly
	// one (Valid == 1).
	Secret []byte
	// Valid counts the readings that validate, up to 2: with two, the
	// reading cannot be decided.
	Valid int
	// Tried counts the readings tried.
	Tried int
}

// Repairable reports whether readings of secrets a validator checks can
// be repaired: its check has at least 32 bits.
func Repairable(validator string) bool {
	switch validator {
	case "crc32-base62", "jwt":
		return true
	}
	return false
}

// RepairOCR looks for the readings of secret, with characters OCR confuses
// swapped, that the validator confirms: fewest swaps first, at most
// RepairBudget readings. The reading itself is not counted: call it only
// when it does not validate.
func RepairOCR(validator string, secret []byte) Repair {
	switch validator {
	case "crc32-base62":
		return repairCRC32Base62(secret)
	case "jwt":
		return repairJWT(secret)
	}
	return Repair{}
}

// repairCRC32Base62 swaps characters of the random part and checksum of a
// GitHub or npm token.
func repairCRC32Base62(token []byte) Repair {
	body := bytes.LastIndexByte(token, '_') + 1
	if len(token)-body != 36 {
		return Repair{}
	}
	return search(token, body, len(token), isBase62, func(b []byte) bool {
		return validateCRC32Base62(b).Verdict == Confirmed
	}, RepairBudget)
}

func isBase62(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

func isBase64URL(c byte) bool { return isBase62(c) || c == '-' || c == '_' }

// search tries the readings of s that swap characters of s[from:to] for
// ones OCR confuses them with (and that alphabet allows), one swap, then
// two, then three…, until budget readings were tried, and counts those ok
// accepts.
func search(s []byte, from, to int, alphabet func(byte) bool, ok func([]byte) bool, budget int) Repair {
	var pos []int
	for i := from; i < to; i++ {
		if len(alts(s[i], alphabet)) > 0 {
			pos = append(pos, i)
		}
	}
	r := Repair{}
	buf := bytes.Clone(s)
	var try func(start, left int) bool
	try = func(start, left int) bool {
		if left == 0 {
			r.Tried++
			if ok(buf) {
				if r.Valid == 0 {
					r.Secret = bytes.Clone(buf)
				}
				r.Valid = min(r.Valid+1, 2)
			}
			return r.Tried < budget
		}
		for k := start; k <= len(pos)-left; k++ {
			i := pos[k]
			orig := buf[i]
			for _, c := range alts(orig, alphabet) {
				buf[i] = c
				if !try(k+1, left-1) {
					buf[i] = orig
					return false
				}
			}
			buf[i] = orig
		}
		return true
	}
	for n := 1; n <= len(pos) && try(0, n); n++ {
	}
	if r.Valid != 1 {
		r.Secret = nil
	}
	return r
}

// alts are the characters OCR confuses c with that alphabet allows.
func alts(c byte, alphabet func(byte) bool) []byte {
	var out []byte
	for _, a := range alternatives[c] {
		if alphabet(a) {
			out = append(out, a)
		}
	}
	return out
}

// repairJWT repairs the header and payload of a JWT, four characters
// (three bytes of JSON) at a time: a group whose reading decodes to
// bytes no JSON text holds is read again with its confusable characters
// swapped, keeping the readings that decode to printable ASCII; each
// combination of them is then checked whole. The signature is random bytes, which nothing
// checks: it is kept as read.
func repairJWT(token []byte) Repair {
	parts := bytes.Split(token, []byte("."))
	if len(parts) != 3 {
		return Repair{}
	}
	// choices[g] are the readings of group g of the header and payload.
	type group struct {
		at      int // offset in token
		choices [][]byte
	}
	var groups []group
	r := Repair{}
	at := 0
	for p := 0; p < 2; p++ {
		part := parts[p]
		for g := 0; g < len(part); g += 4 {
			q := part[g:min(g+4, len(part))]
			var choices [][]byte
			if printableBase64(q) {
				choices = [][]byte{q} // a misreading that stays text is left to the JSON check
			} else {
				readings(q, func(b []byte) {
					r.Tried++
					if printableBase64(b) {
						choices = append(choices, bytes.Clone(b))
					}
				})
			}
			if len(choices) == 0 || r.Tried > RepairBudget {
				return Repair{Tried: r.Tried}
			}
			groups = append(groups, group{at: at + g, choices: choices})
		}
		at += len(part) + 1
	}
	combos := 1
	for _, g := range groups {
		combos *= len(g.choices)
		if combos > RepairBudget-r.Tried {
			return Repair{Tried: r.Tried} // too many readings to decide
		}
	}
	buf := bytes.Clone(token)
	var walk func(i int)
	walk = func(i int) {
		if i == len(groups) {
			r.Tried++
			if !bytes.Equal(buf, token) && validateJWT(buf).Verdict == Confirmed {
				if r.Valid == 0 {
					r.Secret = bytes.Clone(buf)
				}
				r.Valid = min(r.Valid+1, 2)
			}
			return
		}
		for _, c := range groups[i].choices {
			copy(buf[groups[i].at:], c)
			walk(i + 1)
		}
	}
	walk(0)
	if r.Valid != 1 {
		r.Secret = nil
	}
	return r
}

// readings calls fn with every reading of q (q itself first) that swaps
// any of its characters for a confusable base64url character: at most
// 6^4 for four characters.
func readings(q []byte, fn func([]byte)) {
	buf := bytes.Clone(q)
	var rec func(i int)
	rec = func(i int) {
		if i == len(buf) {
			fn(buf)
			return
		}
		rec(i + 1)
		orig := buf[i]
		for _, c := range alts(orig, isBase64URL) {
			buf[i] = c
			rec(i + 1)
		}
		buf[i] = orig
	}
	rec(0)
}

// printableBase64 reports whether a group of base64url characters decodes
// to bytes of JSON text: printable ASCII or white space.
func printableBase64(q []byte) bool {
	var out [3]byte
	n, err := base64.RawURLEncoding.Decode(out[:], q)
	if err != nil {
		return false
	}
	for _, c := range out[:n] {
		if (c < 0x20 || c > 0x7e) && c != '\t' && c != '\n' && c != '\r' {
			return false
		}
	}
	return true
}
