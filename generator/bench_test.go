package generator

// Benchmarks for `make bench`. They print figures; no test asserts a duration.
//
//	BenchmarkIngest         rows/s of ingest.Read, beside a bare zip + XML token scan of the same sheets,
//	                        and its peak memory in a child process
//	BenchmarkPages          pages/s of render + write, beside a bare html/template loop writing the same pages,
//	                        and the ratio of their times (the target: at most 1.3)
//	BenchmarkBuild          a whole build, pages/s, and the peak memory (RSS) of a build in its own process
//
// Each runs on the example site and on the synthetic province (about 3,000
// units, 10 years); BenchmarkIngest also on one-year sites whose ledger has
// 100,000 and 1,000,000 rows. The big sites are generated once into the
// system's temp folder. BenchmarkSheetReader in the ingest package gives the
// reader's own memory on the big ledgers.

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
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

// benchSite gives the folder of the named site, generating the province
// only when a benchmark of it runs.
func benchSite(b *testing.B, name string) string {
	opt := map[string]sitetest.ExampleOptions{
		"province":    {Province: true},
		"ledger-100k": {LedgerRows: 100_000},
		"ledger-1m":   {LedgerRows: 1_000_000},
	}
	if _, ok := opt[name]; !ok {
		return exampleSite
	}
	start := time.Now()
	dir, fresh, err := sitetest.CachedExample(name+"-v1", opt[name])
	if err != nil {
		b.Fatal(err)
	}
	if fresh {
		b.Logf("generated %s in %s", name, time.Since(start).Round(time.Millisecond))
	}
	return dir
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
	for _, name := range []string{"example", "province", "ledger-100k", "ledger-1m"} {
		b.Run(name, func(b *testing.B) { benchIngest(b, benchSite(b, name)) })
	}
}

// benchIngest reads a site's inputs, beside the baseline: a bare token scan
// of the same sheets, one after the other.
func benchIngest(b *testing.B, dir string) {
	cfg := loadConfig(b, dir)
	var rows int
	b.Run("dutyreport", func(b *testing.B) {
		rows = 0
		for b.Loop() {
			data, probs := ingest.Read(cfg)
			if probs.HasErrors() {
				b.Fatal(probs)
			}
			rows = inputRows(data)
		}
		b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
	})
	b.Run("dutyreport-peak-memory", func(b *testing.B) {
		var peak int64
		for b.Loop() {
			var n, kib int64
			fmt.Sscanf(child(b, "TestBuildChild", dir, "rows "), "rows %d peak-kib %d", &n, &kib)
			peak = max(peak, kib)
		}
		b.ReportMetric(float64(peak)/1024, "peak-MiB")
	})
	files, _ := filepath.Glob(filepath.Join(dir, "data", "*", "*.xlsx"))
	reg, _ := filepath.Glob(filepath.Join(dir, "data", "*.xlsx"))
	files = append(files, reg...)
	b.Run("baseline-zip-xml-scan", func(b *testing.B) {
		var n int
		for b.Loop() {
			n = 0
			for _, f := range files {
				n += scanRows(b, f)
			}
		}
		b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
	})
}

// scanRows is the baseline of ingest: open the zip, read the first sheet's
// XML as tokens and count its rows, with no cell typing and no checks.
func scanRows(b *testing.B, file string) int {
	zr, err := zip.OpenReader(file)
	if err != nil {
		b.Fatal(err)
	}
	defer zr.Close()
	n := 0
	for _, f := range zr.File {
		if f.Name != "xl/worksheets/sheet1.xml" {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			b.Fatal(err)
		}
		dec := xml.NewDecoder(rc)
		for {
			tok, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "row" {
				n++
			}
		}
		rc.Close()
	}
	return n
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
	for _, name := range []string{"example", "province"} {
		b.Run(name, func(b *testing.B) { benchPages(b, benchSite(b, name)) })
	}
}

// benchPages renders and writes every page of a site, as a first build does,
// beside the baseline: the same pages executed by html/template and written
// with os.WriteFile into a fresh folder, with nothing else. The two run in
// turn within each round, so that the disk's moods (file creation dominates
// both, and varies by the minute on these machines) fall on both alike.
func benchPages(b *testing.B, dir string) {
	s, theme := siteView(b, dir)
	pages := s.Pages()
	tmp := b.TempDir()
	out, base := filepath.Join(tmp, "public"), filepath.Join(tmp, "baseline")
	var ours, bare time.Duration
	var buf bytes.Buffer
	dutyreport := func() {
		tree, err := write.Begin(out)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := theme.Site(s, tree.Add); err != nil {
			b.Fatal(err)
		}
		if err := tree.Commit(); err != nil {
			b.Fatal(err)
		}
	}
	baseline := func() {
		for _, p := range pages {
			buf.Reset()
			if err := theme.Page(&buf, p); err != nil {
				b.Fatal(err)
			}
			dst := filepath.Join(base, filepath.FromSlash(p.Path))
			_ = os.MkdirAll(filepath.Dir(dst), 0o755)
			if err := os.WriteFile(dst, buf.Bytes(), 0o644); err != nil {
				b.Fatal(err)
			}
		}
	}
	round := 0
	for b.Loop() {
		// Each goes first in every other round: the one after the other
		// would find the disk still busy with the first one's files.
		first, second, t1, t2 := dutyreport, baseline, &ours, &bare
		if round%2 == 1 {
			first, second, t1, t2 = baseline, dutyreport, &bare, &ours
		}
		round++
		start := time.Now()
		first()
		*t1 += time.Since(start)
		start = time.Now()
		second()
		*t2 += time.Since(start)
		_ = os.RemoveAll(out)
		_ = os.RemoveAll(base)
	}
	n := float64(len(pages) * b.N)
	b.ReportMetric(n/ours.Seconds(), "pages/s")
	b.ReportMetric(n/bare.Seconds(), "baseline-pages/s")
	b.ReportMetric(ours.Seconds()/bare.Seconds(), "x-baseline-time")
}

// BenchmarkBuild builds the whole site in a child process, so that its peak
// memory (the child's maximum RSS) is the build's own.
func BenchmarkBuild(b *testing.B) {
	for _, name := range []string{"example", "province"} {
		b.Run(name, func(b *testing.B) {
			dir := benchSite(b, name)
			var peak int64
			var pages int
			for b.Loop() {
				out := filepath.Join(b.TempDir(), "public")
				var kib int64
				fmt.Sscanf(child(b, "TestBuildChild", dir+string(os.PathListSeparator)+out, "pages "), "pages %d peak-kib %d", &pages, &kib)
				peak = max(peak, kib)
			}
			b.ReportMetric(float64(pages)*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
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
		rows += len(y.Ledger) + len(y.Evaluations) + len(y.Scores)
	}
	return rows
}
