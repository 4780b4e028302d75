// Package redact masks personal data in text shown to the public: names of
// persons named in accountability notices (张三 → 张某), whistleblowers and
// witnesses (→ 某某), and, by pattern, ID numbers, mobile numbers and e-mail
// addresses.
//
// It is a leaf: it imports nothing from this module, so the view can call it
// on every free-text string (facts, titles, the Markdown source of content
// pages) without the redactor knowing where the text came from. A Redactor is
// built once by New and is then read-only and safe for concurrent use.
//
// What it does not catch, because the text does not say it is a name: names
// written in pinyin (zhangsan.pdf), a name split by Markdown markup (张**三**),
// and one-character names (see Options.Names).
package redact

import (
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// hiddenMask replaces a hidden person's whole name, surname included.
const hiddenMask = "某某"

// Policy says how names are masked.
type Policy struct {
	// Mask follows the surname: "某" (the default: 张某) or "某某" (张某某).
	Mask string
	// CompoundSurnames are extra surnames of two or more characters (范姜,
	// 张简 …), added to DefaultCompoundSurnames. Entries shorter than two
	// characters are ignored.
	CompoundSurnames []string
}

// Options lists what a Redactor masks. The zero Options masks nothing.
type Options struct {
	Policy Policy
	// Names are the full names of known persons, each masked as surname +
	// Policy.Mask. Empty and one-character names are ignored: a one-character
	// "name" would mask that character everywhere (every 王 in 王平镇).
	Names []string
	// Hidden are whistleblowers and witnesses, replaced by 某某 with no
	// surname, in every audience. A name both here and in Names is hidden.
	// One-character names are ignored, as in Names.
	Hidden []string
	// Public are terms that are not personal data (unit names and their
	// former names, task names): a name lying inside an occurrence of one of
	// them is kept, so the town 王平镇 stays while the person 王平 is masked.
	// Public terms are matched in the raw text only, character for character.
	Public []string
	// Patterns also masks, without knowing them: 18-character PRC ID numbers
	// whose check digit is valid, mainland mobile numbers and e-mail
	// addresses (see Redactor.Text).
	Patterns bool
	// Literals are other sensitive strings taken from the inputs (ID or
	// phone numbers as given). Each is found like a name (across spaces,
	// encoded) and wherever it occurs, even inside a longer run of digits,
	// and masked like the pattern it looks like, or else by as many
	// asterisks as it has characters. Literals of fewer than two characters
	// are ignored.
	Literals []string
}

// Redactor masks text by the Options given to New.
type Redactor struct {
	mask     string
	surnames surnames
	hidden   map[string]bool // folded keys of Options.Hidden
	terms    *node           // Hidden, Names and Literals, folded; nil if none
	first    runeSet         // first characters of terms
	repl     []string        // replacement of each term, by node.term-1
	public   *node           // Public terms, raw; nil if none
	pfirst   runeSet         // first characters of public terms
	patterns bool
}

// node is a rune trie. Walking it is one map lookup per character of the
// text, whatever the number of names, where a regexp alternation of
// hundreds of names would try each of them.
type node struct {
	next map[rune]*node
	term int32 // index+1 into Redactor.repl; 0 if no term ends here
}

func (n *node) add(key string, term int32) bool {
	for _, r := range key {
		c := n.next[r]
		if c == nil {
			if n.next == nil {
				n.next = map[rune]*node{}
			}
			c = &node{}
			n.next[r] = c
		}
		n = c
	}
	if n.term != 0 {
		return false // first one wins: Hidden before Names before Literals
	}
	n.term = term
	return true
}

// New builds a Redactor. It validates nothing: unusable entries (empty,
// one character) are skipped.
func New(o Options) *Redactor {
	r := &Redactor{mask: o.Policy.Mask, surnames: newSurnames(o.Policy.CompoundSurnames), patterns: o.Patterns}
	if r.mask == "" {
		r.mask = "某"
	}
	terms := &node{}
	add := func(key, repl string) {
		if utf8.RuneCountInString(key) < 2 {
			return
		}
		if terms.add(key, int32(len(r.repl)+1)) {
			r.repl = append(r.repl, repl)
			c, _ := utf8.DecodeRuneInString(key)
			r.first.add(c)
		}
	}
	r.hidden = map[string]bool{}
	for _, h := range o.Hidden {
		k := foldKey(h)
		if utf8.RuneCountInString(k) >= 2 {
			r.hidden[k] = true
			add(k, hiddenMask)
		}
	}
	for _, n := range o.Names {
		add(foldKey(n), r.Name(n))
	}
	for _, l := range o.Literals {
		repl, digits := literalMask(l)
		add(foldKey(l), repl)
		if digits != "" { // 138-1234-5678 also as 13812345678
			add(digits, repl)
		}
	}
	if len(r.repl) > 0 {
		r.terms = terms
	}
	public := &node{}
	for _, p := range o.Public {
		if p != "" {
			public.add(p, 1)
			r.public = public
			c, _ := utf8.DecodeRuneInString(p)
			r.pfirst.add(c)
		}
	}
	return r
}

// Name masks one full name: the surname (see DefaultCompoundSurnames) and the
// mask, so 张三 → 张某, 欧阳修 → 欧阳某, with Mask 某某 张某某 and 欧阳某某. A
// two-character name starting with a compound surname is read as a single
// surname and a given name: 欧阳 → 欧某. A name with a middle dot keeps its
// first character: 买买提·艾力 → 买某. A hidden name gives 某某. Spaces inside
// the name are dropped; an empty name gives "".
func (r *Redactor) Name(name string) string {
	key := stripSeparators(name)
	if key == "" {
		return ""
	}
	mask, sn := "某", defaultSurnames // a nil or zero Redactor has the default Policy
	if r != nil {
		if r.hidden[foldKey(key)] {
			return hiddenMask
		}
		if r.mask != "" {
			mask = r.mask
		}
		if r.surnames.set != nil {
			sn = r.surnames
		}
	}
	return sn.of(key) + mask
}

// Text masks every occurrence of the known names and literals in s, and with
// Options.Patterns every ID number, mobile number and e-mail address.
//
// A name is found also when its characters are separated by spaces, tabs,
// line breaks or full-width spaces (张　三), when it is percent-encoded
// (%E5%BC%A0%E4%B8%89, either hex case) and when it is written as HTML
// numeric character references (&#24352;&#19977; or &#x5f20;&#x4e09;); the
// whole span is replaced, in the encoding of its first character. Latin
// letters match in either case and full-width forms, and the middle dot of
// a transliterated name in any of its usual forms (· • ・ .). At one
// position the longest name wins (欧阳修 before 欧阳); a name inside an
// occurrence of a public term is kept.
//
// ID numbers (17 digits and a digit or X, ASCII or full-width) become 18
// asterisks, mobile numbers (1[3-9] and 9 more digits, also written 3-4-4
// with spaces or hyphens) become 11 asterisks with the separators dropped,
// so every masked mobile looks the same, and e-mail addresses become
// ***@***. Digits that are part of a longer run of digits are kept, and so
// is an 18-digit run whose check digit is wrong: it is a case number or a
// bank reference, not an ID.
func (r *Redactor) Text(s string) string {
	if r == nil {
		return s
	}
	if r.terms != nil {
		s = r.maskTerms(s)
	}
	if r.patterns {
		s = maskPatterns(s)
	}
	return s
}

func (r *Redactor) maskTerms(s string) string {
	var b strings.Builder
	var spans []span
	changed, spansDone := false, false
	last := 0
	for i := 0; i < len(s); {
		c, size := utf8.DecodeRuneInString(s[i:])
		if c != '%' && c != '&' && !r.first.has(foldRune(c)) {
			i += size
			continue
		}
		if end, term, f := r.match(s, i); term != 0 {
			if !spansDone {
				spans, spansDone = r.publicSpans(s), true
			}
			if !covered(spans, i, end) {
				if !changed {
					b.Grow(len(s))
					changed = true
				}
				b.WriteString(s[last:i])
				f.encode(&b, r.repl[term-1])
				i, last = end, end
				continue
			}
		}
		i += size
	}
	if !changed {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// runeSet is a bit set of characters, folded onto 16 bits: a cheap test
// that a term may start here, before the trie is asked. A false positive
// only costs a map lookup.
type runeSet [1 << 16 / 64]uint64

func (s *runeSet) add(c rune)      { s[c&0xffff/64] |= 1 << (c & 63) }
func (s *runeSet) has(c rune) bool { return s[c&0xffff/64]&(1<<(c&63)) != 0 }

// match finds the longest term starting at s[i:]; term is 0 if there is
// none. Separators may stand between the characters of a term, and each
// character may be raw, percent-encoded or a character reference; f is the
// form of the first one.
func (r *Redactor) match(s string, i int) (end int, term int32, f form) {
	n := r.terms
	c, size, f := unit(s, i)
	for size > 0 {
		n = n.next[foldRune(c)]
		if n == nil {
			break
		}
		i += size
		if n.term != 0 {
			end, term = i, n.term
		}
		for c, size, _ = unit(s, i); size > 0 && isSeparator(c); c, size, _ = unit(s, i) {
			i += size
		}
	}
	return end, term, f
}

// span is an occurrence of a public term; maxEnd is the largest end of it
// and every span before it.
type span struct{ start, end, maxEnd int }

// publicSpans lists, for each position where a public term starts, the
// longest one, in order of position.
func (r *Redactor) publicSpans(s string) []span {
	if r.public == nil {
		return nil
	}
	var spans []span
	maxEnd := 0
	for i := 0; i < len(s); {
		c, size := utf8.DecodeRuneInString(s[i:])
		if !r.pfirst.has(c) {
			i += size
			continue
		}
		n, end := r.public, 0
		for j := i; j < len(s); {
			c, size := utf8.DecodeRuneInString(s[j:])
			if n = n.next[c]; n == nil {
				break
			}
			j += size
			if n.term != 0 {
				end = j
			}
		}
		if end > 0 {
			maxEnd = max(maxEnd, end)
			spans = append(spans, span{i, end, maxEnd})
		}
		i += size
	}
	return spans
}

// covered reports whether s[start:end] lies inside one of spans.
func covered(spans []span, start, end int) bool {
	k := sort.Search(len(spans), func(k int) bool { return spans[k].start > start })
	return k > 0 && spans[k-1].maxEnd >= end
}

// isSeparator reports whether c may stand between the characters of a name
// without making it another word: spaces and line breaks (a line break
// between two Han characters vanishes when Markdown is rendered), the
// no-break, full-width and zero-width spaces.
func isSeparator(c rune) bool {
	switch c {
	case ' ', '\t', '\n', '\r', '\u00a0', '\u200b', '\u3000':
		return true
	}
	return false
}

func stripSeparators(s string) string {
	if !strings.ContainsFunc(s, isSeparator) {
		return s
	}
	return strings.Map(func(c rune) rune {
		if isSeparator(c) {
			return -1
		}
		return c
	}, s)
}

// foldKey is the form in which terms are stored and compared.
func foldKey(s string) string { return strings.Map(foldRune, stripSeparators(s)) }

// foldRune maps the variants a clerk may type for one character to one
// form: full-width ASCII to ASCII, upper case to lower case, and the dots of
// transliterated names (· • ‧ ・ ･ ∙ ⋅ . ．) to ·.
func foldRune(c rune) rune {
	if c >= '！' && c <= '～' {
		c -= '！' - '!'
	}
	switch {
	case c >= 'A' && c <= 'Z':
		c += 'a' - 'A'
	case c == '.', c == '•', c == '‧', c == '・', c == '･', c == '∙', c == '⋅':
		c = '·'
	}
	return c
}

// form is how a character is written in the text: raw, percent-encoded
// UTF-8 (upper or lower hex), or an HTML character reference (decimal, or
// hex with x or X and upper or lower digits).
type form struct {
	kind         byte // 0 raw, '%' percent, '#' decimal reference, 'x' or 'X' hex reference
	lower, upper bool // hex letters seen in lower or upper case
}

// unit decodes the character at s[i:] and the form it is written in; size
// is 0 at the end of s.
func unit(s string, i int) (c rune, size int, f form) {
	if i >= len(s) {
		return 0, 0, f
	}
	switch s[i] {
	case '%':
		if c, size, f = percentUnit(s[i:]); size > 0 {
			return c, size, f
		}
	case '&':
		if c, size, f = referenceUnit(s[i:]); size > 0 {
			return c, size, f
		}
	}
	c, size = utf8.DecodeRuneInString(s[i:])
	return c, size, form{}
}

// percentUnit decodes one percent-encoded UTF-8 character (%E5%BC%A0).
func percentUnit(s string) (rune, int, form) {
	var buf [utf8.UTFMax]byte
	f := form{kind: '%'}
	n := 1
	for k := 0; k < n; k++ {
		if len(s) < 3*k+3 || s[3*k] != '%' {
			return 0, 0, f
		}
		hi, okHi := hexDigit(s[3*k+1], &f)
		lo, okLo := hexDigit(s[3*k+2], &f)
		if !okHi || !okLo {
			return 0, 0, f
		}
		buf[k] = hi<<4 | lo
		if k == 0 {
			switch b := buf[0]; {
			case b < 0x80:
				n = 1
			case b >= 0xc2 && b <= 0xdf:
				n = 2
			case b >= 0xe0 && b <= 0xef:
				n = 3
			case b >= 0xf0 && b <= 0xf4:
				n = 4
			default:
				return 0, 0, f
			}
		}
	}
	c, size := utf8.DecodeRune(buf[:n])
	if size != n || c == utf8.RuneError {
		return 0, 0, f
	}
	return c, 3 * n, f
}

// referenceUnit decodes one numeric character reference (&#24352; or
// &#x5f20;). The semicolon is required: without it, HTML reads the digits
// differently in some contexts.
func referenceUnit(s string) (rune, int, form) {
	f := form{kind: '#'}
	if len(s) < 4 || s[1] != '#' {
		return 0, 0, f
	}
	i, base := 2, 10
	if s[2] == 'x' || s[2] == 'X' {
		f.kind, i, base = s[2], 3, 16
	}
	var v rune
	start := i
	for ; i < len(s) && i-start < 8; i++ {
		var d byte
		var ok bool
		if base == 16 {
			d, ok = hexDigit(s[i], &f)
		} else if ok = s[i] >= '0' && s[i] <= '9'; ok {
			d = s[i] - '0'
		}
		if !ok {
			break
		}
		v = v*rune(base) + rune(d)
	}
	if i == start || i >= len(s) || s[i] != ';' || !utf8.ValidRune(v) {
		return 0, 0, f
	}
	return v, i + 1, f
}

// hexDigit decodes one hex digit and notes in f the case of a letter.
func hexDigit(b byte, f *form) (byte, bool) {
	switch {
	case b >= '0' && b <= '9':
		return b - '0', true
	case b >= 'a' && b <= 'f':
		f.lower = true
		return b - 'a' + 10, true
	case b >= 'A' && b <= 'F':
		f.upper = true
		return b - 'A' + 10, true
	}
	return 0, false
}

// encode writes repl in form f. Percent-encoding is upper case unless the
// text used lower case (RFC 3986 prefers upper); hex references are lower
// case unless the text used upper case.
func (f form) encode(b *strings.Builder, repl string) {
	const upper, lower = "0123456789ABCDEF", "0123456789abcdef"
	digits := upper
	if f.kind == '%' && f.lower || f.kind != '%' && !f.upper {
		digits = lower
	}
	switch f.kind {
	case 0:
		b.WriteString(repl)
	case '%':
		for i := 0; i < len(repl); i++ {
			b.WriteByte('%')
			b.WriteByte(digits[repl[i]>>4])
			b.WriteByte(digits[repl[i]&15])
		}
	default:
		for _, c := range repl {
			b.WriteString("&#")
			if f.kind == '#' {
				b.WriteString(strconv.Itoa(int(c)))
			} else {
				b.WriteByte(f.kind)
				s := strconv.FormatInt(int64(c), 16)
				if digits == upper {
					s = strings.ToUpper(s)
				}
				b.WriteString(s)
			}
			b.WriteByte(';')
		}
	}
}
