package audit

import (
	"fmt"
	"net/url"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// Forms, the values of Hit.Form.
const (
	FormRaw         = "raw"
	FormSpaced      = "spaced" // raw, with runs of up to maxGap spaces or U+3000 inside
	FormHTMLDecimal = "html-decimal"
	FormHTMLHex     = "html-hex"
	FormJSONEscape  = "json-escape"
	FormPercent     = "percent"
	FormGB18030     = "gb18030"

	// The reader's forms: text as a reader takes it in, folded (see
	// package fold), so that markup, entities, escapes, invisible
	// characters, traditional forms and look-alikes split nothing.
	FormVisible   = "visible"   // an HTML page's text, joined across inline elements and comments
	FormAttribute = "attribute" // an HTML attribute value
	FormComment   = "comment"   // an HTML comment: unseen on the page, but in its source
	FormCSV       = "csv"       // a CSV field
	FormJSON      = "json"      // a JSON string, key or value, unescaped
	FormJS        = "js"        // a JavaScript string literal, unescaped
	FormText      = "text"      // a whole file of any other kind, or a file or folder name
	FormZip       = "zip:"      // prefix: an entry of a zip file, FormZip + the entry's name (names masked)
)

// maxGap bounds the spaced form: 张   三 (three spaces) is found, 张    三
// (four) is not. Longer runs are layout, not a name pulled apart.
const maxGap = 3

// variant is one way of writing a text.
type variant struct {
	form  string
	bytes string
}

// variants lists the byte strings that write text in each form, raw first,
// without duplicates (for an ID number most forms equal raw). Each escaping
// form has an all-escaped variant and, where it differs, the one an encoder
// writes: non-ASCII escaped, ASCII as html/template, encoding/json or
// net/url leave it, so li+a@x.cn is also looked for as li&#43;a@x.cn.
// Hex digits come in lower and upper case; mixed case within one
// occurrence, or half escaped and half raw CJK, is not looked for.
func variants(text string) []variant {
	var out []variant
	seen := map[string]bool{}
	add := func(form, b string) {
		if b != "" && !seen[b] {
			seen[b] = true
			out = append(out, variant{form, b})
		}
	}
	add(FormRaw, text)
	add(FormRaw, strings.ToLower(text)) // 11010519491231002x
	add(FormRaw, strings.ToUpper(text))

	add(FormHTMLDecimal, escapeRunes(text, true, func(r rune) string { return fmt.Sprintf("&#%d;", r) }, htmlASCII))
	add(FormHTMLDecimal, escapeRunes(text, false, func(r rune) string { return fmt.Sprintf("&#%d;", r) }, htmlASCII))
	for _, f := range []string{"&#x%x;", "&#x%X;", "&#X%x;", "&#X%X;"} {
		ref := func(r rune) string { return fmt.Sprintf(f, r) }
		add(FormHTMLHex, escapeRunes(text, true, ref, htmlASCII))
		add(FormHTMLHex, escapeRunes(text, false, ref, htmlASCII))
	}

	for _, f := range []string{`\u%04x`, `\u%04X`} {
		esc := func(r rune) string {
			if r1, r2 := utf16.EncodeRune(r); r1 != utf8.RuneError {
				return fmt.Sprintf(f, r1) + fmt.Sprintf(f, r2)
			}
			return fmt.Sprintf(f, r)
		}
		add(FormJSONEscape, escapeRunes(text, true, esc, func(r rune) string { return jsonASCII(r, f) }))
		add(FormJSONEscape, escapeRunes(text, false, esc, func(r rune) string { return jsonASCII(r, f) }))
	}

	var all strings.Builder
	for i := range len(text) {
		fmt.Fprintf(&all, "%%%02X", text[i])
	}
	for _, b := range []string{all.String(), url.QueryEscape(text), url.PathEscape(text)} {
		add(FormPercent, b)
		add(FormPercent, lowerPercentHex(b))
	}

	if gb, err := simplifiedchinese.GB18030.NewEncoder().String(text); err == nil {
		add(FormGB18030, gb)
	}
	return out
}

// escapeRunes writes text with every rune through esc when all is set, and
// otherwise only non-ASCII runes, ASCII ones through ascii.
func escapeRunes(text string, all bool, esc, ascii func(rune) string) string {
	var b strings.Builder
	for _, r := range text {
		if all || r >= utf8.RuneSelf {
			b.WriteString(esc(r))
		} else {
			b.WriteString(ascii(r))
		}
	}
	return b.String()
}

// htmlASCII escapes an ASCII rune as html/template does in text.
func htmlASCII(r rune) string {
	switch r {
	case '&':
		return "&amp;"
	case '<':
		return "&lt;"
	case '>':
		return "&gt;"
	case '"':
		return "&#34;"
	case '\'':
		return "&#39;"
	case '+':
		return "&#43;"
	}
	return string(r)
}

// jsonASCII escapes an ASCII rune as encoding/json does in a string, with
// the hex case of format.
func jsonASCII(r rune, format string) string {
	switch r {
	case '"', '\\':
		return `\` + string(r)
	case '<', '>', '&':
		return fmt.Sprintf(format, r)
	}
	return string(r)
}

// lowerPercentHex turns %E5%BC%A0 into %e5%bc%a0, leaving other bytes alone.
func lowerPercentHex(s string) string {
	b := []byte(s)
	for i := 0; i+2 < len(b); i++ {
		if b[i] == '%' {
			b[i+1] = lowerASCII(b[i+1])
			b[i+2] = lowerASCII(b[i+2])
			i += 2
		}
	}
	return string(b)
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// normalize drops what the scan skips (ASCII spaces and U+3000), so a
// needle or term written with a space still matches.
func normalize(text string) string {
	return strings.NewReplacer(" ", "", "\u3000", "").Replace(strings.TrimSpace(text))
}
