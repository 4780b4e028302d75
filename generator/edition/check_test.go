package edition

import (
	"strings"
	"testing"

	"dutyreport/generator/problem"
)

const results1 = "\ufeff年度,单位编码,单位,总分,档次\r\n2023,T01,一镇,91.50,优秀\r\n2023,T02,二镇,79.00,一般\r\n2023,T03,三镇,85.00,良好\r\n"

// A cell changed in place reads as the row's key and the change; a row
// gone or new as the row.
func TestRowChanges(t *testing.T) {
	now := "\ufeff年度,单位编码,单位,总分,档次\r\n2023,T01,一镇,91.50,优秀\r\n2023,T02,二镇,81.00,良好\r\n2023,T04,四镇,70.00,一般\r\n"
	got := rowChanges([]byte(results1), []byte(now), 10)
	want := []string{
		"2023 T02 二镇：总分 79.00 → 81.00；档次 一般 → 良好",
		"− 2023,T03,三镇,85.00,良好",
		"+ 2023,T04,四镇,70.00,一般",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// edition makes a published 2023 with the given results and index page.
func edition2023(results, page string) Edition {
	return Edition{Year: 2023, Revision: 1, Published: "2024-03-20", Pos: problem.Position{File: "site.yaml", Line: 9},
		Inputs:  map[string]string{"data/2023/民主测评.xlsx": Digest([]byte(results))},
		Output:  map[string]string{"2023/data/results.csv": Digest([]byte(results)), "2023/index.html": Digest([]byte(page))},
		Exports: func() (map[string][]byte, error) { return map[string][]byte{"results.csv": []byte(results)}, nil }}
}

// publish runs a check of a first build and commits it, as a build does.
func publish(t *testing.T, dir string, eds ...Edition) *Lock {
	t.Helper()
	res, probs := Check{Dir: dir, Lock: &Lock{}, Editions: eds}.Run()
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	if err := Commit(dir, res); err != nil {
		t.Fatal(err)
	}
	lock, err := ReadLock(dir)
	if err != nil {
		t.Fatal(err)
	}
	return lock
}

func TestFirstBuildRecordsAndArchives(t *testing.T) {
	dir := t.TempDir()
	lock := publish(t, dir, edition2023(results1, "<p>a</p>"))
	if e := lock.Find(2023); e == nil || e.Revision != 1 || e.Published != "2024-03-20" || len(e.Output) != 2 {
		t.Fatalf("lock after the first build: %+v", lock)
	}
	if data, err := ReadFile(dir, 2023, 1, "results.csv"); err != nil || string(data) != results1 {
		t.Fatalf("archive r1: %q, %v", data, err)
	}
	// The same build again changes nothing.
	res, probs := Check{Dir: dir, Lock: lock, Editions: []Edition{edition2023(results1, "<p>a</p>")}}.Run()
	if len(probs) > 0 || res.Lock != nil || len(res.Archives) > 0 {
		t.Fatalf("an unchanged build: %+v %v", res, probs)
	}
}

func TestChangedNumbersNeedAnErratum(t *testing.T) {
	dir := t.TempDir()
	lock := publish(t, dir, edition2023(results1, "<p>a</p>"))
	changed := strings.Replace(results1, "二镇,79.00,一般", "二镇,81.00,良好", 1)
	now := edition2023(changed, "<p>b</p>")
	_, probs := Check{Dir: dir, Lock: lock, Editions: []Edition{now}}.Run()
	if len(probs) != 1 || probs[0].Code != problem.EditionChanged || probs[0].Pos.Line != 9 {
		t.Fatalf("want one edition.changed at the year, got %v", probs)
	}
	text := probs[0].Format(problem.EN)
	for _, want := range []string{"2023 r1 (2024-03-20)", "data/2023/民主测评.xlsx: changed since publication",
		"2023/data/results.csv: 2023 T02 二镇：总分 79.00 → 81.00；档次 一般 → 良好", "2023/index.html: differs", "record an erratum"} {
		if !strings.Contains(text, want) {
			t.Errorf("the problem lacks %q:\n%s", want, text)
		}
	}
	// With an erratum it is revision 2, archived beside revision 1.
	now.Revision = 2
	res, probs := Check{Dir: dir, Lock: lock, Editions: []Edition{now}}.Run()
	if len(probs) > 0 || res.Lock.Find(2023).Revision != 2 || len(res.Archives) != 1 || res.Archives[0].Revision != 2 {
		t.Fatalf("with an erratum: %+v %v", res, probs)
	}
	if got := res.Recorded(); strings.Join(got, ",") != "2023 r2" {
		t.Errorf("recorded %v", got)
	}
	// Taking the erratum back is refused.
	if err := Commit(dir, res); err != nil {
		t.Fatal(err)
	}
	lock, _ = ReadLock(dir)
	now.Revision = 1
	if _, probs := (Check{Dir: dir, Lock: lock, Editions: []Edition{now}}).Run(); len(probs) != 1 || probs[0].Code != problem.EditionRevisionRemoved {
		t.Fatalf("an erratum removed: %v", probs)
	}
}

// Pages alone may change under a site-wide revision, or where an earlier
// edition was corrected in the same build; never silently.
func TestPagesOnly(t *testing.T) {
	dir := t.TempDir()
	e2022 := edition2023(results1, "<p>2022</p>")
	e2022.Year, e2022.Output = 2022, map[string]string{"2022/index.html": Digest([]byte("<p>2022</p>"))}
	lock := publish(t, dir, e2022, edition2023(results1, "<p>a</p>"))
	now := edition2023(results1, "<p>a, restyled</p>")

	_, probs := Check{Dir: dir, Lock: lock, Editions: []Edition{e2022, now}}.Run()
	if len(probs) != 1 || !strings.Contains(probs[0].Format(problem.EN), "site-wide revision") {
		t.Fatalf("pages changed without a revision: %v", probs)
	}
	res, probs := Check{Dir: dir, Lock: lock, Editions: []Edition{e2022, now}, SiteRevisions: 1}.Run()
	if len(probs) > 0 || res.Lock.SiteRevision != 1 || res.Lock.Find(2023).Output["2023/index.html"] != Digest([]byte("<p>a, restyled</p>")) {
		t.Fatalf("under a site-wide revision: %+v %v", res, probs)
	}
	if got := res.Recorded(); strings.Join(got, ",") != "site r1" {
		t.Errorf("recorded %v", got)
	}
	corrected := e2022
	corrected.Revision = 2
	if res, probs := (Check{Dir: dir, Lock: lock, Editions: []Edition{corrected, now}}).Run(); len(probs) > 0 || res.Lock.Find(2023).Revision != 1 {
		t.Fatalf("2023's pages after a 2022 erratum: %+v %v", res, probs)
	}
	// A correction of 2022 that changes 2023's numbers needs its own erratum.
	renumbered := edition2023(strings.Replace(results1, "79.00", "79.50", 1), "<p>a</p>")
	renumbered.Inputs = now.Inputs
	if _, probs := (Check{Dir: dir, Lock: lock, Editions: []Edition{corrected, renumbered}}).Run(); len(probs) != 1 || !strings.Contains(probs[0].Format(problem.EN), "erratum") {
		t.Fatalf("2023's numbers after a 2022 erratum: %v", probs)
	}
}

func TestWithdrawnEdition(t *testing.T) {
	dir := t.TempDir()
	lock := publish(t, dir, edition2023(results1, "<p>a</p>"))
	_, probs := Check{Dir: dir, Lock: lock}.Run()
	if len(probs) != 1 || probs[0].Code != problem.EditionWithdrawn || !strings.Contains(probs[0].Found, "2023") {
		t.Fatalf("a published year left out: %v", probs)
	}
}

// A scheme rewritten without changing a number (its rules put another way)
// passes under a site-wide revision, and only under one; a data file never.
func TestSchemeRewrittenSameNumbers(t *testing.T) {
	dir := t.TempDir()
	lock := publish(t, dir, edition2023(results1, "<p>a</p>"))
	now := edition2023(results1, "<p>a, with its rules</p>")
	now.Inputs = map[string]string{"data/2023/民主测评.xlsx": now.Inputs["data/2023/民主测评.xlsx"], "schemes/s.yaml": Digest([]byte("rules as data"))}
	now.Output["2023/data/manifest.json"] = Digest([]byte("the scheme's new digest"))
	if _, probs := (Check{Dir: dir, Lock: lock, Editions: []Edition{now}, Scheme: "schemes/s.yaml"}).Run(); len(probs) != 1 || !strings.Contains(probs[0].Format(problem.EN), "site-wide revision") {
		t.Fatalf("a rewritten scheme without a revision: %v", probs)
	}
	res, probs := Check{Dir: dir, Lock: lock, Editions: []Edition{now}, SiteRevisions: 1, Scheme: "schemes/s.yaml"}.Run()
	if len(probs) > 0 || res.Lock.Find(2023).Inputs["schemes/s.yaml"] == "" {
		t.Fatalf("under a site-wide revision: %+v %v", res, probs)
	}
	// A data file changed with the same exports (a roster's name) needs an erratum.
	roster := now
	roster.Inputs = map[string]string{"data/2023/民主测评.xlsx": Digest([]byte("same numbers, another name")), "schemes/s.yaml": now.Inputs["schemes/s.yaml"]}
	if _, probs := (Check{Dir: dir, Lock: lock, Editions: []Edition{roster}, SiteRevisions: 1, Scheme: "schemes/s.yaml"}).Run(); len(probs) != 1 || !strings.Contains(probs[0].Format(problem.EN), "erratum") {
		t.Fatalf("a data file changed under a revision: %v", probs)
	}
	// Once the numbers change, a revision is not enough.
	renumbered := edition2023(strings.Replace(results1, "79.00", "79.50", 1), "<p>a</p>")
	renumbered.Inputs = now.Inputs
	if _, probs := (Check{Dir: dir, Lock: lock, Editions: []Edition{renumbered}, SiteRevisions: 1, Scheme: "schemes/s.yaml"}).Run(); len(probs) != 1 || !strings.Contains(probs[0].Format(problem.EN), "erratum") {
		t.Fatalf("numbers changed under a revision: %v", probs)
	}
}
