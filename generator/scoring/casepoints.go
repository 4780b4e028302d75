package scoring

import (
	"dutyreport/generator/record"
)

// CaseDeduction is what one accountability case cost its unit's total
// (seed 004 §16: 在考核时扣分).
type CaseDeduction struct {
	Case   string        // the case number
	Points record.Points // by the scheme's rules, before the cap
	Why    string        // the handling or level that set the points
}

// caseDeductions takes each ranked unit's cases of the year off its total,
// by the scheme's deduction rules, at most the cap a year, and bands the
// unit again: a case can move a unit across a band boundary, and then in
// the ranking, which comes after.
func caseDeductions(in Input, res *Result) {
	d := in.Scheme.Cases.Deductions
	if d == nil {
		return
	}
	for i := range in.Cases {
		cs := &in.Cases[i]
		u := res.Unit(cs.Unit)
		if u == nil || !u.HasTotal {
			continue
		}
		pts, why := in.Scheme.Cases.Deduction(cs)
		if pts == 0 {
			continue
		}
		u.CaseDeductions = append(u.CaseDeductions, CaseDeduction{Case: cs.Number, Points: pts, Why: why})
		u.CasePoints += pts
	}
	for i := range res.Units {
		u := &res.Units[i]
		if u.CasePoints == 0 {
			continue
		}
		if d.Cap > 0 && u.CasePoints > d.Cap {
			u.CasePoints, u.CaseCapped = d.Cap, true
		}
		u.Total = max(u.Subtotal-u.CasePoints, 0)
		u.Band = in.Scheme.BandFor(u.Total).ID
	}
}
