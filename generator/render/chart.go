package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"dutyreport/generator/view"
)

// ChartAssets is where the site's chart scripts are, under the theme's
// assets: ECharts itself, copied from the pinned npm package by the
// Makefile, and the small script that draws each page's charts.
const (
	EChartsAsset = "assets/vendor/echarts.min.js"
	ChartsAsset  = "assets/charts.js"
)

// symbols tell line series apart in grayscale, after their colour.
var symbols = []string{"circle", "rect", "triangle", "diamond"}

// ChartOptions is the ECharts option of c, built with go-echarts, as JSON
// that is safe inside a <script type="application/json"> element. go-echarts
// marshals maps with sorted keys and structs in field order, and numbers
// keep the view's text ("91.50"), so the bytes are the same on every build.
// Colours may be var(--band-1): charts.js takes them from the style sheet.
func (t *Theme) ChartOptions(c *view.Chart) (template.JS, error) {
	var base *charts.RectChart
	xs := make([]string, len(c.X))
	copy(xs, c.X)
	switch c.Kind {
	case view.ChartBar:
		bar := charts.NewBar()
		t.chartGlobals(&bar.RectChart, c)
		for _, s := range c.Series {
			data := make([]opts.BarData, len(s.Values))
			for i, v := range s.Values {
				data[i] = opts.BarData{Value: number(v)}
			}
			bar.AddSeries(t.say(s.Name), data, charts.WithSeriesOpts(func(ss *charts.SingleSeries) {
				if c.Stack {
					ss.Stack = "all"
				}
				ss.ItemStyle = &opts.ItemStyle{Color: s.Color}
			}))
		}
		bar.SetXAxis(xs)
		bar.Validate()
		base = &bar.RectChart
	case view.ChartLine:
		line := charts.NewLine()
		t.chartGlobals(&line.RectChart, c)
		for i, s := range c.Series {
			data := make([]opts.LineData, len(s.Values))
			for j, v := range s.Values {
				data[j] = opts.LineData{Value: number(v)}
			}
			line.AddSeries(t.say(s.Name), data, charts.WithSeriesOpts(func(ss *charts.SingleSeries) {
				ss.Symbol = symbols[i%len(symbols)]
				ss.SymbolSize = 9
				ss.ItemStyle = &opts.ItemStyle{Color: s.Color}
				ss.LineStyle = &opts.LineStyle{Color: s.Color, Width: 2, Type: []string{"solid", "dashed", "dotted", "solid"}[i%4]}
				if i == 0 && len(c.Areas) > 0 {
					ss.MarkAreas = markAreas(c.Areas)
				}
			}))
		}
		line.SetXAxis(xs)
		line.Validate()
		base = &line.RectChart
	case view.ChartBox:
		box := charts.NewBoxPlot()
		t.chartGlobals(&box.RectChart, c)
		for _, s := range c.Series {
			data := make([]opts.BoxPlotData, len(s.Boxes))
			for i, five := range s.Boxes {
				if len(five) == 0 {
					data[i] = opts.BoxPlotData{Value: "-"}
					continue
				}
				vals := make([]json.Number, len(five))
				for j, v := range five {
					vals[j] = json.Number(v)
				}
				data[i] = opts.BoxPlotData{Value: vals}
			}
			box.AddSeries(t.say(s.Name), data, charts.WithItemStyleOpts(opts.ItemStyle{Color: "var(--box-fill)", BorderColor: s.Color, BorderWidth: 2}))
		}
		box.SetXAxis(xs)
		box.Validate()
		base = &box.RectChart
	default:
		return "", fmt.Errorf("chart %s: no chart kind %q", c.ID, c.Kind)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf) // escapes <, > and &: nothing can end the script element
	// A value a line, keys sorted: a changed score shows in `git diff` of
	// two builds as its own short line.
	enc.SetIndent("", " ")
	if err := enc.Encode(base.JSON()); err != nil {
		return "", fmt.Errorf("chart %s: %v", c.ID, err)
	}
	return template.JS(bytes.TrimSpace(buf.Bytes())), nil
}

// chartGlobals sets what every chart shares: axes, legend, tooltip, and the
// accessibility options (decal patterns, so that bands differ in grayscale
// and for colour-blind readers; the summary as the chart's description).
// The chart id and asset host of go-echarts are set to the view's id and
// the site's own folder, though only the options are used: go-echarts'
// defaults are a random id and a CDN.
func (t *Theme) chartGlobals(base *charts.RectChart, c *view.Chart) {
	y := opts.YAxis{Name: t.say(c.YName), Type: "value", NameLocation: "end"}
	if c.YMin != "" {
		y.Min = json.Number(c.YMin)
	}
	if c.YMax != "" {
		y.Max = json.Number(c.YMax)
	}
	if c.YInverse {
		y.Inverse = opts.Bool(true)
		y.MinInterval = 1
	}
	base.SetGlobalOptions(
		charts.WithInitializationOpts(opts.Initialization{ChartID: c.ID, AssetsHost: "assets/vendor/", Renderer: "svg"}),
		charts.WithXAxisOpts(opts.XAxis{Name: t.say(c.XName), Type: "category", AxisLabel: &opts.AxisLabel{Interval: "0", Rotate: rotate(c)}}),
		charts.WithYAxisOpts(y),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(len(c.Series) > 1), Top: "0"}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithGridOpts(opts.Grid{Left: "3%", Right: "4%", Top: "48", Bottom: "3%", ContainLabel: opts.Bool(true)}),
		charts.WithColorsOpts(opts.Colors{"var(--series-1)", "var(--series-2)", "var(--series-3)", "var(--series-4)"}),
		charts.WithAriaOpts(&opts.Aria{Enabled: opts.Bool(true), Label: &opts.AriaLabel{Description: t.chartLabel(c)},
			Decal: &opts.AriaDecal{Show: opts.Bool(true)}}),
	)
}

// chartLabel is a chart's accessible name, the same on the page and in the
// options: its title, and its summary when it has one.
func (t *Theme) chartLabel(c *view.Chart) string {
	label := t.say(c.Title)
	if s := t.say(c.Summary); s != "" {
		label += t.String("chart_sep") + s
	}
	return label
}

// rotate turns long category labels (unit names in a ranking) sideways.
func rotate(c *view.Chart) float64 {
	if len(c.X) > 8 {
		return 45
	}
	return 0
}

// markAreas draws the band ranges behind a line, as ECharts' pairs of corners.
func markAreas(areas []view.Area) *opts.MarkAreas {
	type corner struct {
		Name      string          `json:"name,omitempty"`
		YAxis     json.Number     `json:"yAxis"`
		ItemStyle *opts.ItemStyle `json:"itemStyle,omitempty"`
	}
	m := &opts.MarkAreas{MarkAreaStyle: opts.MarkAreaStyle{Label: &opts.Label{Show: opts.Bool(true), Position: "insideRight"}}}
	for _, a := range areas {
		m.Data = append(m.Data, [2]corner{
			{Name: a.Name, YAxis: json.Number(a.From), ItemStyle: &opts.ItemStyle{Color: a.Color, Opacity: opts.Float(0.12)}},
			{YAxis: json.Number(a.To)},
		})
	}
	return m
}

// number is a value as an ECharts datum: the number as the view wrote it,
// or "-", ECharts' mark of no value.
func number(v string) any {
	if v == "" {
		return "-"
	}
	return json.Number(v)
}

// say renders a phrase in the theme's language; an unknown key shows as
// itself (the template func of the same name fails instead).
func (t *Theme) say(p view.Phrase) string {
	s, _ := t.sayErr(p)
	return s
}

// sayErr renders a phrase, failing on a UI string the theme lacks.
func (t *Theme) sayErr(p view.Phrase) (string, error) {
	if p.List != nil {
		parts := make([]string, len(p.List))
		for i, q := range p.List {
			s, err := t.sayErr(q)
			if err != nil {
				return "", err
			}
			parts[i] = s
		}
		return strings.Join(parts, t.String("list_sep")), nil
	}
	if p.Key == "" {
		if len(p.Args) == 0 {
			return "", nil
		}
		return fmt.Sprint(p.Args[0]), nil
	}
	format, err := t.lookup(p.Key)
	if err != nil {
		return p.Key, err
	}
	args := make([]any, len(p.Args))
	for i, a := range p.Args {
		if q, ok := a.(view.Phrase); ok {
			s, err := t.sayErr(q)
			if err != nil {
				return "", err
			}
			a = s
		}
		args[i] = a
	}
	return fmt.Sprintf(format, args...), nil
}
