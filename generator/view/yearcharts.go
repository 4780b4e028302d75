package view

import (
	"dutyreport/generator/record"
	"dutyreport/generator/scoring"
)

// The charts of the years: the landing page's over every year of the
// audience, a year page's over its year. Their numbers are the years'
// scoring.Figures (Year.figures) and band counts.

// bandsChart stacks the units of each band over the years.
func bandsChart(page string, bands []Band, years []*Year) *Chart {
	c := &Chart{ID: chartID(page, "bands"), Kind: ChartBar, Stack: true, Title: Say("chart_bands"),
		XName: Say("year"), YName: Say("count"), Table: &Table{Head: []Phrase{Say("year")}}}
	for _, band := range bands {
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
	c.Summary = bandsSummary(years[len(years)-1])
	return c
}

// yearBandsChart is one year's units per band: a bar per band, each its
// own series so that each has its colour, pattern and legend entry.
func yearBandsChart(y *Year) *Chart {
	c := &Chart{ID: chartID(y.Path, "bands"), Kind: ChartBar, Stack: true, Title: Say("chart_bands_year", itoa(y.Year)),
		XName: Say("band"), YName: Say("count"), Table: &Table{Head: []Phrase{Say("band"), Say("count")}}}
	for i, bc := range y.BandCounts {
		c.X = append(c.X, bc.Band.Name)
		s := Series{Name: Lit(bc.Band.Name), Color: bandColor(bc.Band), Values: make([]string, len(y.BandCounts))}
		s.Values[i] = itoa(bc.Count)
		c.Series = append(c.Series, s)
		c.Table.Rows = append(c.Table.Rows, TableRow{Head: bc.Band.Name, Cells: []string{itoa(bc.Count)}})
	}
	c.Summary = bandsSummary(y)
	return c
}

// bandsSummary says how many units the best band has in y, against the year before.
func bandsSummary(y *Year) Phrase {
	if len(y.BandCounts) == 0 {
		return Phrase{}
	}
	best := y.BandCounts[0]
	has, ch := false, scoring.Change[int]{}
	if y.Prev != nil && y.Prev.Year == y.Year-1 && len(y.Prev.BandCounts) > 0 {
		has, ch = true, scoring.Since(best.Count, y.Prev.BandCounts[0].Count)
	}
	return Say("sum_bands", itoa(y.Year), best.Band.Name, itoa(best.Count), change("count", has, itoa(ch.Size()), ch.Sign()))
}

// boxChart draws each group's distribution of totals per year: one box
// series per group over the years (one year on a year's page).
func boxChart(page string, groups []Group, years []*Year) *Chart {
	title := Say("chart_distribution")
	if len(years) == 1 {
		title = Say("chart_distribution_year", itoa(years[0].Year))
	}
	c := &Chart{ID: chartID(page, "distribution"), Kind: ChartBox, Title: title, XName: Say("year"), YName: Say("total"),
		Table: &Table{Head: []Phrase{Say("year"), Say("group"), Say("count"), Say("min"), Say("q1"), Say("median"), Say("q3"), Say("max")}, TextCells: 1}}
	for gi, g := range groups {
		c.Series = append(c.Series, Series{Name: Lit(g.Name), Color: seriesColor(gi)})
	}
	var lows []record.Points // each box's lowest total, for the axis
	for _, y := range years {
		c.X = append(c.X, itoa(y.Year))
		for gi, g := range groups {
			var box []string
			if gf, ok := groupFigures(y, gi); ok && gf.Ranked > 0 {
				for _, p := range gf.Box {
					box = append(box, p.String())
				}
				c.Table.Rows = append(c.Table.Rows, TableRow{Head: itoa(y.Year), Cells: append([]string{g.Name, itoa(gf.Ranked)}, box...)})
				lows = append(lows, gf.Box[0])
			}
			c.Series[gi].Boxes = append(c.Series[gi].Boxes, box)
		}
	}
	if len(lows) > 0 {
		c.YMin = whole(scoring.AxisFloor(lows...))
	}
	// The summary: the last year's highest median, and the range of its
	// totals over all groups.
	last := years[len(years)-1]
	if f := last.figures; f.Ranked > 0 {
		if best := f.Best(scoring.GroupFigures.Median); best >= 0 && best < len(groups) {
			c.Summary = Say("sum_distribution", itoa(last.Year), groups[best].Name, f.Groups[best].Median().String(), f.High.String(), f.Low.String())
		}
	}
	return c
}

// averagesChart draws each group's mean total over the years.
func averagesChart(page string, groups []Group, years []*Year) *Chart {
	c := &Chart{ID: chartID(page, "averages"), Kind: ChartLine, Title: Say("chart_averages"), XName: Say("year"), YName: Say("average"),
		Table: &Table{Head: []Phrase{Say("year")}}}
	for gi, g := range groups {
		c.Series = append(c.Series, Series{Name: Lit(g.Name), Color: seriesColor(gi)})
		c.Table.Head = append(c.Table.Head, Lit(g.Name))
	}
	var means []record.Points // every mean shown, for the axis
	for _, y := range years {
		c.X = append(c.X, itoa(y.Year))
		row := TableRow{Head: itoa(y.Year)}
		for gi := range groups {
			v := ""
			if gf, ok := groupFigures(y, gi); ok && gf.Ranked > 0 {
				v = gf.Mean.String()
				means = append(means, gf.Mean)
			}
			c.Series[gi].Values = append(c.Series[gi].Values, v)
			row.Cells = append(row.Cells, v)
		}
		c.Table.Rows = append(c.Table.Rows, row)
	}
	if len(means) > 0 {
		c.YMin = whole(scoring.AxisFloor(means...))
	}
	// The summary: the best group's mean in the last year, against the year before.
	li := len(years) - 1
	last := years[li]
	best := last.figures.Best(func(g scoring.GroupFigures) record.Points { return g.Mean })
	if best < 0 || best >= len(groups) {
		return c
	}
	m := last.figures.Groups[best].Mean
	has, ch := false, scoring.Change[record.Points]{}
	if li > 0 && years[li-1].Year == last.Year-1 {
		if prev, ok := groupFigures(years[li-1], best); ok && prev.Ranked > 0 {
			has, ch = true, scoring.Since(m, prev.Mean)
		}
	}
	c.Summary = Say("sum_averages", itoa(last.Year), groups[best].Name, m.String(), change("points", has, ch.Size().String(), ch.Sign()))
	return c
}

// groupFigures are the figures of the gi-th ranking group in year y.
func groupFigures(y *Year, gi int) (scoring.GroupFigures, bool) {
	if gi >= len(y.figures.Groups) {
		return scoring.GroupFigures{}, false
	}
	return y.figures.Groups[gi], true
}

// histogramChart counts each group's units of year y by their total, in
// bands of five points: what a reader takes in at a glance, where the
// quartiles of a box plot need explaining. The public pages show it in
// place of boxChart; the numbers are in its table.
func histogramChart(page string, groups []Group, y *Year) *Chart {
	c := &Chart{ID: chartID(page, "histogram"), Kind: ChartBar, Title: Say("chart_histogram", itoa(y.Year)),
		XName: Say("total_range"), YName: Say("count"), Table: &Table{Head: []Phrase{Say("total_range")}}}
	lo := 100
	for _, r := range y.Rankings {
		for _, row := range r.Rows {
			lo = min(lo, int(row.points/record.Scale))
		}
	}
	lo -= lo % 5
	bins := (100 - lo) / 5 // [lo, lo+5), …, [95, 100]
	if bins < 1 {
		bins = 1
	}
	counts := make([][]int, len(groups))
	for gi, g := range groups {
		c.Series = append(c.Series, Series{Name: Lit(g.Name), Color: seriesColor(gi)})
		c.Table.Head = append(c.Table.Head, Lit(g.Name))
		counts[gi] = make([]int, bins)
		for _, r := range y.Rankings {
			if r.Group.ID != g.ID {
				continue
			}
			for _, row := range r.Rows {
				i := min((int(row.points/record.Scale)-lo)/5, bins-1)
				counts[gi][max(i, 0)]++
			}
		}
	}
	best, bestN := 0, -1
	for i := range bins {
		label := itoa(lo+5*i) + "–" + itoa(lo+5*i+5)
		c.X = append(c.X, label)
		row := TableRow{Head: label}
		n := 0
		for gi := range groups {
			c.Series[gi].Values = append(c.Series[gi].Values, itoa(counts[gi][i]))
			row.Cells = append(row.Cells, itoa(counts[gi][i]))
			n += counts[gi][i]
		}
		if n >= bestN { // of two bins as full, the higher
			best, bestN = i, n
		}
		c.Table.Rows = append(c.Table.Rows, row)
	}
	c.Summary = Say("sum_histogram", itoa(y.Year), itoa(bestN), c.X[best])
	return c
}
