package blank

import (
	"strconv"

	"dutyreport/generator/config"
	"dutyreport/generator/ingest"
	"dutyreport/generator/record"
)

// table is the data sheet of one template: its columns, as ingest reads
// the kind, and the rows the office fills in before sending it.
type table struct {
	kind  record.Kind
	sheet string
	unit  *record.Unit // a unit's own ledger; nil for all units
	cols  []column
	// rows are the office's values, one per column: a string, an int, or
	// open (the unit fills the cell in).
	rows [][]any
}

// open is a cell of an office column that the unit fills in, such as the
// required count of a task the scheme gives none for.
type open struct{}

// column is one column of a template.
type column struct {
	name string
	// office: the office fills the column in and it is locked; otherwise
	// units fill it in.
	office bool
	help   string // what to write, for 填表说明
	check  check
	date   bool // a date: shown as 2025-03-01
}

// check is a column's data validation.
type check struct {
	list  string // the name of a list of choices (see choices); "" for none
	loose bool   // other values are allowed after a warning (several handlings)
	// whole or decimal numbers from min to max ("" for no upper bound).
	whole, decimal bool
	min, max       string
	// maxCol is a column of the same row that is the upper bound (the
	// required count for the count done), instead of max.
	maxCol string
	// dates from..to (Excel serials).
	from, to int
}

// The lists of choices a template's drop-downs offer, in its hidden sheet
// 选项, one column each.
const (
	listCodes     = "单位编码"
	listNames     = "单位名称"
	listTasks     = "任务编号"
	listResps     = "责任类别"
	listRoles     = "责任主体"
	listPersons   = "角色"
	listHandlings = "处理方式"
	listForms     = "责任形式"
	listCaseResps = "问责责任类别"
	listSeverity  = "情节"
	listSubjects  = "问责对象类别"
)

// choices gives the values of a list in the year's templates.
func choices(in Input, t *table, list string) []string {
	s := in.Scheme
	switch list {
	case listCodes, listNames:
		var out []string
		for _, u := range units(in, t) {
			if list == listCodes {
				out = append(out, u.Code)
			} else {
				out = append(out, u.NameIn(in.Year))
			}
		}
		return out
	case listTasks:
		var out []string
		for _, task := range s.Tasks {
			if t.unit == nil || s.TaskApplies(task, t.unit.Category) {
				out = append(out, task.Code)
			}
		}
		return out
	case listResps:
		return s.ResponsibilityNames()
	case listRoles:
		return config.RoleNames()
	case listPersons:
		var out []string
		for _, id := range s.Persons.Roles {
			if r, ok := config.RoleByName(id); ok {
				out = append(out, r.Name)
			}
		}
		return out
	case listHandlings:
		return s.Cases.HandlingNames()
	case listForms:
		return terms(config.Forms)
	case listCaseResps:
		return terms(config.CaseResponsibilities)
	case listSeverity:
		return terms(config.Severities)
	case listSubjects:
		return terms(config.SubjectKinds)
	}
	return nil
}

func terms(v []config.Term) []string {
	var out []string
	for _, t := range v {
		out = append(out, t.Name)
	}
	return out
}

// units gives the units a table's drop-downs offer: the unit of its own
// ledger, or every unit active in the year, in the register's order.
func units(in Input, t *table) []*record.Unit {
	if t.unit != nil {
		return []*record.Unit{t.unit}
	}
	var out []*record.Unit
	for i := range in.Register.Units {
		if u := &in.Register.Units[i]; u.ActiveIn(in.Year) {
			out = append(out, u)
		}
	}
	return out
}

// The earliest and latest dates ingest reads (1980-01-01, 2100-12-31), as
// Excel serials.
const anyDateFrom, anyDateTo = 29221, 73415

// serial gives the Excel serial of 1 January of year y (1900 system).
func serial(y, m, d int) int {
	days := 0
	for yy := 1900; yy < y; yy++ {
		days += 365
		if yy%4 == 0 && (yy%100 != 0 || yy%400 == 0) {
			days++
		}
	}
	for mm := 1; mm < m; mm++ {
		days += [...]int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[mm-1]
		if mm == 2 && y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			days++
		}
	}
	return days + d + 1 // Excel counts 29 February 1900, which never was
}

// columns heads a table with the columns ingest reads the kind by, each
// with its part from spec (by name); a column spec does not know is one
// units fill in as text.
func columns(k record.Kind, s *config.Scheme, spec map[string]column) []column {
	var out []column
	for _, c := range ingest.Columns(k, s) {
		col, ok := spec[c.Name]
		if !ok {
			col = column{help: "按实际情况填写"}
		}
		col.name = c.Name
		if c.Required && !col.office && col.help != "" {
			col.help += "（必填）"
		}
		out = append(out, col)
	}
	return out
}

// unitColumns are the columns naming the unit in every table.
func unitColumns(office bool) map[string]column {
	return map[string]column{
		"单位编码": {office: office, help: "单位名录中的单位编码，从下拉列表中选择", check: check{list: listCodes}},
		"单位名称": {office: office, help: "单位名称，与单位编码对应，从下拉列表中选择", check: check{list: listNames}},
	}
}

// ledger is the task ledger: a row for each unit active in the year and
// each task of the scheme that counts for its category, the required count
// given where the scheme has one. Units fill in what they did.
func ledger(in Input, only *record.Unit) *table {
	s := in.Scheme
	y := in.Year
	spec := unitColumns(true)
	for name, c := range map[string]column{
		"责任类别":   {office: true, help: "主体责任或监督责任", check: check{list: listResps}},
		"责任主体":   {office: true, help: "承担该任务的责任主体", check: check{list: listRoles}},
		"任务编号":   {office: true, help: "考核办法中的任务编号", check: check{list: listTasks}},
		"任务内容":   {office: true, help: "任务的内容"},
		"应完成次数":  {office: true, help: "考核办法规定的应完成次数；空白的由单位按要求填写整数", check: check{whole: true, min: "0"}},
		"实际完成次数": {help: "实际完成的次数：整数，不超过应完成次数；没有完成的填 0", check: check{whole: true, min: "0", maxCol: "应完成次数"}},
		"完成时间":   {help: "最近一次完成的日期，如 " + strconv.Itoa(y) + "-03-01", date: true, check: check{from: serial(y, 1, 1), to: serial(y, 12, 31)}},
		"佐证材料":   {help: "佐证材料的文号或名称，如 城关纪〔" + strconv.Itoa(y) + "〕12号"},
	} {
		spec[name] = c
	}
	t := &table{kind: record.KindLedger, unit: only, cols: columns(record.KindLedger, s, spec)}
	resp := map[string]string{}
	for _, r := range s.Responsibilities {
		resp[r.ID] = r.Name
	}
	for _, u := range units(in, &table{unit: only}) {
		for _, task := range s.Tasks {
			if !s.TaskApplies(task, u.Category) {
				continue
			}
			var required any = open{}
			if task.Required > 0 {
				required = task.Required
			}
			t.rows = append(t.rows, t.row(map[string]any{
				"单位编码": u.Code, "单位名称": u.NameIn(y), "责任类别": resp[task.Responsibility], "责任主体": task.Role,
				"任务编号": task.Code, "任务内容": task.Name, "应完成次数": required,
			}))
		}
	}
	return t
}

// evaluation is the democratic evaluation: a row for each ranked unit
// active in the year, its average score to fill in.
func evaluation(in Input) *table {
	spec := unitColumns(true)
	spec["有效票数"] = column{help: "有效票数：整数", check: check{whole: true, min: "0"}}
	spec["平均分"] = column{help: "测评平均分：0 至 100 的数，可带两位小数", check: check{decimal: true, min: "0", max: "100"}}
	t := &table{kind: record.KindEvaluation, cols: columns(record.KindEvaluation, in.Scheme, spec)}
	for _, u := range units(in, t) {
		if c, ok := in.Scheme.Category(u.Category); ok && c.IsRanked() {
			t.rows = append(t.rows, t.row(map[string]any{"单位编码": u.Code, "单位名称": u.NameIn(in.Year)}))
		}
	}
	return t
}

// scores is the component-score sheet of a scheme scored by hand: a row
// for each unit a component of the sheet applies to, the columns of those
// components (the optional others left out), each from 0 to its full mark.
func scores(in Input) *table {
	s := in.Scheme
	spec := unitColumns(true)
	var sheet []config.Component
	for _, c := range s.Components {
		if c.Kind == config.KindSheet {
			sheet = append(sheet, c)
			spec[c.Column] = column{help: c.Name + "得分：0 至 " + c.Full.String() + " 的数",
				check: check{decimal: true, min: "0", max: c.Full.String()}}
		}
	}
	t := &table{kind: record.KindScores}
	for _, c := range columns(record.KindScores, s, spec) {
		if _, ok := spec[c.name]; ok {
			t.cols = append(t.cols, c)
		}
	}
	for _, u := range units(in, t) {
		row := map[string]any{"单位编码": u.Code, "单位名称": u.NameIn(in.Year)}
		applies := false
		for _, c := range sheet {
			if s.Applies(c, u.Category) {
				applies = true
			} else {
				row[c.Column] = "—" // not scored for this category: nothing to write
			}
		}
		if applies {
			t.rows = append(t.rows, t.row(row))
		}
	}
	return t
}

// cases is the case register: its header, one row to a party held
// accountable.
func cases(in Input) *table {
	spec := unitColumns(false)
	for name, c := range map[string]column{
		"案件编号":   {help: "决定文号，如 某纪问〔" + strconv.Itoa(in.Year) + "〕1号；同一案件的各行相同"},
		"决定日期":   {help: "问责决定的日期", date: true, check: check{from: anyDateFrom, to: anyDateTo}},
		"问责对象类别": {help: "领导班子、领导干部或纪委", check: check{list: listSubjects}},
		"姓名":     {help: "被问责人姓名；问责领导班子的留空"},
		"职务":     {help: "被问责人的职务"},
		"责任形式":   {help: "集体责任、主要领导责任、重要领导责任或直接责任", check: check{list: listForms}},
		"责任类别":   {help: "主体责任或监督责任", check: check{list: listCaseResps}},
		"情形条款":   {help: "适用的情形条款，如 第七条第（三）项"},
		"情节":     {help: "情节较轻、情节较重或情节严重", check: check{list: listSeverity}},
		"从重从轻情节": {help: "从重或从轻的情节"},
		"处理方式":   {help: "考核办法所列的处理方式，可从下拉列表选择；多个用“、”分隔", check: check{list: listHandlings, loose: true}},
		"事实摘要":   {help: "主要事实"},
		"申诉情况":   {help: "申诉情况"},
		"身份证号":   {help: "18 位身份证号（只在内部版显示）"},
		"联系电话":   {help: "联系电话（只在内部版显示）"},
		"举报人":    {help: "举报人姓名，多个用“、”分隔，或只填人数（任何版本都不显示姓名）"},
		"证人":     {help: "证人姓名，多个用“、”分隔，或只填人数（任何版本都不显示姓名）"},
	} {
		spec[name] = c
	}
	if l := in.Scheme.Cases.Levels; l != nil {
		spec[l.Column] = column{help: "据以确定责任等级的金额（" + l.Unit + "）", check: check{decimal: true, min: "0"}}
	}
	t := &table{kind: record.KindCases}
	for _, c := range columns(record.KindCases, in.Scheme, spec) {
		if _, ok := spec[c.name]; ok { // not the amount of a scheme without levels
			t.cols = append(t.cols, c)
		}
	}
	return t
}

// roster is the roster: its header, one row to a person and role.
func roster(in Input) *table {
	spec := unitColumns(false)
	for name, c := range map[string]column{
		"角色":     {help: "考核的角色，从下拉列表中选择", check: check{list: listPersons}},
		"姓名":     {help: "姓名"},
		"职务":     {help: "职务，如 党委书记、局长"},
		"任职起始日期": {help: "任职起始日期；年初以前已任职的可留空", date: true, check: check{from: anyDateFrom, to: anyDateTo}},
		"任职终止日期": {help: "任职终止日期；至年底仍在任的留空或填“至今”", date: true},
	} {
		spec[name] = c
	}
	return &table{kind: record.KindRoster, cols: columns(record.KindRoster, in.Scheme, spec)}
}

// row lays out a row's values by column name.
func (t *table) row(v map[string]any) []any {
	out := make([]any, len(t.cols))
	for i, c := range t.cols {
		out[i] = v[c.name]
	}
	return out
}
