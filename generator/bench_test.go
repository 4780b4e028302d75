package generator

// Benchmarks for `make bench`. They print figures; no test asserts a duration.
// Each puts the product beside its baseline in the same benchmark, the two
// taking turns within each round (so ns/op counts both), and prints the
// ratio:
//
//	BenchmarkIngest  rows/s of ingest.Read and rows per CPU-second, beside a
//	                 bare zip + byte scan and a zip + encoding/xml token scan
//	                 of the same sheets (x-byte-scan, x-token-scan: ingest's
//	                 speed as a fraction of the scan's, in processor time on
//	                 the same files; the target is at least 0.5 of the byte
//	                 scan's), and the peak memory of an ingest in a child
//	                 process
//	BenchmarkPages   pages/s of render + write, beside a bare html/template
//	                 loop writing the same pages, both on every core
//	                 (x-baseline-time: the target is at most 1.3)
//	BenchmarkBuild   a whole build in a child process, pages/s and its peak
//	                 memory (RSS), beside the same html/template loop
//	                 (x-baseline-time; the target is at most 1.3)
//	BenchmarkRebuild rebuilds of a copy into the same folder, as serve makes
//	                 them: nothing changed (nothing-s; the target is under 1 s
//	                 for the example, 3 s for the province) and one ledger
//	                 cell changed (one-cell-s, with the files rewritten),
//	                 beside the first full build (full-s)
//
// Each runs on the example site and on the synthetic province (about 3,000
// units, 10 years); BenchmarkIngest also on one-year sites whose ledger has
// 100,000 and 1,000,000 rows. The big sites are generated once into the
// system's temp folder. BenchmarkSheetReader in the ingest package gives the
// reader's own memory on the big ledgers.
//
// With DUTYREPORT_BENCH=smoke (`make bench-smoke`, in CI) the synthetic
// sites are small ones of the same shape (sitetest.BenchSites), so that
// every benchmark runs once in seconds.

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"dutyreport/generator/config"
	"dutyreport/generator/ingest"
	"dutyreport/generator/record"
	"dutyreport/generator/render"
	"dutyreport/generator/sitetest"
	"dutyreport/generator/view"
	"dutyreport/generator/write"
)

// benchSites gives the example site and the named synthetic ones, at their
// full or, in a smoke run, small size.
func benchSites(names ...string) []sitetest.BenchSite {
	return append([]sitetest.BenchSite{{Name: "example"}}, sitetest.BenchSites(names...)...)
}

// benchDir gives the folder of a site, generating a synthetic one only when
// a benchmark of it runs.
func benchDir(b *testing.B, s sitetest.BenchSite) string {
	if s.Name == "example" {
		return exampleSite
	}
	start := time.Now()
	dir, fresh, err := s.Dir()
	if err != nil {
		b.Fatal(err)
	}
	if fresh {
		b.Logf("generated %s in %s", s.Name, time.Since(start).Round(time.Millisecond))
	}
	return dir
}

// timing adds up the wall and processor time of the runs of one side of a
// benchmark.
type timing struct{ wall, cpu time.Duration }

// run runs f, after a garbage collection that charges the other side's
// garbage to neither.
func (t *timing) run(f func()) {
	runtime.GC()
	wall, cpu := time.Now(), sitetest.CPUTime()
	f()
	t.wall += time.Since(wall)
	t.cpu += sitetest.CPUTime() - cpu
}

// perCPU gives n per second of processor time, or of wall time where the
// processor's is not known.
func (t timing) perCPU(n float64) float64 {
	if t.cpu > 0 {
		return n / t.cpu.Seconds()
	}
	return n / t.wall.Seconds()
}

// inTurn runs the sides of a round one after the other, each going first in
// turn: the one after another would find the disk still busy with its
// files, or its garbage to collect.
func inTurn(round int, sides ...func()) {
	for i := range sides {
		sides[(round+i)%len(sides)]()
	}
}

func loadConfig(b testing.TB, dir string) *config.Config {
	b.Helper()
	cfg, probs := config.Load(dir)
	if probs.HasErrors() {
		b.Fatal(probs)
	}
	return cfg
}

func BenchmarkIngest(b *testing.B) {
	for _, site := range benchSites("province", "ledger-100k", "ledger-1m") {
		b.Run(site.Name, func(b *testing.B) { benchIngest(b, benchDir(b, site)) })
	}
}

// benchIngest reads a site's inputs, beside the baselines: a bare byte scan
// and a bare token scan of the same sheets, one after the other; then reads
// them once more in a child process, for the peak memory of an ingest.
func benchIngest(b *testing.B, dir string) {
	cfg := loadConfig(b, dir)
	files, _ := filepath.Glob(filepath.Join(dir, "data", "*", "*.xlsx"))
	reg, _ := filepath.Glob(filepath.Join(dir, "data", "*.xlsx"))
	files = append(files, reg...)
	scan := func(t *timing, n *int, rows func(string) (int, error)) func() {
		return func() {
			t.run(func() {
				*n = 0
				for _, f := range files {
					k, err := rows(f)
					if err != nil {
						b.Fatal(err)
					}
					*n += k
				}
			})
		}
	}
	var ours, byteScan, tokenScan timing
	var rows, byteRows, tokenRows int
	dutyreport := func() {
		ours.run(func() {
			data, probs := ingest.Read(cfg)
			if probs.HasErrors() {
				b.Fatal(probs)
			}
			rows = inputRows(data)
		})
	}
	round := 0
	for b.Loop() {
		inTurn(round, dutyreport, scan(&byteScan, &byteRows, sitetest.ScanRowsBytes), scan(&tokenScan, &tokenRows, sitetest.ScanRowsXML))
		round++
	}
	var n, kib int64
	fmt.Sscanf(child(b, "TestBuildChild", dir, "rows "), "rows %d peak-kib %d", &n, &kib)

	rounds := float64(round)
	b.ReportMetric(float64(rows)*rounds/ours.wall.Seconds(), "rows/s")
	b.ReportMetric(ours.perCPU(float64(rows)*rounds), "rows/cpu-s")
	b.ReportMetric(byteScan.perCPU(float64(byteRows)*rounds), "byte-scan-rows/cpu-s")
	b.ReportMetric(tokenScan.perCPU(float64(tokenRows)*rounds), "token-scan-rows/cpu-s")
	// The ratios compare the processor time of reading the same files: the
	// product's speed as a fraction of the baseline's.
	b.ReportMetric(ours.perCPU(1)/byteScan.perCPU(1), "x-byte-scan")
	b.ReportMetric(ours.perCPU(1)/tokenScan.perCPU(1), "x-token-scan")
	b.ReportMetric(float64(kib)/1024, "peak-MiB")
}

// siteView loads, scores and builds the public view of a site once.
func siteView(b *testing.B, dir string) (*view.Site, *render.Theme) {
	b.Helper()
	in, probs := load(dir, "", nil, nil)
	if probs.HasErrors() {
		b.Fatal(probs)
	}
	s := in.view(config.Public)
	theme, probs := loadTheme(in.cfg)
	if probs.HasErrors() {
		b.Fatal(probs)
	}
	return s, theme
}

func BenchmarkPages(b *testing.B) {
	for _, site := range benchSites("province") {
		b.Run(site.Name, func(b *testing.B) { benchPages(b, benchDir(b, site)) })
	}
}

// benchPages renders and writes every page of a site, as a first build does,
// beside the baseline: the same pages executed by html/template and written
// with os.WriteFile into a fresh folder, with nothing else. The two take
// turns within each round, so that the disk's moods (file creation
// dominates both, and varies by the minute on these machines) fall on both
// alike.
func benchPages(b *testing.B, dir string) {
	s, theme := siteView(b, dir)
	pages := s.Pages()
	tmp := b.TempDir()
	out := filepath.Join(tmp, "public")
	var ours, bare timing
	dutyreport := func() {
		ours.run(func() {
			tree, err := write.Begin(out)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := theme.SiteOn(s, tree.Add, 0); err != nil {
				b.Fatal(err)
			}
			if err := tree.Commit(); err != nil {
				b.Fatal(err)
			}
		})
		_ = os.RemoveAll(out)
	}
	baseline := templateLoop(b, theme, pages, filepath.Join(tmp, "baseline"), &bare)
	round := 0
	for b.Loop() {
		inTurn(round, dutyreport, baseline)
		round++
	}
	n := float64(len(pages) * round)
	b.ReportMetric(n/ours.wall.Seconds(), "pages/s")
	b.ReportMetric(n/bare.wall.Seconds(), "baseline-pages/s")
	b.ReportMetric(ours.wall.Seconds()/bare.wall.Seconds(), "x-baseline-time")
}

// templateLoop gives the baseline of writing a site's pages: each page
// executed by html/template into a buffer and written with os.WriteFile
// into a fresh folder dir, with nothing else, on every core as the build
// is (GOMAXPROCS goroutines taking the pages in turn); t adds up its time.
func templateLoop(b *testing.B, theme *render.Theme, pages []*view.Page, dir string, t *timing) func() {
	return func() {
		t.run(func() {
			var next atomic.Int64
			var wg sync.WaitGroup
			for range runtime.GOMAXPROCS(0) {
				wg.Go(func() {
					var buf bytes.Buffer
					for i := int(next.Add(1) - 1); i < len(pages); i = int(next.Add(1) - 1) {
						p := pages[i]
						buf.Reset()
						if err := theme.Page(&buf, p); err != nil {
							b.Error(err)
							return
						}
						dst := filepath.Join(dir, filepath.FromSlash(p.Path))
						_ = os.MkdirAll(filepath.Dir(dst), 0o755)
						if err := os.WriteFile(dst, buf.Bytes(), 0o644); err != nil {
							b.Error(err)
							return
						}
					}
				})
			}
			wg.Wait()
		})
		if b.Failed() {
			b.FailNow()
		}
		_ = os.RemoveAll(dir)
	}
}

// BenchmarkBuild builds the whole site in a child process, so that its peak
// memory (the child's maximum RSS) is the build's own, beside the baseline
// of BenchmarkPages: the bare html/template loop writing the same pages
// (from a view made once, beforehand).
func BenchmarkBuild(b *testing.B) {
	for _, site := range benchSites("province") {
		b.Run(site.Name, func(b *testing.B) {
			dir := benchDir(b, site)
			s, theme := siteView(b, dir)
			pages := s.Pages()
			var ours, bare timing
			var peak int64
			var built int
			build := func() {
				out := filepath.Join(b.TempDir(), "public")
				var kib int64
				ours.run(func() {
					fmt.Sscanf(child(b, "TestBuildChild", dir+string(os.PathListSeparator)+out, "pages "), "pages %d peak-kib %d", &built, &kib)
				})
				peak = max(peak, kib)
				_ = os.RemoveAll(out)
			}
			baseline := templateLoop(b, theme, pages, filepath.Join(b.TempDir(), "baseline"), &bare)
			round := 0
			for b.Loop() {
				inTurn(round, build, baseline)
				round++
			}
			if built != len(pages) {
				b.Logf("the build wrote %d pages, the baseline %d", built, len(pages))
			}
			b.ReportMetric(float64(built*round)/ours.wall.Seconds(), "pages/s")
			b.ReportMetric(float64(len(pages)*round)/bare.wall.Seconds(), "baseline-pages/s")
			b.ReportMetric(ours.wall.Seconds()/bare.wall.Seconds(), "x-baseline-time")
			b.ReportMetric(float64(peak)/1024, "peak-MiB")
		})
	}
}

// TestBuildChild is the child process of BenchmarkBuild; it does nothing in
// a normal test run.
func TestBuildChild(t *testing.T) {
	arg := os.Getenv("DUTYREPORT_BUILD_CHILD")
	if arg == "" {
		t.Skip("only run by BenchmarkBuild")
	}
	dir, out, _ := strings.Cut(arg, string(os.PathListSeparator))
	if out == "" { // ingest only
		data, probs := ingest.Read(loadConfig(t, dir))
		if probs.HasErrors() {
			t.Fatal(probs)
		}
		fmt.Printf("rows %d peak-kib %d\n", inputRows(data), sitetest.PeakRSSKiB())
		return
	}
	rep, probs, err := Build(Options{Source: dir, Out: out})
	if err != nil || probs.HasErrors() {
		t.Fatal(err, probs)
	}
	fmt.Printf("pages %d peak-kib %d\n", rep.Pages, sitetest.PeakRSSKiB())
}

// child runs the named test of this binary in a child process with arg in
// DUTYREPORT_BUILD_CHILD, and gives the last line of its output starting
// with prefix.
func child(b *testing.B, test, arg, prefix string) string {
	cmd := exec.Command(os.Args[0], "-test.run=^"+test+"$")
	cmd.Env = append(os.Environ(), "DUTYREPORT_BUILD_CHILD="+arg)
	var stdout bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		b.Fatal(err, stdout.String())
	}
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	for i := len(lines) - 1; i >= 0; i-- {
		if strings.HasPrefix(lines[i], prefix) {
			return lines[i]
		}
	}
	return ""
}

// inputRows counts the rows ingest read: register, ledgers, evaluations, score sheets.
func inputRows(data *record.Data) int {
	rows := len(data.Register.Units)
	for _, y := range data.Years {
		rows += y.Ledger.Len() + len(y.Evaluations) + len(y.Scores)
	}
	return rows
}
