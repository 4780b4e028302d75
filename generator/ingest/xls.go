package ingest

import (
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"

	"github.com/richardlehane/mscfb"
	"golang.org/x/text/encoding"

	"dutyreport/generator/problem"
)

// An Excel 97-2003 (.xls) or WPS (.et) workbook: BIFF8 records, or Excel
// 95's BIFF5, in the "Workbook" (or "Book") stream of an OLE2 compound
// file. mscfb reads the compound file (excelize's own dependency, for
// encrypted workbooks); the records are read here, only those ingest
// needs (biff.go). The README says why no Go .xls reader was taken whole.

// maxBIFFStream bounds the workbook stream, held in memory while it is
// read: Excel 97-2003's largest sheet, 65,536 rows of 256 columns, is far
// smaller in practice, and a file's stream is never larger than the file.
const maxBIFFStream = 256 << 20

// errPassword is a workbook that has a password to open (a FILEPASS
// record): its records are encrypted.
type errPassword struct{ how string }

func (e *errPassword) Error() string { return "the workbook has a password to open (" + e.how + ")" }

// errOldBIFF is a workbook stream older than Excel 95's BIFF5.
var errOldBIFF = errors.New("a workbook from before Excel 95")

// errEncryptedPackage is a compound file holding an encrypted .xlsx, as
// Excel keeps a workbook with a password.
var errEncryptedPackage = errors.New("the file is an encrypted Excel workbook")

// errNotWorkbook is a compound file with no workbook stream: a Word
// document or an Outlook message named .xls, say.
var errNotWorkbook = errors.New("the file holds no workbook stream")

type xls struct {
	stream   []byte
	marker   string // what the file says it is (record.Source.Marker)
	biff     int    // 8, or 5 for Excel 95
	date1904 bool
	sheets   []sheetInfo
	bof      []int    // the offset of each sheet's BOF record in stream
	strings  []string // the shared strings (SST)
	xfFormat []uint16 // the number format of each cell style (XF)
	formats  map[uint16]string
	dec      *encoding.Decoder // BIFF5's byte strings
	// walked counts the bytes of records walked in sheets, against a
	// budget: a damaged file whose sheets all start at one offset must
	// not be read again and again.
	walked  int
	lastRow map[int]int
	merges  map[int][]cellRange
}

// cellRange is a range of cells, 1-based and inclusive: a merged cell.
type cellRange struct{ r0, c0, r1, c1 int }

// openXLS reads the compound file src and the workbook stream's globals:
// its sheets, shared strings and styles.
func openXLS(src *io.SectionReader) (*xls, error) {
	doc, err := mscfb.New(padded{src, src.Size()})
	if err != nil {
		return nil, fmt.Errorf("the compound file is damaged: %w", err)
	}
	var book *mscfb.File
	marker := ""
	for e, err := doc.Next(); err == nil; e, err = doc.Next() {
		switch {
		case len(e.Path) > 0:
		case e.Name == "DocumentSummaryInformation": // mscfb drops the leading \x05
			marker = cfbMarker(e)
		case e.Name == "EncryptedPackage" || e.Name == "EncryptionInfo":
			return nil, errEncryptedPackage
		case (e.Name == "Workbook" || e.Name == "Book") && (book == nil || e.Name == "Workbook"):
			book = e // Workbook is BIFF8's; a file with both is read as Excel 97 reads it
		}
	}
	if book == nil {
		return nil, errNotWorkbook
	}
	n := book.Size
	if n > maxBIFFStream {
		return nil, &tooLarge{fmt.Sprintf("the workbook stream is %s, more than the %s read", problem.Bytes(n), problem.Bytes(maxBIFFStream))}
	}
	n = max(min(n, src.Size()), 0) // a stream is never larger than its file
	stream := make([]byte, n)
	got, err := io.ReadFull(book, stream)
	if err != nil && got == 0 {
		return nil, fmt.Errorf("the workbook stream is damaged: %w", err)
	}
	x, err := parseBIFF(stream[:got])
	if x != nil {
		x.marker = marker
	}
	return x, err
}

// parseBIFF reads a workbook stream's globals, up to their EOF record.
func parseBIFF(s []byte) (*xls, error) {
	x := &xls{stream: s, formats: map[uint16]string{}, dec: codePage(1252), lastRow: map[int]int{}, merges: map[int][]cellRange{}}
	r, ok := readRecord(s, 0)
	if !ok || r.id != recBOF || len(r.data) < 4 {
		return nil, errors.New("the workbook stream does not start with a BOF record")
	}
	switch binary.LittleEndian.Uint16(r.data) {
	case 0x0600:
		x.biff = 8
	case 0x0500:
		x.biff = 5
	default:
		return nil, errOldBIFF
	}
	for off := r.next; ; {
		r, ok := readRecord(s, off)
		if !ok || r.id == recEOF {
			break
		}
		off = r.next
		d := r.data
		switch r.id {
		case recFilePass:
			how := "XOR obfuscation"
			if len(d) >= 4 && d[0] == 1 {
				how = "RC4"
				if d[2] >= 2 {
					how = "RC4 CryptoAPI"
				}
			}
			return nil, &errPassword{how}
		case recCodePage:
			if len(d) >= 2 {
				x.dec = codePage(int(binary.LittleEndian.Uint16(d)))
			}
		case recDateMode:
			x.date1904 = len(d) >= 2 && d[0] == 1
		case recXF:
			if len(d) >= 4 && len(x.xfFormat) < 1<<16 {
				x.xfFormat = append(x.xfFormat, binary.LittleEndian.Uint16(d[2:]))
			}
		case recFormat:
			if len(d) >= 3 {
				id := binary.LittleEndian.Uint16(d)
				if x.biff == 8 {
					sr := segmentsOf(r)
					sr.skip(2)
					x.formats[id] = sr.unicodeString(2)
				} else {
					x.formats[id] = x.byteString(d[2:], 1)
				}
			}
		case recBoundSheet:
			if len(d) >= 8 && len(x.sheets) < 1<<16 {
				var name string
				if x.biff == 8 {
					name = segmentsOf(biffRecord{data: d[6:]}).unicodeString(1)
				} else {
					name = x.byteString(d[6:], 1)
				}
				// The sheet's type: 0 a worksheet, 1 a macro sheet, 2 a
				// chart, 6 a VBA module.
				kind := map[byte]string{0: "worksheet", 1: "macrosheet", 2: "chartsheet", 6: "module"}[d[5]]
				x.sheets = append(x.sheets, sheetInfo{name: name, part: fmt.Sprintf("sheet %d", len(x.sheets)+1),
					hidden: d[4]&3 != 0, worksheet: d[5] == 0, kind: cmp.Or(kind, "sheet")})
				x.bof = append(x.bof, int(binary.LittleEndian.Uint32(d)))
			}
		case recSST:
			x.readStrings(r)
		}
	}
	return x, nil
}

// byteString reads a BIFF5 string of bytes in the workbook's code page,
// after its length of lenBytes.
func (x *xls) byteString(d []byte, lenBytes int) string {
	if len(d) < lenBytes {
		return ""
	}
	n := int(d[0])
	if lenBytes == 2 {
		n = int(binary.LittleEndian.Uint16(d))
	}
	d = d[lenBytes:]
	d = d[:min(n, len(d))]
	if out, err := x.dec.Bytes(d); err == nil {
		return string(out)
	}
	return string(d)
}

// readStrings reads the shared strings. Their count is never trusted for
// an allocation: a string takes at least three bytes.
func (x *xls) readStrings(r biffRecord) {
	sr := segmentsOf(r)
	sr.skip(4)
	n := sr.u32()
	size := len(r.data)
	for _, c := range r.cont {
		size += len(c)
	}
	x.strings = make([]string, 0, min(n, size/3))
	for i := 0; i < n && !sr.bad; i++ {
		if s := sr.unicodeString(2); !sr.bad {
			x.strings = append(x.strings, s)
		}
	}
}

// cellText gives a number cell's text as an .xlsx file's cell would hold
// it: the number, or, for a percent style, the percent the clerk sees.
func (x *xls) cellText(xf int, f float64) string {
	t := numberText(f)
	if t != "" && xf < len(x.xfFormat) && isPercentFormat(x.xfFormat[xf], x.formats) {
		if p, ok := percentText(t); ok {
			return p
		}
	}
	return t
}

// isPercentFormat reports whether number format id shows a percent, as
// xlsx's readStyles decides: the workbook's own format of that id, or else
// the built-in 9 (0%) and 10 (0.00%).
func isPercentFormat(id uint16, formats map[uint16]string) bool {
	if f, ok := formats[id]; ok {
		return percentFormat(f)
	}
	return id == 9 || id == 10
}

// biffCell is a cell of a sheet, 1-based.
type biffCell struct {
	row, col int
	text     string
}

// eachRow calls fn with every row of sheet i up to its last, as xlsx's
// eachRow does. Excel writes a sheet's cells row by row; a sheet whose
// cells come in another order is gathered and sorted first.
func (x *xls) eachRow(i int, fn func(row int, cells []string) bool, odd func(oddity)) error {
	ordered, err := x.walk(i, nil)
	if err != nil {
		return err
	}
	var cells []string
	row := 0 // the row being filled
	give := func(to int) bool {
		for ; row < to; row++ {
			if row == 0 {
				continue
			}
			if !fn(row, rowOf(cells)) {
				return false
			}
			cells = cells[:0]
		}
		return true
	}
	put := func(c biffCell) bool {
		if c.row > row && !give(c.row) {
			return false
		}
		row = c.row
		cells = setCell(cells, c.col, c.text)
		return true
	}
	if ordered {
		stopped := false
		if _, err := x.walk(i, func(c biffCell) bool {
			stopped = !put(c)
			return !stopped
		}); err != nil || stopped {
			return err
		}
	} else {
		var all []biffCell
		if _, err := x.walk(i, func(c biffCell) bool { all = append(all, c); return true }); err != nil {
			return err
		}
		slices.SortStableFunc(all, func(a, b biffCell) int { return cmp.Or(cmp.Compare(a.row, b.row), cmp.Compare(a.col, b.col)) })
		for _, c := range all {
			if !put(c) {
				return nil
			}
		}
	}
	give(row + 1)
	return nil
}

// walk reads the records of sheet i, giving each cell with its text to
// cell (which returns false to stop), or with cell nil only noting the
// sheet's merged cells and last row. It reports whether the cells come in
// row order.
func (x *xls) walk(i int, cell func(biffCell) bool) (ordered bool, err error) {
	off := x.bof[i]
	r, ok := readRecord(x.stream, off)
	if !ok || r.id != recBOF {
		return false, fmt.Errorf("sheet %d does not start where the workbook says (no BOF record at %d)", i+1, off)
	}
	ordered = true
	depth, last := 1, 0
	pending := -1 // the row and column of a formula whose text a STRING record gives
	var pendingCell biffCell
	var merges []cellRange
	emit := func(c biffCell) bool {
		if c.row > maxRows || c.col > maxColumns {
			return true
		}
		if c.row < last {
			ordered = false
		}
		last = max(last, c.row)
		if cell == nil || c.text == "" {
			return true
		}
		return cell(c)
	}
	for off = r.next; depth > 0; {
		r, ok := readRecord(x.stream, off)
		if !ok {
			break // a sheet cut short is read as far as it goes
		}
		if cell == nil { // counted once a sheet: its second walk follows its first
			if x.walked += r.next - off; x.walked > 4*len(x.stream)+1<<20 {
				return false, errors.New("the workbook's sheets overlap: it is damaged")
			}
		}
		off = r.next
		d := r.data
		switch {
		case r.id == recBOF:
			depth++ // a chart embedded in the sheet
			continue
		case r.id == recEOF:
			depth--
			continue
		case depth > 1:
			continue
		}
		if pending >= 0 && r.id != recString && r.id != recArray && r.id != recShrFmla {
			pending = -1 // the formula's text never came
		}
		if len(d) < 6 && r.id != recMerged && r.id != recString { // a formula's text may be one character
			continue
		}
		u16 := func(i int) int { return int(binary.LittleEndian.Uint16(d[i:])) }
		at := func(text string) biffCell { return biffCell{row: u16(0) + 1, col: u16(2) + 1, text: text} }
		more := true
		switch r.id {
		case recLabelSST:
			if len(d) >= 10 {
				text := ""
				if k := int(binary.LittleEndian.Uint32(d[6:])); k < len(x.strings) {
					text = x.strings[k]
				}
				more = emit(at(text))
			}
		case recLabel, recRString:
			if len(d) >= 8 {
				var text string
				if x.biff == 8 {
					sr := segmentsOf(r)
					sr.skip(6)
					n := sr.u16()
					text = sr.chars(n, sr.u8()&1 != 0)
				} else {
					text = x.byteString(d[6:], 2)
				}
				more = emit(at(text))
			}
		case recNumber:
			if len(d) >= 14 {
				more = emit(at(x.cellText(u16(4), math.Float64frombits(binary.LittleEndian.Uint64(d[6:])))))
			}
		case recRK:
			if len(d) >= 10 {
				more = emit(at(x.cellText(u16(4), rk(binary.LittleEndian.Uint32(d[6:])))))
			}
		case recMulRK:
			c := at("")
			for k := 4; k+6 <= len(d)-2 && more; k += 6 {
				c.text = x.cellText(int(binary.LittleEndian.Uint16(d[k:])), rk(binary.LittleEndian.Uint32(d[k+2:])))
				more = emit(c)
				c.col++
			}
		case recBoolErr:
			if len(d) >= 8 {
				text := errorText(d[6])
				if d[7] == 0 {
					text = "0"
					if d[6]&1 != 0 {
						text = "1"
					}
				}
				more = emit(at(text))
			}
		case recFormula: // its result as last computed
			if len(d) >= 14 {
				res := d[6:14]
				if res[6] != 0xFF || res[7] != 0xFF {
					more = emit(at(x.cellText(u16(4), math.Float64frombits(binary.LittleEndian.Uint64(res)))))
					break
				}
				switch res[0] {
				case 0: // a text, in the STRING record that follows
					pending, pendingCell = 0, at("")
				case 1:
					text := "0"
					if res[2]&1 != 0 {
						text = "1"
					}
					more = emit(at(text))
				case 2:
					more = emit(at(errorText(res[2])))
				}
			}
		case recString:
			if pending >= 0 && len(d) >= 2 {
				if x.biff == 8 {
					pendingCell.text = segmentsOf(r).unicodeString(2)
				} else {
					pendingCell.text = x.byteString(d, 2)
				}
				pending = -1
				more = emit(pendingCell)
			}
		case recMerged:
			if len(d) >= 2 {
				for k := 0; k < u16(0) && 2+8*k+8 <= len(d) && len(merges) < maxMerges; k++ {
					o := 2 + 8*k
					merges = append(merges, cellRange{r0: u16(o) + 1, r1: u16(o+2) + 1, c0: u16(o+4) + 1, c1: u16(o+6) + 1})
				}
			}
		}
		if !more {
			return ordered, nil
		}
	}
	if cell == nil {
		x.merges[i], x.lastRow[i] = merges, last
	}
	return ordered, nil
}

// mergesOf gives the merged cells of sheet i, once its rows have been read.
func (x *xls) mergesOf(i int) []cellRange { return x.merges[i] }

// rowsHint gives the last row of sheet i, once its rows are being read.
func (x *xls) rowsHint(i int) int { return x.lastRow[i] }

// padded gives a file as if zero-padded to whole sectors (4,096 bytes, a
// multiple of the smaller 512): some writers leave the last sector short,
// which mscfb refuses.
type padded struct {
	ra   io.ReaderAt
	size int64
}

func (p padded) ReadAt(b []byte, off int64) (int, error) {
	n, err := p.ra.ReadAt(b, off)
	if err == io.EOF && off+int64(len(b)) <= (p.size+4095)/4096*4096 {
		clear(b[n:])
		return len(b), nil
	}
	return n, err
}
