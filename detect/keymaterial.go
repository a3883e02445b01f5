package detect

// keyMaterial returns the canonical bytes of a private key.
func keyMaterial(secret []byte) ([]byte, bool) { return nil, false }
