package blank

import (
	"fmt"
	"strconv"

	"github.com/xuri/excelize/v2"

	"dutyreport/generator/record"
	"dutyreport/generator/workbook"
)

// blankRows is how many rows of a header-only template carry the
// drop-downs and checks: more than a year's cases or a county's posts.
const blankRows = 2000

// The document properties of every template: fixed, so that the same
// inputs give the same bytes (as generator/workbook does).
const (
	docAuthor  = "dutyreport"
	docCreated = "2025-01-15T08:00:00Z"
)

// styles are a template's cell styles, made in a fixed order (excelize
// numbers them as they are made).
type styles struct {
	header, office, fill, fillDate, text, title, heading int
}

func newStyles(f *excelize.File) (styles, error) {
	var st styles
	border := []excelize.Border{
		{Type: "left", Color: "A6A6A6", Style: 1}, {Type: "top", Color: "A6A6A6", Style: 1},
		{Type: "right", Color: "A6A6A6", Style: 1}, {Type: "bottom", Color: "A6A6A6", Style: 1},
	}
	font := &excelize.Font{Size: 11, Family: "宋体"}
	date := "yyyy-mm-dd"
	for _, s := range []struct {
		id    *int
		style excelize.Style
	}{
		{&st.header, excelize.Style{Font: &excelize.Font{Bold: true, Size: 11, Family: "宋体"}, Border: border,
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true},
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9D9D9"}}, Protection: &excelize.Protection{Locked: true}}},
		{&st.office, excelize.Style{Font: font, Border: border, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F2F2"}},
			Protection: &excelize.Protection{Locked: true}}},
		{&st.fill, excelize.Style{Font: font, Border: border, Protection: &excelize.Protection{Locked: false}}},
		{&st.fillDate, excelize.Style{Font: font, Border: border, CustomNumFmt: &date, Protection: &excelize.Protection{Locked: false}}},
		{&st.text, excelize.Style{Font: font, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}},
		{&st.title, excelize.Style{Font: &excelize.Font{Bold: true, Size: 16, Family: "宋体"}}},
		{&st.heading, excelize.Style{Font: &excelize.Font{Bold: true, Size: 11, Family: "宋体"}, Border: border,
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9D9D9"}}}},
	} {
		id, err := f.NewStyle(&s.style)
		if err != nil {
			return st, err
		}
		*s.id = id
	}
	return st, nil
}

// write writes a template: the data sheet first (the one ingest reads and
// Excel opens at), then 填表说明, then the hidden 选项 with the drop-downs'
// lists.
func write(in Input, t *table) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", t.sheet); err != nil {
		return nil, err
	}
	for _, name := range []string{record.InstructionsSheet, record.ChoicesSheet} {
		if _, err := f.NewSheet(name); err != nil {
			return nil, err
		}
	}
	st, err := newStyles(f)
	if err != nil {
		return nil, err
	}
	lists := &choiceSheet{f: f, in: in, t: t, cols: map[string]string{}}
	if err := dataSheet(f, st, t, lists); err != nil {
		return nil, err
	}
	if err := instructions(f, st, in, t); err != nil {
		return nil, err
	}
	if err := lists.finish(); err != nil {
		return nil, err
	}
	if err := f.SetDocProps(&excelize.DocProperties{Creator: docAuthor, LastModifiedBy: docAuthor, Created: docCreated, Modified: docCreated,
		Title: strconv.Itoa(in.Year) + " 年度" + t.kind.Name()}); err != nil {
		return nil, err
	}
	if err := f.SetAppProps(&excelize.AppProperties{Application: "Microsoft Excel", AppVersion: "16.0300"}); err != nil {
		return nil, err
	}
	if err := f.SetCustomProps(excelize.CustomProperty{Name: record.MarkerProperty, Value: record.TemplateMarker(in.Year, t.kind)}); err != nil {
		return nil, err
	}
	f.SetActiveSheet(0)
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// dataSheet writes the header, the office's rows, the checks, the widths,
// the frozen header and the protection of the data sheet.
func dataSheet(f *excelize.File, st styles, t *table, lists *choiceSheet) error {
	name := t.sheet
	last := len(t.rows) + 1 // the last row the checks cover
	if len(t.rows) == 0 {
		last = blankRows + 1
	}
	colOf := map[string]string{}
	for i, c := range t.cols {
		col, _ := excelize.ColumnNumberToName(i + 1)
		colOf[c.name] = col
		// Cells below the office's rows are the units' in a header-only
		// table: the column's style leaves them unlocked.
		if !c.office && len(t.rows) == 0 {
			style := st.fill
			if c.date {
				style = st.fillDate
			}
			if err := f.SetColStyle(name, col, style); err != nil {
				return err
			}
		}
		if err := f.SetColWidth(name, col, col, width(c, t.rows, i)); err != nil {
			return err
		}
	}
	header := make([]any, len(t.cols))
	for i, c := range t.cols {
		header[i] = c.name
	}
	if err := f.SetSheetRow(name, "A1", &header); err != nil {
		return err
	}
	end, _ := excelize.CoordinatesToCellName(len(t.cols), 1)
	if err := f.SetCellStyle(name, "A1", end, st.header); err != nil {
		return err
	}
	if err := f.SetRowHeight(name, 1, 30); err != nil {
		return err
	}
	for r, row := range t.rows {
		for i, v := range row {
			cell, _ := excelize.CoordinatesToCellName(i+1, r+2)
			c := t.cols[i]
			style := st.fill
			switch v.(type) {
			case open:
			case nil:
				if c.office {
					style = st.office
				} else if c.date {
					style = st.fillDate
				}
			default:
				style = st.office // what the office wrote is locked
				if err := f.SetCellValue(name, cell, v); err != nil {
					return err
				}
			}
			if err := f.SetCellStyle(name, cell, cell, style); err != nil {
				return err
			}
		}
	}
	for i, c := range t.cols {
		col, _ := excelize.ColumnNumberToName(i + 1)
		dv, err := validation(c, col, last, colOf, lists)
		if err != nil {
			return err
		}
		if dv != nil {
			if err := f.AddDataValidation(name, dv); err != nil {
				return err
			}
		}
	}
	if err := f.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}); err != nil {
		return err
	}
	// No password: 审阅 > 撤销工作表保护 lifts it, for the office.
	return f.ProtectSheet(name, &excelize.SheetProtectionOptions{
		SelectLockedCells: true, SelectUnlockedCells: true, FormatColumns: true, FormatRows: true,
	})
}

// validation gives the data validation of column c (letter col) over rows
// 2 to last, nil for none.
func validation(c column, col string, last int, colOf map[string]string, lists *choiceSheet) (*excelize.DataValidation, error) {
	k := c.check
	dv := excelize.NewDataValidation(true)
	dv.SetSqref(col + "2:" + col + strconv.Itoa(last))
	switch {
	case k.list != "":
		ref, err := lists.ref(k.list)
		if err != nil || ref == "" {
			return nil, err
		}
		dv.SetSqrefDropList(ref)
		if k.loose {
			dv.SetError(excelize.DataValidationErrorStyleInformation, c.name, "不是下拉列表中的值；多个处理方式请用“、”分隔")
		} else {
			dv.SetError(excelize.DataValidationErrorStyleStop, c.name, "请从下拉列表中选择")
		}
	case k.whole || k.decimal:
		kind, what := excelize.DataValidationTypeWhole, "整数"
		if k.decimal {
			kind, what = excelize.DataValidationTypeDecimal, "数"
		}
		var err error
		switch {
		case k.maxCol != "" && colOf[k.maxCol] != "":
			// Relative to the first cell: each row against its own count.
			err = dv.SetRange(k.min, colOf[k.maxCol]+"2", kind, excelize.DataValidationOperatorBetween)
			what = fmt.Sprintf("%s 至 %s 的%s", k.min, k.maxCol, what)
		case k.max != "":
			err = dv.SetRange(k.min, k.max, kind, excelize.DataValidationOperatorBetween)
			what = fmt.Sprintf("%s 至 %s 的%s", k.min, k.max, what)
		default:
			err = dv.SetRange(k.min, "", kind, excelize.DataValidationOperatorGreaterThanOrEqual)
			what = fmt.Sprintf("不小于 %s 的%s", k.min, what)
		}
		if err != nil {
			return nil, err
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, c.name, "请填写"+what)
	case k.from > 0:
		if err := dv.SetRange(k.from, k.to, excelize.DataValidationTypeDate, excelize.DataValidationOperatorBetween); err != nil {
			return nil, err
		}
		dv.SetError(excelize.DataValidationErrorStyleWarning, c.name, "请填写日期，如 2025-03-01")
	default:
		return nil, nil
	}
	return dv, nil
}

// width gives column c a width that fits its header and its first values
// (a CJK character counting two), between 8 and 60.
func width(c column, rows [][]any, i int) float64 {
	w := workbook.TextWidth(c.name) + 4
	if c.date {
		w = max(w, 12)
	}
	for _, r := range rows[:min(len(rows), 500)] {
		switch v := r[i].(type) {
		case string:
			w = max(w, workbook.TextWidth(v)+2)
		case int:
			w = max(w, len(strconv.Itoa(v))+2)
		}
	}
	if !c.office && !c.date && c.check.list == "" && !c.check.whole && !c.check.decimal {
		w = max(w, 20) // free text: room to write
	}
	return float64(min(max(w, 8), 60))
}

// choiceSheet is the hidden sheet 选项: a column per list of choices, its
// name in row 1 and its values below, which the drop-downs refer to by
// range (a list typed into a validation holds at most 255 characters).
type choiceSheet struct {
	f    *excelize.File
	in   Input
	t    *table
	cols map[string]string // list → its range, "" for an empty list
	n    int
}

// ref gives the range of a list, writing the list on first use.
func (c *choiceSheet) ref(list string) (string, error) {
	if r, ok := c.cols[list]; ok {
		return r, nil
	}
	values := choices(c.in, c.t, list)
	if len(values) == 0 {
		c.cols[list] = ""
		return "", nil
	}
	c.n++
	col, _ := excelize.ColumnNumberToName(c.n)
	cells := make([]any, 0, len(values)+1)
	cells = append(cells, list)
	for _, v := range values {
		cells = append(cells, v)
	}
	for i, v := range cells {
		if err := c.f.SetCellStr(record.ChoicesSheet, col+strconv.Itoa(i+1), v.(string)); err != nil {
			return "", err
		}
	}
	if err := c.f.SetColWidth(record.ChoicesSheet, col, col, 16); err != nil {
		return "", err
	}
	r := fmt.Sprintf("'%s'!$%s$2:$%s$%d", record.ChoicesSheet, col, col, len(values)+1)
	c.cols[list] = r
	return r, nil
}

// finish hides and protects the sheet.
func (c *choiceSheet) finish() error {
	if err := c.f.SetSheetVisible(record.ChoicesSheet, false); err != nil {
		return err
	}
	return c.f.ProtectSheet(record.ChoicesSheet, &excelize.SheetProtectionOptions{SelectLockedCells: true, SelectUnlockedCells: true})
}
