package generator

import (
	"os"
	"path/filepath"
	"testing"

	"dutyreport/generator/blank"
)

// TestTemplateRunStoppedMidway: a run of `dutyreport template` that cannot
// replace one of its templates (open in Excel on Windows; here a folder in
// its place) stops with an error, and leaves the folder one that the next
// run takes: every file in it is as an earlier run or this one made it.
func TestTemplateRunStoppedMidway(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	old := []blank.Book{{Name: "a.xlsx", Data: []byte("a1")}, {Name: "b.xlsx", Data: []byte("b1")}, {Name: "c.xlsx", Data: []byte("c1")}}
	if _, err := writeTemplates(dir, old, nil); err != nil {
		t.Fatal(err)
	}
	mine, err := madeByTemplate(dir)
	if err != nil || len(mine) != 3 {
		t.Fatalf("the first run's files: %v %v", mine, err)
	}
	// c.xlsx cannot be replaced: a folder stands in its way.
	if err := os.Remove(filepath.Join(dir, "c.xlsx")); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "c.xlsx", "in-use"), 0o755); err != nil {
		t.Fatal(err)
	}
	delete(mine, "c.xlsx")
	next := []blank.Book{{Name: "a.xlsx", Data: []byte("a2")}, {Name: "b.xlsx", Data: []byte("b2")}, {Name: "c.xlsx", Data: []byte("c2")}}
	if _, err := writeTemplates(dir, next, mine); err == nil {
		t.Fatal("replacing a folder by a template succeeded")
	}
	if _, err := os.Stat(filepath.Join(dir, "c.xlsx.tmp")); !os.IsNotExist(err) {
		t.Errorf("the stopped run left its temporary file: %v", err)
	}
	if err := os.RemoveAll(filepath.Join(dir, "c.xlsx")); err != nil {
		t.Fatal(err)
	}
	mine, err = madeByTemplate(dir)
	if err != nil || len(mine) != 2 {
		t.Fatalf("after a stopped run the folder is refused: %v %v", mine, err)
	}
	if _, err := writeTemplates(dir, next, mine); err != nil {
		t.Fatal(err)
	}
	if mine, err = madeByTemplate(dir); err != nil || len(mine) != 3 {
		t.Errorf("the next run's files: %v %v", mine, err)
	}
}
