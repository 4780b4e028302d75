package sitetest

import (
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"dutyreport/generator/config"
)

// The 荆州市 example (seed 001): 8 counties and districts and 12 municipal
// units, 2022–2024, scored by inspection teams on 19 indicators under 7
// items. Its scheme is examples/jingzhou/schemes/jingzhou.yaml; this file
// only makes the data.
const (
	jingzhouFirst, jingzhouLast = 2022, 2024
	// jingzhouLastTwice 江陵县 is last of the counties in 2023 and in 2024:
	// two years running, so its head's post is adjusted (职务调整).
	jingzhouLastTwice = "X05"
)

var (
	jingzhouCounties = []string{"沙市区", "荆州区", "公安县", "监利市", "江陵县", "石首市", "洪湖市", "松滋市"}
	jingzhouDepts    = []string{
		"市发展和改革委员会", "市教育局", "市公安局", "市财政局", "市人力资源和社会保障局", "市自然资源和规划局",
		"市住房和城乡建设局", "市交通运输局", "市水利和湖泊局", "市农业农村局", "市卫生健康委员会", "市市场监督管理局",
	}
)

// jzUnit is a unit of the Jingzhou example and its indicator scores per
// year, in tenths of a point (the sheet has one decimal).
type jzUnit struct {
	code, name, cat string
	quality         int
	scores          map[int][]int
}

func (u *jzUnit) total(y int) int {
	t := 0
	for _, s := range u.scores[y] {
		t += s
	}
	return t
}

// WriteJingzhou writes the 荆州市 example's data into dir, a site folder
// whose site.yaml names the Jingzhou scheme (examples/jingzhou): the units
// register and a score sheet per year with one column per indicator (every
// sheet component of the scheme). The same scheme always gives the same bytes.
func WriteJingzhou(dir string) error {
	cfg, err := loadSite(dir)
	if err != nil {
		return err
	}
	var indicators []config.Component
	for _, c := range cfg.Scheme.Components {
		if c.Kind == config.KindSheet {
			indicators = append(indicators, c)
		}
	}
	var units []*jzUnit
	add := func(prefix, cat string, names []string) {
		for i, name := range names {
			code := fmt.Sprintf("%s%02d", prefix, i+1)
			units = append(units, &jzUnit{code: code, name: name, cat: cat, scores: map[int][]int{},
				quality: between(rngFor("jingzhou", "quality", code), 30, 100)})
		}
	}
	add("X", "county", jingzhouCounties)
	add("S", "dept", jingzhouDepts)

	for y := jingzhouFirst; y <= jingzhouLast; y++ {
		for _, u := range units {
			r := rngFor("jingzhou", u.code, strconv.Itoa(y))
			for _, ind := range indicators {
				full := int(ind.Full) / 10 // tenths
				pct := min(100, 72+u.quality*24/100+between(r, -8, 8))
				u.scores[y] = append(u.scores[y], (full*pct+50)/100)
			}
		}
	}
	fullOf := func(i int) int { return int(indicators[i].Full) / 10 }
	for _, cat := range []string{"county", "dept"} {
		var group []*jzUnit
		for _, u := range units {
			if u.cat == cat {
				group = append(group, u)
			}
		}
		prevLast := ""
		for y := jingzhouFirst; y <= jingzhouLast; y++ {
			want := ""
			if cat == "county" && y >= jingzhouLast-1 {
				want = jingzhouLastTwice
			}
			if prevLast, err = steerLast(group, y, want, prevLast, fullOf); err != nil {
				return err
			}
		}
	}

	at := func(pattern string, y int) string {
		return filepath.Join(dir, filepath.FromSlash(strings.ReplaceAll(pattern, "{year}", strconv.Itoa(y))))
	}
	jobs := []func() error{func() error { return WriteWorkbook(at(cfg.Site.Inputs.Units, 0), jingzhouRegister(&cfg.Scheme, units)) }}
	for y := jingzhouFirst; y <= jingzhouLast; y++ {
		jobs = append(jobs, func() error {
			return WriteWorkbook(at(cfg.Site.Inputs.Scores, y), jingzhouScores(y, indicators, units))
		})
	}
	return runAll(jobs)
}

// steerLast makes the group's last unit in year y the one wanted, alone;
// or, when none is wanted, a single unit that was not last the year before
// and is not the planted unit, so that only the planted case is last two
// years running. It moves scores half a point at a time and returns the last.
func steerLast(group []*jzUnit, y int, want, prevLast string, full func(int) int) (string, error) {
	for range 1000 {
		slices.SortStableFunc(group, func(a, b *jzUnit) int { return a.total(y) - b.total(y) })
		last := group[0]
		alone := group[1].total(y) > last.total(y)
		var move *jzUnit
		step := 5
		switch {
		case want != "" && (last.code != want || !alone):
			for _, u := range group {
				if u.code == want {
					move, step = u, -5
				}
			}
		case want == "" && (!alone || last.code == prevLast || last.code == jingzhouLastTwice):
			move = last
		default:
			// Back to code order, so that next year starts from the same order
			// whatever this year's moves were.
			slices.SortStableFunc(group, func(a, b *jzUnit) int { return strings.Compare(a.code, b.code) })
			return last.code, nil
		}
		move.nudge(y, step, full)
	}
	return "", fmt.Errorf("sitetest: cannot make the last %s of %d what the example wants", group[0].cat, y)
}

// nudge moves a unit's year by step tenths on one indicator: when lowering,
// the one nearest its full points; when raising, the one furthest from them.
// Spreading the change keeps every indicator plausible.
func (u *jzUnit) nudge(y, step int, full func(int) int) {
	s := u.scores[y]
	best := -1
	for i, v := range s {
		if v+step < 0 || v+step > full(i) {
			continue
		}
		// Compare the shares v/full(i) by cross-multiplying.
		if best < 0 || step < 0 && v*full(best) > s[best]*full(i) || step > 0 && v*full(best) < s[best]*full(i) {
			best = i
		}
	}
	if best >= 0 {
		s[best] += step
	}
}

func jingzhouRegister(s *config.Scheme, units []*jzUnit) Sheet {
	rows := [][]any{{"荆州市党风廉政建设责任制检查考核单位名录"}, {"序号", "单位编码", "单位名称", "类别"}}
	for i, u := range units {
		cat, _ := s.Category(u.cat)
		rows = append(rows, []any{i + 1, u.code, u.name, cat.Name})
	}
	return Sheet{Name: "Sheet1", Merges: []string{"A1:D1"}, Header: 2, Rows: rows}
}

// jingzhouScores is a year's 考核得分汇总表: an indicator per column, headed
// by the scheme's column name, and the clerk's 总分.
func jingzhouScores(y int, indicators []config.Component, units []*jzUnit) Sheet {
	header := []any{"序号", "单位编码", "单位名称"}
	for _, ind := range indicators {
		header = append(header, ind.Column)
	}
	header = append(header, "总分")
	rows := [][]any{{fmt.Sprintf("荆州市%d年度党风廉政建设责任制检查考核得分汇总表", y)}, header}
	for i, u := range units {
		row := []any{i + 1, u.code, u.name}
		for _, s := range u.scores[y] {
			row = append(row, tenthsCell(s))
		}
		rows = append(rows, append(row, tenthsCell(u.total(y))))
	}
	last, _ := excelize.ColumnNumberToName(len(header))
	return Sheet{Name: "Sheet1", Merges: []string{"A1:" + last + "1"}, Header: 2, Rows: rows}
}

func tenthsCell(t int) any { return float64(t) / 10 }
