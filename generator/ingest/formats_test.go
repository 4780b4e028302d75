package ingest

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"dutyreport/generator/problem"
)

// formatsDir holds a one-year site's inputs as .xlsx, and its evaluation
// and ledger as LibreOffice saved them in other formats (make.sh there).
const formatsDir = "testdata/formats"

// sheetText reads every sheet of a workbook: its name, whether it is
// hidden, and its rows as the table reader gets them, numbered.
func sheetText(t *testing.T, path string) []string {
	t.Helper()
	var probs problem.List
	wb, ok := openFile(path, filepath.Base(path), &probs)
	if !ok {
		t.Fatalf("%s: %v", path, probs)
	}
	defer wb.Close()
	var out []string
	for i, s := range wb.info {
		out = append(out, fmt.Sprintf("sheet %q hidden %v worksheet %v", s.name, s.hidden, s.worksheet))
		if err := wb.eachRow(i, func(n int, cells []string) bool {
			out = append(out, fmt.Sprintf("%d %q", n, cells))
			return true
		}); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
	}
	if len(probs) > 0 {
		t.Errorf("%s: %v", path, probs)
	}
	return out
}

// TestFormatsReadTheSame: an evaluation and a ledger saved by LibreOffice
// as Excel 97-2003 .xls give, sheet by sheet and cell by cell, what the
// .xlsx gives: names, texts, numbers, dates as their serial numbers.
func TestFormatsReadTheSame(t *testing.T) {
	for _, name := range []string{"民主测评", "纪实台账"} {
		want := sheetText(t, filepath.Join(formatsDir, "site/data/2024", name+".xlsx"))
		for _, format := range []string{"xls"} {
			got := sheetText(t, filepath.Join(formatsDir, format, name+"."+format))
			if !slices.Equal(got, want) {
				n := 0
				for n < min(len(got), len(want)) && got[n] == want[n] {
					n++
				}
				t.Errorf("%s.%s: %d lines, the .xlsx %d; first difference at line %d:\n got  %s\n want %s", name, format,
					len(got), len(want), n+1, strings.Join(got[n:min(n+3, len(got))], "\n      "), strings.Join(want[n:min(n+3, len(want))], "\n      "))
			}
		}
	}
}
