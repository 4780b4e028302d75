package sitefs

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"
)

// TestOnlyRegularFilesInside: every way a path can lead out of the site or
// to something that is not a file is refused at its path, before anything
// is read, and nothing waits on a pipe; a link within the site is read.
func TestOnlyRegularFilesInside(t *testing.T) {
	const rel = "data/in.txt"
	tests := []struct {
		name   string
		make   func(t *testing.T, site, outside string)
		want   error // nil: read, and it says "own"
		exists bool
	}{
		{"regular file", func(t *testing.T, site, _ string) { write(t, filepath.Join(site, rel), "own") }, nil, true},
		{"relative link inside", func(t *testing.T, site, _ string) {
			write(t, filepath.Join(site, "other/own.txt"), "own")
			link(t, "../other/own.txt", filepath.Join(site, rel))
		}, nil, true},
		{"absolute link out", func(t *testing.T, site, outside string) {
			link(t, filepath.Join(outside, "secret"), filepath.Join(site, rel))
		}, ErrNotAFile, true},
		{"relative link out", func(t *testing.T, site, outside string) {
			target, _ := filepath.Rel(filepath.Join(site, "data"), filepath.Join(outside, "secret"))
			link(t, target, filepath.Join(site, rel))
		}, ErrNotAFile, true},
		{"folder linked out", func(t *testing.T, site, outside string) {
			write(t, filepath.Join(outside, "in.txt"), "secret")
			link(t, outside, filepath.Join(site, "data"))
		}, ErrNotAFile, true},
		{"absolute link into the site", func(t *testing.T, site, _ string) {
			// os.Root follows no absolute link: the site may be moved.
			write(t, filepath.Join(site, "other/own.txt"), "own")
			link(t, filepath.Join(site, "other/own.txt"), filepath.Join(site, rel))
		}, ErrNotAFile, true},
		{"link to a device", func(t *testing.T, site, _ string) {
			if _, err := os.Stat("/dev/zero"); err != nil {
				t.Skip("no /dev/zero")
			}
			link(t, "/dev/zero", filepath.Join(site, rel))
		}, ErrNotAFile, true},
		{"named pipe", func(t *testing.T, site, _ string) {
			os.MkdirAll(filepath.Join(site, "data"), 0o755)
			if err := mkfifo(filepath.Join(site, rel)); err != nil {
				t.Skip("no named pipes here:", err)
			}
		}, ErrNotAFile, true},
		{"folder", func(t *testing.T, site, _ string) { os.MkdirAll(filepath.Join(site, rel), 0o755) }, ErrNotAFile, true},
		{"missing", func(t *testing.T, site, _ string) {}, fs.ErrNotExist, false},
		{"dangling link", func(t *testing.T, site, _ string) { link(t, "gone", filepath.Join(site, rel)) }, fs.ErrNotExist, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			top := t.TempDir()
			site, outside := filepath.Join(top, "site"), filepath.Join(top, "outside")
			os.MkdirAll(site, 0o755)
			write(t, filepath.Join(outside, "secret"), "secret")
			tc.make(t, site, outside)
			r := Open(site)
			defer r.Close()
			if got := r.Exists(rel); got != tc.exists {
				t.Errorf("Exists = %v, want %v", got, tc.exists)
			}
			done := make(chan struct{})
			go func() { // a device or a pipe read would never return
				defer close(done)
				data, err := r.ReadFile(rel, 1<<20)
				switch {
				case tc.want == nil && (err != nil || string(data) != "own"):
					t.Errorf("ReadFile = %q, %v; want it read", data, err)
				case tc.want != nil && !errors.Is(err, tc.want):
					t.Errorf("ReadFile = %q, %v; want %v", data, err, tc.want)
				}
				// The theme's view of the folder refuses the same.
				data, err = fs.ReadFile(r.FS(1<<20), rel)
				if tc.want != nil && !errors.Is(err, tc.want) || tc.want == nil && string(data) != "own" {
					t.Errorf("FS: %q, %v; want %v", data, err, tc.want)
				}
			}()
			select {
			case <-done:
			case <-time.After(10 * time.Second):
				t.Fatal("reading hangs")
			}
		})
	}
}

// TestReadFileLimit: a file past the limit is refused from its size, so a
// sparse file of gigabytes costs nothing; at the limit it is read.
func TestReadFileLimit(t *testing.T) {
	site := t.TempDir()
	big := filepath.Join(site, "big.yaml")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(3 << 30); err != nil {
		t.Skip("no sparse files here:", err)
	}
	f.Close()
	write(t, filepath.Join(site, "small.yaml"), "12345")
	r := Open(site)
	defer r.Close()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err = r.ReadFile("big.yaml", 1<<20)
	runtime.ReadMemStats(&after)
	var tl *TooLargeError
	if !errors.As(err, &tl) || tl.Size != 3<<30 || tl.Limit != 1<<20 {
		t.Errorf("a 3 GiB file: %v, want TooLargeError", err)
	}
	if spent := after.TotalAlloc - before.TotalAlloc; spent > 1<<20 {
		t.Errorf("refusing it allocated %d bytes", spent)
	}
	if _, err := fs.ReadFile(r.FS(1<<20), "big.yaml"); !errors.As(err, &tl) {
		t.Errorf("FS: %v, want TooLargeError", err)
	}
	if data, err := r.ReadFile("small.yaml", 5); err != nil || string(data) != "12345" {
		t.Errorf("at the limit: %q, %v", data, err)
	}
	if _, err := r.ReadFile("small.yaml", 4); !errors.As(err, &tl) {
		t.Errorf("past the limit: %v", err)
	}
}

func write(t *testing.T, name, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func link(t *testing.T, target, name string) {
	t.Helper()
	os.MkdirAll(filepath.Dir(name), 0o755)
	if err := os.Symlink(target, name); err != nil {
		t.Skip("no symlinks here:", err)
	}
}
