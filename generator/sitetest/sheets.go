package sitetest

import (
	"fmt"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"dutyreport/generator/config"
	"dutyreport/generator/record"
)

// write writes the county's workbooks into the site folder dir, at the
// paths of its site.yaml's inputs.
func (c *county) write(dir string, in config.Inputs) error {
	at := func(pattern string, y int) string {
		return filepath.Join(dir, filepath.FromSlash(strings.ReplaceAll(pattern, "{year}", strconv.Itoa(y))))
	}
	cases := map[int][]exampleCase{}
	for _, yr := range c.years {
		cases[yr.year] = c.cases(yr.year, c.best(yr))
	}
	jobs := []func() error{func() error { return WriteWorkbook(at(in.Units, 0), c.registerSheet(cases)) }}
	if in.Roster != "" {
		rosters, err := c.rosters(cases)
		if err != nil {
			return err
		}
		for _, y := range rosterYears {
			if posts := rosters[y]; len(posts) > 0 {
				jobs = append(jobs, func() error { return WriteWorkbook(at(in.Roster, y), c.rosterSheet(y, posts)) })
			}
		}
	}
	for _, yr := range c.years {
		if in.Cases != "" && len(cases[yr.year]) > 0 {
			jobs = append(jobs, func() error { return WriteWorkbook(at(in.Cases, yr.year), c.caseSheet(yr.year, cases[yr.year])) })
		}
		jobs = append(jobs,
			func() error { return WriteWorkbook(at(in.Ledger, yr.year), c.ledgerSheet(yr)) },
			func() error { return WriteWorkbook(at(in.Evaluation, yr.year), c.evaluationSheet(yr)) })
		if slices.Contains(c.scoreYears, yr.year) {
			jobs = append(jobs, func() error { return WriteWorkbook(at(in.Scores, yr.year), c.scoreSheet(yr)) })
		}
	}
	return runAll(jobs)
}

// runAll runs the jobs a few at a time and returns the first error in job
// order, so that a failure reads the same on every run.
func runAll(jobs []func() error) error {
	errs := make([]error, len(jobs))
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for i, job := range jobs {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			errs[i] = job()
			<-sem
		}()
	}
	wg.Wait()
	return firstError(errs...)
}

// registerSheet is 单位名录, with every column of the README. Two units
// have a 备注: the merged town's says so, and the poor town's names its
// dismissed party secretary, whom the public site masks there too.
func (c *county) registerSheet(cases map[int][]exampleCase) Sheet {
	rows := [][]any{
		{c.name + "党风廉政建设责任制考核单位名录"},
		{"序号", "单位编码", "单位名称", "类别", "所属镇", "起始年度", "终止年度", "曾用名", "并入单位", "备注"},
	}
	remarks := map[string]string{mergedTown: "2022年起并入马庄镇"}
	for _, ec := range cases[2022] {
		if ec.unit == poorTown {
			remarks[poorTown] = "2022年原镇党委书记" + ec.subjects[0][1] + "被免职，由县委另行选派"
		}
	}
	for i, u := range c.units {
		cat, _ := c.scheme.Category(u.cat)
		var former []string
		for _, f := range u.former {
			former = append(former, fmt.Sprintf("%s（%d-%d）", f.name, f.from, f.until))
		}
		rows = append(rows, []any{i + 1, u.code, u.name, cat.Name, u.parent, yearCell(u.from), yearCell(u.to),
			strings.Join(former, "；"), u.successor, remarks[u.code]})
	}
	return Sheet{Name: "单位名录", Merges: []string{"A1:J1"}, Header: 2, Rows: rows}
}

func yearCell(y int) any {
	if y == 0 {
		return nil
	}
	return y
}

// evaluationSheet is 民主测评: one row per ranked unit active that year.
func (c *county) evaluationSheet(yr *year) Sheet {
	rows := [][]any{
		{fmt.Sprintf("%s%d年度党风廉政建设社会评价（民主测评）结果汇总表", c.name, yr.year)},
		{"序号", "单位编码", "单位名称", "有效票数", "平均分"},
	}
	for _, uy := range c.ranked(yr) {
		rows = append(rows, []any{len(rows) - 1, uy.unit.code, uy.unit.nameIn(yr.year), uy.ballots, pointsCell(uy.avg)})
	}
	return Sheet{Name: "Sheet1", Merges: []string{"A1:E1"}, Header: 2, Rows: rows}
}

// scoreSheet is the hand-made 考核得分汇总表: the components as the scheme
// computes them from the ledger and the evaluation, except the clerk's one
// typing error. The clerk's spreadsheet formulas carry the error into
// 基础分, 总分 and 档次, as they would.
func (c *county) scoreSheet(yr *year) Sheet {
	header := []any{"序号", "单位编码", "单位名称"}
	for _, id := range []string{"main", "supervision", "base", "social"} {
		comp, _ := c.scheme.Component(id)
		header = append(header, comp.Column)
	}
	header = append(header, "总分", "档次")
	rows := [][]any{{fmt.Sprintf("%s%d年度落实党风廉政建设“两个责任”考核得分汇总表", c.name, yr.year)}, header}
	scores := c.score(yr)
	for _, uy := range c.ranked(yr) {
		s := scores[uy.unit.code]
		if uy.unit.code == c.clerkError {
			s.supervision += 50
			if c.scheme.BandFor(record.Mean(s.main, s.supervision)+s.social).Name != s.band {
				s.supervision -= 100
			}
			s.base = record.Mean(s.main, s.supervision)
			s.total = s.base + s.social
			s.band = c.scheme.BandFor(s.total).Name
		}
		rows = append(rows, []any{len(rows) - 1, uy.unit.code, uy.unit.nameIn(yr.year),
			pointsCell(s.main), pointsCell(s.supervision), pointsCell(s.base), pointsCell(s.social), pointsCell(s.total), s.band})
	}
	return Sheet{Name: "Sheet1", Merges: []string{"A1:I1"}, Header: 2, Rows: rows}
}

// best is the year's best-scoring department.
func (c *county) best(yr *year) string {
	scores := c.score(yr)
	best := ""
	for _, uy := range c.ranked(yr) {
		if uy.unit.cat == "dept" && (best == "" || scores[uy.unit.code].total > scores[best].total) {
			best = uy.unit.code
		}
	}
	return best
}

// ranked lists the year's units that get a total (towns and departments).
func (c *county) ranked(yr *year) []*unitYear {
	var out []*unitYear
	for _, uy := range yr.units {
		if cat, ok := c.scheme.Category(uy.unit.cat); ok && cat.IsRanked() {
			out = append(out, uy)
		}
	}
	return out
}

// pointsCell writes points as the number a clerk types: 83.33, 90, 64.5.
func pointsCell(p record.Points) any {
	return float64(p) / record.Scale
}
