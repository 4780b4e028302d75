package ingest_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"dutyreport/generator/config"
	"dutyreport/generator/ingest"
	"dutyreport/generator/problem"
	"dutyreport/generator/sitetest"
)

// base is a small site: two towns, a committee, one ledger task.
const base = `
-- site.yaml --
title: 测试县
scheme: scheme.yaml
years: [{year: 2024}]
-- scheme.yaml --
name: 测试方案
categories:
  - {id: town, name: 镇, aliases: [乡镇]}
  - {id: committee, name: 村务监督委员会, aliases: [监委会], parent: town, ranked: false}
responsibilities: [{id: main, name: 主体责任}, {id: supervision, name: 监督责任}]
tasks:
  - {code: A1, name: 年度计划, responsibility: main, points: 2}
  - {code: C1, name: 监督, responsibility: supervision, points: 1, categories: [committee]}
components:
  - {id: committee, name: 监委会基础分, kind: ledger, responsibility: supervision, full: 70, categories: [committee]}
  - {id: main, name: 主体责任基础分, kind: ledger, responsibility: main, full: 70, categories: [town]}
  - {id: social, name: 社会评价, kind: evaluation, full: 30}
total: [main, social]
bands: [{id: good, name: 好, min: 60}, {id: bad, name: 差}]
groups: [{id: towns, name: 镇, categories: [town]}]
`

// read builds a site from base plus the given files and reads it.
func read(t *testing.T, files string) problem.List {
	t.Helper()
	return readSite(t, base+files)
}

// readSite builds a site from its whole txtar and reads it.
func readSite(t *testing.T, site string) problem.List {
	t.Helper()
	dir := t.TempDir()
	if err := sitetest.WriteSite(dir, site); err != nil {
		t.Fatal(err)
	}
	cfg, probs := config.Load(dir)
	if probs.HasErrors() {
		t.Fatal(probs)
	}
	_, probs = ingest.Read(cfg)
	return probs
}

// expectProblems checks that exactly these "position code" pairs were found.
func expectProblems(t *testing.T, probs problem.List, want ...string) {
	t.Helper()
	var got []string
	for _, p := range probs {
		got = append(got, p.Pos.String()+" "+string(p.Code))
	}
	if !slices.Equal(got, want) {
		t.Errorf("problems:\n got  %s\n want %s", strings.Join(got, "\n      "), strings.Join(want, "\n      "))
	}
}

const register = `
-- data/单位名录.xlsx.tsv --
# merge: A1:E1
2024年度考核单位名录
单位编码	单位名称	类别	所属镇	曾用名
T01	一镇	镇
T02	二镇	乡镇
C01	甲村监委会	监委会	T01
`

func TestCleanSiteHasNoProblems(t *testing.T) {
	probs := read(t, register+`
-- data/2024/纪实台账.xlsx.tsv --
# merge: A1:F1
2024年度党风廉政建设责任制纪实台账

单位 编码	责任类别	任务编号	应完成次数	实际完成次数	完成时间
T01	主体责任	A1	１	１	2024年3月1日
T02	主体责任	A1	1	0
C01	监督责任	C1	4	4	#date:2024-12-20
-- data/2024/民主测评.xlsx.tsv --
编码	单位名称	有效票数	平均分
T01	一镇	120	 85.5 
T02	二镇	98	９０
`)
	expectProblems(t, probs)
}

func TestRegisterProblems(t *testing.T) {
	probs := read(t, `
-- data/单位名录.xlsx.tsv --
单位编码	单位名称	类别	所属镇	起始年度	终止年度	并入单位
T01	一镇	镇
T01	一镇又一次	镇
T02	二镇	街区
T05	五镇	镇
C01	甲村	监委会
C02	乙村	监委会	C01
T03	三镇	镇		2023	2021
T04	四镇	镇		2020	2021	T77
T06	六镇	镇		2020	2022
C03	丙村	监委会	T06	2020
T07	七镇	镇		2020	2022	T05
C04	丁村	监委会	T07
C05	戊村	监委会	T06	2020	2022
-- data/2024/纪实台账.xlsx.tsv --
单位编码	责任类别	任务编号	应完成次数	实际完成次数
T01	主体责任	A1	1	1
T02	主体责任	A1	1	1
T05	主体责任	A1	1	1
-- data/2024/民主测评.xlsx.tsv --
单位编码	平均分
T01	80
T02	80
T05	80
`)
	expectProblems(t, probs,
		"data/单位名录.xlsx!Sheet1!A3 ingest.duplicate-row",
		"data/单位名录.xlsx!Sheet1!C4 ingest.bad-choice",
		"data/单位名录.xlsx!Sheet1!D6 ingest.no-parent",
		"data/单位名录.xlsx!Sheet1!D7 ingest.bad-parent",
		"data/单位名录.xlsx!Sheet1!F8 ingest.bad-years",
		"data/单位名录.xlsx!Sheet1!G9 ingest.unknown-unit",
		// 丙村 outlives 六镇, which was merged into no other town; 丁村
		// follows 七镇 into 五镇, and 戊村 ends with its town.
		"data/单位名录.xlsx!Sheet1!D11 ingest.parent-ended",
	)
}

func TestLedgerAndEvaluationProblems(t *testing.T) {
	probs := read(t, register+`
-- data/2024/纪实台账.xlsx.tsv --
单位编码	单位名称	责任类别	任务编号	应完成次数	实际完成次数	完成时间
T01	一镇	主体责任	A1	1	1
T01	一镇	主体责任	A1	1	1
T09	九镇	主体责任	A1	1	1
T02	两镇	主要责任	A1	1	1
T02	二镇	主体责任	Z9	1	1
T02	二镇	监督责任	A1	1	1
C01	甲村监委会	主体责任	A1	1	1
C01	甲村监委会	监督责任	C1	2	3
C01	甲村监委会	监督责任	C1	2	two
C01	甲村监委会	监督责任	C1	2	2	2024-02-30
-- data/2024/民主测评.xlsx.tsv --
单位编码	平均分	有效票数
T01	9O	100
T02	100.5	100
T02	80	1.5
T01	
`)
	expectProblems(t, probs,
		"data/2024/民主测评.xlsx!Sheet1!B2 ingest.not-a-number",
		"data/2024/民主测评.xlsx!Sheet1!B3 ingest.out-of-range",
		"data/2024/民主测评.xlsx!Sheet1!C4 ingest.not-a-number",
		"data/2024/民主测评.xlsx!Sheet1!B5 ingest.empty-cell",
		"data/2024/纪实台账.xlsx!Sheet1!D3 ingest.duplicate-row",
		"data/2024/纪实台账.xlsx!Sheet1!A4 ingest.unknown-unit",
		"data/2024/纪实台账.xlsx!Sheet1!B5 ingest.name-mismatch",
		"data/2024/纪实台账.xlsx!Sheet1!C5 ingest.bad-choice",
		"data/2024/纪实台账.xlsx!Sheet1!D6 ingest.unknown-task",
		"data/2024/纪实台账.xlsx!Sheet1!C7 ingest.bad-choice",
		"data/2024/纪实台账.xlsx!Sheet1!D8 ingest.unknown-task",
		"data/2024/纪实台账.xlsx!Sheet1!F9 ingest.done-exceeds-required",
		"data/2024/纪实台账.xlsx!Sheet1!F10 ingest.not-a-number",
		"data/2024/纪实台账.xlsx!Sheet1!G11 ingest.bad-date",
	)
}

func TestMissingFilesAndColumns(t *testing.T) {
	probs := read(t, register+`
-- data/2024/纪实台账.xlsx.tsv --
# merge: A1:C1
2024年度纪实台账
单位编码	责任类别	任务编号	应完成次数
T01	主体责任	A1	1
`)
	expectProblems(t, probs,
		"data/2024/民主测评.xlsx ingest.missing-file",
		"data/2024/纪实台账.xlsx!Sheet1!A2 ingest.missing-column",
	)
	// What the row says is what was found; the column it lacks is named
	// apart from those it has.
	if msg := probs[1].Format(problem.EN); probs[1].Found != "单位编码 责任类别 任务编号 应完成次数" ||
		!strings.Contains(msg, "this row has 单位编码, 责任类别, 任务编号, 应完成次数, and lacks 实际完成次数") {
		t.Errorf("the missing column should be named apart: %s", msg)
	}
}

// TestSheetColumnMisspelt: a component taken only from the score sheet
// needs its column; a misspelt header is one error for the file, naming the
// column, not one error for every unit.
func TestSheetColumnMisspelt(t *testing.T) {
	site := strings.Replace(base, "  - {id: social, name: 社会评价, kind: evaluation, full: 30}\n",
		"  - {id: social, name: 社会评价, kind: evaluation, full: 30}\n  - {id: bonus, name: 创新加分, kind: sheet, full: 5, column: 创新加分}\n", 1)
	probs := readSite(t, site+register+`
-- data/2024/纪实台账.xlsx.tsv --
单位编码	责任类别	任务编号	应完成次数	实际完成次数
T01	主体责任	A1	1	1
T02	主体责任	A1	1	1
C01	监督责任	C1	1	1
-- data/2024/民主测评.xlsx.tsv --
单位编码	平均分
T01	80
T02	80
-- data/2024/考核得分汇总表.xlsx.tsv --
单位编码	单位名称	创新 加分项
T01	一镇	3
T02	二镇	2
`)
	expectProblems(t, probs, "data/2024/考核得分汇总表.xlsx!Sheet1!A1 ingest.missing-column")
	if msg := probs[0].Format(problem.EN); len(probs) == 1 && (!strings.Contains(msg, "and lacks 创新加分") ||
		!strings.Contains(msg, `考核得分汇总表.xlsx!Sheet1!C1: “创新 加分项” is not a known column name: did you mean “创新加分”?`)) {
		t.Errorf("the missing column should be named, and the nearest header: %s", msg)
	}
}

// TestLedgerDuplicatesNameTheFirstRow: a task given twice for a unit is
// refused, and the message points at the row that gave it first, for the
// first duplicate and for those after it, while the same task of another
// unit is no duplicate. The ledger keeps the first rows, with their texts.
func TestLedgerDuplicatesNameTheFirstRow(t *testing.T) {
	site := strings.Replace(base, "tasks:\n", "tasks:\n  - {code: A2, name: 发文, responsibility: main, points: 1}\n", 1)
	d, probs := readSiteData(t, site+register+`
-- data/2024/纪实台账.xlsx.tsv --
单位编码	单位名称	责任类别	任务编号	应完成次数	实际完成次数	责任主体	佐证材料
T01	一镇	主体责任	A1	1	1	书记	会议记录一
T02	二镇	主体责任	A1	1	0	镇长	会议记录二
T01	一镇	主体责任	A1	2	2	书记	重复
T01	一镇	主体责任	A2	1	1	书记	发文三
T02	二镇	主体责任	A1	1	1	镇长	重复
T01	一镇	主体责任	A2	1	1	书记	重复
-- data/2024/民主测评.xlsx.tsv --
单位编码	平均分	有效票数
T01	90	100
T02	80	100
`)
	var got []string
	for _, p := range probs {
		if p.Code == problem.IngestDuplicateRow {
			got = append(got, p.Pos.Cell+" first "+p.Notes[0].Pos.Cell)
		}
	}
	if want := []string{"D4 first D2", "D6 first D3", "D7 first D5"}; !slices.Equal(got, want) {
		t.Errorf("duplicates %q, want %q", got, want)
	}
	var rows []string
	for _, e := range d.Year(2024).Ledger.All() {
		rows = append(rows, fmt.Sprintf("%s %s %d/%d %s %s row %d", e.Unit, e.Task, e.Done, e.Required, e.Role, e.Evidence, e.Origin.Row))
	}
	want := []string{"T01 A1 1/1 书记 会议记录一 row 2", "T02 A1 0/1 镇长 会议记录二 row 3", "T01 A2 1/1 书记 发文三 row 5"}
	if !slices.Equal(rows, want) {
		t.Errorf("ledger\n %q, want\n %q", rows, want)
	}
}

// TestMergedUnitCells: a unit merged down over its rows, as WPS ledgers
// have it, is the unit of every row the merged cell covers; a count merged
// over rows is not spread over them, and stays an error at its cells.
func TestMergedUnitCells(t *testing.T) {
	d, probs := readData(t, register+`
-- data/2024/纪实台账.xlsx.tsv --
# merge: A2:A3
# merge: B2:B3
# merge: B4:B5
# merge: E4:E5
单位编码	单位名称	责任类别	任务编号	应完成次数	实际完成次数
T01	一镇	主体责任	A1	1	1
		监督责任	C1	1	0
	二镇	主体责任	A1	2	1
		主体责任	A1		1
-- data/2024/民主测评.xlsx.tsv --
单位编码	平均分	有效票数
T01	90	100
T02	80	100
`)
	expectProblems(t, probs,
		"data/2024/纪实台账.xlsx!Sheet1!D3 ingest.unknown-task", // C1 is a committee's: the row is T01's
		"data/2024/纪实台账.xlsx!Sheet1!E5 ingest.empty-cell",
	)
	var rows []string
	for _, e := range d.Year(2024).Ledger.All() {
		rows = append(rows, fmt.Sprintf("%s %s %d/%d row %d", e.Unit, e.Task, e.Done, e.Required, e.Origin.Row))
	}
	if want := []string{"T01 A1 1/1 row 2", "T02 A1 1/2 row 4"}; !slices.Equal(rows, want) {
		t.Errorf("ledger %q, want %q", rows, want)
	}
}
