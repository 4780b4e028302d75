// Package blank writes the blank workbooks (templates) of a year that the
// office sends to units to fill in: a ledger (纪实台账) with a row for each
// unit and task, the democratic evaluation (民主测评) with a row for each
// ranked unit, the score sheet (考核得分汇总表) of a scheme scored by hand,
// and the case register (责任追究台账) and the roster (人员名单) as a header
// with drop-downs.
//
// It takes the scheme, the units register, site.yaml's inputs and a year,
// and returns each workbook's name and bytes; it reads and writes no file.
// A header is made from the columns ingest reads the kind by (ingest.Columns),
// so a template filled in and returned is read as it is. Every workbook says
// what it is in its marker (record.TemplateMarker), which ingest uses to tell
// a clerk that a returned file is not the year's template.
//
// The same inputs give the same bytes: the document properties are fixed,
// and units, tasks and lists are written in the register's and the scheme's
// order.
package blank
