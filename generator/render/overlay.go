package render

import (
	"errors"
	"io/fs"
	"slices"
	"strings"
)

// Overlay looks a theme file up in each layer in turn, the first that has
// it winning, as Hugo does: a site overrides only the files it changes.
// Nil layers are skipped.
func Overlay(layers ...fs.FS) fs.FS { return overlay(layers) }

type overlay []fs.FS

// Open gives the file of the first layer that has it. A layer's file that
// exists but may not be read (not a regular file, too large) is that
// error, not a fall through to the layer below: the site's own file is
// refused, not quietly replaced by the theme's.
func (o overlay) Open(name string) (fs.File, error) {
	for _, l := range o {
		if l == nil {
			continue
		}
		f, err := l.Open(name)
		if !errors.Is(err, fs.ErrNotExist) {
			return f, err
		}
	}
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

// ReadDir merges the layers' entries, the upper ones winning, sorted by name.
func (o overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	seen := map[string]bool{}
	var out []fs.DirEntry
	var firstErr error
	for _, f := range o {
		if f == nil {
			continue
		}
		entries, err := fs.ReadDir(f, name)
		if err != nil {
			if firstErr == nil && !errors.Is(err, fs.ErrNotExist) {
				firstErr = err
			}
			continue
		}
		for _, e := range entries {
			if !seen[e.Name()] {
				seen[e.Name()] = true
				out = append(out, e)
			}
		}
	}
	if out == nil && firstErr != nil {
		return nil, firstErr
	}
	slices.SortFunc(out, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return out, nil
}

// Only limits fsys to the folders named (and what is under them): a site's
// own layouts/, i18n/ and assets/ may override the theme, and nothing else
// in the site folder is taken for a theme file.
func Only(fsys fs.FS, folders ...string) fs.FS { return only{fsys, folders} }

type only struct {
	fsys    fs.FS
	folders []string
}

func (o only) allowed(name string) bool {
	for _, f := range o.folders {
		if name == f || strings.HasPrefix(name, f+"/") {
			return true
		}
	}
	return false
}

func (o only) Open(name string) (fs.File, error) {
	if !o.allowed(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return o.fsys.Open(name)
}
