package ingest

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"

	"dutyreport/generator/problem"
)

// biffStream writes a BIFF8 workbook stream record by record, for tests of
// the record reader without a compound file around it.
type biffStream struct {
	buf   bytes.Buffer
	fixes []int // offsets of BOUNDSHEET positions to fill with sheet BOFs
}

func (b *biffStream) rec(id uint16, data ...[]byte) {
	d := bytes.Join(data, nil)
	binary.Write(&b.buf, binary.LittleEndian, id)
	binary.Write(&b.buf, binary.LittleEndian, uint16(len(d)))
	b.buf.Write(d)
}

func le16(v int) []byte { return binary.LittleEndian.AppendUint16(nil, uint16(v)) }
func le32(v int) []byte { return binary.LittleEndian.AppendUint32(nil, uint32(v)) }

// str8 is a BIFF8 string of 8-bit characters after a length of n bytes.
func str8(s string, n int) []byte {
	l := le16(len(s))
	if n == 1 {
		l = l[:1]
	}
	return append(append(l, 0), s...)
}

// str16 is a BIFF8 string of UTF-16 characters after a 2-byte length.
func str16(s string) []byte { return str16n(s, 2) }

// str16n is a BIFF8 string of UTF-16 characters after a length of n bytes.
func str16n(s string, n int) []byte {
	var out []byte
	k := 0
	for _, r := range s {
		out = binary.LittleEndian.AppendUint16(out, uint16(r))
		k++
	}
	l := le16(k)
	if n == 1 {
		l = l[:1]
	}
	return append(append(l, 1), out...)
}

func (b *biffStream) bof() { b.rec(recBOF, le16(0x0600), le16(0x0005), make([]byte, 12)) }

// sheet adds a BOUNDSHEET whose position is filled in by start.
func (b *biffStream) sheet(name string, hidden, kind byte) {
	b.fixes = append(b.fixes, b.buf.Len()+4)
	b.rec(recBoundSheet, le32(0), []byte{hidden, kind}, str16n(name, 1))
}

// start begins the next sheet's substream: its BOF, where BOUNDSHEET points.
func (b *biffStream) start() {
	binary.LittleEndian.PutUint32(b.buf.Bytes()[b.fixes[0]:], uint32(b.buf.Len()))
	b.fixes = b.fixes[1:]
	b.bof()
}

func cellAt(row, col, xf int) []byte { return slices.Concat(le16(row), le16(col), le16(xf)) }

func num(f float64) []byte { return binary.LittleEndian.AppendUint64(nil, math.Float64bits(f)) }

// rkInt is an RK number holding integer n.
func rkInt(n int) []byte { return le32(n<<2 | 2) }

// TestBIFFRecords: each kind of cell record gives the text an .xlsx file's
// cell would hold, in its row and column (BIFF's are 0-based); rows come in
// order even when the records do not; a string split over a CONTINUE record
// is whole; a percent style gives the percent; merged cells, hidden sheets
// and chart sheets are known.
func TestBIFFRecords(t *testing.T) {
	var b biffStream
	b.bof()
	b.rec(recDateMode, le16(1))
	for range 16 { // the style XFs, then a percent cell XF
		b.rec(recXF, le16(0), le16(0), make([]byte, 16))
	}
	b.rec(recXF, le16(0), le16(9), make([]byte, 16)) // XF 16: 0%
	b.rec(recFormat, le16(170), str8(`0.0"%"`, 2))   // a quoted % is no percent
	b.rec(recXF, le16(0), le16(170), make([]byte, 16))
	b.sheet("名单", 0, 0)
	b.sheet("说明", 1, 0)
	b.sheet("图表", 0, 2)
	// Shared strings: the second split by a CONTINUE whose option byte
	// makes its rest 16-bit.
	sst := slices.Concat(le32(3), le32(3), str16("单位编码"), le16(5), []byte{0}, []byte("ab"))
	b.rec(recSST, sst)
	b.rec(recContinue, []byte{1}, binary.LittleEndian.AppendUint16(binary.LittleEndian.AppendUint16(binary.LittleEndian.AppendUint16(nil, '镇'), '甲'), '乙'), str16("平均分"))
	b.rec(recEOF)

	b.start()
	b.rec(recLabelSST, cellAt(0, 0, 0), le32(0))
	b.rec(recLabelSST, cellAt(0, 1, 0), le32(2))
	b.rec(recLabelSST, cellAt(2, 0, 0), le32(1))                                      // row 3 before row 2
	b.rec(recNumber, cellAt(2, 1, 16), num(0.925))                                    // percent
	b.rec(recLabel, cellAt(1, 0, 0), str16("T01 一镇"))                                 // row 2
	b.rec(recRK, cellAt(1, 1, 0), rkInt(90))                                          // an RK integer
	b.rec(recMulRK, le16(1), le16(2), le16(0), rkInt(7), le16(17), rkInt(8), le16(3)) // C2:D2, D2 with the quoted-% format
	b.rec(recFormula, cellAt(3, 0, 0), []byte{0, 0, 0, 0, 0, 0, 0xFF, 0xFF}, make([]byte, 6))
	b.rec(recString, str16("是")) // a record of 5 bytes
	b.rec(recFormula, cellAt(3, 1, 0), num(45352), make([]byte, 6))
	b.rec(recBoolErr, cellAt(3, 2, 0), []byte{1, 0})
	b.rec(recBoolErr, cellAt(3, 3, 0), []byte{7, 1})
	b.rec(recMerged, le16(1), le16(4), le16(6), le16(0), le16(0)) // A5:A7
	b.rec(recEOF)
	b.start()
	b.rec(recLabel, cellAt(0, 0, 0), str16("x"))
	b.rec(recEOF)
	b.start()
	b.rec(recEOF)

	x, err := parseBIFF(b.buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	var sheets []string
	for _, s := range x.sheets {
		sheets = append(sheets, fmt.Sprintf("%s hidden=%v worksheet=%v %s", s.name, s.hidden, s.worksheet, s.kind))
	}
	if want := []string{"名单 hidden=false worksheet=true worksheet", "说明 hidden=true worksheet=true worksheet", "图表 hidden=false worksheet=false chartsheet"}; !slices.Equal(sheets, want) {
		t.Errorf("sheets %q, want %q", sheets, want)
	}
	if !x.date1904 {
		t.Error("DATEMODE 1 not read")
	}
	var rows []string
	if err := x.eachRow(0, func(n int, cells []string) bool {
		rows = append(rows, fmt.Sprintf("%d %q", n, cells))
		return true
	}, func(oddity) {}); err != nil {
		t.Fatal(err)
	}
	want := []string{
		`1 ["单位编码" "平均分"]`,
		`2 ["T01 一镇" "90" "7" "8"]`,
		`3 ["ab镇甲乙" "92.5%"]`,
		`4 ["是" "45352" "1" "#DIV/0!"]`,
	}
	if !slices.Equal(rows, want) {
		t.Errorf("rows\n %s\nwant\n %s", strings.Join(rows, "\n "), strings.Join(want, "\n "))
	}
	if got := x.merges[0]; !slices.Equal(got, []cellRange{{r0: 5, c0: 1, r1: 7, c1: 1}}) {
		t.Errorf("merges %v, want A5:A7", got)
	}
	if x.rowsHint(0) != 4 {
		t.Errorf("last row %d, want 4", x.rowsHint(0))
	}
}

// TestBIFFPassword: a workbook with a password to open is refused as such,
// whether RC4 or XOR; the problem says so, not that the file is damaged.
func TestBIFFPassword(t *testing.T) {
	for _, how := range []struct {
		data []byte
		want string
	}{
		{slices.Concat(le16(1), le16(2), le16(2), make([]byte, 8)), "RC4 CryptoAPI"},
		{slices.Concat(le16(1), le16(1), le16(1), make([]byte, 32)), "RC4"},
		{slices.Concat(le16(0), le16(0x1234), le16(0x5678)), "XOR obfuscation"},
	} {
		var b biffStream
		b.bof()
		b.rec(recFilePass, how.data)
		b.rec(recEOF)
		_, err := parseBIFF(b.buf.Bytes())
		if code, _ := openFailure(err); code != problem.IngestEncrypted || !strings.Contains(err.Error(), how.want) {
			t.Errorf("%s: %v (%s)", how.want, err, code)
		}
	}
	// And through a real file: the fixture's WRITEACCESS record made a
	// FILEPASS of the same length.
	data, err := os.ReadFile(filepath.Join(formatsDir, "xls", "民主测评.xls"))
	if err != nil {
		t.Fatal(err)
	}
	at := bytes.Index(data, []byte{0x5C, 0x00, 0x70, 0x00})
	if at < 0 {
		t.Fatal("no WRITEACCESS record in the fixture")
	}
	copy(data[at:], slices.Concat(le16(recFilePass), le16(0x70), le16(1), le16(2), le16(2)))
	var probs problem.List
	if _, ok := openBytesNamed(t, data, "民主测评.xls", &probs); ok || len(probs) != 1 || probs[0].Code != problem.IngestEncrypted {
		t.Errorf("a file with a password: %v", probs)
	}
}

// openBytesNamed opens data written to a file of the given name.
func openBytesNamed(t *testing.T, data []byte, name string, probs *problem.List) (*workbook, bool) {
	t.Helper()
	f := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(f, data, 0o644); err != nil {
		t.Fatal(err)
	}
	wb, ok := openFile(f, name, probs)
	if ok {
		t.Cleanup(wb.Close)
	}
	return wb, ok
}

// TestBIFF5CodePage: an Excel 95 workbook's strings are bytes in the code
// page it names; GBK for a Chinese Windows.
func TestBIFF5CodePage(t *testing.T) {
	gbk, _ := simplifiedchinese.GBK.NewEncoder().Bytes([]byte("民主测评"))
	var b biffStream
	b.rec(recBOF, le16(0x0500), le16(0x0005), make([]byte, 4))
	b.rec(recCodePage, le16(936))
	b.fixes = append(b.fixes, b.buf.Len()+4)
	b.rec(recBoundSheet, le32(0), []byte{0, 0}, append([]byte{byte(len(gbk))}, gbk...))
	b.rec(recEOF)
	binary.LittleEndian.PutUint32(b.buf.Bytes()[b.fixes[0]:], uint32(b.buf.Len()))
	b.rec(recBOF, le16(0x0500), le16(0x0010), make([]byte, 4))
	b.rec(recLabel, cellAt(0, 0, 0), le16(len(gbk)), gbk)
	b.rec(recEOF)
	x, err := parseBIFF(b.buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	x.eachRow(0, func(_ int, cells []string) bool { got = append(got, cells...); return true }, func(oddity) {})
	if x.sheets[0].name != "民主测评" || !slices.Equal(got, []string{"民主测评"}) {
		t.Errorf("sheet %q, cells %q", x.sheets[0].name, got)
	}
}

// TestBIFFDamaged: the fixture cut short at many lengths, or with bytes
// changed, is read as far as it goes or refused as damaged; never a panic
// or a hang.
func TestBIFFDamaged(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(formatsDir, "xls", "纪实台账.xls"))
	if err != nil {
		t.Fatal(err)
	}
	try := func(what string, d []byte) {
		done := make(chan problem.List, 1)
		go func() {
			var probs problem.List
			if wb, ok := openBytesNamed(t, d, "纪实台账.xls", &probs); ok {
				for i := range wb.info {
					if err := wb.eachRow(i, func(int, []string) bool { return true }); err != nil {
						code, _ := readFailure(nil, err)
						probs.Add(problem.Problem{Code: code})
					}
				}
			}
			done <- probs
		}()
		select {
		case probs := <-done:
			for _, p := range probs {
				if p.Code != problem.IngestDamaged && p.Code != problem.IngestNotWorkbook && p.Code != problem.IngestEmptyFile && p.Code != problem.IngestOddStructure {
					t.Errorf("%s: %v", what, p)
				}
			}
		case <-time.After(20 * time.Second):
			t.Fatalf("%s: still reading after 20 s", what)
		}
	}
	for _, n := range []int{0, 8, 511, 512, 1024, 4096, len(data) / 3, len(data) / 2, len(data) - 1} {
		try(fmt.Sprintf("cut at %d", n), data[:n])
	}
	for i := 0; i < 64; i++ {
		d := slices.Clone(data)
		at := (i*7919 + 512) % len(d)
		d[at] ^= byte(0x5A + i)
		try(fmt.Sprintf("byte %d changed", at), d)
	}
}

// FuzzBIFF: any workbook stream is read, or refused, without a panic, in
// bounded time, by the record reader and every sheet's rows.
func FuzzBIFF(f *testing.F) {
	var b biffStream
	b.bof()
	b.sheet("s", 0, 0)
	b.rec(recSST, le32(1), le32(1), str16("单位"))
	b.rec(recEOF)
	b.start()
	b.rec(recLabelSST, cellAt(0, 0, 0), le32(0))
	b.rec(recMulRK, le16(1), le16(2), le16(0), rkInt(7), le16(17), rkInt(8), le16(3))
	b.rec(recMerged, le16(1), le16(4), le16(6), le16(0), le16(0))
	b.rec(recEOF)
	f.Add(b.buf.Bytes())
	f.Fuzz(func(t *testing.T, s []byte) {
		x, err := parseBIFF(s)
		if err != nil {
			return
		}
		for i := range x.sheets {
			x.eachRow(i, func(n int, cells []string) bool {
				if n < 1 || n > maxRows || len(cells) > maxColumns {
					t.Fatalf("row %d of %d cells", n, len(cells))
				}
				return true
			}, func(oddity) {})
		}
	})
}

// TestBIFFMergedUnits: in an .xls as in an .xlsx, a unit merged down over
// rows is the unit of each, a blank row among them too; the table reader
// fills it from MERGEDCELLS.
func TestBIFFMergedUnits(t *testing.T) {
	var b biffStream
	b.bof()
	b.sheet("Sheet1", 0, 0)
	b.rec(recEOF)
	b.start()
	for i, h := range []string{"单位编码", "平均分", "有效票数"} {
		b.rec(recLabel, cellAt(0, i, 0), str16(h))
	}
	b.rec(recLabel, cellAt(1, 0, 0), str16("T01"))
	b.rec(recMulRK, le16(1), le16(1), le16(0), rkInt(90), le16(0), rkInt(100), le16(2))
	b.rec(recMulRK, le16(3), le16(1), le16(0), rkInt(80), le16(0), rkInt(100), le16(2)) // row 3 blank
	b.rec(recMerged, le16(1), le16(1), le16(3), le16(0), le16(0))                       // A2:A4
	b.rec(recEOF)
	x, err := parseBIFF(b.buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	var probs problem.List
	wb := &workbook{path: "民主测评.xls", info: x.sheets, sheets: []string{"Sheet1"}, rows: x.eachRow, rowsHint: x.rowsHint,
		merges: x.mergesOf, close: func() error { return nil }, probs: &probs}
	tb := &table{wb: wb, want: evaluationColumns, probs: &probs, rejected: map[string]bool{}}
	var got []string
	tb.read(func(r row) { got = append(got, r.text(eCode)+" "+r.raw(eAverage)) })
	if want := []string{"T01 90", "T01 80"}; !slices.Equal(got, want) || len(probs) > 0 {
		t.Errorf("rows %q, want %q; %v", got, want, probs)
	}
}
