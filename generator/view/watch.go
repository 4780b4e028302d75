package view

import "dutyreport/generator/scoring"

// Watch is a year's watch list, for the internal dashboard only: the units
// at risk and why, worst first, so that the office sees whom to talk to
// before the results are published.
type Watch struct {
	Path string
	Rows []*WatchRow // by group in scheme order, then from the last rank up
}

// WatchRow is one unit at risk in a year.
type WatchRow struct {
	*Row
	Group     Group
	GroupSize int
	// Next are the rules of several years running that one more year like
	// this one would apply (较差 now: 组织处理 at the second).
	Next []Consequence
	// Bottom marks the last rank of its group (ties included).
	Bottom bool
}

// watchPath is the path of a year's watch list.
func watchPath(y int) string { return itoa(y) + "/watch.html" }

// watch lists the year's units that a consequence applies to, that one more
// such year would bring one, that are last in their group or that have a
// case that year. The rows are the ranking's, so the list says what the
// rankings say.
func (b *builder) watch(y *Year, res *scoring.Result) *Watch {
	w := &Watch{Path: watchPath(y.Year)}
	for _, r := range y.Rankings {
		if len(r.Rows) == 0 {
			continue
		}
		last := r.Rows[len(r.Rows)-1].Rank
		for i := len(r.Rows) - 1; i >= 0; i-- {
			row := r.Rows[i]
			u := res.Unit(row.Unit.Code)
			wr := &WatchRow{Row: row, Group: r.Group, GroupSize: u.GroupSize, Bottom: row.Rank == last && u.GroupSize > 1}
			for _, id := range u.Watch {
				wr.Next = append(wr.Next, b.conseq[id])
			}
			if len(row.Consequences) > 0 || len(wr.Next) > 0 || wr.Bottom || len(row.Notices) > 0 {
				w.Rows = append(w.Rows, wr)
			}
		}
	}
	return w
}
