package ingest

import (
	"strings"

	"dutyreport/generator/config"
)

// column describes one column that a sheet may have: its header, the other
// headers clerks write for it, and whether the sheet is useless without it.
type column struct {
	name     string
	aliases  []string
	required bool
}

// headerScan is how many rows from the top are searched for the header row:
// enough for a title, a subtitle, a date line and a blank row or two.
const headerScan = 20

// header maps each wanted column to its 0-based index in the sheet, -1 when
// the sheet lacks it.
type header struct {
	row int   // 1-based row of the header
	at  []int // index by position in the wanted list
}

// findHeader returns the first row, among the first headerScan, that holds
// every required column's header, comparing folded text (width, spaces).
// Rows are given as the raw cells of rows 1..n.
func findHeader(rows [][]string, want []column) (header, bool) {
	for r, cells := range rows {
		if h, ok := matchHeader(cells, want); ok {
			h.row = r + 1
			return h, true
		}
	}
	return header{}, false
}

func matchHeader(cells []string, want []column) (header, bool) {
	folded := make([]string, len(cells))
	for i, c := range cells {
		folded[i] = config.FoldName(c)
	}
	h := header{at: make([]int, len(want))}
	for w, col := range want {
		h.at[w] = -1
		for i, f := range folded {
			if f != "" && col.matches(f) {
				h.at[w] = i
				break
			}
		}
		if h.at[w] < 0 && col.required {
			return header{}, false
		}
	}
	return h, true
}

func (c column) matches(folded string) bool {
	if folded == config.FoldName(c.name) {
		return true
	}
	for _, a := range c.aliases {
		if folded == config.FoldName(a) {
			return true
		}
	}
	return false
}

// missingColumns lists the required headers absent from the best candidate
// row, for the error message.
func missingColumns(rows [][]string, want []column) (best int, missing []string) {
	bestCount := -1
	for r, cells := range rows {
		folded := make([]string, len(cells))
		for i, c := range cells {
			folded[i] = config.FoldName(c)
		}
		var miss []string
		count := 0
		for _, col := range want {
			found := false
			for _, f := range folded {
				if f != "" && col.matches(f) {
					found = true
					break
				}
			}
			if found {
				count++
			} else if col.required {
				miss = append(miss, col.name)
			}
		}
		if count > bestCount {
			best, bestCount, missing = r+1, count, miss
		}
	}
	return best, missing
}

// names lists the headers of columns, for messages.
func names(cols []column) string {
	var out []string
	for _, c := range cols {
		if c.required {
			out = append(out, c.name)
		}
	}
	return strings.Join(out, ", ")
}
