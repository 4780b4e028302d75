package view

import (
	"dutyreport/generator/record"
	"dutyreport/generator/scoring"
)

// unitCharts is what a unit page's charts are made from when the page is
// rendered (see UnitPage.charts): view data only, most of it shared.
type unitCharts struct {
	shared *unitChartsShared
	year   int // the page's year
	// avg is the unit's group's average per scheme component that year,
	// formatted, "" where none; one slice for the group's units.
	avg []string
	// compared counts the unit's components set beside an average, above
	// those it scored more in (scoring.AboveAverage).
	compared, above int
}

// unitChartsShared is what every unit page's charts share.
type unitChartsShared struct {
	years []int // the audience's years, for the gaps in a unit's history
	bands []chartBand
	// full is the most a total can be (scoring.TotalFull), where the score
	// axis ends; "" when it cannot be told.
	full       string
	fullPoints record.Points
	// charted marks, by scheme component, the components a unit is set
	// beside its group's average in (scoring.TotalComponents).
	charted []bool
}

// chartBand is a band with its bounds as points, to clip it to an axis.
type chartBand struct {
	Band
	min, upper *record.Points // Band.Min and Band.Upper; nil for none
}

// unitChartsShared gathers what every unit page's charts share.
func (b *builder) unitChartsShared() *unitChartsShared {
	sh := &unitChartsShared{charted: make([]bool, len(b.scheme.Components))}
	for _, y := range b.s.Years {
		sh.years = append(sh.years, y.Year)
	}
	for i, band := range b.s.Bands {
		cb := chartBand{Band: band}
		if i < len(b.scheme.Bands) {
			cb.min = b.scheme.Bands[i].Min
			if i > 0 {
				cb.upper = b.scheme.Bands[i-1].Min
			}
		}
		sh.bands = append(sh.bands, cb)
	}
	if full, ok := scoring.TotalFull(b.scheme); ok {
		sh.full, sh.fullPoints = whole(full), full
	}
	for _, ci := range scoring.TotalComponents(b.scheme) {
		sh.charted[ci] = true
	}
	return sh
}

// averageTexts formats a group's averages, "" where it has none.
func averageTexts(avg []scoring.Average) []string {
	out := make([]string, len(avg))
	for i, a := range avg {
		if a.Has {
			out[i] = a.Value.String()
		}
	}
	return out
}

// ScoreChart draws the unit's total over the years over its bands; nil for
// a unit not ranked that year.
func (u *UnitPage) ScoreChart() *Chart {
	if u.charts == nil {
		return nil
	}
	return scoreChart(u, u.charts)
}

// RankChart draws the unit's rank over the years; nil for a unit not ranked.
func (u *UnitPage) RankChart() *Chart {
	if u.charts == nil {
		return nil
	}
	return rankChart(u, u.charts)
}

// ComponentsChart sets the unit's scores beside its group's average; nil
// for a unit not ranked.
func (u *UnitPage) ComponentsChart() *Chart {
	if u.charts == nil {
		return nil
	}
	return componentsChart(u, u.charts)
}

// ownHistory is a unit's own ranked years, without its predecessors', from
// its first to its last of years: a year between without a total is a row
// with no Total, so that a chart shows the gap rather than join across it.
func ownHistory(years []int, history []HistoryRow) []HistoryRow {
	own := map[int]HistoryRow{}
	for _, h := range history {
		if !h.Predecessor && h.Total != "" {
			own[h.Year] = h
		}
	}
	var out []HistoryRow
	for _, y := range years {
		h, ok := own[y]
		if !ok {
			h = HistoryRow{Year: y}
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

// scoreChart draws a unit's total over the years over its bands.
func scoreChart(u *UnitPage, uc *unitCharts) *Chart {
	sh := uc.shared
	c := &Chart{ID: chartID(u.Path, "score"), Kind: ChartLine, TableID: "history-table", Title: Say("chart_score"),
		XName: Say("year"), YName: Say("total"), YMax: sh.full}
	s := Series{Name: Lit(u.Unit.Name), Color: "var(--series-1)"}
	hist := ownHistory(sh.years, u.History)
	var ts []record.Points
	var cur record.Points
	for _, h := range hist {
		c.X = append(c.X, itoa(h.Year))
		s.Values = append(s.Values, h.Total)
		if h.Total != "" {
			ts = append(ts, h.points)
		}
		if h.Year == uc.year {
			cur = h.points
		}
	}
	c.Series = []Series{s}
	// The axis runs from a round value under the unit's totals (lo) to the
	// most a total can be, or else to its highest total (top).
	var lo, top record.Points
	topText := ""
	if len(ts) > 0 {
		lo = scoring.AxisFloor(ts...)
		c.YMin = whole(lo)
		top = scoring.Highest(ts...)
		topText = top.String()
	}
	if c.YMax != "" {
		top, topText = sh.fullPoints, c.YMax
	}
	c.Areas = bandAreas(sh.bands, c.YMin, lo, topText, top)
	has, ch := false, scoring.Change[record.Points]{}
	if prev, ok := yearBefore(hist, uc.year); ok {
		has, ch = true, scoring.Since(cur, prev.points)
	}
	c.Summary = Say("sum_score", itoa(uc.year), u.Total, u.Band.Name, change("points", has, ch.Size().String(), ch.Sign()))
	return c
}

// bandAreas are the bands behind a line of totals, clipped to its axis
// from lo (written from) to top (written topText, "" for no top): a band
// that starts below the axis starts at it, and a band wholly below the
// axis start is left out.
func bandAreas(bands []chartBand, from string, lo record.Points, topText string, top record.Points) []Area {
	var out []Area
	for _, band := range bands {
		start := band.Min
		if band.min == nil || *band.min < lo {
			start = from
		}
		end, endPoints := band.Upper, top
		if band.upper != nil {
			endPoints = *band.upper
		} else {
			end = topText
		}
		if end == "" || endPoints <= lo {
			continue
		}
		out = append(out, Area{Name: band.Name, From: start, To: end, Color: bandColor(band.Band)})
	}
	return out
}

// rankChart draws a unit's rank over the years, 1 on top.
func rankChart(u *UnitPage, uc *unitCharts) *Chart {
	c := &Chart{ID: chartID(u.Path, "rank"), Kind: ChartLine, TableID: "history-table", Title: Say("chart_rank"),
		XName: Say("year"), YName: Say("rank"), YMin: "1", YInverse: true}
	s := Series{Name: Lit(u.Unit.Name), Color: "var(--series-1)"}
	hist := ownHistory(uc.shared.years, u.History)
	sizes := make([]int, 0, len(hist))
	for _, h := range hist {
		c.X = append(c.X, itoa(h.Year))
		rank := ""
		if h.Total != "" {
			rank = itoa(h.Rank)
		}
		s.Values = append(s.Values, rank)
		sizes = append(sizes, h.GroupSize)
	}
	c.Series = []Series{s}
	c.YMax = itoa(scoring.RankAxis(sizes...))
	has, ch := false, scoring.Change[int]{}
	if prev, ok := yearBefore(hist, uc.year); ok {
		has, ch = true, scoring.RankChange(u.Rank, prev.Rank)
	}
	c.Summary = Say("sum_rank", itoa(uc.year), u.Group.Name, itoa(u.GroupSize), itoa(u.Rank), change("rank", has, itoa(ch.Size()), ch.Sign()))
	return c
}

// componentsChart sets a unit's scores in the total's components beside
// its group's average that year.
func componentsChart(u *UnitPage, uc *unitCharts) *Chart {
	c := &Chart{ID: chartID(u.Path, "components"), Kind: ChartBar, Title: Say("chart_components", itoa(uc.year)),
		XName: Say("component"), YName: Say("score"),
		Table: &Table{Head: []Phrase{Say("component"), Lit(u.Unit.Name), Say("group_average", u.Group.Name)}}}
	own := Series{Name: Lit(u.Unit.Name), Color: seriesColor(0)}
	group := Series{Name: Say("group_average", u.Group.Name), Color: seriesColor(1)}
	for _, l := range u.Scores { // in display order, the components the unit has
		if l.comp >= len(uc.shared.charted) || !uc.shared.charted[l.comp] {
			continue
		}
		a := ""
		if l.comp < len(uc.avg) {
			a = uc.avg[l.comp]
		}
		c.X = append(c.X, l.Name)
		own.Values = append(own.Values, l.Value)
		group.Values = append(group.Values, a)
		c.Table.Rows = append(c.Table.Rows, TableRow{Head: l.Name, Cells: []string{l.Value, a}})
	}
	c.Series = []Series{own, group}
	c.Summary = Say("sum_components", u.Group.Name, itoa(uc.compared), itoa(uc.above))
	return c
}
