package sitetest

import (
	"fmt"
	"path/filepath"
	"testing"
)

// TestScanRows checks the two baselines of ingest against each other and the
// rows written, on a sheet of several 64 KiB reads, with a row element's
// name in a cell's text that neither may count.
func TestScanRows(t *testing.T) {
	t.Parallel()
	rows := [][]any{{"标题"}, {"序号", "说明"}}
	for i := range 3000 {
		rows = append(rows, []any{i + 1, fmt.Sprintf("<row> 第%d行 <rows", i+1)})
	}
	file := filepath.Join(t.TempDir(), "a.xlsx")
	if err := WriteWorkbook(file, Sheet{Name: "Sheet1", Header: 2, Rows: rows}); err != nil {
		t.Fatal(err)
	}
	for name, scan := range map[string]func(string) (int, error){"ScanRowsXML": ScanRowsXML, "ScanRowsBytes": ScanRowsBytes} {
		n, err := scan(file)
		if err != nil || n != len(rows) {
			t.Errorf("%s = %d, %v; want %d rows", name, n, err, len(rows))
		}
	}
}

// TestBenchSites checks that a smoke run's sites are small ones: a
// benchmark that found a full-size site in a smoke run would take minutes.
func TestBenchSites(t *testing.T) {
	names := []string{"province", "ledger-100k", "ledger-1m"}
	t.Setenv(SmokeEnv, "smoke")
	for _, s := range BenchSites(names...) {
		if s.Options.Province && s.Options.Counties != 1 || s.Options.LedgerRows > 10_000 {
			t.Errorf("smoke: %s is %+v", s.Name, s.Options)
		}
	}
	t.Setenv(SmokeEnv, "")
	full := BenchSites(names...)
	if full[0].Options.Counties != 0 || full[1].Options.LedgerRows != 100_000 || full[2].Options.LedgerRows != 1_000_000 {
		t.Errorf("full size: %+v", full)
	}
}
