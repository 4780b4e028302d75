package ingest

import (
	"errors"
	"io/fs"
	"os"

	"github.com/xuri/excelize/v2"

	"dutyreport/generator/problem"
)

// workbook is an open spreadsheet file and what is needed to read its cells.
type workbook struct {
	path     string // relative to the site folder, for positions
	f        *excelize.File
	sheets   []string
	date1904 bool
}

// openWorkbook opens a workbook with raw cell values: excelize's default
// formatting of every cell through its number format costs more than half of
// the read time, and dates are converted here from their serial numbers.
func openWorkbook(abs, rel string, probs *problem.List) (*workbook, bool) {
	f, err := excelize.OpenFile(abs, excelize.Options{RawCellValue: true})
	if err != nil {
		code, found := problem.IngestUnreadable, err.Error()
		if errors.Is(err, fs.ErrNotExist) {
			code, found = problem.IngestMissingFile, ""
		}
		probs.Add(problem.Problem{Pos: problem.Position{File: rel}, Code: code, Found: found})
		return nil, false
	}
	wb := &workbook{path: rel, f: f, sheets: f.GetSheetList()}
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		wb.date1904 = *props.Date1904
	}
	return wb, true
}

func (wb *workbook) Close() { _ = wb.f.Close() }

// firstSheet returns the index of the first visible worksheet.
func (wb *workbook) firstSheet() int {
	for i, name := range wb.sheets {
		if visible, err := wb.f.GetSheetVisible(name); err == nil && visible {
			return i
		}
	}
	return 0
}

// eachRow calls fn with the 1-based number and the raw cells of every row of
// the sheet, blank rows included; fn returns false to stop.
func (wb *workbook) eachRow(sheet int, fn func(row int, cells []string) bool) error {
	rows, err := wb.f.Rows(wb.sheets[sheet])
	if err != nil {
		return err
	}
	defer rows.Close()
	for n := 1; rows.Next(); n++ {
		cells, err := rows.Columns()
		if err != nil {
			return err
		}
		if !fn(n, cells) {
			break
		}
	}
	return rows.Error()
}

// exists reports whether a file exists at abs.
func exists(abs string) bool {
	_, err := os.Stat(abs)
	return err == nil
}
