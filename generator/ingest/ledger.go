package ingest

import (
	"dutyreport/generator/config"
	"dutyreport/generator/problem"
	"dutyreport/generator/record"
)

// Columns of the task ledger (纪实台账).
var ledgerColumns = []column{
	lCode:     {name: "单位编码", aliases: []string{"编码", "单位代码"}, unit: true},
	lName:     {name: "单位名称", aliases: []string{"名称", "单位"}, unit: true},
	lResp:     {name: "责任类别", aliases: []string{"责任", "责任类型"}, required: true},
	lRole:     {name: "责任主体", aliases: []string{"角色", "责任人"}},
	lTask:     {name: "任务编号", aliases: []string{"编号", "任务代码"}, required: true},
	lTaskName: {name: "任务内容", aliases: []string{"任务名称", "任务"}},
	lRequired: {name: "应完成次数", aliases: []string{"应完成", "要求次数"}, required: true},
	lDone:     {name: "实际完成次数", aliases: []string{"实际完成", "完成次数"}, required: true},
	lDate:     {name: "完成时间", aliases: []string{"完成日期", "最近完成时间"}},
	lEvidence: {name: "佐证材料", aliases: []string{"佐证", "证明材料"}},
}

const (
	lCode = iota
	lName
	lResp
	lRole
	lTask
	lTaskName
	lRequired
	lDone
	lDate
	lEvidence
)

// readLedger reads one year's ledger.
func readLedger(t *table, s *config.Scheme, reg *register, year int) []record.LedgerEntry {
	var out []record.LedgerEntry
	type key struct{ unit, task string }
	// The row of each unit's task, for duplicates: a row number, not a
	// position, which would hold three strings for each of a million rows.
	seen := map[key]int{}
	roles := interner{}
	t.read(func(r row) {
		if r.unitKey() == "" && r.text(lTask) == "" {
			return // a note or signature line below the table
		}
		u, ok := unitOf(r, lCode, lName, year, reg)
		code := r.text(lTask)
		task, known := s.Task(code)
		switch {
		case code == "":
			r.problem(lTask, problem.IngestEmptyCell, problem.Verbatim("任务编号"))
			ok = false
		case !known:
			r.problem(lTask, problem.IngestUnknownTask, problem.T(problem.TTaskOf, s.Name))
			ok = false
		}
		resp, found := s.ResponsibilityByName(r.raw(lResp))
		if !found {
			r.badChoice(lResp, s.ResponsibilityNames())
			ok = false
		} else if known && resp.ID != task.Responsibility {
			want, _ := s.ResponsibilityByName(task.Responsibility)
			r.problem(lResp, problem.IngestBadChoice, problem.T(problem.TResponsibilityOfTask, want.Name, code))
			ok = false
		}
		if u != nil && known && !s.TaskApplies(task, u.Category) {
			cat, _ := s.Category(u.Category)
			r.problem(lTask, problem.IngestUnknownTask, problem.T(problem.TTaskOfCategory, cat.Name, code))
			ok = false
		}
		required, good := count(r, lRequired)
		ok = ok && good
		done, good := count(r, lDone)
		if !good {
			ok = false
		} else if ok && done > required {
			r.problem(lDone, problem.IngestDoneExceedsRequired, problem.T(problem.TAtMostRequired, r.text(lRequired)))
			ok = false
		}
		var date record.Date
		if raw := r.text(lDate); raw != "" {
			if date, good = parseDate(raw, t.wb.date1904); !good {
				r.problem(lDate, problem.IngestBadDate, problem.T(problem.TDateInRange))
				ok = false
			}
		}
		if !ok {
			t.reject(u)
			return
		}
		k := key{u.Code, code}
		if first, dup := seen[k]; dup {
			r.duplicate(lTask, u.Code+" "+code, r.posInRow(first, lTask))
			return
		}
		seen[k] = r.n
		out = append(out, record.LedgerEntry{
			Unit: u.Code, Task: task.Code, Role: roles.intern(r.text(lRole)),
			Required: required, Done: done, Date: date,
			Evidence: r.text(lEvidence), Origin: r.origin(lDone),
		})
	})
	return out
}

// count reads a count cell of the ledger: a whole number, 0 or more. An
// empty cell, or one that says 无, is refused rather than read as 0: the
// clerk is asked to write the 0.
func count(r row, w int) (int32, bool) {
	if r.text(w) == "" {
		r.problem(w, problem.IngestEmptyCell, problem.T(problem.TTimesOrZero))
		return 0, false
	}
	n, ok := parseCount(r.raw(w))
	if !ok {
		r.problem(w, problem.IngestNotANumber, problem.T(problem.TTimes))
	}
	return n, ok
}

// interner shares one copy of each of the few values a column repeats on
// every row (责任主体), so that a million ledger rows do not keep a million
// copies. Unit and task codes are shared with the register and the scheme.
type interner map[string]string

func (in interner) intern(s string) string {
	if v, ok := in[s]; ok {
		return v
	}
	in[s] = s
	return s
}
