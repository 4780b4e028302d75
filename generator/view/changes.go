package view

import (
	"encoding/json"

	"dutyreport/generator/diff"
)

// Edition gives a year as the diff compares it: its exported results, its
// notices as the audience reads them (masked in public), and its mergers.
func Edition(y *Year) diff.Edition {
	return edition(y, y.Export.Units, y.Notices)
}

// ArchivedEdition gives an earlier revision of year y as the diff compares
// it, from the bytes of its archived exports (results.json, and
// notices.json or nil when the year had none): the results and the notices
// as published. The archive holds no mergers; they are the register's, and
// are taken from y, so that 2023r1 against 2023 reports mergers as 2022
// against 2023 does.
func ArchivedEdition(y *Year, rev int, results, notices []byte) (diff.Edition, error) {
	var r Export
	if err := json.Unmarshal(results, &r); err != nil {
		return diff.Edition{}, err
	}
	var n NoticesExport
	if notices != nil {
		if err := json.Unmarshal(notices, &n); err != nil {
			return diff.Edition{}, err
		}
	}
	e := edition(y, r.Units, n.Notices)
	e.Revision = rev
	return e, nil
}

// edition maps exported rows and notices to the diff's model, with y's
// mergers: the one mapping of both the live and the archived editions.
func edition(y *Year, rows []ExportRow, notices []*Notice) diff.Edition {
	e := diff.Edition{Year: y.Year}
	merged := map[string]*UnitRef{}
	for _, u := range y.Units {
		if u.MergedInto != nil {
			merged[u.Unit.Code] = u.MergedInto
		}
	}
	for _, r := range rows {
		u := diff.Unit{Code: r.Code, Name: r.Name, Group: r.Group, Rank: r.Rank, GroupSize: r.GroupSize,
			Total: r.Total, Band: r.Band, Consequences: r.Consequences}
		if m := merged[r.Code]; m != nil {
			u.MergedInto, u.MergedIntoName = m.Code, m.Name
		}
		e.Units = append(e.Units, u)
	}
	for _, n := range notices {
		e.Notices = append(e.Notices, diff.Notice{Number: n.Number, Title: n.Title, Unit: n.UnitName})
	}
	return e
}

// changes gives each year whose year before the audience has its
// "changes since last year" page.
func (b *builder) changes() {
	for _, y := range b.s.Years {
		if y.Prev != nil && y.Prev.Year == y.Year-1 {
			y.Changes = diff.Compare(Edition(y.Prev), Edition(y))
			y.ChangesPath = changesPath(y.Year)
		}
	}
}
