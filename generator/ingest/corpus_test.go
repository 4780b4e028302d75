package ingest

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
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
	t.Parallel()
	if _, err := os.Stat(corpus); err != nil {
		t.Skip("no corpus beside the repository")
	}
	tally := map[string]int{}
	for _, r := range readCorpus(t) {
		if r.class == "" {
			t.Errorf("%s: still reading after %v", r.file, corpusTimeout)
			continue
		}
		if strings.HasPrefix(r.class, "panic") || r.class == "refused: "+string(problem.IngestUnreadable) {
			t.Errorf("%s: %s (every refusal should say what the file is)", r.file, r.class)
		}
		tally[r.class]++
		if os.Getenv("CORPUS_LIST") != "" && r.class != "read" {
			t.Logf("REFUSED %s %s", strings.TrimPrefix(r.file, corpus+"/"), r.class)
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

// TestReaderAgreesWithExcelize reads every corpus workbook that excelize
// reads too, and compares the raw text of every cell of every worksheet.
func TestReaderAgreesWithExcelize(t *testing.T) {
	t.Parallel()
	if _, err := os.Stat(corpus); err != nil {
		t.Skip("no corpus beside the repository")
	}
	compared := 0
	for _, r := range readCorpus(t) {
		if !r.excelize {
			continue
		}
		if r.class == "" {
			t.Errorf("%s: still reading after %v", r.file, corpusTimeout)
			continue
		}
		for _, e := range r.differs {
			t.Error(e)
		}
		if r.compared {
			compared++
		}
	}
	t.Logf("%d workbooks compared cell by cell", compared)
}

// corpusTimeout is how long the reading of one corpus file may take.
const corpusTimeout = 30 * time.Second

// corpusRead is what reading one corpus file gave. The corpus is read once
// per test binary, by the two tests above together: each file once with
// our reader (every sheet to its end, as TestCorpus requires, keeping the
// cells of the worksheets compared with excelize's), on every core.
type corpusRead struct {
	file string
	// class is "read" or the class of the problem that refused the file
	// (what readAll gives), "panic: …", or "" when the reading did not end
	// within corpusTimeout.
	class string
	// excelize is set for a workbook of the comparison (one excelize
	// reads, and not an attack); compared when it was read and compared,
	// differs where it differs from excelize's reading.
	excelize, compared bool
	differs            []string
	// scanned counts the sheets of a workbook read both by the byte
	// scanner and by the tokenizer it replaced; scanDiffs where they
	// differ (TestSheetScanAgreesOnCorpus).
	scanned   int
	scanDiffs []string
}

var (
	corpusOnce  sync.Once
	corpusReads []corpusRead
)

func readCorpus(t *testing.T) []corpusRead {
	corpusOnce.Do(func() {
		var files []string
		_ = filepath.WalkDir(corpus, func(p string, d fs.DirEntry, err error) error {
			if ext := strings.ToLower(filepath.Ext(p)); err == nil && !d.IsDir() && ext != ".md" && ext != ".tsv" {
				files = append(files, p)
			}
			return nil
		})
		compare := map[string]bool{}
		for _, f := range comparedWithExcelize() {
			compare[f] = true
		}
		reads := make([]corpusRead, len(files))
		next := make(chan int)
		var wg sync.WaitGroup
		for range runtime.GOMAXPROCS(0) {
			wg.Go(func() {
				for i := range next {
					reads[i] = readCorpusFile(files[i], compare[files[i]])
				}
			})
		}
		for i := range files {
			next <- i
		}
		close(next)
		wg.Wait()
		corpusReads = reads
	})
	if corpusReads == nil {
		t.Fatal("reading the corpus failed in an earlier test")
	}
	return corpusReads
}

// comparedWithExcelize lists the corpus workbooks compared with excelize's
// reading: not the attacks, whose reading by excelize is no reference.
func comparedWithExcelize() []string {
	files, _ := filepath.Glob(filepath.Join(corpus, "*", "*", "*.xlsx"))
	more, _ := filepath.Glob(filepath.Join(corpus, "*", "*", "*", "*.xlsx"))
	var out []string
	for _, f := range append(files, more...) {
		if strings.Contains(f, "clusterfuzz") || strings.Contains(f, "crash-") || strings.Contains(f, "poc-") || strings.Contains(f, "54764") {
			continue // attacks: excelize's reading of them is no reference
		}
		if strings.HasSuffix(f, "empty_s_attribute.xlsx") {
			continue // excelize gives up on a style attribute s="" and reads no text
		}
		out = append(out, f)
	}
	return out
}

// readCorpusFile reads one corpus file with our reader, in a goroutine of
// its own so that a panic is caught and a hang is given up on; a workbook
// of the comparison is read by excelize first, and compared.
func readCorpusFile(f string, compare bool) corpusRead {
	r := corpusRead{file: f}
	var want map[string][][]string
	if compare {
		w, err := excelizeRows(f)
		if err == nil && len(w) > 0 {
			r.excelize, want = true, w
		}
	}
	done := make(chan corpusRead, 1)
	go func() {
		res := r
		defer func() {
			if p := recover(); p != nil {
				res.class = fmt.Sprintf("panic: %v", p)
				if res.excelize {
					res.differs = append(res.differs, fmt.Sprintf("%s: panic: %v", f, p))
				}
				done <- res
			}
		}()
		readWorkbook(&res, want)
		done <- res
	}()
	select {
	case r = <-done:
	case <-time.After(corpusTimeout):
		return r
	}
	if isWorkbook(f) {
		scan := make(chan sheetComparison, 1)
		go func() { scan <- compareWorkbook(f) }()
		select {
		case c := <-scan:
			r.scanned, r.scanDiffs = c.sheets, c.diffs
		case <-time.After(2 * corpusTimeout):
			r.scanDiffs = []string{"still comparing after " + (2 * corpusTimeout).String()}
		}
	}
	return r
}

// readWorkbook opens a workbook and reads every sheet to its end; r.class
// is then "read" or the class of the problem that refused it, at the
// first sheet that failed. The worksheets want has (excelize's reading)
// are compared with it; a sheet that fails does not stop their reading.
func readWorkbook(r *corpusRead, want map[string][][]string) {
	var probs problem.List
	wb, ok := openFile(r.file, filepath.Base(r.file), &probs)
	if !ok {
		r.class = "refused: " + string(probs[0].Code)
		if want != nil && !strings.HasSuffix(r.file, "/duplicate-filename.xlsx") {
			// (two parts of one name: excelize reads the last, we refuse)
			r.differs = append(r.differs, fmt.Sprintf("%s: excelize reads it, we refuse it: %v", r.file, probs))
		}
		return
	}
	defer wb.Close()
	for i := range wb.sheets {
		var w [][]string
		compared := false
		if want != nil && i < len(wb.info) && wb.info[i].worksheet {
			w, compared = want[wb.info[i].name]
		}
		if r.class != "" && !compared {
			continue // refused already: read on only what is compared
		}
		var got [][]string
		err := wb.eachRow(i, func(_ int, cells []string) bool {
			if compared {
				got = append(got, slices.Clone(cells))
			}
			return true
		})
		if err != nil {
			if r.class == "" {
				code, _ := readFailure(nil, err)
				r.class = "refused: " + string(code) + " (a sheet)"
			}
			if compared {
				r.differs = append(r.differs, fmt.Sprintf("%s!%s: %v", r.file, wb.info[i].name, err))
			}
			continue
		}
		if compared {
			if diff := firstDiff(trimRows(got), trimRows(w)); diff != "" {
				r.differs = append(r.differs, fmt.Sprintf("%s!%s: cells differ from excelize's: %s", r.file, wb.info[i].name, diff))
			}
		}
	}
	if r.class == "" {
		r.class = "read"
	}
	r.compared = want != nil
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
