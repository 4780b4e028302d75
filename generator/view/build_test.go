package view

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"dutyreport/generator/config"
	"dutyreport/generator/notices"
	"dutyreport/generator/record"
	"dutyreport/generator/scoring"
)

// Table tests of view.Build on small hand-made inputs (issue 20): the
// records are built here, the configuration is two short YAML files,
// scoring and notices run on them as the build runs them, and nothing is
// read from the example site or rendered.

const testSiteYAML = `
title: 测试县考核结果公开
county: 测试县
scheme: scheme.yaml
years:
  - {year: 2022, status: published, published: 2023-03-01}
  - {year: 2023, status: published, published: 2024-03-01}
  - {year: 2024, status: draft}
`

// The scheme takes both components from the score sheet, so that each
// total is what the test writes: base (70) + social (30).
const testSchemeYAML = `
name: 测试考核办法
categories:
  - {id: town, name: 镇}
  - {id: dept, name: 县直部门}
responsibilities: [{id: main, name: 主体责任}]
components:
  - {id: base, name: 基础分, kind: sheet, full: 70}
  - {id: social, name: 社会评价, kind: sheet, full: 30}
total: [base, social]
bands:
  - {id: excellent, name: 优秀, min: 90}
  - {id: good, name: 良好, min: 76}
  - {id: fair, name: 一般, min: 60}
  - {id: poor, name: 较差}
groups:
  - {id: towns, name: 镇, categories: [town]}
  - {id: depts, name: 县直部门, categories: [dept]}
consequences:
  - {id: talk, action: talk, band: fair, to: [principal]}
  - {id: veto, action: veto, band: poor}
  - {id: reorganise, action: reorganise, band: poor, years_running: 2, to: [principal]}
  - {id: case-ineligible, name: 取消当年评优资格, action: no-commendation, case: {}}
persons:
  roles: [principal]
  base: 70
  min_months: 6
cases:
  handlings:
    - {id: admonition, name: 诫勉谈话}
    - {id: circulated, name: 通报批评}
`

// The units. 王平镇 is a town named like its principal 王平: the public
// site masks the person and never the town.
var testUnits = []record.Unit{
	{Code: "D01", Name: "县财政局", Category: "dept"},
	{Code: "D02", Name: "县教育局", Category: "dept"},
	{Code: "T01", Name: "王平镇", Category: "town", Remark: "镇党委书记王平2023年起兼任镇长"},
	{Code: "T02", Name: "石桥镇", Category: "town", Remark: "欧阳明远同志2022年起任镇党委书记"},
	{Code: "T03", Name: "柳林镇", Category: "town"},
}

// testScores are each year's base and social scores by unit; the totals
// are worked out beside them.
var testScores = map[int]map[string][2]string{
	2022: {
		"T01": {"60.00", "25.00"}, // 85.00 良好, rank 2
		"T02": {"65.50", "26.00"}, // 91.50 优秀, rank 1
		"T03": {"50.00", "20.00"}, // 70.00 一般, rank 3
		"D01": {"62.00", "27.99"}, // 89.99 良好, rank 1
		"D02": {"50.00", "8.00"},  // 58.00 较差, rank 2
	},
	2023: {
		"T01": {"64.00", "26.50"}, // 90.50 优秀, rank 1 (up 1)
		"T02": {"60.00", "24.00"}, // 84.00 良好, rank 2 (down 1)
		"T03": {"45.00", "14.00"}, // 59.00 较差, rank 3
		"D01": {"66.00", "28.01"}, // 94.01 优秀, rank 1
		"D02": {"52.00", "7.99"},  // 59.99 较差, rank 2: two years running
	},
	2024: { // a draft: the dashboard's only
		"T01": {"66.00", "27.00"}, // 93.00
		"T02": {"61.00", "24.00"}, // 85.00
		"T03": {"55.00", "21.00"}, // 76.00
		"D01": {"67.00", "28.00"}, // 95.00
		"D02": {"60.00", "20.00"}, // 80.00
	},
}

// The persons the cases and rosters name, and the case's whistleblower.
const (
	principalT01  = "王平"   // T01's principal, held accountable in 2023
	principalT02  = "欧阳明远" // T02's principal: a compound surname
	whistleblower = "李秀英"
)

// testInput builds the view's input for audience from the records above.
func testInput(t *testing.T, audience string) Input {
	t.Helper()
	dir := t.TempDir()
	for name, text := range map[string]string{"site.yaml": testSiteYAML, "scheme.yaml": testSchemeYAML} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cfg, probs := config.Load(dir)
	if probs.HasErrors() {
		t.Fatalf("the test configuration: %v", probs)
	}
	data := &record.Data{Files: record.Files{{}}, Register: record.NewRegister(testUnits)}
	for _, year := range []int{2022, 2023, 2024} {
		y := record.Year{Year: year, HasScores: true}
		for _, u := range testUnits {
			s := testScores[year][u.Code]
			y.Scores = append(y.Scores, record.ScoreRow{Unit: u.Code, Scores: map[string]record.Points{
				"base": points(t, s[0]), "social": points(t, s[1])}})
			y.Roster = append(y.Roster, record.Post{Unit: u.Code, Role: "principal", Name: principalOf(u.Code)})
		}
		if year == 2023 {
			y.Cases = []record.Case{{Number: "测纪〔2023〕1号", Year: 2023, Date: record.MakeDate(2023, 9, 1), Unit: "T01",
				Responsibility: "主体责任", Clause: "第七条",
				Facts: "王平镇党委书记王平落实主体责任不力，经李秀英举报查实。",
				Subjects: []record.Subject{{Kind: "领导干部", Name: principalT01, Position: "镇党委书记", Handling: []string{"诫勉谈话"},
					IDNumber: "610000198001010011", Phone: "13800000000"}},
				Whistleblowers: []string{whistleblower}}}
		}
		data.Years = append(data.Years, y)
	}
	n, probs := notices.Build(cfg, data, nil)
	if probs.HasErrors() {
		t.Fatalf("the test cases: %v", probs)
	}
	var results []*scoring.Result
	for i := range data.Years {
		y := &data.Years[i]
		var cases []record.Case
		for _, c := range n.Of(y.Year) {
			cases = append(cases, c.Case)
		}
		res, probs := scoring.Year(scoring.Input{Scheme: &cfg.Scheme, Register: data.Register, Files: data.Files, Year: y, Cases: cases}, results)
		if probs.HasErrors() {
			t.Fatalf("scoring %d: %v", y.Year, probs)
		}
		results = append(results, res)
	}
	return Input{Config: cfg, Data: data, Results: results, Notices: n, Audience: audience}
}

func principalOf(code string) string {
	switch code {
	case "T01":
		return principalT01
	case "T02":
		return principalT02
	}
	return "张" + code // 张D01: a name no test looks for
}

func points(t *testing.T, s string) record.Points {
	t.Helper()
	p, err := record.ParsePoints(s)
	if err != nil {
		t.Fatalf("%q: %v", s, err)
	}
	return p
}

// yearOf returns the model's year y; nil when the audience does not have it.
func yearOf(s *Site, y int) *Year {
	for _, yr := range s.Years {
		if yr.Year == y {
			return yr
		}
	}
	return nil
}

// unitOf returns the page of unit code in year y.
func unitOf(t *testing.T, y *Year, code string) *UnitPage {
	t.Helper()
	for _, u := range y.Units {
		if u.Unit.Code == code {
			return u
		}
	}
	t.Fatalf("%d: no unit %s", y.Year, code)
	return nil
}

// texts lists every string the model holds, exported or not, with the path
// that leads to it: what a template, a chart or an export could ever show.
func texts(v any) map[string]string {
	out := map[string]string{}
	seen := map[uintptr]bool{}
	var walk func(path string, v reflect.Value)
	walk = func(path string, v reflect.Value) {
		switch v.Kind() {
		case reflect.String:
			if s := v.String(); s != "" {
				out[path] = s
			}
		case reflect.Pointer:
			if v.IsNil() || seen[v.Pointer()] {
				return
			}
			seen[v.Pointer()] = true
			walk(path, v.Elem())
		case reflect.Interface:
			if !v.IsNil() {
				walk(path, v.Elem())
			}
		case reflect.Struct:
			for i := range v.NumField() {
				walk(path+"."+v.Type().Field(i).Name, v.Field(i))
			}
		case reflect.Slice, reflect.Array:
			for i := range v.Len() {
				walk(fmt.Sprintf("%s[%d]", path, i), v.Index(i))
			}
		case reflect.Map:
			for _, k := range v.MapKeys() {
				walk(fmt.Sprintf("%s[%v]", path, k), v.MapIndex(k))
			}
		}
	}
	walk("Site", reflect.ValueOf(v))
	return out
}

// holding lists the paths of the model's strings that contain s.
func holding(site *Site, s string) []string {
	var out []string
	for path, text := range texts(site) {
		if strings.Contains(text, s) {
			out = append(out, path)
		}
	}
	return out
}

// say writes a phrase as key(args…), a list as [phrases…]: what a test
// compares, whatever the language.
func say(p Phrase) string {
	if p.List != nil {
		var parts []string
		for _, q := range p.List {
			parts = append(parts, say(q))
		}
		return "[" + strings.Join(parts, ", ") + "]"
	}
	var args []string
	for _, a := range p.Args {
		if q, ok := a.(Phrase); ok {
			args = append(args, say(q))
		} else {
			args = append(args, fmt.Sprint(a))
		}
	}
	if p.Key == "" {
		return strings.Join(args, "")
	}
	if len(args) == 0 {
		return p.Key
	}
	return p.Key + "(" + strings.Join(args, ", ") + ")"
}

// subject is a notice's first subject line.
func subject(t *testing.T, y *Year) SubjectLine {
	t.Helper()
	if len(y.Notices) != 1 || len(y.Notices[0].Subjects) != 1 {
		t.Fatalf("%d: want one notice of one subject, have %d notices", y.Year, len(y.Notices))
	}
	return y.Notices[0].Subjects[0]
}

func TestBuildMasksPersonsForThePublicOnly(t *testing.T) {
	sites := map[string]*Site{config.Public: Build(testInput(t, config.Public)), config.Internal: Build(testInput(t, config.Internal))}
	tests := []struct {
		name             string
		got              func(t *testing.T, s *Site) string
		public, internal string
	}{
		{"a case's person", func(t *testing.T, s *Site) string { return subject(t, yearOf(s, 2023)).Name }, "王某", principalT01},
		{"a person's post is not masked", func(t *testing.T, s *Site) string { return subject(t, yearOf(s, 2023)).Position }, "镇党委书记", "镇党委书记"},
		// The town 王平镇 is a known unit name: the name inside it stays.
		{"the facts: the person, not the town; a whistleblower in no audience",
			func(t *testing.T, s *Site) string { return yearOf(s, 2023).Notices[0].FactsText },
			"王平镇党委书记王某落实主体责任不力，经某某举报查实。", "王平镇党委书记王平落实主体责任不力，经某某举报查实。"},
		{"whistleblowers are a count", func(t *testing.T, s *Site) string { return itoa(yearOf(s, 2023).Notices[0].Whistleblowers) }, "1", "1"},
		{"an ID number is internal", func(t *testing.T, s *Site) string { return subject(t, yearOf(s, 2023)).IDNumber }, "", "610000198001010011"},
		{"a phone number is internal", func(t *testing.T, s *Site) string { return subject(t, yearOf(s, 2023)).Phone }, "", "13800000000"},
		{"a roster's name in the register's remark",
			func(t *testing.T, s *Site) string { return unitOf(t, yearOf(s, 2023), "T01").Remark }, "镇党委书记王某2023年起兼任镇长", "镇党委书记王平2023年起兼任镇长"},
		{"a compound surname stays whole", func(t *testing.T, s *Site) string { return unitOf(t, yearOf(s, 2022), "T02").Remark },
			"欧阳某同志2022年起任镇党委书记", "欧阳明远同志2022年起任镇党委书记"},
		{"a unit's name", func(t *testing.T, s *Site) string { return unitOf(t, yearOf(s, 2023), "T01").Unit.Name }, "王平镇", "王平镇"},
		{"the persons of a year are internal", func(t *testing.T, s *Site) string {
			var names []string
			for _, p := range yearOf(s, 2023).Persons {
				names = append(names, p.Name)
			}
			return strings.Join(names, " ")
		}, "", "张D01 张D02 王平 欧阳明远 张T03"},
		// No ledger in these years: every principal is scored unbanded.
		{"both audiences count persons", func(t *testing.T, s *Site) string {
			var out []string
			for _, rc := range yearOf(s, 2023).PersonCounts {
				out = append(out, fmt.Sprintf("%s %v %d %d", rc.Role, rc.Counts, rc.Unbanded, rc.Total))
			}
			return strings.Join(out, "; ")
		}, "principal [0 0 0 0] 5 5", "principal [0 0 0 0] 5 5"},
		{"the draft year is internal", func(t *testing.T, s *Site) string { return fmt.Sprint(yearOf(s, 2024) != nil) }, "false", "true"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.got(t, sites[config.Public]); got != tc.public {
				t.Errorf("public: %q, want %q", got, tc.public)
			}
			if got := tc.got(t, sites[config.Internal]); got != tc.internal {
				t.Errorf("internal: %q, want %q", got, tc.internal)
			}
		})
	}

	// Nowhere in the public model, exported or not: the persons' names
	// (王平 only inside 王平镇), the internal-only numbers; nowhere in either
	// model: the whistleblower.
	pub := sites[config.Public]
	for path, text := range texts(pub) {
		for _, s := range []string{principalT02, "610000198001010011", "13800000000", whistleblower} {
			if strings.Contains(text, s) {
				t.Errorf("public %s holds %s: %q", path, s, text)
			}
		}
		if strings.Contains(strings.ReplaceAll(text, "王平镇", ""), principalT01) {
			t.Errorf("public %s holds %s outside the town's name: %q", path, principalT01, text)
		}
	}
	if paths := holding(sites[config.Internal], whistleblower); len(paths) > 0 {
		t.Errorf("the dashboard holds the whistleblower at %v", paths)
	}

	// The dashboard lists the public site's maskings for review, the
	// whistleblower as 某某 there too.
	var review []string
	for _, r := range sites[config.Internal].Redactions {
		review = append(review, r.Kind+":"+r.Text+"→"+r.Masked)
	}
	for _, want := range []string{"name:王平→王某", "hidden-name:某某→某某"} {
		if !strings.Contains(strings.Join(review, " "), want) {
			t.Errorf("the review lists %v, want %s among them", review, want)
		}
	}
	if pub.Redactions != nil {
		t.Errorf("the public site lists its maskings: %v", pub.Redactions)
	}
}

func TestBuildWatchListsUnitsAtRisk(t *testing.T) {
	internal, public := Build(testInput(t, config.Internal)), Build(testInput(t, config.Public))
	for _, y := range public.Years {
		if y.Watch != nil {
			t.Errorf("public %d has a watch list", y.Year)
		}
	}
	// Each row: code rank/group size, bottom, consequences, next year's, notices.
	tests := []struct {
		year int
		want []string
	}{
		// Towns: 柳林镇 70.00 一般 is last (约谈); 县教育局 58.00 较差 is
		// last of the departments, and one more such year is 组织处理.
		{2022, []string{"T03 3/3 bottom [talk] [] 0", "D02 2/2 bottom [veto] [reorganise] 0"}},
		// 柳林镇 较差 for the first time; 王平镇 first but with a case (its
		// lost eligibility is marked, not listed); 县教育局 较差 again.
		{2023, []string{"T03 3/3 bottom [veto] [reorganise] 0", "T01 1/3 - [] [] 1", "D02 2/2 bottom [veto reorganise] [] 0"}},
		// The draft year: 76.00 and 80.00 are 良好; the last are still listed.
		{2024, []string{"T03 3/3 bottom [] [] 0", "D02 2/2 bottom [] [] 0"}},
	}
	for _, tc := range tests {
		t.Run(itoa(tc.year), func(t *testing.T) {
			y := yearOf(internal, tc.year)
			if y.Watch == nil || y.Watch.Path != itoa(tc.year)+"/watch.html" {
				t.Fatalf("no watch list at %d/watch.html: %+v", tc.year, y.Watch)
			}
			var got []string
			for _, r := range y.Watch.Rows {
				ids := func(cs []Consequence) string {
					var out []string
					for _, c := range cs {
						out = append(out, c.ID)
					}
					return "[" + strings.Join(out, " ") + "]"
				}
				bottom := "-"
				if r.Bottom {
					bottom = "bottom"
				}
				got = append(got, fmt.Sprintf("%s %d/%d %s %s %s %d", r.Unit.Code, r.Rank, r.GroupSize, bottom, ids(r.Consequences), ids(r.Next), len(r.Notices)))
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("rows\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
	if row := yearOf(internal, 2023).Watch.Rows[1]; !row.Ineligible {
		t.Error("王平镇 2023: its case costs the year's commendation: want Ineligible")
	}
}

// rows writes a chart's table: a row's head, then its cells.
func rows(tb *Table) string {
	if tb == nil {
		return "no table"
	}
	var out []string
	for _, r := range tb.Rows {
		out = append(out, r.Head+": "+strings.Join(r.Cells, " "))
	}
	return strings.Join(out, "; ")
}

// series writes a chart's series: each name, then its values or boxes.
func series(c *Chart) string {
	var out []string
	for _, s := range c.Series {
		v := strings.Join(s.Values, ",")
		if s.Boxes != nil {
			v = fmt.Sprint(s.Boxes)
		}
		out = append(out, say(s.Name)+"="+v)
	}
	return strings.Join(out, "; ")
}

func areas(c *Chart) string {
	var out []string
	for _, a := range c.Areas {
		out = append(out, a.Name+" "+a.From+"–"+a.To)
	}
	return strings.Join(out, "; ")
}

// The totals, by year (ranks in brackets):
//
//	2022 towns 91.50 (1) 85.00 (2) 70.00 (3); departments 89.99 (1) 58.00 (2)
//	2023 towns 90.50 (1) 84.00 (2) 59.00 (3); departments 94.01 (1) 59.99 (2)
//
// Every figure below is worked out from them by hand.
func TestBuildChartNumbers(t *testing.T) {
	pub, internal := Build(testInput(t, config.Public)), Build(testInput(t, config.Internal))
	chart := func(t *testing.T, cs []*Chart, name string) *Chart {
		for _, c := range cs {
			if strings.HasPrefix(c.ID, "chart-"+name+"-") {
				return c
			}
		}
		t.Fatalf("no chart %s among %d", name, len(cs))
		return nil
	}
	y23 := yearOf(pub, 2023)
	ranking := func(g string) *Chart { return y23.Rankings[map[string]int{"towns": 0, "depts": 1}[g]].Chart }
	type figures struct{ x, series, table, ymin, ymax, areas, summary string }
	tests := []struct {
		name  string
		chart func(t *testing.T) *Chart
		want  figures
	}{
		{"landing: units per band and year", func(t *testing.T) *Chart { return chart(t, pub.Charts, "bands") }, figures{
			x: "2022 2023", table: "2022: 1 2 1 1; 2023: 2 1 0 2",
			series: "优秀=1,2; 良好=2,1; 一般=1,0; 较差=1,2",
			// 优秀: 2 against 1.
			summary: "sum_bands(2023, 优秀, 2, count_up(1))"}},
		{"landing: how many units had which totals", func(t *testing.T) *Chart { return chart(t, pub.Charts, "histogram") }, figures{
			// 2023, the latest year: the lowest total 59.00 starts the bins
			// at 55. Towns 59.00, 84.00, 90.50; departments 59.99, 94.01.
			x:      "55–60 60–65 65–70 70–75 75–80 80–85 85–90 90–95 95–100",
			table:  "55–60: 1 1; 60–65: 0 0; 65–70: 0 0; 70–75: 0 0; 75–80: 0 0; 80–85: 1 0; 85–90: 0 0; 90–95: 1 1; 95–100: 0 0",
			series: "镇=1,0,0,0,0,1,0,1,0; 县直部门=1,0,0,0,0,0,0,1,0",
			// Two bins hold two units each: the higher is said.
			summary: "sum_histogram(2023, 2, 90–95)"}},
		{"the dashboard's distribution of totals, by quartiles", func(t *testing.T) *Chart { return chart(t, yearOf(internal, 2022).Charts, "distribution") }, figures{
			x: "2022",
			// Towns 2022, sorted 70.00 85.00 91.50: Q1 halfway between the
			// first two, 77.50; Q3 between the last two, 88.25.
			// Departments 2022, 58.00 and 89.99 (31.99 apart): a quarter is
			// 7.9975 → 8.00, a half 15.995 → 16.00, three quarters 23.9925
			// → 23.99, half away from zero.
			table:  "2022: 镇 3 70.00 77.50 85.00 88.25 91.50; 2022: 县直部门 2 58.00 66.00 74.00 81.99 89.99",
			series: "镇=[[70.00 77.50 85.00 88.25 91.50]]; 县直部门=[[58.00 66.00 74.00 81.99 89.99]]",
			// The lowest, 58.00, less 5 is 53.00: the axis starts at 50.
			ymin: "50",
			// The towns' median 85.00 beats 74.00; totals 58.00 to 91.50.
			summary: "sum_distribution(2022, 镇, 85.00, 91.50, 58.00)"}},
		{"landing: each group's mean", func(t *testing.T) *Chart { return chart(t, pub.Charts, "averages") }, figures{
			x: "2022 2023",
			// 246.50 ÷ 3 = 82.1666… → 82.17; 147.99 ÷ 2 = 73.995 → 74.00;
			// 233.50 ÷ 3 = 77.8333… → 77.83; 154.00 ÷ 2 = 77.00.
			table: "2022: 82.17 74.00; 2023: 77.83 77.00", series: "镇=82.17,77.83; 县直部门=74.00,77.00",
			ymin: "60", // 74.00 − 5 = 69.00
			// 77.83 − 82.17 = −4.34.
			summary: "sum_averages(2023, 镇, 77.83, points_down(4.34))"}},
		{"the dashboard's landing has the draft year too", func(t *testing.T) *Chart { return chart(t, internal.Charts, "bands") }, figures{
			// 2024: 93.00 95.00 优秀, 85.00 80.00 76.00 良好.
			x: "2022 2023 2024", table: "2022: 1 2 1 1; 2023: 2 1 0 2; 2024: 2 3 0 0",
			series: "优秀=1,2,2; 良好=2,1,3; 一般=1,0,0; 较差=1,2,0", summary: "sum_bands(2024, 优秀, 2, since_same)"}},
		{"a year's units per band", func(t *testing.T) *Chart { return chart(t, y23.Charts, "bands") }, figures{
			x: "优秀 良好 一般 较差", table: "优秀: 2; 良好: 1; 一般: 0; 较差: 2",
			series: "优秀=2,,,; 良好=,1,,; 一般=,,0,; 较差=,,,2", summary: "sum_bands(2023, 优秀, 2, count_up(1))"}},
		{"a year's distribution, on the dashboard", func(t *testing.T) *Chart { return chart(t, yearOf(internal, 2023).Charts, "distribution") }, figures{
			// 59.99 and 94.01 (34.02 apart): 8.505 → 8.51, 17.01, 25.515 →
			// 25.52, half away from zero.
			x:      "2023",
			table:  "2023: 镇 3 59.00 71.50 84.00 87.25 90.50; 2023: 县直部门 2 59.99 68.50 77.00 85.51 94.01",
			series: "镇=[[59.00 71.50 84.00 87.25 90.50]]; 县直部门=[[59.99 68.50 77.00 85.51 94.01]]",
			ymin:   "50", summary: "sum_distribution(2023, 镇, 84.00, 94.01, 59.00)"}},
		{"a ranking's totals", func(t *testing.T) *Chart { return ranking("towns") }, figures{
			x: "王平镇 石桥镇 柳林镇", table: "no table", series: "优秀=90.50,,; 良好=,84.00,; 一般=,,; 较差=,,59.00",
			ymin:    "50", // 59.00 − 5 = 54.00
			summary: "sum_totals(2023, 镇, 3, 王平镇, 90.50, [band_count(优秀, 1), band_count(良好, 1), band_count(较差, 1)])"}},
		{"a ranking of two", func(t *testing.T) *Chart { return ranking("depts") }, figures{
			x: "县财政局 县教育局", table: "no table", series: "优秀=94.01,; 良好=,; 一般=,; 较差=,59.99",
			ymin:    "50", // 59.99 − 5 = 54.99
			summary: "sum_totals(2023, 县直部门, 2, 县财政局, 94.01, [band_count(优秀, 1), band_count(较差, 1)])"}},
		{"a unit's total over its bands", func(t *testing.T) *Chart { return unitOf(t, y23, "T01").ScoreChart() }, figures{
			x: "2022 2023", table: "no table", series: "王平镇=85.00,90.50",
			// From 85.00 − 5 → 80 to 70 + 30 = 100: 良好 is cut at 80, 一般
			// and 较差 lie below the axis.
			ymin: "80", ymax: "100", areas: "优秀 90.00–100; 良好 80–90.00",
			summary: "sum_score(2023, 90.50, 优秀, points_up(5.50))"}},
		{"a unit's total falling into the last band", func(t *testing.T) *Chart { return unitOf(t, y23, "T03").ScoreChart() }, figures{
			x: "2022 2023", table: "no table", series: "柳林镇=70.00,59.00",
			ymin: "50", ymax: "100", areas: "优秀 90.00–100; 良好 76.00–90.00; 一般 60.00–76.00; 较差 50–60.00",
			summary: "sum_score(2023, 59.00, 较差, points_down(11.00))"}},
		{"a unit's rank", func(t *testing.T) *Chart { return unitOf(t, y23, "T01").RankChart() }, figures{
			x: "2022 2023", table: "no table", series: "王平镇=2,1", ymin: "1", ymax: "3",
			summary: "sum_rank(2023, 镇, 3, 1, rank_up(1))"}},
		{"a unit's rank held", func(t *testing.T) *Chart { return unitOf(t, y23, "T03").RankChart() }, figures{
			x: "2022 2023", table: "no table", series: "柳林镇=3,3", ymin: "1", ymax: "3",
			summary: "sum_rank(2023, 镇, 3, 3, since_same)"}},
		// The towns' 2023 averages: base (64.00 + 60.00 + 45.00) ÷ 3 =
		// 56.333… → 56.33; social 64.50 ÷ 3 = 21.50.
		{"a unit above its group", func(t *testing.T) *Chart { return unitOf(t, y23, "T01").ComponentsChart() }, figures{
			x: "基础分 社会评价", table: "基础分: 64.00 56.33; 社会评价: 26.50 21.50",
			series: "王平镇=64.00,26.50; group_average(镇)=56.33,21.50", summary: "sum_components(镇, 2, 2)"}},
		{"a unit below its group", func(t *testing.T) *Chart { return unitOf(t, y23, "T03").ComponentsChart() }, figures{
			x: "基础分 社会评价", table: "基础分: 45.00 56.33; 社会评价: 14.00 21.50",
			series: "柳林镇=45.00,14.00; group_average(镇)=56.33,21.50", summary: "sum_components(镇, 2, 0)"}},
		// The departments': base 59.00, social 18.00: 县财政局 is above in both.
		{"a department", func(t *testing.T) *Chart { return unitOf(t, y23, "D01").ComponentsChart() }, figures{
			x: "基础分 社会评价", table: "基础分: 66.00 59.00; 社会评价: 28.01 18.00",
			series: "县财政局=66.00,28.01; group_average(县直部门)=59.00,18.00", summary: "sum_components(县直部门, 2, 2)"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := tc.chart(t)
			if c == nil {
				t.Fatal("no chart")
			}
			got := figures{x: strings.Join(c.X, " "), series: series(c), table: rows(c.Table), ymin: c.YMin, ymax: c.YMax, areas: areas(c), summary: say(c.Summary)}
			if got != tc.want {
				t.Errorf("\ngot  %+v\nwant %+v", got, tc.want)
			}
		})
	}
}

func TestBuildBandCountsAndRankMoves(t *testing.T) {
	y := yearOf(Build(testInput(t, config.Public)), 2023)
	var counts []string
	for _, bc := range y.BandCounts {
		counts = append(counts, bc.Band.Name+" "+itoa(bc.Count))
	}
	if got := strings.Join(counts, ", "); got != "优秀 2, 良好 1, 一般 0, 较差 2" {
		t.Errorf("band counts %s", got)
	}
	// 王平镇 rose from 2nd to 1st, 石桥镇 fell from 1st to 2nd, 柳林镇 held.
	var moves []string
	for _, r := range y.Rankings[0].Rows {
		moves = append(moves, fmt.Sprintf("%s %d %v", r.Unit.Code, r.Move, r.MoveKnown))
	}
	if got := strings.Join(moves, ", "); got != "T01 1 true, T02 -1 true, T03 0 true" {
		t.Errorf("moves %s", got)
	}
}
