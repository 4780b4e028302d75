package workbook

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/xuri/excelize/v2"

	"dutyreport/generator/record"
)

// Sheet is one worksheet to write.
type Sheet struct {
	Name string
	// Merges are cell ranges such as "A1:H1". The top-left cell of each is
	// drawn as a title (bold, large, centred), as exports put a merged title
	// above the header.
	Merges []string
	// Rows are the values, row 1 first. A value is one of:
	//   string                  – text (a shared string; "" is an empty cell);
	//   int, int32, int64,
	//   float64                 – a number;
	//   Number                  – a number written exactly as its text;
	//   DateCell, time.Time     – a date (the time of day is dropped);
	//   nil                     – an empty cell.
	Rows [][]any
	// Header is the 1-based row drawn as the column header (bold, bordered,
	// shaded) with the panes frozen below it; 0 for none.
	Header int
	// Widths sets column widths by column letter ("A": 6). Columns not given
	// get a width from their content.
	Widths map[string]float64
	// Hidden hides the sheet, as a clerk hides a working sheet.
	Hidden bool
	// Chart makes the sheet a chart sheet (a chart of the first sheet's
	// first column, no cells), placed after the worksheets; Rows must be empty.
	Chart bool
}

// Percent is a number cell shown as a percent (format 0.00%): Percent("0.925")
// stores 0.925, and Excel shows 92.50%.
type Percent string

// Formula is a formula cell. Cached is the value the file holds for it, as
// Excel saves one; nil writes none, as programs that do not calculate do.
type Formula struct {
	Expr   string // without the leading =
	Cached any
}

// DateCell is a calendar date, written as Excel writes a date: the serial
// number of days since 1899-12-30 (the 1900 date system, the default of
// Excel and WPS) with a date number format. Chinese selects the format
// yyyy"年"m"月"d"日", as WPS shows dates in a Chinese locale; otherwise the
// format is yyyy-mm-dd. Dates before 1900-03-01 are not supported (the 1900
// system's leap-year quirk).
type DateCell struct {
	Y, M, D int
	Chinese bool
}

// Serial returns the Excel serial number of the date.
func (d DateCell) Serial() int {
	t := time.Date(d.Y, time.Month(d.M), d.D, 0, 0, 0, 0, time.UTC)
	return int(t.Sub(excelEpoch) / (24 * time.Hour))
}

var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// Number is a number cell whose stored text is given exactly, such as
// "89.994999999999997", which is how Excel stores a typed 89.995. Fixtures
// use it to reproduce what real files hold; a float64 would be re-formatted.
// In a streamed sheet (see Write) it goes through float64.
type Number string

// StreamRows is the row count above which a sheet is streamed. Excel and
// WPS keep text in a shared-string table, and so does Write for
// sheets up to this size; a bigger sheet is written with excelize's
// StreamWriter, which is several times faster and lighter but stores text
// inline (t="inlineStr"), as some other exporters do. Readers must accept both.
const StreamRows = 20000

// The document properties every workbook gets. Fixed values keep the output
// byte-identical for the same input; these are what an office PC writes.
const (
	docAuthor  = "Administrator"
	docCreated = "2025-01-15T08:00:00Z"
)

// Write writes the sheets, in order, as an .xlsx workbook at path,
// creating parent folders. The same sheets always give the same bytes: the
// document properties are fixed and excelize writes the archive in a fixed
// order with no timestamps.
func Write(path string, sheets ...Sheet) error { return WriteMarked(path, "", sheets...) }

// WriteMarked writes as Write does, the workbook saying what it is in its
// custom document property record.MarkerProperty (none for "").
func WriteMarked(path, marker string, sheets ...Sheet) error {
	if len(sheets) == 0 {
		return errors.New("workbook: a workbook needs at least one sheet")
	}
	f := excelize.NewFile()
	defer f.Close()
	seen := map[string]bool{}
	for i, sh := range sheets {
		if sh.Name == "" || seen[sh.Name] {
			return fmt.Errorf("sitetest: %s: sheet %d needs a name of its own, got %q", path, i+1, sh.Name)
		}
		seen[sh.Name] = true
		var err error
		switch {
		case sh.Chart:
			continue // added after the worksheets: excelize adds no worksheet after a chart sheet
		case i == 0:
			err = f.SetSheetName("Sheet1", sh.Name)
		default:
			_, err = f.NewSheet(sh.Name)
		}
		if err == nil && sh.Hidden {
			err = f.SetSheetVisible(sh.Name, false)
		}
		if err != nil {
			return fmt.Errorf("sitetest: %s: sheet %q: %w", path, sh.Name, err)
		}
	}
	for _, sh := range sheets {
		if sh.Chart {
			if err := addChartSheet(f, sh.Name, sheets[0].Name); err != nil {
				return fmt.Errorf("sitetest: %s: chart sheet %q: %w", path, sh.Name, err)
			}
		}
	}
	st, err := newStyles(f, sheets)
	if err != nil {
		return err
	}
	for _, sh := range sheets {
		if sh.Chart {
			continue
		}
		// Excel records the used range; excelize leaves "A1" unless told.
		if cols := maxCols(sh.Rows); cols > 0 {
			last, _ := excelize.CoordinatesToCellName(cols, len(sh.Rows))
			if err := f.SetSheetDimension(sh.Name, "A1:"+last); err != nil {
				return fmt.Errorf("sitetest: %s: sheet %q: %w", path, sh.Name, err)
			}
		}
		w := cellWriter
		if len(sh.Rows) > StreamRows {
			w = streamWriter
		}
		if err := w(f, st, sh); err != nil {
			return fmt.Errorf("sitetest: %s: sheet %q: %w", path, sh.Name, err)
		}
	}
	if err := setProperties(f); err != nil {
		return err
	}
	if marker != "" {
		if err := f.SetCustomProps(excelize.CustomProperty{Name: record.MarkerProperty, Value: marker}); err != nil {
			return err
		}
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return f.SaveAs(path)
}

func maxCols(rows [][]any) int {
	n := 0
	for _, r := range rows {
		n = max(n, len(r))
	}
	return n
}

func setProperties(f *excelize.File) error {
	if err := f.SetDocProps(&excelize.DocProperties{
		Creator: docAuthor, LastModifiedBy: docAuthor,
		Created: docCreated, Modified: docCreated,
	}); err != nil {
		return err
	}
	return f.SetAppProps(&excelize.AppProperties{Application: "Microsoft Excel", AppVersion: "16.0300", DocSecurity: 0})
}

// cellWriter writes a sheet cell by cell, so text goes to the shared-string
// table as in a file saved by Excel or WPS.
func cellWriter(f *excelize.File, st styles, sh Sheet) error {
	name := sh.Name
	for _, w := range columnWidths(sh) {
		if err := f.SetColWidth(name, w.col, w.col, w.width); err != nil {
			return err
		}
	}
	for r, row := range sh.Rows {
		for c, v := range row {
			cell, err := excelize.CoordinatesToCellName(c+1, r+1)
			if err != nil {
				return err
			}
			if err := setCell(f, st, name, cell, v); err != nil {
				return fmt.Errorf("%s: %w", cell, err)
			}
		}
	}
	for _, m := range sh.Merges {
		tl, br, err := splitRange(m)
		if err != nil {
			return err
		}
		if err := f.MergeCell(name, tl, br); err != nil {
			return err
		}
		if err := f.SetCellStyle(name, tl, br, st.title); err != nil {
			return err
		}
		_, row, _ := excelize.CellNameToCoordinates(tl)
		if err := f.SetRowHeight(name, row, titleHeight); err != nil {
			return err
		}
	}
	if h := sh.Header; h > 0 && h <= len(sh.Rows) && len(sh.Rows[h-1]) > 0 {
		last, _ := excelize.CoordinatesToCellName(len(sh.Rows[h-1]), h)
		if err := f.SetCellStyle(name, "A"+strconv.Itoa(h), last, st.header); err != nil {
			return err
		}
		return f.SetPanes(name, freezeBelow(h))
	}
	return nil
}

func setCell(f *excelize.File, st styles, sheet, cell string, v any) error {
	switch v := v.(type) {
	case nil:
		return nil
	case string:
		if v == "" {
			return nil
		}
		return f.SetCellStr(sheet, cell, v)
	case int:
		return f.SetCellInt(sheet, cell, int64(v))
	case int32:
		return f.SetCellInt(sheet, cell, int64(v))
	case int64:
		return f.SetCellInt(sheet, cell, v)
	case float64:
		return f.SetCellFloat(sheet, cell, v, -1, 64)
	case Number:
		if _, err := strconv.ParseFloat(string(v), 64); err != nil {
			return fmt.Errorf("Number %q is not a number", string(v))
		}
		return f.SetCellDefault(sheet, cell, string(v))
	case Percent:
		if err := setCell(f, st, sheet, cell, Number(v)); err != nil {
			return err
		}
		return f.SetCellStyle(sheet, cell, cell, st.percent)
	case Formula:
		if err := setCell(f, st, sheet, cell, v.Cached); err != nil {
			return err
		}
		return f.SetCellFormula(sheet, cell, v.Expr)
	case time.Time:
		return setCell(f, st, sheet, cell, DateOf(v))
	case DateCell:
		if err := f.SetCellInt(sheet, cell, int64(v.Serial())); err != nil {
			return err
		}
		return f.SetCellStyle(sheet, cell, cell, st.date(v))
	}
	return fmt.Errorf("unsupported cell value %T", v)
}

// streamWriter writes a big sheet with excelize's StreamWriter: rows go
// straight to the archive (through a temporary file past 16 MB), so a
// 100,000-row ledger costs little memory.
func streamWriter(f *excelize.File, st styles, sh Sheet) error {
	sw, err := f.NewStreamWriter(sh.Name)
	if err != nil {
		return err
	}
	for _, w := range columnWidths(sh) {
		n, _ := excelize.ColumnNameToNumber(w.col)
		if err := sw.SetColWidth(n, n, w.width); err != nil {
			return err
		}
	}
	if h := sh.Header; h > 0 {
		if err := sw.SetPanes(freezeBelow(h)); err != nil {
			return err
		}
	}
	titles := map[int]bool{}
	for _, m := range sh.Merges {
		tl, br, err := splitRange(m)
		if err != nil {
			return err
		}
		if err := sw.MergeCell(tl, br); err != nil {
			return err
		}
		_, row, _ := excelize.CellNameToCoordinates(tl)
		titles[row] = true
	}
	vals := make([]any, 0, 16)
	for r, row := range sh.Rows {
		vals = vals[:0]
		style := 0
		switch {
		case titles[r+1]:
			style = st.title
		case r+1 == sh.Header:
			style = st.header
		}
		for _, v := range row {
			c, err := streamCell(st, v, style)
			if err != nil {
				return err
			}
			vals = append(vals, c)
		}
		cell, _ := excelize.CoordinatesToCellName(1, r+1)
		var opts []excelize.RowOpts
		if titles[r+1] {
			opts = append(opts, excelize.RowOpts{Height: titleHeight})
		}
		if err := sw.SetRow(cell, vals, opts...); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// streamCell converts a row value to what StreamWriter.SetRow takes.
func streamCell(st styles, v any, style int) (any, error) {
	var val any
	switch v := v.(type) {
	case nil:
	case string:
		if v != "" {
			val = v
		}
	case int, int32, int64, float64:
		val = v
	case Number:
		x, err := strconv.ParseFloat(string(v), 64)
		if err != nil {
			return nil, fmt.Errorf("Number %q is not a number", string(v))
		}
		val = x
	case time.Time:
		return streamCell(st, DateOf(v), style)
	case DateCell:
		return excelize.Cell{StyleID: st.date(v), Value: v.Serial()}, nil
	default:
		return nil, fmt.Errorf("unsupported cell value %T", v)
	}
	if style != 0 && val != nil {
		return excelize.Cell{StyleID: style, Value: val}, nil
	}
	return val, nil
}

// DateOf is the calendar date of t.
func DateOf(t time.Time) DateCell {
	return DateCell{Y: t.Year(), M: int(t.Month()), D: t.Day()}
}

// CheckRange reports whether r is a cell range such as A1:H1.
func CheckRange(r string) error {
	_, _, err := splitRange(r)
	return err
}

func splitRange(r string) (tl, br string, err error) {
	for i := range len(r) {
		if r[i] == ':' {
			tl, br = r[:i], r[i+1:]
			break
		}
	}
	if _, _, err := excelize.CellNameToCoordinates(tl); err != nil {
		return "", "", fmt.Errorf("merge %q: want a range such as A1:H1", r)
	}
	if _, _, err := excelize.CellNameToCoordinates(br); err != nil {
		return "", "", fmt.Errorf("merge %q: want a range such as A1:H1", r)
	}
	return tl, br, nil
}

func freezeBelow(row int) *excelize.Panes {
	return &excelize.Panes{Freeze: true, YSplit: row, TopLeftCell: "A" + strconv.Itoa(row+1), ActivePane: "bottomLeft"}
}

// addChartSheet adds a chart sheet with a column chart of the data sheet's
// first column, as a clerk's workbook may carry one beside the data.
func addChartSheet(f *excelize.File, name, data string) error {
	return f.AddChartSheet(name, &excelize.Chart{
		Type:   excelize.Col,
		Series: []excelize.ChartSeries{{Name: "'" + data + "'!$A$1", Values: "'" + data + "'!$A$2:$A$3"}},
	})
}
