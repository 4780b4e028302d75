package ingest

import (
	"cmp"
	"slices"
)

// mergedUnits holds back the rows of a sheet that name no unit until the
// sheet's merged cells are known, which .xlsx and .xls files keep after
// the rows: a unit's name merged down over its ten task rows, as WPS
// ledgers have it, is then the unit of each row the merged cell covers.
// Only the unit columns are filled so; a number merged over rows stays an
// empty cell, an error where a value is due, since which row it counts
// for cannot be known.
//
// Rows are held from the first one without a unit to the sheet's end, so
// that they reach the reader in order, each only as wide as the header
// (blank rows, which the reader skips, are not held). A sheet that would
// hold more than maxHeldCells gives them on as they are, and its merged
// units are not filled.
type mergedUnits struct {
	cols    []int    // the unit columns found, as indexes of a row's cells
	width   int      // the cells of a row the header reaches
	last    []string // the cells of the last row with a unit given on
	lastRow int
	held    []heldRow
	cells   int  // the cells held
	off     bool // too many held: the rest are given on as they come
}

type heldRow struct {
	n     int
	cells []string
}

// maxHeldCells bounds the cells held back (64 MiB of string headers), far
// above a county's ledger.
const maxHeldCells = 1 << 22

func newMergedUnits(want []column, h *header) *mergedUnits {
	m := &mergedUnits{}
	for w, c := range want {
		if w < len(h.at) && h.at[w] >= 0 {
			m.width = max(m.width, h.at[w]+1)
			if c.unit {
				m.cols = append(m.cols, h.at[w])
			}
		}
	}
	return m
}

// take gives row n on to give, or holds it back.
func (m *mergedUnits) take(n int, cells []string, give func(int, []string)) {
	switch {
	case m.off || blankCells(cells):
		give(n, cells) // a blank row is skipped by the reader: no need to hold it
	case m.held == nil && !m.unitless(cells):
		m.last, m.lastRow = append(m.last[:0], cells[:min(len(cells), m.width)]...), n
		give(n, cells)
	case m.cells+m.width > maxHeldCells:
		m.release(give)
		m.off = true
		give(n, cells)
	default:
		kept := slices.Clone(cells[:min(len(cells), m.width)])
		m.held = append(m.held, heldRow{n, kept})
		m.cells += m.width
	}
}

// unitless reports whether a row has all its unit cells empty.
func (m *mergedUnits) unitless(cells []string) bool {
	if len(m.cols) == 0 {
		return false
	}
	for _, c := range m.cols {
		if c < len(cells) && text(cells[c]) != "" {
			return false
		}
	}
	return true
}

// done fills the held rows' empty unit cells from the merged cells that
// cover them, merges, and gives them on.
func (m *mergedUnits) done(merges []cellRange, give func(int, []string)) {
	if len(m.held) > 0 && len(merges) > 0 {
		m.fill(merges)
	}
	m.release(give)
}

func (m *mergedUnits) release(give func(int, []string)) {
	for _, h := range m.held {
		give(h.n, h.cells)
	}
	m.held = nil
}

func (m *mergedUnits) fill(merges []cellRange) {
	at := make(map[int]int, len(m.held)) // row number → index in held
	for i, h := range m.held {
		at[h.n] = i
	}
	// The value at the top left of a merged cell: a held row's, or the
	// last row's given on before them.
	top := func(r cellRange) string {
		var cells []string
		if i, ok := at[r.r0]; ok {
			cells = m.held[i].cells
		} else if r.r0 == m.lastRow {
			cells = m.last
		}
		if r.c0-1 < len(cells) {
			return cells[r.c0-1]
		}
		return ""
	}
	for _, c := range m.cols {
		// The merged cells over more than one row that cover the column,
		// by their first row: a row's is the last that starts above it.
		var over []cellRange
		for _, r := range merges {
			if r.c0 <= c+1 && c+1 <= r.c1 && r.r1 > r.r0 {
				over = append(over, r)
			}
		}
		slices.SortFunc(over, func(a, b cellRange) int { return cmp.Compare(a.r0, b.r0) })
		for i := range m.held {
			h := &m.held[i]
			if c < len(h.cells) && text(h.cells[c]) != "" {
				continue
			}
			k, _ := slices.BinarySearchFunc(over, h.n, func(r cellRange, n int) int { return cmp.Compare(r.r0, n) })
			if k == 0 || over[k-1].r1 < h.n {
				continue
			}
			if v := top(over[k-1]); text(v) != "" {
				h.cells = setCell(h.cells, c+1, v)
			}
		}
	}
}
