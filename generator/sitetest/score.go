package sitetest

import (
	"dutyreport/generator/record"
)

// unitScore is a unit's result in a year under the Shangnan scheme.
type unitScore struct {
	main, supervision, base, social, total record.Points
	band                                   string
}

// score computes the year's results the way the scheme says, so that the
// generator can steer units into the bands it wants and write a score sheet
// that agrees with the ledger. It is the generator's own reading of the
// scheme; generator/scoring is the tool's, and the example site is one of
// the places where the two are compared.
//
// A ledger component is its full points less the deductions of its
// responsibility's tasks, never below zero. A town's main responsibility is
// the mean of its own and of each committee's score that year (a merged
// town's committees count for the town it was merged into); base is the
// mean of main and supervision; social is the evaluation average × 30 / 100;
// every computed value is rounded to 0.01 as it is computed.
func (c *county) score(yr *year) map[string]unitScore {
	committee := map[string][]record.Points{} // town code → its committees' scores
	for _, uy := range yr.units {
		if uy.unit.cat != "committee" {
			continue
		}
		if p := c.parentIn(uy.unit, yr.year); p != nil {
			committee[p.code] = append(committee[p.code], c.ledger(uy, "committee"))
		}
	}
	social, _ := c.scheme.Component("social")
	out := map[string]unitScore{}
	for _, uy := range yr.units {
		if uy.unit.cat == "committee" {
			continue
		}
		var s unitScore
		s.main = c.ledger(uy, "main")
		if cs := committee[uy.unit.code]; len(cs) > 0 {
			s.main = record.Mean(append([]record.Points{s.main}, cs...)...)
		}
		s.supervision = c.ledger(uy, "supervision")
		s.base = record.Mean(s.main, s.supervision)
		s.social = uy.avg.MulDiv(int64(social.Full), 100*record.Scale)
		s.total = s.base + s.social
		s.band = c.scheme.BandFor(s.total).Name
		out[uy.unit.code] = s
	}
	return out
}

// ledger is a ledger component of a unit: full points less deductions.
func (c *county) ledger(uy *unitYear, component string) record.Points {
	comp, _ := c.scheme.Component(component)
	left := comp.Full
	for i, ti := range c.tasksOf[uy.unit.cat] {
		t := c.scheme.Tasks[ti]
		if t.Responsibility == comp.Responsibility {
			left -= t.Deduction(int32(t.Required), uy.done[i])
		}
	}
	return max(left, 0)
}
