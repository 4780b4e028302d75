package config

import (
	"errors"
	"io/fs"
	"path/filepath"

	"dutyreport/generator/problem"
	"dutyreport/generator/sitefs"
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
// Both are read through the site folder as a root (sitefs): a file that
// is a symlink leading out of the site, or anything but a regular file (a
// device, a pipe), is config.not-a-file and never read; so is a scheme
// path that is absolute or climbs out of the site with "..". A symlink
// inside the site is followed if it is relative: os.Root takes no absolute
// link, even one into the site.
func Load(dir string) (*Config, problem.List) {
	var probs problem.List
	c := &Config{Dir: dir}
	root := sitefs.Open(dir)
	defer root.Close()
	if err := root.Err(); err != nil {
		probs.Add(unreadable(SiteFile, err))
		return c, probs
	}
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
			Expected: problem.T(problem.TPathInSite)})
	} else if data, ok := readFile(root, schemeFile, &probs); ok {
		if pos, ok := parseYAML(schemeFile, data, &c.Scheme, &probs); ok {
			c.Scheme.validate(schemeFile, pos, &probs)
		}
	}
	probs.Sort()
	return c, probs
}

// MaxFileBytes bounds site.yaml and a scheme on disk, checked before either
// is read: the largest real one (the shangnan scheme) is under 40 KB.
const MaxFileBytes = 1 << 20

// readFile reads name (slash-separated, inside the site) through root
// (sitefs): only a regular file inside the site, of at most MaxFileBytes.
func readFile(root *sitefs.Root, name string, probs *problem.List) ([]byte, bool) {
	data, err := root.ReadFile(name, MaxFileBytes)
	var tl *sitefs.TooLargeError
	switch {
	case errors.Is(err, sitefs.ErrNotAFile):
		probs.Add(problem.Problem{Pos: problem.Position{File: name}, Code: problem.ConfigNotAFile, Found: name})
	case errors.As(err, &tl):
		p := problem.TooLarge(problem.ConfigTooLarge, name, tl.Size, tl.Limit)
		p.Hint = problem.T(problem.TConfigFewKB)
		probs.Add(p)
	case err != nil:
		probs.Add(unreadable(name, err))
	default:
		return data, true
	}
	return nil, false
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
