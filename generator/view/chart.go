package view

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"

	"dutyreport/generator/record"
	"dutyreport/generator/scoring"
)

// Chart is one chart as the view gives it: its numbers and words, taken
// from the audience's model and so already masked. The theme draws it with
// ECharts where scripts run, and shows Table (or the page's table TableID
// names) to every reader, with scripts or without, on screen and on paper.
//
// Its numbers are computed in scoring (scoring.Figures, GroupAverages,
// AxisFloor …); the chart only selects and formats them.
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

// charts makes every chart of the site once all years are built: the
// landing page's across the years, each year's and each ranking's now,
// and what each unit page's are made from when the page is rendered.
func (b *builder) charts() {
	s := b.s
	if len(s.Years) == 0 {
		return
	}
	// The public pages show how many units had which totals; the office's
	// dashboard the quartiles of each group, over the years.
	distribution := func(page string, years []*Year) *Chart {
		if s.Internal {
			return boxChart(page, s.Groups, years)
		}
		return histogramChart(page, s.Groups, years[len(years)-1])
	}
	s.Charts = withData(bandsChart("index.html", s.Bands, s.Years), distribution("index.html", s.Years), averagesChart("index.html", s.Groups, s.Years))
	shared := b.unitChartsShared()
	for _, y := range s.Years {
		y.Charts = withData(yearBandsChart(y), distribution(y.Path, []*Year{y}))
		for gi, r := range y.Rankings {
			if len(r.Rows) > 0 && gi < len(y.figures.Groups) {
				r.Chart = totalsChart(s.Bands, y, r, y.figures.Groups[gi])
			}
		}
		res := b.results[y.Year]
		avg := scoring.GroupAverages(res)
		texts := make(map[string][]string, len(avg))
		for g, a := range avg {
			texts[g] = averageTexts(a)
		}
		for _, u := range y.Units {
			if u.Ranked && u.Group.ID != "" {
				compared, above := scoring.AboveAverage(b.scheme, res.Unit(u.Unit.Code), avg[u.Group.ID])
				u.charts = &unitCharts{shared: shared, year: y.Year, avg: texts[u.Group.ID], compared: compared, above: above}
			}
		}
	}
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

// whole formats points that are whole without their decimals, as an axis
// end is written: 70, 100; others as Points do (99.50).
func whole(p record.Points) string { return strings.TrimSuffix(p.String(), ".00") }

// totals lists the ranked units' totals of a ranking, in rank order.
func totals(r *Ranking) []record.Points {
	out := make([]record.Points, len(r.Rows))
	for i, row := range r.Rows {
		out[i] = row.points
	}
	return out
}
