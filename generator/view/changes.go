package view

import "dutyreport/generator/diff"

// Edition gives a year as the diff compares it: its exported results, its
// notices as the audience reads them (masked in public), and its mergers.
func Edition(y *Year) diff.Edition {
	e := diff.Edition{Year: y.Year}
	merged := map[string]*UnitRef{}
	for _, u := range y.Units {
		if u.MergedInto != nil {
			merged[u.Unit.Code] = u.MergedInto
		}
	}
	for _, r := range y.Export.Units {
		u := diff.Unit{Code: r.Code, Name: r.Name, Group: r.Group, Rank: r.Rank, GroupSize: r.GroupSize,
			Total: r.Total, Band: r.Band, Consequences: r.Consequences}
		if m := merged[r.Code]; m != nil {
			u.MergedInto, u.MergedIntoName = m.Code, m.Name
		}
		e.Units = append(e.Units, u)
	}
	for _, n := range y.Notices {
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
