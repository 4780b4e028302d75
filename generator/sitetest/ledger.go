package sitetest

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"

	"dutyreport/generator/config"
	"dutyreport/generator/record"
)

// ledgerHeader is the header of 纪实台账, the primary names of docs/inputs.md.
var ledgerHeader = []any{"序号", "单位编码", "单位名称", "责任类别", "责任主体", "任务编号", "任务内容", "应完成次数", "实际完成次数", "完成时间", "佐证材料"}

// ledgerSheet is a year's task ledger: one row per active unit and task of
// its category, units in register order, tasks in scheme order.
func (c *county) ledgerSheet(yr *year) Sheet {
	respName := map[string]string{}
	for _, r := range c.scheme.Responsibilities {
		respName[r.ID] = r.Name
	}
	rows := make([][]any, 0, 2+len(yr.units)*len(c.scheme.Tasks))
	rows = append(rows, []any{fmt.Sprintf("%s%d年度党风廉政建设责任制纪实台账", c.name, yr.year)}, ledgerHeader)
	n := 0
	for _, uy := range yr.units {
		u := uy.unit
		name := u.nameIn(yr.year)
		r := rngFor("ledger", u.code, strconv.Itoa(yr.year))
		for i, ti := range c.tasksOf[u.cat] {
			t := c.scheme.Tasks[ti]
			done := uy.done[i]
			n++
			rows = append(rows, []any{n, u.code, name, respName[t.Responsibility], t.Role, t.Code, t.Name,
				t.Required, int(done), c.completionDate(r, yr.year, t, done), evidence(r, u, yr.year, t, done, c.resp("supervision"))})
		}
	}
	return Sheet{Name: "纪实台账", Merges: []string{"A1:K1"}, Header: 2, Rows: rows,
		Widths: map[string]float64{"A": 7, "G": 50, "K": 24}}
}

// completionDate is the date a task was last done: within the quarter or
// month its count reaches for tasks done several times a year, early in the
// year for 年初 tasks, in July for 7月 ones, in December for 年终 ones.
// It is blank when the task was not done.
func (c *county) completionDate(r *rand.Rand, y int, t config.Task, done int32) any {
	if done <= 0 {
		return nil
	}
	first, last := 3, 11
	switch {
	case t.Required > 1 && 12%t.Required == 0:
		per := 12 / t.Required
		first, last = (int(done)-1)*per+1, int(done)*per
	case strings.Contains(t.Name, "年初"):
		first, last = 1, 3
	case strings.Contains(t.Name, "7月"):
		first, last = 7, 7
	case strings.Contains(t.Name, "年终"):
		first, last = 12, 12
	}
	m := between(r, first, last)
	return DateCell{Y: y, M: m, D: between(r, 1, record.DaysIn(y, m)), Chinese: c.chineseDates[y]}
}

// evidence is the 佐证材料 a clerk records: a document number, a meeting
// record, a photo of the notice board; blank when the task was not done.
func evidence(r *rand.Rand, u *unit, y int, t config.Task, done int32, supervision string) any {
	if done <= 0 {
		return nil
	}
	switch {
	case t.Required == 12:
		return fmt.Sprintf("%s公开栏照片（%d年1—%d月）", u.abbr, y, done)
	case t.Required > 1 && (strings.Contains(t.Name, "会议") || strings.Contains(t.Name, "汇报")):
		return fmt.Sprintf("会议记录（%d年第%d次）", y, done)
	case t.Required > 1:
		return fmt.Sprintf("督查记录（%d年第%d次）", y, done)
	case strings.Contains(t.Name, "谈话"):
		return fmt.Sprintf("谈话记录（%d人次）", between(r, 3, 40))
	case u.cat == "committee":
		return fmt.Sprintf([]string{"监委会工作记录（%d年）", u.abbr + "公开登记簿（%d年）", "监委会会议记录（%d年）"}[r.IntN(3)], y)
	case t.Responsibility == supervision:
		return fmt.Sprintf("%s纪〔%d〕%d号", u.abbr, y, between(r, 1, 60))
	}
	return fmt.Sprintf("%s发〔%d〕%d号", u.abbr, y, between(r, 1, 120))
}
