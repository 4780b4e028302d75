package ingest

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"unsafe"

	"dutyreport/generator/problem"
	"dutyreport/generator/sitetest"
)

// The sheet scanner (sheetscan.go) is checked against the reader it
// replaced, tokenRows (encoding/xml's RawToken, sheettoken_test.go): on
// every sheet of every workbook of the corpus, on the sheets below, and,
// fuzzed, on mutations of them all:
//
//	go test ./generator/ingest -run '^$' -fuzz FuzzSheetScan -fuzztime 10m
//
// They must agree on every row and cell, every oddity, and the error a
// sheet fails with, where they fail. (TestReaderAgreesWithExcelize checks
// what the scanner reads against excelize.)

// sheetRead is what reading a sheet gave.
type sheetRead struct {
	rows []string // each row's number and cells
	odd  []string
	err  string
}

func (r sheetRead) String() string {
	return fmt.Sprintf("%d rows, last %q; oddities %q; error %q", len(r.rows), last(r.rows), r.odd, r.err)
}

func last(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[len(s)-1]
}

// sheetReader is scanRows or tokenRows.
type sheetReader func(x *xlsx, part string, r io.Reader, fn func(int, []string) bool, odd func(oddity)) error

var (
	scanner   sheetReader = (*xlsx).scanRows
	tokenizer sheetReader = (*xlsx).tokenRows
)

// readSheet reads the sheet XML of part with read, through a partLimit
// over a reader that gives chunk bytes at a time (0: all it is asked), as
// a zip entry gives them; it stops after stop rows when stop > 0.
func readSheet(x *xlsx, read sheetReader, part string, open func() io.Reader, chunk, stop int) sheetRead {
	var out sheetRead
	digests := map[cellText]cellDigest{}
	r := open()
	if chunk > 0 {
		r = &chunkReader{r: r, n: chunk}
	}
	err := read(x, part, &partLimit{r: r, part: part}, func(n int, cells []string) bool {
		out.rows = append(out.rows, rowText(n, cells, digests))
		return stop <= 0 || len(out.rows) < stop
	}, func(o oddity) {
		out.odd = append(out.odd, fmt.Sprintf("%s %d %d %q %v", o.kind, o.row, o.col, o.found, o.expected))
	})
	if err != nil {
		out.err = err.Error()
		var tl *tooLarge
		if errors.As(err, &tl) {
			out.err = "too large: " + out.err
		}
	}
	return out
}

// cellText names a string by where its bytes are: a long shared string
// given for a million cells is digested once (a corpus attack does that).
type cellText struct {
	data *byte
	n    int
}

// cellDigest holds the string it digests, so that its bytes are not
// freed and their address given to another string.
type cellDigest struct {
	text string
	sum  [32]byte
}

// rowText records a row: its cells as they are, or, for a long row, a
// digest of them.
func rowText(n int, cells []string, digests map[cellText]cellDigest) string {
	size := 0
	for _, c := range cells {
		size += len(c)
	}
	if size <= 256 && len(cells) <= 64 {
		return fmt.Sprintf("%d %q %v", n, cells, cells == nil)
	}
	h := sha256.New()
	for _, c := range cells {
		k := cellText{unsafe.StringData(c), len(c)}
		d, ok := digests[k]
		if !ok {
			d = cellDigest{c, sha256.Sum256([]byte(c))}
			digests[k] = d
		}
		fmt.Fprintf(h, "%d:%x", len(c), d.sum)
	}
	return fmt.Sprintf("%d %d cells, %d bytes, sha256 %x", n, len(cells), size, h.Sum(nil))
}

// chunkReader gives at most n bytes a read.
type chunkReader struct {
	r io.Reader
	n int
}

func (c *chunkReader) Read(p []byte) (int, error) {
	return c.r.Read(p[:min(len(p), c.n)])
}

// compareSheet reads a sheet both ways and says how they differ, "" when
// they do not.
func compareSheet(x *xlsx, part string, open func() io.Reader, chunk, stop int) string {
	want := readSheet(x, tokenizer, part, open, chunk, stop)
	got := readSheet(x, scanner, part, open, chunk, stop)
	if reflect.DeepEqual(got, want) {
		return ""
	}
	for i := range max(len(got.rows), len(want.rows)) {
		var g, w string
		if i < len(got.rows) {
			g = got.rows[i]
		}
		if i < len(want.rows) {
			w = want.rows[i]
		}
		if g != w {
			return fmt.Sprintf("row %d: scanner %s, tokenizer %s (scanner: %v; tokenizer: %v)", i, g, w, got, want)
		}
	}
	return fmt.Sprintf("scanner: %v; tokenizer: %v", got, want)
}

// testWorkbook is the shared part of a workbook for sheets read alone:
// shared strings (one with an escape) and styles, style 1 a percent.
func testWorkbook() *xlsx {
	return &xlsx{strings: []string{"单位编码", "A01", "x_x0041_y", "", " s "}, percent: []bool{false, true, false}, sstRead: true}
}

// sheetCases are sheets, or their sheetData, that exercise what a reader
// of sheet XML must get right: each is checked both ways as it is, and
// seeds the fuzz target.
var sheetCases = []string{
	// As Excel, WPS and excelize write them.
	`<row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>0.925</v></c><c r="C1" t="inlineStr"><is><t>平均分</t></is></c></row>`,
	`<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2"><f>SUM(B3:B4)</f><v>90</v></c><c r="C2"><f t="shared" ref="C2:C3" si="0">B2*2</f></c></row><row r="3"><c r="C3"><f t="shared" si="0"/></c></row>`,
	`<row r="1"><c r="A1" t="inlineStr"><is><r><t>富</t></r><r><rPr><b/></rPr><t xml:space="preserve"> 文本 </t></r><rPh sb="0" eb="1"><t>フ</t></rPh></is></c></row>`,
	`<row r="1"><c r="A1" t="b"><v>1</v></c><c r="B1" t="e"><v>#DIV/0!</v></c><c r="C1" t="str"><f>A1&amp;"x"</f><v>TRUEx</v></c><c r="D1" t="d"><v>2024-03-01T00:00:00</v></c></row>`,
	"<row r=\"1\">\r\n  <c r=\"A1\" t=\"inlineStr\"><is><t>a\r\nb\rc\n</t></is></c>\r\n</row>\r\n",
	`<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>前缀</x:t></x:is></x:c><x:c r="B1"><x:v>7</x:v></x:c></x:row>`,
	`<row r="1"><c r="A1"/><c r="B1" t="s"/><c r="C1"><v/></c><c r="D1" t="inlineStr"><is><t/></is></c></row><row r="2"/><row r="4"></row>`,
	// Text: entities, references, escapes, CDATA, ]]>.
	`<row r="1"><c r="A1" t="inlineStr"><is><t>&lt;&gt;&amp;&apos;&quot; &#20013;&#x6587; &#x1F600; &nbsp; &#xD800; &#99999999999; &#; &#x; &#12 &foo &; & </t></is></c></row>`,
	`<row r="1"><c r="A1" t="inlineStr"><is><t>_x000D__x005F_x0041_ _x0000_ _x004</t></is></c><c r="B1" t="s"><v>2</v></c></row>`,
	`<row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[<b>&amp;]]]]><![CDATA[>]]></t></is></c><c r="B1"><v><![CDATA[1]]>2</v></c></row>`,
	`<row r="1"><c r="A1" t="inlineStr"><is><t>a]]>b</t></is></c></row>`,
	`<row r="1"><c r="A1" t="inlineStr"><is><t>a]]&gt;b ]] > ]]]</t></is></c></row>`,
	// Attributes: quotes, spaces, entities, no value, no quotes, repeats.
	`<row r = '1' ><c r = "A1" s='1' t = "n" ><v>0.5</v></c><c r="C&#49;" t="s"><v> 1 </v></c></row>`,
	`<row r=2><c r=B2 t=inlineStr><is><t>x</t></is></c><c r><v>1</v></c><c r t="s"><v>1</v></c></row>`,
	`<row r="1" r="5"><c r="A1" r="B1" t="s" t="n"><v>1</v></c><c x:r="C1" foo:t="s"><v>0</v></c></row>`,
	`<row r="1"><c r="A1" s="-1"><v>1</v></c><c s="99999999999999999999"><v>2</v></c><c s="+1"><v>0.5</v></c><c s=" 1"><v>0.5</v></c></row>`,
	"<row r=\"1\"><c r=\"A1\" t=\"inlineStr\" xx=\"a\r\nb\tc&lt;\"><is><t>x</t></is></c></row>",
	// Odd structure: row numbers, string indexes, columns, stray tags.
	`<row r="1"><c t="s"><v>0</v></c></row><row r="-5"><c t="s"><v>9</v></c></row><row r="x"><c t="s"><v>-1</v></c></row><row r="1e3"/><row r="2"/>`,
	`<row r="3"><c r="C3"><v>1</v></c><c><v>2</v></c><c r="A3"><v>3</v></c><c r="5"><v>4</v></c></row>`,
	`<row r="1"><v>1</v></c><c r="B1"><v>2</v></c></c></row></row><c r="A2"><v>3</v></c><row><c><v>4</v></c>`,
	`<row r="1"><c r="A1"><v>5</v></c><v>6</v></c><c r="B1" t="inlineStr"><is><t>x</t></is></c><t>y</t></c><c r="C1"><v>1</v></c>` + "\n" + `</c></row>`,
	`<row r="1"><c r="A1"><v>1</v><v>2</v></c><c r="B1" t="inlineStr"><is><t>a</t><t>b</t></is><t>c</t></c><c r="C1"><v>1</v><f>x</f></c></row>`,
	`<row r="1"><c r="A1"><v>1</c><c r="B1"><v>2</v></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>1</c><c r="B2"><v>2</v></c></row>`,
	`<row r="1"><c r="A1" t="inlineStr"><rPh><is><t>1</t></is></rPh></c><c r="B1" t="inlineStr"><is><t>2</t></is></c></row>`,
	`<row r="1"><c r="A1" t="s"><v>+0</v></c><c r="B1" t="s"><v>1.0</v></c><c r="C1" t="s"><v>` + "\u3000" + `1</v></c><c r="D1" t="s"><v>1 2</v></c></row>`,
	`<row r="1"><c r="A1"><is><t>no type</t></is><v>5</v></c><c r="B1" t="inlineStr"><v>6</v></c><c r="C1" t="inlineStr"><v>7</v><is><t>8</t></is></c></row>`,
	`<row r="2"><c r="B2"><f>1+1</f></c><c r="C2"><f/></c><c r="D2"><v></v><f>x</f></c></row>`,
	// Markup around the rows: declaration, comments, PIs, directives.
	`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><!DOCTYPE x [<!ENTITY a "b"> <!-- c > --> ]><?mso-application progid="Excel.Sheet"?><!-- a - comment --><row r="1"><c r="A1"><v>1</v></c></row>`,
	`<?xml version="1.1"?><row/>`,
	`<?xml version='1.0' encoding='GBK'?><row/>`,
	`<?xml encoding="utf-8"?><row r="1"><!----><c r="A1"><v>1<!-- x -->2</v></c></row>`,
	// Broken: each fails, after the rows before the break.
	`<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v>`,
	`<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row><row r="3" <c>`,
	`<row r="1"><c r="A1"><v>1&amp</v></c></row>`,
	`<row r="1"><c r="A1"><v>1</v></c></row><1row/>`,
	`<row r="1"><c r="A1"><v>1</v></c></row></ row>`,
	`<row r="1"><c r="A1"><v>1</v></c></row x>`,
	`<row r="1"><c r="A1"><v>1</v></c><c r="B1" t="inlineStr"><is><t>` + "\xff\xfe" + `</t></is></c></row>`,
	`<row r="1"><c r="A1" t="inlineStr"><is><t>` + "a\x01b" + `</t></is></c></row>`,
	`<row r="1"><c r="A1" t="inlineStr"><is><t>&#1;&#xFFFE;</t></is></c></row>`,
	`<row r="1"><c r="A1" t="` + "\xff" + `"><v>1</v></c></row>`,
	`<row r="1"><c r="A1" t="a<b"><v>1</v></c></row>`,
	`<row r="1"><c r="A1"/ ><v>1</v></c></row>`,
	`<row r="1"><c a:b:c="1"/></row>`,
	`<row r="1"><a:b:c/></row>`,
	`<row r="1"><c 1="1"/></row>`,
	`<row r="1"><c r="A1"><v>1</v></c></row><!- x -->`,
	`<row r="1"><c r="A1"><v>1</v></c></row><!-- a -- b -->`,
	`<row r="1"><c r="A1"><v>1</v></c></row><![CDAT[x]]>`,
	`<row r="1"><c r="A1"><v><![CDATA[1`,
	`<row r="1"><c r="A1"><v>1</v></c></row><? x?>`,
	`<row r="1"><c r="A1"><v>1</v></c></row><?x`,
	`<row r="1"><c r="A1"><v>1</v></c></row><!DOCTYPE "x>`,
	"<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>\n\n<row r=\"2\"\n\n\x01/>",
	"<row r=\"1\"><ÿ/><é:c r=\"A1\"><v>1</v></é:c><c r=\"B1\" é=\"1\"><v>2</v></c><c٠/></row>",
	"<row r=\"1\"><c r=\"A1\"><v>1</v></c></row><",
	"<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>\xef\xbb\xbf",
	"\xef\xbb\xbf<row r=\"1\"/>",
	// Limits.
	`<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>`,
	`<row r="1048577"/>`,
	`<row r="1"><c r="XFE1"><v>1</v></c></row>`,
	`<row r="1"><c r="ZZZZZZZZZZZZZZZZZZZZZ1"><v>1</v></c></row>`,
}

// sheetXML wraps a case that is sheetData only in a worksheet.
func sheetXML(c string) []byte {
	if strings.HasPrefix(c, "<row") || strings.HasPrefix(c, "<x:row") {
		return []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
			`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1"/><sheetData>` +
			c + `</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>`)
	}
	return []byte(c)
}

func TestSheetScanAgreesOnCases(t *testing.T) {
	x := testWorkbook()
	for i, c := range sheetCases {
	variants:
		for _, data := range [][]byte{sheetXML(c), []byte(c)} {
			for _, chunk := range []int{0, 1, 7, 4095} {
				for _, stop := range []int{0, 1} {
					if diff := compareSheet(x, "xl/worksheets/sheet1.xml", func() io.Reader { return bytes.NewReader(data) }, chunk, stop); diff != "" {
						t.Errorf("case %d (chunks of %d, stop %d) %q:\n%s", i, chunk, stop, c, diff)
						break variants
					}
				}
			}
		}
	}
}

// TestSheetScanReads: what the scanner gives for a few of the cases,
// worked out by hand.
func TestSheetScanReads(t *testing.T) {
	tests := []struct{ name, sheet, want string }{
		{"strings, percent, inline", sheetCases[0], `1 ["单位编码" "92.5%" "平均分"] false`},
		{"rich text, phonetic left out", sheetCases[2], `1 ["富 文本 "] false`},
		{"line breaks", "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>a\r\nb\rc\n</t></is></c></row>", `1 ["a\nb\nc\n"] false`},
		{"references", `<row r="1"><c r="A1" t="inlineStr"><is><t>&lt;&#20013;&#x6587;&foo;_x0041_</t></is></c></row>`, `1 ["<中文&foo;A"] false`},
		{"CDATA", `<row r="1"><c r="A1"><v><![CDATA[1]]>2</v></c></row>`, `1 ["12"] false`},
		{"prefixes", sheetCases[5], `1 ["前缀" "7"] false`},
		{"formula without value", `<row r="1"><c r="B1"><f>1+1</f></c></row>`, `1 ["" "\x001+1"] false`},
		{"stray </c> left out", `<row r="1"><v>1</v></c><c r="B1"><v>2</v></c></row>`, `1 ["" "2"] false`},
		{"empty row", `<row r="2"/>`, "2 [] true"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			data := sheetXML(tc.sheet)
			got := readSheet(testWorkbook(), scanner, "s.xml", func() io.Reader { return bytes.NewReader(data) }, 0, 0)
			if got.err != "" || last(got.rows) != tc.want {
				t.Errorf("got %v, want last row %s", got, tc.want)
			}
		})
	}
}

// TestSheetScanAgreesAtLimits: with the limits lowered, both refuse the
// same sheets with the same error after the same rows.
func TestSheetScanAgreesAtLimits(t *testing.T) {
	x := testWorkbook()
	long := strings.Repeat("长", 400) // 1200 bytes
	cases := append([]string{
		`<row r="1"><c r="A1" t="inlineStr"><is><t>` + long + `</t></is></c></row>`,
		`<row r="1"><c r="A1" t="inlineStr"><is><t>` + long[:600] + `<!---->` + long[:600] + `</t></is></c></row>`,
		`<row r="1"><c r="A1"><v>1</v></c>` + strings.Repeat(" ", 1100) + `</row>`,
		`<row r="1"><c r="A1"><f>` + long[:900] + `</f><v>` + long[:300] + `</v></c></row>`,
		strings.Repeat(`<row><c><v>1234567890</v></c></row>`, 400),
		`<row r="1" spans="` + strings.Repeat("1", 70<<10) + `"/>`,
		`<!--` + strings.Repeat("-x", 40<<10) + `-->`,
		strings.Repeat(" ", 70<<10) + `<row/>`,
	}, sheetCases...)
	lower(t, &maxCellBytes, 1000)
	for _, limit := range []int64{1 << 40, 9000, 4096, 100} {
		lower(t, &maxPartBytes, limit)
		for i, c := range cases {
			data := sheetXML(c)
			for _, chunk := range []int{0, 1000} {
				if diff := compareSheet(x, "s.xml", func() io.Reader { return bytes.NewReader(data) }, chunk, 0); diff != "" {
					t.Errorf("part limit %d, case %d (chunks of %d) %.80q:\n%s", limit, i, chunk, c, diff)
				}
			}
		}
	}
}

// isWorkbook says whether a corpus file is a workbook (a zip archive)
// whose sheets both readers take.
func isWorkbook(p string) bool {
	switch strings.ToLower(filepath.Ext(p)) {
	case ".xlsx", ".xlsm", ".xltx":
		return true
	}
	return false
}

// corpusWorkbooks lists the workbooks of the corpus, if it is there.
func corpusWorkbooks() []string {
	var files []string
	_ = filepath.WalkDir(corpus, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && isWorkbook(p) {
			files = append(files, p)
		}
		return nil
	})
	return files
}

// fuzzing says whether the test binary runs with -test.fuzz.
func fuzzing() bool {
	f := flag.Lookup("test.fuzz")
	return f != nil && f.Value.String() != ""
}

// openCorpusWorkbook opens a workbook of the corpus, its shared parts
// read; false when our reader refuses it.
func openCorpusWorkbook(file string) (*xlsx, func(), bool) {
	f, err := os.Open(file)
	if err != nil {
		return nil, nil, false
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, false
	}
	x, err := openXLSX(io.NewSectionReader(f, 0, st.Size()))
	if err != nil || x.readShared() != nil {
		f.Close()
		return nil, nil, false
	}
	return x, func() { f.Close() }, true
}

// TestSheetScanAgreesOnCorpus: every sheet of every workbook of the
// corpus, attacks included, reads the same with the byte scanner as with
// the tokenizer it replaced. The corpus is read in the shared pass
// (readCorpus), which compares each workbook after reading it.
func TestSheetScanAgreesOnCorpus(t *testing.T) {
	t.Parallel()
	if _, err := os.Stat(corpus); err != nil {
		t.Skip("no corpus beside the repository")
	}
	sheets, workbooks := 0, 0
	for _, r := range readCorpus(t) {
		for _, d := range r.scanDiffs {
			t.Errorf("%s: %s", strings.TrimPrefix(r.file, corpus+"/"), d)
		}
		if r.scanned > 0 {
			workbooks++
		}
		sheets += r.scanned
	}
	if sheets == 0 {
		t.Fatal("no sheet of the corpus was compared")
	}
	t.Logf("%d sheets of %d workbooks read both ways", sheets, workbooks)
}

// sheetComparison is what comparing one workbook's sheets gave.
type sheetComparison struct {
	sheets int
	diffs  []string
}

func compareWorkbook(file string) (r sheetComparison) {
	x, closeFile, ok := openCorpusWorkbook(file)
	if !ok {
		return r
	}
	defer closeFile()
	for _, sh := range x.sheets {
		f := x.parts[partName(sh.part)]
		if f == nil {
			continue
		}
		open := func() io.Reader {
			rc, err := f.Open()
			if err != nil {
				return iotestErr{err}
			}
			return rc
		}
		r.sheets++
		if diff := compareSheet(x, sh.part, open, 0, 0); diff != "" {
			r.diffs = append(r.diffs, sh.name+": "+diff)
		}
	}
	return r
}

// iotestErr is a reader that fails.
type iotestErr struct{ err error }

func (e iotestErr) Read([]byte) (int, error) { return 0, e.err }

// FuzzSheetScan: the scanner and the tokenizer agree on any sheet XML,
// read in chunks of any size and stopped after any row. The seeds are the
// cases above and, when fuzzing, the sheets of the corpus (their first
// 32 KiB; a plain test run compares those sheets whole already).
func FuzzSheetScan(f *testing.F) {
	for _, c := range sheetCases {
		f.Add(sheetXML(c), uint16(0), uint8(0))
		f.Add([]byte(c), uint16(3), uint8(1))
	}
	if fuzzing() {
		for _, file := range corpusWorkbooks() {
			x, closeFile, ok := openCorpusWorkbook(file)
			if !ok {
				continue
			}
			for _, sh := range x.sheets {
				if zf := x.parts[partName(sh.part)]; zf != nil {
					if data, err := readHeadOf(zf, 32<<10); err == nil {
						f.Add(data, uint16(0), uint8(0))
					}
				}
			}
			closeFile()
		}
	}
	x := testWorkbook()
	f.Fuzz(func(t *testing.T, data []byte, chunk uint16, stop uint8) {
		open := func() io.Reader { return bytes.NewReader(data) }
		rows := int(stop)
		if rows == 0 {
			rows = 512 // a row number of a million is a million rows: slow, and nothing new
		}
		if diff := compareSheet(x, "xl/worksheets/sheet1.xml", open, int(chunk), rows); diff != "" {
			t.Error(diff)
		}
	})
}

// readHeadOf reads up to n bytes of a zip entry.
func readHeadOf(f *zip.File, n int64) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(io.LimitReader(rc, n))
}

// BenchmarkScanRows reads the 100,000-row ledger's sheet XML, unpacked
// into memory beforehand, with the scanner and with the tokenizer it
// replaced: the scanning alone, without inflating or the table's checks.
func BenchmarkScanRows(b *testing.B) {
	site := sitetest.BenchSites("ledger-100k")[0]
	dir, _, err := site.Dir()
	if err != nil {
		b.Fatal(err)
	}
	x, closeFile, ok := openCorpusWorkbook(filepath.Join(dir, "data", "2024", "纪实台账.xlsx"))
	if !ok {
		b.Fatal("cannot open the ledger")
	}
	defer closeFile()
	data, err := readHeadOf(x.parts[partName(x.sheets[0].part)], 1<<40)
	if err != nil {
		b.Fatal(err)
	}
	for _, side := range []struct {
		name string
		read sheetReader
	}{{"scanner", scanner}, {"tokenizer", tokenizer}} {
		b.Run(side.name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			rows := 0
			for b.Loop() {
				err := side.read(x, "sheet1.xml", &partLimit{r: bytes.NewReader(data)}, func(int, []string) bool { rows++; return true }, func(oddity) {})
				if err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(rows)/b.Elapsed().Seconds(), "rows/s")
		})
	}
}

// TestScanBoundsMarkupWithAngles: partLimit bounds the bytes between two
// '<', and so every tag and text run; a CDATA section, comment, directive
// or declaration may hold '<' and is not bounded by it. The decoder held
// each whole in memory; the scanner holds none of them (a cell's CDATA
// stops at the cell's limit) and what reading allocates stays small.
func TestScanBoundsMarkupWithAngles(t *testing.T) {
	if testing.Short() {
		t.Skip("packs hundreds of megabytes")
	}
	const bound = 32 << 20
	tests := []struct {
		name       string
		head, tail string
		code       problem.Code // "" when the sheet is read
		found      string
	}{
		{"a 100 MB CDATA section in a cell", `<row r="1"><c r="A1"><v><![CDATA[`, `]]></v></c></row>`, problem.IngestTooLarge, "longer than"},
		{"a 100 MB CDATA section between cells", `<row r="1"><![CDATA[`, `]]></row>`, problem.IngestTooLarge, "longer than"},
		{"a 100 MB comment", `<row r="1"><c r="A1" t="inlineStr"><is><t>单位编码</t></is></c></row><!--`, `-->`, "", ""},
		{"a 100 MB declaration", `<?xml `, `?>`, problem.IngestTooLarge, "declaration"},
		{"a 100 MB directive", `<!DOCTYPE x [`, `]>`, problem.IngestDamaged, "unexpected EOF"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			data := bombXLSX(t, tc.head, '<', 100e6, tc.tail)
			runtime.GC()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			probs := readTable(t, "bomb.xlsx", data)
			runtime.ReadMemStats(&after)
			spent := after.TotalAlloc - before.TotalAlloc
			t.Logf("%d packed bytes; reading allocated %.1f MiB", len(data), float64(spent)/(1<<20))
			if tc.code != "" {
				expectCode(t, probs, tc.code, tc.found)
			} else if len(probs) > 0 {
				t.Errorf("problems %v", probs)
			}
			if spent > bound {
				t.Errorf("reading allocated %d MiB, more than %d MiB", spent>>20, bound>>20)
			}
		})
	}
}
