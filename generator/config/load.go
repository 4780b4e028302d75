package config

import (
	"errors"
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
func Load(dir string) (*Config, problem.List) {
	var probs problem.List
	c := &Config{Dir: dir}
	data, ok := readFile(dir, SiteFile, &probs)
	if !ok {
		return c, probs
	}
	pos := parseYAML(SiteFile, data, &c.Site, &probs)
	c.Site.defaults()
	c.Site.validate(SiteFile, pos, &probs)

	schemeFile := filepath.ToSlash(c.Site.Scheme)
	if data, ok := readFile(dir, schemeFile, &probs); ok {
		pos := parseYAML(schemeFile, data, &c.Scheme, &probs)
		c.Scheme.validate(schemeFile, pos, &probs)
	}
	probs.Sort()
	return c, probs
}

func readFile(dir, name string, probs *problem.List) ([]byte, bool) {
	data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
	if err != nil {
		found := err.Error()
		if errors.Is(err, fs.ErrNotExist) {
			found = "" // the code's message and hint say it all
		}
		probs.Add(problem.Problem{Pos: problem.Position{File: name}, Code: problem.ConfigUnreadable, Found: found})
		return nil, false
	}
	return data, true
}
