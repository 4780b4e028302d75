package ingest

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"math"
	"path"
	"strconv"
	"strings"
	"unicode/utf8"

	"dutyreport/generator/problem"
)

// xlsx reads a workbook's sheets as rows of raw cell text, straight from the
// zip archive. Excelize's Rows decodes each cell into a struct and reads
// every part of the file when it is opened; this reads only the workbook,
// its relationships, the shared strings and the one sheet asked for,
// streaming. The small parts are read with encoding/xml's tokenizer, the
// sheet with a scanner of its own (sheetscan.go) that reads what the
// tokenizer would, several times as fast. Excelize writes the example
// workbooks. Reading each part to its end makes archive/zip verify its
// checksum, so a damaged part is an error, not a short sheet.
type xlsx struct {
	zr       *zip.Reader
	parts    map[string]*zip.File // by lower-case, slash-separated name: writers differ
	sheets   []sheetInfo
	date1904 bool
	strings  []string // shared strings, read on first use
	sstPart  string
	sstRead  bool
	// percent tells, by cell style index, the styles that show a number as
	// a percent: the cell stores 0.925 and the clerk sees and means 92.5%.
	percent    []bool
	stylesPart string
	// lastRow gives, by sheet part, the last row its <dimension> names,
	// when it names one: how many rows a reader may make room for.
	lastRow map[string]int
	// merges gives, by sheet part, its merged cells, once its rows are read.
	merges map[string][]cellRange
}

// openXLSX reads the workbook part of the archive src; the file stays the
// caller's to close.
func openXLSX(src *io.SectionReader) (*xlsx, error) {
	zr, err := zip.NewReader(src, src.Size())
	if err != nil {
		return nil, err
	}
	x := &xlsx{zr: zr, parts: map[string]*zip.File{}}
	exact := map[string]bool{}
	for _, f := range zr.File {
		if exact[f.Name] { // which of the two would Excel read? Neither, safely.
			return nil, fmt.Errorf("the file holds two parts named %s: it is damaged or was tampered with", f.Name)
		}
		exact[f.Name] = true
		// An exact name wins over one that differs only in case.
		if k := partName(f.Name); x.parts[k] == nil || f.Name == strings.ToLower(f.Name) {
			x.parts[k] = f
		}
	}
	if err := x.readWorkbook(); err != nil {
		return nil, err
	}
	return x, nil
}

// readWorkbook finds the workbook part through the package relationships,
// then its sheets, their parts and the date system.
func (x *xlsx) readWorkbook() error {
	wbPart := "xl/workbook.xml"
	if rels, err := x.rels("_rels/.rels", ""); err == nil {
		for _, r := range rels {
			if strings.HasSuffix(r.typ, "/officeDocument") {
				wbPart = r.target
			}
		}
	}
	rels, err := x.rels(path.Join(path.Dir(wbPart), "_rels", path.Base(wbPart)+".rels"), path.Dir(wbPart))
	if err != nil {
		return err
	}
	byID := map[string]rel{}
	for _, r := range rels {
		byID[r.id] = r
		switch {
		case strings.HasSuffix(r.typ, "/sharedStrings"):
			x.sstPart = r.target
		case strings.HasSuffix(r.typ, "/styles"):
			x.stylesPart = r.target
		}
	}
	dec, closer, err := x.open(wbPart)
	if err != nil {
		return err
	}
	defer closer.Close()
	for {
		tok, err := dec.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("%s: %w", wbPart, err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "workbookPr":
			v := attr(se, "date1904")
			x.date1904 = v == "1" || v == "true"
		case "sheet":
			r := byID[attr(se, "id")]
			state := attr(se, "state")
			x.sheets = append(x.sheets, sheetInfo{name: attr(se, "name"), part: r.target,
				hidden: state == "hidden" || state == "veryHidden", worksheet: strings.HasSuffix(r.typ, "/worksheet"),
				kind: path.Base(r.typ)})
		}
	}
	if len(x.sheets) == 0 {
		return errors.New("the workbook has no sheets")
	}
	return nil
}

type rel struct{ id, typ, target string }

// rels reads a relationships part; targets are resolved against dir.
func (x *xlsx) rels(part, dir string) ([]rel, error) {
	dec, closer, err := x.open(part)
	if err != nil {
		return nil, err
	}
	defer closer.Close()
	var out []rel
	for {
		tok, err := dec.RawToken()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", part, err)
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "Relationship" {
			target := attr(se, "Target")
			if strings.HasPrefix(target, "/") {
				target = target[1:]
			} else {
				target = path.Join(dir, target)
			}
			out = append(out, rel{id: attr(se, "Id"), typ: attr(se, "Type"), target: target})
		}
	}
}

// open starts reading a part as XML tokens.
func (x *xlsx) open(part string) (*xml.Decoder, io.Closer, error) {
	r, closer, err := x.openPart(part)
	if err != nil {
		return nil, nil, err
	}
	dec := xml.NewDecoder(r)
	dec.Strict = false // as Excel is: unknown entities are kept as text
	return dec, closer, nil
}

// openPart starts reading a part's bytes, through its partLimit.
func (x *xlsx) openPart(part string) (io.Reader, io.Closer, error) {
	f := x.parts[partName(part)]
	if f == nil {
		return nil, nil, fmt.Errorf("the workbook has no part %s", part)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", part, err)
	}
	return &partLimit{r: rc, part: part}, rc, nil
}

// Limits against hostile files, each far beyond what Excel or WPS writes:
// a zip bomb or a sheet of one endless cell is refused, not read into
// memory or for hours. Rows and columns are Excel's own limits.
var (
	// maxFileBytes bounds an input file on disk, checked before anything
	// of it is read or digested: a full sheet packs to under 100 MB, and
	// its CSV is a few hundred.
	maxFileBytes   = int64(1 << 30)
	maxPartBytes   = int64(2 << 30) // decompressed bytes of one part: a full 1,048,576-row sheet of 16 columns is under 1 GiB
	maxCellBytes   = 1 << 20        // Excel holds at most 32,767 characters in a cell
	maxStrings     = 1 << 20        // shared strings: a unique text in every row of a full sheet
	maxStringBytes = 64 << 20       // bytes of all shared strings, held in memory as read
	maxMerges      = 1 << 16        // merged cells kept of a sheet: the rest are read as they are
)

// tooLarge is a file beyond a reading limit.
type tooLarge struct{ what string }

func (e *tooLarge) Error() string { return e.what }

// partLimit fails a part's reading past maxPartBytes, and past a span of
// maxSpan() bytes without a '<', as the bytes stream and before the XML
// decoder sees them. The decoder holds a whole text run (up to the next
// '<') in memory before it gives it out, and so a comment, an attribute or
// a tag: a sheet of 3 GiB of spaces, packed into 3 MB, would be in memory
// before any limit after the decoder could see it.
type partLimit struct {
	r    io.Reader
	n    int64
	span int // bytes since the last '<'
	part string
}

// maxSpan bounds the bytes between two '<' of a part: one tag and one text
// run, such as a cell's value. The longest cell, maxCellBytes once its
// entities are decoded, may be longer written out (&amp;); the rest is room
// for the tag. A cell Excel writes (32,767 characters) is far shorter.
func maxSpan() int { return 2*maxCellBytes + 64<<10 }

func (l *partLimit) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	if l.n += int64(n); l.n > maxPartBytes {
		return 0, &tooLarge{fmt.Sprintf("%s unpacks to more than %d MiB", l.part, maxPartBytes>>20)}
	}
	// Spans inside p are shorter than p, which is the decoder's small
	// buffer: only the runs at its ends are counted.
	first, last := bytes.IndexByte(p[:n], '<'), bytes.LastIndexByte(p[:n], '<')
	switch {
	case first < 0:
		l.span += n
	case l.span+first > maxSpan():
		l.span += first
	default:
		l.span = n - last - 1
	}
	if l.span > maxSpan() {
		return 0, &tooLarge{fmt.Sprintf("%s holds a cell, or text between cells, longer than %d KiB", l.part, maxSpan()>>10)}
	}
	return n, err
}

// partName is the key of a part in the parts map: some writers use
// backslashes or another case than the relationships name.
func partName(name string) string {
	return strings.ToLower(strings.TrimPrefix(strings.ReplaceAll(name, `\`, "/"), "/"))
}

// attr gives an attribute's value by local name, whatever its prefix.
func attr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// readStrings loads the shared-string table: each <si> is its <t>, or its
// rich-text runs' <t> joined; phonetic guides (<rPh>) are not the text.
func (x *xlsx) readStrings() error {
	x.sstRead = true
	if x.sstPart == "" || x.parts[partName(x.sstPart)] == nil {
		return nil
	}
	dec, closer, err := x.open(x.sstPart)
	if err != nil {
		return err
	}
	defer closer.Close()
	var table stringTable
	var cur []byte // the <si> being read
	inSI, inT, phonetic, total := false, false, 0, 0
	for {
		tok, err := dec.RawToken()
		if err == io.EOF {
			x.strings = table.done()
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %w", x.sstPart, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "sst":
				if n, err := strconv.Atoi(attr(t, "uniqueCount")); err == nil && n > 0 && n <= maxStrings {
					table.strs = make([]string, 0, n)
				}
			case "si":
				inSI = true
				cur = cur[:0]
			case "rPh":
				phonetic++
			case "t":
				inT = inSI && phonetic == 0
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "si":
				inSI = false
				if table.len() >= maxStrings || total+len(cur) > maxStringBytes {
					return &tooLarge{fmt.Sprintf("%s holds more than %d strings or %d MiB of text", x.sstPart, maxStrings, maxStringBytes>>20)}
				}
				total += len(cur)
				if bytes.Contains(cur, []byte("_x")) {
					cur = append(cur[:0], unescape(string(cur))...)
				}
				table.add(cur)
			case "rPh":
				phonetic--
			case "t":
				inT = false
			}
		case xml.CharData:
			if inT {
				if len(cur)+len(t) > maxCellBytes {
					return &tooLarge{fmt.Sprintf("%s holds a string longer than %d KiB", x.sstPart, maxCellBytes>>10)}
				}
				cur = append(cur, t...)
			}
		}
	}
}

// maxStyles bounds the cell formats read from the styles part; Excel's own
// limit is 64,000.
const maxStyles = 1 << 16

// readStyles finds which cell formats (cellXfs) show numbers as percents:
// the built-in formats 9 (0%) and 10 (0.00%), and custom formats with a %
// outside quotes. Other formats, dates included, are read as stored.
func (x *xlsx) readStyles() error {
	if x.stylesPart == "" || x.parts[partName(x.stylesPart)] == nil {
		return nil
	}
	dec, closer, err := x.open(x.stylesPart)
	if err != nil {
		return err
	}
	defer closer.Close()
	pct := map[int]bool{9: true, 10: true}
	inXfs := false
	for {
		tok, err := dec.RawToken()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %w", x.stylesPart, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "numFmt":
				if id, err := strconv.Atoi(attr(t, "numFmtId")); err == nil {
					pct[id] = percentFormat(attr(t, "formatCode"))
				}
			case "cellXfs":
				inXfs = true
			case "xf":
				if inXfs {
					if len(x.percent) >= maxStyles {
						return fmt.Errorf("%s: more than %d cell formats", x.stylesPart, maxStyles)
					}
					id, _ := strconv.Atoi(attr(t, "numFmtId"))
					x.percent = append(x.percent, pct[id])
				}
			}
		case xml.EndElement:
			if t.Name.Local == "cellXfs" {
				inXfs = false
			}
		}
	}
}

// percentFormat reports whether a number format code shows a percent: a %
// that is not inside quotes or escaped.
func percentFormat(code string) bool {
	quoted := false
	for i := 0; i < len(code); i++ {
		switch c := code[i]; {
		case c == '"':
			quoted = !quoted
		case c == '\\' && !quoted:
			i++
		case c == '%' && !quoted:
			return true
		}
	}
	return false
}

// eachRow calls fn with the 1-based number and the raw cells of every row
// of sheet i up to the last one written, rows the file leaves out as empty;
// fn returns false to stop. The cells are fn's until it returns: the next
// row is read into the same slice, so a caller that keeps a row copies it
// (a million rows then cost one slice, not a million). Cells are as stored: numbers and dates as their
// number text, shared and inline strings as their text, booleans as 0 or 1,
// formulas as their cached value. A row number or shared-string index that
// Excel would not write is given to odd, and read as before: a row number
// that is not after the last row's is the next row, an index out of range
// an empty cell.
func (x *xlsx) eachRow(i int, fn func(row int, cells []string) bool, odd func(oddity)) error {
	if err := x.readShared(); err != nil {
		return err
	}
	part := x.sheets[i].part
	r, closer, err := x.openPart(part)
	if err != nil {
		return err
	}
	defer closer.Close()
	return x.scanRows(part, r, fn, odd)
}

// readShared reads, once, what the sheets share: the strings and styles.
func (x *xlsx) readShared() error {
	if x.sstRead {
		return nil
	}
	if err := x.readStrings(); err != nil {
		return err
	}
	return x.readStyles()
}

// scanRows reads the rows of the sheet part r with a sheetScanner. It
// reads what the decoder-based reader it replaced read (sheettoken_test.go
// keeps that one, to compare): a cell is the text of its <v>, or of its
// inline string's <t>s (phonetic runs left out), or its formula when it
// has no value.
func (x *xlsx) scanRows(part string, r io.Reader, fn func(row int, cells []string) bool, odd func(oddity)) error {
	s := newSheetScanner(part, r)
	var (
		row, col          int      // the current row, and the column of the current cell (1-based)
		cells             []string // the row's, reused for the next
		typ               cellType
		style             int
		val, str, formula []byte // the <v> value, the inline string's text, the formula
		inV, inT, inF     bool
		hasV, hasF        bool
		phonetic          int
		inRow             bool
		closing           bool // s.name's end is next, read already: <c/>, or a body cellBody read
		interned          cellStrings
	)
	for {
		tok := tokEnd
		if closing {
			closing = false
		} else {
			var err error
			if tok, err = s.next(); err != nil {
				return fmt.Errorf("%s: %w", part, err)
			}
		}
		switch tok {
		case tokEOF:
			return nil
		case tokText:
			var dst *[]byte
			switch {
			case inV:
				dst = &val
			case inT:
				dst = &str
			case inF:
				dst = &formula
			}
			have := len(val) + len(str) + len(formula)
			n, err := s.text(dst, maxCellBytes-have)
			if err != nil && err != errCDATALong {
				return fmt.Errorf("%s: %w", part, err)
			}
			if have+n > maxCellBytes {
				return &tooLarge{fmt.Sprintf("%s: a cell of row %d is longer than %d KiB", part, row, maxCellBytes>>10)}
			}
		case tokStart:
			closing = s.empty
			switch s.name {
			case elemDimension:
				x.noteDimension(part, s.attr(attrRef))
			case elemMergeCell:
				if r, ok := parseRange(s.attr(attrRef)); ok && len(x.merges[part]) < maxMerges {
					if x.merges == nil {
						x.merges = map[string][]cellRange{}
					}
					x.merges[part] = append(x.merges[part], r)
				}
			case elemRow:
				n := row + 1
				if ra := s.attr(attrR); len(ra) > 0 {
					switch r, err := atoi(ra); {
					case err != nil:
						odd(oddity{kind: "row", row: n, col: 1, found: clip(string(ra)), expected: problem.T(problem.TRowNumber)})
					case r < 1:
						odd(oddity{kind: "row", row: n, col: 1, found: string(ra), expected: problem.T(problem.TRowFromOne)})
					case r <= row:
						odd(oddity{kind: "row", row: n, col: 1, found: string(ra), expected: problem.T(problem.TRowAfter, row)})
					default:
						n = r
					}
				}
				if n > maxRows {
					return &tooLarge{fmt.Sprintf("%s: row %d is beyond Excel's last row, %d", part, n, maxRows)}
				}
				for r := row + 1; r < n; r++ { // empty rows the file leaves out
					if !fn(r, nil) {
						return nil
					}
				}
				row, col, cells, inRow = n, 0, cells[:0], true
			case elemC:
				col++
				if ref := s.attr(attrR); len(ref) > 0 {
					if c := refColumn(ref); c > 0 {
						col = c
					}
				}
				if col > maxColumns {
					return &tooLarge{fmt.Sprintf("%s: a cell of row %d is beyond Excel's last column, XFD", part, row)}
				}
				typ, style = typeOf(s.attr(attrT)), 0
				if sa := s.attr(attrS); sa != nil {
					style, _ = atoi(sa)
				}
				val, str, formula = val[:0], str[:0], formula[:0]
				hasV, hasF = false, false
				if closing {
					break
				}
				// The body as Excel writes it is read at once: what its
				// tokens would do, read one by one.
				switch body, text := s.cellBody(maxCellBytes, !inV && phonetic == 0); body {
				case bodyValue: // <v>, the text, </v>
					val, hasV, inV = append(val, text...), true, false
				case bodyInline: // <is>, <t>, the text, </t>, </is>
					str, inT = append(str, text...), false
				default:
					continue
				}
				closing, s.name = true, elemC // </c>
			case elemV:
				inV, hasV = true, true
			case elemF:
				inF, hasF = true, true
			case elemRPh:
				phonetic++
			case elemT:
				inT = phonetic == 0
			}
		case tokEnd:
			switch s.name {
			case elemV:
				inV = false
			case elemF:
				inF = false
			case elemT:
				inT = false
			case elemRPh:
				phonetic--
			case elemC:
				if typ == typShared && hasV {
					if _, ok := x.stringIndex(val); !ok {
						last := problem.T(problem.TNoSharedStrings)
						if len(x.strings) > 0 {
							last = problem.T(problem.TSharedStringIndex, len(x.strings)-1)
						}
						odd(oddity{kind: "string", row: row, col: col, found: clip(string(val)), expected: last})
					}
				}
				var v string
				switch {
				case typ == typInline && len(str) > 0:
					v = interned.inline(str)
				case !hasV && hasF:
					// A cell of a shared formula holds only <f t="shared" si="0"/>.
					v = uncomputed + string(formula)
				default:
					v = x.cellText(typ, style, val, &interned)
				}
				// A </c> before any <c> of the row has no column: left out.
				if v != "" && col >= 1 && col <= maxColumns {
					cells = setCell(cells, col, v)
				}
			case elemRow:
				if inRow {
					inRow = false
					if !fn(row, rowOf(cells)) {
						return nil
					}
				}
			}
		}
	}
}

// cellType is a cell's type attribute, t, as reading tells them apart.
type cellType uint8

const (
	typNumber cellType = iota // none, or n
	typShared                 // s: an index into the shared strings
	typInline                 // inlineStr
	typOther                  // str (a formula's text), b, e, d…: the value as stored
)

func typeOf(t []byte) cellType {
	switch string(t) {
	case "", "n":
		return typNumber
	case "s":
		return typShared
	case "inlineStr":
		return typInline
	}
	return typOther
}

// atoi is strconv.Atoi of b, without making a string of the digits the
// attributes of a sheet hold.
func atoi(b []byte) (int, error) {
	if 0 < len(b) && len(b) < 19 {
		n := 0
		for _, c := range b {
			if c < '0' || c > '9' {
				return strconv.Atoi(string(b))
			}
			n = n*10 + int(c-'0')
		}
		return n, nil
	}
	return strconv.Atoi(string(b))
}

// maxColumns and maxRows are the size of the largest sheet Excel makes
// (XFD1048576).
var maxColumns, maxRows = 16384, 1 << 20

// uncomputed starts the text given for a formula cell the file holds no
// value for (a workbook written by a program, never opened in Excel), with
// the formula after it. No cell text can start with it: XML has no NUL.
const uncomputed = "\x00"

// cellText gives a cell's raw text from its type, style and stored value.
// A number shown as a percent is given as the clerk sees it: 92.5%.
func (x *xlsx) cellText(typ cellType, style int, v []byte, in *cellStrings) string {
	switch typ {
	case typShared:
		i, ok := x.stringIndex(v)
		if !ok {
			return ""
		}
		return x.strings[i]
	case typNumber:
		if style > 0 && style < len(x.percent) && x.percent[style] && len(v) > 0 {
			if p, ok := percentText(string(v)); ok {
				return p
			}
		}
	}
	return in.get(v)
}

// cellStrings makes the strings of a sheet's cells, a text once where it
// can: a ledger repeats its units' codes and names, its tasks and its
// numbers row after row, and the strings are kept. It keeps the last
// short text of each of its slots, a slot chosen by a hash of the text.
type cellStrings struct {
	seed  maphash.Seed
	slots [1024]string
}

// inline gives the text of an inline string, its _xHHHH_ escapes decoded.
func (in *cellStrings) inline(b []byte) string {
	if bytes.IndexByte(b, '_') >= 0 {
		return unescape(string(b))
	}
	return in.get(b)
}

// get gives string(b).
func (in *cellStrings) get(b []byte) string {
	if len(b) == 0 || len(b) > 64 {
		return string(b)
	}
	if in.seed == (maphash.Seed{}) {
		in.seed = maphash.MakeSeed()
	}
	slot := &in.slots[maphash.Bytes(in.seed, b)%uint64(len(in.slots))]
	if *slot != string(b) {
		*slot = string(b)
	}
	return *slot
}

// stringIndex gives the shared string v is the index of, if it is one:
// a number, spaces around it allowed.
func (x *xlsx) stringIndex(v []byte) (int, bool) {
	i, err := atoi(bytes.TrimSpace(v))
	return i, err == nil && i >= 0 && i < len(x.strings)
}

// oddity is a place in a sheet's XML that Excel would not have written,
// such as a row number out of order: reading goes on, with a warning.
type oddity struct {
	kind     string // "row" or "string": each kind is reported once a sheet
	row, col int
	found    string
	expected problem.Text
}

// clip shortens a value found for a message.
func clip(s string) string {
	if len(s) <= 40 {
		return s
	}
	i := 40
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i] + "…"
}

// percentText turns a stored fraction into the percent it shows: 0.925 →
// 92.5%, to Excel's 15 significant digits. The stored value is a double, so
// a double's product is exact to far more than 15 digits. (An exact
// rational was tried first: "1e-1000000" made it compute 10^1000000.)
func percentText(stored string) (string, bool) {
	f, err := strconv.ParseFloat(strings.TrimSpace(stored), 64)
	if err != nil || math.IsInf(f*100, 0) {
		return "", false
	}
	return strconv.FormatFloat(f*100, 'g', 15, 64) + "%", true
}

// unescape decodes the _xHHHH_ escapes of OOXML strings (ST_Xstring):
// _x000D_ is a carriage return; _x005F_ escapes the underscore itself.
func unescape(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '_' && i+6 < len(s) && s[i+1] == 'x' && s[i+6] == '_' {
			if r, err := strconv.ParseUint(s[i+2:i+6], 16, 16); err == nil {
				if r == 0 {
					r = utf8.RuneError // no text may hold NUL (see uncomputed)
				}
				b.WriteRune(rune(r))
				i += 6
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// noteDimension keeps the last row of a sheet's dimension, ref (A1:K5000),
// as far as the part's size makes it believable: a row takes at least 32
// bytes of XML, so a lying dimension cannot make a reader reserve more
// than the part could hold.
func (x *xlsx) noteDimension(part string, ref []byte) {
	_, last, _ := bytes.Cut(ref, []byte(":"))
	if len(last) == 0 {
		last = ref
	}
	i := len(last)
	for i > 0 && last[i-1] >= '0' && last[i-1] <= '9' {
		i--
	}
	n, err := atoi(last[i:])
	f := x.parts[partName(part)]
	if err != nil || n < 1 || f == nil {
		return
	}
	if x.lastRow == nil {
		x.lastRow = map[string]int{}
	}
	x.lastRow[part] = int(min(uint64(n), uint64(maxRows), f.UncompressedSize64/32))
}

// parseRange reads a range reference, A3:A12, or one cell, B7.
func parseRange(ref []byte) (cellRange, bool) {
	from, to, found := bytes.Cut(ref, []byte(":"))
	if !found {
		to = from
	}
	c0, r0, ok0 := parseCell(from)
	c1, r1, ok1 := parseCell(to)
	if !ok0 || !ok1 || r1 < r0 || c1 < c0 {
		return cellRange{}, false
	}
	return cellRange{r0: r0, c0: c0, r1: r1, c1: c1}, true
}

// parseCell reads a cell reference, B7 (or $B$7), as its column and row.
func parseCell(ref []byte) (col, row int, ok bool) {
	ref = bytes.ReplaceAll(ref, []byte("$"), nil)
	col = refColumn(ref)
	i := 0
	for i < len(ref) && ref[i]|0x20 >= 'a' && ref[i]|0x20 <= 'z' {
		i++
	}
	row, err := atoi(ref[i:])
	return col, row, err == nil && col >= 1 && col <= maxColumns && row >= 1 && row <= maxRows
}

// mergesOf gives the merged cells of sheet i, once its rows have been read.
func (x *xlsx) mergesOf(i int) []cellRange { return x.merges[x.sheets[i].part] }

// rowsHint gives the last row sheet i's dimension names, or 0, once its
// rows are being read.
func (x *xlsx) rowsHint(i int) int { return x.lastRow[x.sheets[i].part] }

// refColumn gives the 1-based column of a cell reference such as "AB12".
func refColumn[T string | []byte](ref T) int {
	col := 0
	for i := 0; i < len(ref); i++ {
		c := ref[i] | 0x20 // lower case
		if c < 'a' || c > 'z' {
			break
		}
		col = col*26 + int(c-'a'+1)
		if col > maxColumns {
			return maxColumns + 1
		}
	}
	return col
}
