package ingest

import (
	"archive/zip"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dutyreport/generator/problem"
)

// minimalXLSX writes the smallest workbook Excel opens: one sheet with the
// given sheetData rows (XML), and a shared-string table when sst is given.
// Tests of hostile files build theirs with it, so that each is readable in
// its test rather than an opaque binary.
func minimalXLSX(rows string, sst []string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	put := func(name, body string) {
		w, _ := zw.Create(name)
		w.Write([]byte(body))
	}
	put("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`)
	put("_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`)
	put("xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`)
	put("xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`)
	put("xl/worksheets/sheet1.xml", `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`+rows+`</sheetData></worksheet>`)
	if sst != nil {
		var b strings.Builder
		for _, s := range sst {
			b.WriteString("<si><t>" + s + "</t></si>")
		}
		put("xl/sharedStrings.xml", fmt.Sprintf(`<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">%s</sst>`, len(sst), len(sst), b.String()))
	}
	zw.Close()
	return buf.Bytes()
}

// readTable opens data as a file and reads every row of its first sheet,
// through the same entry point as a build, returning the problems.
func readTable(t *testing.T, name string, data []byte) problem.List {
	t.Helper()
	f := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(f, data, 0o644); err != nil {
		t.Fatal(err)
	}
	var probs problem.List
	wb, ok := openFile(f, name, &probs)
	if !ok {
		return probs
	}
	defer wb.Close()
	tb := &table{wb: wb, want: []column{{name: "单位编码", required: true}}, probs: &probs, rejected: map[string]bool{}}
	tb.read(func(row) {})
	return probs
}

// lower sets a limit for one test.
func lower[T any](t *testing.T, v *T, to T) {
	old := *v
	*v = to
	t.Cleanup(func() { *v = old })
}

// TestLimits: a file past a reading limit is one clear problem, not a
// hang, a crash or all the memory of the machine. The limits are lowered
// for the test; the files are what an attack would be, made small.
func TestLimits(t *testing.T) {
	row := func(n int) string {
		return fmt.Sprintf(`<row r="%d"><c r="A%d" t="inlineStr"><is><t>T%02d</t></is></c></row>`, n, n, n%100)
	}
	var many strings.Builder
	many.WriteString(`<row r="1"><c r="A1" t="inlineStr"><is><t>单位编码</t></is></c></row>`)
	for i := 2; i < 20000; i++ {
		many.WriteString(row(i))
	}
	t.Run("decompressed size (a zip bomb)", func(t *testing.T) {
		lower(t, &maxPartBytes, 1<<20)
		data := minimalXLSX(row(1)+strings.Repeat(" ", 8<<20)+row(2), nil)
		if len(data) > 64<<10 {
			t.Fatalf("the bomb should be small packed, is %d bytes", len(data))
		}
		expectCode(t, readTable(t, "bomb.xlsx", data), problem.IngestTooLarge, "unpacks to more than")
	})
	t.Run("file size, before anything is read", func(t *testing.T) {
		lower(t, &maxFileBytes, 1<<10)
		expectCode(t, readTable(t, "big.xlsx", minimalXLSX(many.String(), nil)), problem.IngestTooLarge, "more than the 1 KiB")
		expectCode(t, readTable(t, "big.csv", bytes.Repeat([]byte("T01,1\n"), 1000)), problem.IngestTooLarge, "an input file may be")
	})
	t.Run("rows", func(t *testing.T) {
		lower(t, &maxRows, 1000)
		expectCode(t, readTable(t, "rows.xlsx", minimalXLSX(many.String(), nil)), problem.IngestTooLarge, "beyond Excel's last row")
	})
	t.Run("row past Excel's last", func(t *testing.T) {
		expectCode(t, readTable(t, "r.xlsx", minimalXLSX(row(1)+`<row r="1048577"><c r="A1048577"><v>1</v></c></row>`, nil)), problem.IngestTooLarge, "beyond Excel's last row")
	})
	t.Run("column past XFD", func(t *testing.T) {
		expectCode(t, readTable(t, "c.xlsx", minimalXLSX(`<row r="1"><c r="XFE1"><v>1</v></c></row>`, nil)), problem.IngestTooLarge, "last column")
	})
	t.Run("shared strings", func(t *testing.T) {
		lower(t, &maxStrings, 100)
		sst := make([]string, 101)
		for i := range sst {
			sst[i] = fmt.Sprint(i)
		}
		expectCode(t, readTable(t, "sst.xlsx", minimalXLSX(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`, sst)), problem.IngestTooLarge, "strings")
	})
	t.Run("one endless cell", func(t *testing.T) {
		lower(t, &maxCellBytes, 1<<10)
		cell := `<row r="1"><c r="A1" t="inlineStr"><is><t>` + strings.Repeat("x", 4<<10) + `</t></is></c></row>`
		expectCode(t, readTable(t, "cell.xlsx", minimalXLSX(cell, nil)), problem.IngestTooLarge, "longer than")
	})
	t.Run("CSV without line breaks", func(t *testing.T) {
		lower(t, &maxCSVLine, 1<<10)
		expectCode(t, readTable(t, "x.csv", bytes.Repeat([]byte("a,"), 4<<10)), problem.IngestTooLarge, "line longer than")
	})
	t.Run("CSV rows", func(t *testing.T) {
		lower(t, &maxRows, 10)
		expectCode(t, readTable(t, "x.csv", bytes.Repeat([]byte("T01,1\n"), 20)), problem.IngestTooLarge, "beyond Excel's last row")
	})
}

// expectCode requires one problem of code whose value found, or detail,
// says found.
func expectCode(t *testing.T, probs problem.List, code problem.Code, found string) {
	t.Helper()
	if len(probs) != 1 || probs[0].Code != code || !strings.Contains(probs[0].Found+probs[0].Detail, found) {
		t.Errorf("got %v, want one %s saying %q", probs, code, found)
	}
}

// TestSharedFormulaWithoutValues: the cells of a shared formula hold only
// <f t="shared" si="0"/>; without values they are uncomputed too, not blank.
func TestSharedFormulaWithoutValues(t *testing.T) {
	rows := `<row r="1"><c r="A1" t="inlineStr"><is><t>单位编码</t></is></c><c r="B1" t="inlineStr"><is><t>平均分</t></is></c></row>` +
		`<row r="2"><c r="A2" t="inlineStr"><is><t>T01</t></is></c><c r="B2"><f t="shared" ref="B2:B3" si="0">D2*1</f></c></row>` +
		`<row r="3"><c r="A3" t="inlineStr"><is><t>T02</t></is></c><c r="B3"><f t="shared" si="0"/></c></row>`
	f := filepath.Join(t.TempDir(), "s.xlsx")
	if err := os.WriteFile(f, minimalXLSX(rows, nil), 0o644); err != nil {
		t.Fatal(err)
	}
	var probs problem.List
	wb, ok := openFile(f, "s.xlsx", &probs)
	if !ok {
		t.Fatal(probs)
	}
	defer wb.Close()
	tb := &table{wb: wb, want: evaluationColumns, probs: &probs, rejected: map[string]bool{}}
	read := 0
	tb.read(func(row) { read++ })
	if read != 0 || len(probs) != 1 || probs[0].Code != problem.IngestUncomputedFormula || len(probs[0].Notes) != 1 ||
		!strings.Contains(probs[0].Notes[0].Text.In(problem.EN), "1 more") || !tb.rejected["T01"] || !tb.rejected["T02"] {
		t.Errorf("read %d rows, problems %v, rejected %v", read, probs, tb.rejected)
	}
}
