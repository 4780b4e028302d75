package stamp

import (
	"crypto/sha256"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// Skip says which entries of a folder a build never reads (the site's
// output folders, its cache, .git), by slash-separated relative path; a
// skipped folder is not entered.
type Skip func(rel string, dir bool) bool

// racy is how close to a stamp's time a file's times may be before they no
// longer tell whether it changed: file systems keep times in ticks (two
// seconds on FAT), and a write in the same tick as the stamp leaves them
// as they were.
const racy = 2_000_000_000

// List lists the folder root as it is now. A file whose size, times and
// identity are as prev has them, and whose times were well before at (the
// Unix nanoseconds of prev's stamp), takes its digest from prev; any other
// file is read and digested.
func List(root string, skip Skip, prev Files, at int64) (Files, error) {
	return list(root, skip, prev, at, nil, true)
}

// ListOut lists a build's output folder as List does, but a file's
// change time need not be old to be trusted, only its modification time:
// a build links the files it keeps, which sets their change time and
// nothing else, and anything else that writes a file sets both. A file
// whose digest known knows takes it from there: a build knows the bytes
// it has just written (their times are recent, so the next comparison
// reads them; see racy).
func ListOut(root string, prev Files, at int64, known func(rel string) ([sha256.Size]byte, bool)) (Files, error) {
	return list(root, nil, prev, at, known, false)
}

func list(root string, skip Skip, prev Files, at int64, known func(rel string) ([sha256.Size]byte, bool), changeTells bool) (Files, error) {
	out := Files{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		if rel == "." {
			return nil
		}
		rel = filepath.ToSlash(rel)
		if skip != nil && skip(rel, d.IsDir()) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		f := Entry(info)
		switch {
		case info.IsDir():
			f.Size, f.Mtime, f.Change, f.Inode = 0, 0, 0, 0 // its entries tell
		case trusted(prev, rel, f, at, changeTells):
			f.Sum = prev[rel].Sum
		case known != nil && info.Mode().IsRegular() && knownSum(known, rel, &f):
		case info.Mode()&fs.ModeSymlink != 0:
			target, err := os.Readlink(p)
			if err != nil {
				return err
			}
			f.Sum = sha256.Sum256([]byte(target))
		case info.Mode().IsRegular():
			if f.Sum, err = digest(p); err != nil {
				return err
			}
		default:
			return errors.New(p + ": neither a file, a folder nor a link")
		}
		out[rel] = f
		return nil
	})
	return out, err
}

// knownSum sets f's digest from known, and reports whether it knew it.
func knownSum(known func(string) ([sha256.Size]byte, bool), rel string, f *File) bool {
	sum, ok := known(rel)
	if ok {
		f.Sum = sum
	}
	return ok
}

// trusted reports whether f, found at rel, is the file prev lists, by its
// size, times and identity, with times well before at.
func trusted(prev Files, rel string, f File, at int64, changeTells bool) bool {
	old, ok := prev[rel]
	if !ok {
		return false
	}
	same := old.Mode == f.Mode && old.Size == f.Size && old.Mtime == f.Mtime && old.Change == f.Change && old.Inode == f.Inode
	return same && f.Mtime < at-racy && (!changeTells || f.Change < at-racy)
}

func digest(name string) (sum [sha256.Size]byte, err error) {
	f, err := os.Open(name)
	if err != nil {
		return sum, err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return sum, err
	}
	copy(sum[:], h.Sum(nil))
	return sum, nil
}

// sameBytes reports whether two entries have the same kind, permissions
// and bytes, whatever their times.
func sameBytes(f, g File) bool { return f.Mode == g.Mode && f.Size == g.Size && f.Sum == g.Sum }

// Equal reports whether two listings hold the same entries with the same
// kind, permissions and bytes.
func Equal(a, b Files) bool {
	if len(a) != len(b) {
		return false
	}
	for p, f := range a {
		if g, ok := b[p]; !ok || !sameBytes(f, g) {
			return false
		}
	}
	return true
}

// Changed lists the paths whose entries differ between a and b, or are in
// one only.
func Changed(a, b Files) []string {
	var out []string
	for p, f := range a {
		if g, ok := b[p]; !ok || !sameBytes(f, g) {
			out = append(out, p)
		}
	}
	for p := range b {
		if _, ok := a[p]; !ok {
			out = append(out, p)
		}
	}
	return out
}
