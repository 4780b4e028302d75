package ingest

import (
	"regexp"
	"strconv"
	"strings"

	"dutyreport/generator/config"
	"dutyreport/generator/problem"
	"dutyreport/generator/record"
)

// Columns of the units register (单位名录).
var unitColumns = []column{
	uCode:      {name: "单位编码", aliases: []string{"编码", "单位代码", "代码"}, required: true},
	uName:      {name: "单位名称", aliases: []string{"名称", "单位"}, required: true},
	uCategory:  {name: "类别", aliases: []string{"单位类别", "类型"}, required: true},
	uParent:    {name: "所属镇", aliases: []string{"上级单位", "所属单位"}},
	uFrom:      {name: "起始年度", aliases: []string{"设立年度", "起始年份"}},
	uTo:        {name: "终止年度", aliases: []string{"撤销年度", "终止年份"}},
	uFormer:    {name: "曾用名", aliases: []string{"原名称"}},
	uSuccessor: {name: "并入单位", aliases: []string{"合并至", "承继单位"}},
	uRemark:    {name: "备注", aliases: []string{"说明"}},
}

const (
	uCode = iota
	uName
	uCategory
	uParent
	uFrom
	uTo
	uFormer
	uSuccessor
	uRemark
)

// formerName matches 县农业局（2020-2022）, 县农业局(2020—2022) and 县农业局（至2022）.
var formerName = regexp.MustCompile(`^(.+?)\((?:(\d{4})\s*[-—–~至]+\s*)?(?:至)?(\d{4})(?:年)?\)$`)

// readUnits reads the register. Problems are added to probs; a row with an
// error is left out.
func readUnits(t *table, s *config.Scheme, firstYear int) ([]record.Unit, map[string]bool) {
	rejected := map[string]bool{}
	var units []record.Unit
	seen := map[string]problem.Position{}
	rows := map[string]row{}
	t.read(func(r row) {
		code := r.text(uCode)
		name := r.text(uName)
		if code == "" && name == "" {
			return
		}
		if code == "" {
			r.problem(uCode, problem.IngestEmptyCell, problem.Verbatim("单位编码"))
			return
		}
		if first, dup := seen[code]; dup {
			r.duplicate(uCode, code, first)
			return
		}
		seen[code] = r.pos(uCode)
		rows[code] = r.kept()
		u := record.Unit{Code: code, Name: name, Origin: r.origin(uCode), From: firstYear}
		ok := true
		if name == "" {
			r.problem(uName, problem.IngestEmptyCell, problem.Verbatim("单位名称"))
			ok = false
		}
		cat, found := s.CategoryByName(r.raw(uCategory))
		if !found {
			r.badChoice(uCategory, s.CategoryNames())
			ok = false
		}
		u.Category = cat.ID
		u.Parent = r.text(uParent)
		if raw := r.text(uFrom); raw != "" {
			if y, good := parseYear(raw); good {
				u.From = y
			} else {
				r.problem(uFrom, problem.IngestBadYears, problem.T(problem.TYearEg))
				ok = false
			}
		}
		if raw := r.text(uTo); raw != "" {
			y, good := parseYear(raw)
			if !good || y < u.From {
				r.problem(uTo, problem.IngestBadYears, problem.T(problem.TYearNotBefore, u.From))
				ok = false
			}
			u.To = y
		}
		if raw := r.text(uFormer); raw != "" {
			for _, part := range strings.FieldsFunc(raw, func(c rune) bool { return c == '；' || c == ';' || c == '\n' }) {
				part = strings.TrimSpace(part)
				m := formerName.FindStringSubmatch(clean(part))
				if m == nil {
					// A former name without years only helps to recognise the unit.
					u.Former = append(u.Former, record.FormerName{Name: part})
					continue
				}
				from, _ := strconv.Atoi(m[2])
				until, _ := strconv.Atoi(m[3])
				u.Former = append(u.Former, record.FormerName{Name: strings.TrimSpace(m[1]), From: from, Until: until})
			}
		}
		u.Successor = r.text(uSuccessor)
		u.Remark = r.text(uRemark)
		if ok {
			units = append(units, u)
		} else {
			rejected[code] = true
		}
	})
	// References between rows are checked once every row is known.
	byCode := map[string]*record.Unit{}
	for i := range units {
		byCode[units[i].Code] = &units[i]
	}
	horizon := 0
	for _, u := range units {
		horizon = max(horizon, u.From, u.To)
	}
	kept := units[:0]
	for _, u := range units {
		r := rows[u.Code]
		cat, _ := s.Category(u.Category)
		good := true
		switch {
		case cat.Parent != "" && u.Parent == "":
			r.problem(uParent, problem.IngestNoParent, problem.T(problem.TParentCode, parentName(s, cat)))
			good = false
		case u.Parent != "":
			p := byCode[u.Parent]
			if p == nil || (cat.Parent != "" && p.Category != cat.Parent) {
				r.problem(uParent, problem.IngestBadParent, problem.T(problem.TParentCode, parentName(s, cat)))
				good = false
			} else if y, gap := orphanYear(&u, byCode, horizon); gap {
				r.problem(uParent, problem.IngestParentEnded, problem.T(problem.TParentActive, parentName(s, cat), y))
				good = false
			}
		}
		if u.Successor != "" && byCode[u.Successor] == nil {
			r.problem(uSuccessor, problem.IngestUnknownUnit, problem.T(problem.TRegisterCode))
			good = false
		}
		if good {
			kept = append(kept, u)
		} else {
			rejected[u.Code] = true
		}
	}
	for code := range t.rejected { // rows with formulas without values
		rejected[code] = true
	}
	return kept, rejected
}

// orphanYear finds the first year in which committee u is active but its
// town, followed through mergers, is not: its score would be folded nowhere.
// A committee still active is checked up to horizon, the last year any
// unit of the register starts or ends.
func orphanYear(u *record.Unit, byCode map[string]*record.Unit, horizon int) (int, bool) {
	last := u.To
	if last == 0 {
		last = horizon
	}
	unit := func(code string) *record.Unit { return byCode[code] }
	for y := u.From; y <= last; y++ {
		if p := record.ParentIn(u, y, unit); p == nil || !p.ActiveIn(y) {
			return y, true
		}
	}
	return 0, false
}

// parentName names the category of the units that cat's units belong to,
// such as 镇 for village committees.
func parentName(s *config.Scheme, cat config.Category) string {
	p, _ := s.Category(cat.Parent)
	return p.Name
}
