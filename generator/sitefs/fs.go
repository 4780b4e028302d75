package sitefs

import (
	"io/fs"
	"os"
)

// FS gives the site folder as an fs.FS for the theme's layers: folders and
// regular files of the site open, anything else fails with a
// *NotAFileError (matching ErrNotAFile) and is never opened, and a file
// longer than limit fails to open with a *TooLargeError: fs.ReadFile makes
// room for a file's whole size before it reads.
func (r *Root) FS(limit int64) fs.FS { return siteFS{r, limit} }

type siteFS struct {
	r     *Root
	limit int64
}

func (s siteFS) check(op, name string) error {
	if !fs.ValidPath(name) {
		return &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	return nil
}

func (s siteFS) Open(name string) (fs.File, error) {
	if err := s.check("open", name); err != nil {
		return nil, err
	}
	fi, err := s.r.Stat(name)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	if fi.IsDir() {
		return s.r.root.FS().Open(name)
	}
	f, err := s.r.Open(name)
	if err == nil && fi.Size() > s.limit {
		f.Close()
		err = &TooLargeError{Size: fi.Size(), Limit: s.limit}
	}
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	return &limited{File: f, limit: s.limit}, nil
}

// limited is a file of the site opened through FS: it fails a read past
// the limit, should it have grown since it was opened.
type limited struct {
	*os.File
	read, limit int64
}

func (l *limited) Read(p []byte) (int, error) {
	n, err := l.File.Read(p)
	if l.read += int64(n); l.read > l.limit {
		return 0, &TooLargeError{Size: l.read, Limit: l.limit}
	}
	return n, err
}

func (s siteFS) Stat(name string) (fs.FileInfo, error) {
	if err := s.check("stat", name); err != nil {
		return nil, err
	}
	fi, err := s.r.Stat(name)
	if err != nil {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: err}
	}
	if !fi.IsDir() && !fi.Mode().IsRegular() {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: s.r.refuse(name)}
	}
	return fi, nil
}

func (s siteFS) ReadFile(name string) ([]byte, error) {
	if err := s.check("read", name); err != nil {
		return nil, err
	}
	data, err := s.r.ReadFile(name, s.limit)
	if err != nil {
		return nil, &fs.PathError{Op: "read", Path: name, Err: err}
	}
	return data, nil
}

func (s siteFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if err := s.check("readdir", name); err != nil {
		return nil, err
	}
	es, err := s.r.ReadDir(name)
	if err != nil {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: err}
	}
	return es, nil
}
