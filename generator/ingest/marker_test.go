package ingest

import (
	"testing"

	"dutyreport/generator/problem"
	"dutyreport/generator/record"
	"dutyreport/generator/sitefs"
)

// TestSampleMarkerKept: a sample workbook of `dutyreport new` says it is
// one, and so does its copy LibreOffice saved as .ods or .xls (testdata/
// marker: sample.xlsx written by `new`, the others by soffice
// --convert-to from it): converting the sample does not make it the
// county's own.
func TestSampleMarkerKept(t *testing.T) {
	files := sitefs.Open("testdata/marker")
	defer files.Close()
	for _, name := range []string{"sample.xlsx", "sample.ods", "sample.xls"} {
		var probs problem.List
		wb, ok := openWorkbook(files, name, &probs)
		if !ok {
			t.Fatalf("%s: %v", name, probs)
		}
		if wb.marker != record.MarkerSample {
			t.Errorf("%s says it is %q, want %q", name, wb.marker, record.MarkerSample)
		}
		wb.Close()
	}
}
