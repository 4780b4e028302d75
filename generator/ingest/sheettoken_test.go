package ingest

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"

	"dutyreport/generator/problem"
)

// tokenRows is the sheet reader that scanRows replaced, kept as the
// reference the scanner is checked against (TestSheetScanAgrees…,
// FuzzSheetScan): encoding/xml's RawToken over the part r, non-strict as
// it read. It is as it was but for one fix: a </c> before any <c> of its
// row, which made it index cells[-1] and panic, is left out.
func (x *xlsx) tokenRows(part string, r io.Reader, fn func(row int, cells []string) bool, odd func(oddity)) error {
	dec := xml.NewDecoder(r)
	dec.Strict = false
	var (
		row, col  int // the current row, and the column of the current cell (1-based)
		cells     []string
		typ       string
		style     int
		val, str  bytes.Buffer // the <v> value, and the inline string's text
		formula   bytes.Buffer
		inV, inT  bool
		inF, hasF bool
		hasV      bool
		phonetic  int
		inRow     bool
		stopped   bool
		emitUntil = func(n int) bool { // empty rows the file leaves out
			for r := row + 1; r < n; r++ {
				if !fn(r, nil) {
					return false
				}
			}
			return true
		}
	)
	for !stopped {
		tok, err := dec.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("%s: %w", part, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "row":
				n := row + 1
				if ra := attr(t, "r"); ra != "" {
					switch r, err := strconv.Atoi(ra); {
					case err != nil:
						odd(oddity{kind: "row", row: n, col: 1, found: clip(ra), expected: problem.T(problem.TRowNumber)})
					case r < 1:
						odd(oddity{kind: "row", row: n, col: 1, found: ra, expected: problem.T(problem.TRowFromOne)})
					case r <= row:
						odd(oddity{kind: "row", row: n, col: 1, found: ra, expected: problem.T(problem.TRowAfter, row)})
					default:
						n = r
					}
				}
				if n > maxRows {
					return &tooLarge{fmt.Sprintf("%s: row %d is beyond Excel's last row, %d", part, n, maxRows)}
				}
				if !emitUntil(n) {
					return nil
				}
				row, col, cells, inRow = n, 0, nil, true
			case "c":
				col++
				if ref := attr(t, "r"); ref != "" {
					if c := refColumn(ref); c > 0 {
						col = c
					}
				}
				if col > maxColumns {
					return &tooLarge{fmt.Sprintf("%s: a cell of row %d is beyond Excel's last column, XFD", part, row)}
				}
				typ = attr(t, "t")
				style, _ = strconv.Atoi(attr(t, "s"))
				val.Reset()
				str.Reset()
				formula.Reset()
				hasV, hasF = false, false
			case "v":
				inV, hasV = true, true
			case "f":
				inF, hasF = true, true
			case "rPh":
				phonetic++
			case "t":
				inT = phonetic == 0
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "v":
				inV = false
			case "f":
				inF = false
			case "t":
				inT = false
			case "rPh":
				phonetic--
			case "c":
				if typ == "s" && hasV && !x.tokenStringIndex(val.Bytes()) {
					last := problem.T(problem.TNoSharedStrings)
					if len(x.strings) > 0 {
						last = problem.T(problem.TSharedStringIndex, len(x.strings)-1)
					}
					odd(oddity{kind: "string", row: row, col: col, found: clip(val.String()), expected: last})
				}
				v := x.tokenCellText(typ, style, val.Bytes())
				switch {
				case typ == "inlineStr" && str.Len() > 0:
					v = unescape(str.String())
				case !hasV && hasF:
					// A cell of a shared formula holds only <f t="shared" si="0"/>.
					v = uncomputed + formula.String()
				}
				if v != "" && col >= 1 && col <= maxColumns {
					for len(cells) < col {
						cells = append(cells, "")
					}
					cells[col-1] = v
				}
			case "row":
				if inRow {
					inRow = false
					stopped = !fn(row, cells)
				}
			}
		case xml.CharData:
			if val.Len()+str.Len()+formula.Len()+len(t) > maxCellBytes {
				return &tooLarge{fmt.Sprintf("%s: a cell of row %d is longer than %d KiB", part, row, maxCellBytes>>10)}
			}
			switch {
			case inV:
				val.Write(t)
			case inT:
				str.Write(t)
			case inF:
				formula.Write(t)
			}
		}
	}
	return nil
}

// tokenCellText is cellText as tokenRows had it.
func (x *xlsx) tokenCellText(typ string, style int, v []byte) string {
	switch typ {
	case "s":
		if !x.tokenStringIndex(v) {
			return ""
		}
		i, _ := strconv.Atoi(string(bytes.TrimSpace(v)))
		return x.strings[i]
	case "", "n":
		if style > 0 && style < len(x.percent) && x.percent[style] && len(v) > 0 {
			if p, ok := percentText(string(v)); ok {
				return p
			}
		}
	}
	return string(v)
}

// tokenStringIndex reports whether v is the index of a shared string.
func (x *xlsx) tokenStringIndex(v []byte) bool {
	i, err := strconv.Atoi(string(bytes.TrimSpace(v)))
	return err == nil && i >= 0 && i < len(x.strings)
}
