package generator

import (
	"path/filepath"

	"dutyreport/generator/config"
	"dutyreport/generator/edition"
	"dutyreport/generator/view"
)

// The editions' bookkeeping is edition's (edition.Recorder); what is here
// says, from the inputs and the view, what an edition is made of.

// editionInputs lists the input files of one edition: the scheme, the
// year's spreadsheets, its summary page and its notices. The units
// register serves every year and belongs to none: what it changes in an
// edition shows in the edition's pages.
func (in inputs) editionInputs(year int) []string {
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
	return paths
}

// manifest makes a year's manifest from its inputs and the exports
// recorded so far (all but the manifest itself).
func (in inputs) manifest(y *view.Year, files *edition.Recorder) ([]byte, error) {
	m := edition.Manifest{Year: y.Year, Revision: y.Revision, Published: y.Published,
		Scheme: edition.Scheme{Name: in.cfg.Scheme.Name, File: filepath.ToSlash(in.cfg.Site.Scheme)}}
	// The errata as the view has them: masked for the audience, as on the pages.
	for _, r := range y.Revisions[min(1, len(y.Revisions)):] {
		m.Errata = append(m.Errata, edition.Erratum{Revision: r.N, Date: r.Date, What: r.What, Why: r.Why})
	}
	return files.Manifest(in.cfg.Dir, m, in.editionInputs(y.Year))
}

// editions lists the published editions of a public build for the check;
// their exports are read from staged, the site as written.
func (in inputs) editions(site *view.Site, files *edition.Recorder, staged string) []edition.Edition {
	var out []edition.Edition
	for _, y := range site.Years {
		cy := in.cfg.Site.Year(y.Year)
		if cy.Status != config.Published {
			continue
		}
		out = append(out, files.Edition(edition.Edition{Year: y.Year, Revision: y.Revision, Published: y.Published, Pos: cy.Pos}, staged))
	}
	return out
}

// addEditionFiles adds what the renderer does not make: each year's
// earlier revisions' exports, from the archive, and its manifest, made
// last from the exports before it.
func (in inputs) addEditionFiles(site *view.Site, files *edition.Recorder, add func(string, []byte) error) error {
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
