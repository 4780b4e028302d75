// Package fold gives text in the form in which a reader takes it in, so that
// a name is found however it was typed: the masking (redact) and the leak
// audit (audit) both match on folded text, and map what they find back to
// the bytes it came from.
//
// Folding decodes HTML character references (&#24352; &amp;zwnj; &nbsp;) and
// percent-encoded characters (%E5%BC%A0, %20), applies Unicode's
// compatibility decomposition (NFKD: full-width forms, compatibility
// ideographs, Kangxi radicals), drops format and default-ignorable
// characters (zero-width spaces and joiners, soft hyphens, variation
// selectors) and combining marks (accents, underlines), treats the braille
// blank as a space, drops whitespace next to a CJK character
// (a line break or a space between two Han characters vanishes on a page)
// and collapses other whitespace to one space, drops the middle dot of a
// transliterated name and any dash between two Han characters (买买提·艾力,
// 买买提.艾力 and 买买提艾力 are one name), folds traditional characters to
// simplified ones (OpenCC's table), and lower-cases letters.
//
// It is a leaf: it imports nothing from this module.
package fold

import (
	"html"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Text is a folded text with the way back to its source.
type Text struct {
	// S is the folded text.
	S string
	// off[i] is the source offset of the unit that wrote S[i]; off[len(S)]
	// is the length of the source.
	off []int32
	src string
	// ordered is false when some text was folded in reverse (see
	// folder.reversed): off is then not increasing.
	ordered bool
}

// Source gives the source bytes [start, end) that wrote S[i:j]: from the
// start of the unit that wrote S[i] to the end of the unit that wrote
// S[j-1], so that what lay between (markup, separators) is inside and
// what lay around is not.
func (t Text) Source(i, j int) (start, end int) {
	start = int(t.off[i])
	if j <= i {
		return start, start
	}
	last := int(t.off[j-1])
	if !t.ordered {
		// Text read right to left was folded in reverse: the range is
		// from the least to the greatest offset in it.
		for _, o := range t.off[i:j] {
			start, last = min(start, int(o)), max(last, int(o))
		}
	}
	if last >= len(t.src) {
		return start, len(t.src)
	}
	_, size := unit(t.src, last)
	return start, last + size
}

// Key folds a needle or a term as text is folded; a key matches the
// folded text wherever the source shows it.
func Key(s string) string {
	return Of(s).S
}

// Of folds src.
func Of(src string) Text {
	f := folder{space: -1}
	f.out.Grow(len(src))
	f.off = make([]int32, 0, len(src)+1)
	for i := 0; i < len(src); {
		b := src[i]
		if b < utf8.RuneSelf && b != '&' && b != '%' {
			if b >= 'A' && b <= 'Z' {
				b += 'a' - 'A'
			}
			f.class(rune(b), i)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(src[i:])
		switch {
		case unified(r):
			f.class(simplified(r), i)
		case r >= 0x3001 && r <= 0x3035:
			f.class(r, i) // CJK punctuation: no decomposition
		case r >= 0xff01 && r <= 0xff5e:
			f.rune(r-0xfee0, i) // full-width ASCII, as NFKC folds it
		case b == '&' || b == '%':
			rs, n := unit(src, i)
			for _, r := range rs {
				f.rune(r, i)
			}
			size = n
		case r == rlo || r == rle || r == rli:
			size = f.reversed(src, i, size)
		default:
			f.rune(r, i)
		}
		i += size
	}
	f.flush(0)
	f.off = append(f.off, int32(len(src)))
	return Text{S: f.out.String(), off: f.off, src: src, ordered: !f.reversedAny}
}

// The bidirectional controls that make what follows read right to left,
// and those that end them.
const (
	rle = '\u202b' // right-to-left embedding
	rlo = '\u202e' // right-to-left override
	rli = '\u2067' // right-to-left isolate
	pdf = '\u202c' // pop directional formatting
	pdi = '\u2069' // pop directional isolate
)

// reversed folds the run that a right-to-left control at src[i] (of size
// bytes) opens, up to its end (a PDF or PDI, a line break, the end of the
// text), in the order a reader sees it: U+202E 明小王 U+202C shows 王小明. It gives
// the bytes it consumed: the control, the run and the control that ends it.
func (f *folder) reversed(src string, i, size int) int {
	type unitAt struct {
		rs []rune
		at int
	}
	f.reversedAny = true
	var run []unitAt
	j := i + size
	for j < len(src) {
		if r, _ := utf8.DecodeRuneInString(src[j:]); r == pdf || r == pdi || r == '\n' {
			break
		}
		rs, m := unit(src, j)
		run = append(run, unitAt{rs, j})
		j += m
	}
	for k := len(run) - 1; k >= 0; k-- {
		for _, r := range run[k].rs {
			f.rune(r, run[k].at)
		}
	}
	if j < len(src) {
		if r, n := utf8.DecodeRuneInString(src[j:]); r == pdf || r == pdi {
			j += n
		}
	}
	return j - i
}

// folder writes folded runes, holding back whitespace and joints (a
// middle dot or a dash after a Han character) until the rune after them
// decides whether they stay.
type folder struct {
	out   strings.Builder
	off   []int32
	prev  rune // last rune written, 0 at the start
	space int  // source offset of the whitespace held back, or -1
	joint rune // the joint held back, or 0
	at    int  // its source offset
	// reversedAny is set once a run was folded right to left.
	reversedAny bool
}

// rune folds one decoded rune read from the source unit at offset at.
func (f *folder) rune(r rune, at int) {
	if r < utf8.RuneSelf {
		if r >= 'A' && r <= 'Z' {
			r += 'a' - 'A'
		}
		f.class(r, at)
		return
	}
	if unified(r) {
		f.class(simplified(r), at)
		return
	}
	var buf, out [4 * utf8.UTFMax]byte
	n := utf8.EncodeRune(buf[:], r)
	nf := norm.NFKD.Append(out[:0], buf[:n]...)
	for len(nf) > 0 {
		c, size := utf8.DecodeRune(nf)
		nf = nf[size:]
		if isHan(c) {
			c = simplified(c)
		} else {
			c = unicode.ToLower(c)
		}
		f.class(c, at)
	}
}

// class decides what a folded rune is: dropped, held back, or written.
func (f *folder) class(r rune, at int) {
	switch {
	case r < utf8.RuneSelf:
		switch r {
		case ' ', '\t', '\n', '\r', '\f', '\v':
			if f.space < 0 {
				f.space = at
			}
			return
		case '.', '-', '_':
			if f.joint == 0 && isHan(f.prev) {
				f.joint, f.at = r, at
				return
			}
		}
	case isHan(r):
	case ignorable(r):
		return
	case unicode.IsSpace(r) || unicode.In(r, unicode.Zs, unicode.Zl, unicode.Zp) || r == '\u2800':
		if f.space < 0 {
			f.space = at
		}
		return
	case isJoint(r) && f.joint == 0 && isHan(f.prev):
		f.joint, f.at = r, at
		return
	}
	f.flush(r)
	f.write(r, at)
}

// flush writes what was held back, as the rune next (0 at the end)
// decides: a joint between two Han characters is dropped, with the
// whitespace around it; whitespace next to a wide character is dropped,
// and any other run is one space.
func (f *folder) flush(next rune) {
	if f.joint != 0 {
		if isHan(next) {
			f.joint, f.space = 0, -1
			return
		}
		j := f.joint
		f.joint = 0
		f.write(j, f.at)
	}
	if f.space >= 0 {
		if f.prev != 0 && next != 0 && !wide(f.prev) && !wide(next) {
			f.write(' ', f.space)
		}
		f.space = -1
	}
}

func (f *folder) write(r rune, at int) {
	n := f.out.Len()
	f.out.WriteRune(r)
	for range f.out.Len() - n {
		f.off = append(f.off, int32(at))
	}
	f.prev = r
}

// unit decodes the source unit at src[i:]: a character reference, a
// percent-encoded non-ASCII character, or one UTF-8 rune (a bad byte is
// U+FFFD). It returns the runes it writes and its length in bytes.
func unit(src string, i int) ([]rune, int) {
	switch src[i] {
	case '&':
		if rs, size := reference(src[i:]); size > 0 {
			return rs, size
		}
	case '%':
		if r, size := percent(src[i:]); size > 0 {
			return []rune{r}, size
		}
	}
	r, size := utf8.DecodeRuneInString(src[i:])
	return []rune{r}, size
}

// reference decodes an HTML character reference ending in ';' (&#24352;,
// &#x5f20;, &nbsp;, &ZeroWidthSpace;), as a browser shows it.
func reference(s string) ([]rune, int) {
	end := -1
	for k := 1; k < len(s) && k < 40; k++ {
		c := s[k]
		if c == ';' {
			end = k + 1
			break
		}
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '#') {
			break
		}
	}
	if end < 3 {
		return nil, 0
	}
	ref := s[:end]
	dec := html.UnescapeString(ref)
	if dec == ref {
		return nil, 0
	}
	return []rune(dec), end
}

// percent decodes one percent-encoded UTF-8 character (%E5%BC%A0, %20),
// either hex case, as a browser shows a link's path; a % not followed by
// two hex digits stays as written ("100%").
func percent(s string) (rune, int) {
	var buf [utf8.UTFMax]byte
	n := 1
	for k := 0; k < n; k++ {
		if len(s) < 3*k+3 || s[3*k] != '%' {
			return 0, 0
		}
		hi, okHi := hexDigit(s[3*k+1])
		lo, okLo := hexDigit(s[3*k+2])
		if !okHi || !okLo {
			return 0, 0
		}
		buf[k] = hi<<4 | lo
		if k == 0 {
			switch b := buf[0]; {
			case b >= 0x20 && b < 0x7f:
				n = 1
			case b >= 0xc2 && b <= 0xdf:
				n = 2
			case b >= 0xe0 && b <= 0xef:
				n = 3
			case b >= 0xf0 && b <= 0xf4:
				n = 4
			default:
				return 0, 0
			}
		}
	}
	r, size := utf8.DecodeRune(buf[:n])
	if size != n || r == utf8.RuneError {
		return 0, 0
	}
	return r, 3 * n
}

func hexDigit(b byte) (byte, bool) {
	switch {
	case b >= '0' && b <= '9':
		return b - '0', true
	case b >= 'a' && b <= 'f':
		return b - 'a' + 10, true
	case b >= 'A' && b <= 'F':
		return b - 'A' + 10, true
	}
	return 0, false
}

// ignorable reports the characters that do not make a character of their
// own to a reader: format characters (Cf: zero-width space and joiners,
// soft hyphen, bidi marks), the other default-ignorable code points
// (U+115F, U+3164 Hangul fillers …), variation selectors, and combining
// marks (an underline or an accent put on 王 still reads as 王; text is
// decomposed first, so é and e+◌́ both fold to e).
func ignorable(r rune) bool {
	if r < 0xad {
		return false
	}
	return unicode.In(r, unicode.Cf, unicode.Other_Default_Ignorable_Code_Point, unicode.Variation_Selector, unicode.Mn, unicode.Me)
}

// unified reports a character of the CJK Unified Ideographs or their
// Extension A, where most Chinese text is: none has a decomposition, so
// they skip NFKD.
func unified(r rune) bool {
	return r >= 0x4e00 && r <= 0x9fff || r >= 0x3400 && r <= 0x4dbf
}

// isHan reports a Han character (Unified Ideographs and their extensions,
// compatibility ideographs, radicals).
func isHan(r rune) bool {
	if r >= 0x4e00 && r <= 0x9fff {
		return true
	}
	return r >= 0x2e80 && unicode.Is(unicode.Han, r)
}

// wide reports a character of CJK text, next to which whitespace is only
// layout: Han, kana, Hangul, and CJK punctuation.
func wide(r rune) bool {
	if r < 0x1100 {
		return false
	}
	return isHan(r) || unicode.In(r, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Bopomofo) ||
		r >= 0x3000 && r <= 0x303f || r >= 0xff00 && r <= 0xffef
}

// IsDot reports the dots clerks type in a transliterated name (买买提·艾力):
// the middle dot and its look-alikes, and the full stop.
func IsDot(r rune) bool {
	switch r {
	case '.', '·', '•', '‧', '・', '･', '∙', '⋅', '●', '．', '｡', '˙', 'ᐧ', '⸱', 'ꞏ':
		return true
	}
	return false
}

// isJoint reports a rune that may join the parts of a transliterated name
// in place of its middle dot: the dots, dashes and the underscore.
func isJoint(r rune) bool {
	return IsDot(r) || r == '-' || r == '_' || unicode.Is(unicode.Pd, r) || unicode.Is(unicode.Pc, r)
}
