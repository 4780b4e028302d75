package scoring

import (
	"slices"

	"dutyreport/generator/config"
	"dutyreport/generator/record"
)

// consequences attaches to each ranked unit the consequences of the unit
// rules whose conditions hold: this year, and, for a rule of YearsRunning n, in each of
// the n−1 years before (consecutive years; seed 000 §四: 较差 two years
// running → 组织处理). A rule of n years whose conditions held n−1 years
// running up to this one goes on the unit's watch list: one more such year
// and it applies.
func consequences(s *config.Scheme, res *Result, earlier []*Result) {
	for _, rule := range s.Consequences {
		if rule.Of == config.OfPersons {
			continue
		}
		lows := map[*Result]map[string]record.Points{}
		for i := range res.Units {
			u := &res.Units[i]
			if !u.HasTotal && !caseOnly(rule) {
				continue
			}
			run := 0
			for r := res; r != nil && run < rule.YearsRunning && holds(s, rule, r, r.Unit(u.Code), lows); r = yearBefore(r, earlier) {
				run++
			}
			switch {
			case run == rule.YearsRunning:
				u.Consequences = append(u.Consequences, rule.ID)
			case rule.YearsRunning > 1 && run == rule.YearsRunning-1:
				u.Watch = append(u.Watch, rule.ID)
			}
		}
	}
}

// caseOnly reports whether a rule asks for a case and nothing of a total:
// it holds for a unit with no total too (a village committee with a case
// loses the year's commendation like any unit).
func caseOnly(r config.Consequence) bool {
	return r.Case != nil && r.Band == "" && r.Bottom == 0 && r.LastIn == ""
}

// yearBefore returns the result of the year before r's, or nil.
func yearBefore(r *Result, earlier []*Result) *Result {
	for _, e := range earlier {
		if e.Year == r.Year-1 {
			return e
		}
	}
	return nil
}

// holds reports whether a rule's conditions hold for unit u in result r.
// lows caches the lowest score of a component per scope, per result.
func holds(s *config.Scheme, rule config.Consequence, r *Result, u *Unit, lows map[*Result]map[string]record.Points) bool {
	if u == nil || !u.HasTotal && !caseOnly(rule) {
		return false
	}
	if rule.Band != "" && u.Band != rule.Band {
		return false
	}
	if rule.Case != nil && !slices.ContainsFunc(r.cases, func(c record.Case) bool { return c.Unit == u.Code && rule.Case.Matches(&c, "") }) {
		return false
	}
	// Bottom n: among the last n of the group, ties included: fewer than n
	// units of the group have a lower total. With totals 90, 80, 80 both
	// units at 80 (rank 2) are the bottom 1.
	if rule.Bottom > 0 && lower(r, u) >= rule.Bottom {
		return false
	}
	if rule.LastIn != "" {
		ci := s.ComponentIndex(rule.LastIn)
		sc := u.Scores[ci]
		if !sc.Has {
			return false
		}
		if lows[r] == nil {
			lows[r] = map[string]record.Points{}
		}
		key := rule.LastIn + "/" + rule.Scope + "/" + u.Group
		low, ok := lows[r][key]
		if !ok {
			first := true
			for i := range r.Units {
				o := &r.Units[i]
				if !o.HasTotal || !o.Scores[ci].Has || (rule.Scope == "group" && o.Group != u.Group) {
					continue
				}
				if first || o.Scores[ci].Value < low {
					low, first = o.Scores[ci].Value, false
				}
			}
			lows[r][key] = low
		}
		if sc.Value != low {
			return false
		}
	}
	return true
}

// lower counts the ranked units of u's group with a lower total than u's.
func lower(r *Result, u *Unit) int {
	n := 0
	for i := range r.Units {
		if o := &r.Units[i]; o.Group == u.Group && o.HasTotal && o.Total < u.Total {
			n++
		}
	}
	return n
}
