//go:build unix

package render

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"

	"dutyreport/generator/problem"
	"dutyreport/generator/sitefs"
	"dutyreport/themes"
)

// TestOverlayRefused reads a site folder through sitefs: a symlink out of it
// or a pipe is ErrNotAFile (the pipe never opened, so nothing hangs), a
// symlink within it is read, and the overlay does not fall through to the
// theme's file below a refused one.
func TestOverlayRefused(t *testing.T) {
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
	root := sitefs.Open(dir)
	defer root.Close()
	site := root.FS(1 << 20)
	theme := fstest.MapFS{"layouts/out.html": {Data: []byte("theme")}, "layouts/pipe.html": {Data: []byte("theme")}}
	o := Overlay(site, theme)
	for _, name := range []string{"layouts/out.html", "layouts/pipe.html"} {
		if _, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(name))); err != nil {
			continue
		}
		if data, err := fs.ReadFile(o, name); !errors.Is(err, sitefs.ErrNotAFile) {
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

// TestSiteThemeFilesBounded: a theme file of the site past its limit (a
// sparse layout or asset of gigabytes) and UI strings that are an alias
// bomb are each render.too-large at their path, refused before they are
// read or decoded; the theme's own files below are not used instead.
func TestSiteThemeFilesBounded(t *testing.T) {
	dir := t.TempDir()
	sparse := func(name string, size int64) {
		must(t, os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755))
		f, err := os.Create(filepath.Join(dir, name))
		must(t, err)
		defer f.Close()
		if err := f.Truncate(size); err != nil {
			t.Skip("no sparse files:", err)
		}
	}
	sparse("layouts/base.html", 3<<30)
	sparse("assets/big.png", MaxFileBytes+1)
	laughs := "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
	for i, c := range "bcdefgh" {
		prev := string("abcdefgh"[i])
		laughs += string(c) + ": &" + string(c) + " [" + strings.Repeat("*"+prev+", ", 9) + "*" + prev + "]\n"
	}
	must(t, os.MkdirAll(filepath.Join(dir, "i18n"), 0o755))
	must(t, os.WriteFile(filepath.Join(dir, "i18n", "zh-CN.yaml"), []byte(laughs), 0o644))
	root := sitefs.Open(dir)
	defer root.Close()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, probs := LoadLayers([]Layer{{FS: root.FS(MaxFileBytes)}, {FS: themes.Default(), Prefix: "themes/default/"}}, "zh-CN")
	runtime.ReadMemStats(&after)
	got := map[string]bool{}
	for _, p := range probs {
		if p.Code == problem.RenderTooLarge {
			got[p.Pos.File] = true
		}
	}
	for _, want := range []string{"layouts/base.html", "assets/big.png", "i18n/zh-CN.yaml"} {
		if !got[want] {
			t.Errorf("no render.too-large at %s: %v", want, probs)
		}
	}
	if spent := after.TotalAlloc - before.TotalAlloc; spent > 64<<20 {
		t.Errorf("loading the theme allocated %d MiB", spent>>20)
	}
}
