package fake

// structureBuilders make tokens with a structure the regex cannot express
// (JWTs, macaroons, ...).
func structureBuilders() map[string]builder {
	return map[string]builder{}
}
