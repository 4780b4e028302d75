package generator

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"dutyreport/generator/edition"
	"dutyreport/generator/problem"
	"dutyreport/generator/scaffold"
)

// TestSampleIsNotPublished: a site made by `dutyreport new` whose site.yaml
// no longer says sample: true refuses every sample file it still reads,
// naming each; once each is the county's own (here: the same files without
// their marks, as a clerk's own would be), it builds and records the
// published year.
func TestSampleIsNotPublished(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if _, err := scaffold.Write(dir, scaffold.Options{County: "测试县", Year: 2024, SchemeTitle: "测试县考核办法", SchemeNumber: "测发〔2024〕1号"}); err != nil {
		t.Fatal(err)
	}
	unmark := func(rel string) {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(rel, ".xlsx") {
			data = withoutPart(t, data, "docProps/custom.xml")
		} else {
			data = []byte(strings.Replace(string(data), "\nsample: true\n", "\n", 1))
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	unmark("site.yaml")
	out := filepath.Join(dir, "public")
	_, probs, err := Build(Options{Source: dir, Out: out})
	var named []string
	for _, p := range probs {
		if p.Code == problem.InputSample {
			named = append(named, p.Pos.File)
		}
	}
	want := []string{"content/about.md", "content/methodology.md", "content/notices/2023-1.md", "content/years/2023.md", "data/2023/民主测评.xlsx", "data/2023/纪实台账.xlsx",
		"data/2024/民主测评.xlsx", "data/2024/纪实台账.xlsx", "data/单位名录.xlsx"}
	if err != nil || !slices.Equal(named, want) || len(probs.Errors()) != len(want) {
		t.Fatalf("the sample files named: %v, want %v (%v %v)", named, want, err, probs)
	}
	if _, err := os.Stat(filepath.Join(dir, edition.LockFile)); err == nil {
		t.Errorf("a refused build recorded an edition")
	}
	for _, rel := range want {
		unmark(rel)
	}
	if _, probs, err := Build(Options{Source: dir, Out: out}); err != nil || probs.HasErrors() {
		t.Fatal(err, probs)
	}
	lock, err := os.ReadFile(filepath.Join(dir, edition.LockFile))
	if err != nil || !strings.Contains(string(lock), "year: 2023") {
		t.Errorf("the county's own data did not record 2023: %v\n%s", err, lock)
	}
}

// withoutPart rewrites a zip archive without the part named name.
func withoutPart(t *testing.T, data []byte, name string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	found := false
	for _, f := range zr.File {
		if f.Name == name {
			found = true
			continue
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.Copy(w, rc); err != nil {
			t.Fatal(err)
		}
		rc.Close()
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if !found {
		t.Fatalf("the workbook has no %s: it is not marked", name)
	}
	return buf.Bytes()
}
