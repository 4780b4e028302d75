package stamp

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

func write(t *testing.T, name, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// A listing knows a file by its bytes: a file written again with other
// bytes of the same size, its time set back, is told apart; a skipped
// folder is not listed.
func TestListTellsFilesByTheirBytes(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a.txt"), "one")
	write(t, filepath.Join(dir, "sub", "b.txt"), "two")
	write(t, filepath.Join(dir, "out", "c.txt"), "three")
	if err := os.Symlink("a.txt", filepath.Join(dir, "link")); err != nil {
		t.Fatal(err)
	}
	skip := func(rel string, _ bool) bool { return rel == "out" }
	old := time.Now().Add(-time.Hour)
	os.Chtimes(filepath.Join(dir, "a.txt"), old, old)
	at := Now()
	first, err := List(dir, skip, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for p := range first {
		names = append(names, p)
	}
	slices.Sort(names)
	if want := []string{"a.txt", "link", "sub", "sub/b.txt"}; !slices.Equal(names, want) {
		t.Fatalf("listed %v, want %v", names, want)
	}
	same, _ := List(dir, skip, first, at)
	if !Equal(first, same) {
		t.Fatalf("nothing changed, and yet: %v", Changed(first, same))
	}
	write(t, filepath.Join(dir, "a.txt"), "uno")
	os.Chtimes(filepath.Join(dir, "a.txt"), old, old)
	changed, _ := List(dir, skip, first, at)
	if got := Changed(first, changed); !slices.Equal(got, []string{"a.txt"}) {
		t.Fatalf("changed %v, want [a.txt]", got)
	}
	os.Remove(filepath.Join(dir, "link"))
	os.Symlink("sub/b.txt", filepath.Join(dir, "link"))
	relinked, _ := List(dir, skip, changed, at)
	if got := Changed(changed, relinked); !slices.Equal(got, []string{"link"}) {
		t.Fatalf("changed %v, want [link]", got)
	}
}

// A file whose times are within the racy span of the stamp's time is read
// again even when its size and times are what the stamp has: a write in
// the same tick of the clock leaves them as they were.
func TestRacyFilesAreReadAgain(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "a.txt")
	write(t, name, "one")
	prev, _ := List(dir, nil, nil, 0)
	f := prev["a.txt"]
	f.Sum[0] ^= 1 // what a stamp would have, had the bytes changed since
	prev["a.txt"] = f
	if now, _ := List(dir, nil, prev, f.Mtime+racy/2); Equal(now, prev) {
		t.Fatal("a file changed within the racy span was taken by its times")
	}
	if now, _ := List(dir, nil, prev, max(f.Mtime, f.Change)+racy+1); !Equal(now, prev) {
		t.Fatal("a file well before the stamp was read again")
	}
	s := &Stamp{Time: f.Mtime + racy/2, Site: prev}
	if !s.Racy() {
		t.Fatal("Racy: false for a file within the span")
	}
}

// A stamp comes back as it was saved; one of another version, or
// damaged, is none.
func TestSaveLoad(t *testing.T) {
	name := Path(t.TempDir(), "/site/public")
	want := &Stamp{Key: "k", Time: 7, Site: Files{"a": {Size: 1}}, Out: Files{"b": {Size: 2}}, Report: []byte("r")}
	if err := want.Save(name); err != nil {
		t.Fatal(err)
	}
	got := Load(name)
	if got == nil || got.Key != "k" || got.Time != 7 || got.Site["a"].Size != 1 || got.Out["b"].Size != 2 || string(got.Report) != "r" {
		t.Fatalf("loaded %+v", got)
	}
	os.WriteFile(name, []byte("not a stamp"), 0o644)
	if Load(name) != nil {
		t.Fatal("a damaged stamp was read")
	}
	if Path("c", "/a/public") == Path("c", "/b/public") {
		t.Fatal("two output folders share a stamp")
	}
}
