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
	return table(func(w *csv.Writer) {
		head := []string{t.String("year"), t.String("unit_code"), t.String("unit"), t.String("category"), t.String("groups"), t.String("rank")}
		for _, c := range e.Columns {
			head = append(head, c.Name)
		}
		if e.CaseDeductions {
			head = append(head, t.String("case_deduction"))
		}
		head = append(head, t.String("total"), t.String("band"), t.String("consequences"), t.String("notices_count"), t.String("ineligible"))
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
			if e.CaseDeductions {
				row = append(row, u.CasePoints)
			}
			ineligible := ""
			if u.Ineligible {
				ineligible = t.String("yes")
			}
			row = append(row, u.Total, u.Band, strings.Join(u.Consequences, "；"), strconv.Itoa(u.Notices), ineligible)
			_ = w.Write(row)
		}
	})
}

// RankingCSV writes a year's rankings: one row per ranked unit, group by
// group in the scheme's order, each by rank (ties by code, as the ranking
// page shows them).
func RankingCSV(y *view.Year, t *Theme) []byte {
	return table(func(w *csv.Writer) {
		_ = w.Write([]string{t.String("year"), t.String("groups"), t.String("rank"), t.String("unit_code"), t.String("unit"), t.String("total"), t.String("band")})
		year := strconv.Itoa(y.Year)
		for _, r := range y.Rankings {
			for _, row := range r.Rows {
				_ = w.Write([]string{year, r.Group.Name, strconv.Itoa(row.Rank), row.Unit.Code, row.Unit.Name, row.Total, row.Band.Name})
			}
		}
	})
}

// BandsCSV writes how many units of each group fell in each band, with the
// band's lowest total; a band no unit reached is a row with 0.
func BandsCSV(y *view.Year, bands []view.Band, t *Theme) []byte {
	return table(func(w *csv.Writer) {
		_ = w.Write([]string{t.String("year"), t.String("groups"), t.String("band"), t.String("band_min"), t.String("count")})
		year := strconv.Itoa(y.Year)
		for _, r := range y.Rankings {
			for _, b := range bands {
				n := 0
				for _, row := range r.Rows {
					if row.Band.ID == b.ID {
						n++
					}
				}
				_ = w.Write([]string{year, r.Group.Name, b.Name, b.Min, strconv.Itoa(n)})
			}
		}
	})
}

// PersonsCSV writes how many persons of each role fell in each band, and
// how many were not banded: the public record of the individual
// assessments, so that a change to them is a change of the edition.
func PersonsCSV(y *view.Year, bands []view.Band, t *Theme) []byte {
	return table(func(w *csv.Writer) {
		_ = w.Write([]string{t.String("year"), t.String("role"), t.String("band"), t.String("persons_count")})
		year := strconv.Itoa(y.Year)
		for _, rc := range y.PersonCounts {
			role := t.String("role_" + rc.Role)
			for i, b := range bands {
				_ = w.Write([]string{year, role, b.Name, strconv.Itoa(rc.Counts[i])})
			}
			_ = w.Write([]string{year, role, t.String("unbanded"), strconv.Itoa(rc.Unbanded)})
		}
	})
}

// NoticesCSV writes a year's notices, one row per party held accountable,
// in the notices' order. The internal audience's file adds the ID and phone
// columns; whistleblowers and witnesses are counts in both.
func NoticesCSV(e *view.NoticesExport, t *Theme, internal bool) []byte {
	return table(func(w *csv.Writer) {
		head := []string{t.String("case_number"), t.String("year"), t.String("decision_date"), t.String("unit_code"), t.String("unit"),
			t.String("notice_title"), t.String("case_responsibility"), t.String("clause"), t.String("severity"), t.String("factors"), t.String("level"),
			t.String("subject_kind"), t.String("person"), t.String("position"), t.String("form"), t.String("handling"),
			t.String("facts"), t.String("appeal"), t.String("whistleblowers"), t.String("witnesses")}
		if internal {
			head = append(head, t.String("id_number"), t.String("phone"))
		}
		_ = w.Write(head)
		for _, n := range e.Notices {
			for _, s := range n.Subjects {
				row := []string{n.Number, strconv.Itoa(n.Year), n.Date, n.UnitCode, n.UnitName, n.Title, n.Responsibility, n.Clause, n.Severity, n.Factors, n.Level,
					s.Kind, s.Name, s.Position, s.Form, s.Handling, n.FactsText, n.Appeal, strconv.Itoa(n.Whistleblowers), strconv.Itoa(n.Witnesses)}
				if internal {
					row = append(row, s.IDNumber, s.Phone)
				}
				_ = w.Write(row)
			}
		}
	})
}

// table writes a CSV file as Excel reads it: a BOM, CRLF line ends.
func table(rows func(w *csv.Writer)) []byte {
	var b bytes.Buffer
	b.WriteString(bom)
	w := csv.NewWriter(&b)
	w.UseCRLF = true // what Excel writes and expects
	rows(w)
	w.Flush()
	return b.Bytes()
}

// JSON writes an export (a year's results or notices) with a stable key order (struct order),
// scores as strings, Chinese unescaped, and a final newline.
func JSON(e any) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	_ = enc.Encode(e) // a view.Export always encodes
	return b.Bytes()
}
