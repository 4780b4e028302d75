package view

import "dutyreport/generator/scoring"

// totalsChart draws a ranking's totals in rank order, each bar in its
// band's colour: one series per band, stacked so that each unit has one
// bar. gf are the ranking's group's figures that year.
func totalsChart(bands []Band, y *Year, r *Ranking, gf scoring.GroupFigures) *Chart {
	c := &Chart{ID: chartID(r.Path, "totals"), Kind: ChartBar, Stack: true, TableID: "ranking-table",
		Title: Say("chart_totals", itoa(y.Year), r.Group.Name), XName: Say("unit"), YName: Say("total")}
	index := map[string]int{}
	for _, band := range bands {
		index[band.ID] = len(c.Series)
		c.Series = append(c.Series, Series{Name: Lit(band.Name), Color: bandColor(band), Values: make([]string, len(r.Rows))})
	}
	for i, row := range r.Rows {
		c.X = append(c.X, row.Unit.Name)
		c.Series[index[row.Band.ID]].Values[i] = row.Total
	}
	if len(r.Rows) > 0 {
		c.YMin = whole(scoring.AxisFloor(totals(r)...))
	}
	var list []Phrase
	for i, band := range bands {
		if i < len(gf.Bands) && gf.Bands[i] > 0 {
			list = append(list, Say("band_count", band.Name, itoa(gf.Bands[i])))
		}
	}
	if len(r.Rows) > 0 {
		top := r.Rows[0]
		c.Summary = Say("sum_totals", itoa(y.Year), r.Group.Name, itoa(gf.Ranked), top.Unit.Name, top.Total, Phrase{List: list})
	}
	return c
}
