//go:build unix

package render

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"testing/fstest"
)

// TestRegular reads a site folder through an os.Root: a symlink out of it
// or a pipe is ErrNotAFile (the pipe never opened, so nothing hangs), a
// symlink within it is read, and the overlay does not fall through to the
// theme's file below a refused one.
func TestRegular(t *testing.T) {
	dir := t.TempDir()
	outside := filepath.Join(t.TempDir(), "secret.html")
	must(t, os.WriteFile(outside, []byte("secret"), 0o644))
	must(t, os.MkdirAll(filepath.Join(dir, "layouts"), 0o755))
	must(t, os.WriteFile(filepath.Join(dir, "own.html"), []byte("own"), 0o644))
	must(t, os.Symlink(outside, filepath.Join(dir, "layouts", "out.html")))
	must(t, os.Symlink("../own.html", filepath.Join(dir, "layouts", "in.html")))
	if err := syscall.Mkfifo(filepath.Join(dir, "layouts", "pipe.html"), 0o644); err != nil {
		t.Logf("no pipe: %v", err)
	}
	root, err := os.OpenRoot(dir)
	must(t, err)
	defer root.Close()
	site := Regular(root.FS())
	theme := fstest.MapFS{"layouts/out.html": {Data: []byte("theme")}, "layouts/pipe.html": {Data: []byte("theme")}}
	o := Overlay(site, theme)
	for _, name := range []string{"layouts/out.html", "layouts/pipe.html"} {
		if _, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(name))); err != nil {
			continue
		}
		if data, err := fs.ReadFile(o, name); !errors.Is(err, ErrNotAFile) {
			t.Errorf("%s: read %q, %v; want ErrNotAFile", name, data, err)
		}
	}
	if data, err := fs.ReadFile(o, "layouts/in.html"); err != nil || string(data) != "own" {
		t.Errorf("a symlink within the site: %q, %v", data, err)
	}
	if _, err := fs.ReadFile(o, "layouts/none.html"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a missing file: %v", err)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
