//go:build !unix

package sitetest

import "time"

// CPUTime is 0 where getrusage is not there: benchmarks leave out their
// per-CPU-second figures.
func CPUTime() time.Duration { return 0 }
