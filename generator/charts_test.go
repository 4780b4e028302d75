package generator

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"dutyreport/generator/config"
	"dutyreport/generator/sitetest"
)

// figure is one chart as a page carries it.
type figure struct {
	id, title, summary string
	options            map[string]any
	table              bool // a table in the figure, or the page's table it names
}

var (
	figureRE  = regexp.MustCompile(`(?s)<figure class="chart".*?</figure>`)
	canvasRE  = regexp.MustCompile(`<div class="chart-canvas" id="([^"]+)" role="img" data-options="([^"]+)" hidden\s+aria-label="[^"]+">`)
	titleRE   = regexp.MustCompile(`<span class="chart-title"[^>]*>([^<]*)</span>\s+<span class="chart-summary">([^<]*)</span>`)
	optionsRE = regexp.MustCompile(`(?s)<script type="application/json" id="([^"]+)">(.*?)</script>`)
	dataRefRE = regexp.MustCompile(`<a class="chart-data" href="#([^"]+)">`)
)

func figures(t *testing.T, page string, html []byte) []figure {
	t.Helper()
	var out []figure
	for _, f := range figureRE.FindAll(html, -1) {
		c, ti, o := canvasRE.FindSubmatch(f), titleRE.FindSubmatch(f), optionsRE.FindSubmatch(f)
		if c == nil || ti == nil || o == nil {
			t.Errorf("%s: a chart lacks its canvas, caption or options:\n%.300s", page, f)
			continue
		}
		fig := figure{id: string(c[1]), title: string(ti[1]), summary: string(ti[2])}
		if string(c[2]) != string(o[1]) {
			t.Errorf("%s: chart %s points at options %s but carries %s", page, fig.id, c[2], o[1])
		}
		if err := json.Unmarshal(o[2], &fig.options); err != nil {
			t.Errorf("%s: chart %s: options are not JSON: %v", page, fig.id, err)
		}
		fig.table = strings.Contains(string(f), `<table class="chart-table">`)
		if ref := dataRefRE.FindSubmatch(f); ref != nil {
			fig.table = strings.Contains(string(html), `id="`+string(ref[1])+`"`)
		}
		out = append(out, fig)
	}
	return out
}

// Every kind of page with charts: ids derived from page and name, unique on
// the page; a title, a summary and a table for each; options that draw.
func TestChartsOnEveryKindOfPage(t *testing.T) {
	t.Parallel()
	site := exampleTree(t, config.Public)
	idRE := regexp.MustCompile(`^chart-[a-z]+-[0-9a-f]{8}$`)
	for page, want := range map[string][]string{
		"index.html":          {"bands", "histogram", "averages"},
		"2023/index.html":     {"bands", "histogram"},
		"2023/towns.html":     {"totals"},
		"2023/units/T01.html": {"components", "score", "rank"},
	} {
		figs := figures(t, page, site[page])
		var names []string
		seen := map[string]bool{}
		for _, f := range figs {
			if !idRE.MatchString(f.id) || seen[f.id] {
				t.Errorf("%s: chart id %q is not chart-<name>-<hash>, or not unique", page, f.id)
			}
			seen[f.id] = true
			names = append(names, strings.Split(f.id, "-")[1])
			if f.title == "" || f.summary == "" || !strings.HasSuffix(f.summary, "。") {
				t.Errorf("%s: chart %s lacks a title or a one-sentence summary: %q %q", page, f.id, f.title, f.summary)
			}
			if !f.table {
				t.Errorf("%s: chart %s has no table of its numbers", page, f.id)
			}
			series, _ := f.options["series"].([]any)
			xs, _ := f.options["xAxis"].([]any)
			if len(series) == 0 || len(xs) == 0 || xs[0].(map[string]any)["data"] == nil {
				t.Errorf("%s: chart %s has no series or no categories", page, f.id)
			}
		}
		if fmt.Sprint(names) != fmt.Sprint(want) {
			t.Errorf("%s: charts %v, want %v", page, names, want)
		}
		if !strings.Contains(string(site[page]), `src="`+strings.Repeat("../", strings.Count(page, "/"))+`assets/vendor/echarts.min.js"`) {
			t.Errorf("%s does not load the site's own copy of ECharts", page)
		}
	}
	// Pages without charts load no chart script.
	for _, page := range []string{"methodology.html", "units.html", "2023/notices/index.html"} {
		if strings.Contains(string(site[page]), "echarts") {
			t.Errorf("%s loads the chart library but has no chart", page)
		}
	}
}

// The summaries say what the exports say: counted again here from
// results.json, not taken from the chart.
func TestChartSummariesMatchTheExports(t *testing.T) {
	t.Parallel()
	site := exampleTree(t, config.Public)
	read := func(year int) []map[string]any {
		var e struct {
			Units []map[string]any `json:"units"`
		}
		if err := json.Unmarshal(site[fmt.Sprintf("%d/data/results.json", year)], &e); err != nil {
			t.Fatal(err)
		}
		return e.Units
	}
	best := func(year int) int {
		n := 0
		for _, u := range read(year) {
			if u["band"] == "优秀" {
				n++
			}
		}
		return n
	}
	now, before := best(2023), best(2022)
	change := "与上年持平"
	switch {
	case now > before:
		change = fmt.Sprintf("比上年增加%d个", now-before)
	case now < before:
		change = fmt.Sprintf("比上年减少%d个", before-now)
	}
	want := fmt.Sprintf("2023年优秀单位%d个，%s。", now, change)
	if figs := figures(t, "index.html", site["index.html"]); len(figs) == 0 || figs[0].summary != want {
		t.Errorf("landing bands summary: %v, want %q", figs, want)
	}

	// The histogram's fullest five points are the last year's, counted
	// from its totals (of two as full, the higher).
	var wholes []int
	for _, u := range read(2023) {
		if total, _ := u["total"].(string); total != "" {
			w, _ := strconv.Atoi(strings.Split(total, ".")[0])
			wholes = append(wholes, w)
		}
	}
	lo := slices.Min(wholes)
	lo -= lo % 5
	count := map[int]int{}
	for _, w := range wholes {
		count[min((w-lo)/5, (100-lo)/5-1)]++
	}
	fullest := 0
	for b := range (100 - lo) / 5 {
		if count[b] >= count[fullest] {
			fullest = b
		}
	}
	want = fmt.Sprintf("2023年总分在%d–%d分的单位最多，共%d个。", lo+5*fullest, lo+5*fullest+5, count[fullest])
	if figs := figures(t, "index.html", site["index.html"]); len(figs) < 2 || figs[1].summary != want {
		t.Errorf("landing histogram summary: %v, want %q", figs, want)
	}

	for _, u := range read(2023) {
		if u["code"] != "T01" {
			continue
		}
		var prevRank float64
		for _, p := range read(2022) {
			if p["code"] == "T01" {
				prevRank = p["rank"].(float64)
			}
		}
		rank, size := u["rank"].(float64), u["group_size"].(float64)
		move := "与上年持平"
		switch {
		case rank < prevRank:
			move = fmt.Sprintf("比上年上升%.0f名", prevRank-rank)
		case rank > prevRank:
			move = fmt.Sprintf("比上年下降%.0f名", rank-prevRank)
		}
		want := fmt.Sprintf("2023年在%s%.0f个单位中排第%.0f名，%s。", u["group"], size, rank, move)
		figs := figures(t, "2023/units/T01.html", site["2023/units/T01.html"])
		if len(figs) != 3 || figs[2].summary != want {
			t.Errorf("T01 rank summary: %v, want %q", figs, want)
		}
	}
}

// chartSite is worked by hand: 2022 is not in the site, so 2023 has no year
// before to compare with; the department group has no unit at all.
const chartSite = `
-- site.yaml --
title: 图表测试县
county: 图表测试县
scheme: scheme.yaml
years:
  - {year: 2021, status: published, published: 2022-03-01}
  - {year: 2023, status: published, published: 2024-03-01}
-- scheme.yaml --
name: 测试方案
categories: [{id: town, name: 镇}, {id: dept, name: 部门}]
components:
  - {id: social, name: 社会评价, kind: evaluation, full: 100}
total: [social]
bands: [{id: best, name: 优秀, min: 90}, {id: good, name: 良好, min: 80}, {id: fair, name: 一般}]
groups: [{id: towns, name: 镇, categories: [town]}, {id: depts, name: 部门, categories: [dept]}]
-- data/单位名录.xlsx.tsv --
单位编码	单位名称	类别
T01	一镇	镇
T02	二镇	镇
T03	三镇	镇
-- data/2021/民主测评.xlsx.tsv --
单位编码	平均分
T01	88
T02	92
T03	75
-- data/2023/民主测评.xlsx.tsv --
单位编码	平均分
T01	95
T02	85
T03	70
`

func TestChartsWorkedByHand(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := sitetest.WriteSite(dir, chartSite); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "public")
	if _, probs, err := Build(Options{Source: dir, Out: out, Audience: config.Public}); err != nil || probs.HasErrors() {
		t.Fatalf("build: %v\n%v", err, probs)
	}
	site := tree(t, out)
	summaries := func(page string) []string {
		var s []string
		for _, f := range figures(t, page, site[page]) {
			s = append(s, f.summary)
		}
		return s
	}
	for page, want := range map[string][]string{
		"index.html": {
			"2023年优秀单位1个，上年无可比数据。",
			// Totals 70.00, 85.00, 95.00: a unit in each of three bins.
			"2023年总分在95–100分的单位最多，共1个。",
			"2023年平均分最高的分组是镇，为83.33分，上年无可比数据。",
		},
		"2023/towns.html":     {"2023年镇共3个单位，第1名为一镇（95.00分），其中优秀1个、良好1个、一般1个。"},
		"2023/units/T01.html": {"与镇平均分相比，1项中有1项高于平均。", "2023年总分95.00分，档次为优秀，上年无可比数据。", "2023年在镇3个单位中排第1名，上年无可比数据。"},
		"2021/units/T02.html": {"与镇平均分相比，1项中有1项高于平均。", "2021年总分92.00分，档次为优秀，上年无可比数据。", "2021年在镇3个单位中排第1名，上年无可比数据。"},
		"2023/depts.html":     nil, // no unit, no chart
	} {
		if got := summaries(page); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s: summaries\n%q\nwant\n%q", page, got, want)
		}
	}
	if strings.Contains(string(site["2023/depts.html"]), "echarts") {
		t.Error("a ranking with no unit loads the chart library")
	}
	// 2023's towns: 70.00, 85.00, 95.00, from 70 in bins of five; the
	// departments have no unit.
	for _, row := range []string{
		"<tr><th scope=\"row\">70–75</th>\n<td class=\"num\">1</td>\n<td class=\"num\">0</td></tr>",
		"<tr><th scope=\"row\">75–80</th>\n<td class=\"num\">0</td>\n<td class=\"num\">0</td></tr>",
		"<tr><th scope=\"row\">95–100</th>\n<td class=\"num\">1</td>\n<td class=\"num\">0</td></tr>",
	} {
		if !strings.Contains(string(site["index.html"]), row) {
			t.Errorf("the histogram's table lacks the hand-worked row\n%s", row)
		}
	}
	// The unit's score over its bands: the axis from 80 (5 below its lowest
	// total, 88, rounded down to ten, which leaves the band 一般 out of
	// view) to the total's full points, 100.
	opts := figures(t, "2023/units/T01.html", site["2023/units/T01.html"])[1].options
	y := opts["yAxis"].([]any)[0].(map[string]any)
	if y["min"] != 80.0 || y["max"] != 100.0 {
		t.Errorf("score axis %v to %v, want 80 to 100", y["min"], y["max"])
	}
	areas := opts["series"].([]any)[0].(map[string]any)["markArea"].(map[string]any)["data"].([]any)
	if fmt.Sprint(areas) != "[[map[itemStyle:map[color:var(--band-1) opacity:0.12] name:优秀 yAxis:90] map[yAxis:100]] [map[itemStyle:map[color:var(--band-2) opacity:0.12] name:良好 yAxis:80] map[yAxis:90]]]" {
		t.Errorf("band areas: %v", areas)
	}
}
