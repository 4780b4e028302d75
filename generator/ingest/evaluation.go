package ingest

import (
	"dutyreport/generator/problem"
	"dutyreport/generator/record"
)

// Columns of the democratic evaluation (民主测评).
var evaluationColumns = []column{
	eCode:    {name: "单位编码", aliases: []string{"编码", "单位代码"}, unit: true},
	eName:    {name: "单位名称", aliases: []string{"名称", "单位"}, unit: true},
	eBallots: {name: "有效票数", aliases: []string{"有效票", "票数"}},
	eAverage: {name: "平均分", aliases: []string{"测评平均分", "测评得分"}, required: true},
}

const (
	eCode = iota
	eName
	eBallots
	eAverage
)

// readEvaluation reads one year's democratic evaluation results.
func readEvaluation(t *table, reg *register, year int) []record.Evaluation {
	var out []record.Evaluation
	seen := map[string]problem.Position{}
	t.read(func(r row) {
		if r.unitKey() == "" && r.text(eAverage) == "" {
			return
		}
		u, ok := unitOf(r, eCode, eName, year, reg)
		avg, good := parsePoints(r.raw(eAverage), true)
		switch {
		case r.text(eAverage) == "":
			r.problem(eAverage, problem.IngestEmptyCell, problem.T(problem.TAverage))
			ok = false
		case !good:
			r.problem(eAverage, problem.IngestNotANumber, problem.T(problem.TAverage))
			ok = false
		case avg < 0 || avg > record.Whole(100):
			r.problem(eAverage, problem.IngestOutOfRange, problem.T(problem.TZeroTo, "100"))
			ok = false
		}
		var ballots int32
		if raw := r.text(eBallots); raw != "" {
			if ballots, good = parseCount(raw); !good {
				r.problem(eBallots, problem.IngestNotANumber, problem.T(problem.TBallots))
				ok = false
			}
		}
		if !ok {
			t.reject(u)
			return
		}
		if first, dup := seen[u.Code]; dup {
			r.duplicate(eCode, u.Code, first)
			return
		}
		seen[u.Code] = r.pos(eCode)
		out = append(out, record.Evaluation{Unit: u.Code, Ballots: ballots, Average: avg, Origin: r.origin(eAverage)})
	})
	return out
}
