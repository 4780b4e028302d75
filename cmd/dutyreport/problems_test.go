package main

import (
	"bytes"
	"strings"
	"testing"

	"dutyreport/generator/problem"
)

// TestProblemsCapped: a wrong sheet of thousands of rows prints the first
// problem.PerFile problems of its file, then one line for each kind of the
// rest, with their count and rows, before the next file's; --verbose
// prints them all.
func TestProblemsCapped(t *testing.T) {
	var probs problem.List
	for row := 2; row < 3002; row++ {
		code := problem.IngestNotANumber
		if row%3 == 0 {
			code = problem.IngestEmptyCell
		}
		probs.Add(problem.Problem{Pos: problem.At("data/2024/纪实台账.xlsx", "Sheet1", row, 5), Code: code})
	}
	probs.Add(problem.Problem{Pos: problem.At("data/2024/民主测评.xlsx", "Sheet1", 2, 3), Code: problem.IngestNotANumber})
	for _, all := range []bool{false, true} {
		var out bytes.Buffer
		g := &globals{lang: "en", stderr: &out, allProblems: all}
		printProblems(g, probs)
		lines := strings.Split(strings.TrimSpace(out.String()), "\n")
		if all {
			if len(lines) != len(probs) {
				t.Errorf("--verbose: %d lines, want %d", len(lines), len(probs))
			}
			continue
		}
		want := []string{
			"data/2024/纪实台账.xlsx: 1967 more errors: is not a number, in rows 52 to 3001 (--verbose shows them all)",
			"data/2024/纪实台账.xlsx: 983 more errors: a required cell is empty, in rows 54 to 3000 (--verbose shows them all)",
		}
		if len(lines) != problem.PerFile+3 || lines[problem.PerFile] != want[0] || lines[problem.PerFile+1] != want[1] ||
			!strings.HasPrefix(lines[problem.PerFile+2], "data/2024/民主测评.xlsx!Sheet1!C2") {
			t.Errorf("got %d lines, from line %d:\n%s", len(lines), problem.PerFile+1, strings.Join(lines[min(problem.PerFile, len(lines)):], "\n"))
		}
	}
}
