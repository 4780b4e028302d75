package generator

import (
	"errors"
	"io/fs"
	"slices"
	"strconv"
	"strings"

	"dutyreport/generator/config"
	"dutyreport/generator/diff"
	"dutyreport/generator/edition"
	"dutyreport/generator/notices"
	"dutyreport/generator/problem"
	"dutyreport/generator/render"
	"dutyreport/generator/view"
)

// Diff compares two editions of the site as an audience sees them (in
// public, with the notices' names masked), for `dutyreport diff`: two
// years, or two revisions of one year (2023r1 2023). A year's current
// revision is built now; an earlier one is read from its archived exports
// (editions/2023/r1/), which are the public record, so revisions compare in
// the public audience only. The theme words the result in the site's
// language. An edition the site lacks is a usage error that lists those it has.
func Diff(o Options, from, to diff.Label) (*diff.Diff, *render.Theme, problem.List, error) {
	if o.Audience == "" {
		o.Audience = config.Public
	}
	if (from.Revision > 0 || to.Revision > 0) && o.Audience != config.Public {
		return nil, nil, nil, refused(problem.TRevisionsPublic)
	}
	in, probs := load(o.Source, o.cacheDir(), nil, o.Reading)
	probs = notices.ForAudience(probs, o.Audience)
	if probs.HasErrors() {
		return nil, nil, probs, nil
	}
	probs = probs.Errors() // warnings are the build's to print
	theme, tprobs := loadTheme(in.cfg)
	if tprobs.HasErrors() {
		return nil, nil, tprobs, nil
	}
	site := in.view(o.Audience)
	years := map[int]*view.Year{}
	var have []string
	for _, y := range site.Years {
		years[y.Year] = y
		have = append(have, strconv.Itoa(y.Year))
	}
	var eds [2]diff.Edition
	for i, l := range []diff.Label{from, to} {
		y := years[l.Year]
		if y == nil {
			site := problem.T(problem.TPublicSite)
			if o.Audience == config.Internal {
				site = problem.T(problem.TInternalSite)
			}
			e := refused(problem.TNoSuchYear, site, l.Year, strings.Join(have, ", "))
			if o.Audience == config.Public && slices.ContainsFunc(in.cfg.Site.Years, func(c config.Year) bool { return c.Year == l.Year && c.Status == config.Draft }) {
				// A draft is on the dashboard: the clerk meant that one.
				e.Hint = problem.T(problem.TDiffDraft, l.Year, label(from), label(to))
			}
			return nil, nil, probs, e
		}
		if l.Revision == 0 && from.Year == to.Year {
			l.Revision = max(y.Revision, 1) // 2023r1 2023: the current revision, by number
		}
		if l.Revision == 0 || l.Revision == y.Revision {
			eds[i] = view.Edition(y)
			eds[i].Revision = l.Revision
			continue
		}
		e, err := archivedEdition(o.Source, y, l)
		if err != nil {
			return nil, nil, probs, refused(problem.TNoSuchRevision, l.Year, l.Revision, err.Error(), max(y.Revision, 1), edition.ArchiveDir, l.Year)
		}
		eds[i] = e
	}
	return diff.Compare(eds[0], eds[1]), theme, probs, nil
}

// archivedEdition reads an earlier revision of y from its archived
// exports (see view.ArchivedEdition).
func archivedEdition(dir string, y *view.Year, l diff.Label) (diff.Edition, error) {
	results, err := edition.ReadFile(dir, l.Year, l.Revision, "results.json")
	if err != nil {
		return diff.Edition{}, err
	}
	notices, err := edition.ReadFile(dir, l.Year, l.Revision, "notices.json")
	if errors.Is(err, fs.ErrNotExist) {
		notices = nil // a year without notices
	} else if err != nil {
		return diff.Edition{}, err
	}
	return view.ArchivedEdition(y, l.Revision, results, notices)
}

// label writes an edition as the command line gives it: 2023, 2023r1.
func label(l diff.Label) string {
	if l.Revision > 0 {
		return strconv.Itoa(l.Year) + "r" + strconv.Itoa(l.Revision)
	}
	return strconv.Itoa(l.Year)
}
