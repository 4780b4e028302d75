package problem

// PerFile is how many problems of one file are printed in full: a wrong
// 46,000-row sheet would otherwise print a line for every cell. The rest
// are counted, a line for each kind, and printed whole with --verbose.
const PerFile = 50

// Folded counts the problems of one file and code past its first PerFile:
// how many, and the rows they lie on (0 when none has a row, or when they
// lie on several sheets, whose rows are not one range).
type Folded struct {
	File              string
	Code              Code
	Severity          Severity
	N                 int
	FirstRow, LastRow int
	sheet             string
	sheets            bool // more than one sheet
}

// Capped gives the problems to print in full, the first perFile of each
// file in the list's order, and the others folded by file and code, in the
// order of their first problem.
func (l List) Capped(perFile int) (shown List, folded []Folded) {
	count := map[string]int{}
	at := map[[2]string]int{} // file and code → index in folded
	for _, p := range l {
		if count[p.Pos.File]++; count[p.Pos.File] <= perFile || p.Pos.File == "" {
			shown = append(shown, p)
			continue
		}
		k := [2]string{p.Pos.File, string(p.Code)}
		i, ok := at[k]
		if !ok {
			i = len(folded)
			at[k] = i
			folded = append(folded, Folded{File: p.Pos.File, Code: p.Code, Severity: p.Severity, sheet: p.Pos.Sheet})
		}
		f := &folded[i]
		f.sheets = f.sheets || p.Pos.Sheet != f.sheet
		f.N++
		if p.Severity == Error {
			f.Severity = Error
		}
		if _, row, ok := splitCell(p.Pos.Cell); ok {
			if f.FirstRow == 0 || row < f.FirstRow {
				f.FirstRow = row
			}
			f.LastRow = max(f.LastRow, row)
		}
	}
	return shown, folded
}

// Format writes the line of a fold in lang.
func (f Folded) Format(lang Lang) string {
	kind := texts[tErrors].in(lang)
	if f.Severity == Warning {
		kind = texts[tWarnings].in(lang)
	}
	if f.FirstRow > 0 && !f.sheets {
		return T(TMoreProblemsRows, f.File, f.N, kind, f.Code.Message(lang), f.FirstRow, f.LastRow).In(lang)
	}
	return T(TMoreProblems, f.File, f.N, kind, f.Code.Message(lang)).In(lang)
}
