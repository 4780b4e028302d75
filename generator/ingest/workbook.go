package ingest

import (
	"errors"
	"io/fs"
	"os"
	"strings"

	"dutyreport/generator/config"

	"dutyreport/generator/problem"
)

// workbook is an open spreadsheet file and what is needed to read its cells.
type workbook struct {
	path   string // relative to the site folder, for positions
	x      *xlsx
	sheets []string // the sheets' names, for positions
}

// openWorkbook opens a workbook for reading its sheets' raw cell values;
// dates are converted here from their serial numbers.
func openWorkbook(abs, rel string, probs *problem.List) (*workbook, bool) {
	x, err := openXLSX(abs)
	if err != nil {
		code, found := problem.IngestMissingFile, ""
		if !errors.Is(err, fs.ErrNotExist) {
			code, found = classify(abs, err)
		}
		probs.Add(problem.Problem{Pos: problem.Position{File: rel}, Code: code, Found: found})
		return nil, false
	}
	wb := &workbook{path: rel, x: x}
	for _, s := range x.sheets {
		wb.sheets = append(wb.sheets, s.name)
	}
	return wb, true
}

func (wb *workbook) Close() { _ = wb.x.Close() }

// sheetNamed finds a sheet by the name site.yaml gives it, folded for width
// and spaces; a sheet named for a year may add 年 or 年度 (2024年度).
func (wb *workbook) sheetNamed(name string) (int, bool) {
	want := config.FoldName(name)
	for i, s := range wb.sheets {
		got := config.FoldName(s)
		if got == want || strings.TrimSuffix(strings.TrimSuffix(got, "年度"), "年") == want {
			return i, true
		}
	}
	return 0, false
}

// eachRow calls fn with the 1-based number and the raw cells of every row of
// the sheet, blank rows included; fn returns false to stop.
func (wb *workbook) eachRow(sheet int, fn func(row int, cells []string) bool) error {
	return wb.x.eachRow(sheet, fn)
}

// exists reports whether a file exists at abs.
func exists(abs string) bool {
	_, err := os.Stat(abs)
	return err == nil
}
