package ingest

import (
	"encoding/binary"
	"math"
	"strconv"
	"unicode/utf16"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// The records of a BIFF stream (Excel 97-2003's BIFF8, Excel 95's BIFF5)
// that ingest reads, by their ids in [MS-XLS].
const (
	recFormula    = 0x0006
	recEOF        = 0x000A
	recDateMode   = 0x0022
	recFilePass   = 0x002F
	recContinue   = 0x003C
	recCodePage   = 0x0042
	recBoundSheet = 0x0085
	recMulRK      = 0x00BD
	recRString    = 0x00D6
	recXF         = 0x00E0
	recMerged     = 0x00E5
	recSST        = 0x00FC
	recLabelSST   = 0x00FD
	recNumber     = 0x0203
	recLabel      = 0x0204
	recBoolErr    = 0x0205
	recString     = 0x0207
	recArray      = 0x0221
	recRK         = 0x027E
	recFormat     = 0x041E
	recShrFmla    = 0x04BC
	recBOF        = 0x0809
)

// biffRecord is one BIFF record with the CONTINUE records that follow it.
type biffRecord struct {
	id   uint16
	data []byte
	cont [][]byte // the CONTINUE records' data
	next int      // the offset of the record after them
}

// readRecord reads the record at off of s; false at the stream's end. A
// record cut short by the end of the stream is given as far as it goes.
func readRecord(s []byte, off int) (biffRecord, bool) {
	if off < 0 || off+4 > len(s) {
		return biffRecord{}, false
	}
	id := binary.LittleEndian.Uint16(s[off:])
	end := min(off+4+int(binary.LittleEndian.Uint16(s[off+2:])), len(s))
	r := biffRecord{id: id, data: s[off+4 : end], next: end}
	for r.next+4 <= len(s) && binary.LittleEndian.Uint16(s[r.next:]) == recContinue && id != recContinue {
		e := min(r.next+4+int(binary.LittleEndian.Uint16(s[r.next+2:])), len(s))
		r.cont = append(r.cont, s[r.next+4:e])
		r.next = e
	}
	return r, true
}

// segments reads a record's data on across its CONTINUE records, as the
// shared strings and long labels need. Reading past the end sets bad and
// gives zeros.
type segments struct {
	segs [][]byte
	i, p int
	bad  bool
}

func segmentsOf(r biffRecord) *segments {
	return &segments{segs: append([][]byte{r.data}, r.cont...)}
}

// at reports whether a byte is left, moving to the next segment if need be.
func (s *segments) at() bool {
	for s.i < len(s.segs) && s.p >= len(s.segs[s.i]) {
		s.i, s.p = s.i+1, 0
	}
	return s.i < len(s.segs)
}

func (s *segments) u8() int {
	if !s.at() {
		s.bad = true
		return 0
	}
	b := s.segs[s.i][s.p]
	s.p++
	return int(b)
}

func (s *segments) u16() int { return s.u8() | s.u8()<<8 }
func (s *segments) u32() int { return s.u16() | s.u16()<<16 }

func (s *segments) skip(n int) {
	for n > 0 && !s.bad {
		if !s.at() {
			s.bad = true
			return
		}
		k := min(n, len(s.segs[s.i])-s.p)
		s.p += k
		n -= k
	}
}

// chars reads n characters of a BIFF8 string, 16-bit or, when !wide,
// 8-bit (the low bytes of UTF-16). A string that goes on in a CONTINUE
// record starts it with a new option byte, which may change the width.
func (s *segments) chars(n int, wide bool) string {
	u := make([]uint16, 0, min(n, 4096))
	for n > 0 && !s.bad {
		if s.i < len(s.segs) && s.p >= len(s.segs[s.i]) {
			if !s.at() {
				s.bad = true
				break
			}
			wide = s.segs[s.i][0]&1 != 0 // a fresh segment's option byte
			s.p = 1
			continue
		}
		if wide {
			u = append(u, uint16(s.u16()))
		} else {
			u = append(u, uint16(s.u8()))
		}
		n--
	}
	return string(utf16.Decode(u))
}

// unicodeString reads a BIFF8 XLUnicodeRichExtendedString: its length
// (lenBytes long), option byte, rich-text runs and extension, which are
// passed over.
func (s *segments) unicodeString(lenBytes int) string {
	n := s.u8()
	if lenBytes == 2 {
		n |= s.u8() << 8
	}
	flags := s.u8()
	runs, ext := 0, 0
	if flags&0x08 != 0 {
		runs = s.u16()
	}
	if flags&0x04 != 0 {
		ext = s.u32()
	}
	str := s.chars(n, flags&1 != 0)
	s.skip(runs * 4)
	s.skip(ext)
	return str
}

// codePage gives the decoder of a BIFF5 workbook's CODEPAGE: BIFF5 strings
// are bytes in the code page of the Windows that saved them, GBK on a
// Chinese one. BIFF8 strings are UTF-16 whatever it says.
func codePage(cp int) *encoding.Decoder {
	var e encoding.Encoding = charmap.Windows1252
	switch cp {
	case 936:
		e = simplifiedchinese.GBK
	case 950:
		e = traditionalchinese.Big5
	case 932:
		e = japanese.ShiftJIS
	case 949:
		e = korean.EUCKR
	case 1250:
		e = charmap.Windows1250
	case 1251:
		e = charmap.Windows1251
	case 1253:
		e = charmap.Windows1253
	case 1254:
		e = charmap.Windows1254
	case 1255:
		e = charmap.Windows1255
	case 1256:
		e = charmap.Windows1256
	case 1257:
		e = charmap.Windows1257
	case 1258:
		e = charmap.Windows1258
	case 10000, 32768:
		e = charmap.Macintosh
	}
	return e.NewDecoder()
}

// rk decodes an RK number: a 30-bit integer or the high bits of a double,
// either perhaps divided by 100.
func rk(v uint32) float64 {
	var f float64
	if v&2 != 0 {
		f = float64(int32(v) >> 2)
	} else {
		f = math.Float64frombits(uint64(v&0xFFFFFFFC) << 32)
	}
	if v&1 != 0 {
		f /= 100
	}
	return f
}

// numberText gives a stored number as an .xlsx file would hold it: the
// shortest text that reads back as the same double (45355, 92.5, 0.925).
func numberText(f float64) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return ""
	}
	if a := math.Abs(f); a != 0 && (a < 1e-9 || a >= 1e21) {
		return strconv.FormatFloat(f, 'E', -1, 64) // as Excel writes them: 1E-10
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// errorText gives the text of a cell error code, as an .xlsx file holds it.
func errorText(b byte) string {
	switch b {
	case 0x00:
		return "#NULL!"
	case 0x07:
		return "#DIV/0!"
	case 0x0F:
		return "#VALUE!"
	case 0x17:
		return "#REF!"
	case 0x1D:
		return "#NAME?"
	case 0x24:
		return "#NUM!"
	case 0x2A:
		return "#N/A"
	}
	return "#N/A"
}
