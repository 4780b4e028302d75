package ingest

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"dutyreport/generator/config"
	"dutyreport/generator/problem"
	"dutyreport/generator/sitetest"
)

// BenchmarkSheetReader reads one big ledger sheet (100,000 and 1,000,000
// rows; 1,000 and 10,000 in a smoke run, DUTYREPORT_BENCH=smoke) row by row
// as ingestion does: header, cell text, the checks of each row's values,
// without keeping the rows. It runs in a child process and reports the
// child's peak memory, which must not grow with the rows: the reader
// streams. Beside it, in turn, the baselines read the same sheet: a bare
// zip + byte scan and a zip + encoding/xml token scan (sitetest.ScanRowsBytes,
// ScanRowsXML), and x-byte-scan and x-token-scan give the reader's rows per
// CPU-second as a fraction of theirs (the child's processor time includes
// its start, a few milliseconds). (BenchmarkIngest in the generator package
// reads whole sites, records kept.)
func BenchmarkSheetReader(b *testing.B) {
	for _, site := range sitetest.BenchSites("ledger-100k", "ledger-1m") {
		b.Run(strings.TrimPrefix(site.Name, "ledger-"), func(b *testing.B) {
			dir, _, err := site.Dir()
			if err != nil {
				b.Fatal(err)
			}
			ledger := filepath.Join(dir, "data", "2024", "纪实台账.xlsx")
			var rows, peak int64
			var reader, byteScan, tokenScan struct{ wall, cpu time.Duration }
			child := func() {
				runtime.GC()
				cmd := exec.Command(os.Args[0], "-test.run=^TestSheetReaderChild$")
				cmd.Env = append(os.Environ(), "DUTYREPORT_SHEET_CHILD="+ledger)
				var out bytes.Buffer
				cmd.Stdout, cmd.Stderr = &out, os.Stderr
				start := time.Now()
				if err := cmd.Run(); err != nil {
					b.Fatal(err, out.String())
				}
				reader.wall += time.Since(start)
				reader.cpu += cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
				var kib int64
				for _, line := range strings.Split(out.String(), "\n") {
					if strings.HasPrefix(line, "rows ") {
						fmt.Sscanf(line, "rows %d peak-kib %d", &rows, &kib)
					}
				}
				peak = max(peak, kib)
			}
			scan := func(t *struct{ wall, cpu time.Duration }, rows func(string) (int, error)) func() {
				return func() {
					runtime.GC()
					wall, cpu := time.Now(), sitetest.CPUTime()
					if _, err := rows(ledger); err != nil {
						b.Fatal(err)
					}
					t.wall += time.Since(wall)
					t.cpu += sitetest.CPUTime() - cpu
				}
			}
			sides := []func(){child, scan(&byteScan, sitetest.ScanRowsBytes), scan(&tokenScan, sitetest.ScanRowsXML)}
			round := 0
			for b.Loop() {
				for i := range sides {
					sides[(round+i)%len(sides)]()
				}
				round++
			}
			// Processor time where both sides have it (getrusage), else wall time.
			haveCPU := reader.cpu > 0 && byteScan.cpu > 0 && tokenScan.cpu > 0
			cpu := func(t struct{ wall, cpu time.Duration }) float64 {
				if haveCPU {
					return t.cpu.Seconds()
				}
				return t.wall.Seconds()
			}
			b.ReportMetric(float64(rows)*float64(round)/reader.wall.Seconds(), "rows/s")
			b.ReportMetric(float64(rows)*float64(round)/cpu(reader), "rows/cpu-s")
			b.ReportMetric(cpu(byteScan)/cpu(reader), "x-byte-scan")
			b.ReportMetric(cpu(tokenScan)/cpu(reader), "x-token-scan")
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
