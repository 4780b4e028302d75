package ingest

import (
	"slices"
	"strings"

	"dutyreport/generator/config"
	"dutyreport/generator/problem"
	"dutyreport/generator/record"
)

// table reads one sheet whose header row it finds itself, and hands each data
// row to a callback with the means to read and locate its cells.
type table struct {
	wb    *workbook
	file  uint16   // index in the Files table
	names []string // the sheets site.yaml names; none for every visible worksheet
	// optional is true for an input a year may lack: a named sheet the
	// workbook lacks is then no problem, and nothing is read.
	optional bool
	reg      *register // for units given by name; nil while reading the register
	sheet    int       // the sheet being read
	want     []column
	probs    *problem.List
	// rejected collects the units with a row rejected for a problem.
	rejected map[string]bool
	ok       bool        // the header was found and the sheet read
	totals   *memo[bool] // isTotal of the cells read
	// year and kind are what the table is read as: a year's input of that
	// kind, or the units register (year 0). A template says what it was
	// made as (see template.go), and a problem of its header compares.
	year int
	kind record.Kind
}

// row is one data row of a table.
type row struct {
	t     *table
	n     int
	cells []string
	h     *header
}

// rowsLeft gives how many rows the sheet says follow this one, 0 when it
// does not say: room a reader may make for its records.
func (r row) rowsLeft() int { return max(r.t.wb.rowsHint(r.t.sheet)-r.n, 0) }

// kept gives a copy of the row that outlives the callback it was given to:
// the reader reuses the cells for the next row.
func (r row) kept() row {
	r.cells = slices.Clone(r.cells)
	return r
}

// raw returns the raw text of the wanted column w, "" when absent.
func (r row) raw(w int) string {
	i := r.h.at[w]
	if i < 0 || i >= len(r.cells) {
		return ""
	}
	return r.cells[i]
}

// has reports whether the sheet has wanted column w.
func (r row) has(w int) bool { return r.h.at[w] >= 0 }

// origin returns the compact origin of wanted column w's cell in this row.
func (r row) origin(w int) record.Origin {
	return record.Origin{File: r.t.file, Sheet: uint16(r.t.sheet), Row: uint32(r.n), Col: uint32(r.h.at[w] + 1)}
}

// pos returns the printable position of wanted column w's cell in this row.
func (r row) pos(w int) problem.Position { return r.posInRow(r.n, w) }

// posInRow returns the printable position of wanted column w's cell in
// row n of the same sheet (an earlier row a problem points back to).
func (r row) posInRow(n, w int) problem.Position {
	col := 0
	if r.h.at[w] >= 0 {
		col = r.h.at[w] + 1
	}
	return problem.At(r.t.wb.path, r.t.wb.sheets[r.t.sheet], n, col)
}

// problem records a problem at column w's cell of this row, with what was
// expected.
func (r row) problem(w int, code problem.Code, expected problem.Text) {
	r.t.probs.Add(problem.Problem{Pos: r.pos(w), Code: code, Found: text(r.raw(w)), Expected: expected})
}

// warn records a warning at column w's cell of this row.
func (r row) warn(w int, code problem.Code, expected problem.Text) {
	r.t.probs.Add(problem.Problem{Pos: r.pos(w), Severity: problem.Warning, Code: code, Found: text(r.raw(w)), Expected: expected})
}

// duplicate reports that this row repeats what (a unit, or a unit and
// task), first given at first.
func (r row) duplicate(w int, what string, first problem.Position) {
	r.t.probs.Add(problem.Problem{Pos: r.pos(w), Code: problem.IngestDuplicateRow, Found: what,
		Notes: []problem.Note{{Pos: first, Text: problem.T(problem.TFirstRowOf, what)}}})
}

// badChoice reports that column w's cell is none of the names allowed.
func (r row) badChoice(w int, names []string) {
	r.problem(w, problem.IngestBadChoice, problem.Verbatim(strings.Join(names, " / ")))
}

// reject marks unit u, when the row named one, as having a rejected row:
// the unit's missing result is then no further problem.
func (t *table) reject(u *record.Unit) {
	if u != nil {
		t.rejected[u.Code] = true
	}
}

// text returns the value of column w's cell: its text trimmed, and ""
// for a cell that says there is nothing (see none).
func (r row) text(w int) string {
	raw := text(r.raw(w))
	if none(raw) {
		return ""
	}
	return raw
}

// blank reports whether every cell of the row is empty.
func (r row) blank() bool { return blankCells(r.cells) }

// blankCells reports whether every one of cells is empty, spaces aside.
func blankCells(cells []string) bool {
	for _, c := range cells {
		if text(c) != "" {
			return false
		}
	}
	return true
}

// totalWords mark a row of sums or averages below or between the units.
var totalWords = []string{"合计", "小计", "总计", "累计", "平均", "均值"}

// totalRow reports whether the row sums or averages others: its unit cells,
// or its first two filled cells (a 序号 column may come first), hold 合计,
// 小计, 平均 or the like. A row with a unit code is a unit's, whatever its
// name: 平均镇 is a town. (Every table's first wanted column is the code.)
func (r row) totalRow() bool {
	if r.t.totals == nil {
		r.t.totals = newMemo(isTotal)
	}
	if code := r.text(0); code != "" && !r.t.totals.get(code) {
		return false
	}
	var cells []string
	for w, c := range r.t.want {
		if c.unit {
			cells = append(cells, r.raw(w))
		}
	}
	seen := 0
	for _, c := range r.cells {
		if text(c) != "" && seen < 2 {
			cells = append(cells, c)
			seen++
		}
	}
	for _, c := range cells {
		if r.t.totals.get(c) {
			return true
		}
	}
	return false
}

// isTotal reports whether a cell reads as a total: 合计, 乡镇小计, 平均值.
func isTotal(cell string) bool {
	k := config.FoldName(cell)
	for _, w := range totalWords {
		if strings.Contains(k, w) && len([]rune(k)) <= len([]rune(w))+8 {
			return true
		}
	}
	return false
}

// uncomputed reports the wanted columns whose cells are formulas the file
// holds no value for.
func (r row) uncomputed() []int {
	var out []int
	for w := range r.t.want {
		if strings.HasPrefix(r.raw(w), uncomputed) {
			out = append(out, w)
		}
	}
	return out
}

// unitKey gives the row's unit code (every table's first wanted column), or
// else its name.
func (r row) unitKey() string {
	if code := r.text(0); code != "" {
		return code
	}
	for w, c := range r.t.want {
		if c.unit && r.text(w) != "" {
			return r.text(w)
		}
	}
	return ""
}

// rejectRow marks the unit of a row left out as rejected, by its code: the
// code given, or every unit of the name given, so that the unit's missing
// result is no second problem.
func (t *table) rejectRow(r row) {
	if code := r.text(0); code != "" || t.reg == nil {
		if k := r.unitKey(); k != "" {
			t.rejected[k] = true
		}
		return
	}
	for _, u := range t.reg.byName[config.FoldName(r.unitKey())] {
		t.rejected[u.Code] = true
	}
}

// read reads the table from the workbook's sheets: the sheets named in
// site.yaml (hidden ones too), or else every visible worksheet with the
// header, in the workbook's order, so that a workbook may keep a sheet per
// category. Chart and macro sheets are skipped with a warning, and so is a
// visible sheet without the header when another sheet has it. fn is called
// for every data row. A table with no sheet read is one problem, and read
// returns false.
func (t *table) read(fn func(r row)) bool {
	sel, named := t.selection()
	var misses []problem.Problem
	for _, i := range sel {
		t.sheet = i
		if miss, ok := t.readSheet(fn); ok {
			t.ok = true
		} else if miss != nil {
			misses = append(misses, *miss)
		}
	}
	for _, m := range misses {
		if !named && t.ok && t.instructions(m.Pos.Sheet) {
			continue // the template's own 填表说明: no one need be told
		}
		if !named && t.ok {
			t.probs.Add(problem.Problem{Pos: problem.Position{File: t.wb.path, Sheet: m.Pos.Sheet}, Severity: problem.Warning,
				Code: problem.IngestSkippedSheet, Found: m.Pos.Sheet, Expected: problem.T(problem.THeaders, names(t.want))})
			continue
		}
		if !named {
			if h := t.hiddenSheets(); h != "" {
				m.Notes = append(m.Notes, problem.Note{Text: problem.T(problem.THiddenSheets, h)})
			}
		}
		t.probs.Add(m)
		if !named {
			break // the first sheet's problem is the one to fix
		}
	}
	if t.ok {
		t.otherTemplate()
	}
	return t.ok
}

// selection gives the sheets to read: those site.yaml names, or else every
// visible worksheet. Named sheets the workbook lacks are reported here.
func (t *table) selection() (sel []int, named bool) {
	if len(t.names) > 0 {
		for _, n := range t.names {
			if i, ok := t.wb.sheetNamed(n); ok {
				sel = append(sel, i)
				continue
			}
			if t.optional {
				continue
			}
			all := strings.Join(t.wb.sheets, ", ")
			t.probs.Add(problem.Problem{Pos: problem.Position{File: t.wb.path}, Code: problem.IngestMissingSheet,
				Found: n, Expected: problem.T(problem.TOneOfSheets, all)})
		}
		return sel, true
	}
	for i, s := range t.wb.info {
		switch {
		case s.hidden:
		case !s.worksheet:
			t.probs.Add(problem.Problem{Pos: problem.Position{File: t.wb.path, Sheet: s.name}, Severity: problem.Warning,
				Code: problem.IngestSkippedSheet, Found: s.name + " (" + s.kind + ")", Expected: problem.T(problem.TWorksheet)})
		default:
			sel = append(sel, i)
		}
	}
	return sel, false
}

// hiddenSheets lists the workbook's hidden worksheets, for a message.
func (t *table) hiddenSheets() string {
	var out []string
	for _, s := range t.wb.info {
		if s.hidden && s.worksheet {
			out = append(out, s.name)
		}
	}
	return strings.Join(out, ", ")
}

// readSheet finds the header of sheet t.sheet and calls fn for every data
// row below it, leaving out blank rows and reporting total rows and
// formulas without values. A sheet without the header gives its problem,
// for read to report or not; a damaged sheet is reported here.
func (t *table) readSheet(fn func(r row)) (*problem.Problem, bool) {
	sheet := t.wb.sheets[t.sheet]
	finder := newHeaderFinder(t.want)
	var h header
	settled := false
	type run struct {
		first problem.Problem
		n     int
	}
	formulas := map[int]*run{} // by sheet column: the first cell, and how many
	data := func(n int, cells []string) {
		r := row{t: t, n: n, cells: cells, h: &h}
		if r.blank() {
			return
		}
		if r.totalRow() {
			t.probs.Add(problem.Problem{Pos: problem.At(t.wb.path, sheet, n, 1), Severity: problem.Warning,
				Code: problem.IngestTotalRow, Found: strings.Join(trimmed(cells), " ")})
			return
		}
		if cols := r.uncomputed(); len(cols) > 0 {
			for _, w := range cols {
				if f := formulas[h.at[w]]; f != nil {
					f.n++
					continue
				}
				found := "=" + strings.TrimPrefix(r.raw(w), uncomputed)
				if found == "=" {
					found = "(a shared formula)"
				}
				formulas[h.at[w]] = &run{problem.Problem{Pos: r.pos(w), Code: problem.IngestUncomputedFormula, Found: found}, 1}
			}
			t.rejectRow(r)
			return
		}
		fn(r)
	}
	var merged *mergedUnits // rows naming no unit wait for the merged cells
	settle := func() {
		settled, h = true, finder.best
		merged = newMergedUnits(t.want, &h)
		for i := h.row; i < len(finder.top); i++ {
			merged.take(i+1, finder.top[i], data)
		}
	}
	noHeader := false
	err := t.wb.eachRow(t.sheet, func(n int, cells []string) bool {
		switch {
		case settled:
			merged.take(n, cells, data)
		case noHeader:
			// Read on to the end, for damage past the rows searched:
			// a damaged sheet is reported as damaged, not as headless.
		case finder.add(cells):
			if noHeader = !finder.ok; !noHeader {
				settle()
			}
		}
		return true
	})
	if err != nil {
		if merged != nil {
			merged.done(nil, data) // what was read before the damage
		}
		code, found := readFailure(nil, err)
		t.probs.Add(readProblem(problem.Position{File: t.wb.path, Sheet: sheet}, code, found))
		return nil, false
	}
	if !settled && finder.ok {
		settle()
	}
	if merged != nil {
		merged.done(t.wb.merges(t.sheet), data)
	}
	for _, f := range formulas {
		p := f.first
		if f.n > 1 {
			p.Notes = []problem.Note{{Text: problem.T(problem.TMoreCells, f.n-1)}}
		}
		t.probs.Add(p)
	}
	if finder.ok {
		return nil, true
	}
	p, lacks := finder.problem(t.wb.path, sheet)
	t.notTemplate(&p, lacks)
	return &p, false
}

// trimmed gives the non-empty cells of a row, trimmed, for messages.
func trimmed(cells []string) []string {
	var out []string
	for _, c := range cells {
		if c = text(c); c != "" {
			out = append(out, c)
		}
	}
	return out
}
