package ingest

import (
	"strconv"
	"strings"

	"dutyreport/generator/config"
	"dutyreport/generator/problem"
	"dutyreport/generator/record"
	"dutyreport/generator/redact"
)

// Columns of the case register (责任追究台账): one row per party held
// accountable. The rows of one case share its 案件编号; the case's own cells
// (date, facts …) may be left blank, or merged, after its first row.
var caseColumns = []column{
	cCode:      {name: "单位编码", aliases: []string{"编码", "单位代码"}, unit: true},
	cUnit:      {name: "单位名称", aliases: []string{"单位", "被问责单位", "所在单位"}, unit: true},
	cNumber:    {name: "案件编号", aliases: []string{"编号", "文号", "决定文号", "案号"}, required: true},
	cDate:      {name: "决定日期", aliases: []string{"处理日期", "决定时间", "问责日期"}},
	cKind:      {name: "问责对象类别", aliases: []string{"对象类别", "问责对象", "责任主体类别"}},
	cName:      {name: "姓名", aliases: []string{"被问责人", "责任人", "被问责人姓名"}},
	cPosition:  {name: "职务", aliases: []string{"现任职务", "时任职务"}},
	cForm:      {name: "责任形式", aliases: []string{"责任类型"}},
	cResp:      {name: "责任类别", aliases: []string{"问责类别", "责任性质"}},
	cClause:    {name: "情形条款", aliases: []string{"问责情形", "情形", "适用条款"}},
	cSeverity:  {name: "情节", aliases: []string{"情节轻重"}},
	cFactors:   {name: "从重从轻情节", aliases: []string{"从重或从轻情节", "从重从轻"}},
	cHandling:  {name: "处理方式", aliases: []string{"处理结果", "问责方式", "处理决定"}, required: true},
	cFacts:     {name: "事实摘要", aliases: []string{"主要事实", "案情摘要", "问题摘要"}},
	cAppeal:    {name: "申诉情况", aliases: []string{"申诉"}},
	cID:        {name: "身份证号", aliases: []string{"身份证号码", "公民身份号码"}},
	cPhone:     {name: "联系电话", aliases: []string{"电话", "手机号", "手机号码"}},
	cWhistle:   {name: "举报人", aliases: []string{"举报人姓名"}},
	cWitness:   {name: "证人", aliases: []string{"证人姓名"}},
	cAmountCol: {name: "涉及金额"}, // replaced by the scheme's levels column
}

const (
	cCode = iota
	cUnit
	cNumber
	cDate
	cKind
	cName
	cPosition
	cForm
	cResp
	cClause
	cSeverity
	cFactors
	cHandling
	cFacts
	cAppeal
	cID
	cPhone
	cWhistle
	cWitness
	cAmountCol
)

// caseColumnsFor gives the register's columns for a scheme: the amount
// column is the one its levels classify by.
func caseColumnsFor(s *config.Scheme) []column {
	cols := append([]column(nil), caseColumns...)
	if l := s.Cases.Levels; l != nil {
		cols[cAmountCol] = column{name: l.Column, required: true}
	}
	return cols
}

// listSep splits cells that list several values: 诫勉谈话、免职.
func listSep(r rune) bool {
	switch r {
	case '、', '，', ',', '；', ';', '/', '／', '\n', ' ', '\u3000':
		return true
	}
	return false
}

// readCases reads one year's case register.
func readCases(t *table, s *config.Scheme, reg *register, year int) []record.Case {
	var out []record.Case
	byNumber := map[string]int{}
	t.read(func(r row) {
		number := r.text(cNumber)
		if number == "" {
			r.problem(cNumber, problem.IngestEmptyCell, problem.T(problem.TCaseNumberEveryRow))
			return
		}
		i, seen := byNumber[number]
		if !seen {
			c, ok := caseOf(r, s, reg, year, number)
			if !ok {
				byNumber[number] = -1
				return
			}
			out = append(out, c)
			i = len(out) - 1
			byNumber[number] = i
		} else if i < 0 {
			return // its first row was rejected and reported
		} else {
			sameCase(r, &out[i], reg, year)
		}
		if sub, ok := subjectOf(r, s); ok {
			out[i].Subjects = append(out[i].Subjects, sub)
		}
		c := &out[i]
		c.Whistleblowers = append(c.Whistleblowers, people(r.text(cWhistle))...)
		c.Witnesses = append(c.Witnesses, people(r.text(cWitness))...)
	})
	return out
}

// caseOf reads the case's own cells from its first row.
func caseOf(r row, s *config.Scheme, reg *register, year int, number string) (record.Case, bool) {
	c := record.Case{Number: number, Year: year, Origin: r.origin(cNumber)}
	u, ok := unitOf(r, cCode, cUnit, year, reg)
	if u != nil {
		c.Unit = u.Code
	}
	if raw := r.text(cDate); raw == "" {
		r.problem(cDate, problem.IngestEmptyCell, problem.T(problem.TDecisionDate))
		ok = false
	} else if d, good := parseDate(raw, r.t.wb.date1904); !good {
		r.problem(cDate, problem.IngestBadDate, problem.T(problem.TDateInRange))
		ok = false
	} else {
		c.Date = d
	}
	var good bool
	if c.Responsibility, good = choice(r, cResp, config.CaseResponsibilities); !good {
		ok = false
	}
	if c.Severity, good = choice(r, cSeverity, config.Severities); !good {
		ok = false
	}
	c.Clause = r.text(cClause)
	c.Factors = r.text(cFactors)
	c.Facts = r.text(cFacts)
	c.Appeal = r.text(cAppeal)
	if s.Cases.Levels != nil {
		raw := r.text(cAmountCol)
		amount, good := parsePoints(r.raw(cAmountCol), false)
		switch {
		case raw == "":
			r.problem(cAmountCol, problem.IngestEmptyCell, problem.T(problem.TAmountOrZero))
			ok = false
		case !good || amount < 0:
			r.problem(cAmountCol, problem.IngestNotANumber, problem.T(problem.TAmount))
			ok = false
		default:
			c.Amount, c.HasAmount = amount, true
		}
	}
	return c, ok
}

// sameCase checks a later row of a case: its case cells are blank or agree
// with the first row's.
func sameCase(r row, c *record.Case, reg *register, year int) {
	conflict := func(w int, first string) {
		r.problem(w, problem.IngestCaseConflict, problem.T(problem.TAsFirstRow, first))
	}
	if v := r.text(cCode); v != "" {
		if u := reg.Unit(v); u == nil || u.Code != c.Unit {
			conflict(cCode, c.Unit)
		}
	} else if v := r.text(cUnit); v != "" {
		if u := reg.Unit(c.Unit); u == nil || !namedAs(u, v) {
			name := c.Unit
			if u != nil {
				name = u.NameIn(year)
			}
			conflict(cUnit, name)
		}
	}
	if v := r.text(cDate); v != "" {
		if d, ok := parseDate(v, r.t.wb.date1904); !ok || d != c.Date {
			conflict(cDate, c.Date.String())
		}
	}
	for _, f := range []struct {
		w     int
		first string
	}{{cClause, c.Clause}, {cFacts, c.Facts}, {cAppeal, c.Appeal}, {cFactors, c.Factors}} {
		if v := r.text(f.w); v != "" && v != f.first {
			conflict(f.w, f.first)
		}
	}
}

// namedAs reports whether name is one the unit had at any time: the first
// row of a case may name it by a former name, and a later row repeat it.
func namedAs(u *record.Unit, name string) bool {
	f := config.FoldName(name)
	if f == config.FoldName(u.Name) {
		return true
	}
	for _, former := range u.Former {
		if f == config.FoldName(former.Name) {
			return true
		}
	}
	return false
}

// subjectOf reads the party a row holds accountable.
func subjectOf(r row, s *config.Scheme) (record.Subject, bool) {
	sub := record.Subject{Name: config.PersonName(r.text(cName)), Position: r.text(cPosition), IDNumber: r.text(cID), Phone: r.text(cPhone), Origin: r.origin(cName)}
	ok := true
	var good bool
	if sub.Kind, good = choice(r, cKind, config.SubjectKinds); !good {
		ok = false
	}
	if sub.Kind == "" {
		sub.Kind = config.SubjectKindOf(sub.Name)
	}
	if sub.Kind != "领导班子" && sub.Name == "" {
		r.problem(cName, problem.IngestEmptyCell, problem.T(problem.TPersonHeld))
		ok = false
	}
	if sub.Form, good = choice(r, cForm, config.Forms); !good {
		ok = false
	}
	raw := r.text(cHandling)
	if raw == "" {
		r.problem(cHandling, problem.IngestEmptyCell, problem.T(problem.THandlingEg))
		ok = false
	}
	for _, name := range strings.FieldsFunc(raw, listSep) {
		h, known := s.Cases.HandlingByName(name)
		if !known {
			r.t.probs.Add(problem.Problem{Pos: r.pos(cHandling), Code: problem.IngestBadChoice, Found: name,
				Expected: problem.T(problem.THandlingOfScheme, problem.Choices(s.Cases.HandlingNames())), Hint: problem.T(problem.TAddHandling)})
			ok = false
			continue
		}
		sub.Handling = append(sub.Handling, h.ID)
	}
	if sub.IDNumber != "" && !ValidIDNumber(sub.IDNumber) {
		r.warn(cID, problem.IngestBadIDNumber, problem.T(problem.TIDNumber))
	}
	return sub, ok
}

// choice reads a cell holding a term of a fixed vocabulary; "" for a blank cell.
func choice(r row, w int, v []config.Term) (string, bool) {
	raw := r.text(w)
	if raw == "" {
		return "", true
	}
	name, ok := config.Canonical(v, raw)
	if !ok {
		r.problem(w, problem.IngestBadChoice, problem.Verbatim(config.Names(v)))
	}
	return name, ok
}

// people splits a cell of names. A cell holding only a number gives that
// many unnamed people: a register may record only how many whistleblowers
// there were.
func people(cell string) []string {
	if cell == "" {
		return nil
	}
	if n, err := strconv.Atoi(cell); err == nil && n >= 0 && n < 1000 {
		return make([]string, n)
	}
	var out []string
	for _, name := range strings.FieldsFunc(cell, nameSep) {
		if name = config.PersonName(name); name != "" {
			out = append(out, name)
		}
	}
	return out
}

// nameSep splits a cell of names; unlike listSep, not at spaces, which
// clerks put inside names to align them (王　平).
func nameSep(r rune) bool {
	return r != ' ' && r != '\u3000' && listSep(r)
}

// ValidIDNumber reports whether s is an 18-character resident ID number
// whose last character is its ISO 7064 MOD 11-2 check digit.
func ValidIDNumber(s string) bool {
	if len(s) != 18 {
		return false
	}
	check, ok := redact.IDCheck(s[:17])
	if !ok {
		return false
	}
	last := s[17]
	if last == 'x' {
		last = 'X'
	}
	return last == check
}
