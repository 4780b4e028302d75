package write

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func build(t *testing.T, out string, files map[string]string) *Tree {
	t.Helper()
	tr, err := Begin(out)
	if err != nil {
		t.Fatal(err)
	}
	for p, data := range files {
		if err := tr.Add(p, []byte(data)); err != nil {
			t.Fatal(err)
		}
	}
	return tr
}

func read(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestAbortedBuildLeavesOldSiteWhole(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if err := build(t, out, map[string]string{"index.html": "v1", "a/b.html": "b1"}).Commit(); err != nil {
		t.Fatal(err)
	}
	tr := build(t, out, map[string]string{"index.html": "v2"})
	tr.Abort()
	if read(t, filepath.Join(out, "index.html")) != "v1" || read(t, filepath.Join(out, "a", "b.html")) != "b1" {
		t.Error("an aborted build changed the old site")
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(out), TempPrefix+"*")); len(left) != 0 {
		t.Errorf("temporary folders left behind: %v", left)
	}
}

func TestKilledBuildIsCleanedUpNextTime(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	build(t, out, map[string]string{"index.html": "half"}) // never committed: a killed build
	if _, err := os.Stat(out); err == nil {
		t.Fatal("an uncommitted build is visible")
	}
	if err := build(t, out, map[string]string{"index.html": "v1"}).Commit(); err != nil {
		t.Fatal(err)
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(out), TempPrefix+"*")); len(left) != 0 {
		t.Errorf("the killed build's folder was not removed: %v", left)
	}
}

// TestKilledSwapKeepsThePreviousSite stops moveAside, the swap of systems
// without an atomic exchange, after its first rename, as a kill would: the
// next build must find the previous site and put it back, not delete it.
func TestKilledSwapKeepsThePreviousSite(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if err := build(t, out, map[string]string{"index.html": "v1"}).Commit(); err != nil {
		t.Fatal(err)
	}
	build(t, out, map[string]string{"index.html": "v2"})   // killed before its commit...
	if err := os.Rename(out, asideName(out)); err != nil { // ...right after moveAside's first rename
		t.Fatal(err)
	}
	tr, err := Begin(out)
	if err != nil {
		t.Fatal(err)
	}
	defer tr.Abort()
	if read(t, filepath.Join(out, "index.html")) != "v1" {
		t.Error("the previous site was not put back")
	}
	if err := tr.Add("index.html", []byte("v1")); err != nil {
		t.Fatal(err)
	}
	if err := moveAside(tr.tmp, out); err != nil {
		t.Fatal(err)
	}
	if read(t, filepath.Join(out, "index.html")) != "v1" {
		t.Error("moveAside did not put the new site in place")
	}
	if _, err := os.Lstat(asideName(out)); err == nil {
		t.Error("moveAside left the previous site aside")
	}
}

func TestOnlyChangedFilesAreRewritten(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if err := build(t, out, map[string]string{"same.html": "x", "changed.html": "1", "gone.html": "g"}).Commit(); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-time.Hour)
	for _, f := range []string{"same.html", "changed.html"} {
		if err := os.Chtimes(filepath.Join(out, f), old, old); err != nil {
			t.Fatal(err)
		}
	}
	tr := build(t, out, map[string]string{"same.html": "x", "changed.html": "2"})
	if err := tr.Commit(); err != nil {
		t.Fatal(err)
	}
	if tr.Written != 1 || tr.Unchanged != 1 {
		t.Errorf("written %d, unchanged %d; want 1 and 1", tr.Written, tr.Unchanged)
	}
	st, _ := os.Stat(filepath.Join(out, "same.html"))
	if !st.ModTime().Equal(old) {
		t.Error("an unchanged file was rewritten")
	}
	if read(t, filepath.Join(out, "changed.html")) != "2" {
		t.Error("a changed file was not written")
	}
	if _, err := os.Stat(filepath.Join(out, "gone.html")); err == nil {
		t.Error("a file no longer produced is still in the site")
	}
}

func TestPathsStayInsideTheSite(t *testing.T) {
	tr := build(t, filepath.Join(t.TempDir(), "public"), nil)
	defer tr.Abort()
	for _, p := range []string{"../x.html", "/etc/passwd", "a/../../b", `a\b`, ""} {
		if err := tr.Add(p, []byte("x")); err == nil {
			t.Errorf("Add(%q) was allowed", p)
		}
	}
}

// TestAddFromManyGoroutines adds a site's files from several goroutines at
// once, as a build's workers do: every file is written or linked once,
// the counts add up, and a file added twice is refused once.
func TestAddFromManyGoroutines(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	files := map[string]string{}
	for i := range 200 {
		files[fmt.Sprintf("%d/units/%03d.html", 2020+i%4, i)] = fmt.Sprint("page ", i)
	}
	if err := build(t, out, files).Commit(); err != nil {
		t.Fatal(err)
	}
	for p := range files {
		if strings.HasSuffix(p, "0.html") {
			files[p] += " changed" // 20 files change
		}
	}
	tr, err := Begin(out)
	if err != nil {
		t.Fatal(err)
	}
	paths := slices.Sorted(maps.Keys(files))
	paths = append(paths, paths[7]) // added twice
	var refused atomic.Int32
	var wg sync.WaitGroup
	for w := range 8 {
		wg.Go(func() {
			for i := w; i < len(paths); i += 8 {
				if err := tr.Add(paths[i], []byte(files[paths[i]])); err != nil {
					refused.Add(1)
				}
			}
		})
	}
	wg.Wait()
	if err := tr.Commit(); err != nil {
		t.Fatal(err)
	}
	if refused.Load() != 1 {
		t.Errorf("%d adds refused, want the one added twice", refused.Load())
	}
	if tr.Written != 20 || tr.Unchanged != 180 {
		t.Errorf("written %d, unchanged %d; want 20 and 180", tr.Written, tr.Unchanged)
	}
	for p, data := range files {
		if got := read(t, filepath.Join(out, filepath.FromSlash(p))); got != data {
			t.Errorf("%s holds %q, want %q", p, got, data)
		}
	}
}
