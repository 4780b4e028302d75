package audit

import (
	"bytes"
	"cmp"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"dutyreport/generator/fold"
)

// Needle is a sensitive string the inputs know.
type Needle struct {
	Text string // e.g. 张三, 11010519491231002X, 13800138000
	Kind string // "name", "hidden-name" (whistleblower, witness), "id-number", "phone", "email", "bank-card": for the message
}

// Hit is one occurrence of a needle in the output.
type Hit struct {
	File   string // slash-separated, relative to the scanned root
	Offset int64  // byte offset in the file, or in File when InName
	Length int    // bytes the occurrence spans, spaces of the spaced form included
	InName bool   // the occurrence is in a file or folder name, not in content
	// Line is the 1-based line of the file's bytes (of the entry's, for
	// a Form of FormZip) where the occurrence starts; 0 in a name, and
	// from Bytes, which leaves lines to File and Dir.
	Line   int
	Needle Needle // for a hit by pattern, the number or address found
	Form   string // how it was written: one of the Form constants

	// shown is File with the needles found in its names masked. Dir sets it
	// so that String never prints a name through the path.
	shown string
}

// MaskedFile is File with the needles found in its names masked (张三 → 张*):
// the path to print. A Hit from Dir knows every needle in its path; one
// built elsewhere masks at least its own occurrence when InName.
func (h Hit) MaskedFile() string {
	switch {
	case h.shown != "":
		return h.shown
	case h.InName:
		n := h.Length
		if n <= 0 { // built by hand without Length
			n = len(h.Needle.Text)
		}
		return maskSpans(h.File, []span{{int(h.Offset), int(h.Offset) + n, h.Needle.Text}})
	}
	return h.File
}

// String gives "2023/notices/3.html:12: name 张* (visible, byte 1042)", or
// without a line "2023/notices/3.html:1042: name 张* (json-escape)". The
// needle is masked to its first rune, since a CI log is itself a place it
// can leak to.
func (h Hit) String() string {
	file := h.MaskedFile()
	switch {
	case h.InName:
		return fmt.Sprintf("%s: %s %s in path at byte %d (%s)", file, h.Needle.Kind, mask(h.Needle.Text), h.Offset, h.Form)
	case h.Line > 0:
		return fmt.Sprintf("%s:%d: %s %s (%s, byte %d)", file, h.Line, h.Needle.Kind, mask(h.Needle.Text), h.Form, h.Offset)
	}
	return fmt.Sprintf("%s:%d: %s %s (%s)", file, h.Offset, h.Needle.Kind, mask(h.Needle.Text), h.Form)
}

// mask keeps the first rune and stars the rest: 张三 → 张*. A one-rune text
// is all star.
func mask(text string) string {
	n := utf8.RuneCountInString(text)
	if n <= 1 {
		return "*"
	}
	r, _ := utf8.DecodeRuneInString(text)
	return string(r) + strings.Repeat("*", n-1)
}

// span is an occurrence of text at s[start:end].
type span struct {
	start, end int
	text       string
}

// maskSpans replaces each occurrence in s with its masked text; overlapping
// occurrences become one, masked as the first.
func maskSpans(s string, spans []span) string {
	slices.SortFunc(spans, func(a, b span) int { return cmp.Compare(a.start, b.start) })
	var b strings.Builder
	at := 0
	for _, sp := range spans {
		if sp.start < at || sp.end <= sp.start || sp.end > len(s) {
			at = max(at, min(sp.end, len(s)))
			continue
		}
		b.WriteString(s[at:sp.start])
		b.WriteString(mask(sp.text))
		at = sp.end
	}
	b.WriteString(s[at:])
	return b.String()
}

// owner is a needle or allowed term a pattern writes, in one form.
type owner struct {
	needle int // index in Scanner.needles, or -1 for an allowed term
	form   string
}

// Scanner finds needles in bytes, files and folders. It is immutable and
// safe for concurrent use.
type Scanner struct {
	needles []Needle
	owners  [][]owner // pattern id → who writes it
	m       *machine

	// The reader's scan: folded needles and terms over folded text, and
	// those of them that are ASCII over the plain texts (see reader).
	seen, plain keyMachine
	patterns    bool // look for numbers and addresses by their shape
	allowedNo   map[string]bool
	anyAllowed  bool // an allowed term is not empty once folded
}

// keyMachine finds folded needles and allowed terms in folded text.
type keyMachine struct {
	m  *machine  // nil when there is nothing to find
	by [][]int32 // pattern id → needles, -1 for an allowed term
}

// Option changes what New's Scanner looks for.
type Option func(*Scanner)

// Patterns makes the Scanner look also for what no input names, by its
// shape: ID numbers (18 characters whatever the check digit, 15 digits),
// mobile and landline numbers, e-mail addresses and bank card numbers, in
// the reader's text (see File). The public site holds none of them.
func Patterns() Option {
	return func(s *Scanner) { s.patterns = true }
}

// New builds a Scanner for needles. A needle occurrence lying entirely
// within an occurrence of an allowed term (person 王平 in town 王平镇) is not
// a hit; allowed terms are matched in the same forms as needles, and
// folded in every scan, the raw one too (南山鎮 is the town 南山镇). A needle
// equal to an allowed term is therefore never a hit, and a number found by
// its shape is none when an allowed term covers it or has its digits (an
// office's published phone). Empty needles and terms are ignored, as are
// spaces and U+3000 inside them.
func New(needles []Needle, allowed []string, opts ...Option) *Scanner {
	s := &Scanner{}
	for _, o := range opts {
		o(s)
	}
	index := map[string]int{}
	var patterns [][]byte
	add := func(text string, o owner) {
		for _, v := range variants(text) {
			id, ok := index[v.bytes]
			if !ok {
				id = len(patterns)
				index[v.bytes] = id
				patterns = append(patterns, []byte(v.bytes))
				s.owners = append(s.owners, nil)
			}
			o.form = v.form
			if !slices.ContainsFunc(s.owners[id], func(p owner) bool { return p.needle == o.needle }) {
				s.owners[id] = append(s.owners[id], o)
			}
		}
	}
	seen := map[Needle]bool{}
	for _, n := range needles {
		text := normalize(n.Text)
		if text == "" || seen[Needle{text, n.Kind}] {
			continue
		}
		seen[Needle{text, n.Kind}] = true
		s.needles = append(s.needles, n)
		add(text, owner{needle: len(s.needles) - 1})
	}
	for _, t := range allowed {
		if text := normalize(t); text != "" {
			add(text, owner{needle: -1})
		}
	}
	s.m = newMachine(patterns)
	s.newSeen(allowed)
	return s
}

// newSeen builds the machines of the reader's scan: each needle and term
// folded as fold folds text, spaces dropped as the machine skips them.
func (s *Scanner) newSeen(allowed []string) {
	type key struct {
		text string
		who  int32 // a needle, or -1 for an allowed term
	}
	var keys []key
	for i, n := range s.needles {
		keys = append(keys, key{normalize(fold.Key(n.Text)), int32(i)})
	}
	s.allowedNo = map[string]bool{}
	for _, t := range allowed {
		k := normalize(fold.Key(t))
		keys = append(keys, key{k, -1})
		s.anyAllowed = s.anyAllowed || k != ""
		if d := numberKey(t); d != "" {
			s.allowedNo[d] = true
		}
	}
	build := func(ascii bool) keyMachine {
		var km keyMachine
		index := map[string]int32{}
		var patterns [][]byte
		for _, k := range keys {
			if k.text == "" || ascii && !isASCII(k.text) {
				continue
			}
			id, ok := index[k.text]
			if !ok {
				id = int32(len(patterns))
				index[k.text] = id
				patterns = append(patterns, []byte(k.text))
				km.by = append(km.by, nil)
			}
			if !slices.Contains(km.by[id], k.who) {
				km.by[id] = append(km.by[id], k.who)
			}
		}
		// The plain machine finds needles only; the other clears what
		// patterns find too.
		needles := slices.ContainsFunc(km.by, func(by []int32) bool { return slices.ContainsFunc(by, func(w int32) bool { return w >= 0 }) })
		if needles || !ascii && s.patterns && len(patterns) > 0 {
			km.m = newMachine(patterns)
		}
		return km
	}
	s.seen, s.plain = build(false), build(true)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// sameKey is the text by which two hits of one kind are one occurrence:
// folded, without the spaces, hyphens and brackets that group a number (a
// number by its digits alone, whatever marks group it).
func sameKey(text string) string {
	if d := numberKey(text); d != "" {
		return d
	}
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '-', '(', ')':
			return -1
		}
		return r
	}, fold.Key(text))
}

// Bytes returns the hits of the raw scan in data, the content of file,
// sorted by offset, without lines. It does not look at the name file, nor
// read data as a reader does: File and Dir do both.
func (s *Scanner) Bytes(file string, data []byte) []Hit {
	var hits []Hit
	for _, o := range s.find(data) {
		hits = append(hits, Hit{
			File:   file,
			Offset: int64(o.start),
			Length: o.end - o.start,
			Needle: s.needles[o.needle],
			Form:   o.form,
		})
	}
	return hits
}

// occurrence is a needle found at data[start:end].
type occurrence struct {
	start, end int
	needle     int
	form       string
}

// find returns the needle occurrences in data that no allowed term covers,
// sorted by start, end, needle and form.
//
// A two-character name is four GB18030 bytes, which UTF-8 CJK text and
// binary files hold by chance. So a gb18030 occurrence is dropped when the
// bytes around it decode as UTF-8 runes that cover it (a GBK-written name
// such as D5 C5 C8 FD never does), and in binary content: a NUL byte in the
// first 8000, as git decides.
func (s *Scanner) find(data []byte) []occurrence {
	var found []occurrence
	binary := bytes.IndexByte(data[:min(len(data), 8000)], 0) >= 0
	s.m.scan(data, maxGap, func(start, end int, pat int32) {
		for _, o := range s.owners[pat] {
			if o.needle < 0 {
				continue
			}
			if o.form == FormGB18030 && (binary || inUTF8(data, start, end)) {
				continue
			}
			form := o.form
			if form == FormRaw && end-start != int(s.m.length[pat]) {
				form = FormSpaced
			}
			found = append(found, occurrence{start, end, o.needle, form})
		}
	})
	if len(found) == 0 {
		return nil
	}
	// Allowed terms occur on every page and needles almost never: their
	// occurrences are gathered only when there is something to clear.
	if allowed := allowedIn(s.m, s.owners, data); len(allowed) > 0 {
		covered := coveredBy(allowed)
		found = slices.DeleteFunc(found, func(o occurrence) bool { return covered(o.start, o.end) })
	}
	// A term written otherwise than in one of its forms (南山鎮 for 南山镇,
	// one character escaped, GBK text) covers a needle too, as it does in
	// the reader's scan.
	if len(found) > 0 {
		if allowed := s.foldedAllowed(data, binary); len(allowed) > 0 {
			covered := coveredBy(allowed)
			found = slices.DeleteFunc(found, func(o occurrence) bool { return covered(o.start, o.end) })
		}
	}
	slices.SortFunc(found, func(a, b occurrence) int {
		return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(a.end, b.end),
			cmp.Compare(a.needle, b.needle), cmp.Compare(a.form, b.form))
	})
	return found
}

// allowedIn gives the occurrences of allowed terms in data.
func allowedIn[T ~string | ~[]byte](m *machine, owners [][]owner, data T) []span {
	var allowed []span
	scanText(m, data, maxGap, func(start, end int, pat int32) {
		if slices.ContainsFunc(owners[pat], func(o owner) bool { return o.needle < 0 }) {
			allowed = append(allowed, span{start: start, end: end})
		}
	})
	return allowed
}

// foldedAllowed gives the occurrences in data of the allowed terms as the
// reader's scan finds them: data read as UTF-8 (and as GB18030 when it is
// not UTF-8 nor binary), its backslash escapes (\u5357, \u{5357}, \x41)
// decoded, then folded as fold folds text (entities, percent-encoding,
// traditional forms, spaces and dashes between CJK characters).
func (s *Scanner) foldedAllowed(data []byte, binary bool) []span {
	if !s.anyAllowed || s.seen.m == nil || len(data) > math.MaxInt32 {
		return nil
	}
	r := readers.Get().(*reader)
	defer readers.Put(r)
	var allowed []span
	scan := func(text []byte, from, to []int32) {
		r.reset()
		r.begin(FormText)
		for i := 0; i < len(text); {
			if text[i] == '\\' {
				i = r.escape(text, i, 0)
				continue
			}
			j := len(text)
			if k := bytes.IndexByte(text[i+1:], '\\'); k >= 0 {
				j = i + 1 + k
			}
			r.raw(text[i:j], i)
			i = j
		}
		t := fold.Of(string(r.buf))
		scanText(s.seen.m, t.S, maxGap, func(i, j int, pat int32) {
			if !slices.Contains(s.seen.by[pat], -1) {
				return
			}
			a, b := t.Source(i, j)
			if b <= a {
				return
			}
			start, end := int(r.from[a]), int(r.to[b-1])
			if from != nil {
				start, end = int(from[start]), int(to[end-1])
			}
			allowed = append(allowed, span{start: start, end: end})
		})
	}
	scan(data, nil, nil)
	if !binary && !utf8.Valid(data) {
		if text, from, to := gb18030Text(data); text != nil {
			scan(text, from, to)
		}
	}
	return allowed
}

// coveredBy gives the test of whether an occurrence at [start, end) lies
// within one of the allowed terms' occurrences (sorted in place).
func coveredBy(allowed []span) func(start, end int) bool {
	// reach[i] is the furthest end among allowed[:i+1], sorted by start:
	// an occurrence is covered when some term starting at or before it
	// reaches its end.
	slices.SortFunc(allowed, func(a, b span) int { return cmp.Compare(a.start, b.start) })
	reach := make([]int, len(allowed))
	for i, a := range allowed {
		reach[i] = a.end
		if i > 0 {
			reach[i] = max(reach[i], reach[i-1])
		}
	}
	return func(start, end int) bool {
		i := sort.Search(len(allowed), func(i int) bool { return allowed[i].start > start }) - 1
		return i >= 0 && reach[i] >= end
	}
}

// inUTF8 reports whether data[start:end] lies within valid UTF-8 runes,
// decoding from the start of the rune that holds data[start].
func inUTF8(data []byte, start, end int) bool {
	i := start
	for k := 0; k < utf8.UTFMax-1 && i > 0 && !utf8.RuneStart(data[i]); k++ {
		i--
	}
	for i < end {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 || i+size <= start {
			return false
		}
		i += size
	}
	return true
}

// compareHits orders hits by file, name hits first, then offset, with the
// rest as tie-breakers so that the order is total.
func compareHits(a, b Hit) int {
	return cmp.Or(
		strings.Compare(a.File, b.File),
		-compareBool(a.InName, b.InName),
		cmp.Compare(a.Offset, b.Offset),
		cmp.Compare(a.Length, b.Length),
		cmp.Compare(a.Line, b.Line),
		strings.Compare(a.Needle.Kind, b.Needle.Kind),
		strings.Compare(a.Needle.Text, b.Needle.Text),
		strings.Compare(a.Form, b.Form),
	)
}

func compareBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}
