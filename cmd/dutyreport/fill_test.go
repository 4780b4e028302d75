package main

import (
	"strconv"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/xuri/excelize/v2"
)

// fillxlsx fills in a column of a workbook's first sheet as a unit fills in
// a template: every row below the header that has a value in column A gets
// VALUE in the column headed COLUMN, or the value of the column headed
// OTHER in the same row for @OTHER.
//
//	fillxlsx data/2024/纪实台账.xlsx 实际完成次数 @应完成次数
func fillxlsx(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: fillxlsx file.xlsx COLUMN VALUE|@OTHER")
	}
	editXLSX(ts, args[0], func(f *excelize.File, sheet string, col map[string]int, rows [][]string) {
		c, ok := col[args[1]]
		if !ok {
			ts.Fatalf("%s has no column %s", args[0], args[1])
		}
		for r := 1; r < len(rows); r++ {
			if len(rows[r]) == 0 || rows[r][0] == "" {
				continue
			}
			v := args[2]
			if len(v) > 1 && v[0] == '@' {
				o, ok := col[v[1:]]
				if !ok {
					ts.Fatalf("%s has no column %s", args[0], v[1:])
				}
				v = ""
				if o < len(rows[r]) {
					v = rows[r][o]
				}
			}
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if n, err := strconv.ParseFloat(v, 64); err == nil {
				ts.Check(f.SetCellFloat(sheet, cell, n, -1, 64))
			} else {
				ts.Check(f.SetCellStr(sheet, cell, v))
			}
		}
	})
}

// delcol deletes the column headed COLUMN from a workbook's first sheet, as
// a unit that tidies a template up might.
//
//	delcol data/2024/纪实台账.xlsx 实际完成次数
func delcol(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: delcol file.xlsx COLUMN")
	}
	editXLSX(ts, args[0], func(f *excelize.File, sheet string, col map[string]int, _ [][]string) {
		c, ok := col[args[1]]
		if !ok {
			ts.Fatalf("%s has no column %s", args[0], args[1])
		}
		name, _ := excelize.ColumnNumberToName(c + 1)
		ts.Check(f.RemoveCol(sheet, name))
	})
}

// editXLSX opens a workbook, gives its first sheet to edit with the column
// of each header of row 1, and saves it in place (its document properties,
// the template's marker among them, kept, as Excel keeps them).
func editXLSX(ts *testscript.TestScript, file string, edit func(f *excelize.File, sheet string, col map[string]int, rows [][]string)) {
	f, err := excelize.OpenFile(ts.MkAbs(file))
	ts.Check(err)
	defer f.Close()
	sheet := f.GetSheetName(0)
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	ts.Check(err)
	if len(rows) == 0 {
		ts.Fatalf("%s: sheet %s is empty", file, sheet)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	edit(f, sheet, col, rows)
	ts.Check(f.Save())
}
