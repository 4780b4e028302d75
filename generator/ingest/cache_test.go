package ingest_test

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"dutyreport/generator/config"
	"dutyreport/generator/ingest"
	"dutyreport/generator/sitetest"
)

// TestCacheParsesOnlyChangedFiles: a second read parses nothing, a read
// after one file changed parses that file only, and what comes from the
// cache (records, origins, problems) is what a fresh read gives.
func TestCacheParsesOnlyChangedFiles(t *testing.T) {
	dir := t.TempDir()
	if err := sitetest.WriteSite(dir, base+register+okLedger+`
-- data/2024/民主测评.xlsx.tsv --
单位编码	有效票数	平均分
T01	100	80
T02	100	9O
合计		170
`); err != nil {
		t.Fatal(err)
	}
	cfg, probs := config.Load(dir)
	if probs.HasErrors() {
		t.Fatal(probs)
	}
	cache := filepath.Join(dir, ".cache")
	read := func(wantParsed int64) {
		t.Helper()
		before := ingest.Parsed.Load()
		got, gotProbs := ingest.ReadWith(cfg, ingest.Options{CacheDir: cache})
		if n := ingest.Parsed.Load() - before; n != wantParsed {
			t.Errorf("parsed %d files, want %d", n, wantParsed)
		}
		want, wantProbs := ingest.Read(cfg)
		if !reflect.DeepEqual(gotProbs, wantProbs) {
			t.Errorf("problems from the cache:\n%v\nwant\n%v", gotProbs, wantProbs)
		}
		if !reflect.DeepEqual(got.Years, want.Years) || !reflect.DeepEqual(got.Files, want.Files) {
			t.Errorf("records from the cache differ from a fresh read:\n%+v\nwant\n%+v", got.Years, want.Years)
		}
	}
	read(2) // the ledger and the evaluation; the register is read every time
	read(0)
	if err := sitetest.WriteSite(dir, `
-- data/2024/民主测评.xlsx.tsv --
单位编码	有效票数	平均分
T01	100	80
T02	100	90
`); err != nil {
		t.Fatal(err)
	}
	read(1)
	entries, _ := filepath.Glob(filepath.Join(cache, "*", "*.gob"))
	if len(entries) != 2 {
		t.Errorf("the cache keeps %d entries, want the 2 in use", len(entries))
	}
	os.WriteFile(filepath.Join(dir, "scheme.yaml"), append(must(os.ReadFile(filepath.Join(dir, "scheme.yaml"))), '\n'), 0o644)
	read(2) // a scheme edit reads every file again
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// TestCacheFollowsRegisterUnderOtherExtension: the register read from
// 单位名录.csv (the configured .xlsx being absent) is part of every key.
func TestCacheFollowsRegisterUnderOtherExtension(t *testing.T) {
	dir := t.TempDir()
	if err := sitetest.WriteSite(dir, base+okLedger+`
-- data/2024/民主测评.xlsx.tsv --
单位编码	平均分
T01	80
T02	80
T03	80
`); err != nil {
		t.Fatal(err)
	}
	reg := filepath.Join(dir, "data", "单位名录.csv")
	write := func(extra string) {
		if err := os.WriteFile(reg, []byte("单位编码,单位名称,类别,所属镇\nT01,一镇,镇,\nT02,二镇,镇,\nC01,甲村监委会,监委会,T01\n"+extra), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("")
	cfg, probs := config.Load(dir)
	if probs.HasErrors() {
		t.Fatal(probs)
	}
	opt := ingest.Options{CacheDir: filepath.Join(dir, ".cache")}
	_, probs = ingest.ReadWith(cfg, opt)
	expectProblems(t, probs, "data/2024/民主测评.xlsx!Sheet1!A4 ingest.unknown-unit")
	write("T03,三镇,镇,\n")
	_, probs = ingest.ReadWith(cfg, opt)
	expectProblems(t, probs) // T03 now exists; T03's ledger rows are missing, which scoring reports
}
