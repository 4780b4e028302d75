package scoring

import (
	"strings"
	"testing"

	"dutyreport/generator/config"
)

// scored is a unit with its Shangnan scores by component id; "" leaves a
// component without a score.
func scored(t *testing.T, s *config.Scheme, code, group string, hasTotal bool, scores map[string]string) Unit {
	u := Unit{Code: code, Group: group, HasTotal: hasTotal, Scores: make([]Score, len(s.Components))}
	for id, v := range scores {
		u.Scores[s.ComponentIndex(id)] = Score{Value: pt(t, v), Has: true}
	}
	return u
}

func TestGroupAveragesPerComponent(t *testing.T) {
	s := loadScheme(t, "../..")
	t1 := scored(t, s, "T01", "towns", true, map[string]string{"main": "70.00", "supervision": "69.00", "base": "69.50", "social": "26.00"})
	t2 := scored(t, s, "T02", "towns", true, map[string]string{"main": "68.01", "supervision": "70.00", "base": "69.01", "social": "25.00"})
	d1 := scored(t, s, "D01", "departments", true, map[string]string{"main": "65.00", "supervision": "66.00", "base": "65.50", "social": "27.33"})
	res := &Result{Units: []Unit{d1, t1, t2,
		// Not in any average: no total, and no group.
		scored(t, s, "T03", "towns", false, map[string]string{"main": "10.00", "social": "1.00"}),
		scored(t, s, "C01", "", false, map[string]string{"committee": "66.00"}),
	}}
	got := GroupAverages(res)
	// Per component in scheme order: committee, main, supervision, base, social.
	tests := map[string]string{
		// main (70.00+68.01)÷2 = 69.005 → 69.01; base (69.50+69.01)÷2 =
		// 69.255 → 69.26; social 51.00÷2 = 25.50.
		"towns":       "- 69.01 69.50 69.26 25.50",
		"departments": "- 65.00 66.00 65.50 27.33",
	}
	if len(got) != len(tests) {
		t.Errorf("%d groups, want %d: %v", len(got), len(tests), got)
	}
	for g, want := range tests {
		var parts []string
		for _, a := range got[g] {
			if !a.Has {
				parts = append(parts, "-")
				continue
			}
			parts = append(parts, a.Value.String())
		}
		if strings.Join(parts, " ") != want {
			t.Errorf("%s: averages %s, want %s", g, strings.Join(parts, " "), want)
		}
	}

	avg := got["towns"]
	for _, tc := range []struct {
		name            string
		u               Unit
		compared, above int
	}{
		// base 69.50 > 69.26 and social 26.00 > 25.50.
		{"above in both", t1, 2, 2},
		{"below in both", t2, 2, 0},
		{"equal is not above", scored(t, s, "T09", "towns", true, map[string]string{"base": "69.26", "social": "25.51"}), 2, 1},
		{"a component the unit lacks is not compared", scored(t, s, "T09", "towns", true, map[string]string{"base": "70.00"}), 1, 1},
	} {
		compared, above := AboveAverage(s, &tc.u, avg)
		if compared != tc.compared || above != tc.above {
			t.Errorf("%s: compared %d, above %d; want %d, %d", tc.name, compared, above, tc.compared, tc.above)
		}
	}
	if compared, above := AboveAverage(s, &t1, nil); compared != 0 || above != 0 {
		t.Errorf("no averages: compared %d, above %d; want 0, 0", compared, above)
	}
}

func TestTotalComponentsLeaveOutParts(t *testing.T) {
	for _, tc := range []struct{ dir, want string }{
		{"../..", "base social"},
		// Jingzhou's total adds up its 7 items; their 19 indicators are parts.
		{"../../examples/jingzhou", "lead duty edu rules watch cases account"},
	} {
		s := loadScheme(t, tc.dir)
		var ids []string
		for _, ci := range TotalComponents(s) {
			ids = append(ids, s.Components[ci].ID)
		}
		if got := strings.Join(ids, " "); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.dir, got, tc.want)
		}
	}
}
