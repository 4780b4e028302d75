package record

import "slices"

// Five is a five-number summary: minimum, lower quartile, median, upper
// quartile and maximum, as a box plot draws them.
type Five [5]Points

// Quartiles returns the five-number summary of ps. Quartiles interpolate
// between the two nearest scores as Excel's QUARTILE.INC does (the position
// (n-1)×q counted from 0), so a clerk can check them in a spreadsheet, and are
// rounded to 0.01 by the one rule. ok is false for no scores.
func Quartiles(ps []Points) (f Five, ok bool) {
	if len(ps) == 0 {
		return f, false
	}
	s := slices.Clone(ps)
	slices.Sort(s)
	n := int64(len(s) - 1)
	for q := int64(0); q <= 4; q++ {
		// Position n×q/4: whole part i, remainder r quarters.
		i, r := n*q/4, n*q%4
		f[q] = s[i]
		if r > 0 {
			f[q] += (s[i+1] - s[i]).MulDiv(r, 4)
		}
	}
	return f, true
}
