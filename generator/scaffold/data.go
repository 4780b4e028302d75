package scaffold

import (
	"fmt"
	"path/filepath"
	"slices"
	"strconv"

	"dutyreport/generator/config"
	"dutyreport/generator/record"
	"dutyreport/generator/workbook"
)

// starterUnit is one unit of the sample county, with how well it kept its
// duties: miss is how many of its tasks it left undone in the latest year
// (one fewer the year before), avg its democratic evaluation.
type starterUnit struct {
	code, name, category, parent, abbr string
	miss                               int
	avg                                float64
}

// starterUnits make a small county whose results span the bands: 优秀 to
// 一般 (约谈), a village committee folded into its town, and a case.
var starterUnits = []starterUnit{
	{"T01", "城关镇", "镇", "", "城关", 0, 92},
	{"T02", "东关镇", "镇", "", "东关", 10, 82},
	{"T03", "西河镇", "镇", "", "西河", 16, 78},
	{"T04", "南山镇", "镇", "", "南山", 30, 62},
	{"D01", "县委办公室", "县直部门", "", "县委办", 0, 90},
	{"D02", "县政府办公室", "县直部门", "", "县政办", 6, 86},
	{"D03", "县教育局", "县直部门", "", "县教", 12, 80},
	{"D04", "县卫生健康局", "县直部门", "", "县卫健", 20, 74},
	{"D05", "县交通运输局", "县直部门", "", "县交", 34, 58},
	{"T01C01", "城关镇东街社区监督委员会", "村(居)务监督委员会", "T01", "东街", 0, 0},
	{"T01C02", "城关镇西村村务监督委员会", "村(居)务监督委员会", "T01", "西村", 2, 0},
}

func countOf(units []starterUnit, category string) int {
	n := 0
	for _, u := range units {
		if u.category == category {
			n++
		}
	}
	return n
}

// data writes the register and, for both years, the ledger and the
// evaluation, following the tasks of the scheme just written.
func (s *site) data() error {
	cfg, probs := config.Load(s.dir)
	if probs.HasErrors() {
		return fmt.Errorf("the new site's configuration: %v", probs.Errors().Err())
	}
	sc := &cfg.Scheme
	// Each sheet has a title merged across its columns above the header,
	// as exports from Excel and WPS do.
	title := func(cols int) []string { return []string{"A1:" + string(rune('A'+cols-1)) + "1"} }
	reg := workbook.Sheet{Name: "单位名录", Header: 2, Merges: title(4),
		Rows: [][]any{{s.vars.County + "考核单位名录"}, {"单位编码", "单位名称", "类别", "所属镇"}}}
	for _, u := range starterUnits {
		reg.Rows = append(reg.Rows, []any{u.code, u.name, u.category, u.parent})
	}
	type file struct {
		rel   string
		sheet workbook.Sheet
	}
	jobs := []file{{"data/单位名录.xlsx", reg}}
	for _, y := range []int{s.vars.Prev, s.vars.Year} {
		ys := strconv.Itoa(y)
		ledger := workbook.Sheet{Name: "纪实台账", Header: 2, Merges: title(11),
			Rows: [][]any{{s.vars.County + ys + "年度党风廉政建设责任制纪实台账"},
				{"序号", "单位编码", "单位名称", "责任类别", "责任主体", "任务编号", "任务内容", "应完成次数", "实际完成次数", "完成时间", "佐证材料"}}}
		eval := workbook.Sheet{Name: "民主测评", Header: 2, Merges: title(4),
			Rows: [][]any{{s.vars.County + ys + "年度党风廉政建设民主测评结果"}, {"单位编码", "单位名称", "有效票数", "平均分"}}}
		for _, u := range starterUnits {
			cat, ok := sc.CategoryByName(u.category)
			if !ok {
				return fmt.Errorf("the scheme has no category %s", u.category)
			}
			var tasks []config.Task
			for _, t := range sc.Tasks {
				if sc.TaskApplies(t, cat.ID) {
					tasks = append(tasks, t)
				}
			}
			miss := u.miss
			if y == s.vars.Prev && miss > 0 {
				miss--
			}
			missed := spread(miss, len(tasks))
			for i, t := range tasks {
				resp, _ := sc.ResponsibilityByName(t.Responsibility)
				req := max(int(t.Required), 1)
				done := req
				if missed[i] {
					done = req / 2 // a count of several times is half done
				}
				var date, evidence any
				if done > 0 {
					date = workbook.DateCell{Y: y, M: 1 + (i*5)%11, D: 1 + (i*7)%28}
					evidence = fmt.Sprintf("%s发〔%d〕%d号", u.abbr, y, i+1)
				}
				ledger.Rows = append(ledger.Rows, []any{len(ledger.Rows) - 1, u.code, u.name, resp.Name, t.Role, t.Code, t.Name, req, done, date, evidence})
			}
			if cat.IsRanked() {
				avg := u.avg
				if y == s.vars.Prev {
					avg -= 1.5
				}
				eval.Rows = append(eval.Rows, []any{u.code, u.name, 40 + len(u.name)*3, avg})
			}
		}
		jobs = append(jobs, file{"data/" + ys + "/纪实台账.xlsx", ledger}, file{"data/" + ys + "/民主测评.xlsx", eval})
	}
	for _, j := range jobs {
		if err := workbook.WriteMarked(filepath.Join(s.dir, filepath.FromSlash(j.rel)), record.MarkerSample, j.sheet); err != nil {
			return err
		}
		s.written = append(s.written, j.rel)
	}
	slices.Sort(s.written)
	return nil
}

// spread marks n of count tasks as missed, spread evenly over the list so
// that both responsibilities lose points.
func spread(n, count int) []bool {
	out := make([]bool, count)
	for j := 0; j < n && count > 0; j++ {
		out[j*count/n] = true
	}
	return out
}
