package ingest_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"dutyreport/generator/config"
	"dutyreport/generator/ingest"
	"dutyreport/generator/problem"
	"dutyreport/generator/record"
	"dutyreport/generator/sitetest"
)

// Tests of what clerks really export: each fixture is a workbook written by
// the test helper from text, and each test asserts the values read or the
// exact problems, by cell.

// readData builds a site from base plus files and reads it, data and all.
func readData(t *testing.T, files string) (*record.Data, problem.List) {
	t.Helper()
	return readSiteData(t, base+files)
}

// readSiteData builds a site from its whole txtar and reads it, data and
// all.
func readSiteData(t *testing.T, site string) (*record.Data, problem.List) {
	t.Helper()
	dir := t.TempDir()
	if err := sitetest.WriteSite(dir, site); err != nil {
		t.Fatal(err)
	}
	cfg, probs := config.Load(dir)
	if probs.HasErrors() {
		t.Fatal(probs)
	}
	return ingest.Read(cfg)
}

// evaluations lists a year's evaluation rows as "unit ballots average".
func evaluations(d *record.Data) string {
	var out []string
	for _, e := range d.Years[0].Evaluations {
		out = append(out, fmt.Sprintf("%s %d %s", e.Unit, e.Ballots, e.Average))
	}
	sort.Strings(out)
	return strings.Join(out, ", ")
}

const okLedger = `
-- data/2024/纪实台账.xlsx.tsv --
单位编码	责任类别	任务编号	应完成次数	实际完成次数
T01	主体责任	A1	1	1
T02	主体责任	A1	1	1
C01	监督责任	C1	1	1
`

// TestValuesAsClerksWriteThem: numbers as text with units, spaces, full-width
// digits and thousands separators; percents in a column out of 100, typed or
// formatted; dashes and 无 where a value may be left out.
func TestValuesAsClerksWriteThem(t *testing.T) {
	d, probs := readData(t, register+okLedger+`
-- data/2024/民主测评.xlsx.tsv --
单位编码	有效票数	平均分
T01	1,020票	 ８７．５分 
T02	—	92.5%
C01	/	#percent:0.9125
`)
	expectProblems(t, probs)
	if got, want := evaluations(d), "C01 0 91.25, T01 1020 87.50, T02 0 92.50"; got != want {
		t.Errorf("read %s, want %s", got, want)
	}
}

func TestValuesRefused(t *testing.T) {
	probs := read(t, register+`
-- data/2024/纪实台账.xlsx.tsv --
单位编码	责任类别	任务编号	应完成次数	实际完成次数	完成时间
T01	主体责任	A1	1	无	—
T02	主体责任	A1	2	1次
C01	监督责任	C1	50%	1
-- data/2024/民主测评.xlsx.tsv --
单位编码	有效票数	平均分
T01	12,34	80
T02	100	无
`)
	expectProblems(t, probs,
		"data/2024/民主测评.xlsx!Sheet1!B2 ingest.not-a-number", // 12,34 is no grouping of thousands
		"data/2024/民主测评.xlsx!Sheet1!C3 ingest.empty-cell",
		"data/2024/纪实台账.xlsx!Sheet1!E2 ingest.empty-cell", // 无 is not read as 0: the clerk writes the 0
		"data/2024/纪实台账.xlsx!Sheet1!D4 ingest.not-a-number",
	)
	if p := probs[2]; p.Found != "无" || !strings.Contains(p.Expected.In(problem.EN), "write 0") {
		t.Errorf("the empty count should show what was found and ask for a 0: %+v", p)
	}
}

// TestPercentOnlyOutOf100: 90% of a 30-point component is a sum the clerk
// should make, not the tool.
func TestPercentOnlyOutOf100(t *testing.T) {
	site := strings.Replace(base, "  - {id: social, name: 社会评价, kind: evaluation, full: 30}\n",
		"  - {id: social, name: 社会评价, kind: evaluation, full: 30}\n  - {id: bonus, name: 创新加分, kind: sheet, full: 5, column: 创新加分}\n", 1)
	probs := readSite(t, site+register+okLedger+`
-- data/2024/民主测评.xlsx.tsv --
单位编码	平均分
T01	80
T02	80
-- data/2024/考核得分汇总表.xlsx.tsv --
单位编码	创新加分	总分
T01	60%	90%
T02	3	#percent:0.9
`)
	expectProblems(t, probs, "data/2024/考核得分汇总表.xlsx!Sheet1!B2 ingest.not-a-number")
}

// TestFormulasWithoutValues: a workbook written by a program that does not
// calculate holds formulas and no values. One problem per column says so and
// asks for the file to be opened and saved; a formula with its saved value
// is read as that value.
func TestFormulasWithoutValues(t *testing.T) {
	d, probs := readData(t, register+okLedger+`
-- data/2024/民主测评.xlsx.tsv --
单位编码	有效票数	平均分
T01	100	#formula:ROUND(85.456,2)=>85.46
T02	100	#formula:AVERAGE(E3:E9)
C01	100	#formula:AVERAGE(E3:E9)
`)
	expectProblems(t, probs, "data/2024/民主测评.xlsx!Sheet1!C3 ingest.uncomputed-formula")
	if p := probs[0]; p.Found != "=AVERAGE(E3:E9)" || len(p.Notes) != 1 || !strings.Contains(p.Notes[0].Text.In(problem.EN), "1 more") {
		t.Errorf("the problem should show the formula and count the other cell: %+v", p)
	}
	if !strings.Contains(probs[0].Format(problem.ZH), "打开该文件并保存") {
		t.Errorf("the message should tell the clerk to open and save the file: %s", probs[0].Format(problem.ZH))
	}
	if got := evaluations(d); got != "T01 100 85.46" {
		t.Errorf("read %s, want the saved value of T01 only", got)
	}
}

// TestTotalRowsSkipped: 合计, 小计 and 平均 rows are reported and not read as
// units, wherever they are.
func TestTotalRowsSkipped(t *testing.T) {
	d, probs := readData(t, register+okLedger+`
-- data/2024/民主测评.xlsx.tsv --
序号	单位编码	单位名称	平均分
1	T01	平均镇	80
	小计		80
2	T02	二镇	90
合 计			170
	平均值		85
`)
	expectProblems(t, probs,
		"data/2024/民主测评.xlsx!Sheet1!C2 ingest.name-mismatch", // a town's name, not a total: its code decides
		"data/2024/民主测评.xlsx!Sheet1!A3 ingest.total-row",
		"data/2024/民主测评.xlsx!Sheet1!A5 ingest.total-row",
		"data/2024/民主测评.xlsx!Sheet1!A6 ingest.total-row",
	)
	if probs.HasErrors() {
		t.Error("total rows are warnings")
	}
	if got := evaluations(d); got != "T01 0 80.00, T02 0 90.00" {
		t.Errorf("read %s", got)
	}
}

// TestHeadersOverSeveralRows: a header of two levels, with cells merged
// across (主体责任 over 基础分 and 扣分) and down (单位编码), gives each column
// one name; title rows above are passed over.
func TestHeadersOverSeveralRows(t *testing.T) {
	site := strings.Replace(base, "  - {id: social, name: 社会评价, kind: evaluation, full: 30}\n",
		"  - {id: social, name: 社会评价, kind: evaluation, full: 30}\n"+
			"  - {id: bonus, name: 创新加分, kind: sheet, full: 5, column: 加分项创新加分}\n"+
			"  - {id: minus, name: 扣分, kind: sheet, full: 5, column: 减分项/扣分}\n", 1)
	d, probs := readSiteData(t, site+register+okLedger+`
-- data/2024/民主测评.xlsx.tsv --
单位编码	平均分（分）
T01	80
T02	80
-- data/2024/考核得分汇总表.xlsx.tsv --
# merge: A1:F1
# merge: A3:A4
# merge: B3:B4
# merge: C3:D3
# merge: E3:F3
2024年度考核得分汇总表
填报单位：县纪委
单位编码	单位名称	加分项		减分项	
		创新加分	其他	扣分	其他
T01	一镇	3	1	2	0
T02	二镇	4	0	1	0
`)
	expectProblems(t, probs)
	var got []string
	for _, r := range d.Years[0].Scores {
		got = append(got, fmt.Sprintf("%s bonus %s minus %s", r.Unit, r.Scores["bonus"], r.Scores["minus"]))
	}
	if want := "T01 bonus 3.00 minus 2.00; T02 bonus 4.00 minus 1.00"; strings.Join(got, "; ") != want {
		t.Errorf("read %s, want %s", strings.Join(got, "; "), want)
	}
}

// TestSheetsOfAWorkbook: every visible worksheet with the header is read (a
// sheet per category); a notes sheet and a chart sheet are skipped with a
// warning; a hidden sheet is not read.
func TestSheetsOfAWorkbook(t *testing.T) {
	d, probs := readData(t, register+okLedger+`
-- data/2024/民主测评.xlsx.tsv --
# sheet: 填表说明
本表由各考核组填写，平均分保留两位小数。
# sheet: 乡镇
单位编码	平均分
T01	80
T02	90
# sheet: 监委会
单位编码	平均分
C01	70
# chartsheet: 图表
# sheet: 草稿
# hidden
单位编码	平均分
T01	10
`)
	expectProblems(t, probs,
		"data/2024/民主测评.xlsx!图表 ingest.skipped-sheet",
		"data/2024/民主测评.xlsx!填表说明 ingest.skipped-sheet",
	)
	if got := evaluations(d); got != "C01 0 70.00, T01 0 80.00, T02 0 90.00" {
		t.Errorf("read %s", got)
	}
}

// TestSheetPerYear: one workbook with a sheet per year, named in site.yaml.
// The sheet may be called 2024 or 2024年度; a hidden sheet is read when named.
func TestSheetPerYear(t *testing.T) {
	site := strings.Replace(base, "years: [{year: 2024}]", "years: [{year: 2023}, {year: 2024}]\ninputs: {evaluation: \"data/民主测评.xlsx#{year}\"}", 1)
	dir := t.TempDir()
	if err := sitetest.WriteSite(dir, site+strings.ReplaceAll(register, "\tT01\n", "\tT01\n")+`
-- data/2023/纪实台账.xlsx.tsv --
单位编码	责任类别	任务编号	应完成次数	实际完成次数
T01	主体责任	A1	1	1
T02	主体责任	A1	1	1
C01	监督责任	C1	1	1
`+okLedger+`
-- data/民主测评.xlsx.tsv --
# sheet: 2023年度
# hidden
单位编码	平均分
T01	70
T02	71
# sheet: 2024
单位编码	平均分
T01	80
T02	81
`); err != nil {
		t.Fatal(err)
	}
	cfg, probs := config.Load(dir)
	if probs.HasErrors() {
		t.Fatal(probs)
	}
	d, probs := ingest.Read(cfg)
	expectProblems(t, probs)
	for i, want := range []string{"T01 0 70.00, T02 0 71.00", "T01 0 80.00, T02 0 81.00"} {
		var got []string
		for _, e := range d.Years[i].Evaluations {
			got = append(got, fmt.Sprintf("%s %d %s", e.Unit, e.Ballots, e.Average))
		}
		if strings.Join(got, ", ") != want {
			t.Errorf("%d: read %s, want %s", d.Years[i].Year, strings.Join(got, ", "), want)
		}
	}
}

func TestNamedSheetMissing(t *testing.T) {
	site := strings.Replace(base, "years: [{year: 2024}]", "years: [{year: 2024}]\ninputs: {evaluation: \"data/民主测评.xlsx#{year}\"}", 1)
	probs := readSite(t, site+register+okLedger+`
-- data/民主测评.xlsx.tsv --
# sheet: 2023
单位编码	平均分
T01	70
`)
	expectProblems(t, probs, "data/民主测评.xlsx ingest.missing-sheet")
	if p := probs[0]; p.Found != "2024" || !strings.Contains(p.Expected.In(problem.EN), "2023") {
		t.Errorf("the problem should name the sheet sought and those there: %+v", p)
	}
}

// TestUnitsByName: a sheet may give units by name: the current name, or a
// former one; a name two units share is an error, never a guess.
func TestUnitsByName(t *testing.T) {
	d, probs := readData(t, `
-- data/单位名录.xlsx.tsv --
单位编码	单位名称	类别	所属镇	曾用名
T01	一镇	镇
T02	二镇	镇		旧二镇（2020-2023）
T03	三镇	镇		一镇（2020-2022）
C01	新村监委会	监委会	T01
C02	新村监委会	监委会	T02
-- data/2024/纪实台账.xlsx.tsv --
单位名称	责任类别	任务编号	应完成次数	实际完成次数
一镇	主体责任	A1	1	1
二镇	主体责任	A1	1	1
三镇	主体责任	A1	1	1
新村监委会	监督责任	C1	1	1
-- data/2024/民主测评.xlsx.tsv --
单位名称	平均分
一 镇	80
旧二镇	81
三镇	82
四镇	83
`)
	expectProblems(t, probs,
		"data/2024/民主测评.xlsx!Sheet1!A3 ingest.name-mismatch", // 旧二镇 is T02's former name
		"data/2024/民主测评.xlsx!Sheet1!A5 ingest.unknown-unit-name",
		"data/2024/纪实台账.xlsx!Sheet1!A5 ingest.ambiguous-unit",
	)
	if got := evaluations(d); got != "T01 0 80.00, T02 0 81.00, T03 0 82.00" {
		t.Errorf("read %s", got)
	}
	if p := probs[2]; !strings.Contains(p.Expected.In(problem.EN), "C01") || !strings.Contains(p.Expected.In(problem.EN), "C02") {
		t.Errorf("the ambiguous name should list both units: %+v", p)
	}
}

// TestInputWithoutYear: an input read every year must differ by year.
func TestInputWithoutYear(t *testing.T) {
	dir := t.TempDir()
	site := strings.Replace(base, "years: [{year: 2024}]", "years: [{year: 2024}]\ninputs: {evaluation: data/民主测评.xlsx}", 1)
	if err := sitetest.WriteSite(dir, site); err != nil {
		t.Fatal(err)
	}
	_, probs := config.Load(dir)
	expectProblems(t, probs, "site.yaml:4:22 config.bad-value")
}

// TestCSVEncodings: CSV as Excel and WPS in China save it, in GB18030, in
// UTF-8 with or without its byte-order mark, and as UTF-16 "Unicode text"
// with tabs, is read alike; the format is told from the bytes, so a CSV
// named .xlsx is read too. A blank line is a row, as Excel numbers them.
func TestCSVEncodings(t *testing.T) {
	text := "单位编码,单位名称,平均分\r\nT01,一镇,\"85.5\"\r\n\r\nT02,二镇,\"1,0\"\r\n"
	gb, err := simplifiedchinese.GB18030.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	tabs := "单位编码\t单位名称\t平均分\r\nT01\t一镇\t\"85.5\"\r\n\r\nT02\t二镇\t\"1,0\"\r\n"
	u16, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(tabs)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, file, bytes string }{
		{"GB18030", "民主测评.csv", gb},
		{"UTF-8 with BOM", "民主测评.csv", "\uFEFF" + text},
		{"UTF-8", "民主测评.csv", text},
		{"UTF-16 with tabs", "民主测评.txt", u16},
		{"CSV named .xlsx", "民主测评.xlsx", gb},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			site := strings.Replace(base, "years: [{year: 2024}]", "years: [{year: 2024}]\ninputs: {evaluation: \"data/{year}/"+tc.file+"\"}", 1)
			if err := sitetest.WriteSite(dir, site+register+okLedger); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, "data/2024", tc.file), []byte(tc.bytes), 0o644); err != nil {
				t.Fatal(err)
			}
			cfg, probs := config.Load(dir)
			if probs.HasErrors() {
				t.Fatal(probs)
			}
			d, probs := ingest.Read(cfg)
			// 1,0 is no number: the problem's cell shows the blank line counted.
			expectProblems(t, probs, "data/2024/"+tc.file+"!C4 ingest.not-a-number")
			if len(probs) == 1 && probs[0].Found != "1,0" {
				t.Errorf("found %q, want the cell's text", probs[0].Found)
			}
			if got := evaluations(d); got != "T01 0 85.50" {
				t.Errorf("read %s", got)
			}
		})
	}
}

// TestOtherExtension: the configured 民主测评.xlsx exported as 民主测评.csv
// is read; exported as .xls, it is refused as an .xls, not as missing.
func TestOtherExtension(t *testing.T) {
	dir := t.TempDir()
	if err := sitetest.WriteSite(dir, base+register+okLedger); err != nil {
		t.Fatal(err)
	}
	csvFile := filepath.Join(dir, "data/2024/民主测评.csv")
	if err := os.WriteFile(csvFile, []byte("单位编码,平均分\nT01,80\nT02,81\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, probs := config.Load(dir)
	if probs.HasErrors() {
		t.Fatal(probs)
	}
	d, probs := ingest.Read(cfg)
	expectProblems(t, probs)
	if got := evaluations(d); got != "T01 0 80.00, T02 0 81.00" {
		t.Errorf("read %s", got)
	}
	os.Remove(csvFile)
	xls := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 600)...)
	if err := os.WriteFile(filepath.Join(dir, "data/2024/民主测评.xls"), xls, 0o644); err != nil {
		t.Fatal(err)
	}
	_, probs = ingest.Read(cfg)
	expectProblems(t, probs, "data/2024/民主测评.xls ingest.damaged") // the header of a compound file, and nothing in it
}

// TestReviewCases: cases found in review, each once wrong.
func TestReviewCases(t *testing.T) {
	t.Run("an optional score sheet named per year may lack a year", func(t *testing.T) {
		site := strings.Replace(base, "years: [{year: 2024}]", "years: [{year: 2024}]\ninputs: {scores: \"data/汇总.xlsx#{year}\"}", 1)
		probs := readSite(t, site+register+okLedger+`
-- data/2024/民主测评.xlsx.tsv --
单位编码	平均分
T01	80
T02	80
-- data/汇总.xlsx.tsv --
# sheet: 2023
单位编码	总分
T01	80
`)
		expectProblems(t, probs)
	})
	t.Run("a unit given by name in a row left out is rejected by its code", func(t *testing.T) {
		d, probs := readData(t, register+okLedger+`
-- data/2024/民主测评.xlsx.tsv --
单位名称	平均分
一镇	80
二镇	#formula:AVERAGE(E3:E9)
`)
		expectProblems(t, probs, "data/2024/民主测评.xlsx!Sheet1!B3 ingest.uncomputed-formula")
		if !d.Years[0].Inputs[record.KindEvaluation].Rejected["T02"] {
			t.Errorf("T02 should be rejected by its code: %v", d.Years[0].Inputs[record.KindEvaluation].Rejected)
		}
	})
	t.Run("a register row left out for a formula rejects its unit", func(t *testing.T) {
		d, probs := readData(t, `
-- data/单位名录.xlsx.tsv --
单位编码	单位名称	类别	起始年度
T01	一镇	镇
T02	二镇	镇	#formula:YEAR(TODAY())
-- data/2024/纪实台账.xlsx.tsv --
单位编码	责任类别	任务编号	应完成次数	实际完成次数
T01	主体责任	A1	1	1
T02	主体责任	A1	1	1
-- data/2024/民主测评.xlsx.tsv --
单位编码	平均分
T01	80
T02	80
`)
		expectProblems(t, probs, "data/单位名录.xlsx!Sheet1!D3 ingest.uncomputed-formula")
		if !d.Register.Rejected["T02"] {
			t.Errorf("T02 should be rejected: %v", d.Register.Rejected)
		}
	})
}

// TestUnknownNamesSuggested: a unit name the register lacks is called a
// name, with the register's nearest names that year, in every file read
// (the files are read at once, sharing what was worked out: run with -race);
// a known name in the code column is read as the unit it names; a name
// nothing is near gets no suggestion, and a name is never suggested for
// itself.
func TestUnknownNamesSuggested(t *testing.T) {
	_, probs := readData(t, `
-- data/单位名录.xlsx.tsv --
单位编码	单位名称	类别
T01	城关镇	镇
T02	城南镇	镇
-- data/2024/纪实台账.xlsx.tsv --
单位编码	单位名称	责任类别	任务编号	应完成次数	实际完成次数
	城关真	主体责任	A1	1	1
城南镇		主体责任	A1	1	1
T01	城关镇	主体责任	A1	1	1
-- data/2024/民主测评.xlsx.tsv --
单位名称	平均分
城关真	80
黄河乡	80
城南镇	80
城关镇	81
`)
	var got []string
	for _, p := range probs {
		hint := p.Hint.In(problem.ZH)
		got = append(got, p.Pos.String()+" "+string(p.Code)+" "+p.Found+" "+hint)
	}
	want := []string{
		"data/2024/民主测评.xlsx!Sheet1!A2 ingest.unknown-unit-name 城关真 是否应为“城关镇”（T01）？如是，请改正名称；否则请在单位名录中添加该单位",
		"data/2024/民主测评.xlsx!Sheet1!A3 ingest.unknown-unit-name 黄河乡 ",
		"data/2024/纪实台账.xlsx!Sheet1!B2 ingest.unknown-unit-name 城关真 是否应为“城关镇”（T01）？如是，请改正名称；否则请在单位名录中添加该单位",
	}
	if !slices.Equal(got, want) {
		t.Errorf("problems:\n got  %s\n want %s", strings.Join(got, "\n      "), strings.Join(want, "\n      "))
	}
}
