package scoring

import (
	"slices"
	"strings"

	"dutyreport/generator/config"
	"dutyreport/generator/problem"
	"dutyreport/generator/record"
)

// Input is what scoring reads: the scheme, the register, the table of files
// (to name cells in problems) and one year's records.
type Input struct {
	Scheme   *config.Scheme
	Register *record.Register
	Files    record.Files
	Year     *record.Year
	// Cases are the year's accountability cases, from the register and the
	// notices, their handlings resolved to the scheme's ids.
	Cases []record.Case
}

// Year scores one assessment year. It reads no files and no clock: everything
// it needs is in the scheme, the year's records and the results of earlier
// years (oldest first), which rules spanning years consult.
func Year(in Input, earlier []*Result) (*Result, problem.List) {
	var probs problem.List
	y := in.Year.Year
	res := &Result{Year: y, index: map[string]int{}, cases: in.Cases}
	for _, u := range in.Register.Units {
		if !u.ActiveIn(y) {
			continue
		}
		ru := Unit{Code: u.Code, Name: u.NameIn(y), Category: u.Category, Scores: make([]Score, len(in.Scheme.Components))}
		if cat, _ := in.Scheme.Category(u.Category); cat.IsRanked() {
			if g, ok := in.Scheme.GroupOf(u.Category); ok {
				ru.Group = g.ID
			}
		}
		res.Units = append(res.Units, ru)
	}
	slices.SortFunc(res.Units, func(a, b Unit) int { return strings.Compare(a.Code, b.Code) })
	for i, u := range res.Units {
		res.index[u.Code] = i
	}

	c := computeComponents(in, res, &probs)
	c.totals()
	caseDeductions(in, res)
	c.checkSheetTotals()
	rank(in.Scheme, res)
	trend(res, last(earlier))
	c.persons()
	consequences(in.Scheme, res, earlier)
	personConsequences(in.Scheme, res)
	probs.Sort()
	return res, probs
}

func last(rs []*Result) *Result {
	if len(rs) == 0 {
		return nil
	}
	return rs[len(rs)-1]
}
