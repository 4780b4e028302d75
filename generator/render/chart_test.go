package render

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"dutyreport/generator/problem"
	"dutyreport/generator/view"
	"dutyreport/themes"
)

func testTheme(t *testing.T, lang string) *Theme {
	t.Helper()
	theme, probs := Load(themes.Default(), "themes/default/", lang)
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	return theme
}

// A ranking's chart: one stacked series per band, numbers as the view wrote
// them, the summary as the chart's description, and the same bytes twice.
func TestChartOptionsAreExactAndStable(t *testing.T) {
	theme := testTheme(t, "zh-CN")
	c := &view.Chart{ID: "chart-totals-0a1b2c3d", Kind: view.ChartBar, Stack: true,
		Title: view.Say("chart_totals", "2024", "镇"), XName: view.Say("unit"), YName: view.Say("total"), YMin: "50",
		X: []string{"城关镇", "清水镇"},
		Series: []view.Series{
			{Name: view.Lit("优秀"), Color: "var(--band-1)", Values: []string{"91.50", ""}},
			{Name: view.Lit("较差"), Color: "var(--band-4)", Values: []string{"", "59.00"}},
		},
		Summary: view.Say("sum_totals", "2024", "镇", "2", "城关镇", "91.50",
			view.Phrase{List: []view.Phrase{view.Say("band_count", "优秀", "1"), view.Say("band_count", "较差", "1")}}),
	}
	a, err := theme.ChartOptions(c)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := theme.ChartOptions(c)
	if a != b {
		t.Error("two renderings of one chart differ")
	}
	// A value a line, for `git diff` of two builds: no line holds two.
	for _, line := range strings.Split(string(a), "\n") {
		if strings.Count(line, `"value"`) > 1 || len(line) > 200 {
			t.Errorf("an options line holds more than one value: %q", line)
		}
	}
	var compact bytes.Buffer
	if err := json.Compact(&compact, []byte(a)); err != nil {
		t.Fatalf("options are not JSON: %v", err)
	}
	got := compact.String()
	for _, want := range []string{
		`"data":[{"value":91.50},{"value":"-"}]`, // 91.50, not 91.5: the table's text
		`"stack":"all"`,
		`"description":"2024年度镇总分：2024年镇共2个单位，第1名为城关镇（91.50分），其中优秀1个、较差1个。"`,
		`"decal":{"show":true}`,
		`"data":["城关镇","清水镇"]`,
		`"min":50`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("options lack %s:\n%s", want, got)
		}
	}
	var v map[string]any
	if err := json.Unmarshal([]byte(got), &v); err != nil {
		t.Fatalf("options are not JSON: %v", err)
	}
	// go-echarts' own page parts never reach the options: no CDN, no random id.
	if strings.Contains(got, "go-echarts") || strings.Contains(got, "http") {
		t.Errorf("options name a host: %s", got)
	}
}

// A name with markup cannot end the script element the options sit in.
func TestChartOptionsCannotCloseTheirScript(t *testing.T) {
	theme := testTheme(t, "zh-CN")
	c := &view.Chart{ID: "x", Kind: view.ChartLine, X: []string{"</script><script>alert(1)</script>"},
		Series: []view.Series{{Name: view.Lit("a&b"), Values: []string{"1"}}}}
	got, err := theme.ChartOptions(c)
	if err != nil {
		t.Fatal(err)
	}
	if strings.ContainsAny(string(got), "<>&") {
		t.Errorf("options carry raw markup: %s", got)
	}
}

func TestPhrasesInBothLanguages(t *testing.T) {
	p := view.Say("sum_rank", "2024", "镇", "11", "3", view.Say("rank_up", "2"))
	for lang, want := range map[string]string{
		"zh-CN": "2024年在镇11个单位中排第3名，比上年上升2名。",
		"en":    "In 2024 ranked 3 of 11 in 镇, up 2 in rank on the year before.",
	} {
		got, err := testTheme(t, lang).sayErr(p)
		if err != nil || got != want {
			t.Errorf("%s: %q, %v; want %q", lang, got, err, want)
		}
	}
	if _, err := testTheme(t, "en").sayErr(view.Say("no_such_key")); err == nil {
		t.Error("an unknown UI string must fail the page, not print its key")
	}
}

// A tool built without `make assets` has no chart library: every build says
// so and how to mend it, rather than publish pages whose charts never draw.
func TestMissingChartLibraryIsAProblem(t *testing.T) {
	fsys := fstest.MapFS{}
	err := fs.WalkDir(themes.Default(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || p == EChartsAsset {
			return err
		}
		data, err := fs.ReadFile(themes.Default(), p)
		fsys[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	_, probs := Load(fsys, "themes/default/", "zh-CN")
	if len(probs) != 1 || probs[0].Code != problem.RenderMissingAsset || probs[0].Pos.File != "themes/default/"+EChartsAsset {
		t.Fatalf("want one render.missing-asset problem at the library, got %v", probs)
	}
	if msg := probs[0].Format(problem.EN); !strings.Contains(msg, "make build") {
		t.Errorf("the problem does not say how to mend it: %s", msg)
	}
}
