package scoring

import (
	"fmt"
	"strings"
	"testing"

	"dutyreport/generator/config"
	"dutyreport/generator/record"
)

// The figures of issue 20: every number a page shows is computed in
// scoring, so each is worked out here on paper. Points are written as the
// pages write them.

// loadScheme loads the scheme of the site at dir (the repository root is
// the Shangnan example).
func loadScheme(t *testing.T, dir string) *config.Scheme {
	t.Helper()
	cfg, probs := config.Load(dir)
	if probs.HasErrors() {
		t.Fatalf("loading the scheme of %s: %v", dir, probs)
	}
	return &cfg.Scheme
}

// pt reads points as a page writes them.
func pt(t *testing.T, s string) record.Points {
	t.Helper()
	p, err := record.ParsePoints(s)
	if err != nil {
		t.Fatalf("%q: %v", s, err)
	}
	return p
}

// ranked is a unit with a total in a group of the Shangnan scheme.
func ranked(t *testing.T, s *config.Scheme, code, group, total string) Unit {
	p := pt(t, total)
	return Unit{Code: code, Group: group, HasTotal: true, Total: p, Band: s.BandFor(p).ID}
}

func five(f record.Five) string {
	var parts []string
	for _, p := range f {
		parts = append(parts, p.String())
	}
	return strings.Join(parts, " ")
}

func TestYearFiguresCountAndSummariseEachGroup(t *testing.T) {
	s := loadScheme(t, "../..")
	res := &Result{Units: []Unit{
		ranked(t, s, "D01", "departments", "90.00"),
		ranked(t, s, "D02", "departments", "80.01"),
		ranked(t, s, "T01", "towns", "95.50"),
		ranked(t, s, "T02", "towns", "88.00"),
		ranked(t, s, "T03", "towns", "75.99"),
		ranked(t, s, "T04", "towns", "59.00"),
		{Code: "T05", Group: "towns"},        // no total: not counted
		{Code: "C01", Category: "committee"}, // not ranked
	}}
	f := YearFigures(s, res)
	// Bands: 优秀 T01 D01, 良好 T02 D02, 一般 T03, 较差 T04.
	if got := fmt.Sprint(f.Bands); got != "[2 2 1 1]" {
		t.Errorf("bands %s, want [2 2 1 1]", got)
	}
	if f.Ranked != 6 || f.Low.String() != "59.00" || f.High.String() != "95.50" {
		t.Errorf("ranked %d from %s to %s, want 6 from 59.00 to 95.50", f.Ranked, f.Low, f.High)
	}
	tests := []struct {
		id     string
		ranked int
		mean   string
		box    string
		bands  string
	}{
		// 95.50+88.00+75.99+59.00 = 318.49, ÷4 = 79.6225 → 79.62. Sorted
		// 59.00 75.99 88.00 95.50, positions 3×q/4: Q1 at 0.75 is 59.00 +
		// 0.75×16.99 (12.7425 → 12.74); the median at 1.5 is 75.99 +
		// 0.5×12.01 (6.005 → 6.01, half away from zero); Q3 at 2.25 is
		// 88.00 + 0.25×7.50 (1.875 → 1.88).
		{"towns", 4, "79.62", "59.00 71.74 82.00 89.88 95.50", "[1 1 1 1]"},
		// 90.00+80.01 = 170.01, ÷2 = 85.005 → 85.01. Between 80.01 and
		// 90.00 (9.99 apart): 2.4975 → 2.50, 4.995 → 5.00, 7.4925 → 7.49.
		{"departments", 2, "85.01", "80.01 82.51 85.01 87.50 90.00", "[1 1 0 0]"},
	}
	if len(f.Groups) != len(tests) {
		t.Fatalf("%d groups, want %d", len(f.Groups), len(tests))
	}
	for i, tc := range tests {
		g := f.Groups[i]
		if g.ID != tc.id || g.Ranked != tc.ranked || g.Mean.String() != tc.mean || five(g.Box) != tc.box || fmt.Sprint(g.Bands) != tc.bands {
			t.Errorf("group %d: %s %d mean %s box [%s] bands %v,\nwant %s %d mean %s box [%s] bands %s",
				i, g.ID, g.Ranked, g.Mean, five(g.Box), g.Bands, tc.id, tc.ranked, tc.mean, tc.box, tc.bands)
		}
	}
	// The departments' median 85.01 and mean 85.01 beat the towns' 82.00 and 79.62.
	if best := f.Best(GroupFigures.Median); best != 1 {
		t.Errorf("best median: group %d, want 1", best)
	}
	if best := f.Best(func(g GroupFigures) record.Points { return g.Mean }); best != 1 {
		t.Errorf("best mean: group %d, want 1", best)
	}
}

func TestYearFiguresOfAYearWithNoTotal(t *testing.T) {
	s := loadScheme(t, "../..")
	f := YearFigures(s, &Result{Units: []Unit{{Code: "T01", Group: "towns"}}})
	if fmt.Sprint(f.Bands) != "[0 0 0 0]" || f.Ranked != 0 || len(f.Groups) != 2 || f.Groups[0].Ranked != 0 {
		t.Errorf("figures %+v, want no unit counted", f)
	}
	if best := f.Best(GroupFigures.Median); best != -1 {
		t.Errorf("best of no ranked unit: %d, want -1", best)
	}
}

func TestBestTakesTheFirstGroupOfATie(t *testing.T) {
	f := Figures{Groups: []GroupFigures{
		{ID: "a", Ranked: 0},              // no unit: never best
		{ID: "b", Ranked: 2, Mean: 8500},  // 85.00
		{ID: "c", Ranked: 3, Mean: 8500},  // 85.00, later in the scheme
		{ID: "d", Ranked: 1, Mean: 8499}}} // 84.99
	if best := f.Best(func(g GroupFigures) record.Points { return g.Mean }); best != 1 {
		t.Errorf("best %d, want 1 (b, the first of two at 85.00)", best)
	}
}

func TestAxisFloorIsRoundAndBelowTheLowest(t *testing.T) {
	tests := []struct {
		name string
		in   []string
		want string
	}{
		{"none", nil, "0.00"},
		{"a round total", []string{"85.00"}, "80.00"},
		{"five above a multiple of ten", []string{"75.00"}, "70.00"},
		{"just under: ten further down", []string{"74.99"}, "60.00"},
		{"just over", []string{"75.99"}, "70.00"},
		{"the lowest of several", []string{"91.50", "66.01", "80.00"}, "60.00"},
		{"a full score", []string{"100.00"}, "90.00"},
		{"never below zero", []string{"4.99"}, "0.00"},
		{"five points", []string{"5.00"}, "0.00"},
		{"fifteen points", []string{"15.00"}, "10.00"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var ps []record.Points
			for _, s := range tc.in {
				ps = append(ps, pt(t, s))
			}
			if got := AxisFloor(ps...); got.String() != tc.want {
				t.Errorf("AxisFloor(%v) = %s, want %s", tc.in, got, tc.want)
			}
		})
	}
}

func TestHighestAndRankAxis(t *testing.T) {
	if got := Highest(); got != 0 {
		t.Errorf("Highest() = %s, want 0.00", got)
	}
	if got := Highest(pt(t, "88.00"), pt(t, "91.01"), pt(t, "91.00")); got.String() != "91.01" {
		t.Errorf("Highest = %s, want 91.01", got)
	}
	for _, tc := range []struct {
		sizes []int
		want  int
	}{
		{nil, 1},         // no year: the axis still shows rank 1
		{[]int{0, 0}, 1}, // years without a rank
		{[]int{5, 12, 0, 9}, 12},
	} {
		if got := RankAxis(tc.sizes...); got != tc.want {
			t.Errorf("RankAxis(%v) = %d, want %d", tc.sizes, got, tc.want)
		}
	}
}
