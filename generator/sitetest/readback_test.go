package sitetest

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/xuri/excelize/v2"
)

// The example tests read the generated workbooks back with excelize, as
// ingest will, rather than trusting the generator's own structures.

// table is a sheet read back: the header's columns by name and the rows
// below it, raw (a date is its serial number).
type table struct {
	col  map[string]int
	rows [][]string
}

// get returns a row's value in the named column, "" when absent.
func (tb table) get(row []string, name string) string {
	i, ok := tb.col[name]
	if !ok || i >= len(row) {
		return ""
	}
	return row[i]
}

func readTable(t *testing.T, path string) table {
	t.Helper()
	f, err := excelize.OpenFile(path, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(f.GetSheetList()[0])
	if err != nil {
		t.Fatal(err)
	}
	for i, row := range rows {
		tb := table{col: map[string]int{}}
		for j, h := range row {
			tb.col[h] = j
		}
		if _, ok := tb.col["单位编码"]; ok {
			tb.rows = rows[i+1:]
			return tb
		}
	}
	t.Fatalf("%s: no header row with 单位编码", path)
	return table{}
}

// hundredths reads a number with at most two decimals, exactly.
func hundredths(t *testing.T, s string) int64 {
	t.Helper()
	neg := strings.HasPrefix(s, "-")
	whole, frac, _ := strings.Cut(strings.TrimPrefix(s, "-"), ".")
	if len(frac) > 2 {
		t.Fatalf("%q has more than two decimals", s)
	}
	w, err1 := strconv.ParseInt(whole, 10, 64)
	f, err2 := strconv.ParseInt(frac+strings.Repeat("0", 2-len(frac)), 10, 64)
	if err1 != nil || err2 != nil {
		t.Fatalf("%q is not a number", s)
	}
	if neg {
		return -(w*100 + f)
	}
	return w*100 + f
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatalf("%q is not a whole number", s)
	}
	return n
}

// copySite copies site.yaml and the files it names from one site folder
// into a fresh temp folder.
func copySite(t testing.TB, from string, files ...string) string {
	t.Helper()
	dir := t.TempDir()
	copySiteTo(t, from, dir, files...)
	return dir
}

func copySiteTo(t testing.TB, from, to string, files ...string) {
	t.Helper()
	for _, name := range append([]string{"site.yaml"}, files...) {
		data, err := os.ReadFile(filepath.Join(from, name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Dir(filepath.Join(to, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(to, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

var (
	qingheOnce sync.Once
	qingheDir  string
	qingheErr  error
)

// generatedQinghe is the 清河县 example written into a temp folder once per
// test run (generating it takes about a second).
func generatedQinghe(t *testing.T) string {
	qingheOnce.Do(func() {
		// Not t.TempDir: the folder outlives the test that made it.
		dir, err := os.MkdirTemp("", "qinghe")
		if err != nil {
			t.Fatal(err)
		}
		qingheDir = dir
		copySiteTo(t, "../..", dir, "schemes/shangnan.yaml")
		if err := WriteExample(dir, ExampleOptions{}); err != nil {
			qingheErr = err
		}
	})
	if qingheErr != nil {
		t.Fatal(qingheErr)
	}
	return qingheDir
}

func TestMain(m *testing.M) {
	code := m.Run()
	if qingheDir != "" {
		os.RemoveAll(qingheDir)
	}
	os.Exit(code)
}

// sameFiles compares the .xlsx files under a/data and b/data byte for byte.
func sameFiles(t *testing.T, a, b, hint string) {
	t.Helper()
	list := func(root string) map[string][]byte {
		out := map[string][]byte{}
		filepath.WalkDir(filepath.Join(root, "data"), func(path string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				rel, _ := filepath.Rel(root, path)
				out[filepath.ToSlash(rel)], _ = os.ReadFile(path)
			}
			return nil
		})
		return out
	}
	x, y := list(a), list(b)
	if len(x) == 0 {
		t.Fatalf("no files under %s/data", a)
	}
	for name, data := range x {
		if other, ok := y[name]; !ok {
			t.Errorf("%s: missing in %s%s", name, b, hint)
		} else if !bytes.Equal(data, other) {
			t.Errorf("%s differs%s", name, hint)
		}
	}
	for name := range y {
		if _, ok := x[name]; !ok {
			t.Errorf("%s: only in %s%s", name, b, hint)
		}
	}
}
