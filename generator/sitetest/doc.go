// Package sitetest makes the input files that tests, benchmarks and the
// example sites are built from.
//
// It writes real .xlsx workbooks with excelize (WriteWorkbook), so that
// every test reads the same kind of file a clerk exports from Excel or WPS;
// it reads sheets written as text (ParseTSV), because a fixture in a txtar
// archive or a testdata folder must be text; and it generates the example
// sites' data deterministically (WriteExample, WriteJingzhou), so that the
// committed data/ folders can be regenerated and reviewed byte for byte.
//
// It is used by tests and by cmd/exampledata, never by a build.
package sitetest
