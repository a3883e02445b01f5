package rules

import "slices"

// Verdict is what an offline validator says of a candidate secret.
type Verdict int

const (
	// Unchecked: the validator cannot tell; the finding stays a candidate.
	Unchecked Verdict = iota
	// Confirmed: the checksum or structure holds; random text would fail it.
	Confirmed
	// Rejected: the text has the token's shape but not its checksum or
	// structure; it is not reported.
	Rejected
)

// Result of a validation: the verdict and, when confirmed, how.
type Result struct {
	Verdict Verdict
	By      string // "checksum", "structure", ...
}

// Validator checks a candidate secret offline. It must not allocate much,
// must not touch the network and must be safe for concurrent use.
type Validator func(secret []byte) Result

// Confirmation methods reported as confirmed_by.
const (
	ByChecksum  = "checksum"
	ByStructure = "structure"
)

func confirmed(by string) Result { return Result{Verdict: Confirmed, By: by} }

var rejected = Result{Verdict: Rejected}

// ValidatorNames lists the validators a rule may name, sorted.
func ValidatorNames() []string {
	names := make([]string, 0, 32)
	for n := range validators() {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// LookupValidator returns the validator with the given name.
func LookupValidator(name string) (Validator, bool) {
	v, ok := validators()[name]
	return v, ok
}

// validators gathers the validators of every validate_*.go file. Each file
// contributes one function, so adding a validator touches only its file.
func validators() map[string]Validator {
	m := map[string]Validator{}
	for _, part := range []map[string]Validator{
		checksumValidators(),
		keyValidators(),
		pypiValidators(),
		structureValidators(),
	} {
		for name, v := range part {
			m[name] = v
		}
	}
	return m
}
