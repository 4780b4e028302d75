package view

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strconv"
	"strings"

	"dutyreport/generator/config"
	"dutyreport/generator/record"
)

// Chart is one chart as the view gives it: its numbers and words, taken
// from the audience's model and so already masked. The theme draws it with
// ECharts where scripts run, and shows Table (or the page's table TableID
// names) to every reader, with scripts or without, on screen and on paper.
type Chart struct {
	ID             string // element id, from the page's path and the chart's name
	Kind           string // ChartBar, ChartBox or ChartLine
	Title, Summary Phrase
	X              []string // the categories along the x axis
	XName, YName   Phrase
	Series         []Series
	Stack          bool   // the series' bars of one category stack
	YMin, YMax     string // "" lets the chart choose
	YInverse       bool   // ranks: 1 on top
	Areas          []Area // band ranges drawn behind the series
	Table          *Table // the same numbers; nil when TableID names a table on the page
	TableID        string
}

// Chart kinds.
const (
	ChartBar  = "bar"
	ChartBox  = "boxplot"
	ChartLine = "line"
)

// Series is one named row of values over Chart.X.
type Series struct {
	Name   Phrase
	Color  string   // a CSS colour, or var(--band-1) for a band's colour in style.css
	Values []string // one per X, "" where there is none (bar and line charts)
	Boxes  [][]string
}

// Area is a band of values drawn behind the series, as the band thresholds
// behind a unit's scores.
type Area struct {
	Name, From, To, Color string
}

// Table is a chart's numbers as a table: one row per category.
type Table struct {
	Head []Phrase
	Rows []TableRow
	// TextCells is how many of each row's first cells are words (a group's
	// name), not numbers.
	TextCells int
}

// TableRow is one row of a chart's table, headed by its category.
type TableRow struct {
	Head  string
	Cells []string
}

// Phrase is words in the site's language: Key names a UI string of the
// theme, a format whose %s verbs Args fill (each a string or a Phrase).
// A Phrase without Key is its one Arg as it is, such as a unit's name, and
// List joins its phrases with the language's list separator.
type Phrase struct {
	Key  string
	Args []any
	List []Phrase
}

// Say is the UI string key filled with args.
func Say(key string, args ...any) Phrase { return Phrase{Key: key, Args: args} }

// Lit is text from the data, shown as it is.
func Lit(s string) Phrase { return Phrase{Args: []any{s}} }

// chartID derives a chart's element id from its page and name, so that a
// rebuild gives the same id and two charts of a page never share one.
func chartID(page, name string) string {
	sum := sha256.Sum256([]byte(page + "\x00" + name))
	return "chart-" + name + "-" + hex.EncodeToString(sum[:4])
}

// bandColor is a band's colour in the theme's style sheet.
func bandColor(b Band) string { return "var(--" + b.Class + ")" }

// seriesColor is the i-th colour of the theme's palette for series that
// are not bands (ranking groups, a unit against its group).
func seriesColor(i int) string { return "var(--series-" + strconv.Itoa(i%4+1) + ")" }

// change words the change of a count, score or rank since the year before:
// kind is "count", "points" or "rank"; rank changes are rises when positive.
func change(kind string, has bool, d string, sign int) Phrase {
	switch {
	case !has:
		return Say("since_none")
	case sign > 0:
		return Say(kind+"_up", d)
	case sign < 0:
		return Say(kind+"_down", d)
	}
	return Say("since_same")
}

// charts makes every chart of the site once all years are built: the
// landing page's across the years, each year's, each ranking's and each
// unit page's.
func (b *builder) charts() {
	s := b.s
	if len(s.Years) == 0 {
		return
	}
	full := b.totalFull()
	s.Charts = withData(b.bandsChart("index.html", s.Years), b.boxChart("index.html", s.Years), b.averagesChart("index.html", s.Years))
	for _, y := range s.Years {
		y.Charts = withData(b.yearBandsChart(y), b.boxChart(y.Path, []*Year{y}))
		for _, r := range y.Rankings {
			if len(r.Rows) > 0 {
				r.Chart = b.totalsChart(y, r)
			}
		}
		avg := b.groupAverages(y.Year)
		for _, u := range y.Units {
			if u.Ranked && u.Group.ID != "" {
				u.charts = &unitCharts{b: b, y: y, avg: avg[u.Group.ID], full: full}
			}
		}
	}
}

// unitCharts is what a unit page's charts are made from when it is rendered.
type unitCharts struct {
	b    *builder
	y    *Year
	avg  []record.Points // the group's average per component that year
	full string          // the most a total can be, the score axis's end
}

// ScoreChart draws the unit's total over the years over its bands; nil for
// a unit not ranked that year.
func (u *UnitPage) ScoreChart() *Chart {
	if u.charts == nil {
		return nil
	}
	return u.charts.b.scoreChart(u.charts.y, u, u.charts.full)
}

// RankChart draws the unit's rank over the years; nil for a unit not ranked.
func (u *UnitPage) RankChart() *Chart {
	if u.charts == nil {
		return nil
	}
	return u.charts.b.rankChart(u.charts.y, u)
}

// ComponentsChart sets the unit's scores beside its group's average; nil
// for a unit not ranked.
func (u *UnitPage) ComponentsChart() *Chart {
	if u.charts == nil {
		return nil
	}
	return u.charts.b.componentsChart(u.charts.y, u, u.charts.avg)
}

// withData keeps the charts that have something to show: a chart with no
// ranked unit has no summary either.
func withData(cs ...*Chart) []*Chart {
	var out []*Chart
	for _, c := range cs {
		if c.Summary.Key != "" {
			out = append(out, c)
		}
	}
	return out
}

// bandsChart stacks the units of each band over the years.
func (b *builder) bandsChart(page string, years []*Year) *Chart {
	c := &Chart{ID: chartID(page, "bands"), Kind: ChartBar, Stack: true, Title: Say("chart_bands"),
		XName: Say("year"), YName: Say("count"), Table: &Table{Head: []Phrase{Say("year")}}}
	for _, band := range b.s.Bands {
		c.Series = append(c.Series, Series{Name: Lit(band.Name), Color: bandColor(band)})
		c.Table.Head = append(c.Table.Head, Lit(band.Name))
	}
	for _, y := range years {
		year := itoa(y.Year)
		c.X = append(c.X, year)
		row := TableRow{Head: year}
		for i, bc := range y.BandCounts {
			c.Series[i].Values = append(c.Series[i].Values, itoa(bc.Count))
			row.Cells = append(row.Cells, itoa(bc.Count))
		}
		c.Table.Rows = append(c.Table.Rows, row)
	}
	c.Summary = b.bandsSummary(years[len(years)-1])
	return c
}

// yearBandsChart is one year's units per band: a bar per band, each its
// own series so that each has its colour, pattern and legend entry.
func (b *builder) yearBandsChart(y *Year) *Chart {
	c := &Chart{ID: chartID(y.Path, "bands"), Kind: ChartBar, Stack: true, Title: Say("chart_bands_year", itoa(y.Year)),
		XName: Say("band"), YName: Say("count"), Table: &Table{Head: []Phrase{Say("band"), Say("count")}}}
	for i, bc := range y.BandCounts {
		c.X = append(c.X, bc.Band.Name)
		s := Series{Name: Lit(bc.Band.Name), Color: bandColor(bc.Band), Values: make([]string, len(y.BandCounts))}
		s.Values[i] = itoa(bc.Count)
		c.Series = append(c.Series, s)
		c.Table.Rows = append(c.Table.Rows, TableRow{Head: bc.Band.Name, Cells: []string{itoa(bc.Count)}})
	}
	c.Summary = b.bandsSummary(y)
	return c
}

// bandsSummary says how many units the best band has in y, against the year before.
func (b *builder) bandsSummary(y *Year) Phrase {
	if len(y.BandCounts) == 0 {
		return Phrase{}
	}
	best := y.BandCounts[0]
	has, d := false, 0
	if y.Prev != nil && y.Prev.Year == y.Year-1 && len(y.Prev.BandCounts) > 0 {
		has, d = true, best.Count-y.Prev.BandCounts[0].Count
	}
	return Say("sum_bands", itoa(y.Year), best.Band.Name, itoa(best.Count), change("count", has, itoa(abs(d)), d))
}

// totals lists the ranked units' totals of a ranking.
func totals(r *Ranking) []record.Points {
	out := make([]record.Points, len(r.Rows))
	for i, row := range r.Rows {
		out[i] = row.points
	}
	return out
}

// boxChart draws each group's distribution of totals per year: one box
// series per group over the years (one year on a year's page).
func (b *builder) boxChart(page string, years []*Year) *Chart {
	title := Say("chart_distribution")
	if len(years) == 1 {
		title = Say("chart_distribution_year", itoa(years[0].Year))
	}
	c := &Chart{ID: chartID(page, "distribution"), Kind: ChartBox, Title: title, XName: Say("year"), YName: Say("total"),
		Table: &Table{Head: []Phrase{Say("year"), Say("group"), Say("count"), Say("min"), Say("q1"), Say("median"), Say("q3"), Say("max")}, TextCells: 1}}
	for gi, g := range b.s.Groups {
		c.Series = append(c.Series, Series{Name: Lit(g.Name), Color: seriesColor(gi)})
	}
	var lo record.Points // the lowest total shown, for the axis
	first := true
	// The last year's medians per group and all its totals, for the summary.
	medians := make([]record.Points, len(b.s.Groups))
	var all []record.Points
	for yi, y := range years {
		c.X = append(c.X, itoa(y.Year))
		for gi := range b.s.Groups {
			var box []string
			medians[gi] = -1
			if gi < len(y.Rankings) {
				ts := totals(y.Rankings[gi])
				if yi == len(years)-1 {
					all = append(all, ts...)
				}
				if f, ok := record.Quartiles(ts); ok {
					medians[gi] = f[2]
					row := TableRow{Head: itoa(y.Year), Cells: []string{b.s.Groups[gi].Name, itoa(len(ts))}}
					for _, p := range f {
						box = append(box, p.String())
					}
					row.Cells = append(row.Cells, box...)
					c.Table.Rows = append(c.Table.Rows, row)
					if first || f[0] < lo {
						lo = f[0]
					}
					first = false
				}
			}
			c.Series[gi].Boxes = append(c.Series[gi].Boxes, box)
		}
	}
	if !first {
		c.YMin = axisFloor([]record.Points{lo})
	}
	// The summary: the last year's highest median, and its range over all groups.
	best, bestMedian := "", record.Points(0)
	for gi, m := range medians {
		if m >= 0 && (best == "" || m > bestMedian) {
			best, bestMedian = b.s.Groups[gi].Name, m
		}
	}
	if len(all) > 0 {
		c.Summary = Say("sum_distribution", itoa(years[len(years)-1].Year), best, bestMedian.String(), slices.Max(all).String(), slices.Min(all).String())
	}
	return c
}

// averagesChart draws each group's mean total over the years.
func (b *builder) averagesChart(page string, years []*Year) *Chart {
	c := &Chart{ID: chartID(page, "averages"), Kind: ChartLine, Title: Say("chart_averages"), XName: Say("year"), YName: Say("average"),
		Table: &Table{Head: []Phrase{Say("year")}}}
	for gi, g := range b.s.Groups {
		c.Series = append(c.Series, Series{Name: Lit(g.Name), Color: seriesColor(gi)})
		c.Table.Head = append(c.Table.Head, Lit(g.Name))
	}
	means := make([][]record.Points, len(years)) // [year][group], -1 for none
	for yi, y := range years {
		c.X = append(c.X, itoa(y.Year))
		row := TableRow{Head: itoa(y.Year)}
		for gi := range b.s.Groups {
			v := ""
			m := record.Points(-1)
			if gi < len(y.Rankings) {
				if ts := totals(y.Rankings[gi]); len(ts) > 0 {
					m = record.Mean(ts...)
					v = m.String()
				}
			}
			means[yi] = append(means[yi], m)
			c.Series[gi].Values = append(c.Series[gi].Values, v)
			row.Cells = append(row.Cells, v)
		}
		c.Table.Rows = append(c.Table.Rows, row)
	}
	var all []record.Points
	for _, ms := range means {
		for _, m := range ms {
			if m >= 0 {
				all = append(all, m)
			}
		}
	}
	if len(all) > 0 {
		c.YMin = axisFloor(all)
	}
	// The summary: the best group's mean in the last year, against the year before.
	last := len(years) - 1
	best := -1
	for gi, m := range means[last] {
		if m >= 0 && (best < 0 || m > means[last][best]) {
			best = gi
		}
	}
	if best >= 0 {
		m := means[last][best]
		has, d := last > 0 && years[last-1].Year == years[last].Year-1 && means[last-1][best] >= 0, record.Points(0)
		if has {
			d = m - means[last-1][best]
		}
		c.Summary = Say("sum_averages", itoa(years[last].Year), b.s.Groups[best].Name, m.String(),
			change("points", has, absPoints(d).String(), sign(int64(d))))
	}
	return c
}

// totalsChart draws a ranking's totals in rank order, each bar in its
// band's colour: one series per band, stacked so that each unit has one bar.
func (b *builder) totalsChart(y *Year, r *Ranking) *Chart {
	c := &Chart{ID: chartID(r.Path, "totals"), Kind: ChartBar, Stack: true, TableID: "ranking-table",
		Title: Say("chart_totals", itoa(y.Year), r.Group.Name), XName: Say("unit"), YName: Say("total")}
	index := map[string]int{}
	for _, band := range b.s.Bands {
		index[band.ID] = len(c.Series)
		c.Series = append(c.Series, Series{Name: Lit(band.Name), Color: bandColor(band), Values: make([]string, len(r.Rows))})
	}
	counts := make([]int, len(b.s.Bands))
	for i, row := range r.Rows {
		c.X = append(c.X, row.Unit.Name)
		bi := index[row.Band.ID]
		c.Series[bi].Values[i] = row.Total
		counts[bi]++
	}
	ts := totals(r)
	if len(ts) > 0 {
		c.YMin = axisFloor(ts)
	}
	var list []Phrase
	for i, band := range b.s.Bands {
		if counts[i] > 0 {
			list = append(list, Say("band_count", band.Name, itoa(counts[i])))
		}
	}
	if len(r.Rows) > 0 {
		top := r.Rows[0]
		c.Summary = Say("sum_totals", itoa(y.Year), r.Group.Name, itoa(len(r.Rows)), top.Unit.Name, top.Total, Phrase{List: list})
	}
	return c
}

// axisFloor is a round value axis start below the lowest total, so that
// differences of a point show; the axis says where it starts.
func axisFloor(ts []record.Points) string {
	lo := ts[0]
	for _, t := range ts {
		lo = min(lo, t)
	}
	ten := record.Whole(10)
	f := (lo - record.Whole(5)) / ten * ten
	return itoa(int(max(f, 0) / record.Scale))
}

// ownHistory is a unit's own ranked years, without its predecessors', from
// its first to its last: a year between without a total is a row with no
// Total, so that a chart shows the gap rather than join across it.
func (b *builder) ownHistory(u *UnitPage) []HistoryRow {
	own := map[int]HistoryRow{}
	for _, h := range u.History {
		if !h.Predecessor && h.Total != "" {
			own[h.Year] = h
		}
	}
	var out []HistoryRow
	for _, y := range b.s.Years {
		h, ok := own[y.Year]
		if !ok {
			h = HistoryRow{Year: y.Year}
		}
		if ok || len(out) > 0 {
			out = append(out, h)
		}
	}
	for len(out) > 0 && out[len(out)-1].Total == "" {
		out = out[:len(out)-1]
	}
	return out
}

// yearBefore is the row of the year before year, if the unit had a total then.
func yearBefore(hist []HistoryRow, year int) (HistoryRow, bool) {
	for _, h := range hist {
		if h.Year == year-1 && h.Total != "" {
			return h, true
		}
	}
	return HistoryRow{}, false
}

// totalFull is the most a total can be, the sum of its components' full
// points; "" when one of them has none.
func (b *builder) totalFull() string {
	sum, ok := b.full(b.scheme.Total, false, 0)
	if !ok {
		return ""
	}
	return strings.TrimSuffix(sum.String(), ".00")
}

// full is the sum of the full points of the components ids, or their mean;
// a mean or a sum of parts has its parts' (ok is false where one has none).
func (b *builder) full(ids []string, mean bool, depth int) (record.Points, bool) {
	var sum record.Points
	for _, id := range ids {
		comp, _ := b.scheme.Component(id)
		f := comp.Full
		if f <= 0 && depth < 8 && (comp.Kind == config.KindMean || comp.Kind == config.KindSum) {
			f, _ = b.full(comp.Of, comp.Kind == config.KindMean, depth+1)
		}
		if f <= 0 {
			return 0, false
		}
		sum += f
	}
	if mean && len(ids) > 0 {
		return sum.MulDiv(1, int64(len(ids))), true
	}
	return sum, len(ids) > 0
}

// scoreChart draws a unit's total over the years over its bands.
func (b *builder) scoreChart(y *Year, u *UnitPage, full string) *Chart {
	c := &Chart{ID: chartID(u.Path, "score"), Kind: ChartLine, TableID: "history-table", Title: Say("chart_score"),
		XName: Say("year"), YName: Say("total"), YMax: full}
	s := Series{Name: Lit(u.Unit.Name), Color: "var(--series-1)"}
	hist := b.ownHistory(u)
	var ts []record.Points
	var cur record.Points
	for _, h := range hist {
		c.X = append(c.X, itoa(h.Year))
		s.Values = append(s.Values, h.Total)
		if h.Total != "" {
			ts = append(ts, h.points)
		}
		if h.Year == y.Year {
			cur = h.points
		}
	}
	c.Series = []Series{s}
	top := ""
	if len(ts) > 0 {
		c.YMin = axisFloor(ts)
		top = slices.Max(ts).String()
	}
	if c.YMax != "" {
		top = c.YMax
	}
	// The bands behind the line, clipped to the axis: a band below its
	// start is left out.
	lo, _ := record.ParsePoints(c.YMin)
	for _, band := range b.s.Bands {
		from, to := band.Min, band.Upper
		if to == "" {
			to = top
		}
		if f, err := record.ParsePoints(from); from == "" || err != nil || f < lo {
			from = c.YMin
		}
		if t, err := record.ParsePoints(to); err != nil || t <= lo {
			continue
		}
		c.Areas = append(c.Areas, Area{Name: band.Name, From: from, To: to, Color: bandColor(band)})
	}
	has, d, dir := false, "", 0
	if prev, ok := yearBefore(hist, y.Year); ok {
		has, d, dir = true, absPoints(cur-prev.points).String(), sign(int64(cur-prev.points))
	}
	c.Summary = Say("sum_score", itoa(y.Year), u.Total, u.Band.Name, change("points", has, d, dir))
	return c
}

// rankChart draws a unit's rank over the years, 1 on top.
func (b *builder) rankChart(y *Year, u *UnitPage) *Chart {
	c := &Chart{ID: chartID(u.Path, "rank"), Kind: ChartLine, TableID: "history-table", Title: Say("chart_rank"),
		XName: Say("year"), YName: Say("rank"), YMin: "1", YInverse: true}
	s := Series{Name: Lit(u.Unit.Name), Color: "var(--series-1)"}
	size := 1
	hist := b.ownHistory(u)
	for _, h := range hist {
		c.X = append(c.X, itoa(h.Year))
		rank := ""
		if h.Total != "" {
			rank = itoa(h.Rank)
		}
		s.Values = append(s.Values, rank)
		size = max(size, h.GroupSize)
	}
	c.Series = []Series{s}
	c.YMax = itoa(size)
	has, d := false, 0
	if prev, ok := yearBefore(hist, y.Year); ok {
		has, d = true, prev.Rank-u.Rank
	}
	c.Summary = Say("sum_rank", itoa(y.Year), u.Group.Name, itoa(u.GroupSize), itoa(u.Rank), change("rank", has, itoa(abs(d)), d))
	return c
}

// groupAverages is, per ranking group, the mean of each component over the
// group's ranked units in year; -1 where no unit has the component.
func (b *builder) groupAverages(year int) map[string][]record.Points {
	res := b.results[year]
	sums := map[string][][]record.Points{}
	for i := range res.Units {
		u := &res.Units[i]
		if !u.HasTotal || u.Group == "" {
			continue
		}
		if sums[u.Group] == nil {
			sums[u.Group] = make([][]record.Points, len(b.scheme.Components))
		}
		for ci, s := range u.Scores {
			if s.Has {
				sums[u.Group][ci] = append(sums[u.Group][ci], s.Value)
			}
		}
	}
	out := map[string][]record.Points{}
	for g, per := range sums {
		for _, ps := range per {
			m := record.Points(-1)
			if len(ps) > 0 {
				m = record.Mean(ps...)
			}
			out[g] = append(out[g], m)
		}
	}
	return out
}

// componentsChart sets a unit's scores in the total's components beside
// its group's average that year.
func (b *builder) componentsChart(y *Year, u *UnitPage, avg []record.Points) *Chart {
	c := &Chart{ID: chartID(u.Path, "components"), Kind: ChartBar, Title: Say("chart_components", itoa(y.Year)),
		XName: Say("component"), YName: Say("score"),
		Table: &Table{Head: []Phrase{Say("component"), Lit(u.Unit.Name), Say("group_average", u.Group.Name)}}}
	own := Series{Name: Lit(u.Unit.Name), Color: seriesColor(0)}
	group := Series{Name: Say("group_average", u.Group.Name), Color: seriesColor(1)}
	res := b.results[y.Year].Unit(u.Unit.Code)
	above, n := 0, 0
	for _, ci := range b.order {
		comp := b.scheme.Components[ci]
		if comp.Part != "" || !slices.Contains(b.scheme.Total, comp.ID) || res == nil || !res.Scores[ci].Has {
			continue
		}
		v, a := res.Scores[ci].Value, ""
		if avg != nil && avg[ci] >= 0 {
			a = avg[ci].String()
			n++
			if v > avg[ci] {
				above++
			}
		}
		c.X = append(c.X, comp.Name)
		own.Values = append(own.Values, v.String())
		group.Values = append(group.Values, a)
		c.Table.Rows = append(c.Table.Rows, TableRow{Head: comp.Name, Cells: []string{v.String(), a}})
	}
	c.Series = []Series{own, group}
	c.Summary = Say("sum_components", u.Group.Name, itoa(n), itoa(above))
	return c
}

func abs(i int) int {
	if i < 0 {
		return -i
	}
	return i
}

func absPoints(p record.Points) record.Points {
	if p < 0 {
		return -p
	}
	return p
}

func sign(i int64) int {
	switch {
	case i > 0:
		return 1
	case i < 0:
		return -1
	}
	return 0
}
