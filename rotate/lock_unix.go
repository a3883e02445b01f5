//go:build unix

package rotate

import (
	"os"
	"syscall"
)

// lockFile takes an exclusive lock on f, waiting for it; another process
// holding it is another leakstop writing the same spool.
func lockFile(f *os.File) error {
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX)
		if err != syscall.EINTR {
			return err
		}
	}
}

func unlockFile(f *os.File) { _ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN) }
