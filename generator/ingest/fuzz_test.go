package ingest

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"dutyreport/generator/problem"
	"dutyreport/generator/record"
	"dutyreport/generator/sitetest"
)

// Fuzz targets. CI runs their seeds (here and in testdata/fuzz) as tests;
// during development each runs for ten minutes or more:
//
//	go test ./generator/ingest -run '^$' -fuzz FuzzCellValue -fuzztime 10m
//
// and every input that fails is committed under testdata/fuzz.

// FuzzCellValue: no cell text makes the value readers panic, and what they
// accept is consistent: a score reads back from its own text, a count is
// not negative, a date falls in the years allowed.
func FuzzCellValue(f *testing.F) {
	for _, s := range []string{
		"90", " 85.5 ", "９０．５分", "1,234.5", "1 234", "92.5%", "−2", "—", "无", "/",
		"2024年3月1日", "2024/3/1", "2024.3.1", "45352", "45352.75", "1e400", "-0", "0.1e-3",
		"89.994999999999997", "12,34", "_x0000_", "9.2500000000000004E-1", "%", "分",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if p, ok := parsePoints(s, true); ok {
			if q, err := record.ParsePoints(p.String()); err != nil || q != p {
				t.Errorf("parsePoints(%q) = %s, which reads back as %s %v", s, p, q, err)
			}
		}
		parsePoints(s, false)
		if n, ok := parseCount(s); ok && n < 0 {
			t.Errorf("parseCount(%q) = %d", s, n)
		}
		for _, d1904 := range []bool{false, true} {
			if d, ok := parseDate(s, d1904); ok && (d.Year() < minDateYear || d.Year() > maxDateYear) {
				t.Errorf("parseDate(%q) = %s, outside the years allowed", s, d)
			}
		}
		none(s)
		percentText(s)
		unescape(s)
	})
}

// FuzzHeader: rows of text (cells split by tabs, rows by line breaks) never
// make the header finder panic, and a header it finds has every required
// column, each in a column of its own.
func FuzzHeader(f *testing.F) {
	for _, s := range []string{
		"2024年度纪实台账\n单位编码\t责任类别\t任务编号\t应完成次数\t实际完成次数",
		"\t\t主体责任\t\n单位编码\t单位名称\t基础分\t扣分",
		"单位名称\t*责任类别\t任务编号\t应完成次数（次）\t实际完成\n一镇\t主体责任\tA1\t1\t1",
		"编码\n编码\n编码",
		"",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		finder := newHeaderFinder(ledgerColumns)
		for _, line := range strings.Split(s, "\n") {
			if finder.add(strings.Split(line, "\t")) {
				break
			}
		}
		finder.problem("f.xlsx", "Sheet1")
		if !finder.ok {
			return
		}
		used := map[int]bool{}
		for w, at := range finder.best.at {
			if at < 0 {
				if ledgerColumns[w].required {
					t.Errorf("header at row %d lacks required %s", finder.best.row, ledgerColumns[w].name)
				}
				continue
			}
			if used[at] {
				t.Errorf("column %d matched twice", at)
			}
			used[at] = true
		}
	})
}

// FuzzWorkbook: no file makes reading panic or hang; it is read, or refused
// with a problem. The seeds are workbooks the test helper writes (Excel's
// layout: shared strings, styles, merged titles, dates, formulas, hidden and
// chart sheets), hand-made minimal ones, CSV, and the small files of the
// shared corpus when it is there.
func FuzzWorkbook(f *testing.F) {
	dir := f.TempDir()
	sheets, err := sitetest.ParseTSV("seed", strings.Join([]string{
		"# merge: A1:D1", "2024年度民主测评", "单位编码\t平均分\t有效票数\t日期",
		"T01\t#percent:0.925\t120\t#date:2024-03-01", "T02\t#formula:SUM(B3:B4)=>90\t'0012\t2024年3月1日",
		"# sheet: 说明", "# hidden", "x", "# chartsheet: 图表"}, "\n"))
	if err != nil {
		f.Fatal(err)
	}
	seed := filepath.Join(dir, "seed.xlsx")
	if err := sitetest.WriteWorkbook(seed, sheets...); err != nil {
		f.Fatal(err)
	}
	if b, err := os.ReadFile(seed); err == nil {
		f.Add(b)
	}
	f.Add(minimalXLSX(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>平均分</t></is></c></row><row r="3"><c r="A3"><f>1+1</f></c><c r="B3" s="1"><v>0.5</v></c></row>`, []string{"单位编码"}))
	f.Add([]byte("单位编码,平均分\r\nT01,90\r\n\r\n合计,90\r\n"))
	f.Add([]byte("\xef\xbb\xbf\"a\nb\",c\n"))
	f.Add([]byte(fods(`<table:table-row><table:table-cell office:value-type="string"><text:p>单位编码</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="90"/></table:table-row>`)))
	files, _ := filepath.Glob(filepath.Join(corpus, "*", "*", "*.xlsx"))
	more, _ := filepath.Glob(filepath.Join(corpus, "*", "*", "*.xls"))
	fixtures, _ := filepath.Glob(filepath.Join(formatsDir, "*", "民主测评.*"))
	if files = slices.Concat(files, more, fixtures); len(files) > 0 {
		for _, file := range files {
			if st, err := os.Stat(file); err == nil && st.Size() < 16<<10 {
				if b, err := os.ReadFile(file); err == nil {
					f.Add(b)
				}
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		file := filepath.Join(t.TempDir(), "f.xlsx")
		if err := os.WriteFile(file, data, 0o644); err != nil {
			t.Fatal(err)
		}
		done := make(chan problem.List, 1)
		go func() {
			var probs problem.List
			wb, ok := openFile(file, "f.xlsx", &probs)
			if ok {
				tb := &table{wb: wb, want: evaluationColumns, probs: &probs, rejected: map[string]bool{}}
				tb.read(func(r row) {
					parsePoints(r.raw(eAverage), true)
					unitKeyOK(r)
				})
				wb.Close()
			}
			done <- probs
		}()
		select {
		case probs := <-done:
			for _, p := range probs {
				if p.Code.Message(problem.EN) == string(p.Code) { // not in the catalogue
					t.Errorf("an unclassified problem: %v", p)
				}
				if strings.Contains(p.Found, "zip: ") && p.Code != problem.IngestDamaged {
					t.Errorf("an unclassified problem: %v", p)
				}
			}
		case <-time.After(20 * time.Second):
			t.Fatal("reading took more than 20 s")
		}
	})
}

// unitKeyOK exercises the row's helpers that readers use.
func unitKeyOK(r row) {
	r.unitKey()
	r.totalRow()
	r.text(eCode)
	r.pos(eAverage)
	r.origin(eAverage)
}
