package ingest

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"strings"

	"dutyreport/generator/config"
	"dutyreport/generator/problem"
)

// workbook is an open spreadsheet file, .xlsx or CSV, and what is needed to
// read its sheets' cells.
type workbook struct {
	path     string // relative to the site folder, for positions
	sheets   []string
	info     []sheetInfo
	date1904 bool
	rows     func(sheet int, fn func(row int, cells []string) bool) error
	close    func() error
}

// sheetInfo is a sheet of a workbook, in the workbook's order.
type sheetInfo struct {
	name, part string
	hidden     bool   // state hidden or veryHidden
	worksheet  bool   // false for chart, macro and dialog sheets
	kind       string // worksheet, chartsheet, macrosheet, dialogsheet…: the relationship type's last word
}

// openWorkbook opens an input file by what its bytes are, whatever its name
// says: an .xlsx or .xlsm workbook (a zip archive), or a CSV file. Anything
// else is one problem that says what the file is and what to do.
func openWorkbook(abs, rel string, probs *problem.List) (*workbook, bool) {
	fail := func(code problem.Code, found string) (*workbook, bool) {
		probs.Add(problem.Problem{Pos: problem.Position{File: rel}, Code: code, Found: found})
		return nil, false
	}
	head, err := readHead(abs)
	if errors.Is(err, fs.ErrNotExist) {
		return fail(problem.IngestMissingFile, "")
	}
	if err != nil {
		return fail(problem.IngestUnreadable, err.Error())
	}
	wb := &workbook{path: rel}
	switch {
	case bytes.HasPrefix(head, zipMagic):
		x, err := openXLSX(abs)
		if err != nil {
			return fail(readFailure(abs, err))
		}
		wb.info, wb.date1904, wb.rows, wb.close = x.sheets, x.date1904, x.eachRow, x.Close
	case csvText(head):
		c, err := openCSV(abs, head)
		if err != nil {
			return fail(problem.IngestUnreadable, err.Error())
		}
		wb.info = []sheetInfo{{worksheet: true, kind: "csv " + c.encName}}
		wb.rows = func(_ int, fn func(int, []string) bool) error { return c.eachRow(fn) }
		wb.close = func() error { return nil }
	default:
		return fail(classify(abs, nil))
	}
	for _, s := range wb.info {
		wb.sheets = append(wb.sheets, s.name)
	}
	return wb, true
}

// readHead reads the first bytes of a file, enough to tell its format.
func readHead(abs string) ([]byte, error) {
	f, err := os.Open(abs)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	head := make([]byte, 4096)
	n, err := io.ReadFull(f, head)
	if err == io.ErrUnexpectedEOF || err == io.EOF {
		err = nil
	}
	return head[:n], err
}

func (wb *workbook) Close() { _ = wb.close() }

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
	return wb.rows(sheet, fn)
}

// exists reports whether a file exists at abs.
func exists(abs string) bool {
	_, err := os.Stat(abs)
	return err == nil
}
