//go:build unix

package sitefs

import "syscall"

// openNonblock opens a pipe without waiting for a writer; a regular file
// reads as ever.
const openNonblock = syscall.O_NONBLOCK
