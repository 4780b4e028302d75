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

// BenchmarkFormats reads one ledger saved as .xlsx, as Excel 97-2003 .xls
// and as OpenDocument .ods, each in turn, row by row as ingestion does, and
// reports each reader's rows per second and the .xls and .ods readers'
// speed as a fraction of the .xlsx reader's, in processor time
// (x-xlsx: above 1 is faster). The full run reads the 100,000-row ledger,
// saved in the other formats by LibreOffice once (soffice; `make bench`
// installs it); an .xls sheet holds at most 65,536 rows, so it has fewer.
// A smoke run reads the committed fixtures of the format tests.
func BenchmarkFormats(b *testing.B) {
	files := map[string]string{}
	if sitetest.Smoke() {
		files["xlsx"] = filepath.Join(formatsDir, "site/data/2024/纪实台账.xlsx")
		files["xls"] = filepath.Join(formatsDir, "xls/纪实台账.xls")
		files["ods"] = filepath.Join(formatsDir, "ods/纪实台账.ods")
	} else {
		dir, _, err := sitetest.BenchSites("ledger-100k")[0].Dir()
		if err != nil {
			b.Fatal(err)
		}
		files["xlsx"] = filepath.Join(dir, "data", "2024", "纪实台账.xlsx")
		for _, format := range []string{"xls", "ods"} {
			out := filepath.Join(dir, "formats", "纪实台账."+format)
			if _, err := os.Stat(out); err != nil {
				if _, err := exec.LookPath("soffice"); err != nil {
					b.Skip("LibreOffice's soffice is not installed (apt-get install libreoffice-calc-nogui; make bench does)")
				}
				cmd := exec.Command("soffice", "--headless", "--convert-to", format, "--outdir", filepath.Dir(out), files["xlsx"])
				if msg, err := cmd.CombinedOutput(); err != nil {
					b.Fatal(err, string(msg))
				}
			}
			files[format] = out
		}
	}
	type side struct {
		rows int
		cpu  time.Duration
	}
	sides := map[string]*side{}
	formats := []string{"xlsx", "xls", "ods"}
	for _, f := range formats {
		sides[f] = &side{}
	}
	read := func(format string) {
		runtime.GC()
		start := sitetest.CPUTime()
		var probs problem.List
		wb, ok := openFile(files[format], filepath.Base(files[format]), &probs)
		if !ok {
			b.Fatal(probs)
		}
		tb := &table{wb: wb, want: ledgerColumns, probs: &probs, rejected: map[string]bool{}}
		rows := 0
		tb.read(func(r row) {
			parseCount(r.raw(lRequired))
			parseCount(r.raw(lDone))
			rows++
		})
		wb.Close()
		if probs.HasErrors() {
			b.Fatal(probs)
		}
		sides[format].rows += rows
		sides[format].cpu += sitetest.CPUTime() - start
	}
	round := 0
	for b.Loop() {
		for i := range formats {
			read(formats[(round+i)%len(formats)])
		}
		round++
	}
	for _, f := range formats {
		b.ReportMetric(float64(sides[f].rows)/sides[f].cpu.Seconds(), f+"-rows/cpu-s")
	}
	xlsx := float64(sides["xlsx"].rows) / sides["xlsx"].cpu.Seconds()
	for _, f := range formats[1:] {
		b.ReportMetric(float64(sides[f].rows)/sides[f].cpu.Seconds()/xlsx, "x-xlsx-"+f)
	}
}
