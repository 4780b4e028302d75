package ingest

import (
	"dutyreport/generator/config"
	"dutyreport/generator/problem"
	"dutyreport/generator/record"
)

// scoreColumns builds the score sheet's columns from the scheme: the unit,
// then one column per component, then the total. The columns of components
// taken only from the sheet (kind sheet) are required, so that a misspelt
// header is one error for the file, not one for every unit.
func scoreColumns(s *config.Scheme) []column {
	cols := []column{
		{name: "单位编码", aliases: []string{"编码", "单位代码"}, unit: true},
		{name: "单位名称", aliases: []string{"名称", "单位"}, unit: true},
	}
	for _, c := range s.Components {
		cols = append(cols, column{name: c.Column, aliases: c.Aliases, required: c.Kind == config.KindSheet})
	}
	return append(cols, column{name: "总分", aliases: []string{"合计", "得分", "考核得分"}})
}

// readScores reads one year's component-score sheet (考核得分汇总表).
func readScores(t *table, s *config.Scheme, reg *register, year int) []record.ScoreRow {
	var out []record.ScoreRow
	seen := map[string]problem.Position{}
	total := len(s.Components) + 2
	t.read(func(r row) {
		if r.unitKey() == "" {
			return
		}
		u, ok := unitOf(r, 0, 1, year, reg)
		sr := record.ScoreRow{Scores: map[string]record.Points{}, Cells: map[string]record.Origin{}}
		for i, c := range s.Components {
			w := i + 2
			raw := r.text(w)
			if !r.has(w) || raw == "" {
				continue
			}
			max := fullOf(s, c)
			p, good := parsePoints(raw, max == record.Whole(100))
			if !good {
				r.problem(w, problem.IngestNotANumber, problem.T(problem.TInDigits, c.Name))
				ok = false
				continue
			}
			if p < 0 || (max > 0 && p > max) {
				r.problem(w, problem.IngestOutOfRange, problem.T(problem.TZeroTo, max.String()))
				ok = false
				continue
			}
			sr.Scores[c.ID], sr.Cells[c.ID] = p, r.origin(w)
		}
		if raw := r.text(total); r.has(total) && raw != "" {
			if p, good := parsePoints(raw, true); good {
				sr.Scores[record.TotalScore], sr.Cells[record.TotalScore] = p, r.origin(total)
			} else {
				r.problem(total, problem.IngestNotANumber, problem.T(problem.TInDigits, "总分"))
				ok = false
			}
		}
		if !ok {
			t.reject(u)
			return
		}
		if first, dup := seen[u.Code]; dup {
			r.duplicate(0, u.Code, first)
			return
		}
		seen[u.Code] = r.pos(0)
		sr.Unit, sr.Origin = u.Code, r.origin(0)
		out = append(out, sr)
	})
	return out
}

// fullOf gives the most a component can score: its Full, the sum or the
// largest of its parts; 0 when unknown.
func fullOf(s *config.Scheme, c config.Component) record.Points {
	switch c.Kind {
	case config.KindMean, config.KindSum:
		var sum, most record.Points
		for _, id := range c.Of {
			part, _ := s.Component(id)
			f := fullOf(s, part)
			sum += f
			most = max(most, f)
		}
		if c.Kind == config.KindSum {
			return sum
		}
		return most
	}
	return c.Full
}
