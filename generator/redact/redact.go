// Package redact masks personal data in text shown to the public: names of
// persons named in accountability notices (张三 → 张某), whistleblowers and
// witnesses (→ 某某), and, by pattern, ID, phone and bank card numbers and
// e-mail addresses. It also finds probable names no one listed (Suspects).
//
// It is a leaf: it imports only fold, the reader's text, so the view can
// call it on every free-text string (facts, titles, each block of a
// Markdown page as content gives it) without the redactor knowing where
// the text came from. A Redactor is built once by New and is then
// read-only and safe for concurrent use.
//
// What it does not catch, because the text does not say it is a name: names
// written in pinyin (zhangsan.pdf) and one-character names (see
// Options.Names). Markup that splits a name (张**三**) is content's to join.
package redact

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"dutyreport/generator/fold"
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
	// Public terms are matched folded, as names are (王平鎮 is 王平镇).
	Public []string
	// Patterns also masks, without knowing them, ID, phone and bank card
	// numbers and e-mail addresses by their shape (see numberAt).
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
	kinds    []Kind          // kind of each term, by node.term-1
	public   *node           // Public terms, folded; nil if none
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

// longest gives the end of the longest key of the trie that starts at
// s[i:], and its term; 0, 0 for none.
func (n *node) longest(s string, i int) (end int, term int32) {
	for j := i; j < len(s); {
		c, size := utf8.DecodeRuneInString(s[j:])
		if n = n.next[c]; n == nil {
			break
		}
		j += size
		if n.term != 0 {
			end, term = j, n.term
		}
	}
	return end, term
}

// New builds a Redactor. It validates nothing: unusable entries (empty,
// one character) are skipped.
func New(o Options) *Redactor {
	r := &Redactor{mask: o.Policy.Mask, surnames: newSurnames(o.Policy.CompoundSurnames), patterns: o.Patterns}
	if r.mask == "" {
		r.mask = "某"
	}
	terms := &node{}
	add := func(key, repl string, kind Kind) {
		if utf8.RuneCountInString(key) < 2 {
			return
		}
		if terms.add(key, int32(len(r.repl)+1)) {
			r.repl = append(r.repl, repl)
			r.kinds = append(r.kinds, kind)
			c, _ := utf8.DecodeRuneInString(key)
			r.first.add(c)
		}
	}
	r.hidden = map[string]bool{}
	for _, h := range o.Hidden {
		k := fold.Key(h)
		if utf8.RuneCountInString(k) >= 2 {
			r.hidden[k] = true
			add(k, hiddenMask, KindHidden)
		}
	}
	for _, n := range o.Names {
		add(fold.Key(n), r.Name(n), KindName)
	}
	for _, l := range o.Literals {
		repl, digits := literalMask(l)
		add(fold.Key(l), repl, KindNumber)
		if digits != "" { // 138-1234-5678 also as 13812345678
			add(digits, repl, KindNumber)
		}
	}
	if len(r.repl) > 0 {
		r.terms = terms
	}
	public := &node{}
	for _, p := range o.Public {
		if k := fold.Key(p); k != "" {
			public.add(k, 1)
			r.public = public
			c, _ := utf8.DecodeRuneInString(k)
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
		if r.hidden[fold.Key(key)] {
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

// Edit replaces the source bytes [Start, End) of a text with Repl.
type Edit struct {
	Start, End int
	Repl       string
	Kind       Kind
}

// Kind says what an edit masks.
type Kind uint8

// The kinds of edit.
const (
	KindName   Kind = iota + 1 // a known person's name (张三 → 张某)
	KindHidden                 // a whistleblower or witness (→ 某某)
	KindNumber                 // an ID, phone or bank card number, or a literal
	KindEmail                  // an e-mail address
)

// String names the kind for messages and the review page.
func (k Kind) String() string {
	switch k {
	case KindName:
		return "name"
	case KindHidden:
		return "hidden-name"
	case KindNumber:
		return "number"
	case KindEmail:
		return "email"
	}
	return ""
}

// Text masks every occurrence of the known names and literals in s, and with
// Options.Patterns every ID, phone and bank card number and e-mail address
// (see Edits).
func (r *Redactor) Text(s string) string {
	return Apply(s, r.Edits(s))
}

// Apply makes the edits, which are sorted and do not overlap, to s.
func Apply(s string, edits []Edit) string {
	if len(edits) == 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	last := 0
	for _, e := range edits {
		b.WriteString(s[last:e.Start])
		b.WriteString(e.Repl)
		last = e.End
	}
	b.WriteString(s[last:])
	return b.String()
}

// Edits finds what Text masks in s, as it reads to a reader: matched on
// the folded text (package fold), so a name is found also when its
// characters are separated by spaces, line breaks or invisible characters,
// written as character references or percent-encoded, in full-width or
// compatibility forms, in traditional characters, or with the middle dot
// of a transliterated name left out or replaced; each edit covers the
// source bytes from its first character to its last, whatever lay between.
// At one position the longest name wins (欧阳修 before 欧阳); a name inside
// an occurrence of a public term is kept. A replacement whose source
// starts percent-encoded is percent-encoded (it is part of a link).
//
// Edits are sorted by position and do not overlap; nil when s needs none.
// Text that cannot hold a match is not folded, so most of a site's short
// texts cost no allocation.
func (r *Redactor) Edits(s string) []Edit {
	if r == nil || r.terms == nil && !r.patterns || !r.mayMatch(s) {
		return nil
	}
	ft := fold.Of(s)
	var found []span
	if r.patterns {
		found = findPatterns(ft.S)
	}
	if r.terms != nil {
		found = append(found, r.findTerms(ft.S)...)
	}
	if len(found) == 0 {
		return nil
	}
	slices.SortFunc(found, func(a, b span) int {
		return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(b.end, a.end))
	})
	var keep []span
	var public []span
	publicDone := false
	for _, f := range found {
		if n := len(keep); n > 0 && f.start < keep[n-1].end {
			continue
		}
		if !publicDone {
			public, publicDone = r.publicSpans(ft.S), true
		}
		if covered(public, f.start, f.end) {
			continue
		}
		keep = append(keep, f)
	}
	edits := make([]Edit, 0, len(keep))
	for _, k := range keep {
		start, end := ft.Source(k.start, k.end)
		start, end = wholeRun(s, start, end)
		repl := k.repl
		if k.term != 0 {
			repl = r.repl[k.term-1]
		}
		if s[start] == '%' {
			repl = percentEncode(repl, strings.ContainsAny(s[start:min(start+3, end)], "abcdef"))
		}
		if n := len(edits); n > 0 && start < edits[n-1].End {
			continue // two folded spans from one source unit
		}
		edits = append(edits, Edit{Start: start, End: end, Repl: repl, Kind: k.kind})
	}
	return edits
}

// wholeRun widens s[start:end] to the right-to-left run it is the whole
// of (U+202E 明小王 U+202C, which a reader sees as 王小明), so that the mask replaces
// the run and reads left to right.
func wholeRun(s string, start, end int) (int, int) {
	for _, open := range []string{"\u202e", "\u202b", "\u2067"} {
		if strings.HasSuffix(s[:start], open) {
			for _, close := range []string{"\u202c", "\u2069"} {
				if strings.HasPrefix(s[end:], close) {
					return start - len(open), end + len(close)
				}
			}
			if end == len(s) || s[end] == '\n' {
				return start - len(open), end
			}
		}
	}
	return start, end
}

// mayMatch reports whether s may hold something to mask: a character that
// starts a term (after folding), or, with patterns, ten digits or an @. ASCII
// and Han text that holds neither is not folded; any other character may
// fold to one (a full-width digit, a compatibility ideograph).
func (r *Redactor) mayMatch(s string) bool {
	digits := 0
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf {
			switch {
			case b == '&' || b == '%':
				return true
			case r.patterns && b >= '0' && b <= '9':
				// The shortest number masked by pattern, a landline, has
				// ten digits, with at most a separator between groups.
				if digits++; digits >= 10 {
					return true
				}
				i++
				continue
			case b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == '\v' || b == '-' || b == '.' || b == '/' || b == '(' || b == ')' || b == '+':
				i++ // may stand between the groups of a number
				continue
			case r.patterns && b == '@':
				return true
			case r.first.has(rune(b | 0x20)), r.first.has(rune(b)):
				return true
			}
			digits = 0
			i++
			continue
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		if (c < '０' || c > '９') && c != '（' && c != '）' && c != '－' {
			digits = 0
		}
		switch {
		case c >= 0x4e00 && c <= 0x9fff:
			if r.first.has(c) || r.first.has(fold.Simplified(c)) {
				return true
			}
		case c >= 0x3001 && c <= 0x303f: // CJK punctuation: folds to itself
		case c >= '０' && c <= '９':
			if digits++; r.patterns && digits >= 10 {
				return true
			}
		case c >= 0xff01 && c <= 0xff5e: // full-width ASCII
			a := c - 0xfee0
			if a == '@' || a == '&' || a == '%' || r.first.has(a|0x20) || r.first.has(a) {
				return true
			}
		default:
			return true
		}
		i += size
	}
	return false
}

// span is a match in the folded text: a term (term > 0) or a pattern.
type span struct {
	start, end int
	term       int32
	repl       string
	kind       Kind
	maxEnd     int // for public spans: the largest end of it and every span before it
}

// findTerms finds, at each position, the longest term of the folded text.
func (r *Redactor) findTerms(s string) []span {
	var found []span
	for i := 0; i < len(s); {
		c, size := utf8.DecodeRuneInString(s[i:])
		if !r.first.has(c) {
			i += size
			continue
		}
		if end, term := r.terms.longest(s, i); term != 0 {
			kind := r.kinds[term-1]
			found = append(found, span{start: i, end: end, term: term, kind: kind})
			i = end
			continue
		}
		i += size
	}
	return found
}

// publicSpans lists, for each position of the folded text where a public
// term starts, the longest one, in order of position.
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
		// 王平镇长 is 王平, head of a town, though 王平镇 is a town: a
		// public term that runs on into 长 is no public term there.
		if end, _ := r.public.longest(s, i); end > 0 && !strings.HasPrefix(s[end:], "长") {
			maxEnd = max(maxEnd, end)
			spans = append(spans, span{start: i, end: end, maxEnd: maxEnd})
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

// percentEncode writes every byte of s as %XX, upper case as RFC 3986
// prefers, or lower case as the text had it.
func percentEncode(s string, lower bool) string {
	hex := "0123456789ABCDEF"
	if lower {
		hex = "0123456789abcdef"
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		b.WriteByte('%')
		b.WriteByte(hex[s[i]>>4])
		b.WriteByte(hex[s[i]&15])
	}
	return b.String()
}

// isSeparator reports whether c may stand inside a name as given in a
// register (张　三): whitespace, which folding drops between Han characters.
func isSeparator(c rune) bool {
	return unicode.IsSpace(c)
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

// runeSet is a bit set of characters, folded onto 16 bits: a cheap test
// that a term may start here, before the trie is asked. A false positive
// only costs a map lookup.
type runeSet [1 << 16 / 64]uint64

func (s *runeSet) add(c rune)      { s[c&0xffff/64] |= 1 << (c & 63) }
func (s *runeSet) has(c rune) bool { return s[c&0xffff/64]&(1<<(c&63)) != 0 }
