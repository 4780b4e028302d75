package generator

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"dutyreport/generator/config"
	"dutyreport/generator/edition"
	"dutyreport/generator/sitefs"
	"dutyreport/generator/view"
)

// editionFiles gathers, while a site is written, the digest of every file
// under each year's folder, and of its exports (the files of its data
// folder itself) for the manifest. It keeps no file's bytes: a province's
// exports are read back from the written site only when they are archived.
type editionFiles struct {
	output  map[int]map[string]string
	exports map[int]map[string]string
	inputs  map[int]map[string]string // set by manifest
}

func newEditionFiles() *editionFiles {
	return &editionFiles{output: map[int]map[string]string{}, exports: map[int]map[string]string{}, inputs: map[int]map[string]string{}}
}

// add notes one written file.
func (f *editionFiles) add(p string, data []byte) {
	dir, rest, ok := strings.Cut(p, "/")
	year, err := strconv.Atoi(dir)
	if !ok || err != nil || len(dir) != 4 {
		return
	}
	if f.output[year] == nil {
		f.output[year], f.exports[year] = map[string]string{}, map[string]string{}
	}
	d := edition.Digest(data)
	f.output[year][p] = d
	if name, ok := strings.CutPrefix(rest, "data/"); ok && !strings.Contains(name, "/") {
		f.exports[year][name] = d
	}
}

// manifest makes a year's manifest from its inputs and the exports written
// so far (all but the manifest itself).
func (in inputs) manifest(y *view.Year, files *editionFiles) ([]byte, error) {
	m := edition.Manifest{Year: y.Year, Revision: y.Revision, Published: y.Published,
		Scheme: edition.Scheme{Name: in.cfg.Scheme.Name, File: filepath.ToSlash(in.cfg.Site.Scheme)}}
	// The errata as the view has them: masked for the audience, as on the pages.
	for _, r := range y.Revisions[min(1, len(y.Revisions)):] {
		m.Errata = append(m.Errata, edition.Erratum{Revision: r.N, Date: r.Date, What: r.What, Why: r.Why})
	}
	ins, err := in.editionInputs(y.Year)
	if err != nil {
		return nil, err
	}
	files.inputs[y.Year] = ins
	m.Scheme.Digest = ins[m.Scheme.File]
	m.Inputs = edition.Files(ins)
	m.Exports = edition.Files(files.exports[y.Year])
	return m.JSON(), nil
}

// editionInputs digests the input files of one edition: the scheme, the
// year's spreadsheets, its summary page and its notices. The units
// register serves every year and belongs to none: what it changes in an
// edition shows in the edition's pages.
func (in inputs) editionInputs(year int) (map[string]string, error) {
	paths := []string{filepath.ToSlash(in.cfg.Site.Scheme)}
	if y := in.data.Year(year); y != nil {
		for _, input := range y.Inputs {
			if f := input.File; f != 0 && int(f) < len(in.data.Files) {
				paths = append(paths, in.data.Files[f].Path)
			}
		}
	}
	for _, p := range in.content.Years {
		if p.Year == year {
			paths = append(paths, p.File)
		}
	}
	// A notice's year is the notices stage's to decide: a notice that only
	// gives the text of a register's case takes that case's year.
	for _, cs := range in.notices.Cases {
		if cs.Year == year && cs.File != "" {
			paths = append(paths, cs.File)
		}
	}
	out := map[string]string{}
	root := sitefs.Open(in.cfg.Dir)
	defer root.Close()
	for _, p := range paths {
		f, err := root.Open(p)
		if errors.Is(err, fs.ErrNotExist) {
			continue // an optional input the year does without
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		d, err := edition.DigestOf(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		out[filepath.ToSlash(p)] = d
	}
	return out, nil
}

// editions lists the published editions of a public build for the check;
// their exports are read from staged, the site as written.
func (in inputs) editions(site *view.Site, files *editionFiles, staged string) []edition.Edition {
	var out []edition.Edition
	for _, y := range site.Years {
		cy := in.cfg.Site.Year(y.Year)
		if cy.Status != config.Published {
			continue
		}
		out = append(out, edition.Edition{Year: y.Year, Revision: y.Revision, Published: y.Published, Pos: cy.Pos,
			Inputs: files.inputs[y.Year], Output: files.output[y.Year], Exports: readExports(staged, y.Year, files.exports[y.Year])})
	}
	return out
}

// addEditionFiles adds what the renderer does not make: each year's
// earlier revisions' exports, from the archive, and its manifest, made
// last from the exports before it.
func (in inputs) addEditionFiles(site *view.Site, files *editionFiles, add func(string, []byte) error) error {
	for _, y := range site.Years {
		for _, r := range y.Revisions {
			for _, f := range r.Files {
				data, err := edition.ReadFile(in.cfg.Dir, y.Year, r.N, f.Name)
				if err != nil {
					return err
				}
				if err := add(f.Path, data); err != nil {
					return err
				}
			}
		}
		m, err := in.manifest(y, files)
		if err != nil {
			return err
		}
		if err := add(y.Manifest, m); err != nil {
			return err
		}
	}
	return nil
}

// fileIn reads files of a built site, for the lock's messages.
func fileIn(dir string) func(p string) ([]byte, bool) {
	return func(p string) ([]byte, bool) {
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
		return data, err == nil
	}
}

// readExports reads a year's exports back from the written site.
func readExports(dir string, year int, names map[string]string) func() (map[string][]byte, error) {
	return func() (map[string][]byte, error) {
		out := map[string][]byte{}
		for name := range names {
			data, err := os.ReadFile(filepath.Join(dir, strconv.Itoa(year), "data", name))
			if err != nil {
				return nil, err
			}
			out[name] = data
		}
		return out, nil
	}
}
