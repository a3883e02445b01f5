//go:build !unix

package rotate

import "os"

// Without flock, only the writers of one process are serialised (by
// Spool's mutex): concurrent runs must not share a spool there.
func lockFile(*os.File) error { return nil }

func unlockFile(*os.File) {}
