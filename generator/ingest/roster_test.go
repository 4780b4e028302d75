package ingest_test

import (
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"dutyreport/generator/config"
	"dutyreport/generator/ingest"
	"dutyreport/generator/problem"
	"dutyreport/generator/record"
	"dutyreport/generator/sitetest"
)

// Tests of the roster (人员名单): one row per person and role in a unit, a
// role that changed hands during the year being two rows with their dates.

// rosterRegister is the units register with a town ended in 2022.
const rosterRegister = `
-- data/单位名录.xlsx.tsv --
单位编码	单位名称	类别	所属镇	起始年度	终止年度
T01	一镇	镇
T02	二镇	乡镇
T03	三镇	镇		2020	2022
C01	甲村监委会	监委会	T01
`

// rosterSite is base with a scheme that assesses the principal, the leader
// in charge and the members (not the discipline head), the register and
// clean inputs for 2024, followed by files. base's last file is
// scheme.yaml, so the persons section is appended to the scheme.
func rosterSite(t *testing.T, files string) string {
	t.Helper()
	site := strings.Replace(base, "  - {code: A1, name: 年度计划, responsibility: main, points: 2}\n",
		"  - {code: A1, name: 年度计划, responsibility: main, role: 主要负责人, points: 2}\n"+
			"  - {code: A2, name: 分管落实, responsibility: main, role: 分管领导, points: 1}\n"+
			"  - {code: A3, name: 一岗双责, responsibility: main, role: 班子成员, points: 1}\n", 1)
	if site == base || !strings.HasSuffix(strings.TrimSpace(base), "groups: [{id: towns, name: 镇, categories: [town]}]") {
		t.Fatal("base changed: rosterSite needs its tasks line and scheme.yaml last")
	}
	return site + "persons: {roles: [principal, in_charge, member], base: 70}\n" + rosterRegister + okLedger + caseEvaluation + files
}

// readRosterSite builds a site and reads it; the 2024 year is returned.
func readRosterSite(t *testing.T, site string) (*record.Year, problem.List) {
	t.Helper()
	d, probs := readCaseSite(t, site)
	return d.Year(2024), probs
}

// posts lists posts as "unit role name position from to days".
func posts(ps []record.Post) []string {
	var out []string
	for _, p := range ps {
		out = append(out, strings.Join([]string{p.Unit, p.Role, p.Name, p.Position, p.From.String(), p.To.String()}, " "))
	}
	return out
}

// TestRosterMidYearChange: the principal changed on 1 July, two rows with
// their dates; headers and roles are given by aliases, names are padded,
// dates are date cells, text with full-width digits and 至今.
func TestRosterMidYearChange(t *testing.T) {
	y, probs := readRosterSite(t, rosterSite(t, `
-- data/2024/人员名单.xlsx.tsv --
# merge: A1:G1
2024年度人员名单
编码	单位	岗位类别	姓名	现任职务	任职时间	离任日期
T01	一镇	主要领导	王　平	党委书记	#date:2019-05-06	2024/6/30
T01	一镇	主要负责人	欧阳 明	党委书记	２０２４年７月１日	至今
T01	一镇	分管负责人	李明	党委副书记
T01	一镇	领导班子成员	张三	副镇长
T01		班子成员	李四	党委委员	2024.3.1	—
	二镇	第一责任人	赵六	党委书记
`))
	expectProblems(t, probs)
	want := []string{
		"T01 principal 王平 党委书记 2019-05-06 2024-06-30",
		"T01 principal 欧阳明 党委书记 2024-07-01 ",
		"T01 in_charge 李明 党委副书记  ",
		"T01 member 张三 副镇长  ",
		"T01 member 李四 党委委员 2024-03-01 ",
		"T02 principal 赵六 党委书记  ",
	}
	if got := posts(y.Roster); !slices.Equal(got, want) {
		t.Fatalf("roster:\n got  %q\n want %q", got, want)
	}
	// 2024 is a leap year: January to June is 31+29+31+30+31+30 = 182 days,
	// July to December 31+31+30+31+30+31 = 184.
	if a, b := y.Roster[0].DaysIn(2024), y.Roster[1].DaysIn(2024); a != 182 || b != 184 {
		t.Errorf("days in 2024: %d and %d, want 182 and 184", a, b)
	}
	if o := y.Roster[0].Origin; o.File != y.Inputs[record.KindRoster].File || o.Row != 3 || o.Col != 4 || y.Inputs[record.KindRoster].File == 0 {
		t.Errorf("origin %+v, want the name's cell D3 of file %d", o, y.Inputs[record.KindRoster].File)
	}
	if len(y.Inputs[record.KindRoster].Rejected) != 0 {
		t.Errorf("nothing rejected, got %v", y.Inputs[record.KindRoster].Rejected)
	}
}

// TestRosterHeaderAliases: each header is found by the names clerks give it.
func TestRosterHeaderAliases(t *testing.T) {
	for _, header := range []string{
		"单位编码	单位名称	角色	姓名	职务	任职起始日期	任职终止日期",
		"单位代码	所在单位	责任人类别	人员姓名	职务名称	任职开始	终止日期",
		"*单位 编码	单位	岗位类别	姓　名	职务	起始日期（年月日）	离任时间",
		"编码	工作单位	人员类别	责任人姓名	担任职务	任职开始日期	任职结束日期",
	} {
		y, probs := readRosterSite(t, rosterSite(t, "\n-- data/2024/人员名单.xlsx.tsv --\n"+header+"\nT02	二镇	分管领导	孙七	副镇长	2024-02-01	2024-11-30\n"))
		expectProblems(t, probs)
		want := []string{"T02 in_charge 孙七 副镇长 2024-02-01 2024-11-30"}
		if got := posts(y.Roster); !slices.Equal(got, want) {
			t.Errorf("header %q: roster %q, want %q", header, got, want)
		}
	}
}

// TestRosterProblems: every problem at its cell, all at once. The columns
// are A 单位编码, B 单位名称, C 角色, D 姓名, E 职务, F 任职起始日期, G 任职终止日期.
func TestRosterProblems(t *testing.T) {
	y, probs := readRosterSite(t, rosterSite(t, `
-- data/2024/人员名单.xlsx.tsv --
单位编码	单位名称	角色	姓名	职务	任职起始日期	任职终止日期
T09		主要负责人	周一	党委书记
T03		主要负责人	周二	党委书记
T01		书记员	周三	党委委员
T01		纪检监察组织负责人	周四	纪委书记
T01		班子成员		副镇长
T01		班子成员	周五	副镇长	2024-02-30
T01		班子成员	周六	副镇长	2024-05-01	2024-04-01
T01		班子成员	周七	副镇长		2023-12-31
T02		主要负责人	吴甲	党委书记
T02		主要领导	吴乙	党委书记	2024-10-01
T02		班子成员	吴丙	副镇长
T02		班子成员	吴丁	副镇长
T02		班子成员	吴丙	党委委员	2024-06-01
T01
T02		分管领导	吴戊	党委副书记	2025-01-05
`))
	const f = "data/2024/人员名单.xlsx!Sheet1!"
	expectProblems(t, probs,
		f+"A2 ingest.unknown-unit",
		f+"A3 ingest.inactive-unit",
		f+"C4 ingest.bad-choice",         // not a role
		f+"C5 ingest.bad-choice",         // a role the scheme does not assess: a warning
		f+"D6 ingest.empty-cell",         // no name
		f+"F7 ingest.bad-date",           // 30 February
		f+"G8 ingest.bad-period",         // ends before it starts
		f+"G9 ingest.bad-period",         // ended before 2024: a warning
		f+"D11 ingest.overlapping-posts", // two principals from 1 October: a warning
		f+"D14 ingest.duplicate-row",     // 吴丙 twice as a member
		f+"C15 ingest.empty-cell",        // no role
		f+"D15 ingest.empty-cell",        // no name
		f+"F16 ingest.bad-period",        // starts after 2024: a warning
	)
	warnings := map[string]bool{"C5": true, "G9": true, "D11": true, "F16": true}
	for _, p := range probs {
		cell := strings.TrimPrefix(p.Pos.String(), f)
		if got := p.Severity == problem.Warning; got != warnings[cell] {
			t.Errorf("%s %s: warning %v, want %v", cell, p.Code, got, warnings[cell])
		}
		switch cell {
		case "C4":
			for _, role := range []string{"主要负责人", "分管领导", "班子成员", "纪检监察组织负责人"} {
				if !strings.Contains(p.Expected.In(problem.EN), role) {
					t.Errorf("C4: expected %q should list the role %s", p.Expected.In(problem.EN), role)
				}
			}
		case "D11":
			if len(p.Notes) != 1 || p.Notes[0].Pos.String() != f+"D10" {
				t.Errorf("D11: want a note at the other principal's row, D10: %+v", p.Notes)
			}
		case "D14":
			if len(p.Notes) != 1 || p.Notes[0].Pos.String() != f+"D12" {
				t.Errorf("D14: want a note at the first row, D12: %+v", p.Notes)
			}
		}
	}
	want := []string{
		"T02 principal 吴甲 党委书记  ",
		"T02 principal 吴乙 党委书记 2024-10-01 ", // kept: the overlap is a warning
		"T02 member 吴丙 副镇长  ",
		"T02 member 吴丁 副镇长  ", // members overlap freely
	}
	if got := posts(y.Roster); !slices.Equal(got, want) {
		t.Errorf("roster:\n got  %q\n want %q", got, want)
	}
	if !reflect.DeepEqual(y.Inputs[record.KindRoster].Rejected, map[string]bool{"T01": true, "T02": true}) {
		t.Errorf("rejected %v, want T01 and T02", y.Inputs[record.KindRoster].Rejected)
	}
	// The rows left out with a warning are persons all the same, whom the
	// public site masks (issue 19).
	if want := []string{"周四", "周七", "吴戊"}; !slices.Equal(y.RosterLeftOut, want) {
		t.Errorf("left out %q, want %q", y.RosterLeftOut, want)
	}
}

// TestRosterSuccessionDoesNotOverlap: a predecessor to 30 June and a
// successor from 1 July are no overlap, nor is a holder who left and
// came back; a day in common is.
func TestRosterSuccessionDoesNotOverlap(t *testing.T) {
	_, probs := readRosterSite(t, rosterSite(t, `
-- data/2024/人员名单.xlsx.tsv --
单位编码	角色	姓名	任职起始日期	任职终止日期
T01	主要负责人	王甲		2024-06-30
T01	主要负责人	王乙	2024-07-01	2024-09-30
T01	主要负责人	王甲	2024-10-01
T02	分管领导	陈甲		2024-06-30
T02	分管领导	陈乙	2024-06-30
`))
	expectProblems(t, probs, "data/2024/人员名单.xlsx!Sheet1!C6 ingest.overlapping-posts")
}

// TestRosterOptional: a year without a roster has none (nil, no file, no
// problem); one exported as .csv is read in place of the .xlsx; and a
// scheme that assesses no person reads no roster at all.
func TestRosterOptional(t *testing.T) {
	site := strings.Replace(rosterSite(t, `
-- data/2024/人员名单.csv --
单位编码,角色,姓名,职务
T01,主要负责人,王平,党委书记
`), "years: [{year: 2024}]", "years: [{year: 2023}, {year: 2024}]", 1)
	site += strings.ReplaceAll(okLedger+caseEvaluation, "data/2024/", "data/2023/")
	d, probs := readCaseSite(t, site)
	expectProblems(t, probs)
	if y := d.Year(2023); y.Roster != nil || y.Inputs[record.KindRoster].File != 0 || y.Inputs[record.KindRoster].Rejected != nil {
		t.Errorf("2023 has no roster: %+v %d %v", y.Roster, y.Inputs[record.KindRoster].File, y.Inputs[record.KindRoster].Rejected)
	}
	y := d.Year(2024)
	if got := posts(y.Roster); !slices.Equal(got, []string{"T01 principal 王平 党委书记  "}) || d.Files[y.Inputs[record.KindRoster].File].Path != "data/2024/人员名单.csv" {
		t.Errorf("2024 roster from the .csv: %q from %q", got, d.Files[y.Inputs[record.KindRoster].File].Path)
	}

	noPersons := strings.Replace(site, "persons: {roles: [principal, in_charge, member], base: 70}\n", "", 1)
	d, probs = readCaseSite(t, noPersons)
	expectProblems(t, probs)
	if y := d.Year(2024); y.Roster != nil || y.Inputs[record.KindRoster].File != 0 {
		t.Errorf("a scheme without persons reads no roster: %+v", y.Roster)
	}
}

// TestRosterCached: an unchanged roster is not parsed again, and what comes
// from the cache (posts, origins, warnings) is what a fresh read gives.
func TestRosterCached(t *testing.T) {
	dir := t.TempDir()
	if err := sitetest.WriteSite(dir, rosterSite(t, `
-- data/2024/人员名单.xlsx.tsv --
# merge: A1:E1
人员名单
单位编码	角色	姓名	任职起始日期	任职终止日期
T01	主要负责人	王甲		2024-06-30
T01	主要负责人	王乙	2024-06-01
T02	纪检监察组织负责人	陈甲
`)); err != nil {
		t.Fatal(err)
	}
	cfg, probs := config.Load(dir)
	if probs.HasErrors() {
		t.Fatal(probs)
	}
	opt := ingest.Options{CacheDir: filepath.Join(dir, ".cache")}
	read := func(wantParsed int64, wantProbs ...string) {
		t.Helper()
		before := ingest.Parsed.Load()
		got, gotProbs := ingest.ReadWith(cfg, opt)
		if n := ingest.Parsed.Load() - before; n != wantParsed {
			t.Errorf("parsed %d files, want %d", n, wantParsed)
		}
		expectProblems(t, gotProbs, wantProbs...)
		want, fresh := ingest.Read(cfg)
		if !reflect.DeepEqual(gotProbs, fresh) {
			t.Errorf("problems from the cache:\n%v\nwant\n%v", gotProbs, fresh)
		}
		if !reflect.DeepEqual(got.Years, want.Years) || !reflect.DeepEqual(got.Files, want.Files) {
			t.Errorf("records from the cache differ from a fresh read:\n%+v\nwant\n%+v", got.Years, want.Years)
		}
		if y := got.Year(2024); len(y.Roster) != 2 || y.Roster[1].Origin.File != y.Inputs[record.KindRoster].File || y.Inputs[record.KindRoster].File == 0 {
			t.Errorf("roster %+v, file %d", y.Roster, y.Inputs[record.KindRoster].File)
		}
	}
	const f = "data/2024/人员名单.xlsx!Sheet1!"
	read(3, f+"C4 ingest.overlapping-posts", f+"B5 ingest.bad-choice") // the ledger, the evaluation and the roster
	read(0, f+"C4 ingest.overlapping-posts", f+"B5 ingest.bad-choice")
	if err := sitetest.WriteSite(dir, `
-- data/2024/人员名单.xlsx.tsv --
单位编码	角色	姓名	任职起始日期	任职终止日期
T01	主要负责人	王甲		2024-06-30
T01	主要负责人	王乙	2024-07-01
`); err != nil {
		t.Fatal(err)
	}
	read(1) // the roster alone
}
