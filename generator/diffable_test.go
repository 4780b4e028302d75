package generator

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"dutyreport/generator/edition"
)

// maxDiffLine is the longest changed line a reviewer reads in `git diff`
// of two builds whose inputs differ by one score (issue 25's target).
const maxDiffLine = 200

// TestOneScoreDiffsShort: one changed evaluation score in the example
// changes only short lines of the built site (each at most maxDiffLine
// characters), so that `git diff` of the two outputs reads as the units
// and numbers that changed: chart data a point a line, table cells a line
// each.
func TestOneScoreDiffsShort(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	t.Parallel()
	dir := copyExample(t)
	outA, outB := filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "b")
	if _, probs, err := Build(Options{Source: dir, Out: outA}); err != nil || probs.HasErrors() {
		t.Fatal(err, probs)
	}
	// A changed published year would be refused as a change to a frozen
	// edition: forget the first build's record of it.
	if err := os.Remove(filepath.Join(dir, edition.LockFile)); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(filepath.Join(dir, "data", "2023", "民主测评.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	// 清水镇 (T02): 81.19 → 85.19.
	if v, _ := f.GetCellValue("Sheet1", "E4"); v != "81.19" {
		t.Fatalf("the example's E4 is %q, not 清水镇's 81.19", v)
	}
	if err := f.SetCellValue("Sheet1", "E4", 85.19); err != nil {
		t.Fatal(err)
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if _, probs, err := Build(Options{Source: dir, Out: outB}); err != nil || probs.HasErrors() {
		t.Fatal(err, probs.Errors())
	}
	out, err := exec.Command("git", "diff", "--no-index", "--no-color", "-U0", outA, outB).Output()
	if err == nil {
		t.Fatal("the two builds do not differ")
	}
	var changed, long int
	files := map[string]bool{}
	longest, where := 0, ""
	file := ""
	for _, line := range strings.Split(string(out), "\n") {
		switch {
		case strings.HasPrefix(line, "+++ "), strings.HasPrefix(line, "--- "):
			if name := strings.TrimPrefix(line[4:], "b"); line[:3] == "+++" {
				file = name
			}
		case strings.HasPrefix(line, "+"), strings.HasPrefix(line, "-"):
			changed++
			files[file] = true
			n := utf8.RuneCountInString(line) - 1
			if n > maxDiffLine {
				long++
				if long <= 20 {
					t.Logf("%d characters in %s: %s", n, file, clip(line, 100))
				}
			}
			if n > longest {
				longest, where = n, file+": "+line
			}
		}
	}
	t.Logf("one changed score: %d changed lines in %d files, the longest %d characters: %s", changed, len(files), longest, clip(where, 160))
	if long > 0 {
		t.Errorf("%d changed lines are longer than %d characters; the longest (%d) in %s", long, maxDiffLine, longest, clip(where, 300))
	}
}
