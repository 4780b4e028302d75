package write

import (
	"archive/zip"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestZipIsTheSameBytesEveryTime(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{"index.html": "<p>首页</p>", "2023/units/T01.html": "T01", "assets/style.css": "p{}", "2023/data/results.csv": "a,b\r\n"} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil { // an odd mode the zip must not keep
			t.Fatal(err)
		}
	}
	epoch := time.Unix(1710892800, 0) // SOURCE_DATE_EPOCH=1710892800: 2024-03-20
	a, b := filepath.Join(t.TempDir(), "a.zip"), filepath.Join(t.TempDir(), "b.zip")
	if err := Zip(dir, a, epoch); err != nil {
		t.Fatal(err)
	}
	// Files touched later, and a zip made again, change nothing.
	now := time.Now()
	if err := os.Chtimes(filepath.Join(dir, "index.html"), now, now); err != nil {
		t.Fatal(err)
	}
	if err := Zip(dir, b, epoch); err != nil {
		t.Fatal(err)
	}
	da, _ := os.ReadFile(a)
	db, _ := os.ReadFile(b)
	if !bytes.Equal(da, db) {
		t.Fatal("two zips of the same site differ")
	}
	r, err := zip.OpenReader(a)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var names []string
	for _, f := range r.File {
		names = append(names, f.Name)
		if !f.Modified.Equal(epoch) || f.Mode() != 0o644 {
			t.Errorf("%s: time %v mode %v, want %v and 0644", f.Name, f.Modified, f.Mode(), epoch.UTC())
		}
	}
	if got := fmt.Sprint(names); got != "[2023/data/results.csv 2023/units/T01.html assets/style.css index.html]" {
		t.Errorf("entries %s, want them in path order", got)
	}
}
