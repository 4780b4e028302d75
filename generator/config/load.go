package config

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"dutyreport/generator/problem"
)

// Config is the validated configuration of one site.
type Config struct {
	Dir    string // the site folder
	Site   Site
	Scheme Scheme
}

// SiteFile is the name of the site configuration in the site folder.
const SiteFile = "site.yaml"

// Load reads site.yaml and the scheme it names from dir. It returns every
// problem found; the Config is usable only when the list has no errors.
//
// Both are read through the site folder as a root (os.Root): a file that
// is a symlink leading out of the site, or anything but a regular file (a
// device, a pipe), is config.not-a-file and never read; so is a scheme
// path that is absolute or climbs out of the site with "..". A symlink
// inside the site is followed if it is relative: os.Root takes no absolute
// link, even one into the site.
func Load(dir string) (*Config, problem.List) {
	var probs problem.List
	c := &Config{Dir: dir}
	root, err := os.OpenRoot(dir)
	if err != nil {
		probs.Add(unreadable(SiteFile, err))
		return c, probs
	}
	defer root.Close()
	data, ok := readFile(root, SiteFile, &probs)
	if !ok {
		return c, probs
	}
	pos, ok := parseYAML(SiteFile, data, &c.Site, &probs)
	if !ok {
		return c, probs
	}
	c.Site.defaults()
	c.Site.validate(SiteFile, pos, &probs)

	schemeFile := filepath.ToSlash(c.Site.Scheme)
	if !filepath.IsLocal(c.Site.Scheme) {
		probs.Add(problem.Problem{Pos: pos.Of(SiteFile, "scheme"), Code: problem.ConfigNotAFile, Found: "scheme: " + c.Site.Scheme,
			Expected: "a path inside the site folder, such as schemes/shangnan.yaml", ExpectedZH: "站点目录中的路径，如 schemes/shangnan.yaml"})
	} else if data, ok := readFile(root, schemeFile, &probs); ok {
		if pos, ok := parseYAML(schemeFile, data, &c.Scheme, &probs); ok {
			c.Scheme.validate(schemeFile, pos, &probs)
		}
	}
	probs.Sort()
	return c, probs
}

// readFile reads name (slash-separated, inside the site) through root. It
// is read only if it is a regular file inside the site: stat first, so that
// a device or a pipe is never opened, then stat again what was opened.
func readFile(root *os.Root, name string, probs *problem.List) ([]byte, bool) {
	notAFile := problem.Problem{Pos: problem.Position{File: name}, Code: problem.ConfigNotAFile, Found: name}
	st, err := root.Stat(filepath.FromSlash(name))
	if err != nil && !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, fs.ErrPermission) {
		probs.Add(notAFile) // a symlink out of the site, or a loop
		return nil, false
	}
	if err == nil && !st.Mode().IsRegular() {
		probs.Add(notAFile)
		return nil, false
	}
	var f *os.File
	if err == nil {
		f, err = root.Open(filepath.FromSlash(name))
	}
	if err != nil {
		probs.Add(unreadable(name, err))
		return nil, false
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() {
		probs.Add(notAFile) // replaced since the first look
		return nil, false
	}
	data, err := io.ReadAll(f)
	if err != nil {
		probs.Add(unreadable(name, err))
		return nil, false
	}
	return data, true
}

// unreadable is config.unreadable for name; a missing file needs no more
// than the code's message and hint.
func unreadable(name string, err error) problem.Problem {
	found := err.Error()
	if errors.Is(err, fs.ErrNotExist) {
		found = ""
	}
	return problem.Problem{Pos: problem.Position{File: name}, Code: problem.ConfigUnreadable, Found: found}
}
