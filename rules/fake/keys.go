package fake

// keyBuilders make key material (PEM, OpenSSH, PuTTY, PGP, age) that the
// key validators accept.
func keyBuilders() map[string]builder {
	return map[string]builder{}
}
