package scoring

import (
	"iter"
	"strings"

	"dutyreport/generator/config"
	"dutyreport/generator/problem"
	"dutyreport/generator/record"
)

// computer works out the components of one year's units, component by
// component in scheme order, so that a mean or a fold reads parts already done.
type computer struct {
	in    Input
	res   *Result
	probs *problem.List
	// ledger maps a unit code to its ledger rows (see entries).
	ledger map[string]*unitLedger
	evals  map[string]*record.Evaluation
	sheet  map[string]*record.ScoreRow
	below  map[string][]string // unit code → codes of the units folded into it
}

func computeComponents(in Input, res *Result, probs *problem.List) *computer {
	c := &computer{in: in, res: res, probs: probs,
		ledger: map[string]*unitLedger{}, evals: map[string]*record.Evaluation{},
		sheet: map[string]*record.ScoreRow{}, below: map[string][]string{}}
	yr := in.Year
	for i, r := range yr.Ledger.Rows {
		code := yr.Ledger.Units[r.Unit]
		ul := c.ledger[code]
		if ul == nil {
			ul = &unitLedger{}
			c.ledger[code] = ul
		}
		ul.rows = append(ul.rows, int32(i))
	}
	for i := range yr.Evaluations {
		c.evals[yr.Evaluations[i].Unit] = &yr.Evaluations[i]
	}
	for i := range yr.Scores {
		c.sheet[yr.Scores[i].Unit] = &yr.Scores[i]
	}
	for _, u := range res.Units {
		ru := in.Register.Unit(u.Code)
		if ru.Parent == "" {
			continue
		}
		if p := in.Register.ParentIn(ru, yr.Year); p != nil && p.ActiveIn(yr.Year) {
			c.below[p.Code] = append(c.below[p.Code], u.Code) // in code order
		}
	}

	c.addMissing()
	s := in.Scheme
	usesLedger := false
	for ci, comp := range s.Components {
		usesLedger = usesLedger || comp.Kind == config.KindLedger
		for ui := range res.Units {
			u := &res.Units[ui]
			if !s.Applies(comp, u.Category) {
				continue
			}
			c.compute(ci, comp, u)
		}
	}
	for ui := range res.Units {
		u := &res.Units[ui]
		u.Deductions = c.deductions(u.Code)
		u.Folded = c.below[u.Code]
		if usesLedger && !c.hasRows(u.Code) && in.Scheme.LedgerApplies("", u.Category) && !record.Rejects(yr.Inputs[record.KindLedger].Rejected, u.Code) {
			c.unitProblem(yr.Inputs[record.KindLedger].File, problem.ScoringNoLedger, u)
		}
	}
	return c
}

// compute sets component ci of unit u: computed from its source, then
// replaced by the score sheet's number when the sheet has one.
func (c *computer) compute(ci int, comp config.Component, u *Unit) {
	s := c.in.Scheme
	sc := &u.Scores[ci]
	var note problem.Position // the cell a mismatch with the sheet is explained by
	switch comp.Kind {
	case config.KindLedger:
		var lost record.Points
		var first record.Origin
		for e := range c.entries(u.Code) {
			t, _ := s.Task(e.Task)
			if t.Responsibility != comp.Responsibility {
				continue
			}
			d := t.Deduction(e.Required, e.Done)
			if first.IsZero() || (d > 0 && lost == 0) {
				first = e.Origin
			}
			lost += d
		}
		own := max(comp.Full-lost, 0)
		sc.Value, sc.Has = own, true
		if f := comp.Fold; f != nil {
			sc.Value = c.fold(own, f, u.Code)
		}
		if !first.IsZero() {
			note = c.pos(first)
		}
	case config.KindEvaluation:
		e := c.evals[u.Code]
		if e == nil {
			if !record.Rejects(c.in.Year.Inputs[record.KindEvaluation].Rejected, u.Code) {
				c.unitProblem(c.in.Year.Inputs[record.KindEvaluation].File, problem.ScoringNoEvaluation, u)
			}
			return
		}
		// The evaluation average (0–100) converted to the component's points.
		sc.Value, sc.Has = e.Average.MulDiv(int64(comp.Full), int64(record.Whole(100))), true
		note = c.pos(e.Origin)
	case config.KindSheet:
		row := c.sheet[u.Code]
		if row == nil {
			if !record.Rejects(c.in.Year.Inputs[record.KindScores].Rejected, u.Code) {
				c.unitProblem(c.in.Year.Inputs[record.KindScores].File, problem.ScoringNoScores, u)
			}
			return
		}
		v, ok := row.Scores[comp.ID]
		if !ok {
			c.probs.Add(problem.Problem{Pos: c.pos(row.Origin), Code: problem.IngestEmptyCell, Found: u.Code + " " + comp.Column})
			return
		}
		sc.Value, sc.Has, sc.FromSheet, sc.Origin = v, true, true, row.Cells[comp.ID]
		return
	case config.KindMean, config.KindSum:
		parts := make([]record.Points, 0, len(comp.Of))
		for _, id := range comp.Of {
			p := u.Scores[c.in.Scheme.ComponentIndex(id)]
			if !p.Has {
				return // the part's own problem has been reported
			}
			parts = append(parts, p.Value)
		}
		if comp.Kind == config.KindMean {
			sc.Value = record.Mean(parts...)
		} else {
			for _, p := range parts {
				sc.Value += p
			}
		}
		sc.Has = true
	}
	c.fromSheet(comp, u, sc, note)
}

// fold averages a unit's own score with those of the units below it, whose
// scores are already computed (the folded component comes earlier in the scheme).
func (c *computer) fold(own record.Points, f *config.Fold, code string) record.Points {
	fi := c.in.Scheme.ComponentIndex(f.Component)
	var below []record.Points
	for _, b := range c.below[code] {
		if bu := c.res.Unit(b); bu != nil && bu.Scores[fi].Has {
			below = append(below, bu.Scores[fi].Value)
		}
	}
	if len(below) == 0 {
		return own
	}
	if f.Mode == "mean" {
		return record.Mean(own, record.Mean(below...))
	}
	return record.Mean(append([]record.Points{own}, below...)...)
}

// fromSheet replaces a computed score by the score sheet's, warning when the
// two differ: one problem at the sheet's cell with a note at the source cell.
func (c *computer) fromSheet(comp config.Component, u *Unit, sc *Score, note problem.Position) {
	row := c.sheet[u.Code]
	if row == nil {
		return
	}
	v, ok := row.Scores[comp.ID]
	if !ok {
		return
	}
	if sc.Has && v != sc.Value {
		p := problem.Problem{Pos: c.pos(row.Cells[comp.ID]), Severity: problem.Warning, Code: problem.IngestScoreMismatch,
			Found: u.Code + " " + comp.Column + " " + v.String(), Expected: problem.Verbatim(sc.Value.String())}
		if !note.IsZero() {
			p.Notes = []problem.Note{{Pos: note, Text: problem.T(problem.TComputedFromHere, sc.Value.String())}}
		}
		c.probs.Add(p)
	}
	sc.Value, sc.Has, sc.FromSheet, sc.Origin = v, true, true, row.Cells[comp.ID]
}

// totals adds up each ranked unit's total components and bands it.
func (c *computer) totals() {
	s := c.in.Scheme
	for ui := range c.res.Units {
		u := &c.res.Units[ui]
		if u.Group == "" {
			continue
		}
		var total record.Points
		ok := true
		for _, id := range s.Total {
			sc := u.Scores[c.in.Scheme.ComponentIndex(id)]
			ok = ok && sc.Has
			total += sc.Value
		}
		if !ok {
			continue
		}
		u.Total, u.HasTotal, u.Subtotal = total, true, total
		u.Band = s.BandFor(total).ID
	}
}

// checkSheetTotals compares the score sheet's 总分, where given, with the
// total: a sheet may give it before or after the cases' deductions.
func (c *computer) checkSheetTotals() {
	for ui := range c.res.Units {
		u := &c.res.Units[ui]
		row := c.sheet[u.Code]
		if !u.HasTotal || row == nil {
			continue
		}
		v, given := row.Scores[record.TotalScore]
		if !given {
			continue
		}
		u.TotalOrigin = row.Cells[record.TotalScore]
		if v != u.Total && v != u.Subtotal {
			want := problem.T(problem.TTotalIsSum, u.Total.String())
			if u.CasePoints > 0 {
				want = problem.T(problem.TTotalLessCases, u.Total.String(), u.Subtotal.String(), u.CasePoints.String())
			}
			c.probs.Add(problem.Problem{Pos: c.pos(row.Cells[record.TotalScore]), Severity: problem.Warning, Code: problem.IngestScoreMismatch,
				Found: u.Code + " 总分 " + v.String(), Expected: want})
		}
	}
}

// addMissing counts each applicable task that a unit's ledger has no row for
// as not done: the scheme's usual required count, none of it done. One
// warning per unit lists them, so that a clerk can add the rows. A unit with
// no rows at all, or with rows rejected at ingest, is reported elsewhere.
func (c *computer) addMissing() {
	s, yr := c.in.Scheme, c.in.Year
	for ui := range c.res.Units {
		u := &c.res.Units[ui]
		ul := c.ledger[u.Code]
		if !c.hasRows(u.Code) || record.Rejects(yr.Inputs[record.KindLedger].Rejected, u.Code) {
			continue
		}
		have := make(map[string]bool, len(ul.rows))
		for e := range c.entries(u.Code) {
			have[e.Task] = true
		}
		var codes []string
		for _, t := range s.Tasks {
			if have[t.Code] || !s.TaskApplies(t, u.Category) {
				continue
			}
			ul.made = append(ul.made, record.LedgerEntry{Unit: u.Code, Task: t.Code, Required: int32(max(t.Required, 1))})
			codes = append(codes, t.Code)
		}
		if len(codes) > 0 {
			pos := c.pos(yr.Ledger.At(int(ul.rows[0])).Origin)
			pos.Cell = "" // the file and sheet the rows belong in
			c.probs.Add(problem.Problem{Pos: pos, Severity: problem.Warning, Code: problem.ScoringTaskMissing,
				Found: u.Code + " " + u.Name + ": " + strings.Join(codes, ", ")})
		}
	}
}

// deductions lists the ledger tasks that cost unit code points.
func (c *computer) deductions(code string) []Deduction {
	var out []Deduction
	for e := range c.entries(code) {
		t, _ := c.in.Scheme.Task(e.Task)
		if d := t.Deduction(e.Required, e.Done); d > 0 {
			out = append(out, Deduction{Task: e.Task, Required: e.Required, Done: e.Done, Points: d, Origin: e.Origin, Missing: e.Origin.IsZero()})
		}
	}
	return out
}

// unitLedger is a unit's ledger rows: their indexes in the year's ledger,
// and entries made up for its tasks with no row (addMissing), which have no
// Origin.
type unitLedger struct {
	rows []int32
	made []record.LedgerEntry
}

// hasRows reports whether the ledger has rows of unit code.
func (c *computer) hasRows(code string) bool {
	ul := c.ledger[code]
	return ul != nil && len(ul.rows) > 0
}

// entries gives unit code's ledger rows, then its made-up entries.
func (c *computer) entries(code string) iter.Seq[record.LedgerEntry] {
	return func(yield func(record.LedgerEntry) bool) {
		ul := c.ledger[code]
		if ul == nil {
			return
		}
		for _, i := range ul.rows {
			if !yield(c.in.Year.Ledger.At(int(i))) {
				return
			}
		}
		for _, e := range ul.made {
			if !yield(e) {
				return
			}
		}
	}
}

func (c *computer) pos(o record.Origin) problem.Position {
	return problem.At(c.in.Files.Locate(o))
}

// unitProblem reports a unit missing from one of the year's files.
func (c *computer) unitProblem(file uint16, code problem.Code, u *Unit) {
	pos := problem.Position{}
	if int(file) < len(c.in.Files) && file > 0 {
		pos.File = c.in.Files[file].Path
	}
	c.probs.Add(problem.Problem{Pos: pos, Code: code, Found: u.Code + " " + u.Name})
}
