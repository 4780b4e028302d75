package ingest

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// csvFile is a CSV (or tab-separated) file read as a one-sheet workbook.
// Excel and WPS in China save CSV in one of three encodings: GB18030 (GBK)
// for "CSV (逗号分隔)", UTF-8 with a byte-order mark for "CSV UTF-8", and
// UTF-16 with tabs for "Unicode 文本". The encoding is told from the bytes.
type csvFile struct {
	src     *io.SectionReader
	enc     encoding.Encoding // nil for UTF-8
	skip    int               // bytes of byte-order mark
	encName string
	delim   rune
	dropNUL bool // NUL bytes, padding some exports, are dropped
}

// maxCSVLine bounds one line of a CSV file: no real row is a megabyte, and
// a file without line breaks must not be read into memory whole.
var maxCSVLine = 1 << 20

// openCSV opens a CSV file whose first bytes, head, have been read already.
func openCSV(src *io.SectionReader, head []byte) (*csvFile, error) {
	c := &csvFile{src: src}
	switch {
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		c.skip, c.encName = 3, "UTF-8"
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}):
		c.enc, c.encName = unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), "UTF-16"
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		c.enc, c.encName = unicode.UTF16(unicode.BigEndian, unicode.UseBOM), "UTF-16"
	default:
		if big, ok := utf16NoBOM(head); ok {
			order := unicode.LittleEndian
			if big {
				order = unicode.BigEndian
			}
			c.enc, c.encName = unicode.UTF16(order, unicode.IgnoreBOM), "UTF-16"
			break
		}
		c.dropNUL = true // never part of a character of UTF-8 or GB18030
		ok, err := validUTF8(io.NewSectionReader(src, 0, src.Size()))
		if err != nil {
			return nil, err
		}
		c.encName = "UTF-8"
		if !ok {
			c.enc, c.encName = simplifiedchinese.GB18030, "GB18030"
		}
	}
	// The delimiter is the one of comma, tab and semicolon found most often
	// in the first line with any.
	r := c.open()
	c.delim = ','
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, maxCSVLine)
	for sc.Scan() {
		line := sc.Text()
		best := 0
		for _, d := range []rune{',', '\t', ';'} {
			if k := strings.Count(line, string(d)); k > best {
				c.delim, best = d, k
			}
		}
		if best > 0 {
			break
		}
	}
	return c, nil
}

// validUTF8 reports whether the whole stream is UTF-8. A GB18030 file is
// almost never valid UTF-8, and the check must see all of it: the first
// Chinese text may be far down.
func validUTF8(r io.Reader) (bool, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	var carry []byte
	buf := make([]byte, 64<<10)
	for {
		n, err := br.Read(buf)
		chunk := append(carry, buf[:n]...)
		// Keep an incomplete rune at the end for the next chunk.
		cut := len(chunk)
		for i := 1; i <= utf8.UTFMax && i <= len(chunk); i++ {
			if utf8.RuneStart(chunk[len(chunk)-i]) {
				if !utf8.FullRune(chunk[len(chunk)-i:]) {
					cut = len(chunk) - i
				}
				break
			}
		}
		if !utf8.Valid(chunk[:cut]) {
			return false, nil
		}
		carry = append(carry[:0], chunk[cut:]...)
		if err == io.EOF {
			return len(carry) == 0, nil
		}
		if err != nil {
			return false, err
		}
	}
}

// open gives the file's text as UTF-8.
func (c *csvFile) open() io.Reader {
	f := io.NewSectionReader(c.src, int64(c.skip), c.src.Size()-int64(c.skip))
	var r io.Reader = bufio.NewReaderSize(f, 64<<10)
	if c.dropNUL {
		r = dropNULs{r}
	}
	if c.enc != nil {
		r = transform.NewReader(r, c.enc.NewDecoder())
	}
	return &lineLimit{r: r}
}

// dropNULs reads r without its NUL bytes.
type dropNULs struct{ r io.Reader }

func (d dropNULs) Read(p []byte) (int, error) {
	for {
		n, err := d.r.Read(p)
		k := 0
		for _, b := range p[:n] {
			if b != 0 {
				p[k] = b
				k++
			}
		}
		if k > 0 || err != nil {
			return k, err
		}
	}
}

// eachRow calls fn with the 1-based number and the cells of every row, as
// Excel would number them on opening the file: a blank line is a row.
func (c *csvFile) eachRow(fn func(row int, cells []string) bool) error {
	r := c.open()
	cr := csv.NewReader(r)
	cr.Comma = c.delim
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	row, nextLine := 0, 1
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return fmt.Errorf("line %d: %w", pe.Line, pe.Err)
			}
			return err
		}
		line, _ := cr.FieldPos(0)
		for ; nextLine < line; nextLine++ { // csv skips blank lines; Excel shows them
			row++
			if row > maxRows {
				return &tooLarge{fmt.Sprintf("row %d is beyond Excel's last row, %d", row, maxRows)}
			}
			if !fn(row, nil) {
				return nil
			}
		}
		nextLine = line + 1
		if len(rec) > maxColumns {
			return &tooLarge{fmt.Sprintf("line %d has %d fields, more than Excel's %d columns", line, len(rec), maxColumns)}
		}
		for _, f := range rec {
			nextLine += strings.Count(f, "\n") // a quoted field over several lines is one row
		}
		row++
		if row > maxRows {
			return &tooLarge{fmt.Sprintf("row %d is beyond Excel's last row, %d", row, maxRows)}
		}
		if !fn(row, rec) {
			return nil
		}
	}
}

// lineLimit fails a read once a line grows past maxCSVLine.
type lineLimit struct {
	r    io.Reader
	line int
}

func (l *lineLimit) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	first, last := bytes.IndexByte(p[:n], '\n'), bytes.LastIndexByte(p[:n], '\n')
	switch {
	case first < 0:
		l.line += n
	case l.line+first > maxCSVLine:
		l.line += first
	default:
		l.line = n - last - 1 // lines inside p are shorter than p, and p is short
	}
	if l.line > maxCSVLine {
		return 0, &tooLarge{fmt.Sprintf("a line longer than %d KiB: this is no CSV table", maxCSVLine>>10)}
	}
	return n, err
}
