package scoring

import (
	"slices"

	"dutyreport/generator/config"
	"dutyreport/generator/record"
)

// Figures are the numbers a year's band tables and charts show of its
// ranked units: how many are in each band, and per ranking group how many
// there are, the mean of their totals and the five numbers of a box plot.
// They are computed here, once; the view selects and formats them.
type Figures struct {
	// Bands counts the year's ranked units per band, in scheme order.
	Bands []int
	// Groups are the ranking groups' figures, in scheme order.
	Groups []GroupFigures
	// Ranked counts the ranked units of every group; Low and High are the
	// lowest and the highest of their totals (both 0 when Ranked is 0).
	Ranked    int
	Low, High record.Points
}

// GroupFigures are one ranking group's figures in a year.
type GroupFigures struct {
	ID     string
	Ranked int // the group's ranked units: its GroupSize
	// Mean is the mean of their totals, rounded by the one rule; Box is
	// the totals' five-number summary (record.Quartiles). Both are 0 when
	// Ranked is 0.
	Mean record.Points
	Box  record.Five
	// Bands counts the group's ranked units per band, in scheme order.
	Bands []int
}

// YearFigures works out the figures of res: the units with a total, by
// band, and those of each ranking group, the units its ranking lists.
func YearFigures(s *config.Scheme, res *Result) Figures {
	band := make(map[string]int, len(s.Bands))
	for i, b := range s.Bands {
		band[b.ID] = i
	}
	f := Figures{Bands: make([]int, len(s.Bands))}
	for i := range res.Units {
		if u := &res.Units[i]; u.HasTotal {
			if bi, ok := band[u.Band]; ok {
				f.Bands[bi]++
			}
		}
	}
	var all []record.Points
	for _, g := range s.Groups {
		gf := GroupFigures{ID: g.ID, Bands: make([]int, len(s.Bands))}
		var totals []record.Points
		for i := range res.Units {
			if u := &res.Units[i]; u.Group == g.ID && u.HasTotal {
				totals = append(totals, u.Total)
				if bi, ok := band[u.Band]; ok {
					gf.Bands[bi]++
				}
			}
		}
		gf.Ranked = len(totals)
		if len(totals) > 0 {
			gf.Mean = record.Mean(totals...)
			gf.Box, _ = record.Quartiles(totals)
		}
		all = append(all, totals...)
		f.Groups = append(f.Groups, gf)
	}
	f.Ranked = len(all)
	if len(all) > 0 {
		f.Low, f.High = slices.Min(all), slices.Max(all)
	}
	return f
}

// Best is the index in f.Groups of the group with ranked units whose
// figure by (its mean, GroupFigures.Median) is the highest, the first in scheme
// order of two equal; -1 when no group has ranked units.
func (f Figures) Best(by func(GroupFigures) record.Points) int {
	best := -1
	for i, g := range f.Groups {
		if g.Ranked > 0 && (best < 0 || by(g) > by(f.Groups[best])) {
			best = i
		}
	}
	return best
}

// Median is the group's median total.
func (g GroupFigures) Median() record.Points { return g.Box[2] }

// Highest is the highest of ps; 0 for none.
func Highest(ps ...record.Points) record.Points {
	if len(ps) == 0 {
		return 0
	}
	return slices.Max(ps)
}

// AxisFloor is where a value axis under the totals ps starts: the
// multiple of ten points at least five points below the lowest of them,
// never below zero (75.99 → 70, 75.00 → 70, 74.99 → 60), so that a
// difference of a point shows and the axis label is a round number; 0
// for none.
func AxisFloor(ps ...record.Points) record.Points {
	if len(ps) == 0 {
		return 0
	}
	ten := record.Whole(10)
	// Integer division truncates toward zero: a lowest total under five
	// points gives a floor of at most 0, and the floor is 0.
	return max((slices.Min(ps)-record.Whole(5))/ten*ten, 0)
}

// RankAxis is the last rank an axis of a unit's ranks over the years
// shows: the largest of the groups it was ranked in (groupSizes, 0 for a
// year it was not), at least 1.
func RankAxis(groupSizes ...int) int {
	most := 1
	for _, n := range groupSizes {
		most = max(most, n)
	}
	return most
}
