// Package sitefs reads the files of a site folder, and nothing outside it.
//
// Every input the build reads (site.yaml and the scheme, content, data,
// layouts, i18n, assets, the editions' archive) is opened here, through
// the site folder as a root (os.Root): a path, or a symlink on the way,
// that leads out of the folder is never followed, and only a regular file
// is opened. A symlink to another file of the site is read like the file.
// A device (a link to /dev/zero) or a pipe would make a build hang or run
// out of memory; a link out of the site would read, and perhaps publish, a
// file the clerk never gave it. And a file is read only up to a limit the
// caller gives, checked before anything is allocated: a sparse file of
// 3 GiB costs nothing on disk and would cost 3 GiB read whole.
package sitefs

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// ErrNotAFile is the error of a path that is not a regular file inside the
// site folder: a symlink out of it, a device, a pipe. It is reported at its
// path and never read.
var ErrNotAFile = errors.New("not a regular file inside the site folder")

// NotAFileError is ErrNotAFile with where a symlink leads, when it is one.
type NotAFileError struct {
	Target string // the symlink's target, "" when the path is no symlink
}

func (e *NotAFileError) Error() string {
	if e.Target != "" {
		return ErrNotAFile.Error() + ": a symlink to " + e.Target
	}
	return ErrNotAFile.Error()
}

func (e *NotAFileError) Is(target error) bool { return target == ErrNotAFile }

// TooLargeError is a file longer than the limit it is read with.
type TooLargeError struct {
	Size, Limit int64
}

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("%d bytes, more than the %d a file of this kind may hold", e.Size, e.Limit)
}

// Root is a site folder opened for reading. The zero Root is not usable;
// Open gives one, and it stays usable (every read failing with the same
// error) when the folder cannot be opened.
type Root struct {
	root *os.Root
	err  error // why the folder could not be opened, for every read
}

// Open opens the site folder dir. Close releases it.
func Open(dir string) *Root {
	r, err := os.OpenRoot(dir)
	return &Root{root: r, err: err}
}

// Err is why the folder could not be opened, or nil.
func (r *Root) Err() error { return r.err }

func (r *Root) Close() error {
	if r.root != nil {
		return r.root.Close()
	}
	return nil
}

// Exists reports whether there is something at rel for the build to read
// or to refuse: a file, a folder, or a link out of the site (which is
// reported by reading it, not taken for a missing file). A dangling link
// is missing.
func (r *Root) Exists(rel string) bool {
	if r.err != nil {
		return false
	}
	_, err := r.root.Stat(filepath.FromSlash(rel))
	return err == nil || !errors.Is(err, fs.ErrNotExist)
}

// Stat describes rel, following symlinks inside the site. A path that
// leads out of the site fails with a *NotAFileError.
func (r *Root) Stat(rel string) (fs.FileInfo, error) {
	if r.err != nil {
		return nil, r.err
	}
	name := filepath.FromSlash(rel)
	fi, err := r.root.Stat(name)
	if err != nil && r.escapes(err) {
		return nil, r.refuse(name)
	}
	return fi, err
}

// Open opens rel, a slash-separated path relative to the site folder, for
// reading. It fails with an error matching fs.ErrNotExist when nothing is
// there, with a *NotAFileError when what is there is not a regular file
// inside the site folder, and never opens such a thing: a pipe is never
// waited on.
func (r *Root) Open(rel string) (*os.File, error) {
	fi, err := r.Stat(rel)
	if err != nil {
		return nil, err
	}
	name := filepath.FromSlash(rel)
	if !fi.Mode().IsRegular() {
		return nil, r.refuse(name)
	}
	// Non-blocking, so that a regular file swapped for a pipe after the
	// check above is not waited on either; the check is made again on what
	// was opened.
	f, err := r.root.OpenFile(name, os.O_RDONLY|openNonblock, 0)
	if err != nil {
		if r.escapes(err) {
			return nil, r.refuse(name)
		}
		return nil, err
	}
	if fi, err := f.Stat(); err != nil || !fi.Mode().IsRegular() {
		f.Close()
		return nil, r.refuse(name)
	}
	return f, nil
}

// ReadFile reads the regular file rel whole, if it holds at most limit
// bytes; a longer one fails with a *TooLargeError before anything is
// read. A file that grows while it is read fails the same way.
func (r *Root) ReadFile(rel string, limit int64) ([]byte, error) {
	f, err := r.Open(rel)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readAll(f, limit)
}

func readAll(f fs.File, limit int64) ([]byte, error) {
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if fi.Size() > limit {
		return nil, &TooLargeError{Size: fi.Size(), Limit: limit}
	}
	buf := bytes.NewBuffer(make([]byte, 0, fi.Size()+bytes.MinRead))
	if _, err := buf.ReadFrom(io.LimitReader(f, limit+1)); err != nil {
		return nil, err
	}
	if int64(buf.Len()) > limit {
		return nil, &TooLargeError{Size: int64(buf.Len()), Limit: limit}
	}
	return buf.Bytes(), nil
}

// ReadDir lists the folder rel, sorted by name.
func (r *Root) ReadDir(rel string) ([]fs.DirEntry, error) {
	fi, err := r.Stat(rel)
	if err != nil {
		return nil, err
	}
	if !fi.IsDir() {
		return nil, &fs.PathError{Op: "readdir", Path: rel, Err: errors.New("not a folder")}
	}
	return fs.ReadDir(r.root.FS(), rel)
}

// escapes reports whether err is the root's refusal of a path that leads
// out of it. The os package does not export that error, so it is taken from
// the one thing that always escapes: the site folder's parent.
func (r *Root) escapes(err error) bool {
	_, probe := r.root.Stat("..")
	var pe *fs.PathError
	if !errors.As(probe, &pe) || errors.Is(pe.Err, fs.ErrNotExist) {
		return false
	}
	return errors.Is(err, pe.Err)
}

// refuse gives the error of a path that is not a regular file inside the
// site, with where it leads when it is a symlink.
func (r *Root) refuse(name string) error {
	target, _ := r.root.Readlink(name)
	return &NotAFileError{Target: target}
}
