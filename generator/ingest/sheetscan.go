package ingest

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// sheetScanner tokenizes a sheet part for eachRow: a purpose-built scanner
// over the decompressed bytes that stands in for encoding/xml's RawToken,
// which cost most of ingest's time (a byte at a time through an interface,
// a token and its strings allocated for every tag). It accepts what the
// decoder accepts, as non-strict as eachRow ran it (unknown entities kept
// as text, attributes without a value or quotes), refuses what it
// refuses, with the same error at the same line, and gives the same text:
// entities and character references decoded, \r\n and \r read as \n.
// The sheet reading checks this against the decoder cell by cell
// (sheetscan_test.go, FuzzSheetScan).
//
// The bytes come from the part's partLimit in the decoder's own reads of
// 4 KiB, so a limit fails at the very byte it failed at before: what
// reading did up to there is the same. The scanner reads through a window
// of 64 KiB, larger only for a tag that does not fit: a tag has no '<'
// inside, so partLimit bounds it. Text is handed out as it is read, and
// comments and directives are passed over unkept. Two things the decoder
// held whole in memory, unbounded by partLimit since they may hold '<',
// are refused as too large instead: a CDATA section in a cell past the
// cell's limit (the decoder refused it too, with the same error, once
// read), and an <?xml …?> declaration past 64 KiB (the decoder read any).
type sheetScanner struct {
	r        io.Reader // the part, through its partLimit
	part     string
	buf      []byte
	pos, end int   // buf[pos:end] is read and not yet scanned
	err      error // the reading's error after buf[:end]: io.EOF at the part's end
	lines    int   // line breaks in the bytes dropped from buf

	// The tag scanned last (tokStart, tokEnd).
	name  elem
	empty bool // <c/>: the end follows at once
	// attrs are the values of the first attributes named r, t, s and ref (by
	// local name, whatever their prefix), decoded; has tells which the
	// tag has (bit 1<<attrR…): the others are left from earlier tags.
	attrs   [4][]byte
	has     uint8
	scratch [4][]byte // decoded values, when they are not the bytes as read
	cdata   bool      // the tokText is a CDATA section
	pi      []byte    // the content of an <?xml …?> declaration
}

// readChunk is the size of the decoder's reads (bufio's default buffer).
const readChunk = 4096

func newSheetScanner(part string, r io.Reader) *sheetScanner {
	return &sheetScanner{r: r, part: part, buf: make([]byte, 64<<10)}
}

// elem is an element eachRow looks at, known by its local name.
type elem uint8

const (
	elemOther elem = iota
	elemRow
	elemC
	elemV
	elemF
	elemT
	elemRPh
	elemDimension // <dimension ref="A1:K5000"/>, before the rows
	elemMergeCell // <mergeCell ref="A3:A12"/>, after them
)

// Attributes kept from a tag, by local name.
const (
	attrR = iota
	attrT
	attrS
	attrRef
)

// token is what next found.
type token uint8

const (
	tokEOF   token = iota // the part ended
	tokStart              // a start tag: s.name, s.empty, s.attrs
	tokEnd                // an end tag: s.name
	tokText               // character data follows: read it with s.text
	tokOther              // a comment, processing instruction or directive, passed over
)

// errCDATALong stops a CDATA section that is longer than text's limit.
var errCDATALong = errors.New("CDATA section longer than a cell")

// refill reads more of the part after buf[:end], keeping buf[pos:]. It
// reports whether bytes were added; when none can be, s.err says why.
func (s *sheetScanner) refill() bool {
	if s.err != nil {
		return false
	}
	if s.pos > 0 {
		s.lines += bytes.Count(s.buf[:s.pos], newline)
		s.end = copy(s.buf, s.buf[s.pos:s.end])
		s.pos = 0
	}
	if len(s.buf)-s.end < readChunk {
		// One tag fills the buffer: it grows, as far as partLimit's span.
		grown := make([]byte, 2*len(s.buf))
		copy(grown, s.buf[:s.end])
		s.buf = grown
	}
	added, empty := 0, 0
	for len(s.buf)-s.end >= readChunk && s.err == nil {
		n, err := s.r.Read(s.buf[s.end : s.end+readChunk])
		s.end += n
		added += n
		switch {
		case err != nil:
			s.err = err
		case n > 0:
			empty = 0
		default:
			if empty++; empty >= 100 { // as bufio gives up
				s.err = io.ErrNoProgress
			}
		}
	}
	return added > 0
}

var newline = []byte{'\n'}

// line gives the line of buf[i], as the decoder counts it: one more than
// the line breaks before.
func (s *sheetScanner) line(i int) int {
	return s.lines + bytes.Count(s.buf[:i], newline) + 1
}

func (s *sheetScanner) syntax(i int, msg string) error {
	return &xml.SyntaxError{Msg: msg, Line: s.line(i)}
}

// fail is the error where the decoder needed a byte more and the part
// gave none: a truncated part, or the reading's own error.
func (s *sheetScanner) fail() error {
	if s.err == io.EOF {
		return s.syntax(s.end, "unexpected EOF")
	}
	return s.err
}

// status tells how a scan of bytes held in buf went.
type status uint8

const (
	done     status = iota
	needMore        // the bytes end first and more may come: refill, and scan again
)

// next scans the next token. A text run is not read: the caller reads it
// with text, into where it goes.
func (s *sheetScanner) next() (token, error) {
	if s.pos >= s.end && !s.refill() {
		if s.err == io.EOF {
			return tokEOF, nil
		}
		return 0, s.err
	}
	if s.buf[s.pos] != '<' {
		s.cdata = false
		return tokText, nil
	}
	// The end tags a sheet is made of, </c>, </row>: a name of letters.
	if buf := s.buf[s.pos:s.end]; len(buf) > 2 && buf[1] == '/' {
		j := 2
		for j < len(buf) && letter[buf[j]] {
			j++
		}
		if j > 2 && j < len(buf) && buf[j] == '>' {
			s.name = elemOf(buf[2:j])
			s.pos += j + 1
			return tokEnd, nil
		}
	}
	for {
		tok, st, err := s.markup()
		if st == done {
			return tok, err
		}
		s.refill()
	}
}

// markup scans the markup at s.pos, a '<'. Tags are scanned whole, from
// their start again when the buffer ends first; the others byte by byte.
func (s *sheetScanner) markup() (token, status, error) {
	i := s.pos + 1
	if i >= s.end {
		if s.err == nil {
			return 0, needMore, nil
		}
		return 0, done, s.fail()
	}
	switch s.buf[i] {
	case '/':
		st, err := s.endTag()
		return tokEnd, st, err
	case '?':
		st, err := s.procInst()
		return tokOther, st, err
	case '!':
		if i+1 >= s.end {
			if s.err == nil {
				return 0, needMore, nil
			}
			return 0, done, s.fail()
		}
		switch s.buf[i+1] {
		case '-':
			s.pos = i + 2
			return tokOther, done, s.comment()
		case '[':
			s.pos = i + 2
			for k := 0; k < len("CDATA["); k++ {
				b, ok := s.getc()
				if !ok {
					return 0, done, s.fail()
				}
				if b != "CDATA["[k] {
					return 0, done, s.syntax(s.pos, "invalid <![ sequence")
				}
			}
			s.cdata = true
			return tokText, done, nil
		}
		s.pos = i + 2 // the directive's first byte is taken as it is
		return tokOther, done, s.directive()
	}
	st, err := s.startTag()
	return tokStart, st, err
}

// getc gives the next byte, reading more as needed; false at the end of
// the data, when s.err says why.
func (s *sheetScanner) getc() (byte, bool) {
	if s.pos >= s.end && !s.refill() {
		return 0, false
	}
	b := s.buf[s.pos]
	s.pos++
	return b, true
}

// nameByte marks the bytes of a name as the decoder reads one: ASCII
// letters, digits, _ : . - and every byte of a multi-byte character.
var nameByte = func() (t [256]bool) {
	for c := 0; c < 256; c++ {
		t[c] = 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' ||
			c == '_' || c == ':' || c == '.' || c == '-' || c >= utf8.RuneSelf
	}
	return t
}()

// letter marks the ASCII letters: a name of letters is an XML name, with
// no prefix.
var letter = func() (t [256]bool) {
	for c := 'A'; c <= 'z'; c++ {
		t[c] = c <= 'Z' || c >= 'a'
	}
	return t
}()

// isSpace is the decoder's space: what may stand between attributes.
func isSpace(b byte) bool { return b == ' ' || b == '\r' || b == '\n' || b == '\t' }

// scanName reads a name at buf[i] as the decoder's readName does: j is
// after it, and j == i when buf[i] cannot start one. needMore when the
// buffer ends within it.
func (s *sheetScanner) scanName(i int) (j int, st status) {
	j = i
	for j < s.end && nameByte[s.buf[j]] {
		j++
	}
	if j >= s.end {
		return j, needMore
	}
	return j, done
}

// Classes of the bytes of a name, for qname.
const (
	nameEnd   = iota // a byte no name holds: it ends one
	namePlain        // an ASCII letter or digit, _ . -
	nameColon
	nameWide // a byte of a multi-byte character
)

var nameKind = func() (t [256]uint8) {
	for c := 0; c < 256; c++ {
		switch {
		case c == ':':
			t[c] = nameColon
		case c >= utf8.RuneSelf:
			t[c] = nameWide
		case nameByte[c]:
			t[c] = namePlain
		}
	}
	return t
}()

// qname reads the name of an element or attribute at buf[i] as the
// decoder's nsname does, in one pass: j is after it, and local is its
// local part, after a prefix. Where there is no name, or one with two
// colons, the error says msg, as the decoder's caller does; a name that
// is not an XML name has the decoder's own message. needMore when the
// buffer ends within it.
func (s *sheetScanner) qname(i int, msg string) (j int, local []byte, st status, err error) {
	buf, end := s.buf, s.end
	j = i
	colon, colons, wide := -1, 0, false
	for {
		for j < end && nameKind[buf[j]] == namePlain {
			j++
		}
		if j >= end {
			return j, nil, needMore, nil
		}
		switch nameKind[buf[j]] {
		case nameColon:
			if colon < 0 {
				colon = j
			}
			colons++
		case nameWide:
			wide = true
		default:
			if j == i {
				return j, nil, done, s.syntax(i, msg)
			}
			name := buf[i:j]
			if c := name[0]; wide && !xmlName(name) || !wide && !('A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || c == '_' || c == ':') {
				return j, nil, done, s.syntax(j, "invalid XML name: "+string(name))
			}
			switch {
			case colons > 1:
				return j, nil, done, s.syntax(j, msg)
			case colon > i && colon < j-1:
				return j, buf[colon+1 : j], done, nil
			}
			return j, name, done, nil
		}
		j++
	}
}

// xmlName reports whether name, bytes the decoder reads as a name, is an
// XML name (the production Name). An ASCII name is one when it starts
// with a letter, _ or :, and the rare other one is asked of the decoder.
func xmlName(name []byte) bool {
	c := name[0]
	if !('A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || c == '_' || c == ':') && c < utf8.RuneSelf {
		return false
	}
	for _, c := range name {
		if c >= utf8.RuneSelf {
			// The target of a processing instruction is read as a name,
			// and checked, and nothing else.
			d := xml.NewDecoder(io.MultiReader(strings.NewReader("<?"), bytes.NewReader(name), strings.NewReader("?>")))
			tok, err := d.RawToken()
			pi, ok := tok.(xml.ProcInst)
			return err == nil && ok && pi.Target == string(name)
		}
	}
	return true
}

// elemOf names an element by its local name.
func elemOf(local []byte) elem {
	switch len(local) {
	case 1:
		switch local[0] {
		case 'c':
			return elemC
		case 'v':
			return elemV
		case 'f':
			return elemF
		case 't':
			return elemT
		}
	case 3:
		switch string(local) {
		case "row":
			return elemRow
		case "rPh":
			return elemRPh
		}
	case 9:
		switch string(local) {
		case "dimension":
			return elemDimension
		case "mergeCell":
			return elemMergeCell
		}
	}
	return elemOther
}

// endTag scans an end tag, </name>, at s.pos.
func (s *sheetScanner) endTag() (status, error) {
	j, local, st, err := s.qname(s.pos+2, "expected element name after </")
	if st == needMore {
		return s.more()
	}
	if err != nil {
		return done, err
	}
	for j < s.end && isSpace(s.buf[j]) {
		j++
	}
	if j >= s.end {
		return s.more()
	}
	if s.buf[j] != '>' {
		return done, s.syntax(j+1, "invalid characters between </"+string(local)+" and >")
	}
	s.name = elemOf(local)
	s.pos = j + 1
	return done, nil
}

// more is what a tag's scan gives when the buffer ends within it: scan
// it again with more bytes, or, when no more will come, the decoder's
// error there.
func (s *sheetScanner) more() (status, error) {
	if s.err == nil {
		return needMore, nil
	}
	return done, s.fail()
}

// unquotedByte marks what a value without quotes may hold (the decoder's
// non-strict reading, after HTML).
var unquotedByte = func() (t [256]bool) {
	for c := 0; c < 256; c++ {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == ':' || c == '-'
	}
	return t
}()

// startTag scans a start tag at s.pos, its attributes checked as the
// decoder checks them and the values of r, t and s kept.
func (s *sheetScanner) startTag() (status, error) {
	buf, end := s.buf, s.end
	// Most names are letters only, and end at a space, > or /.
	j := s.pos + 1
	for j < end && letter[buf[j]] {
		j++
	}
	var local []byte
	if j > s.pos+1 && j < end && nameKind[buf[j]] == nameEnd {
		local = buf[s.pos+1 : j]
	} else {
		var st status
		var err error
		if j, local, st, err = s.qname(s.pos+1, "expected element name after <"); st == needMore {
			return s.more()
		} else if err != nil {
			return done, err
		}
	}
	name := elemOf(local)
	s.has = 0
	empty := false
	i := j
	for {
		for i < end && isSpace(buf[i]) {
			i++
		}
		if i >= end {
			return s.more()
		}
		b := buf[i]
		i++
		if b == '/' {
			if i >= end {
				return s.more()
			}
			if buf[i] != '>' {
				return done, s.syntax(i+1, "expected /> in element")
			}
			i++
			empty = true
			break
		}
		if b == '>' {
			break
		}
		i--
		// Most attributes are letters="…".
		j := i
		for j < end && letter[buf[j]] {
			j++
		}
		var alocal []byte
		if j > i && j < end && buf[j] == '=' {
			alocal = buf[i:j]
		} else {
			var st status
			var err error
			if j, alocal, st, err = s.qname(i, "expected attribute name in element"); st == needMore {
				return s.more()
			} else if err != nil {
				return done, err
			}
		}
		which := -1
		switch {
		case len(alocal) == 1:
			switch alocal[0] {
			case 'r':
				which = attrR
			case 't':
				which = attrT
			case 's':
				which = attrS
			}
		case string(alocal) == "ref":
			which = attrRef
		}
		if which >= 0 && s.has&(1<<which) != 0 {
			which = -1 // the first one counts
		}
		for i = j; i < end && isSpace(buf[i]); i++ {
		}
		if i >= end {
			return s.more()
		}
		var value []byte
		if buf[i] != '=' {
			value = alocal // non-strict: the value is the name
		} else {
			for i++; i < end && isSpace(buf[i]); i++ {
			}
			if i >= end {
				return s.more()
			}
			if q := buf[i]; q == '"' || q == '\'' {
				// Most values are printable ASCII up to the quote.
				j := i + 1
				for j < end && attrPlain[buf[j]] {
					j++
				}
				if j < end && buf[j] == q {
					value, i = buf[i+1:j], j+1
				} else {
					var st status
					var err error
					value, i, st, err = s.quoted(i+1, q, which)
					if st == needMore || err != nil {
						return st, err
					}
				}
			} else {
				j := i
				for j < end && unquotedByte[buf[j]] {
					j++
				}
				if j >= end {
					return s.more()
				}
				value, i = buf[i:j], j
			}
		}
		if which >= 0 {
			s.attrs[which] = value
			s.has |= 1 << which
		}
	}
	s.name, s.empty = name, empty
	s.pos = i
	return done, nil
}

// attrPlain marks the bytes an attribute value holds as they are: printable
// ASCII but for < & and quotes, and tabs and line feeds.
var attrPlain = func() (t [256]bool) {
	for c := 0x20; c < 0x7f; c++ {
		t[c] = c != '<' && c != '&' && c != '"' && c != '\''
	}
	t['\t'], t['\n'] = true, true
	return t
}()

// attr gives the value of attribute which of the last start tag, nil when
// it has none.
func (s *sheetScanner) attr(which int) []byte {
	if s.has&(1<<which) == 0 {
		return nil
	}
	return s.attrs[which]
}

// quoted scans an attribute value from buf[i] up to its closing quote q,
// as the decoder's text does in a quoted string: the value, decoded, and
// the index after the quote. A value kept (which >= 0) is decoded into
// scratch when it is not its bytes as read.
func (s *sheetScanner) quoted(i int, q byte, which int) ([]byte, int, status, error) {
	buf, end := s.buf, s.end
	start := i
	for i < end && attrPlain[buf[i]] {
		i++
	}
	if i < end && buf[i] == q {
		return buf[start:i], i + 1, done, nil
	}
	var out []byte
	if which >= 0 {
		out = append(s.scratch[which][:0], buf[start:i]...)
	}
	var bad string // the first character the decoder refuses
	for {
		if i >= end {
			if s.err == nil {
				return nil, 0, needMore, nil
			}
			if bad != "" {
				return nil, 0, done, s.syntax(end, bad)
			}
			return nil, 0, done, s.fail()
		}
		c := buf[i]
		switch {
		case c == q:
			if bad != "" {
				return nil, 0, done, s.syntax(i+1, bad)
			}
			if which >= 0 {
				s.scratch[which] = out // its room is used again
			}
			return out, i + 1, done, nil
		case attrPlain[c]:
			j := i + 1
			for j < end && attrPlain[buf[j]] {
				j++
			}
			out = keep(out, which, buf[i:j])
			i = j
		case c == '<':
			return nil, 0, done, s.syntax(i+1, "unescaped < inside quoted string")
		case c == '&':
			text, raw, j, st := s.entity(i)
			if st == needMore {
				if s.err == nil {
					return nil, 0, needMore, nil
				}
				return nil, 0, done, s.fail()
			}
			if raw {
				text = buf[i:j]
			}
			if bad == "" {
				bad = checkText(text)
			}
			out = keep(out, which, text)
			i = j
		case c == '\r':
			if i+1 >= end && s.err == nil {
				return nil, 0, needMore, nil
			}
			out = keep(out, which, newline)
			i++
			if i < end && buf[i] == '\n' {
				i++
			}
		default: // a control character, or a character of several bytes
			n, msg, st := s.char(i)
			if st == needMore {
				return nil, 0, needMore, nil
			}
			if bad == "" {
				bad = msg
			}
			out = keep(out, which, buf[i:i+n])
			i += n
		}
	}
}

// keep appends b to out when the value is kept.
func keep(out []byte, which int, b []byte) []byte {
	if which < 0 {
		return out
	}
	return append(out, b...)
}

// char checks the character at buf[i], a byte that is not printable
// ASCII: it gives its length (1 for a byte that starts none) and, for a
// character XML does not allow, what the decoder says of it. needMore when
// the buffer may end within it.
func (s *sheetScanner) char(i int) (int, string, status) {
	b := s.buf[i:s.end]
	if b[0] < utf8.RuneSelf {
		return 1, illegalChar(rune(b[0])), done
	}
	if !utf8.FullRune(b) && s.err == nil {
		return 0, "", needMore
	}
	r, n := utf8.DecodeRune(b)
	if r == utf8.RuneError && n == 1 {
		return 1, "invalid UTF-8", done
	}
	return n, illegalChar(r), done
}

// illegalChar is the decoder's message for a character outside XML's
// range, "" for one inside.
func illegalChar(r rune) string {
	if r == 0x09 || r == 0x0A || r == 0x0D || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF {
		return ""
	}
	return fmt.Sprintf("illegal character code %U", r)
}

// checkText is the decoder's check of decoded text: "" when it holds only
// characters XML allows, else the message for the first that it does not.
func checkText(b []byte) string {
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n == 1 {
			return "invalid UTF-8"
		}
		if msg := illegalChar(r); msg != "" {
			return msg
		}
		b = b[n:]
	}
	return ""
}

// entities are the ones the decoder knows without a DTD.
var entities = map[string][]byte{"lt": []byte("<"), "gt": []byte(">"), "amp": []byte("&"), "apos": []byte("'"), "quot": []byte(`"`)}

// entity reads an entity or character reference at buf[i], '&', as the
// decoder does: text is what it stands for, or, when raw, it is kept as
// written, buf[i:j] (non-strict: an unknown entity, a number out of range,
// a missing semicolon), and j is after it. needMore when the buffer ends
// within it.
func (s *sheetScanner) entity(i int) (text []byte, raw bool, j int, st status) {
	buf, end := s.buf, s.end
	j = i + 1
	if j >= end {
		return nil, false, 0, needMore
	}
	if buf[j] == '#' {
		j++
		if j >= end {
			return nil, false, 0, needMore
		}
		base := 10
		if buf[j] == 'x' {
			base = 16
			j++
		}
		start := j
		for j < end && (isDigit(buf[j]) || base == 16 && isHexLetter(buf[j])) {
			j++
		}
		if j >= end {
			return nil, false, 0, needMore
		}
		if buf[j] != ';' {
			return nil, true, j, done
		}
		n, err := strconv.ParseUint(string(buf[start:j]), base, 64)
		j++
		if err != nil || n > utf8.MaxRune {
			return nil, true, j, done
		}
		return utf8.AppendRune(nil, rune(n)), false, j, done
	}
	k, st := s.scanName(j)
	if st == needMore {
		return nil, false, 0, needMore
	}
	if buf[k] != ';' {
		return nil, true, k, done
	}
	name := buf[j:k]
	if len(name) > 0 && xmlName(name) {
		if t, ok := entities[string(name)]; ok {
			return t, false, k + 1, done
		}
	}
	return nil, true, k + 1, done
}

func isDigit(c byte) bool     { return '0' <= c && c <= '9' }
func isHexLetter(c byte) bool { return 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' }

// textPlain marks the bytes character data holds as they are: printable
// ASCII but for < & ] (which may start ]]>), and tabs and line feeds.
// In a CDATA section < and & are plain too.
var textPlain, cdataPlain = func() (t, c [256]bool) {
	for b := 0x20; b < 0x7f; b++ {
		t[b] = b != '<' && b != '&' && b != ']'
		c[b] = b != ']'
	}
	t['\t'], t['\n'] = true, true
	c['\t'], c['\n'] = true, true
	return t, c
}()

// text reads the character data at s.pos, a text run up to the next '<'
// or, after next gave a CDATA section, the section, decoded as the decoder
// decodes it, and appends it to *dst (nil: it is counted, not kept). It
// gives the length of the decoded text, and the decoder's error for it:
// a character XML does not allow, ]]> outside CDATA, a part that ends
// within a reference or the section. A CDATA section kept that is longer
// than limit stops at errCDATALong: unlike a text run, partLimit does not
// bound it.
func (s *sheetScanner) text(dst *[]byte, limit int) (int, error) {
	if !s.cdata {
		// Most runs are plain text up to a '<' the buffer holds.
		buf, i, end := s.buf, s.pos, s.end
		j := plainRun(buf[:end], i, &textPlain)
		if j < end && buf[j] == '<' {
			if dst != nil {
				*dst = append(*dst, buf[i:j]...)
			}
			s.pos = j
			return j - i, nil
		}
	}
	return s.textSlow(dst, limit)
}

// plainRun gives the end of the run of buf from i that is taken as it
// is: bytes plain marks, and the characters XML allows of two bytes or
// more (CJK text is made of them).
func plainRun(buf []byte, i int, plain *[256]bool) int {
	for i < len(buf) {
		c := buf[i]
		if c < utf8.RuneSelf {
			if plain[c] {
				i++
				continue
			}
			return i
		}
		switch {
		case c >= 0xE0 && c <= 0xEF:
			// All but U+FFC0 to U+FFFF (two of them not allowed), and what
			// is not UTF-8: overlong forms, surrogates.
			if i+2 < len(buf) && second3[c&0x0F][0] <= buf[i+1] && buf[i+1] <= second3[c&0x0F][1] && buf[i+2]&0xC0 == 0x80 {
				i += 3
				continue
			}
		case c >= 0xC2 && c <= 0xDF:
			if i+1 < len(buf) && buf[i+1]&0xC0 == 0x80 {
				i += 2
				continue
			}
		case c >= 0xF0 && c <= 0xF4:
			if i+3 < len(buf) && second4[c&0x07][0] <= buf[i+1] && buf[i+1] <= second4[c&0x07][1] && buf[i+2]&0xC0 == 0x80 && buf[i+3]&0xC0 == 0x80 {
				i += 4
				continue
			}
		}
		return i
	}
	return i
}

// second3 and second4 bound the second byte of a character of three and
// four bytes that plainRun takes, by its first byte's low bits.
var (
	second3 = [16][2]byte{{0xA0, 0xBF}, {0x80, 0xBF}, {0x80, 0xBF}, {0x80, 0xBF}, {0x80, 0xBF}, {0x80, 0xBF}, {0x80, 0xBF}, {0x80, 0xBF},
		{0x80, 0xBF}, {0x80, 0xBF}, {0x80, 0xBF}, {0x80, 0xBF}, {0x80, 0xBF}, {0x80, 0x9F}, {0x80, 0xBF}, {0x80, 0xBE}}
	second4 = [8][2]byte{{0x90, 0xBF}, {0x80, 0xBF}, {0x80, 0xBF}, {0x80, 0xBF}, {0x80, 0x8F}, {1, 0}, {1, 0}, {1, 0}}
)

// Cell bodies cellBody knows.
const (
	bodyNone   = iota
	bodyValue  // <v>text</v></c>
	bodyInline // <is><t>text</t></is></c>
)

var (
	valueOpen, valueClose   = []byte("<v>"), []byte("</v></c>")
	inlineOpen, inlineClose = []byte("<is><t>"), []byte("</t></is></c>")
)

// cellBody reads, after a cell's start tag, a body in either of the two
// forms Excel writes, whole in the buffer, its text plain (what text takes
// as it is) and at most limit bytes: the form, and the text. An inline
// string's is read only when inline allows. The text is s.buf's, good
// until the next scan. It is bodyNone, nothing read, for anything else:
// the tokens are then read one by one.
func (s *sheetScanner) cellBody(limit int, inline bool) (int, []byte) {
	buf := s.buf[s.pos:s.end]
	kind, open, close := bodyValue, valueOpen, valueClose
	if !bytes.HasPrefix(buf, open) {
		kind, open, close = bodyInline, inlineOpen, inlineClose
		if !inline || !bytes.HasPrefix(buf, open) {
			return bodyNone, nil
		}
	}
	j := plainRun(buf, len(open), &textPlain)
	if j-len(open) > limit || !bytes.HasPrefix(buf[j:], close) {
		return bodyNone, nil
	}
	s.pos += j + len(close)
	return kind, buf[len(open):j]
}

// textSlow is text, byte by byte where need be.
func (s *sheetScanner) textSlow(dst *[]byte, limit int) (int, error) {
	plain := &textPlain
	if s.cdata {
		plain = &cdataPlain
	}
	n := 0
	put := func(b []byte) {
		n += len(b)
		if dst != nil {
			*dst = append(*dst, b...)
		}
	}
	var bad string
	for {
		if s.pos >= s.end && !s.refill() {
			if s.cdata {
				if s.err == io.EOF {
					return n, s.syntax(s.end, "unexpected EOF in CDATA section")
				}
				return n, s.err
			}
			break // the run ends where the data does, as the decoder's
		}
		if s.cdata && dst != nil && n > limit {
			return n, errCDATALong
		}
		buf, i, end := s.buf, s.pos, s.end
		// Printable ASCII and the characters of CJK text, the bulk of a
		// sheet's text, are taken as they are.
		j := plainRun(buf[:end], i, plain)
		if j > i {
			put(buf[i:j])
			s.pos = j
			continue
		}
		switch c := buf[i]; {
		case c == '<' && !s.cdata:
			return s.textEnd(n, bad, i)
		case c == '&' && !s.cdata:
			text, raw, j, st := s.entity(i)
			if st == needMore {
				if s.err == nil {
					s.refill()
					continue
				}
				return n, s.fail()
			}
			if raw {
				text = buf[i:j]
			}
			if bad == "" {
				bad = checkText(text)
			}
			put(text)
			s.pos = j
		case c == ']':
			if i+2 >= end && s.err == nil {
				s.refill()
				continue
			}
			if i+2 < end && buf[i+1] == ']' && buf[i+2] == '>' {
				if s.cdata {
					s.pos = i + 3
					return s.textEnd(n, bad, s.pos)
				}
				return n, s.syntax(i+3, "unescaped ]]> not in CDATA section")
			}
			put(buf[i : i+1])
			s.pos = i + 1
		case c == '\r':
			if i+1 >= end && s.err == nil {
				s.refill()
				continue
			}
			put(newline)
			s.pos = i + 1
			if s.pos < end && buf[s.pos] == '\n' {
				s.pos++
			}
		default: // a control character, or a character of several bytes
			k, msg, st := s.char(i)
			if st == needMore {
				s.refill()
				continue
			}
			if bad == "" {
				bad = msg
			}
			put(buf[i : i+k])
			s.pos = i + k
		}
	}
	return s.textEnd(n, bad, s.end)
}

// textEnd ends character data of n bytes at buf[at]: its check fails
// there.
func (s *sheetScanner) textEnd(n int, bad string, at int) (int, error) {
	if bad != "" {
		return n, s.syntax(at, bad)
	}
	return n, nil
}

// comment reads a comment's content after <!-, as the decoder does: "--"
// only before its closing '>'.
func (s *sheetScanner) comment() error {
	b, ok := s.getc()
	if !ok {
		return s.fail()
	}
	if b != '-' {
		return s.syntax(s.pos, "invalid sequence <!- not part of <!--")
	}
	var b0, b1 byte
	for {
		// Most of a comment is passed over in bulk.
		if b0 != '-' && b1 != '-' && s.pos < s.end {
			if k := bytes.IndexByte(s.buf[s.pos:s.end], '-'); k != 0 {
				if k < 0 {
					k = s.end - s.pos
				}
				s.pos += k
				b0, b1 = 0, 0
				continue
			}
		}
		b, ok := s.getc()
		if !ok {
			return s.fail()
		}
		if b0 == '-' && b1 == '-' {
			if b != '>' {
				return s.syntax(s.pos, `invalid sequence "--" not allowed in comments`)
			}
			return nil
		}
		b0, b1 = b1, b
	}
}

// maxDeclBytes bounds the content of an <?xml …?> declaration, which is
// kept to be read: a declaration is some 40 bytes.
const maxDeclBytes = 64 << 10

// procInst reads a processing instruction at s.pos, <?target …?>; the
// declaration <?xml …?> is checked as the decoder checks it: version 1.0
// and the encoding UTF-8.
func (s *sheetScanner) procInst() (status, error) {
	i := s.pos + 2
	j, st := s.scanName(i)
	if st == needMore {
		return s.more()
	}
	if j == i {
		return done, s.syntax(i, "expected target name after <?")
	}
	target := s.buf[i:j]
	if !xmlName(target) {
		return done, s.syntax(j, "invalid XML name: "+string(target))
	}
	decl := string(target) == "xml"
	s.pos = j
	for s.pos < s.end || s.refill() {
		if !isSpace(s.buf[s.pos]) {
			break
		}
		s.pos++
	}
	s.pi = s.pi[:0]
	var b0 byte
	for {
		b, ok := s.getc()
		if !ok {
			return done, s.fail()
		}
		if b0 == '?' && b == '>' {
			break
		}
		if decl {
			if len(s.pi) >= maxDeclBytes {
				return done, &tooLarge{fmt.Sprintf("%s holds an XML declaration longer than %d KiB", s.part, maxDeclBytes>>10)}
			}
			s.pi = append(s.pi, b)
		}
		b0 = b
	}
	if !decl {
		return done, nil
	}
	content := string(s.pi[:max(0, len(s.pi)-1)]) // less the '?'
	if ver := piParam("version", content); ver != "" && ver != "1.0" {
		return done, fmt.Errorf("xml: unsupported version %q; only version 1.0 is supported", ver)
	}
	if enc := piParam("encoding", content); enc != "" && enc != "utf-8" && enc != "UTF-8" && !strings.EqualFold(enc, "utf-8") {
		return done, fmt.Errorf("xml: encoding %q declared but Decoder.CharsetReader is nil", enc)
	}
	return done, nil
}

// piParam is encoding/xml's procInst: the param="…" or param='…' value in
// the content of a processing instruction, "" when there is none.
func piParam(param, s string) string {
	param = param + "="
	lenp := len(param)
	i := 0
	var sep byte
	for i < len(s) {
		sub := s[i:]
		k := strings.Index(sub, param)
		if k < 0 || lenp+k >= len(sub) {
			return ""
		}
		i += lenp + k + 1
		if c := sub[lenp+k]; c == '\'' || c == '"' {
			sep = c
			break
		}
	}
	if sep == 0 {
		return ""
	}
	j := strings.IndexByte(s[i:], sep)
	if j < 0 {
		return ""
	}
	return s[i : i+j]
}

// directive reads a directive (<!DOCTYPE …>) after its first byte, as the
// decoder does: up to a '>' outside quotes and nested brackets, comments
// passed over.
func (s *sheetScanner) directive() error {
	var inquote byte
	depth := 0
	for {
		b, ok := s.getc()
		if !ok {
			return s.fail()
		}
		if inquote == 0 && b == '>' && depth == 0 {
			return nil
		}
	handle:
		switch {
		case b == inquote:
			inquote = 0
		case inquote != 0:
		case b == '\'' || b == '"':
			inquote = b
		case b == '>':
			depth--
		case b == '<':
			for k := 0; k < len("!--"); k++ {
				if b, ok = s.getc(); !ok {
					return s.fail()
				}
				if b != "!--"[k] {
					depth++
					goto handle
				}
			}
			var b0, b1 byte
			for {
				if b, ok = s.getc(); !ok {
					return s.fail()
				}
				if b0 == '-' && b1 == '-' && b == '>' {
					break
				}
				b0, b1 = b1, b
			}
		}
	}
}
