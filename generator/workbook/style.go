package workbook

import (
	"slices"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// styles are the cell styles of one workbook, made once: excelize numbers
// styles in the order they are created, so a fixed order keeps the bytes fixed.
type styles struct {
	title, header        int
	dateISO, dateChinese int
	percent              int
}

// titleHeight is the height in points of a merged title row.
const titleHeight = 30

func newStyles(f *excelize.File, sheets []Sheet) (styles, error) {
	var st styles
	thin := []excelize.Border{
		{Type: "left", Color: "000000", Style: 1}, {Type: "top", Color: "000000", Style: 1},
		{Type: "right", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1},
	}
	center := &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}
	iso, chinese := "yyyy-mm-dd", `yyyy"年"m"月"d"日"`
	for _, s := range []struct {
		id    *int
		style excelize.Style
	}{
		{&st.title, excelize.Style{Font: &excelize.Font{Bold: true, Size: 16, Family: "宋体"}, Alignment: center}},
		{&st.header, excelize.Style{Font: &excelize.Font{Bold: true, Size: 11, Family: "宋体"}, Alignment: center, Border: thin,
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9D9D9"}}}},
		{&st.dateISO, excelize.Style{CustomNumFmt: &iso}},
		{&st.dateChinese, excelize.Style{CustomNumFmt: &chinese}},
	} {
		id, err := f.NewStyle(&s.style)
		if err != nil {
			return st, err
		}
		*s.id = id
	}
	if usesPercent(sheets) { // only then, so that other workbooks keep their bytes
		id, err := f.NewStyle(&excelize.Style{NumFmt: 10}) // 0.00%
		if err != nil {
			return st, err
		}
		st.percent = id
	}
	return st, nil
}

func usesPercent(sheets []Sheet) bool {
	for _, sh := range sheets {
		for _, r := range sh.Rows {
			for _, v := range r {
				if _, ok := v.(Percent); ok {
					return true
				}
			}
		}
	}
	return false
}

func (st styles) date(d DateCell) int {
	if d.Chinese {
		return st.dateChinese
	}
	return st.dateISO
}

type colWidth struct {
	col   string
	width float64
}

// widthSample is how many rows are measured for a column's width: enough
// to see the header and typical values of a long ledger.
const widthSample = 500

// columnWidths gives every used column a width: Sheet.Widths where given,
// else from the widest value in the first rows (a CJK character counts as
// two), as a clerk would have widened them. Merged title cells are not
// measured: their text spans the merge.
func columnWidths(sh Sheet) []colWidth {
	skip := map[[2]int]bool{}
	for _, m := range sh.Merges {
		if tl, _, err := splitRange(m); err == nil {
			c, r, _ := excelize.CellNameToCoordinates(tl)
			skip[[2]int{r, c}] = true
		}
	}
	var widest []int
	for r, row := range sh.Rows[:min(len(sh.Rows), widthSample)] {
		for c, v := range row {
			for len(widest) <= c {
				widest = append(widest, 0)
			}
			if !skip[[2]int{r + 1, c + 1}] {
				widest[c] = max(widest[c], displayWidth(v))
			}
		}
	}
	out := make([]colWidth, 0, len(widest))
	for c, w := range widest {
		name, _ := excelize.ColumnNumberToName(c + 1)
		width := float64(min(max(w+2, 6), 60))
		if given, ok := sh.Widths[name]; ok {
			width = given
		}
		out = append(out, colWidth{name, width})
	}
	// Widths for columns beyond the data, in column order.
	var extra []string
	for name := range sh.Widths {
		if n, err := excelize.ColumnNameToNumber(name); err == nil && n > len(widest) {
			extra = append(extra, name)
		}
	}
	slices.SortFunc(extra, func(a, b string) int {
		x, _ := excelize.ColumnNameToNumber(a)
		y, _ := excelize.ColumnNameToNumber(b)
		return x - y
	})
	for _, name := range extra {
		out = append(out, colWidth{name, sh.Widths[name]})
	}
	return out
}

// displayWidth is the width of a value in character cells.
func displayWidth(v any) int {
	var s string
	switch v := v.(type) {
	case string:
		s = v
	case Number:
		s = string(v)
	case int:
		s = strconv.Itoa(v)
	case int32:
		s = strconv.Itoa(int(v))
	case int64:
		s = strconv.FormatInt(v, 10)
	case float64:
		s = strconv.FormatFloat(v, 'f', -1, 64)
	case DateCell:
		if v.Chinese {
			return 11
		}
		return 10
	case time.Time:
		return 10
	}
	return TextWidth(s)
}

// TextWidth is how many character cells s takes in a spreadsheet column:
// two for a Chinese character, one for an ASCII one.
func TextWidth(s string) int {
	w := 0
	for _, r := range s {
		if utf8.RuneLen(r) > 1 {
			w += 2
		} else {
			w++
		}
	}
	return w
}
