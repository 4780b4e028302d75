package notices_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"dutyreport/generator/config"
	"dutyreport/generator/content"
	"dutyreport/generator/ingest"
	"dutyreport/generator/notices"
	"dutyreport/generator/problem"
	"dutyreport/generator/record"
	"dutyreport/generator/sitetest"
)

// site is a small site of two years: two towns and a committee, clean
// ledgers and evaluations. Its last file is scheme.yaml, so that the
// Shangnan cases: section (and a test's additions to it) follow.
const site = `
-- site.yaml --
title: 测试县
scheme: scheme.yaml
years: [{year: 2023}, {year: 2024}]
-- data/单位名录.xlsx.tsv --
单位编码	单位名称	类别	所属镇
T01	一镇	镇
T02	二镇	镇
C01	甲村监委会	监委会	T01
-- data/2023/纪实台账.xlsx.tsv --
单位编码	责任类别	任务编号	应完成次数	实际完成次数
T01	主体责任	A1	1	1
T02	主体责任	A1	1	1
C01	监督责任	C1	1	1
-- data/2024/纪实台账.xlsx.tsv --
单位编码	责任类别	任务编号	应完成次数	实际完成次数
T01	主体责任	A1	1	1
T02	主体责任	A1	1	1
C01	监督责任	C1	1	1
-- data/2023/民主测评.xlsx.tsv --
单位编码	平均分
T01	80
T02	90
-- data/2024/民主测评.xlsx.tsv --
单位编码	平均分
T01	80
T02	90
-- scheme.yaml --
name: 测试方案
categories:
  - {id: town, name: 镇}
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

// header starts a year's case register; its columns are
//
//	A 案件编号  B 单位编码  C 决定日期  D 问责对象类别  E 姓名  F 职务
//	G 处理方式  H 事实摘要  I 身份证号  J 联系电话  K 举报人  L 证人
func header(year int) string {
	return fmt.Sprintf("\n-- data/%d/责任追究台账.xlsx.tsv --\n", year) +
		"案件编号	单位编码	决定日期	问责对象类别	姓名	职务	处理方式	事实摘要	身份证号	联系电话	举报人	证人\n"
}

// shangnanCases is the cases: section of the Shangnan scheme at the
// repository root: its handlings and their periods are the ones tested.
func shangnanCases(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "schemes", "shangnan.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	in := false
	for line := range strings.Lines(string(data)) {
		switch {
		case strings.HasPrefix(line, "cases:"):
			in = true
		case in && strings.TrimSpace(line) != "" && !strings.HasPrefix(line, " "):
			in = false
		}
		if in {
			out = append(out, line)
		}
	}
	if len(out) < 2 {
		t.Fatal("schemes/shangnan.yaml has no cases: section")
	}
	return strings.Join(out, "")
}

// build makes the site with files added, reads it and builds its notices.
// Problems of loading and reading fail the test: only Build's are returned.
func build(t *testing.T, files string) (*notices.Notices, problem.List) {
	t.Helper()
	return buildWith(t, "", files)
}

// buildWith is build with lines added to the scheme's cases: section.
func buildWith(t *testing.T, cases, files string) (*notices.Notices, problem.List) {
	t.Helper()
	dir := t.TempDir()
	if err := sitetest.WriteSite(dir, site+shangnanCases(t)+cases+files); err != nil {
		t.Fatal(err)
	}
	cfg, probs := config.Load(dir)
	if probs.HasErrors() {
		t.Fatal(probs)
	}
	data, probs := ingest.Read(cfg)
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	cont, probs := content.Read(dir)
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	return notices.Build(cfg, data, cont)
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

// restrictions lists the restrictions as "unit name restriction from..until case".
func restrictions(n *notices.Notices) []string {
	var out []string
	for _, r := range n.Restrictions {
		out = append(out, fmt.Sprintf("%s %s %s %s..%s %s", r.Unit, r.Name, r.Restriction, r.From, r.Until, r.Case))
	}
	return out
}

func expectList(t *testing.T, what string, got, want []string) {
	t.Helper()
	if !slices.Equal(got, want) {
		t.Errorf("%s:\n got  %s\n want %s", what, strings.Join(got, "\n      "), strings.Join(want, "\n      "))
	}
}

func caseNumbered(t *testing.T, n *notices.Notices, number string) *notices.Case {
	t.Helper()
	for _, c := range n.Cases {
		if c.Number == number {
			return c
		}
	}
	t.Fatalf("no case %s among %d", number, len(n.Cases))
	return nil
}

func date(y, m, d int) record.Date { return record.MakeDate(y, m, d) }

func TestAddMonths(t *testing.T) {
	tests := []struct {
		name     string
		from     record.Date
		months   int
		want     record.Date
		wantText string
	}{
		{"no 31st in February: its last day", date(2024, 8, 31), 6, date(2025, 2, 28), "2025-02-28"},
		{"into the next year", date(2023, 12, 15), 1, date(2024, 1, 15), "2024-01-15"},
		{"29 February to a year without one", date(2024, 2, 29), 12, date(2025, 2, 28), "2025-02-28"},
		{"29 February to a leap year", date(2024, 2, 29), 48, date(2028, 2, 29), "2028-02-29"},
		{"December stays December", date(2023, 6, 30), 6, date(2023, 12, 30), "2023-12-30"},
		{"two years", date(2023, 3, 10), 24, date(2025, 3, 10), "2025-03-10"},
		{"no 31st in April", date(2024, 1, 31), 3, date(2024, 4, 30), "2024-04-30"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := notices.AddMonths(tc.from, tc.months)
			if got != tc.want || got.String() != tc.wantText {
				t.Errorf("AddMonths(%s, %d) = %s, want %s", tc.from, tc.months, got, tc.wantText)
			}
		})
	}
}

// TestRestrictionsOfDismissal: 免职 bars any post for a year and a higher
// post for two (seed 003 §28), from the decision date, up to and excluding
// the day the period ends.
func TestRestrictionsOfDismissal(t *testing.T) {
	n, probs := build(t, header(2023)+`N1	T01	#date:2023-03-10		王平	党委书记	免职	事实
`)
	expectProblems(t, probs)
	expectList(t, "restrictions", restrictions(n), []string{
		"T01 王平 不得担任领导职务 2023-03-10..2024-03-10 N1",
		"T01 王平 不得担任高于原任职务层次的职务 2023-03-10..2025-03-10 N1",
	})
	if len(n.Restrictions) == 0 {
		return
	}
	r := n.Restrictions[0]
	if r.Position != "党委书记" || r.Year != 2023 {
		t.Errorf("restriction position %q year %d, want 党委书记 2023", r.Position, r.Year)
	}
	for _, tc := range []struct {
		day  record.Date
		want bool
	}{
		{date(2023, 3, 9), false},
		{date(2023, 3, 10), true},
		{date(2024, 3, 9), true},
		{date(2024, 3, 10), false},
	} {
		if got := r.InForce(tc.day); got != tc.want {
			t.Errorf("InForce(%s) = %v, want %v", tc.day, got, tc.want)
		}
	}
}

// TestRestrictionsMerge: one person's overlapping periods of a restriction
// are one, from the first start to the latest end (seed 003 §28: the longer
// period applies); periods apart stay two. A person is known by ID number,
// whatever the unit, and without one by unit and name.
func TestRestrictionsMerge(t *testing.T) {
	n, probs := build(t, header(2023)+`N1	T01	#date:2023-01-01		王平	副书记	诫勉谈话	事实	11010519491231002X
N2	T02	#date:2023-03-01		王平	镇长	降职	事实	11010519491231002X
N3	T01	#date:2023-01-01		李明		诫勉谈话	事实
N4	T01	#date:2023-09-01		李明		诫勉谈话	事实
N5	T02	#date:2023-01-01		赵六		降职	事实
N6	T02	#date:2023-06-01		赵六		诫勉谈话	事实
N7	T02	#date:2023-02-01		李明		诫勉谈话	事实
`)
	expectProblems(t, probs)
	expectList(t, "restrictions", restrictions(n), []string{
		// 2023-01-01..07-01 and 09-01..2024-03-01 do not meet.
		"T01 李明 不得提拔使用 2023-01-01..2023-07-01 N3",
		"T01 李明 不得提拔使用 2023-09-01..2024-03-01 N4",
		// Another 李明, of another unit and without ID number.
		"T02 李明 不得提拔使用 2023-02-01..2023-08-01 N7",
		// 诫勉谈话 to 2023-07-01 overlaps 降职 to 2025-03-01, which ends later.
		"T02 王平 不得提拔使用 2023-01-01..2025-03-01 N2",
		// 降职 to 2025-01-01 covers 诫勉谈话 2023-06-01..12-01.
		"T02 赵六 不得提拔使用 2023-01-01..2025-01-01 N5",
	})
}

// TestCaseIneligibleUnitsAndNames: each year's cases are the ones scoring
// gives the scheme's rules (a unit with a case loses that year's
// commendation eligibility); the lists of names are sorted and deduplicated,
// and whistleblowers and witnesses are never among the persons.
func TestCaseIneligibleUnitsAndNames(t *testing.T) {
	n, probs := build(t, header(2023)+`N1	T01	#date:2023-05-01		王平		通报批评	事实			周七
`+header(2024)+`P1	T02	#date:2024-05-01		王平		诫勉谈话	事实	11010519491231002X	'13800000000	张三、李四	赵六
P1				李明		通报批评			'13800000000	2
P2	T02	#date:2024-06-01	领导班子			书面检查	事实			李四
`)
	expectProblems(t, probs)
	caseUnits := func(y int) string {
		var us []string
		for _, c := range n.Of(y) {
			us = append(us, c.Number+" "+c.Unit)
		}
		return strings.Join(us, ",")
	}
	if got := caseUnits(2023); got != "N1 T01" {
		t.Errorf("2023's cases: %s, want N1 of T01", got)
	}
	if got := caseUnits(2024); got != "P1 T02,P2 T02" {
		t.Errorf("2024's cases: %s, want P1 and P2 of T02", got)
	}
	expectList(t, "persons", n.Persons, []string{"李明", "王平"})
	expectList(t, "hidden", n.Hidden, []string{"周七", "张三", "李四", "赵六"})
	expectList(t, "ID numbers", n.IDNumbers, []string{"11010519491231002X"})
	expectList(t, "phones", n.Phones, []string{"13800000000"})
	if c := caseNumbered(t, n, "P1"); len(c.Handlings) != 2 || !slices.Equal(c.Handlings[0], []string{"诫勉谈话"}) || !slices.Equal(c.Handlings[1], []string{"通报批评"}) {
		t.Errorf("P1 handlings %q, want [[诫勉谈话] [通报批评]]", c.Handlings)
	}
	var order []string
	for _, c := range n.Cases {
		order = append(order, c.Number)
	}
	expectList(t, "cases", order, []string{"N1", "P1", "P2"})
}

// TestNoticeAddsTitleAndBody: a notice with a register's case number gives
// that case its title and text, and then it has facts to publish.
func TestNoticeAddsTitleAndBody(t *testing.T) {
	n, probs := build(t, header(2024)+`P1	T02	#date:2024-05-01		王平		诫勉谈话
-- content/notices/p1.md --
---
number: P1
title: 关于王平问题的通报
---
经查，王平未按要求部署年度工作。
`)
	expectProblems(t, probs)
	c := caseNumbered(t, n, "P1")
	if c.Title != "关于王平问题的通报" || !strings.Contains(c.Body, "经查，王平未按要求部署年度工作。") || c.File != "content/notices/p1.md" {
		t.Errorf("case title %q body %q file %q", c.Title, c.Body, c.File)
	}
	if c.Unit != "T02" || c.Date != date(2024, 5, 1) || len(n.Cases) != 1 {
		t.Errorf("the register should give the case: unit %q date %s, %d cases", c.Unit, c.Date, len(n.Cases))
	}
}

// TestNoticeConflict: the register decides a case's fields; a notice of a
// register's case that gives one too is reported, at its number.
func TestNoticeConflict(t *testing.T) {
	n, probs := build(t, header(2024)+`P1	T02	#date:2024-05-01		王平		诫勉谈话	事实
-- content/notices/p1.md --
---
number: P1
title: 关于王平问题的通报
unit: T02
---
经查……
`)
	expectProblems(t, probs, "content/notices/p1.md:2:9 notice.conflict")
	if len(probs) == 1 && (len(probs[0].Notes) != 1 || probs[0].Notes[0].Pos.String() != "data/2024/责任追究台账.xlsx!Sheet1!A2") {
		t.Errorf("the conflict should note the register's case: %+v", probs[0].Notes)
	}
	if len(n.Cases) != 1 {
		t.Errorf("want the register's one case, got %d", len(n.Cases))
	}
}

// TestNoticeOnlyCase: a case in no register is given whole by its notice;
// a unit not in the units register is reported at its line.
func TestNoticeOnlyCase(t *testing.T) {
	notice := `
-- content/notices/q9.md --
---
number: Q9
title: 关于赵六问题的通报
date: 2024-05-01
unit: UNIT
subjects:
  - {name: 赵六, handling: [诫勉谈话]}
---
经查……
`
	t.Run("known unit", func(t *testing.T) {
		n, probs := build(t, strings.Replace(notice, "UNIT", "一镇", 1))
		expectProblems(t, probs)
		c := caseNumbered(t, n, "Q9")
		if c.Unit != "T01" || c.Year != 2024 || len(c.Subjects) != 1 || !slices.Equal(c.Subjects[0].Handling, []string{"admonition"}) {
			t.Errorf("case from the notice: %+v", c.Case)
		}
		expectList(t, "restrictions", restrictions(n), []string{"T01 赵六 不得提拔使用 2024-05-01..2024-11-01 Q9"})
		if cs := n.Of(2024); len(cs) != 1 || cs[0].Unit != "T01" {
			t.Errorf("2024's cases should be the notice's, of T01: %v", cs)
		}
	})
	t.Run("no date", func(t *testing.T) {
		// One problem: without a date, the unit cannot be checked against a year.
		_, probs := build(t, strings.Replace(strings.Replace(notice, "UNIT", "一镇", 1), "date: 2024-05-01\n", "", 1))
		expectProblems(t, probs, "content/notices/q9.md:2:9 content.front-matter")
	})
	t.Run("unknown unit", func(t *testing.T) {
		n, probs := build(t, strings.Replace(notice, "UNIT", "九镇", 1))
		expectProblems(t, probs, "content/notices/q9.md:5:7 notice.unknown-ref")
		if len(n.Cases) != 0 {
			t.Errorf("the case with an unknown unit should be left out: %d cases", len(n.Cases))
		}
	})
}

// TestCaseNumberDuplicate: a case number is the site's, not the year's.
func TestCaseNumberDuplicate(t *testing.T) {
	n, probs := build(t, header(2023)+`N1	T01	#date:2023-05-01		王平		通报批评	事实
`+header(2024)+`N1	T02	#date:2024-05-01		李明		通报批评	事实
`)
	expectProblems(t, probs, "data/2024/责任追究台账.xlsx!Sheet1!A2 notice.duplicate")
	if len(probs) == 1 && (len(probs[0].Notes) != 1 || probs[0].Notes[0].Pos.String() != "data/2023/责任追究台账.xlsx!Sheet1!A2") {
		t.Errorf("the duplicate should note the first: %+v", probs[0].Notes)
	}
	if len(n.Cases) != 1 || n.Cases[0].Year != 2023 {
		t.Errorf("want the first case only: %d cases", len(n.Cases))
	}
}

// TestCaseNoFacts: a case with neither facts nor a notice text would say
// nothing of what happened: a warning at its number.
func TestCaseNoFacts(t *testing.T) {
	n, probs := build(t, header(2024)+`P1	T02	#date:2024-05-01		王平		诫勉谈话
P2	T01	#date:2024-05-02		李明		诫勉谈话	事实
`)
	expectProblems(t, probs, "data/2024/责任追究台账.xlsx!Sheet1!A2 notice.no-facts")
	if len(probs) == 1 && probs[0].Severity != problem.Warning {
		t.Errorf("no facts should be a warning: %+v", probs[0])
	}
	if len(n.Cases) != 2 {
		t.Errorf("the case without facts is kept: %d cases", len(n.Cases))
	}
}

// TestCaseLevels: seed 004's levels by amount; a band's min is reached.
func TestCaseLevels(t *testing.T) {
	levels := `  levels:
    column: 损失金额（万元）
    unit: 万元
    bands: [{id: major, name: 重大, min: 300}, {id: large, name: 较大, min: 30}, {id: general, name: 一般}]
`
	n, probs := buildWith(t, levels, `
-- data/2024/责任追究台账.xlsx.tsv --
案件编号	单位编码	决定日期	姓名	处理方式	事实摘要	损失金额（万元）
L1	T01	#date:2024-05-01	王平	通报批评	事实	30
L2	T01	#date:2024-05-02	李明	通报批评	事实	29.99
L3	T02	#date:2024-05-03	赵六	通报批评	事实	300
L4	T02	#date:2024-05-04	周七	通报批评	事实	0
L5	T02	#date:2024-05-05	吴八	通报批评	事实	299.99
`)
	expectProblems(t, probs)
	for number, want := range map[string]string{"L1": "较大", "L2": "一般", "L3": "重大", "L4": "一般", "L5": "较大"} {
		if got := caseNumbered(t, n, number).Level; got != want {
			t.Errorf("%s: level %q, want %q", number, got, want)
		}
	}
}
