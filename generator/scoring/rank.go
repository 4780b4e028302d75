package scoring

import (
	"cmp"
	"slices"
	"strings"

	"dutyreport/generator/config"
)

// rank gives each unit with a total its competition rank within its group:
// the highest total is 1, equal totals share a rank and the next rank skips
// (1, 2, 2, 4). Units are compared by their rounded totals, the numbers
// published. GroupSize counts the ranked units of the group.
func rank(s *config.Scheme, res *Result) {
	for _, g := range s.Groups {
		var members []*Unit
		for i := range res.Units {
			if u := &res.Units[i]; u.Group == g.ID && u.HasTotal {
				members = append(members, u)
			}
		}
		Order(members)
		for i, u := range members {
			u.Rank = i + 1
			if i > 0 && u.Total == members[i-1].Total {
				u.Rank = members[i-1].Rank
			}
			u.GroupSize = len(members)
		}
	}
}

// Order sorts units as a ranking lists them: by total, highest first; tied
// units by unit code, the final key.
func Order(us []*Unit) {
	slices.SortStableFunc(us, func(a, b *Unit) int {
		if c := cmp.Compare(b.Total, a.Total); c != 0 {
			return c
		}
		return strings.Compare(a.Code, b.Code)
	})
}

// trend records each unit's rank in the year before, when it was ranked in
// the same group then.
func trend(res, prev *Result) {
	if prev == nil || prev.Year != res.Year-1 {
		return
	}
	for i := range res.Units {
		u := &res.Units[i]
		if p := prev.Unit(u.Code); p != nil && p.Rank > 0 && p.Group == u.Group {
			u.PrevRank = p.Rank
		}
	}
}
