package ingest

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"slices"
	"strings"

	"dutyreport/generator/config"
	"dutyreport/generator/problem"
	"dutyreport/generator/sitefs"
)

// workbook is an open spreadsheet file, .xlsx, .xls, .ods or CSV, and
// what is needed to read its sheets' cells.
type workbook struct {
	path     string // relative to the site folder, for positions
	sheets   []string
	info     []sheetInfo
	date1904 bool
	rows     func(sheet int, fn func(row int, cells []string) bool, odd func(oddity)) error
	// rowsHint gives the last row a sheet says it has, or 0 where it says
	// none, once its rows are being read: room to make, never a limit.
	rowsHint func(sheet int) int
	// merges gives a sheet's merged cells, once its rows have been read.
	merges func(sheet int) []cellRange
	close  func() error
	probs  *problem.List // where warnings found while reading rows go
	// marker is what the workbook says it is (record.Source.Marker).
	marker string
}

// sheetInfo is a sheet of a workbook, in the workbook's order.
type sheetInfo struct {
	name, part string
	hidden     bool   // state hidden or veryHidden
	worksheet  bool   // false for chart, macro and dialog sheets
	kind       string // worksheet, chartsheet, macrosheet, dialogsheet…: the relationship type's last word
}

// openWorkbook opens an input file, rel, through the site folder, by what
// its bytes are, whatever its name says: an .xlsx or .xlsm workbook (a zip
// archive), or a CSV file. Anything else is one problem that says what the
// file is and what to do; so is a path that is not a regular file inside
// the site folder, which is never read.
func openWorkbook(files *sitefs.Root, rel string, probs *problem.List) (*workbook, bool) {
	f, err := files.Open(rel)
	return openedWorkbook(f, err, rel, probs)
}

// openedWorkbook reads the workbook f, which files.open gave with err.
func openedWorkbook(f *os.File, err error, rel string, probs *problem.List) (*workbook, bool) {
	fail := func(code problem.Code, found string) (*workbook, bool) {
		probs.Add(readProblem(problem.Position{File: rel}, code, found))
		return nil, false
	}
	var naf *sitefs.NotAFileError
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fail(problem.IngestMissingFile, "")
	case errors.As(err, &naf):
		found := ""
		if naf.Target != "" {
			found = "→ " + naf.Target
		}
		return fail(problem.IngestNotAFile, found)
	case err != nil:
		return fail(problem.IngestUnreadable, err.Error())
	}
	kept := false
	defer func() {
		if !kept {
			f.Close()
		}
	}()
	fi, err := f.Stat()
	if err != nil {
		return fail(problem.IngestUnreadable, err.Error())
	}
	if fi.Size() > maxFileBytes {
		return fail(problem.IngestTooLarge, problem.Bytes(fi.Size())+", more than the "+problem.Bytes(maxFileBytes)+" an input file may be")
	}
	// The size is taken once: a file that grows while it is read is read
	// as it was.
	src := io.NewSectionReader(f, 0, fi.Size())
	head, err := readHead(src)
	if err != nil {
		return fail(problem.IngestUnreadable, err.Error())
	}
	wb := &workbook{path: rel, probs: probs}
	switch {
	case bytes.HasPrefix(head, zipMagic) && isODF(src):
		o, err := openODS(src)
		if err != nil {
			return fail(openFailure(err))
		}
		wb.useODS(o)
	case markup(head) && flatODF(head):
		o, err := openFODS(src)
		if err != nil {
			return fail(openFailure(err))
		}
		wb.useODS(o)
	case bytes.HasPrefix(head, zipMagic):
		x, err := openXLSX(src)
		if err != nil {
			return fail(readFailure(src, err))
		}
		wb.useXLSX(x)
	case bytes.HasPrefix(head, cfbMagic):
		x, err := openXLS(src)
		switch {
		case errors.Is(err, errEncryptedPackage):
			plain, ok := defaultPassword(src)
			if !ok {
				return fail(problem.IngestEncrypted, "")
			}
			px, err := openXLSX(plain)
			if err != nil {
				return fail(readFailure(plain, err))
			}
			wb.useXLSX(px)
		case err != nil && encryptedOOXML(src):
			// A compound file too damaged to list, whose bytes name an
			// encrypted package: the password is what to tell.
			return fail(problem.IngestEncrypted, "")
		case err != nil:
			return fail(openFailure(err))
		default:
			wb.info, wb.date1904, wb.rows, wb.rowsHint, wb.merges = x.sheets, x.date1904, x.eachRow, x.rowsHint, x.mergesOf
			wb.marker = x.marker
		}
	case csvText(head):
		c, err := openCSV(src, head)
		if err != nil {
			return fail(problem.IngestUnreadable, err.Error())
		}
		wb.info = []sheetInfo{{worksheet: true, kind: "csv " + c.encName}}
		wb.rows = func(_ int, fn func(int, []string) bool, _ func(oddity)) error { return c.eachRow(fn) }
		wb.rowsHint = func(int) int { return 0 }
		wb.merges = func(int) []cellRange { return nil }
	default:
		return fail(classify(src, nil))
	}
	wb.close = f.Close
	kept = true
	for _, s := range wb.info {
		wb.sheets = append(wb.sheets, s.name)
	}
	return wb, true
}

// setCell puts v in column col (1-based) of a row's cells, growing them as
// needed, the cells it adds empty: each reader fills one slice a row.
func setCell(cells []string, col int, v string) []string {
	if n := len(cells); col > n { // cells are never shortened: the rest is ""
		cells = slices.Grow(cells, col-n)[:col]
		clear(cells[n : col-1])
	}
	cells[col-1] = v
	return cells
}

// rowOf gives a row's cells as a reader hands them on: nil for a row of
// none, as for a row the file leaves out.
func rowOf(cells []string) []string {
	if len(cells) == 0 {
		return nil
	}
	return cells
}

// useXLSX reads the workbook's sheets with x.
func (wb *workbook) useXLSX(x *xlsx) {
	wb.info, wb.date1904, wb.rows, wb.rowsHint, wb.merges = x.sheets, x.date1904, x.eachRow, x.rowsHint, x.mergesOf
	wb.marker = x.marker()
}

// useODS reads the workbook's tables with o.
func (wb *workbook) useODS(o *ods) {
	wb.info, wb.rows, wb.rowsHint, wb.merges = o.sheets, o.eachRow, o.rowsHint, o.mergesOf
	wb.marker = o.marker
}

// readProblem is the problem of a file or sheet that could not be read:
// the library's words on damage go to its Detail, not into the message.
func readProblem(pos problem.Position, code problem.Code, found string) problem.Problem {
	if code == problem.IngestDamaged {
		return problem.Problem{Pos: pos, Code: code, Detail: found}
	}
	return problem.Problem{Pos: pos, Code: code, Found: found}
}

// readHead reads the first bytes of a file, enough to tell its format.
func readHead(src io.ReaderAt) ([]byte, error) {
	head := make([]byte, 4096)
	n, err := src.ReadAt(head, 0)
	if err == io.EOF {
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
//
// A place the file would not hold had Excel written it (see oddity) is a
// warning there: the first of each kind in the sheet, with how many more,
// since a hostile sheet may have a million.
func (wb *workbook) eachRow(sheet int, fn func(row int, cells []string) bool) error {
	var first []oddity
	more := map[string]int{}
	err := wb.rows(sheet, fn, func(o oddity) {
		if _, seen := more[o.kind]; seen {
			more[o.kind]++
			return
		}
		more[o.kind] = 0
		first = append(first, o)
	})
	for _, o := range first {
		if wb.probs == nil {
			break
		}
		p := problem.Problem{Pos: problem.At(wb.path, wb.sheets[sheet], o.row, o.col), Severity: problem.Warning,
			Code: problem.IngestOddStructure, Found: o.found, Expected: o.expected}
		if n := more[o.kind]; n > 0 {
			p.Notes = []problem.Note{{Text: problem.T(problem.TMoreOfKind, n)}}
		}
		wb.probs.Add(p)
	}
	return err
}
