package ingest

import (
	"crypto/sha256"
	"os"
	"path/filepath"
	"testing"
	"time"

	"dutyreport/generator/problem"
	"dutyreport/generator/sitefs"
)

// openFile opens the workbook at file, a path of the test's, as a build
// opens an input through its folder, giving rel in positions.
func openFile(file, rel string, probs *problem.List) (*workbook, bool) {
	files := sitefs.Open(filepath.Dir(file))
	defer files.Close()
	f, err := files.Open(filepath.Base(file))
	return openedWorkbook(f, err, rel, probs)
}

// TestInputsStayInSite: an input that is a symlink out of the site folder,
// or anything but a regular file, is one problem at its path and is never
// opened for reading; a symlink to another file of the site is read.
func TestInputsStayInSite(t *testing.T) {
	const rel = "data/2024/民主测评.xlsx"
	book := minimalXLSX(`<row r="1"><c t="inlineStr"><is><t>单位编码</t></is></c></row>`, nil)
	tests := []struct {
		name string
		make func(t *testing.T, site, outside string) // makes rel in site
		want problem.Code                             // "" when it is read
	}{
		{"regular file", func(t *testing.T, site, _ string) { write(t, filepath.Join(site, rel), book) }, ""},
		{"link inside the site", func(t *testing.T, site, _ string) {
			write(t, filepath.Join(site, "data/2023/民主测评.xlsx"), book)
			link(t, "../2023/民主测评.xlsx", filepath.Join(site, rel))
		}, ""},
		{"absolute link out", func(t *testing.T, site, outside string) {
			write(t, filepath.Join(outside, "x.xlsx"), book)
			link(t, filepath.Join(outside, "x.xlsx"), filepath.Join(site, rel))
		}, problem.IngestNotAFile},
		{"relative link out", func(t *testing.T, site, outside string) {
			write(t, filepath.Join(outside, "x.xlsx"), book)
			target, _ := filepath.Rel(filepath.Join(site, "data/2024"), filepath.Join(outside, "x.xlsx"))
			link(t, target, filepath.Join(site, rel))
		}, problem.IngestNotAFile},
		{"folder linked out", func(t *testing.T, site, outside string) {
			write(t, filepath.Join(outside, "民主测评.xlsx"), book)
			os.MkdirAll(filepath.Join(site, "data"), 0o755)
			link(t, outside, filepath.Join(site, "data/2024"))
		}, problem.IngestNotAFile},
		{"absolute link to a file of the site", func(t *testing.T, site, _ string) {
			// os.Root follows no absolute link: the site may be moved.
			write(t, filepath.Join(site, "data/2023/民主测评.xlsx"), book)
			link(t, filepath.Join(site, "data/2023/民主测评.xlsx"), filepath.Join(site, rel))
		}, problem.IngestNotAFile},
		{"link to /dev/zero", func(t *testing.T, site, _ string) {
			if _, err := os.Stat("/dev/zero"); err != nil {
				t.Skip("no /dev/zero")
			}
			link(t, "/dev/zero", filepath.Join(site, rel))
		}, problem.IngestNotAFile},
		{"named pipe", func(t *testing.T, site, _ string) {
			os.MkdirAll(filepath.Join(site, "data/2024"), 0o755)
			if err := mkfifo(filepath.Join(site, rel)); err != nil {
				t.Skip("no named pipes here:", err)
			}
		}, problem.IngestNotAFile},
		{"folder", func(t *testing.T, site, _ string) { os.MkdirAll(filepath.Join(site, rel), 0o755) }, problem.IngestNotAFile},
		{"missing", func(t *testing.T, site, _ string) {}, problem.IngestMissingFile},
		{"dangling link inside", func(t *testing.T, site, _ string) {
			os.MkdirAll(filepath.Join(site, "data/2024"), 0o755)
			link(t, "gone.xlsx", filepath.Join(site, rel))
		}, problem.IngestMissingFile},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			top := t.TempDir()
			site, outside := filepath.Join(top, "site"), filepath.Join(top, "outside")
			os.MkdirAll(site, 0o755)
			os.MkdirAll(outside, 0o755)
			tc.make(t, site, outside)
			files := sitefs.Open(site)
			defer files.Close()
			if got, want := files.Exists(rel), tc.want != problem.IngestMissingFile; got != want {
				t.Errorf("exists = %v, want %v", got, want)
			}
			done := make(chan problem.List, 1)
			go func() { // a device or a pipe read would never return
				var probs problem.List
				if wb, ok := openWorkbook(files, rel, &probs); ok {
					wb.Close()
				}
				// The cache's digest reads the file too.
				if hashInput(sha256.New(), files, rel) != (tc.want == "") {
					t.Errorf("hashInput read it: %v", tc.want == "")
				}
				done <- probs
			}()
			var probs problem.List
			select {
			case probs = <-done:
			case <-time.After(10 * time.Second):
				t.Fatal("opening the input hangs")
			}
			switch {
			case tc.want == "" && len(probs) > 0:
				t.Errorf("got %v, want it read", probs)
			case tc.want != "" && (len(probs) != 1 || probs[0].Code != tc.want || probs[0].Pos.File != rel):
				t.Errorf("got %v, want one %s at %s", probs, tc.want, rel)
			}
		})
	}
}

func write(t *testing.T, name string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, data, 0o644); err != nil {
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
