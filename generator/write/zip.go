package write

import (
	"archive/zip"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"time"
)

// Zip packs the site in dir (the files its manifest lists) into the zip
// file name, for upload to the county
// CMS, so that the same site gives the same bytes: entries in byte order of
// their paths, every time set to modTime (SOURCE_DATE_EPOCH, or a fixed
// date), every file mode 0644, no folder entries and nothing of the machine
// (owner, local time zone). The zip is written beside name and renamed into
// place, so a failed run leaves the previous zip whole.
func Zip(dir, name string, modTime time.Time) error {
	// The site is what the build made (its manifest): not the user's
	// files kept beside it, such as a .git folder.
	listed, ok, err := readManifest(dir)
	if err != nil {
		return err
	}
	var paths []string
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if ok && listed[rel] == "" {
			return err
		}
		paths = append(paths, rel)
		return err
	})
	if err != nil {
		return err
	}
	slices.Sort(paths)
	return Atomic(name, func(w io.Writer) error {
		zw := zip.NewWriter(w)
		for _, p := range paths {
			data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
			if err != nil {
				return err
			}
			h := &zip.FileHeader{Name: p, Method: zip.Deflate, Modified: modTime.UTC()}
			h.SetMode(0o644)
			f, err := zw.CreateHeader(h)
			if err != nil {
				return err
			}
			if _, err := f.Write(data); err != nil {
				return err
			}
		}
		return zw.Close()
	})
}
