package scoring

import (
	"slices"

	"dutyreport/generator/config"
	"dutyreport/generator/record"
)

// Average is a mean over the units that have a score; Has is false when
// none has.
type Average struct {
	Value record.Points
	Has   bool
}

// GroupAverages is, per ranking group id, the mean of each component over
// the group's ranked units in res, rounded by the one rule, one per scheme
// component in scheme order. A group with no ranked unit is absent.
func GroupAverages(res *Result) map[string][]Average {
	scores := map[string][][]record.Points{}
	for i := range res.Units {
		u := &res.Units[i]
		if !u.HasTotal || u.Group == "" {
			continue
		}
		if scores[u.Group] == nil {
			scores[u.Group] = make([][]record.Points, len(u.Scores))
		}
		for ci, s := range u.Scores {
			if s.Has {
				scores[u.Group][ci] = append(scores[u.Group][ci], s.Value)
			}
		}
	}
	out := make(map[string][]Average, len(scores))
	for g, per := range scores {
		avg := make([]Average, len(per))
		for ci, ps := range per {
			if len(ps) > 0 {
				avg[ci] = Average{Value: record.Mean(ps...), Has: true}
			}
		}
		out[g] = avg
	}
	return out
}

// TotalComponents are the indexes of the components the total adds up
// that are no part of another, in scheme order: those a unit's page sets
// beside its group's averages.
func TotalComponents(s *config.Scheme) []int {
	var out []int
	for ci, comp := range s.Components {
		if comp.Part == "" && slices.Contains(s.Total, comp.ID) {
			out = append(out, ci)
		}
	}
	return out
}

// AboveAverage compares u's scores in the TotalComponents with its
// group's averages avg (from GroupAverages): compared counts those that u
// has and the group has an average of, above those of them where u scored
// more than the average. An equal score is not above.
func AboveAverage(s *config.Scheme, u *Unit, avg []Average) (compared, above int) {
	for _, ci := range TotalComponents(s) {
		if ci >= len(u.Scores) || ci >= len(avg) || !u.Scores[ci].Has || !avg[ci].Has {
			continue
		}
		compared++
		if u.Scores[ci].Value > avg[ci].Value {
			above++
		}
	}
	return compared, above
}
