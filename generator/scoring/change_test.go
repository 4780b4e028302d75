package scoring

import "testing"

func TestChangeSinceTheYearBefore(t *testing.T) {
	counts := []struct {
		name        string
		now, before int
		size, sign  int
	}{
		{"more units", 7, 4, 3, 1},
		{"fewer units", 2, 5, 3, -1},
		{"the same", 3, 3, 0, 0},
	}
	for _, tc := range counts {
		c := Since(tc.now, tc.before)
		if c.Size() != tc.size || c.Sign() != tc.sign || c.Delta != tc.now-tc.before {
			t.Errorf("%s: Since(%d, %d) = %+v size %d sign %d, want size %d sign %d", tc.name, tc.now, tc.before, c, c.Size(), c.Sign(), tc.size, tc.sign)
		}
	}
	points := []struct {
		name, now, before, size string
		sign                    int
	}{
		{"a fall of 2.50", "85.50", "88.00", "2.50", -1},
		{"a rise of 0.01", "90.00", "89.99", "0.01", 1},
		{"the same total", "76.00", "76.00", "0.00", 0},
	}
	for _, tc := range points {
		c := Since(pt(t, tc.now), pt(t, tc.before))
		if c.Size().String() != tc.size || c.Sign() != tc.sign {
			t.Errorf("%s: Since(%s, %s): size %s sign %d, want %s %d", tc.name, tc.now, tc.before, c.Size(), c.Sign(), tc.size, tc.sign)
		}
	}
}

func TestRankChangeIsARiseWhenTheRankFalls(t *testing.T) {
	tests := []struct {
		name               string
		now, before, delta int
	}{
		{"from 5th to 3rd", 3, 5, 2},
		{"from 1st to 4th", 4, 1, -3},
		{"held", 2, 2, 0},
	}
	for _, tc := range tests {
		if got := RankChange(tc.now, tc.before); got.Delta != tc.delta {
			t.Errorf("%s: RankChange(%d, %d) = %d, want %d", tc.name, tc.now, tc.before, got.Delta, tc.delta)
		}
	}
}
