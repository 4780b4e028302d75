package ingest

import (
	"slices"
	"strings"

	"dutyreport/generator/config"
)

// column describes one column that a sheet may have: its header, the other
// headers clerks write for it, and whether the sheet is useless without it.
type column struct {
	name     string
	aliases  []string
	required bool
	// unit marks the columns that name the unit (its code, its name): a
	// header needs at least one of them.
	unit bool
}

// headerScan is how many rows from the top are searched for the header row:
// enough for a title, a subtitle, a date line and a blank row or two.
const headerScan = 20

// maxHeaderDepth is how many rows a header may span: 主体责任 over 基础分
// and 扣分 is two, with a third for a group over several responsibilities.
const maxHeaderDepth = 3

// header maps each wanted column to its 0-based index in the sheet, -1 when
// the sheet lacks it.
type header struct {
	row   int   // 1-based row of the header's last row
	at    []int // index by position in the wanted list
	found int   // how many wanted columns it has
}

// headerKey folds a header for comparison. Beyond FoldName (width, spaces,
// line breaks), it drops a leading * (templates mark required columns so),
// a unit in brackets at the end (平均分（分）, 应完成次数(次)), and the
// separators clerks put between the levels of a header (主体责任/基础分).
func headerKey(s string) string {
	s = strings.TrimLeft(config.FoldName(s), "*")
	if i := strings.LastIndex(s, "("); i > 0 && strings.HasSuffix(s, ")") {
		s = s[:i]
	}
	return strings.Map(func(r rune) rune {
		switch r {
		case '/', '-', '_', '·', '|', '\\', '、', ':':
			return -1
		}
		return r
	}, s)
}

// keys gives the folded names a column answers to.
func (c column) keys() []string {
	out := []string{headerKey(c.name)}
	for _, a := range c.aliases {
		out = append(out, headerKey(a))
	}
	return out
}

// bandNames gives each column of a band of header rows (top first) the names
// it may go by, best first: the levels joined (主体责任 over 基础分 gives
// 主体责任基础分), then its own lowest text (基础分, or 单位编码 for a cell
// merged down over the rows). A merged group cell's text is stored in its
// first column only, so an upper level is carried right over empty cells.
func bandNames(band [][]string) [][]string {
	width := 0
	for _, r := range band {
		width = max(width, len(r))
	}
	names := make([][]string, width)
	carry := make([]string, len(band))
	for i := range width {
		var parts []string
		own := ""
		for level, r := range band {
			cell := ""
			if i < len(r) {
				cell = headerKey(r[i])
			}
			if cell != "" {
				own = cell
			}
			if level < len(band)-1 { // upper levels carry right
				if cell != "" {
					carry[level] = cell
				} else if below := lowerText(band[level+1:], i); below == "" {
					carry[level] = "" // nothing under it either: the group has ended
				}
				cell = carry[level]
			}
			if cell != "" && (len(parts) == 0 || parts[len(parts)-1] != cell) {
				parts = append(parts, cell)
			}
		}
		names[i] = []string{strings.Join(parts, ""), own}
	}
	return names
}

// lowerText gives the first non-empty text of column i in the rows.
func lowerText(rows [][]string, i int) string {
	for _, r := range rows {
		if i < len(r) {
			if s := headerKey(r[i]); s != "" {
				return s
			}
		}
	}
	return ""
}

// matchBand matches a band of header rows against the wanted columns. A
// column is first sought by its joined name, then by any name, so that
// 主体责任基础分 finds the column under 主体责任, not the first 基础分. ok is
// true when every required column, and a unit column, is there.
func matchBand(band [][]string, want []column, keys [][]string) (h header, missing []string, ok bool) {
	names := bandNames(band)
	h.at = make([]int, len(want))
	taken := make([]bool, len(names))
	hasUnit, needsUnit := false, false
	for w := range want {
		h.at[w] = -1
	}
	for pass := range 2 {
		for w := range want {
			if h.at[w] >= 0 {
				continue
			}
			for i, ns := range names {
				if !taken[i] && anyKey(ns[:pass+1], keys[w]) {
					h.at[w], taken[i] = i, true
					h.found++
					break
				}
			}
		}
	}
	for w, col := range want {
		needsUnit = needsUnit || col.unit
		if h.at[w] < 0 {
			if col.required {
				missing = append(missing, col.name)
			}
		} else if col.unit {
			hasUnit = true
		}
	}
	if needsUnit && !hasUnit {
		missing = append(missing, unitNames(want))
	}
	return h, missing, len(missing) == 0
}

func anyKey(names, keys []string) bool {
	for _, n := range names {
		if n == "" {
			continue
		}
		for _, k := range keys {
			if n == k {
				return true
			}
		}
	}
	return false
}

// unitNames names the unit columns, for messages: 单位编码 or 单位名称.
func unitNames(want []column) string {
	var out []string
	for _, c := range want {
		if c.unit {
			out = append(out, c.name)
		}
	}
	return strings.Join(out, " / ")
}

// names lists the headers of columns, for messages.
func names(cols []column) string {
	var out []string
	for _, c := range cols {
		if c.required {
			out = append(out, c.name)
		}
	}
	if u := unitNames(cols); u != "" && !strings.Contains(strings.Join(out, ","), u) {
		out = append([]string{u}, out...)
	}
	return strings.Join(out, ", ")
}

// headerFinder finds the header among a sheet's top rows, fed one at a
// time: the band of one to three rows matching the most wanted columns.
// A header that matches is kept until the next rows are seen, since the
// row below may be its second level.
type headerFinder struct {
	want []column
	keys [][]string
	top  [][]string // rows from row 1
	best header
	ok   bool
}

func newHeaderFinder(want []column) *headerFinder {
	f := &headerFinder{want: want}
	for _, c := range want {
		f.keys = append(f.keys, c.keys())
	}
	return f
}

// add takes the next row and reports whether the header is settled: found
// and not improved by the rows below it, or not found in the rows searched.
func (f *headerFinder) add(cells []string) (settled bool) {
	f.top = append(f.top, slices.Clone(cells)) // kept: the reader reuses cells
	n := len(f.top)
	for depth := 1; depth <= min(maxHeaderDepth, n); depth++ {
		h, _, ok := matchBand(f.top[n-depth:], f.want, f.keys)
		if ok && (!f.ok || h.found > f.best.found) {
			h.row = n
			f.best, f.ok = h, true
		}
	}
	if f.ok {
		return n >= f.best.row+maxHeaderDepth-1
	}
	return n >= headerScan
}
