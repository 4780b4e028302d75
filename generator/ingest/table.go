package ingest

import (
	"strings"

	"dutyreport/generator/problem"
	"dutyreport/generator/record"
)

// table reads one sheet whose header row it finds itself, and hands each data
// row to a callback with the means to read and locate its cells.
type table struct {
	wb    *workbook
	file  uint16 // index in the Files table
	sheet int
	want  []column
	probs *problem.List
	// rejected collects the units with a row rejected for a problem.
	rejected map[string]bool
	ok       bool // the header was found and the sheet read
}

// row is one data row of a table.
type row struct {
	t     *table
	n     int
	cells []string
	h     *header
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
func (r row) pos(w int) problem.Position {
	col := 0
	if r.h.at[w] >= 0 {
		col = r.h.at[w] + 1
	}
	return problem.At(r.t.wb.path, r.t.wb.sheets[r.t.sheet], r.n, col)
}

// problem records a problem at column w's cell of this row, with what was
// expected in English and in Chinese.
func (r row) problem(w int, code problem.Code, expected, expectedZH string) {
	r.t.probs.Add(problem.Problem{Pos: r.pos(w), Code: code, Found: text(r.raw(w)), Expected: expected, ExpectedZH: expectedZH})
}

// warn records a warning at column w's cell of this row.
func (r row) warn(w int, code problem.Code, expected, expectedZH string) {
	r.t.probs.Add(problem.Problem{Pos: r.pos(w), Severity: problem.Warning, Code: code, Found: text(r.raw(w)), Expected: expected, ExpectedZH: expectedZH})
}

// duplicate reports that this row repeats what (a unit, or a unit and
// task), first given at first.
func (r row) duplicate(w int, what string, first problem.Position) {
	r.t.probs.Add(problem.Problem{Pos: r.pos(w), Code: problem.IngestDuplicateRow, Found: what,
		Notes: []problem.Note{{Pos: first, Text: "first row of " + what, ZH: "首次出现：" + what}}})
}

// badChoice reports that column w's cell is none of the names allowed.
func (r row) badChoice(w int, names []string) {
	allowed := strings.Join(names, " / ")
	r.problem(w, problem.IngestBadChoice, allowed, allowed)
}

// reject marks unit u, when the row named one, as having a rejected row:
// the unit's missing result is then no further problem.
func (t *table) reject(u *record.Unit) {
	if u != nil {
		t.rejected[u.Code] = true
	}
}

// blank reports whether every cell of the row is empty.
func (r row) blank() bool {
	for _, c := range r.cells {
		if text(c) != "" {
			return false
		}
	}
	return true
}

// read finds the header and calls fn for every non-blank row below it.
// It reports a sheet without a header row as one problem and returns false.
func (t *table) read(fn func(r row)) bool {
	var top [][]string
	var h header
	found := false
	err := t.wb.eachRow(t.sheet, func(n int, cells []string) bool {
		if !found {
			top = append(top, cells)
			if hh, ok := matchHeader(cells, t.want); ok {
				h, found = hh, true
				h.row = n
				return true
			}
			return n < headerScan
		}
		r := row{t: t, n: n, cells: cells, h: &h}
		if !r.blank() {
			fn(r)
		}
		return true
	})
	if err != nil {
		t.probs.Add(problem.Problem{Pos: problem.Position{File: t.wb.path, Sheet: t.wb.sheets[t.sheet]}, Code: problem.IngestDamaged, Found: err.Error()})
		return false
	}
	if !found {
		best, missing := missingColumns(top, t.want)
		p := problem.Problem{Pos: problem.Position{File: t.wb.path, Sheet: t.wb.sheets[t.sheet]}, Code: problem.IngestNoHeader, Expected: names(t.want)}
		if best > 0 && len(missing) < len(t.want) {
			p = problem.Problem{Pos: problem.At(t.wb.path, t.wb.sheets[t.sheet], best, 1), Code: problem.IngestMissingColumn,
				Found: strings.Join(missing, ", "), Expected: names(t.want)}
		}
		t.probs.Add(p)
		return false
	}
	t.ok = true
	return true
}
