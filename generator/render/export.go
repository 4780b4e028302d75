package render

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strconv"
	"strings"

	"dutyreport/generator/view"
)

// bom is the UTF-8 byte order mark: with it, Excel opens a CSV file as UTF-8
// instead of the system's GBK, and Chinese text stays readable.
const bom = "\ufeff"

// CSV writes a year's results, one row per unit in code order, columns in
// the scheme's order, with a header of the theme's language.
func CSV(e *view.Export, t *Theme) []byte {
	var b bytes.Buffer
	b.WriteString(bom)
	w := csv.NewWriter(&b)
	w.UseCRLF = true // what Excel writes and expects
	head := []string{t.String("year"), t.String("unit_code"), t.String("unit"), t.String("category"), t.String("groups"), t.String("rank")}
	for _, c := range e.Columns {
		head = append(head, c.Name)
	}
	head = append(head, t.String("total"), t.String("band"), t.String("consequences"))
	_ = w.Write(head)
	year := strconv.Itoa(e.Year)
	for _, u := range e.Units {
		rank := ""
		if u.Rank > 0 {
			rank = strconv.Itoa(u.Rank)
		}
		row := []string{year, u.Code, u.Name, u.Category, u.Group, rank}
		for _, s := range u.Scores {
			row = append(row, s.Value)
		}
		row = append(row, u.Total, u.Band, strings.Join(u.Consequences, "；"))
		_ = w.Write(row)
	}
	w.Flush()
	return b.Bytes()
}

// JSON writes a year's results with a stable key order (struct order),
// scores as strings, Chinese unescaped, and a final newline.
func JSON(e *view.Export) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	_ = enc.Encode(e) // a view.Export always encodes
	return b.Bytes()
}
