package generator

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dutyreport/generator/config"
)

// copyExample copies the example site's inputs and its archived revisions
// (not its lock) into a temp folder, to be changed by a test.
func copyExample(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, name := range []string{"data", "content", "schemes", "editions"} {
		if err := os.CopyFS(filepath.Join(dir, name), os.DirFS(filepath.Join(exampleSite, name))); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{config.SiteFile} {
		data, err := os.ReadFile(filepath.Join(exampleSite, name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// editSite replaces old with new in the site's site.yaml.
func editSite(t *testing.T, dir, old, new string) {
	t.Helper()
	p := filepath.Join(dir, config.SiteFile)
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), old) {
		t.Fatalf("%s has no %q", p, old)
	}
	if err := os.WriteFile(p, []byte(strings.Replace(string(data), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

func buildSite(t *testing.T, dir string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	_, probs, err := Build(Options{Source: dir, Out: out, NoCache: true})
	if err != nil {
		t.Fatal(err)
	}
	if probs.HasErrors() {
		t.Fatalf("the site has problems:\n%v", probs)
	}
	return out
}

// A published edition is everything under its year's folder, and publishing
// a later year must not change a byte of it: its menu, unit histories and
// charts end at its own year, and a merger shows in the unit directory.
func TestLaterYearLeavesEarlierEditionsAlone(t *testing.T) {
	t.Parallel()
	dir := copyExample(t)
	// 2023 back to a draft, its errata with it: a draft has none.
	data, err := os.ReadFile(filepath.Join(dir, "site.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	from, to := strings.Index(text, "  - year: 2023\n"), strings.Index(text, "  - {year: 2024")
	if from < 0 || to < from {
		t.Fatalf("site.yaml has no 2023 block before 2024:\n%s", text)
	}
	editSite(t, dir, text[from:to], "  - {year: 2023, status: draft}\n")
	before := tree(t, buildSite(t, dir))
	after := exampleTree(t, config.Public)
	n := 0
	for p, want := range before {
		if strings.HasPrefix(p, "2023/") {
			t.Fatalf("a draft 2023 reached the public site: %s", p)
		}
		if p[0] < '0' || p[0] > '9' {
			continue // site-wide: the landing page, the directory, assets
		}
		n++
		if got, ok := after[p]; !ok {
			t.Errorf("publishing 2023 removed %s", p)
		} else if string(got) != string(want) {
			t.Errorf("publishing 2023 changed %s", p)
		}
	}
	if n < 300 {
		t.Fatalf("only %d files of earlier editions compared", n)
	}
}

// An edition's inputs include its notices in Markdown, also one that only
// gives the text of a register's case and so names no year itself (the
// example's 2022-4.md).
func TestManifestListsNoticeFiles(t *testing.T) {
	t.Parallel()
	site := exampleTree(t, config.Public)
	for year, file := range map[string]string{"2021": "content/notices/2021-4.md", "2022": "content/notices/2022-4.md"} {
		if m := string(site[year+"/data/manifest.json"]); !strings.Contains(m, `"path": "`+file+`"`) {
			t.Errorf("%s's manifest lacks %s:\n%s", year, file, m)
		}
	}
}
