package ingest

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// An OpenDocument spreadsheet: .ods, a zip whose content.xml holds the
// tables, or .fods, the same document as one flat XML file. The XML is read
// as a stream with encoding/xml, once to list the tables and once for each
// table read. Cells give what an .xlsx cell of the same value would hold: a
// number's shortest text, a percent as shown (92.5%), a date as its serial
// number, a boolean as 1 or 0, a text as its paragraphs joined by line
// breaks.

// The namespaces of the elements and attributes read.
const (
	nsOffice = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
	nsTable  = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
	nsText   = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
	nsStyle  = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
	nsDraw   = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
)

type ods struct {
	// open gives the XML holding the tables, from its start.
	open    func() (io.Reader, io.Closer, error)
	marker  string // what the file says it is (record.Source.Marker)
	sheets  []sheetInfo
	merges  map[int][]cellRange
	lastRow map[int]int
}

// openODS reads the tables' names and visibility from the zip src, an .ods.
func openODS(src *io.SectionReader) (*ods, error) {
	zr, err := zip.NewReader(src, src.Size())
	if err != nil {
		return nil, err
	}
	var content *zip.File
	marker := ""
	for _, f := range zr.File {
		switch f.Name {
		case "content.xml":
			content = f
		case "meta.xml":
			if rc, err := f.Open(); err == nil {
				marker = odfMarker(rc)
				rc.Close()
			}
		case "META-INF/manifest.xml":
			if encrypted, err := odsEncrypted(f); err != nil {
				return nil, err
			} else if encrypted {
				return nil, &errPassword{"OpenDocument"}
			}
		}
	}
	if content == nil {
		return nil, errors.New("the OpenDocument file has no content.xml")
	}
	o := &ods{marker: marker, open: func() (io.Reader, io.Closer, error) {
		rc, err := content.Open()
		if err != nil {
			return nil, nil, err
		}
		return &partLimit{r: rc, part: "content.xml"}, rc, nil
	}}
	return o, o.readTables()
}

// openFODS reads a flat OpenDocument spreadsheet (.fods).
func openFODS(src *io.SectionReader) (*ods, error) {
	o := &ods{open: func() (io.Reader, io.Closer, error) {
		return &partLimit{r: io.NewSectionReader(src, 0, src.Size()), part: "the file"}, io.NopCloser(nil), nil
	}}
	o.marker = odfMarker(io.NewSectionReader(src, 0, src.Size()))
	return o, o.readTables()
}

// odsEncrypted reports whether an .ods manifest says its parts are
// encrypted: a password to open.
func odsEncrypted(f *zip.File) (bool, error) {
	rc, err := f.Open()
	if err != nil {
		return false, err
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, 1<<20))
	return bytes.Contains(data, []byte("encryption-data")), err
}

// flatODF reports whether text is a flat OpenDocument file.
func flatODF(head []byte) bool {
	return bytes.Contains(head, []byte("<office:document")) && bytes.Contains(head, []byte(nsOffice))
}

func attrOf(e xml.StartElement, space, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local && a.Name.Space == space {
			return a.Value
		}
	}
	return ""
}

// readTables lists the tables, in order, with their visibility, which
// their automatic style says (table:display="false").
func (o *ods) readTables() error {
	r, c, err := o.open()
	if err != nil {
		return err
	}
	defer c.Close()
	d := xml.NewDecoder(r)
	hidden := map[string]bool{}
	style := ""
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		e, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch {
		case e.Name.Space == nsStyle && e.Name.Local == "style":
			style = ""
			if attrOf(e, nsStyle, "family") == "table" {
				style = attrOf(e, nsStyle, "name")
			}
		case e.Name.Space == nsStyle && e.Name.Local == "table-properties" && style != "":
			hidden[style] = attrOf(e, nsTable, "display") == "false"
		case e.Name.Space == nsTable && e.Name.Local == "table":
			if len(o.sheets) >= 1<<16 {
				return fmt.Errorf("more than %d tables", 1<<16)
			}
			o.sheets = append(o.sheets, sheetInfo{name: attrOf(e, nsTable, "name"), part: fmt.Sprintf("table %d", len(o.sheets)+1),
				hidden: hidden[attrOf(e, nsTable, "style-name")], worksheet: true, kind: "worksheet"})
			if err := d.Skip(); err != nil {
				return err
			}
		}
	}
}

// repeat reads a repetition count, 1 when absent or not a number.
func repeat(e xml.StartElement, space, local string) int {
	n, err := strconv.Atoi(attrOf(e, space, local))
	if err != nil || n < 1 {
		return 1
	}
	return n
}

// eachRow calls fn with every row of table i up to its last that has a
// value, as xlsx's eachRow does; rows and cells that repeat are given as
// often as they repeat, trailing empty ones not at all. The table's merged
// cells (a cell spanning rows or columns) are kept for merges.
func (o *ods) eachRow(i int, fn func(row int, cells []string) bool, odd func(oddity)) error {
	r, c, err := o.open()
	if err != nil {
		return err
	}
	defer c.Close()
	d := xml.NewDecoder(r)
	for table := -1; table < i; {
		tok, err := d.Token()
		if err != nil {
			return fmt.Errorf("table %d: %w", i+1, err)
		}
		if e, ok := tok.(xml.StartElement); ok && e.Name.Space == nsTable && e.Name.Local == "table" {
			if table++; table < i {
				if err := d.Skip(); err != nil {
					return err
				}
			}
		}
	}
	t := odsTable{fn: fn}
	err = t.read(d)
	if o.merges == nil {
		o.merges, o.lastRow = map[int][]cellRange{}, map[int]int{}
	}
	o.merges[i], o.lastRow[i] = t.merges, t.given
	if err == errStop {
		return nil
	}
	return err
}

func (o *ods) mergesOf(i int) []cellRange { return o.merges[i] }
func (o *ods) rowsHint(i int) int         { return o.lastRow[i] }

// errStop ends a reading that fn stopped.
var errStop = errors.New("stopped")

// odsTable reads the rows of one table.
type odsTable struct {
	fn        func(int, []string) bool
	given     int // the last row given to fn
	done      int // the rows read, given or empty
	rowRepeat int
	cells     []string
	col       int // the columns of the row read so far
	merges    []cellRange

	// The cell being read.
	cellRepeat int
	value      string
	hasValue   bool
	text       strings.Builder
	paras      int
	inPara     int
	skipped    int // depth in an annotation, whose text is not the cell's
}

func (t *odsTable) read(d *xml.Decoder) error {
	depth := 0 // below the table element
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return io.ErrUnexpectedEOF // the table never ended
		}
		if err != nil {
			return err
		}
		switch e := tok.(type) {
		case xml.StartElement:
			depth++
			// An annotation's text, or a text box's or picture's anchored
			// in the cell, is not the cell's.
			if t.skipped > 0 || e.Name.Space == nsOffice && e.Name.Local == "annotation" || e.Name.Space == nsDraw {
				t.skipped++
				continue
			}
			if err := t.start(e); err != nil {
				return err
			}
		case xml.CharData:
			if t.inPara > 0 && t.skipped == 0 {
				if t.text.Len()+len(e) > maxCellBytes {
					return &tooLarge{fmt.Sprintf("a cell of row %d is longer than %d KiB", t.done+1, maxCellBytes>>10)}
				}
				t.text.Write(e)
			}
		case xml.EndElement:
			if depth--; depth < 0 {
				return nil // the table's end
			}
			if t.skipped > 0 {
				t.skipped--
				continue
			}
			if err := t.end(e); err != nil {
				return err
			}
		}
	}
}

func (t *odsTable) start(e xml.StartElement) error {
	switch {
	case e.Name.Space == nsTable && e.Name.Local == "table-row":
		t.cells, t.col, t.rowRepeat = t.cells[:0], 0, repeat(e, nsTable, "number-rows-repeated")
	case e.Name.Space == nsTable && (e.Name.Local == "table-cell" || e.Name.Local == "covered-table-cell"):
		t.cellRepeat = repeat(e, nsTable, "number-columns-repeated")
		t.value, t.hasValue = odsValue(e)
		t.text.Reset()
		t.paras = 0
		rows, cols := repeat(e, nsTable, "number-rows-spanned"), repeat(e, nsTable, "number-columns-spanned")
		if e.Name.Local == "table-cell" && (rows > 1 || cols > 1) && len(t.merges) < maxMerges {
			t.merges = append(t.merges, cellRange{r0: t.done + 1, c0: t.col + 1, r1: t.done + rows, c1: t.col + cols})
		}
	case e.Name.Space == nsText && e.Name.Local == "p":
		if t.paras++; t.paras > 1 {
			t.text.WriteByte('\n')
		}
		t.inPara++
	case e.Name.Space == nsText && t.inPara > 0:
		s, n := "", 1
		switch e.Name.Local {
		case "s":
			s, n = " ", repeat(e, nsText, "c")
		case "tab":
			s = "\t"
		case "line-break":
			s = "\n"
		}
		if s != "" {
			// The cell's limit holds for spaces too: text:c is a count.
			if t.text.Len()+n > maxCellBytes {
				return &tooLarge{fmt.Sprintf("a cell of row %d is longer than %d KiB", t.done+1, maxCellBytes>>10)}
			}
			t.text.WriteString(strings.Repeat(s, n))
		}
	}
	return nil
}

func (t *odsTable) end(e xml.EndElement) error {
	switch {
	case e.Name.Space == nsText && e.Name.Local == "p":
		t.inPara--
	case e.Name.Space == nsTable && (e.Name.Local == "table-cell" || e.Name.Local == "covered-table-cell"):
		v := t.value
		if !t.hasValue {
			v = t.text.String()
		}
		return t.addCell(v, t.cellRepeat)
	case e.Name.Space == nsTable && e.Name.Local == "table-row":
		return t.endRow()
	}
	return nil
}

// addCell puts a cell's value in the row, as often as it repeats.
func (t *odsTable) addCell(v string, n int) error {
	if v == "" {
		t.col = min(t.col+n, maxColumns+1) // trailing empty cells repeat to the last column
		return nil
	}
	for range n {
		if t.col++; t.col > maxColumns {
			return &tooLarge{fmt.Sprintf("a cell of row %d is beyond Excel's last column, XFD", t.done+1)}
		}
		t.cells = setCell(t.cells, t.col, v)
	}
	return nil
}

// endRow gives the row as often as it repeats, after the empty rows before
// it; an empty row is only counted, since empty rows repeat to the last.
func (t *odsTable) endRow() error {
	if len(t.cells) == 0 {
		t.done = min(t.done+t.rowRepeat, maxRows+1)
		return nil
	}
	for range t.rowRepeat {
		if t.done++; t.done > maxRows {
			return &tooLarge{fmt.Sprintf("row %d is beyond Excel's last row, %d", t.done, maxRows)}
		}
	}
	for r := t.given + 1; r <= t.done; r++ {
		cells := t.cells
		if r <= t.done-t.rowRepeat {
			cells = nil // an empty row before it
		}
		if !t.fn(r, cells) {
			return errStop
		}
	}
	t.given = t.done
	return nil
}

// odsValue gives a cell's value from its attributes, as an .xlsx cell of
// that value would hold it; false for a text, whose value is its
// paragraphs.
func odsValue(e xml.StartElement) (string, bool) {
	v := func(local string) string { return attrOf(e, nsOffice, local) }
	switch v("value-type") {
	case "float", "currency":
		if f, err := strconv.ParseFloat(v("value"), 64); err == nil {
			return numberText(f), true
		}
	case "percentage":
		if f, err := strconv.ParseFloat(v("value"), 64); err == nil {
			if p, ok := percentText(numberText(f)); ok {
				return p, true
			}
		}
	case "date":
		if serial, ok := odsDate(v("date-value")); ok {
			return serial, true
		}
	case "boolean":
		if b, err := strconv.ParseBool(v("boolean-value")); err == nil {
			if b {
				return "1", true
			}
			return "0", true
		}
	}
	return "", false
}

// odsDate turns an ODF date (2024-03-01, or 2024-03-01T12:00:00) into the
// serial number an .xlsx cell holds: days since 1899-12-30.
func odsDate(s string) (string, bool) {
	for _, layout := range []string{"2006-01-02T15:04:05.999999999", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			days := t.Sub(time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)).Hours() / 24
			return numberText(days), true
		}
	}
	return "", false
}
