// Package ingest reads the site's spreadsheets into typed records.
//
// It takes the validated configuration and returns the units register, one
// record.Year per year, the table of files that Origins index, and every
// problem found: a bad cell is reported with its file, sheet and cell, and
// the row is skipped, so one run reports every problem.
//
// It streams rows and keeps only the records; it never holds a workbook it
// does not need. It must not score anything: that is scoring's work.
package ingest
