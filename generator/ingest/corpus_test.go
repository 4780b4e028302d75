package ingest

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"dutyreport/generator/problem"
)

// corpus holds third-party spreadsheets, fuzz cases and attacks among them,
// beside the repository (see its SOURCES.md); never copied in.
const corpus = "../../../shared/corpus/xlsx-real"

// TestCorpus reads every file of the corpus (.xls, .ods and .xlsb among
// them), each sheet to its end, and requires that none panics or hangs:
// each is read or refused with a problem that says what the file is. It
// prints the tally by class.
func TestCorpus(t *testing.T) {
	if _, err := os.Stat(corpus); err != nil {
		t.Skip("no corpus beside the repository")
	}
	var files []string
	_ = filepath.WalkDir(corpus, func(p string, d fs.DirEntry, err error) error {
		if ext := strings.ToLower(filepath.Ext(p)); err == nil && !d.IsDir() && ext != ".md" && ext != ".tsv" {
			files = append(files, p)
		}
		return nil
	})
	tally := map[string]int{}
	for _, f := range files {
		done := make(chan string, 1)
		go func() {
			defer func() {
				if r := recover(); r != nil {
					done <- fmt.Sprintf("panic: %v", r)
				}
			}()
			done <- readAll(f)
		}()
		select {
		case res := <-done:
			if strings.HasPrefix(res, "panic") || res == "refused: "+string(problem.IngestUnreadable) {
				t.Errorf("%s: %s (every refusal should say what the file is)", f, res)
			}
			tally[res]++
			if os.Getenv("CORPUS_LIST") != "" && res != "read" {
				t.Logf("REFUSED %s %s", strings.TrimPrefix(f, corpus+"/"), res)
			}
		case <-time.After(30 * time.Second):
			t.Errorf("%s: still reading after 30 s", f)
		}
	}
	var keys []string
	for k := range tally {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		t.Logf("%5d  %s", tally[k], k)
	}
}

// readAll opens a workbook and reads every sheet; it returns "read" or the
// class of the problem that refused it.
func readAll(file string) string {
	var probs problem.List
	wb, ok := openFile(file, filepath.Base(file), &probs)
	if !ok {
		return "refused: " + string(probs[0].Code)
	}
	defer wb.Close()
	for i := range wb.sheets {
		if err := wb.eachRow(i, func(int, []string) bool { return true }); err != nil {
			code, _ := readFailure(nil, err)
			return "refused: " + string(code) + " (a sheet)"
		}
	}
	return "read"
}

// TestReaderAgreesWithExcelize reads every corpus workbook that excelize
// reads too, and compares the raw text of every cell of every worksheet.
func TestReaderAgreesWithExcelize(t *testing.T) {
	if _, err := os.Stat(corpus); err != nil {
		t.Skip("no corpus beside the repository")
	}
	files, _ := filepath.Glob(filepath.Join(corpus, "*", "*", "*.xlsx"))
	more, _ := filepath.Glob(filepath.Join(corpus, "*", "*", "*", "*.xlsx"))
	files = append(files, more...)
	compared := 0
	for _, f := range files {
		if strings.Contains(f, "clusterfuzz") || strings.Contains(f, "crash-") || strings.Contains(f, "poc-") || strings.Contains(f, "54764") {
			continue // attacks: excelize's reading of them is no reference
		}
		if strings.HasSuffix(f, "empty_s_attribute.xlsx") {
			continue // excelize gives up on a style attribute s="" and reads no text
		}
		want, err := excelizeRows(f)
		if err != nil || len(want) == 0 {
			continue
		}
		var probs problem.List
		wb, ok := openFile(f, f, &probs)
		if !ok && strings.HasSuffix(f, "/duplicate-filename.xlsx") {
			continue // two parts of one name: excelize reads the last, we refuse
		}
		if !ok {
			t.Errorf("%s: excelize reads it, we refuse it: %v", f, probs)
			continue
		}
		for i, s := range wb.info {
			w, ok := want[s.name]
			if !ok || !s.worksheet {
				continue
			}
			var got [][]string
			if err := wb.eachRow(i, func(_ int, cells []string) bool { got = append(got, cells); return true }); err != nil {
				t.Errorf("%s!%s: %v", f, s.name, err)
				continue
			}
			if diff := firstDiff(trimRows(got), trimRows(w)); diff != "" {
				t.Errorf("%s!%s: cells differ from excelize's: %s", f, s.name, diff)
			}
		}
		wb.Close()
		compared++
	}
	t.Logf("%d workbooks compared cell by cell", compared)
}

func excelizeRows(file string) (map[string][][]string, error) {
	f, err := excelize.OpenFile(file, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string][][]string{}
	for _, name := range f.GetSheetList() {
		rows, err := f.GetRows(name, excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, err
		}
		out[name] = rows
	}
	return out, nil
}

// trimRows drops trailing empty cells and rows, which the two readers
// report differently.
func trimRows(rows [][]string) [][]string {
	out := make([][]string, len(rows))
	for i, r := range rows {
		for len(r) > 0 && r[len(r)-1] == "" {
			r = r[:len(r)-1]
		}
		out[i] = r
	}
	for len(out) > 0 && len(out[len(out)-1]) == 0 {
		out = out[:len(out)-1]
	}
	return out
}

// firstDiff names the first cell where a and b differ, "" when none does.
func firstDiff(a, b [][]string) string {
	for i := range max(len(a), len(b)) {
		var x, y []string
		if i < len(a) {
			x = a[i]
		}
		if i < len(b) {
			y = b[i]
		}
		for j := range max(len(x), len(y)) {
			var p, q string
			if j < len(x) {
				p = x[j]
			}
			if j < len(y) {
				q = y[j]
			}
			if !same(p, q) {
				return fmt.Sprintf("%s: %q, excelize %q", problem.CellName(j+1, i+1), p, q)
			}
		}
	}
	return ""
}

// same reports whether our cell text agrees with excelize's raw value. Ours
// differs by design in two ways: a number shown as a percent is given as
// the percent (0.925 → 92.5%), and a formula the file holds no value for
// is marked with its formula where excelize gives "".
func same(ours, theirs string) bool {
	if ours == theirs {
		return true
	}
	if strings.HasPrefix(ours, uncomputed) {
		return theirs == ""
	}
	p, ok := percentText(theirs)
	return ok && p == ours
}
