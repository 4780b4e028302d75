package generator

import (
	"path/filepath"
	"strings"
	"testing"

	"dutyreport/generator/problem"
	"dutyreport/generator/sitetest"
)

// A hand-made score sheet is used where it gives a component; where the
// ledger gives it too and they differ, the warning names both cells.
func TestScoreSheetMismatchNamesBothCells(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	err := sitetest.WriteSite(dir, `
-- site.yaml --
footer: {operator: 测试县纪委监委}
title: 测试县
scheme: scheme.yaml
years: [{year: 2024}]
`+townScheme+`-- data/单位名录.xlsx.tsv --
单位编码	单位名称	类别
T01	一镇	镇
T02	二镇	镇
-- data/2024/纪实台账.xlsx.tsv --
单位编码	责任类别	任务编号	应完成次数	实际完成次数
T01	主体责任	A1	1	0
T02	主体责任	A1	1	1
-- data/2024/民主测评.xlsx.tsv --
单位编码	平均分
T01	80
T02	80
-- data/2024/考核得分汇总表.xlsx.tsv --
# merge: A1:E1
2024年度党风廉政建设责任制考核得分汇总表
单位编码	单位名称	主体责任基础分	社会评价	总分
T01	一镇	69	24	93
T02	二镇	70	24	94
`)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "public")
	_, probs, err := Build(Options{Source: dir, Out: out})
	if err != nil || probs.HasErrors() {
		t.Fatal(err, probs)
	}
	// T01: the ledger costs 2 (68.00); the sheet says 69.00. The sheet wins,
	// and its 总分 93.00 is the sum 69 + 24, so it agrees.
	if len(probs) != 1 {
		t.Fatalf("want one warning, got %v", probs)
	}
	p := probs[0]
	if p.Severity != problem.Warning || p.Code != problem.IngestScoreMismatch ||
		p.Pos.String() != "data/2024/考核得分汇总表.xlsx!Sheet1!C3" ||
		len(p.Notes) != 1 || p.Notes[0].Pos.String() != "data/2024/纪实台账.xlsx!Sheet1!E2" {
		t.Errorf("want a warning at the sheet's C3 with a note at the ledger's E2, got %s", p.Format(problem.EN))
	}
	page := string(tree(t, out)["2024/units/T01.html"])
	if !strings.Contains(page, "93.00") || !strings.Contains(page, "69.00") {
		t.Error("T01's page should show the sheet's 69.00 and the total 93.00")
	}
}
