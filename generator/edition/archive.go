package edition

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// ArchiveDir holds, in the site folder, every revision's exports:
// editions/2023/r1/results.csv.
const ArchiveDir = "editions"

// archivePath is the folder of one revision's exports, slash-separated.
func archivePath(year, rev int) string {
	return ArchiveDir + "/" + strconv.Itoa(year) + "/r" + strconv.Itoa(rev)
}

// Archive is one revision's exports, by file name.
type Archive struct {
	Year, Revision int
	Files          map[string][]byte
}

// List lists the exports archived of every revision of every year in the
// site, year → revision → file names (sorted); a site without any has none.
func List(dir string) (map[int]map[int][]string, error) {
	out := map[int]map[int][]string{}
	years, err := os.ReadDir(filepath.Join(dir, ArchiveDir))
	if errors.Is(err, fs.ErrNotExist) {
		return out, nil
	}
	if err != nil {
		return nil, err
	}
	for _, y := range years {
		year, err := strconv.Atoi(y.Name())
		if err != nil || !y.IsDir() {
			continue
		}
		revs, err := os.ReadDir(filepath.Join(dir, ArchiveDir, y.Name()))
		if err != nil {
			return nil, err
		}
		for _, r := range revs {
			n, ok := strings.CutPrefix(r.Name(), "r")
			rev, err := strconv.Atoi(n)
			if !ok || err != nil || !r.IsDir() {
				continue
			}
			names, err := exportNames(filepath.Join(dir, ArchiveDir, y.Name(), r.Name()))
			if err != nil {
				return nil, err
			}
			if out[year] == nil {
				out[year] = map[int][]string{}
			}
			out[year][rev] = names
		}
	}
	return out, nil
}

// ReadFile reads one archived export.
func ReadFile(dir string, year, rev int, name string) ([]byte, error) {
	return os.ReadFile(filepath.Join(dir, filepath.FromSlash(archivePath(year, rev)), name))
}

// ReadArchive reads one revision's exports; a missing revision is an
// archive with no files.
func ReadArchive(dir string, year, rev int) (Archive, error) {
	a := Archive{Year: year, Revision: rev, Files: map[string][]byte{}}
	folder := filepath.Join(dir, filepath.FromSlash(archivePath(year, rev)))
	names, err := exportNames(folder)
	if errors.Is(err, fs.ErrNotExist) {
		return a, nil
	}
	if err != nil {
		return a, err
	}
	for _, name := range names {
		data, err := os.ReadFile(filepath.Join(folder, name))
		if err != nil {
			return a, err
		}
		a.Files[name] = data
	}
	return a, nil
}

// exportNames lists the exports in one revision's folder, sorted: its
// regular files, without hidden ones (a temporary file of a killed build).
func exportNames(folder string) ([]string, error) {
	entries, err := os.ReadDir(folder)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, e := range entries {
		if e.Type().IsRegular() && !strings.HasPrefix(e.Name(), ".") {
			names = append(names, e.Name())
		}
	}
	return names, nil
}

// write stores the archive in the site folder, each file whole.
func (a Archive) write(dir string) error {
	for name, data := range a.Files {
		if err := writeFile(filepath.Join(dir, filepath.FromSlash(archivePath(a.Year, a.Revision)), name), data); err != nil {
			return err
		}
	}
	return nil
}
