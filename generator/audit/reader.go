package audit

import (
	"bytes"
	"encoding/csv"
	"io"
	"iter"
	"path"
	"strings"
	"sync"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// reader gathers the texts of one file as a reader takes them in, before
// folding: an HTML page's visible text and attribute values, CSV fields,
// JSON and JavaScript strings unescaped, or the whole text. All of a file's
// texts go into one buffer, folded in one call; a 0 byte ends each text
// (fold keeps it, as a boundary like the end of its input, and no needle
// holds one). Each byte keeps the source bytes it came from, so a hit
// points at the file's bytes. A reader is reused from file to file.
//
// Most texts of a site are plain ASCII (class names, links, numbers, code):
// for them folding is only lower-casing and collapsing whitespace, done
// here at once into plain, and only the others go through fold.Of
// (TestPlainFoldsAsFoldDoes keeps the two alike).
type reader struct {
	buf      []byte
	from, to []int32 // buf[i] came from source bytes [from[i], to[i])
	runs     []run
	plain    folded  // the plain texts, folded
	side     []piece // an HTML page's texts other than its visible text, read after it
}

// folded is folded text with the source bytes of each of its bytes.
type folded struct {
	s        []byte
	from, to []int32
	runs     []run
}

func (f *folded) add(c byte, from, to int32) {
	f.s = append(f.s, c)
	f.from = append(f.from, from)
	f.to = append(f.to, to)
}

// run is a text in buf from at, of form.
type run struct {
	at   int
	form string
}

// piece is a text at source bytes [start, end) of form.
type piece struct {
	start, end int
	form       string
}

var readers = sync.Pool{New: func() any { return new(reader) }}

func (r *reader) reset() {
	r.buf, r.from, r.to, r.runs, r.side = r.buf[:0], r.from[:0], r.to[:0], r.runs[:0], r.side[:0]
	p := &r.plain
	p.s, p.from, p.to, p.runs = p.s[:0], p.from[:0], p.to[:0], p.runs[:0]
}

// begin starts a text of form.
func (r *reader) begin(form string) {
	r.end()
	if n := len(r.buf); n > 0 && r.buf[n-1] != 0 {
		r.buf = append(r.buf, 0)
		r.from = append(r.from, r.to[n-1])
		r.to = append(r.to, r.to[n-1])
	}
	if n := len(r.runs); n > 0 && r.runs[n-1].at == len(r.buf) {
		r.runs = r.runs[:n-1] // an empty text
	}
	r.runs = append(r.runs, run{len(r.buf), form})
}

// end ends the text being written. A plain one (ASCII, with no & or %
// that could start a reference or an escape) moves to plain, folded as
// fold folds it: letters lower-cased, each run of whitespace one space,
// none at either end of the text.
func (r *reader) end() {
	n := len(r.runs)
	if n == 0 {
		return
	}
	at := r.runs[n-1].at
	text := r.buf[at:]
	if len(text) == 0 {
		r.runs = r.runs[:n-1]
		return
	}
	for _, c := range text {
		if c >= utf8.RuneSelf || c == '&' || c == '%' {
			return
		}
	}
	p := &r.plain
	if len(p.s) > 0 {
		p.add(0, r.from[at], r.from[at])
	}
	p.runs = append(p.runs, run{len(p.s), r.runs[n-1].form})
	space := -1 // the whitespace held back, or -1
	start := true
	for k, c := range text {
		switch c {
		case ' ', '\t', '\n', '\r', '\f', '\v':
			if space < 0 {
				space = at + k
			}
			continue
		case 0: // a boundary, as the end of a text is
			space, start = -1, true
			p.add(0, r.from[at+k], r.to[at+k])
			continue
		}
		if space >= 0 && !start {
			p.add(' ', r.from[space], r.to[space])
		}
		space, start = -1, false
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		p.add(c, r.from[at+k], r.to[at+k])
	}
	r.buf, r.from, r.to, r.runs = r.buf[:at], r.from[:at], r.to[:at], r.runs[:n-1]
}

// raw adds source bytes b, which start at offset at, to the text.
func (r *reader) raw(b []byte, at int) {
	r.buf = append(r.buf, b...)
	for k := range b {
		r.from = append(r.from, int32(at+k))
		r.to = append(r.to, int32(at+k+1))
	}
}

// decoded adds the bytes b that source bytes [from, to) decode to, such
// as an escape's character.
func (r *reader) decoded(b []byte, from, to int) {
	r.buf = append(r.buf, b...)
	for range b {
		r.from = append(r.from, int32(from))
		r.to = append(r.to, int32(to))
	}
}

// formAt gives the form of the text of runs that holds byte i.
func formAt(runs []run, i int) string {
	lo, hi := 0, len(runs)
	for lo < hi {
		m := (lo + hi) / 2
		if runs[m].at <= i {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo == 0 {
		return FormText
	}
	return runs[lo-1].form
}

// read gathers the texts of data, the content of the file name, by the
// name's extension.
func (r *reader) read(name string, data []byte) {
	r.reset()
	switch strings.ToLower(path.Ext(name)) {
	case ".html", ".htm", ".xhtml":
		r.html(data)
	case ".csv":
		if !r.csv(data) {
			r.reset()
			r.begin(FormText)
			r.raw(data, 0)
		}
	case ".xml", ".atom", ".rss":
		r.xml(data)
	case ".json", ".webmanifest", ".map":
		r.json(data, 0)
	case ".js", ".mjs", ".cjs":
		r.js(data, 0, FormJS)
	default:
		r.begin(FormText)
		r.raw(data, 0)
	}
	r.end()
}

// token is a token of markup and the source bytes [at, end) it spans.
type token struct {
	tt      html.TokenType
	raw     []byte
	at, end int
}

// tokens gives the tokens of markup (HTML, or XML read as HTML is) in order.
func tokens(data []byte) iter.Seq[token] {
	return func(yield func(token) bool) {
		z := html.NewTokenizer(bytes.NewReader(data))
		for pos := 0; ; {
			tt := z.Next()
			if tt == html.ErrorToken {
				return
			}
			tok := z.Raw()
			if !yield(token{tt, tok, pos, pos + len(tok)}) {
				return
			}
			pos += len(tok)
		}
	}
}

// xml gathers the texts and attribute values of an XML file (a feed, a
// sitemap), each unescaped once as XML and then taken as an HTML page's
// are, entities and all: a feed reader shows a text of type html after
// decoding it twice, so the audit decodes it twice too (fold decodes the
// second time). Each text's bytes point at the whole text in the source.
func (r *reader) xml(data []byte) {
	text := func(b []byte, from, to int) {
		r.begin(FormText)
		r.decoded([]byte(html.UnescapeString(string(b))), from, to)
	}
	for t := range tokens(data) {
		tok, at := t.raw, t.at
		switch t.tt {
		case html.TextToken, html.CommentToken:
			text(tok, at, t.end)
		case html.StartTagToken, html.SelfClosingTagToken:
			eachAttr(tok, func(_ []byte, start, end int) {
				if start < end {
					text(tok[start:end], at+start, at+end)
				}
			})
		}
	}
}

// Elements by what they do to the text around them.
const (
	block  = iota // starts or ends a text
	inline        // a browser runs the text on across it: 张<em>三</em> shows as 张三
	script        // its content is JavaScript (or JSON, by its type)
	style         // its content is a style sheet
)

// element classifies a tag by its name (lower-cased): inline are the
// phrasing elements, and a line break (br, wbr), as a line break in text
// is (principle 3); any other element starts or ends a text.
func element(name []byte) int {
	var low [8]byte
	if len(name) > len(low) {
		return block
	}
	for i, c := range name {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		low[i] = c
	}
	switch string(low[:len(name)]) {
	case "a", "abbr", "b", "bdi", "bdo", "big", "br", "cite", "code", "data", "del", "dfn", "em", "font", "i", "ins",
		"kbd", "label", "mark", "nobr", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time",
		"tt", "u", "var", "wbr":
		return inline
	case "script":
		return script
	case "style":
		return style
	}
	return block
}

// tagName is the name in the raw tag tok, after < or </.
func tagName(tok []byte) []byte {
	i := 1
	if i < len(tok) && tok[i] == '/' {
		i++
	}
	j := i
	for j < len(tok) && !(tok[j] == ' ' || tok[j] == '\n' || tok[j] == '\r' || tok[j] == '\t' || tok[j] == '\f' || tok[j] == '/' || tok[j] == '>') {
		j++
	}
	return tok[i:j]
}

// html gathers a page's visible text, joined across inline elements and
// comments, each attribute value, each comment, the string literals of its
// scripts (JSON ones as JSON) and its style sheets' text. Texts are taken
// as written, entities and all: fold decodes them as the browser does.
func (r *reader) html(data []byte) {
	open := false // a visible text is being written
	content := "" // the form of the raw text that follows a script or style tag
	for t := range tokens(data) {
		tok, at, pos := t.raw, t.at, t.end
		switch t.tt {
		case html.TextToken:
			if content != "" {
				r.side = append(r.side, piece{at, pos, content})
				continue
			}
			if !open {
				r.begin(FormVisible)
				open = true
			}
			r.raw(tok, at)
		case html.CommentToken:
			// The page runs on across it; its text is in the source.
			r.side = append(r.side, piece{at, pos, FormComment})
		case html.StartTagToken, html.SelfClosingTagToken:
			content = ""
			scriptForm := FormJS
			eachAttr(tok, func(key []byte, start, end int) {
				if bytes.EqualFold(key, []byte("type")) {
					scriptForm = scriptType(tok[start:end])
				}
				if start < end {
					r.side = append(r.side, piece{at + start, at + end, FormAttribute})
				}
			})
			switch element(tagName(tok)) {
			case inline:
				continue
			case script:
				content = scriptForm
			case style:
				content = FormText
			}
			open = false
		case html.EndTagToken:
			content = ""
			if element(tagName(tok)) != inline {
				open = false
			}
		default:
			open = false
		}
	}
	for _, p := range r.side {
		switch p.form {
		case FormJS:
			r.js(data[p.start:p.end], p.start, p.form)
		case FormJSON:
			r.json(data[p.start:p.end], p.start)
		default:
			r.begin(p.form)
			r.raw(data[p.start:p.end], p.start)
		}
	}
}

// scriptType gives the form in which a script of the type t is read:
// JavaScript, JSON, or text for a template (text/html, text/x-template),
// whose markup a page may show.
func scriptType(t []byte) string {
	t = bytes.ToLower(bytes.TrimSpace(t))
	switch {
	case len(t) == 0, bytes.Equal(t, []byte("module")), bytes.Contains(t, []byte("javascript")), bytes.Contains(t, []byte("ecmascript")):
		return FormJS
	case bytes.Contains(t, []byte("json")):
		return FormJSON
	}
	return FormText
}

// eachAttr calls fn with each attribute of the start tag tok: its key and
// where its value lies in tok, without quotes, entities as written. It
// reads as x/net/html's tokenizer does (readTag, readTagAttrKey,
// readTagAttrVal), which hands out values decoded and not where they were;
// unlike the tokenizer it keeps repeated keys, which a page's source shows.
func eachAttr(tok []byte, fn func(key []byte, start, end int)) {
	n := len(tok)
	space := func(c byte) bool { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' }
	skip := func(i int) int {
		for i < n && space(tok[i]) {
			i++
		}
		return i
	}
	i := 2 // '<' and the name's first letter
	for i < n && !space(tok[i]) && tok[i] != '/' && tok[i] != '>' {
		i++
	}
	i = skip(i)
	for i < n && tok[i] != '>' {
		ks := i
		for i < n {
			c := tok[i]
			if c == '=' && i == ks {
				i++ // an = before the key is part of it
				continue
			}
			if c == '=' || space(c) || c == '/' || c == '>' {
				break
			}
			i++
		}
		key := tok[ks:i]
		if i = skip(i); i >= n {
			break
		}
		switch c := tok[i]; {
		case c == '/':
			i++
		case c == '=':
			if i = skip(i + 1); i >= n {
				break
			}
			switch q := tok[i]; q {
			case '>':
			case '"', '\'':
				start := i + 1
				end := bytes.IndexByte(tok[start:], q)
				if end < 0 {
					end = n - start
				}
				fn(key, start, start+end)
				i = start + end + 1
			default:
				start := i
				for i < n && !space(tok[i]) && tok[i] != '>' {
					i++
				}
				fn(key, start, i)
			}
		}
		i = skip(i)
	}
}

// csv gathers each field of a CSV file, a byte order mark at its start
// skipped; false when it is not CSV, to be read as text.
func (r *reader) csv(data []byte) bool {
	base := 0
	if bytes.HasPrefix(data, []byte("\ufeff")) {
		base = 3
	}
	src := data[base:]
	cr := csv.NewReader(bytes.NewReader(src))
	cr.LazyQuotes = true
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	lines := []int{0} // the offset in src where each line starts
	for i, c := range src {
		if c == '\n' {
			lines = append(lines, i+1)
		}
	}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return true
		}
		if err != nil {
			return false
		}
		for k, f := range rec {
			if f == "" {
				continue
			}
			line, col := cr.FieldPos(k)
			if line < 1 || line > len(lines) {
				return false
			}
			p := lines[line-1] + col - 1
			if p < len(src) && src[p] == '"' {
				p++
			}
			// The value is the source less the reader's drops (a doubled
			// quote's half, a carriage return before a line feed): walk
			// both to place each byte.
			r.begin(FormCSV)
			for v := 0; v < len(f); v++ {
				q := p
				for q < len(src) && src[q] != f[v] {
					q++
				}
				if q < len(src) {
					p = q
				}
				r.buf = append(r.buf, f[v])
				r.from = append(r.from, int32(base+p))
				r.to = append(r.to, int32(base+p+1))
				p++
			}
		}
	}
}

// json gathers the strings of JSON src, keys and values, unescaped: in
// JSON a quote outside a string starts one.
func (r *reader) json(src []byte, base int) {
	for i := 0; i < len(src); {
		k := bytes.IndexByte(src[i:], '"')
		if k < 0 {
			return
		}
		i = r.jsString(src, i+k+1, base, FormJSON, '"')
	}
}

// js gathers the string literals of JavaScript (or JSON) src, which starts
// at offset base of the file: '…', "…" and each piece of a `…` template,
// unescaped. Comments and regular expression literals are skipped; a slash
// starts one where an operand may stand, as JavaScript's own grammar
// decides in practice (after an operator, a bracket that opens, a keyword
// such as return).
func (r *reader) js(src []byte, base int, form string) {
	n := len(src)
	var templates []int // for each ${ open, the brace depth it closes at
	depth := 0
	operand := true // a / here starts a regular expression
	for i := 0; i < n; {
		c := src[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			i++
		case c == '/' && i+1 < n && src[i+1] == '/':
			for i < n && src[i] != '\n' {
				i++
			}
		case c == '/' && i+1 < n && src[i+1] == '*':
			if end := bytes.Index(src[i+2:], []byte("*/")); end >= 0 {
				i += end + 4
			} else {
				i = n
			}
		case c == '/' && operand:
			i = skipRegexp(src, i)
			operand = false
		case c == '\'' || c == '"':
			i = r.jsString(src, i+1, base, form, c)
			operand = false
		case c == '`' || c == '}' && len(templates) > 0 && templates[len(templates)-1] == depth:
			// A template starts, or goes on after the } that closes a
			// ${…}: read its text up to the end or the next ${.
			if c == '}' {
				templates = templates[:len(templates)-1]
			}
			i, operand = r.jsTemplate(src, i+1, base, form)
			if operand {
				templates = append(templates, depth) // a ${ opened
			}
		case c == '{':
			depth++
			operand = true
			i++
		case c == '}':
			depth--
			operand = false
			i++
		case c == ')' || c == ']':
			operand = false
			i++
		case isAlnum(c) || c == '_' || c == '$' || c >= utf8.RuneSelf:
			start := i
			for i < n && (isAlnum(src[i]) || src[i] == '_' || src[i] == '$' || src[i] >= utf8.RuneSelf || src[i] == '.' && isDigit(src[start])) {
				i++
			}
			operand = keywordBeforeOperand(src[start:i])
		default:
			operand = true
			i++
		}
	}
}

// keywordBeforeOperand reports the keywords after which a / starts a
// regular expression, not a division.
func keywordBeforeOperand(word []byte) bool {
	switch string(word) {
	case "return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw", "case", "do", "else", "yield", "await":
		return true
	}
	return false
}

// skipRegexp returns the offset after the regular expression literal at
// src[i], or after the slash when none ends on its line (a division).
func skipRegexp(src []byte, i int) int {
	class := false
	for j := i + 1; j < len(src); j++ {
		switch src[j] {
		case '\\':
			j++
		case '[':
			class = true
		case ']':
			class = false
		case '\n', '\r':
			return i + 1
		case '/':
			if !class {
				j++
				for j < len(src) && (isAlnum(src[j]) || src[j] == '_' || src[j] == '$') {
					j++
				}
				return j
			}
		}
	}
	return i + 1
}

// jsString gathers the string literal whose text starts at src[i] and
// ends at the quote q, and returns the offset after it. An unescaped line
// break ends a literal that never closed.
func (r *reader) jsString(src []byte, i, base int, form string, q byte) int {
	r.begin(form)
	for i < len(src) {
		c := src[i]
		switch {
		case c == q:
			return i + 1
		case c == '\n' || c == '\r':
			return i
		case c == '\\':
			i = r.escape(src, i, base)
		default:
			j := i + 1
			for j < len(src) && src[j] != q && src[j] != '\\' && src[j] != '\n' && src[j] != '\r' {
				j++
			}
			r.raw(src[i:j], base+i)
			i = j
		}
	}
	return i
}

// jsTemplate gathers a piece of a template literal from src[i] up to its
// closing backquote, or up to a ${, and returns the offset after that and
// whether a ${ opened.
func (r *reader) jsTemplate(src []byte, i, base int, form string) (int, bool) {
	r.begin(form)
	for i < len(src) {
		c := src[i]
		switch {
		case c == '`':
			return i + 1, false
		case c == '$' && i+1 < len(src) && src[i+1] == '{':
			return i + 2, true
		case c == '\\':
			i = r.escape(src, i, base)
		default:
			j := i + 1
			for j < len(src) && src[j] != '`' && src[j] != '$' && src[j] != '\\' {
				j++
			}
			r.raw(src[i:j], base+i)
			i = j
		}
	}
	return i, false
}

// escape decodes the escape at src[i] (a backslash) into the text and
// returns the offset after it: \n and the like, \xXX, \uXXXX (surrogate
// pairs joined), \u{X…}, legacy octal, a line continuation (nothing), or
// the escaped character itself.
func (r *reader) escape(src []byte, i, base int) int {
	n := len(src)
	if i+1 >= n {
		return n
	}
	var buf [utf8.UTFMax]byte
	put := func(c rune, end int) int {
		if c != 0 {
			r.decoded(buf[:utf8.EncodeRune(buf[:], c)], base+i, base+end)
		}
		return end
	}
	switch c := src[i+1]; c {
	case 'n':
		return put('\n', i+2)
	case 't':
		return put('\t', i+2)
	case 'r':
		return put('\r', i+2)
	case 'b', 'f', 'v':
		return put(' ', i+2)
	case '\n':
		return i + 2
	case '\r':
		if i+2 < n && src[i+2] == '\n' {
			return i + 3
		}
		return i + 2
	case 'x':
		if v, ok := hexValue(src, i+2, i+4); ok {
			return put(v, i+4)
		}
	case 'u':
		if i+2 < n && src[i+2] == '{' {
			if end := bytes.IndexByte(src[i+3:min(n, i+12)], '}'); end > 0 {
				if v, ok := hexValue(src, i+3, i+3+end); ok && utf8.ValidRune(v) {
					return put(v, i+3+end+1)
				}
			}
			break
		}
		v, ok := hexValue(src, i+2, i+6)
		if !ok {
			break
		}
		if utf16.IsSurrogate(v) && i+11 < n && src[i+6] == '\\' && src[i+7] == 'u' {
			if lo, ok := hexValue(src, i+8, i+12); ok {
				if p := utf16.DecodeRune(v, lo); p != utf8.RuneError {
					return put(p, i+12)
				}
			}
		}
		return put(v, i+6)
	case '0', '1', '2', '3', '4', '5', '6', '7':
		v, j := rune(0), i+1
		for j < n && j < i+4 && src[j] >= '0' && src[j] <= '7' && v*8+rune(src[j]-'0') <= 0xff {
			v = v*8 + rune(src[j]-'0')
			j++
		}
		return put(v, j)
	}
	// Any other character stands for itself.
	_, size := utf8.DecodeRune(src[i+1:])
	r.decoded(src[i+1:i+1+size], base+i, base+i+1+size)
	return i + 1 + size
}

// hexValue reads the hex digits src[i:j] as a number.
func hexValue(src []byte, i, j int) (rune, bool) {
	if j > len(src) || i >= j {
		return 0, false
	}
	var v rune
	for _, c := range src[i:j] {
		d, ok := hexDigit(c)
		if !ok {
			return 0, false
		}
		v = v<<4 | rune(d)
	}
	return v, true
}

func hexDigit(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// gb18030Text decodes data, text that is not UTF-8, as GB18030 (GBK, the
// encoding of Chinese Excel and WPS exports), and gives for each byte of
// the text the source bytes [from, to) of the character it came from. The
// decoder writes one rune for each character, a bad one as U+FFFD, so the
// two are walked together, with gbSize telling a character's length.
func gb18030Text(data []byte) (text []byte, from, to []int32) {
	text, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil {
		return nil, nil, nil
	}
	from = make([]int32, 0, len(text))
	to = make([]int32, 0, len(text))
	i := 0
	for k := 0; k < len(text); {
		_, size := utf8.DecodeRune(text[k:])
		n := gbSize(data, i)
		for range size {
			from = append(from, int32(i))
			to = append(to, int32(i+n))
		}
		k += size
		i += n
	}
	return text, from, to
}

// gbSize is the length of the GB18030 character at data[i], as
// x/text/encoding/simplifiedchinese's decoder reads it: 1 for ASCII and for
// a bad byte, 2, or 4.
func gbSize(data []byte, i int) int {
	c0 := data[i]
	if c0 <= 0x80 || c0 == 0xff || i+1 >= len(data) {
		return 1
	}
	switch c1 := data[i+1]; {
	case 0x40 <= c1 && c1 < 0x7f, 0x80 <= c1 && c1 < 0xff:
		return 2
	case 0x30 <= c1 && c1 < 0x40:
		if i+3 >= len(data) {
			return 1
		}
		c2, c3 := data[i+2], data[i+3]
		if c2 < 0x81 || c2 == 0xff || c3 < 0x30 || c3 >= 0x3a {
			return 1
		}
		r := ((rune(c0-0x81)*10+rune(c1-0x30))*126+rune(c2-0x81))*10 + rune(c3-0x30)
		if r < 39420 || r-189000 >= 0 && r-189000 < 0x100000 {
			return 4
		}
	}
	return 1
}
