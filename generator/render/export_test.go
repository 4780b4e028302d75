package render

import (
	"strings"
	"testing"

	"dutyreport/generator/view"
	"dutyreport/themes"
)

func TestExportsReadInExcelAndDiffWell(t *testing.T) {
	theme, probs := Load(themes.Default(), "themes/default/", "zh-CN")
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	e := &view.Export{Year: 2024, Scheme: "s", Status: "published",
		Columns: []view.Column{{ID: "base", Name: "基础分"}},
		Units: []view.ExportRow{
			{Code: "T01", Name: "城关镇", Category: "镇", Group: "镇", Rank: 1, GroupSize: 2,
				Scores: []view.ExportScore{{ID: "base", Name: "基础分", Value: "70.00"}}, Total: "90.00", Band: "优秀", Consequences: []string{}, Notices: 1, Ineligible: true},
			{Code: "T02", Name: "清水镇, \"东\"", Category: "镇", Group: "镇", Rank: 2, GroupSize: 2,
				Scores: []view.ExportScore{{ID: "base", Name: "基础分", Value: "59.50"}}, Total: "59.50", Band: "较差", Consequences: []string{"一票否决", "组织处理"}},
		}}
	got := string(CSV(e, theme))
	want := "\ufeff年度,单位编码,单位,类别,排名分组,名次,基础分,总分,档次,结果运用,责任追究案件数,取消当年评优资格\r\n" +
		"2024,T01,城关镇,镇,镇,1,70.00,90.00,优秀,,1,是\r\n" +
		"2024,T02,\"清水镇, \"\"东\"\"\",镇,镇,2,59.50,59.50,较差,一票否决；组织处理,0,\r\n"
	if got != want {
		t.Errorf("CSV:\n%q\nwant\n%q", got, want)
	}
	js := string(JSON(e))
	for _, frag := range []string{`"year": 2024`, `"value": "59.50"`, `"total": "90.00"`, `"name": "城关镇"`, `"consequences": []`, `"commendation_ineligible": true`} {
		if !strings.Contains(js, frag) {
			t.Errorf("JSON lacks %s:\n%s", frag, js)
		}
	}
	if !strings.HasSuffix(js, "}\n") {
		t.Error("JSON should end with a newline")
	}
}

func TestEveryUIStringInBothLanguages(t *testing.T) {
	zh, p1 := Load(themes.Default(), "", "zh-CN")
	en, p2 := Load(themes.Default(), "", "en")
	if len(p1)+len(p2) > 0 {
		t.Fatal(p1, p2)
	}
	for k := range zh.strings {
		if _, ok := en.strings[k]; !ok {
			t.Errorf("en.yaml lacks %q", k)
		}
	}
	for k := range en.strings {
		if _, ok := zh.strings[k]; !ok {
			t.Errorf("zh-CN.yaml lacks %q", k)
		}
	}
}

// The ranking and band exports: group by group in the scheme's order, ranks
// ascending, every band listed even when no unit reached it.
func TestRankingAndBandsExports(t *testing.T) {
	theme, probs := Load(themes.Default(), "themes/default/", "zh-CN")
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	good := view.Band{ID: "good", Name: "优秀", Min: "90.00"}
	poor := view.Band{ID: "poor", Name: "较差"}
	y := &view.Year{Year: 2024, Rankings: []*view.Ranking{
		{Group: view.Group{ID: "towns", Name: "镇"}, Rows: []*view.Row{
			{Rank: 1, Unit: view.UnitRef{Code: "T02", Name: "清水镇"}, Total: "91.50", Band: good},
			{Rank: 1, Unit: view.UnitRef{Code: "T03", Name: "龙门镇"}, Total: "91.50", Band: good},
			{Rank: 3, Unit: view.UnitRef{Code: "T01", Name: "城关镇"}, Total: "58.00", Band: poor},
		}},
		{Group: view.Group{ID: "depts", Name: "县直部门"}},
	}}
	got := string(RankingCSV(y, theme))
	want := "\ufeff年度,排名分组,名次,单位编码,单位,总分,档次\r\n" +
		"2024,镇,1,T02,清水镇,91.50,优秀\r\n2024,镇,1,T03,龙门镇,91.50,优秀\r\n2024,镇,3,T01,城关镇,58.00,较差\r\n"
	if got != want {
		t.Errorf("ranking.csv:\n%q\nwant\n%q", got, want)
	}
	got = string(BandsCSV(y, []view.Band{good, poor}, theme))
	want = "\ufeff年度,排名分组,档次,分数线（不低于）,单位数\r\n" +
		"2024,镇,优秀,90.00,2\r\n2024,镇,较差,,1\r\n2024,县直部门,优秀,90.00,0\r\n2024,县直部门,较差,,0\r\n"
	if got != want {
		t.Errorf("bands.csv:\n%q\nwant\n%q", got, want)
	}
}
