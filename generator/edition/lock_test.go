package edition

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReadLockRefusesWhatBuildsNeverWrite: a lock is written by builds, so
// one with an alias (which could stand for millions of entries), a lock
// that is a symlink out of the site, or one past MaxLockBytes is an error
// that says to restore it, and is not decoded.
func TestReadLockRefusesWhatBuildsNeverWrite(t *testing.T) {
	written := (&Lock{SiteRevision: 1, Editions: []Entry{{Year: 2024, Revision: 1}}}).Bytes()
	tests := []struct {
		name string
		make func(t *testing.T, site string)
		want string // "" when it is read
	}{
		{"as written", func(t *testing.T, site string) { put(t, site, written) }, ""},
		{"an alias", func(t *testing.T, site string) {
			put(t, site, []byte("site_revision: 1\neditions:\n  - &e {year: 2024, revision: 1}\n  - *e\n"))
		}, "editions.lock:4: an alias *e"},
		{"a link out of the site", func(t *testing.T, site string) {
			outside := filepath.Join(t.TempDir(), "lock")
			os.WriteFile(outside, written, 0o644)
			if err := os.Symlink(outside, filepath.Join(site, LockFile)); err != nil {
				t.Skip(err)
			}
		}, "not a regular file inside the site folder"},
		{"a sparse 1 GiB file", func(t *testing.T, site string) {
			f, err := os.Create(filepath.Join(site, LockFile))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if err := f.Truncate(1 << 30); err != nil {
				t.Skip(err)
			}
		}, "more than the"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			site := t.TempDir()
			tc.make(t, site)
			l, err := ReadLock(site)
			switch {
			case tc.want == "" && (err != nil || len(l.Editions) != 1):
				t.Errorf("ReadLock = %+v, %v; want it read", l, err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "restore it from git")):
				t.Errorf("ReadLock: %v; want an error with %q that says to restore it", err, tc.want)
			}
		})
	}
}

func put(t *testing.T, site string, data []byte) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(site, LockFile), data, 0o644); err != nil {
		t.Fatal(err)
	}
}
