package ingest

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"dutyreport/generator/config"
	"dutyreport/generator/problem"
	"dutyreport/generator/sitetest"
)

// BenchmarkSheetReader reads one big ledger sheet (100,000 and 1,000,000
// rows) row by row as ingestion does: header, cell text, the checks of each
// row's values, without keeping the rows. It runs in a child process and
// reports the child's peak memory, which must not grow with the rows: the
// reader streams. (BenchmarkIngest in the generator package reads whole
// sites, records kept, beside a bare zip + XML scan.)
func BenchmarkSheetReader(b *testing.B) {
	for _, size := range []struct {
		name string
		rows int
	}{{"100k", 100_000}, {"1m", 1_000_000}} {
		b.Run(size.name, func(b *testing.B) {
			dir, _, err := sitetest.CachedExample("ledger-"+size.name+"-v1", sitetest.ExampleOptions{LedgerRows: size.rows})
			if err != nil {
				b.Fatal(err)
			}
			ledger := filepath.Join(dir, "data", "2024", "纪实台账.xlsx")
			var rows, peak int64
			for b.Loop() {
				cmd := exec.Command(os.Args[0], "-test.run=^TestSheetReaderChild$")
				cmd.Env = append(os.Environ(), "DUTYREPORT_SHEET_CHILD="+ledger)
				var out bytes.Buffer
				cmd.Stdout, cmd.Stderr = &out, os.Stderr
				if err := cmd.Run(); err != nil {
					b.Fatal(err, out.String())
				}
				var kib int64
				for _, line := range strings.Split(out.String(), "\n") {
					if strings.HasPrefix(line, "rows ") {
						fmt.Sscanf(line, "rows %d peak-kib %d", &rows, &kib)
					}
				}
				peak = max(peak, kib)
			}
			b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
			b.ReportMetric(float64(peak)/1024, "peak-MiB")
		})
	}
}

// TestSheetReaderChild is the child of BenchmarkSheetReader; it does nothing
// in a normal test run.
func TestSheetReaderChild(t *testing.T) {
	file := os.Getenv("DUTYREPORT_SHEET_CHILD")
	if file == "" {
		t.Skip("only run by BenchmarkSheetReader")
	}
	var probs problem.List
	wb, ok := openFile(file, filepath.Base(file), &probs)
	if !ok {
		t.Fatal(probs)
	}
	defer wb.Close()
	tb := &table{wb: wb, want: ledgerColumns, probs: &probs, rejected: map[string]bool{}}
	rows := 0
	tb.read(func(r row) {
		if r.text(lTask) == "" || config.FoldName(r.text(lResp)) == "" {
			t.Errorf("row %d: no task or responsibility", r.n)
		}
		_, ok1 := parseCount(r.raw(lRequired))
		_, ok2 := parseCount(r.raw(lDone))
		if !ok1 || !ok2 {
			t.Errorf("row %d: counts", r.n)
		}
		if d := r.text(lDate); d != "" {
			parseDate(d, wb.date1904)
		}
		rows++
	})
	if probs.HasErrors() {
		t.Fatal(probs)
	}
	fmt.Printf("rows %d peak-kib %d\n", rows, sitetest.PeakRSSKiB())
}
