package blank

import (
	"fmt"
	"path"
	"strconv"
	"strings"

	"dutyreport/generator/config"
	"dutyreport/generator/ingest"
	"dutyreport/generator/record"
)

// Input is what the templates of a year are made from.
type Input struct {
	Scheme   *config.Scheme
	Register *record.Register
	// Inputs are site.yaml's inputs: the templates are named as the year's
	// input files, and their data sheet as a sheet named there (#sheet).
	Inputs config.Inputs
	Year   int
	// PerUnit writes the ledger as one workbook per unit, in a folder
	// named as the ledger, instead of one for all units.
	PerUnit bool
}

// Book is one template.
type Book struct {
	// Name is the file's path relative to the output folder, slash-separated:
	// 纪实台账.xlsx, or 纪实台账/T01 城关镇.xlsx for a unit's own ledger.
	Name string
	Kind record.Kind
	// Sheet is the data sheet's name: the one to fill in.
	Sheet string
	// Unit is the unit's code, for a unit's own ledger; "" otherwise.
	Unit string
	// Rows is how many rows the office wrote for units to complete; 0 for
	// a header alone (the case register, the roster).
	Rows int
	Data []byte
}

// Kinds lists the kinds a year's templates are made of under scheme s, in
// order: those a year must have (the ledger and the evaluation, the score
// sheet of a scheme scored by hand), the case register, and the roster of a
// scheme that assesses persons.
func Kinds(s *config.Scheme) []record.Kind {
	var out []record.Kind
	for k := range record.NumKinds {
		read, must := ingest.Reads(k, s)
		if must || read && k != record.KindScores {
			out = append(out, k)
		}
	}
	return out
}

// Make makes the templates of the year, in the order of Kinds; a unit's
// own ledgers in the register's order.
func Make(in Input) ([]Book, error) {
	var out []Book
	taken := map[string]bool{}
	for _, k := range Kinds(in.Scheme) {
		file, sheet := fileName(in, k, taken)
		if k == record.KindLedger && in.PerUnit {
			dir := strings.TrimSuffix(file, path.Ext(file))
			for i := range in.Register.Units {
				u := &in.Register.Units[i]
				if !u.ActiveIn(in.Year) {
					continue
				}
				t := ledger(in, u)
				if len(t.rows) == 0 {
					continue // a category with no task of the scheme
				}
				t.sheet = sheetName(u.Code)
				t.unit = u
				b, err := write(in, t)
				if err != nil {
					return nil, fmt.Errorf("blank: the ledger of %s: %w", u.Code, err)
				}
				out = append(out, Book{Name: dir + "/" + fileSafe(u.Code+" "+u.NameIn(in.Year)) + ".xlsx", Kind: k,
					Sheet: t.sheet, Unit: u.Code, Rows: len(t.rows), Data: b})
			}
			continue
		}
		var t *table
		switch k {
		case record.KindLedger:
			t = ledger(in, nil)
		case record.KindEvaluation:
			t = evaluation(in)
		case record.KindScores:
			t = scores(in)
		case record.KindCases:
			t = cases(in)
		case record.KindRoster:
			t = roster(in)
		}
		t.sheet = sheet
		b, err := write(in, t)
		if err != nil {
			return nil, fmt.Errorf("blank: %s: %w", k.Name(), err)
		}
		out = append(out, Book{Name: file, Kind: k, Sheet: sheet, Rows: len(t.rows), Data: b})
	}
	return out, nil
}

// fileName gives the template's file name and data sheet for kind k: the
// name of the year's input file as site.yaml gives it (an .xlsx whatever
// the extension there), and its first sheet named there, or the kind's
// name. Two kinds kept in one workbook (sheets of one file) get files of
// their own, named by the kind.
func fileName(in Input, k record.Kind, taken map[string]bool) (file, sheet string) {
	p := map[record.Kind]string{
		record.KindLedger: in.Inputs.Ledger, record.KindEvaluation: in.Inputs.Evaluation,
		record.KindScores: in.Inputs.Scores, record.KindCases: in.Inputs.Cases, record.KindRoster: in.Inputs.Roster,
	}[k]
	if p == "" {
		p = "data/{year}/" + k.Name() + ".xlsx"
	}
	rel, sheets := config.SplitInput(strings.ReplaceAll(p, "{year}", strconv.Itoa(in.Year)))
	base := path.Base(strings.ReplaceAll(rel, `\`, "/"))
	file = strings.TrimSuffix(base, path.Ext(base)) + ".xlsx"
	if taken[file] || file == ".xlsx" {
		file = k.Name() + ".xlsx"
	}
	taken[file] = true
	sheet = k.Name()
	if len(sheets) > 0 {
		sheet = sheetName(sheets[0])
	}
	return file, sheet
}

// sheetName makes s a name Excel takes for a sheet: at most 31 characters,
// none of : \ / ? * [ ].
func sheetName(s string) string {
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`:\/?*[]`, r) {
			return '_'
		}
		return r
	}, s)
	if r := []rune(s); len(r) > 31 {
		s = string(r[:31])
	}
	return s
}

// fileSafe makes s a file name Windows takes.
func fileSafe(s string) string {
	return strings.Map(func(r rune) rune {
		if r < ' ' || strings.ContainsRune(`<>:"/\|?*`, r) {
			return '_'
		}
		return r
	}, strings.TrimSpace(s))
}
