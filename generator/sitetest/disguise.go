package sitetest

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Disguise is one way a clerk could write a sensitive string in a notice:
// Markdown that a reader takes in as the string (issue 19). The tests of
// the leak audit put each one in every place a notice has and check that
// the audit alone finds it.
type Disguise struct {
	Label string // short, for a test's name and messages: "strong-inside", "zero-width"
	Text  string // Markdown
}

// Disguises gives every disguise of s: a person's name (张三, 欧阳明远,
// 买买提·艾力), a number (an ID number of 18 or 15 characters, a mobile,
// a landline with its area code as 0914-2321234, a bank card) or an
// e-mail address. The first is s itself, "plain". None has an inline HTML
// tag, which the content stage refuses (content.raw-html); see
// TagDisguises.
func Disguises(s string) []Disguise {
	switch {
	case strings.Contains(s, "@"):
		return emailDisguises(s)
	case strings.ContainsFunc(s, unicode.IsDigit):
		return numberDisguises(s)
	}
	return nameDisguises(s)
}

// TagDisguises gives the disguises of s by inline HTML tags (张<span>三</span>),
// for tests of the audit on HTML: the content stage refuses them in
// Markdown, so no build shows them.
func TagDisguises(s string) []Disguise {
	a, b := splitAt(s, firstGroup(s))
	return []Disguise{
		{"span", a + "<span>" + b + "</span>"},
		{"b", "<b>" + a + "</b>" + b},
		{"a", a + `<a href="#x">` + b + "</a>"},
		{"font", a + `<font color="red">` + b + "</font>"},
	}
}

// nameDisguises are those of a person's name.
func nameDisguises(name string) []Disguise {
	a, b := splitAt(name, 1) // 张|三: any split pulls a name apart
	rs := []rune(name)
	ds := []Disguise{
		{"plain", name},
		{"strong-inside", a + "**" + b + "**"},
		{"strong-first", "**" + a + "**" + b},
		{"em-inside", a + "*" + b + "*"},
		{"code", a + "`" + b + "`"},
		{"comment", a + "<!-- x -->" + b},
		{"line-break", a + "\n" + b},
		{"space", a + " " + b},
		{"ideographic-space", a + "\u3000" + b},
		{"nbsp-entity", a + "&nbsp;" + b},
		{"space-entity", a + "&#32;" + b},
		{"thin-space", a + "\u2009" + b},
		{"zero-width", a + "\u200b" + b},
		{"word-joiner", a + "\u2060" + b},
		{"bom", a + "\ufeff" + b},
		{"soft-hyphen", a + "\u00ad" + b},
		{"hangul-filler", a + "\u3164" + b},
		{"decimal-refs", refs(name, "&#%d;")},
		{"hex-refs", refs(name, "&#x%x;")},
		{"half-ref", a + refs(b, "&#%d;")},
		{"percent", percent(name)},
		{"right-to-left", "\u202e" + reverse(name) + "\u202c"},
	}
	if t := traditional(name); t != name {
		ds = append(ds, Disguise{"traditional", t})
	}
	if l := lookAlike(name); l != name {
		ds = append(ds, Disguise{"look-alike", l})
	}
	for i, r := range rs {
		if r != '·' {
			continue
		}
		head, tail := string(rs[:i]), string(rs[i+1:])
		for _, d := range []struct{ label, dot string }{
			{"dot-omitted", ""}, {"dot-full-stop", "."}, {"dot-hyphen", "-"}, {"dot-bullet", "•"}, {"dot-katakana", "・"},
		} {
			ds = append(ds, Disguise{d.label, head + d.dot + tail})
		}
		break
	}
	return ds
}

// numberDisguises are those of a number: s as it is printed, a landline
// with a hyphen after its area code.
func numberDisguises(s string) []Disguise {
	groups := numberGroups(s)
	digits := strings.Join(groups, "")
	n := len(digits)
	join := func(sep string) string { return strings.Join(groups, sep) }
	ds := []Disguise{
		{"plain", s},
		{"full-width", fullWidth(s)},
		{"strong-split", digits[:n-4] + "**" + digits[n-4:] + "**"},
		{"em-split", digits[:n-4] + "*" + digits[n-4:] + "*"},
		{"comment", groups[0] + "<!-- x -->" + strings.Join(groups[1:], "")},
		{"spaces", join(" ")},
		{"hyphens", join("-")},
		{"line-break", join("\n")},
		{"nbsp-entity", join("&nbsp;")},
		{"thin-space", join("\u2009")},
		{"zero-width", join("\u200b")},
		{"soft-hyphen", join("\u00ad")},
		{"decimal-refs", refs(digits, "&#%d;")},
		{"hex-refs", refs(digits, "&#x%x;")},
		{"right-to-left", "\u202e" + reverse(digits) + "\u202c"},
	}
	switch {
	case digits[0] == '0': // a landline
		area, local := groups[0], strings.Join(groups[1:], "")
		ds = append(ds, Disguise{"brackets", "(" + area + ")" + local}, Disguise{"full-width-brackets", "（" + area + "）" + local})
	case n == 11 && digits[0] == '1': // a mobile
		ds = append(ds, Disguise{"country-code", "+86 " + join(" ")})
	}
	return dedupe(ds)
}

// emailDisguises are those of an e-mail address.
func emailDisguises(s string) []Disguise {
	local, domain, _ := strings.Cut(s, "@")
	a, b := splitAt(local, len(local)/2)
	return dedupe([]Disguise{
		{"plain", s},
		{"full-width-at", local + "＠" + domain},
		{"full-width-letters", fullWidth(local) + "@" + domain},
		{"upper-case", strings.ToUpper(s)},
		{"at-entity", local + "&#64;" + domain},
		{"zero-width", a + "\u200b" + b + "@" + domain},
		{"strong-split", a + "**" + b + "**@" + domain},
		{"decimal-refs", refs(s, "&#%d;")},
	})
}

// numberGroups splits a number as people group it: an ID number 6-8-4 (or
// 6-6-3), a mobile 3-4-4, a landline at its hyphen, a card in fours.
func numberGroups(s string) []string {
	if area, local, ok := strings.Cut(s, "-"); ok {
		return []string{area, local}
	}
	var sizes []int
	switch n := len(s); {
	case n == 18:
		sizes = []int{6, 8, 4}
	case n == 15:
		sizes = []int{6, 6, 3}
	case n == 11:
		sizes = []int{3, 4, 4}
	default:
		for ; n > 0; n -= 4 {
			sizes = append(sizes, min(4, n))
		}
	}
	var groups []string
	for _, k := range sizes {
		groups = append(groups, s[:k])
		s = s[k:]
	}
	return groups
}

// firstGroup is where TagDisguises splits s: after the first character of
// a name, after the first group of a number.
func firstGroup(s string) int {
	if strings.ContainsFunc(s, unicode.IsDigit) && !strings.Contains(s, "@") {
		return utf8.RuneCountInString(numberGroups(s)[0])
	}
	return 1
}

// splitAt splits s after its first k runes.
func splitAt(s string, k int) (string, string) {
	rs := []rune(s)
	return string(rs[:k]), string(rs[k:])
}

// refs writes each rune of s as an HTML character reference.
func refs(s, format string) string {
	var b strings.Builder
	for _, r := range s {
		fmt.Fprintf(&b, format, r)
	}
	return b.String()
}

// percent writes s percent-encoded, as a link target would be.
func percent(s string) string {
	var b strings.Builder
	for i := range len(s) {
		fmt.Fprintf(&b, "%%%02X", s[i])
	}
	return b.String()
}

// fullWidth writes ASCII letters, digits and the hyphen in their
// full-width forms (１３８, ＺＨＡＮＧ).
func fullWidth(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '!' && r <= '~' && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-') {
			return r - '!' + '！'
		}
		return r
	}, s)
}

// traditionalOf maps the characters of the test names to their traditional
// forms: 张三 is 張三 in Hong Kong or Taiwan, and in many a clerk's IME.
var traditionalOf = map[rune]rune{
	'张': '張', '欧': '歐', '阳': '陽', '远': '遠', '买': '買', '艾': '艾', '明': '明', '力': '力',
	'李': '李', '王': '王', '赵': '趙', '刘': '劉', '陈': '陳', '杨': '楊', '黄': '黃', '吴': '吳',
}

// traditional writes s in traditional characters, where the table knows one.
func traditional(s string) string {
	return strings.Map(func(r rune) rune {
		if t, ok := traditionalOf[r]; ok {
			return t
		}
		return r
	}, s)
}

// lookAlikes maps a character to one that NFKC folds to it: a Kangxi
// radical (⼒ for 力) or a CJK compatibility ideograph.
var lookAlikes = sync.OnceValue(func() map[rune]rune {
	m := map[rune]rune{}
	for _, block := range [][2]rune{{0x2e80, 0x2fdf}, {0xf900, 0xfaff}, {0x2f800, 0x2fa1f}} {
		for r := block[0]; r <= block[1]; r++ {
			if f := []rune(norm.NFKC.String(string(r))); len(f) == 1 && f[0] != r {
				if _, ok := m[f[0]]; !ok {
					m[f[0]] = r
				}
			}
		}
	}
	return m
})

// lookAlike writes each character of s that has a look-alike as it.
func lookAlike(s string) string {
	return strings.Map(func(r rune) rune {
		if l, ok := lookAlikes()[r]; ok {
			return l
		}
		return r
	}, s)
}

// dedupe drops a disguise whose text an earlier one has (a landline's
// hyphens are its plain form).
func dedupe(ds []Disguise) []Disguise {
	seen := map[string]bool{}
	var out []Disguise
	for _, d := range ds {
		if !seen[d.Text] {
			seen[d.Text] = true
			out = append(out, d)
		}
	}
	return out
}

// reverse writes s backwards, as text behind a right-to-left override
// must be typed to show as s.
func reverse(s string) string {
	rs := []rune(s)
	slices.Reverse(rs)
	return string(rs)
}
