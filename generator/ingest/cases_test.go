package ingest_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"dutyreport/generator/config"
	"dutyreport/generator/ingest"
	"dutyreport/generator/problem"
	"dutyreport/generator/record"
	"dutyreport/generator/sitetest"
)

// Tests of the case register (责任追究台账): one row per party held
// accountable, the rows of a case sharing its 案件编号.

// shangnanCases is the cases: section of the Shangnan scheme at the
// repository root, so that these tests read handlings as the real scheme
// names them.
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

// caseEvaluation completes base's inputs for a year, with okLedger.
const caseEvaluation = `
-- data/2024/民主测评.xlsx.tsv --
单位编码	平均分
T01	80
T02	90
`

// caseHeader is a case register's header row; the columns are
//
//	A 案件编号  B 单位编码  C 单位名称  D 决定日期  E 问责对象类别  F 姓名  G 职务
//	H 责任形式  I 处理方式  J 事实摘要  K 身份证号  L 举报人  M 证人
const caseHeader = "\n-- data/2024/责任追究台账.xlsx.tsv --\n" +
	"案件编号	单位编码	单位名称	决定日期	问责对象类别	姓名	职务	责任形式	处理方式	事实摘要	身份证号	举报人	证人\n"

// caseSite is base with the Shangnan cases: section, the units register and
// clean inputs for 2024, followed by files. base's last file is scheme.yaml,
// so the section is appended to the scheme.
func caseSite(t *testing.T, files string) string {
	t.Helper()
	if i := strings.LastIndex(base, "\n-- "); !strings.HasPrefix(base[i:], "\n-- scheme.yaml --") {
		t.Fatal("base should end with scheme.yaml")
	}
	return base + shangnanCases(t) + register + okLedger + caseEvaluation + files
}

// readCaseSite builds a site from its whole txtar and reads it.
func readCaseSite(t *testing.T, site string) (*record.Data, problem.List) {
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

// readCaseRows reads a 2024 case register of these rows under caseHeader.
func readCaseRows(t *testing.T, rows string) ([]record.Case, problem.List) {
	t.Helper()
	d, probs := readCaseSite(t, caseSite(t, caseHeader+rows))
	return d.Years[0].Cases, probs
}

// caseNumbered finds a case by number.
func caseNumbered(t *testing.T, cases []record.Case, number string) record.Case {
	t.Helper()
	for _, c := range cases {
		if c.Number == number {
			return c
		}
	}
	t.Fatalf("no case %s among %d", number, len(cases))
	return record.Case{}
}

// TestCaseRowsShareANumber: a case of two people, its case cells given on
// the first row only, is one case with two subjects; the unit is found by
// name when the code is blank, and handlings are the scheme's ids.
func TestCaseRowsShareANumber(t *testing.T) {
	cases, probs := readCaseRows(t, `商纪问〔2024〕1号		二镇	2024年3月1日	领导干部	王平	党委书记	主要领导责任	诫勉谈话	未按要求部署年度工作	11010519491231002X
商纪问〔2024〕1号					李明	副镇长	直接责任	通报批评
`)
	expectProblems(t, probs)
	if len(cases) != 1 {
		t.Fatalf("read %d cases, want 1: %+v", len(cases), cases)
	}
	c := cases[0]
	if c.Number != "商纪问〔2024〕1号" || c.Year != 2024 || c.Unit != "T02" || c.Date != record.MakeDate(2024, 3, 1) || c.Facts != "未按要求部署年度工作" {
		t.Errorf("case: number %q year %d unit %q date %s facts %q; want 商纪问〔2024〕1号 2024 T02 2024-03-01 未按要求部署年度工作",
			c.Number, c.Year, c.Unit, c.Date, c.Facts)
	}
	type subject struct{ kind, name, position, form, handling, id string }
	var got []subject
	for _, s := range c.Subjects {
		got = append(got, subject{s.Kind, s.Name, s.Position, s.Form, strings.Join(s.Handling, ","), s.IDNumber})
	}
	want := []subject{
		{"领导干部", "王平", "党委书记", "主要领导责任", "admonition", "11010519491231002X"},
		{"领导干部", "李明", "副镇长", "直接责任", "circulated", ""}, // a named row is a leader's
	}
	if !slices.Equal(got, want) {
		t.Errorf("subjects:\n got  %+v\n want %+v", got, want)
	}
}

// TestCaseConflictingRow: a later row may leave the case's cells blank or
// repeat them; another 决定日期 is reported at its cell.
func TestCaseConflictingRow(t *testing.T) {
	cases, probs := readCaseRows(t, `X1	T01		#date:2024-03-01		张三			诫勉谈话	事实
X1			#date:2024-04-01		李四			通报批评
X1	T01	一镇	2024-03-01		王五			批评教育	事实
`)
	expectProblems(t, probs, "data/2024/责任追究台账.xlsx!Sheet1!D3 ingest.case-conflict")
	if len(cases) != 1 || cases[0].Date != record.MakeDate(2024, 3, 1) {
		t.Errorf("want one case dated by its first row, 2024-03-01: %+v", cases)
	}
}

// TestCaseHandlings: each handling in the cell must be the scheme's; a list
// gives one handling each.
func TestCaseHandlings(t *testing.T) {
	cases, probs := readCaseRows(t, `X1	T01		#date:2024-03-01		张三			警告处分	事实
X2	T02		#date:2024-03-02		李四			诫勉谈话、免职	事实
X3	T02		#date:2024-03-03		赵六			诫勉，调离岗位	事实
`)
	expectProblems(t, probs, "data/2024/责任追究台账.xlsx!Sheet1!I2 ingest.bad-choice")
	if s := caseNumbered(t, cases, "X1").Subjects; len(s) != 0 {
		t.Errorf("the row with an unknown handling should give no subject: %+v", s)
	}
	for number, want := range map[string][]string{"X2": {"admonition", "dismissed"}, "X3": {"admonition", "reassign"}} {
		s := caseNumbered(t, cases, number).Subjects
		if len(s) != 1 || !slices.Equal(s[0].Handling, want) {
			t.Errorf("%s: subjects %+v, want one with handlings %v", number, s, want)
		}
	}
}

// TestCaseVocabulary: 责任形式 and 问责对象类别 are fixed terms; a leader
// has a name, the leadership body none.
func TestCaseVocabulary(t *testing.T) {
	cases, probs := readCaseRows(t, `X1	T01		#date:2024-03-01		张三		次要责任	诫勉谈话	事实
X2	T02		#date:2024-03-02	领导干部				通报批评	事实
X3	T02		#date:2024-03-03				集体	书面检查	事实
X4	T01		#date:2024-03-04	班子成员	李四		主要领导	批评教育	事实
`)
	expectProblems(t, probs,
		"data/2024/责任追究台账.xlsx!Sheet1!H2 ingest.bad-choice",
		"data/2024/责任追究台账.xlsx!Sheet1!F3 ingest.empty-cell",
	)
	if s := caseNumbered(t, cases, "X3").Subjects; len(s) != 1 || s[0].Kind != "领导班子" || s[0].Name != "" || s[0].Form != "集体责任" {
		t.Errorf("a nameless row without a kind is the leadership body's, 集体责任: %+v", s)
	}
	if s := caseNumbered(t, cases, "X4").Subjects; len(s) != 1 || s[0].Kind != "领导干部" || s[0].Form != "主要领导责任" {
		t.Errorf("aliases should give the canonical terms 领导干部, 主要领导责任: %+v", s)
	}
}

// TestCaseIDNumberCheckDigit: a wrong check digit is a warning; the row is
// read all the same.
func TestCaseIDNumberCheckDigit(t *testing.T) {
	cases, probs := readCaseRows(t, `X1	T01		#date:2024-03-01		张三			诫勉谈话	事实	'110105194912310021
X1					李四			诫勉谈话		11010519491231002x
`)
	expectProblems(t, probs, "data/2024/责任追究台账.xlsx!Sheet1!K2 ingest.bad-id-number")
	if len(probs) == 1 && probs[0].Severity != problem.Warning {
		t.Errorf("a bad ID number should be a warning: %+v", probs[0])
	}
	if s := caseNumbered(t, cases, "X1").Subjects; len(s) != 2 || s[0].IDNumber != "110105194912310021" {
		t.Errorf("both rows should be read, the ID number kept: %+v", s)
	}
}

func TestValidIDNumber(t *testing.T) {
	// Weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2 over 11010519491231002
	// give 167; 167 mod 11 = 2, and check digit 2 is X.
	tests := []struct {
		id   string
		want bool
	}{
		{"11010519491231002X", true},
		{"11010519491231002x", true},
		{"110105194912310021", false},  // check digit changed
		{"11010519491231012X", false},  // a digit changed: sum 171, check 6
		{"11010519941231002X", false},  // two digits swapped: sum 182, check 6
		{"11010519491231002", false},   // 17 characters
		{"11010519491231002X1", false}, // 19 characters
		{"1101051949123100AX", false},
		{"", false},
	}
	for _, tc := range tests {
		if got := ingest.ValidIDNumber(tc.id); got != tc.want {
			t.Errorf("ValidIDNumber(%q) = %v, want %v", tc.id, got, tc.want)
		}
	}
}

// TestCaseWhistleblowers: a register may give only how many there were.
func TestCaseWhistleblowers(t *testing.T) {
	cases, probs := readCaseRows(t, `X1	T01		#date:2024-03-01		张三			诫勉谈话	事实		2
X2	T02		#date:2024-03-02		李四			诫勉谈话	事实		张三、李四	王五
X2					赵六			通报批评			1
`)
	expectProblems(t, probs)
	if w := caseNumbered(t, cases, "X1").Whistleblowers; !slices.Equal(w, []string{"", ""}) {
		t.Errorf("X1 whistleblowers %q, want two unnamed", w)
	}
	c := caseNumbered(t, cases, "X2")
	if !slices.Equal(c.Whistleblowers, []string{"张三", "李四", ""}) || !slices.Equal(c.Witnesses, []string{"王五"}) {
		t.Errorf("X2 whistleblowers %q witnesses %q, want [张三 李四 \"\"] and [王五]", c.Whistleblowers, c.Witnesses)
	}
}

// Clerks pad two-character names with a full-width space to align them:
// 王　平 is one person, in 姓名 and in 举报人 alike.
func TestCasePaddedNames(t *testing.T) {
	cases, probs := readCaseRows(t, `X1	T01		#date:2024-03-01		王　平			诫勉谈话	事实		李　四、欧阳 明
`)
	expectProblems(t, probs)
	c := caseNumbered(t, cases, "X1")
	if c.Subjects[0].Name != "王平" || !slices.Equal(c.Whistleblowers, []string{"李四", "欧阳明"}) {
		t.Errorf("name %q, whistleblowers %q; want 王平 and [李四 欧阳明]", c.Subjects[0].Name, c.Whistleblowers)
	}
}

// TestCaseRegisterOptional: a year without a case register has no cases and
// no problem.
func TestCaseRegisterOptional(t *testing.T) {
	site := strings.Replace(caseSite(t, caseHeader+"X1	T01		#date:2024-03-01		张三			诫勉谈话	事实\n"),
		"years: [{year: 2024}]", "years: [{year: 2023}, {year: 2024}]", 1)
	site += strings.ReplaceAll(okLedger+caseEvaluation, "data/2024/", "data/2023/")
	d, probs := readCaseSite(t, site)
	expectProblems(t, probs)
	if y := d.Year(2023); y == nil || len(y.Cases) != 0 || y.Inputs[record.KindCases].File != 0 {
		t.Errorf("2023 has no case register: %+v", y)
	}
	if y := d.Year(2024); y == nil || len(y.Cases) != 1 || y.Inputs[record.KindCases].File == 0 {
		t.Errorf("2024 should have its one case: %+v", y)
	}
}
