package view

import (
	"slices"

	"dutyreport/generator/config"
)

// RevisionLine is one revision of an edition (or of the whole site): the
// first publication, then one per erratum.
type RevisionLine struct {
	N               int
	Date, What, Why string
	// Files are the revision's exports kept from when it was current
	// (Name the file name, Path its download); none for the current one.
	Files   []UnitRef
	Current bool
}

// revisions gives a published year its revision and, once it has been
// corrected, its history: revision 1 is the publication, each erratum the
// next. The texts pass the masking: an erratum may name a person.
func (b *builder) revisions(y *Year, cy config.Year) {
	if cy.Status != config.Published {
		return
	}
	y.Revision = cy.Revision()
	if len(cy.Errata) == 0 {
		return
	}
	y.Revisions = append(y.Revisions, RevisionLine{N: 1, Date: cy.Published.String()})
	for i, e := range cy.Errata {
		y.Revisions = append(y.Revisions, RevisionLine{N: i + 2, Date: e.Date.String(), What: b.text(config.SiteFile, e.What), Why: b.text(config.SiteFile, e.Why)})
	}
	for i := range y.Revisions {
		r := &y.Revisions[i]
		r.Current = r.N == y.Revision
		if r.Current {
			continue
		}
		names := b.in.Archived[cy.Year][r.N]
		slices.Sort(names)
		for _, name := range names {
			r.Files = append(r.Files, UnitRef{Name: name, Path: ArchivedPath(cy.Year, r.N, name)})
		}
	}
	y.Erratum = &y.Revisions[len(y.Revisions)-1]
}

// ArchivedPath is where an earlier revision's export is served:
// 2023/data/r1/results.csv.
func ArchivedPath(year, rev int, name string) string {
	return dataPath(year, "r"+itoa(rev)+"/"+name)
}

// siteRevisions lists the site-wide revisions, for the landing page.
func (b *builder) siteRevisions() {
	for i, e := range b.in.Config.Site.Revisions {
		b.s.Revisions = append(b.s.Revisions, RevisionLine{N: i + 1, Date: e.Date.String(), What: b.text(config.SiteFile, e.What), Why: b.text(config.SiteFile, e.Why)})
	}
}
