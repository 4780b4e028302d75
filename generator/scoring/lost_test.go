package scoring

import (
	"testing"

	"dutyreport/generator/config"
	"dutyreport/generator/record"
)

// Issue 19: the public unit page shows what the ledger cost per component.
// Points are hundredths: 50 is 0.50.
func TestLostByComponentSumsEachLedgerComponent(t *testing.T) {
	cfg, probs := config.Load("../..")
	if probs.HasErrors() {
		t.Fatalf("loading the Shangnan scheme: %v", probs)
	}
	s := &cfg.Scheme
	type loss struct {
		component string
		points    record.Points
	}
	tests := []struct {
		name     string
		category string
		lost     []Deduction
		want     []loss
		total    record.Points
	}{
		{"no task cost points", "town", nil, nil, 0},
		{
			// 0.50 (principal) + 1.00 (in charge) + 2.00 (member) = 3.50 of
			// 主体责任; 1.50 + 1.00 of 监督责任. The committee's component
			// does not apply to a town.
			"a town's tasks by responsibility", "town",
			[]Deduction{{Task: "Z1.2.1.1", Points: 50}, {Task: "Z2.2.1.1", Points: 100}, {Task: "Z3.4.1.1", Points: 200},
				{Task: "J4.2.2.1", Points: 150}, {Task: "J4.1.1.1", Points: 100}},
			[]loss{{"main", 350}, {"supervision", 250}}, 600,
		},
		{
			"a component that lost nothing is listed at 0", "dept",
			[]Deduction{{Task: "Z1.1.1.1", Points: 100}, {Task: "Z3.5.1.2", Points: 100, Missing: true}},
			[]loss{{"main", 200}, {"supervision", 0}}, 200,
		},
		{
			// 0.20 for each of three months not published: 0.60, and 0.50.
			"a committee has its own component only", "committee",
			[]Deduction{{Task: "C5.1.1.3", Points: 60}, {Task: "C5.1.1.5", Points: 50}},
			[]loss{{"committee", 110}}, 110,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			u := &Unit{Code: "X01", Category: tc.category, Deductions: tc.lost}
			got := LostByComponent(s, u)
			if len(got) != len(tc.want) {
				t.Fatalf("got %d components %v, want %v", len(got), got, tc.want)
			}
			for i, w := range tc.want {
				if id := s.Components[got[i].Component].ID; id != w.component || got[i].Points != w.points {
					t.Errorf("component %d: %s lost %s, want %s lost %s", i, id, got[i].Points, w.component, w.points)
				}
			}
			if u.Lost() != tc.total {
				t.Errorf("lost in all %s, want %s", u.Lost(), tc.total)
			}
		})
	}
}
