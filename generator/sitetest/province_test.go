package sitetest

import (
	"os"
	"path/filepath"
	"testing"

	"dutyreport/generator/config"
)

// BenchmarkWriteProvince writes the synthetic province (about 3,000 units,
// ten years; in a smoke run, one county of it). It is a benchmark, not a
// test, because it takes a while:
//
//	go test ./generator/sitetest -run '^$' -bench WriteProvince -benchtime 1x
func BenchmarkWriteProvince(b *testing.B) {
	site := BenchSites("province")[0]
	for b.Loop() {
		dir := b.TempDir()
		if err := WriteExample(dir, site.Options); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		if _, probs := config.Load(dir); probs.HasErrors() {
			b.Fatal(probs)
		}
		var size int64
		filepath.Walk(dir, func(_ string, info os.FileInfo, err error) error {
			if err == nil && !info.IsDir() {
				size += info.Size()
			}
			return nil
		})
		b.ReportMetric(float64(size)/1e6, "MB")
		b.StartTimer()
	}
}
