package sitetest

import "dutyreport/generator/workbook"

// The fixtures write their workbooks with the production writer
// (generator/workbook), which `new` also uses; these names keep the
// fixtures' code short.
type (
	Sheet    = workbook.Sheet
	Percent  = workbook.Percent
	Formula  = workbook.Formula
	DateCell = workbook.DateCell
	Number   = workbook.Number
)

// StreamRows is workbook.StreamRows.
const StreamRows = workbook.StreamRows

// WriteWorkbook is workbook.Write.
func WriteWorkbook(path string, sheets ...Sheet) error { return workbook.Write(path, sheets...) }
