package write

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
)

// Tree is a site being written into a temporary folder. Add may be called
// from several goroutines at once.
type Tree struct {
	out, tmp string
	mu       sync.Mutex                   // guards seen, dirs and the counts; never held during I/O
	seen     map[string]bool              // the files added
	linked   map[string]bool              // those linked from the previous build
	sums     map[string][sha256.Size]byte // the digest of each file's bytes
	dirs     map[string]bool              // the folders made in tmp, slash-separated
	known    map[string]Known             // the previous build's files as surveyed (Know)
	// Written counts files with new bytes; Unchanged those linked from the
	// previous build. Read them once the last Add has returned.
	Written, Unchanged int
}

// TempPrefix starts the names of temporary folders beside the output; a
// folder left by a killed build is removed by the next one.
const TempPrefix = ".dutyreport-tmp-"

// AsidePrefix names the previous site while moveAside swaps it out. It is
// never a temporary folder: a build killed between moveAside's two renames
// leaves the previous site there, and the next Begin puts it back.
const AsidePrefix = ".dutyreport-previous-"

// Begin starts writing a site that will replace the folder out.
func Begin(out string) (*Tree, error) {
	out = filepath.Clean(out)
	parent := filepath.Dir(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	base := filepath.Base(out)
	if err := recoverAside(out); err != nil {
		return nil, err
	}
	if stale, _ := filepath.Glob(filepath.Join(parent, TempPrefix+base+"-*")); len(stale) > 0 {
		for _, s := range stale {
			_ = os.RemoveAll(s)
		}
	}
	tmp, err := os.MkdirTemp(parent, TempPrefix+base+"-")
	if err != nil {
		return nil, err
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return nil, err
	}
	return &Tree{out: out, tmp: tmp, seen: map[string]bool{}, linked: map[string]bool{}, sums: map[string][sha256.Size]byte{}, dirs: map[string]bool{}}, nil
}

// Add writes one file; p is slash-separated and relative to the site root.
// It is safe for concurrent use: the workers of a build write their pages
// side by side, and only the bookkeeping is done under the lock.
func (t *Tree) Add(p string, data []byte) error {
	dst, err := t.place(p)
	if err != nil {
		return err
	}
	prev := filepath.Join(t.out, filepath.FromSlash(p))
	sum := sha256.Sum256(data)
	unchanged := t.same(p, prev, data, sum) && os.Link(prev, dst) == nil
	if !unchanged {
		if err := os.WriteFile(dst, data, 0o644); err != nil {
			return err
		}
	}
	t.mu.Lock()
	t.sums[p] = sum
	if unchanged {
		t.Unchanged++
		t.linked[p] = true
	} else {
		t.Written++
	}
	t.mu.Unlock()
	return nil
}

// Keep adds the previous build's file at p as it is, without reading it:
// the caller knows it would write the same bytes, whose digest is sum. It
// is linked where the file system can, else copied.
func (t *Tree) Keep(p string, sum [sha256.Size]byte) error {
	dst, err := t.place(p)
	if err != nil {
		return err
	}
	prev := filepath.Join(t.out, filepath.FromSlash(p))
	if os.Link(prev, dst) != nil {
		data, err := os.ReadFile(prev)
		if err != nil {
			return err
		}
		if err := os.WriteFile(dst, data, 0o644); err != nil {
			return err
		}
	}
	t.mu.Lock()
	t.Unchanged++
	t.linked[p] = true
	t.sums[p] = sum
	t.mu.Unlock()
	return nil
}

// place claims p for one file and makes its folder in the staged site,
// giving its path there.
func (t *Tree) place(p string) (string, error) {
	if !fs.ValidPath(p) || strings.Contains(p, "\\") {
		return "", fmt.Errorf("write: %q is not a path inside the site", p)
	}
	dir := path.Dir(p)
	t.mu.Lock()
	twice, made := t.seen[p], t.dirs[dir]
	t.seen[p] = true
	t.mu.Unlock()
	if twice {
		return "", fmt.Errorf("write: %q is written twice", p)
	}
	dst := filepath.Join(t.tmp, filepath.FromSlash(p))
	if !made {
		// Two workers may make the same folder at once: MkdirAll takes
		// a folder that already exists.
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return "", err
		}
		t.mu.Lock()
		t.dirs[dir] = true
		t.mu.Unlock()
	}
	return dst, nil
}

// Know gives the tree the previous build's files as a survey of the output
// folder read them (Survey.Kept), so that one is not read again to be
// compared. Call it before the first Add.
func (t *Tree) Know(files map[string]Known) { t.known = files }

// same reports whether the previous build's file at p (name in the output
// folder) holds exactly data, whose digest is sum: by the survey's digest
// while the file's size and time are still as surveyed, else by its bytes.
func (t *Tree) same(p, name string, data []byte, sum [sha256.Size]byte) bool {
	if k, ok := t.known[p]; ok {
		if st, err := os.Lstat(name); err == nil && st.Mode().IsRegular() && st.Size() == k.Size && st.ModTime().UnixNano() == k.Mtime {
			return k.Sum == sum
		}
	}
	return same(name, data)
}

// same reports whether the file at name holds exactly data.
func same(name string, data []byte) bool {
	st, err := os.Lstat(name)
	if err != nil || !st.Mode().IsRegular() || st.Size() != int64(len(data)) {
		return false
	}
	old, err := os.ReadFile(name)
	return err == nil && bytes.Equal(old, data)
}

// Linked reports whether the file p has the bytes it had in the previous
// build, from which it was linked. Call it once the last Add has returned.
func (t *Tree) Linked(p string) bool { return t.linked[p] }

// Sum gives the digest of the bytes added at p, for the build's stamp.
// Call it once the last Add has returned.
func (t *Tree) Sum(p string) ([sha256.Size]byte, bool) {
	s, ok := t.sums[p]
	return s, ok
}

// Staged is the folder the new site is written into, for the leak audit
// that must pass before Commit.
func (t *Tree) Staged() string { return t.tmp }

// Commit writes the manifest of the files the build made, swaps the new
// site in for the old one and removes the old.
func (t *Tree) Commit() error {
	if err := os.WriteFile(filepath.Join(t.tmp, ManifestFile), t.manifest(), 0o644); err != nil {
		return err
	}
	if _, err := os.Lstat(t.out); errors.Is(err, fs.ErrNotExist) {
		return os.Rename(t.tmp, t.out)
	}
	if err := exchange(t.tmp, t.out); err != nil {
		return err
	}
	// t.tmp now holds the previous site.
	return os.RemoveAll(t.tmp)
}

// Abort removes the temporary folder and leaves the previous site as it was.
func (t *Tree) Abort() { _ = os.RemoveAll(t.tmp) }

// Leftovers reports whether a build into out was killed before it ended:
// its temporary folder, or the previous site set aside, is still beside
// out, and the next Begin removes it or puts it back.
func Leftovers(out string) bool {
	out = filepath.Clean(out)
	stale, _ := filepath.Glob(filepath.Join(filepath.Dir(out), TempPrefix+filepath.Base(out)+"-*"))
	_, err := os.Lstat(asideName(out))
	return len(stale) > 0 || err == nil
}

// moveAside is the fallback swap where an atomic exchange is not available:
// the old site is renamed aside, the new one into place, and the old one put
// back if the second rename fails.
func moveAside(tmp, out string) error {
	aside := asideName(out)
	if err := os.RemoveAll(aside); err != nil {
		return err
	}
	if err := os.Rename(out, aside); err != nil {
		return err
	}
	if err := os.Rename(tmp, out); err != nil {
		_ = os.Rename(aside, out)
		return err
	}
	return os.Rename(aside, tmp)
}

func asideName(out string) string {
	return filepath.Join(filepath.Dir(out), AsidePrefix+filepath.Base(out))
}

// recoverAside finishes a swap that moveAside did not: with no site in
// place, the previous one is put back; with the new one in place, the
// previous one is removed.
func recoverAside(out string) error {
	aside := asideName(out)
	if _, err := os.Lstat(aside); err != nil {
		return nil
	}
	if _, err := os.Lstat(out); errors.Is(err, fs.ErrNotExist) {
		return os.Rename(aside, out)
	}
	return os.RemoveAll(aside)
}
