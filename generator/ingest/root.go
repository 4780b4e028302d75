package ingest

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// siteFiles reads input files through the site folder as a root (os.Root):
// a path, or a symlink on the way, that leads out of the folder is never
// followed, and only a regular file is opened. A symlink to another file of
// the site is read like the file. A device (a link to /dev/zero) or a pipe
// would make a build hang or run out of memory; a link out of the site
// would read, and perhaps publish, a file the clerk never gave it.
type siteFiles struct {
	root *os.Root
	err  error // why the site folder could not be opened, for every file
}

func openSiteFiles(dir string) *siteFiles {
	r, err := os.OpenRoot(dir)
	return &siteFiles{root: r, err: err}
}

func (s *siteFiles) Close() {
	if s.root != nil {
		s.root.Close()
	}
}

// notAFile is an input path that is not a regular file inside the site
// folder: it is reported at its path and never read.
type notAFile struct {
	target string // where the symlink leads, when it is one
}

func (e *notAFile) Error() string {
	if e.target != "" {
		return "not a regular file inside the site folder: a symlink to " + e.target
	}
	return "not a regular file inside the site folder"
}

// exists reports whether there is something at rel for the build to read
// or to refuse: a file, or a link out of the site (which is reported by
// reading it, not taken for a missing file). A dangling link is missing.
func (s *siteFiles) exists(rel string) bool {
	if s.err != nil {
		return false
	}
	_, err := s.root.Stat(filepath.FromSlash(rel))
	return err == nil || !errors.Is(err, fs.ErrNotExist)
}

// open opens rel, a slash-separated path relative to the site folder, for
// reading. It fails with an error matching fs.ErrNotExist when nothing is
// there, with a *notAFile when what is there is not a regular file inside
// the site folder, and never opens such a thing: a pipe is never waited on.
func (s *siteFiles) open(rel string) (*os.File, error) {
	if s.err != nil {
		return nil, s.err
	}
	name := filepath.FromSlash(rel)
	fi, err := s.root.Stat(name)
	if err != nil {
		if s.escapes(err) {
			return nil, s.refuse(name)
		}
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, s.refuse(name)
	}
	// Non-blocking, so that a regular file swapped for a pipe after the
	// check above is not waited on either; the check is made again on what
	// was opened.
	f, err := s.root.OpenFile(name, os.O_RDONLY|openNonblock, 0)
	if err != nil {
		if s.escapes(err) {
			return nil, s.refuse(name)
		}
		return nil, err
	}
	if fi, err := f.Stat(); err != nil || !fi.Mode().IsRegular() {
		f.Close()
		return nil, s.refuse(name)
	}
	return f, nil
}

// escapes reports whether err is the root's refusal of a path that leads
// out of it. The os package does not export that error, so it is taken from
// the one thing that always escapes: the site folder's parent.
func (s *siteFiles) escapes(err error) bool {
	_, probe := s.root.Stat("..")
	var pe *fs.PathError
	if !errors.As(probe, &pe) || errors.Is(pe.Err, fs.ErrNotExist) {
		return false
	}
	return errors.Is(err, pe.Err)
}

// refuse gives the error of a path that is not a regular file inside the
// site, with where it leads when it is a symlink.
func (s *siteFiles) refuse(name string) error {
	target, _ := s.root.Readlink(name)
	return &notAFile{target: target}
}
