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

// matchHeader maps the wanted columns to the cells of a candidate header
// row, comparing folded text (width, spaces). ok is true when every required
// column is there.
func matchHeader(cells []string, want []column) (h header, ok bool) {
	h, _, missing := scanHeader(cells, want)
	return h, len(missing) == 0
}

// scanHeader matches one row against the wanted columns: where each is, how
// many were found, and the required ones that were not.
func scanHeader(cells []string, want []column) (h header, found int, missing []string) {
	folded := make([]string, len(cells))
	for i, c := range cells {
		folded[i] = config.FoldName(c)
	}
	h.at = make([]int, len(want))
	for w, col := range want {
		h.at[w] = -1
		for i, f := range folded {
			if f != "" && col.matches(f) {
				h.at[w] = i
				found++
				break
			}
		}
		if h.at[w] < 0 && col.required {
			missing = append(missing, col.name)
		}
	}
	return h, found, missing
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

// missingColumns finds the row most like a header among the top rows and
// the required headers it lacks, for the error message.
func missingColumns(rows [][]string, want []column) (best int, missing []string) {
	bestCount := -1
	for r, cells := range rows {
		if _, found, miss := scanHeader(cells, want); found > bestCount {
			best, bestCount, missing = r+1, found, miss
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
