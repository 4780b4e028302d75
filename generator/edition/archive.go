package edition

import (
	"errors"
	"io/fs"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	"dutyreport/generator/sitefs"
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
	root := sitefs.Open(dir)
	defer root.Close()
	years, err := root.ReadDir(ArchiveDir)
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
		revs, err := root.ReadDir(path.Join(ArchiveDir, y.Name()))
		if err != nil {
			return nil, err
		}
		for _, r := range revs {
			n, ok := strings.CutPrefix(r.Name(), "r")
			rev, err := strconv.Atoi(n)
			if !ok || err != nil || !r.IsDir() {
				continue
			}
			names, err := exportNames(root, path.Join(ArchiveDir, y.Name(), r.Name()))
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

// MaxArchivedBytes bounds one archived export, checked before it is read
// (results.json of a province's 3,000 units is a few megabytes).
const MaxArchivedBytes = 64 << 20

// ReadFile reads one archived export, through the site folder as a root
// (sitefs): a symlink out of the site is never followed.
func ReadFile(dir string, year, rev int, name string) ([]byte, error) {
	root := sitefs.Open(dir)
	defer root.Close()
	return root.ReadFile(path.Join(archivePath(year, rev), name), MaxArchivedBytes)
}

// ReadArchive reads one revision's exports; a missing revision is an
// archive with no files.
func ReadArchive(dir string, year, rev int) (Archive, error) {
	a := Archive{Year: year, Revision: rev, Files: map[string][]byte{}}
	root := sitefs.Open(dir)
	defer root.Close()
	folder := archivePath(year, rev)
	names, err := exportNames(root, folder)
	if errors.Is(err, fs.ErrNotExist) {
		return a, nil
	}
	if err != nil {
		return a, err
	}
	for _, name := range names {
		data, err := root.ReadFile(path.Join(folder, name), MaxArchivedBytes)
		if err != nil {
			return a, err
		}
		a.Files[name] = data
	}
	return a, nil
}

// exportNames lists the exports in one revision's folder, sorted: its
// regular files, without hidden ones (a temporary file of a killed build).
func exportNames(root *sitefs.Root, folder string) ([]string, error) {
	entries, err := root.ReadDir(folder)
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
