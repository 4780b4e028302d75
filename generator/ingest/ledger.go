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
func readLedger(t *table, s *config.Scheme, reg *register, year int) *record.Ledger {
	out := &record.Ledger{}
	seen := newSeenTasks(s)
	type found struct {
		resp config.Responsibility
		ok   bool
	}
	resps := newMemo(func(name string) found {
		r, ok := s.ResponsibilityByName(name)
		return found{r, ok}
	})
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
		f := resps.get(r.raw(lResp))
		resp := f.resp
		if !f.ok {
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
		if out.Len() == 0 {
			out.Grow(r.rowsLeft() + 1)
		}
		if first, dup := seen.add(out, u, task.Code, r.n); dup {
			r.duplicate(lTask, u.Code+" "+code, r.posInRow(first, lTask))
			return
		}
		out.Add(record.LedgerEntry{
			Unit: u.Code, Task: task.Code, Role: r.text(lRole),
			Required: required, Done: done, Date: date,
			Evidence: r.text(lEvidence), Origin: r.origin(lDone),
		})
	})
	out.Done()
	return out
}

// seenTasks finds a unit's task given a second time. It keeps a bit for
// each unit and task of the scheme rather than a map entry per row, which
// for a million rows would take more than the rows; the row a task was
// first given on is looked up only when a duplicate comes.
type seenTasks struct {
	tasks map[string]int // the scheme's task codes → their place
	words int            // words of a unit's bits
	bits  map[*record.Unit][]uint64
	first map[[2]string]int // unit and task → row, from the first duplicate on
}

func newSeenTasks(s *config.Scheme) *seenTasks {
	st := &seenTasks{tasks: map[string]int{}, words: (len(s.Tasks) + 63) / 64, bits: map[*record.Unit][]uint64{}}
	for i, t := range s.Tasks {
		st.tasks[t.Code] = i
	}
	return st
}

// add notes that row n of the sheet gives unit u's task, unless an earlier
// row of l gave it: then it gives that row's number and true.
func (st *seenTasks) add(l *record.Ledger, u *record.Unit, task string, n int) (first int, dup bool) {
	bits := st.bits[u]
	if bits == nil {
		bits = make([]uint64, st.words)
		st.bits[u] = bits
	}
	i := st.tasks[task]
	w, b := i/64, uint64(1)<<(i%64)
	k := [2]string{u.Code, task}
	if bits[w]&b == 0 {
		bits[w] |= b
		if st.first != nil {
			st.first[k] = n
		}
		return 0, false
	}
	if st.first == nil {
		st.first = map[[2]string]int{}
		for _, e := range l.All() {
			st.first[[2]string{e.Unit, e.Task}] = int(e.Origin.Row)
		}
	}
	return st.first[k], true
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
