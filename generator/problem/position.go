package problem

import (
	"strconv"
	"strings"
)

// Position locates a value in an input file: Sheet and Cell for spreadsheets,
// Line and Col for YAML and Markdown. The zero Position means "no location".
type Position struct {
	File, Sheet, Cell string // File relative to the site folder, slash-separated
	Line, Col         int
}

// String gives data/2024/民主测评.xlsx!Sheet1!D7 or schemes/shangnan.yaml:12:5.
func (p Position) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Sheet != "" {
		b.WriteString("!")
		b.WriteString(p.Sheet)
	}
	if p.Cell != "" {
		b.WriteString("!")
		b.WriteString(p.Cell)
	}
	if p.Line > 0 {
		b.WriteString(":")
		b.WriteString(strconv.Itoa(p.Line))
		if p.Col > 0 {
			b.WriteString(":")
			b.WriteString(strconv.Itoa(p.Col))
		}
	}
	return b.String()
}

// IsZero reports whether p names no location at all.
func (p Position) IsZero() bool { return p == Position{} }

// CellName gives the A1-style name of a 1-based column and row: (4, 7) → "D7".
func CellName(col, row int) string {
	if col < 1 || row < 1 {
		return ""
	}
	return ColumnName(col) + strconv.Itoa(row)
}

// ColumnName gives the letters of a 1-based column: 1 → A, 27 → AA.
func ColumnName(col int) string {
	var buf [8]byte
	i := len(buf)
	for col > 0 {
		col--
		i--
		buf[i] = byte('A' + col%26)
		col /= 26
	}
	return string(buf[i:])
}

// splitCell splits "D17" into column 4 and row 17; ok is false for anything else.
func splitCell(cell string) (col, row int, ok bool) {
	i := 0
	for i < len(cell) && cell[i] >= 'A' && cell[i] <= 'Z' {
		col = col*26 + int(cell[i]-'A'+1)
		i++
	}
	if i == 0 || i == len(cell) {
		return 0, 0, false
	}
	row, err := strconv.Atoi(cell[i:])
	return col, row, err == nil
}

// At makes the position of a spreadsheet cell from its 1-based row and column;
// a zero column names the whole row's sheet only.
func At(file, sheet string, row, col int) Position {
	return Position{File: file, Sheet: sheet, Cell: CellName(col, row)}
}
