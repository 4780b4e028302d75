package ingest

import (
	"strings"
	"unicode/utf8"

	"dutyreport/generator/problem"
)

// problem explains a sheet whose header was not found. When a row has some
// of the wanted columns, it is the row most like a header: the problem is
// there, with what the row says, the columns it has and those it lacks
// named apart, and for each one it lacks the cell of that row nearest its
// names (平均得分 for 平均分). When no row has any, the first rows looked at
// are shown as they are, so that the clerk sees what the tool saw. It also
// gives the required columns the row lacks (none when no row has any).
func (f *headerFinder) problem(file, sheet string) (problem.Problem, []string) {
	row, best := 0, header{found: -1}
	for n := 1; n <= len(f.top); n++ {
		if h, _, _ := matchBand(f.top[n-1:n], f.want, f.keys); h.found > best.found {
			row, best = n, h
		}
	}
	if best.found <= 0 {
		p := problem.Problem{Pos: problem.Position{File: file, Sheet: sheet}, Code: problem.IngestNoHeader, Expected: problem.Verbatim(names(f.want))}
		for n, cells := range f.top {
			if t := trimmed(cells); len(t) > 0 && len(p.Notes) < 3 {
				p.Notes = append(p.Notes, problem.Note{Pos: problem.At(file, sheet, n+1, 1), Text: problem.T(problem.TRowSays, clipRow(t))})
			}
		}
		return p, nil
	}
	cells := f.top[row-1]
	var has, lacks []string
	taken := map[int]bool{}
	unitFound := false
	for w, c := range f.want {
		if i := best.at[w]; i >= 0 {
			has, taken[i] = append(has, c.name), true
			unitFound = unitFound || c.unit
		}
	}
	var near []problem.Note
	for w, c := range f.want {
		if best.at[w] >= 0 || !(c.required || c.unit && !unitFound) {
			continue
		}
		if !c.unit {
			lacks = append(lacks, c.name)
		}
		if i, ok := nearestCell(cells, taken, f.keys[w]); ok {
			taken[i] = true
			near = append(near, problem.Note{Pos: problem.At(file, sheet, row, i+1), Text: problem.T(problem.TDidYouMean, text(cells[i]), c.name)})
		}
	}
	if !unitFound {
		lacks = append([]string{unitNames(f.want)}, lacks...)
	}
	return problem.Problem{Pos: problem.At(file, sheet, row, 1), Code: problem.IngestMissingColumn,
		Found:    clipRow(trimmed(cells)),
		Expected: problem.T(problem.THeaderColumns, names(f.want), problem.Joined(has), problem.Joined(lacks)),
		Notes:    near}, lacks
}

// clipRow gives a row's cells for a message, clipped.
func clipRow(cells []string) string {
	s := strings.Join(cells, " ")
	if utf8.RuneCountInString(s) <= 60 {
		return s
	}
	return string([]rune(s)[:60]) + "…"
}

// nearestCell finds the cell, among those not taken, whose header is
// nearest one of keys: one character off (two for a longer name), or
// holding it whole (测评平均分数 for 平均分).
func nearestCell(cells []string, taken map[int]bool, keys []string) (int, bool) {
	best, bestD := -1, 3
	for i, c := range cells {
		k := headerKey(c)
		if taken[i] || k == "" {
			continue
		}
		for _, key := range keys {
			d, ok := typoDistance([]rune(k), []rune(key))
			if !ok && strings.Contains(k, key) {
				d, ok = typoLimit([]rune(key)), true
			}
			if ok && d < bestD {
				best, bestD = i, d
			}
		}
	}
	return best, best >= 0
}

// typoLimit is how far a name may be typed wrong and still be told for
// the name b: one character, two for a name of more than four.
func typoLimit(b []rune) int {
	if len(b) > 4 {
		return 2
	}
	return 1
}

// typoDistance is the edit distance from a to b, and whether it is within
// typoLimit of b (names too far apart in length are not compared).
func typoDistance(a, b []rune) (int, bool) {
	limit := typoLimit(b)
	if len(a)-len(b) > limit || len(b)-len(a) > limit {
		return 0, false
	}
	d := editDistance(a, b)
	return d, d <= limit
}

// editDistance counts the characters to insert, delete or change to turn
// a into b.
func editDistance(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
