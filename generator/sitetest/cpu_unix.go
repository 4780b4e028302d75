//go:build unix

package sitetest

import (
	"syscall"
	"time"
)

// CPUTime is the processor time this process has used, user and system,
// its garbage collector's included: the measure of a benchmark's rows per
// CPU-second beside a one-threaded baseline's, fair whether or not the
// product uses several cores.
func CPUTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
