package record

import "testing"

func TestQuartiles(t *testing.T) {
	pts := func(ss ...string) []Points {
		var out []Points
		for _, s := range ss {
			p, err := ParsePoints(s)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, p)
		}
		return out
	}
	for _, c := range []struct {
		name string
		in   []Points
		want string // as Excel's QUARTILE.INC gives them, 0 to 4
	}{
		{"one score", pts("88.50"), "[88.50 88.50 88.50 88.50 88.50]"},
		{"two scores", pts("80", "90"), "[80.00 82.50 85.00 87.50 90.00]"},
		{"five, unsorted", pts("95", "70", "85", "80", "90"), "[70.00 80.00 85.00 90.00 95.00]"},
		// n-1 = 5: Q1 at 1.25 is 81 + 0.25×(83-81); Q3 at 3.75 is 90 + 0.75×(91.01-90).
		{"six, rounded half away", pts("79", "81", "83", "90", "91.01", "99"), "[79.00 81.50 86.50 90.76 99.00]"},
		{"ties", pts("90", "90", "90", "70"), "[70.00 85.00 90.00 90.00 90.00]"},
	} {
		f, ok := Quartiles(c.in)
		if !ok {
			t.Fatalf("%s: no summary", c.name)
		}
		got := "["
		for i, p := range f {
			if i > 0 {
				got += " "
			}
			got += p.String()
		}
		if got += "]"; got != c.want {
			t.Errorf("%s: Quartiles = %s, want %s", c.name, got, c.want)
		}
	}
	if _, ok := Quartiles(nil); ok {
		t.Error("no scores must give no summary")
	}
}
