package ingest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dutyreport/generator/problem"
)

// TestOddStructure: a row number or shared-string index that Excel would
// never write is a warning at its place, and the sheet is read as before.
func TestOddStructure(t *testing.T) {
	const head = `<row r="1"><c r="A1" t="s"><v>0</v></c></row>`
	sst := []string{"单位编码", "A01"}
	tests := []struct {
		name, rows string
		want       []string // warnings as "cell found", in order
		notes      int      // of the first warning: "and N more"
	}{
		{"as Excel writes", head + `<row r="2"><c r="A2" t="s"><v>1</v></c></row><row r="4"><c r="A4"><v>5</v></c></row>`, nil, 0},
		{"rows without numbers", head + `<row><c t="s"><v>1</v></c></row>`, nil, 0},
		{"negative row", head + `<row r="-5"><c t="s"><v>1</v></c></row>`, []string{"A2 -5"}, 0},
		{"row zero", head + `<row r="0"><c t="s"><v>1</v></c></row>`, []string{"A2 0"}, 0},
		{"row 1e23", head + `<row r="1e23"><c t="s"><v>1</v></c></row>`, []string{"A2 1e23"}, 0},
		{"row too large to parse", head + `<row r="100000000000000000000000"><c t="s"><v>1</v></c></row>`, []string{"A2 100000000000000000000000"}, 0},
		{"row out of order", head + `<row r="5"><c t="s"><v>1</v></c></row><row r="3"><c t="s"><v>1</v></c></row>`, []string{"A6 3"}, 0},
		{"row repeated", head + `<row r="1"><c t="s"><v>1</v></c></row>`, []string{"A2 1"}, 0},
		{"many rows out of order", head + strings.Repeat(`<row r="1"><c t="s"><v>1</v></c></row>`, 4), []string{"A2 1"}, 3},
		{"string index out of range", head + `<row r="2"><c r="A2" t="s"><v>1</v></c><c r="C2" t="s"><v>99999</v></c></row>`, []string{"C2 99999"}, 0},
		{"negative string index", head + `<row r="2"><c r="B2" t="s"><v>-1</v></c></row>`, []string{"B2 -1"}, 0},
		{"string index not a number", head + `<row r="2"><c r="B2" t="s"><v>x</v></c></row>`, []string{"B2 x"}, 0},
		{"both kinds", head + `<row r="-1"><c r="B2" t="s"><v>7</v></c></row>`, []string{"A2 -1", "B2 7"}, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			var first problem.Problem
			for _, p := range readTable(t, "odd.xlsx", minimalXLSX(tc.rows, sst)) {
				if p.Code != problem.IngestOddStructure {
					t.Errorf("unexpected %v", p)
					continue
				}
				if p.Severity != problem.Warning || p.Pos.File != "odd.xlsx" || p.Pos.Sheet != "Sheet1" {
					t.Errorf("%v: want a warning in odd.xlsx!Sheet1", p)
				}
				if got == nil {
					first = p
				}
				got = append(got, p.Pos.Cell+" "+p.Found)
			}
			if strings.Join(got, "; ") != strings.Join(tc.want, "; ") {
				t.Errorf("got %q, want %q", got, tc.want)
			}
			if n := len(first.Notes); (n > 0) != (tc.notes > 0) || n > 0 && !strings.Contains(first.Notes[0].Text.In(problem.EN), " 3 ") {
				t.Errorf("notes %v, want %d more", first.Notes, tc.notes)
			}
		})
	}
}

// TestOddStructureReadsOn: the rows of an odd sheet are read as before: a
// row number out of order is the next row, a string out of range empty.
func TestOddStructureReadsOn(t *testing.T) {
	x := minimalXLSX(`<row r="3"><c r="A3"><v>1</v></c></row><row r="-5"><c r="A9"><v>2</v></c><c r="B9" t="s"><v>9</v></c></row>`, []string{"s"})
	var got []string
	wb := openBytes(t, x)
	defer wb.Close()
	if err := wb.eachRow(0, func(n int, cells []string) bool {
		got = append(got, strings.Join(append([]string{string(rune('0' + n))}, cells...), ","))
		return true
	}); err != nil {
		t.Fatal(err)
	}
	if want := "1; 2; 3,1; 4,2"; strings.Join(got, "; ") != want {
		t.Errorf("rows %q, want %q", got, want)
	}
	if len(*wb.probs) != 2 {
		t.Errorf("problems %v, want two warnings", *wb.probs)
	}
}

// openBytes opens data as a workbook file, failing the test if it does not.
func openBytes(t *testing.T, data []byte) *workbook {
	t.Helper()
	f := filepath.Join(t.TempDir(), "b.xlsx")
	if err := os.WriteFile(f, data, 0o644); err != nil {
		t.Fatal(err)
	}
	var probs problem.List
	wb, ok := openFile(f, "b.xlsx", &probs)
	if !ok {
		t.Fatal(probs)
	}
	return wb
}

// TestDimensionIsOnlyAHint: the last row a sheet's <dimension> names is the
// room a reader makes for its rows, believed only as far as the part's size
// allows (32 bytes a row), so that a lying dimension reserves nothing much;
// the rows read are those the sheet has, whatever it says.
func TestDimensionIsOnlyAHint(t *testing.T) {
	rows := `<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row>`
	for _, c := range []struct {
		ref  string
		want int
	}{
		{"A1:K5", 5}, {"B7", 7}, {"A1:XFD1048576", -1}, {"A1:K", 0}, {"", 0}, {"A1:K0", 0},
	} {
		sheet := `</sheetData><dimension ref="` + c.ref + `"/><sheetData>` + rows
		wb := openBytes(t, minimalXLSX(sheet, nil))
		var hints []int
		if err := wb.eachRow(0, func(int, []string) bool {
			hints = append(hints, wb.rowsHint(0))
			return true
		}); err != nil {
			t.Fatal(err)
		}
		wb.Close()
		want := c.want
		if want < 0 { // the part's size in bytes, over 32
			want = len(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`+sheet+`</sheetData></worksheet>`) / 32
		}
		if len(hints) != 2 || hints[0] != want || hints[1] != want {
			t.Errorf("dimension %q: hints %v over the rows, want %d", c.ref, hints, want)
		}
	}
}
