package sitetest

import (
	"fmt"
	"path/filepath"
	"testing"

	"dutyreport/generator/config"
)

func TestJingzhouExample(t *testing.T) {
	dir := copySite(t, "../../examples/jingzhou", "schemes/jingzhou.yaml")
	if err := WriteJingzhou(dir); err != nil {
		t.Fatal(err)
	}
	again := copySite(t, "../../examples/jingzhou", "schemes/jingzhou.yaml")
	if err := WriteJingzhou(again); err != nil {
		t.Fatal(err)
	}
	sameFiles(t, dir, again, "")
	sameFiles(t, dir, "../../examples/jingzhou", ": regenerate with `go run ./cmd/exampledata -jingzhou -out examples/jingzhou`")

	cfg, probs := config.Load(dir)
	if probs.HasErrors() {
		t.Fatal(probs)
	}
	var indicators []config.Component
	var full int64
	items := 0
	for _, c := range cfg.Scheme.Components {
		switch c.Kind {
		case config.KindSheet:
			indicators = append(indicators, c)
			full += int64(c.Full)
		case config.KindSum:
			items++
		}
	}
	if len(indicators) != 19 || items != 7 || full != 10000 {
		t.Fatalf("scheme has %d indicators in %d items worth %d hundredths, want 19 in 7 worth 100 points", len(indicators), items, full)
	}

	reg := readTable(t, filepath.Join(dir, "data", "单位名录.xlsx"))
	cat := map[string]string{}
	for _, row := range reg.rows {
		c, ok := cfg.Scheme.CategoryByName(reg.get(row, "类别"))
		if !ok {
			t.Fatalf("%s: unknown category %q", reg.get(row, "单位编码"), reg.get(row, "类别"))
		}
		cat[reg.get(row, "单位编码")] = c.ID
	}
	last := map[int]map[string][]string{} // year → category → the lowest units
	for y := jingzhouFirst; y <= jingzhouLast; y++ {
		sheet := readTable(t, filepath.Join(dir, "data", fmt.Sprint(y), "考核得分汇总表.xlsx"))
		if len(sheet.rows) != len(cat) {
			t.Errorf("%d: %d rows, want %d units", y, len(sheet.rows), len(cat))
		}
		lowest := map[string]int64{}
		last[y] = map[string][]string{}
		for _, row := range sheet.rows {
			code := sheet.get(row, "单位编码")
			var total int64
			for _, ind := range indicators {
				v := hundredths(t, sheet.get(row, ind.Column))
				if v < 0 || v > int64(ind.Full) || v%10 != 0 {
					t.Errorf("%d %s %s: %s, want 0 to %s with one decimal", y, code, ind.Column, pts(v), ind.Full)
				}
				total += v
			}
			if got := hundredths(t, sheet.get(row, "总分")); got != total {
				t.Errorf("%d %s: 总分 %s, indicators sum to %s", y, code, pts(got), pts(total))
			}
			c := cat[code]
			switch l, seen := lowest[c]; {
			case !seen || total < l:
				lowest[c], last[y][c] = total, []string{code}
			case total == l:
				last[y][c] = append(last[y][c], code)
			}
		}
		t.Logf("%d: last %v", y, last[y])
	}
	for y, want := range map[int]bool{2022: false, 2023: true, 2024: true} {
		got := len(last[y]["county"]) == 1 && last[y]["county"][0] == jingzhouLastTwice
		if got != want {
			t.Errorf("%d: last counties %v; want %s alone last: %v", y, last[y]["county"], jingzhouLastTwice, want)
		}
	}
	for y := jingzhouFirst + 1; y <= jingzhouLast; y++ {
		if d := last[y]["dept"]; len(d) != 1 || d[0] == last[y-1]["dept"][0] {
			t.Errorf("%d: last departments %v after %v: only the planted county should be last two years running", y, d, last[y-1]["dept"])
		}
	}
}
