package sitetest

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"dutyreport/generator/workbook"
)

// ParseTSV reads sheets written as text, the form a workbook takes in a
// txtar archive or a testdata folder (data/2024/民主测评.xlsx.tsv). name is
// used in error messages only.
//
//	# sheet: Sheet1         starts a sheet (without one, a sheet "Sheet1")
//	# merge: A1:E1          merges a range of the current sheet
//	# hidden                hides the current sheet
//	# chartsheet: 图表       adds a chart sheet (a chart of the first sheet)
//	序号	单位编码	平均分   any other line is a row of tab-separated cells
//
// Each line is one row, so a fixture's line numbers map to its row numbers;
// an empty line is an empty row, and empty lines at the end of a sheet are
// dropped. A line beginning with "# " is a directive; an unknown one is an
// error. Cells are typed as a clerk's typing would be:
//
//	90, 89.995, -2          a number (its text is stored exactly, see Number)
//	'0012                   text: the apostrophe forces text and is removed
//	#date:2024-03-01        a date (a DateCell)
//	#percent:0.925          a number shown as a percent (a Percent)
//	#formula:SUM(B3:C3)     a formula the file holds no value for
//	#formula:SUM(B3:C3)=>90 a formula with its saved value
//	(empty)                 an empty cell
//	anything else           text, e.g. ８９．５ (full-width digits stay text)
func ParseTSV(name, text string) ([]Sheet, error) {
	var (
		sheets []Sheet
		cur    *Sheet
	)
	start := func(sheetName string) {
		sheets = append(sheets, Sheet{Name: sheetName})
		cur = &sheets[len(sheets)-1]
	}
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	for i, line := range lines {
		lineNo := i + 1
		if rest, ok := strings.CutPrefix(line, "# "); ok {
			key, val, ok := strings.Cut(rest, ":")
			val = strings.TrimSpace(val)
			switch key = strings.TrimSpace(key); {
			case ok && key == "sheet":
				if val == "" {
					return nil, fmt.Errorf("%s:%d: # sheet: needs a sheet name", name, lineNo)
				}
				for _, s := range sheets {
					if s.Name == val {
						return nil, fmt.Errorf("%s:%d: sheet %q is defined twice", name, lineNo, val)
					}
				}
				start(val)
			case key == "hidden" && !ok:
				if cur == nil {
					start("Sheet1")
				}
				cur.Hidden = true
			case ok && key == "chartsheet":
				if val == "" || len(sheets) == 0 {
					return nil, fmt.Errorf("%s:%d: # chartsheet: needs a name, after a sheet of data", name, lineNo)
				}
				sheets = append(sheets, Sheet{Name: val, Chart: true})
				cur = nil
			case ok && key == "merge":
				if cur == nil {
					start("Sheet1")
				}
				if err := workbook.CheckRange(val); err != nil {
					return nil, fmt.Errorf("%s:%d: %v", name, lineNo, err)
				}
				cur.Merges = append(cur.Merges, val)
			default:
				return nil, fmt.Errorf("%s:%d: unknown directive %q: want \"# sheet: NAME\" or \"# merge: A1:H1\"", name, lineNo, line)
			}
			continue
		}
		if cur == nil {
			if line == "" {
				continue // blank lines before the first row or directive
			}
			start("Sheet1")
		}
		row, err := parseTSVRow(line)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %v", name, lineNo, err)
		}
		cur.Rows = append(cur.Rows, row)
	}
	for i := range sheets {
		rows := sheets[i].Rows
		for len(rows) > 0 && len(rows[len(rows)-1]) == 0 {
			rows = rows[:len(rows)-1]
		}
		sheets[i].Rows = rows
	}
	if len(sheets) == 0 {
		return nil, fmt.Errorf("%s: no sheet and no rows", name)
	}
	return sheets, nil
}

func parseTSVRow(line string) ([]any, error) {
	if line == "" {
		return nil, nil
	}
	cells := strings.Split(line, "\t")
	row := make([]any, len(cells))
	for i, c := range cells {
		v, err := parseTSVCell(c)
		if err != nil {
			return nil, fmt.Errorf("column %d: %v", i+1, err)
		}
		row[i] = v
	}
	return row, nil
}

// decimalText is a plain decimal number as a clerk types it: no exponent,
// no thousands separator, ASCII digits only.
var decimalText = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`)

func parseTSVCell(c string) (any, error) {
	switch {
	case c == "":
		return nil, nil
	case strings.HasPrefix(c, "'"):
		return c[1:], nil
	case strings.HasPrefix(c, "#percent:"):
		s := strings.TrimPrefix(c, "#percent:")
		if !decimalText.MatchString(s) {
			return nil, fmt.Errorf("%q: want #percent: and a number", c)
		}
		return Percent(s), nil
	case strings.HasPrefix(c, "#formula:"):
		expr, cached, has := strings.Cut(strings.TrimPrefix(c, "#formula:"), "=>")
		if !has {
			return Formula{Expr: expr}, nil
		}
		v, err := parseTSVCell(cached)
		if err != nil {
			return nil, err
		}
		return Formula{Expr: expr, Cached: v}, nil
	case strings.HasPrefix(c, "#date:"):
		s := strings.TrimPrefix(c, "#date:")
		t, err := time.Parse("2006-01-02", s)
		if err != nil {
			return nil, fmt.Errorf("%q: want #date:YYYY-MM-DD with a day that exists", c)
		}
		return workbook.DateOf(t), nil
	case decimalText.MatchString(c):
		return Number(c), nil
	}
	return c, nil
}
