package stamp

import (
	"encoding/hex"
	"os"
	"sync"
)

// Executable digests the running program's bytes: what a build makes
// depends on the tool as much as on the site, so whatever is kept from one
// build for the next (the ingest cache, the stamp) is keyed by it. It is
// "" when the program cannot be read, and then nothing is kept.
//
// It is taken when first asked for: on Linux from /proc/self/exe, the
// program running even when its file was replaced since it started.
var Executable = sync.OnceValue(func() string {
	sum, err := digest("/proc/self/exe")
	if err == nil {
		return hex.EncodeToString(sum[:])
	}
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	sum, err = digest(exe)
	if err != nil {
		return ""
	}
	return hex.EncodeToString(sum[:])
})
