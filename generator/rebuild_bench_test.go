package generator

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"dutyreport/generator/config"
)

// BenchmarkRebuild times the rebuilds a clerk makes while working on a
// year, as `serve` makes them (a preview of the public site into the same
// folder), on a copy of the site: with nothing changed (nothing-s), and
// after one cell of the latest published year's ledger changed (one-cell-s, the
// actual count of its first task, with one-cell-written files rewritten
// of the one-cell-made files rendered or copied again, the others kept),
// beside the first, full build with no cache (full-s). The target for
// one cell is under 1 s plus the files really rewritten at 10,000 pages
// (province-10k).
func BenchmarkRebuild(b *testing.B) {
	for _, site := range benchSites("province-10k", "province") {
		b.Run(site.Name, func(b *testing.B) {
			dir := filepath.Join(b.TempDir(), "site")
			copySiteInputs(b, benchDir(b, site), dir)
			out := filepath.Join(b.TempDir(), "public")
			build := func() (Report, time.Duration) {
				start := time.Now()
				rep, probs, err := Build(Options{Source: dir, Out: out, Preview: true})
				took := time.Since(start)
				if err != nil || probs.HasErrors() {
					b.Fatal(err, probs)
				}
				return rep, took
			}
			_, full := build()
			cell := ledgerCell(b, dir)
			// A clerk saves a file seconds after the last build, not
			// within the span in which times cannot tell a change (the
			// stamp reads such files whole).
			time.Sleep(2 * time.Second)
			build()
			var nothing, oneCell time.Duration
			var written, made, rounds int
			for b.Loop() {
				rep, took := build()
				if !rep.UpToDate {
					b.Fatalf("a build with nothing changed was not up to date: %+v", rep)
				}
				nothing += took
				cell.flip(b)
				time.Sleep(2 * time.Second)
				rep, took = build()
				oneCell += took
				written += rep.Written
				made += rep.Files - rep.Reused
				rounds++
			}
			b.ReportMetric(full.Seconds(), "full-s")
			b.ReportMetric(nothing.Seconds()/float64(rounds), "nothing-s")
			b.ReportMetric(oneCell.Seconds()/float64(rounds), "one-cell-s")
			b.ReportMetric(float64(written)/float64(rounds), "one-cell-written")
			b.ReportMetric(float64(made)/float64(rounds), "one-cell-made")
		})
	}
}

// copySiteInputs copies what a build reads of the site at src into dir.
func copySiteInputs(b *testing.B, src, dir string) {
	b.Helper()
	for _, name := range []string{"data", "content", "schemes", "editions", "layouts", "i18n", "assets", "themes"} {
		if _, err := os.Stat(filepath.Join(src, name)); err != nil {
			continue
		}
		if err := os.CopyFS(filepath.Join(dir, name), os.DirFS(filepath.Join(src, name))); err != nil {
			b.Fatal(err)
		}
	}
	for _, name := range []string{config.SiteFile, "editions.lock"} {
		data, err := os.ReadFile(filepath.Join(src, name))
		if err != nil && name == config.SiteFile {
			b.Fatal(err)
		}
		if err == nil {
			if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// benchCell is one cell of a workbook that flip changes back and forth.
type benchCell struct {
	file, sheet, cell string
	value             int
	flipped           bool
}

// ledgerCell finds the actual count (实际完成次数) of the first task in
// the ledger of the latest year the public site shows.
func ledgerCell(b *testing.B, dir string) *benchCell {
	b.Helper()
	latest := 0
	for _, y := range loadConfig(b, dir).Site.Years {
		if y.Status == config.Published {
			latest = max(latest, y.Year)
		}
	}
	c := &benchCell{file: filepath.Join(dir, "data", strconv.Itoa(latest), "纪实台账.xlsx"), sheet: "纪实台账"}
	f, err := excelize.OpenFile(c.file)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(c.sheet)
	if err != nil || len(rows) < 3 {
		b.Fatal("no ledger rows in ", c.file, err)
	}
	for i, h := range rows[1] {
		if h == "实际完成次数" {
			c.cell, _ = excelize.CoordinatesToCellName(i+1, 3)
			c.value, err = strconv.Atoi(rows[2][i])
			if err != nil {
				b.Fatal(err)
			}
			return c
		}
	}
	b.Fatal("no column 实际完成次数 in ", c.file)
	return nil
}

// flip writes the cell's value minus one, or back its own value.
func (c *benchCell) flip(b *testing.B) {
	b.Helper()
	f, err := excelize.OpenFile(c.file)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	c.flipped = !c.flipped
	v := c.value
	if c.flipped {
		v = max(c.value-1, 0)
		if v == c.value {
			v++
		}
	}
	if err := f.SetCellValue(c.sheet, c.cell, v); err != nil {
		b.Fatal(err)
	}
	if err := f.Save(); err != nil {
		b.Fatal(err)
	}
}
