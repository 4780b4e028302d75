package audit

import (
	"strings"

	"dutyreport/generator/fold"
)

// The public site holds no ID, phone or bank card number and no e-mail
// address, whether or not an input knows it: the patterns find them by
// their shape in folded text (full-width digits, ＠ and brackets already
// folded to ASCII, letters lower-cased). An ID number is found whatever its
// check digit, since a clerk's typo must not publish the other seventeen.
//
// A number may be written in groups of any lengths of three digits or more
// (a leading country code 86 excepted), joined by a space or by one of
// - . / ‐ ‒ – — ― − with or without a space on either side: 138-12345678,
// 139.1234.5678, 622202 1234567890123, 0914 - 2321234. The digits together
// decide what it is: 18 characters (17 digits and a digit or x) or 15
// digits starting 1 to 8 an ID number, 11 digits starting 1[3-9] a mobile,
// an area code and a local number a landline, 16 to 19 digits starting 3 to
// 6 a bank card. The masking (package redact) masks by the same rule.
//
// A number counts only when its digits are not part of a longer run of
// letters and digits: hex digests in asset names, manifests and chart ids
// hold digit runs of any length.

// Kinds of what the patterns find, as Needle.Kind.
const (
	kindID    = "id-number"
	kindPhone = "phone"
	kindEmail = "email"
	kindCard  = "bank-card"
)

// group is a run of digits in folded text, the last of an ID number with
// its x, at s[start:end].
type group struct{ start, end int }

// maxGroups bounds the groups read as one number: 86 138 1234 5678, or a
// card's 19 digits in groups of three.
const maxGroups = 8

// findPatterns calls found for each number and address in the folded text
// s, with its bytes and the text to report (digits only for a number).
func findPatterns(s string, found func(start, end int, kind, text string)) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '@':
			if start, end, ok := emailAt(s, i); ok {
				found(start, end, kindEmail, s[start:end])
			}
		case c == '(':
			if end, ok := bracketedLandline(s, i); ok {
				found(i, end, kindPhone, digitsOf(s[i:end]))
				i = end - 1
			}
		case isDigit(c) && (i == 0 || !isAlnum(s[i-1])):
			i = numbers(s, i, found) - 1
		}
	}
}

// numbers reads the groups of digits from s[i], joined by separators (see
// separator), matches the shapes on them from the left and returns where
// the scan goes on.
//
// Every group has at least three digits, but a leading country code 86: a
// date (2024-05-06), a score (89.99), a version (6.1.0) or a page range
// (12-34) ends the groups there. Of the groups read, the longest run that
// makes a number from the left wins (138 1234 5678 2024 is a mobile and a
// year), by its digits alone: any grouping counts.
func numbers(s string, i int, found func(start, end int, kind, text string)) int {
	var gs [maxGroups]group
	n := 0
	at := i
	for n < maxGroups {
		end := at
		for end < len(s) && isDigit(s[end]) {
			end++
		}
		x := end < len(s) && s[end] == 'x' && (end+1 >= len(s) || !isAlnum(s[end+1]))
		if x {
			end++ // the check digit x of an ID number
		}
		if end < len(s) && isAlnum(s[end]) {
			// The run goes on into letters: not a number of its own,
			// nor part of one.
			if n == 0 {
				for end < len(s) && isAlnum(s[end]) {
					end++
				}
				return end
			}
			break
		}
		if end-at < 3 && !(n == 0 && s[at:end] == "86") {
			// Too short for a group: a date, a score, a version.
			if n == 0 {
				return end
			}
			break
		}
		gs[n] = group{at, end}
		n++
		if x {
			break
		}
		if next := separator(s, end); next > 0 {
			at = next
			continue
		}
		break
	}
	for a := 0; a < n; {
		b, kind, digits := 0, "", ""
		for b = n - a; b > 0; b-- {
			if kind, digits = shape(s, gs[a:a+b], a == 0); kind != "" {
				break
			}
		}
		if b == 0 {
			a++
			continue
		}
		found(gs[a].start, gs[a+b-1].end, kind, digits)
		a += b
	}
	return gs[n-1].end
}

// separator reads a separator between two groups of digits at s[i]: a
// space, or one of - . / and the dashes (– — ‐ ‒ ― −) with a space on
// either side or none (0914 - 2321234). Folding made full-width forms ASCII
// and each run of whitespace one space. It returns where the next group
// starts, or 0 when no digit follows a separator.
func separator(s string, i int) int {
	j := i
	if j < len(s) && s[j] == ' ' {
		j++
	}
	if k := markAt(s, j); k > j {
		j = k
		if j < len(s) && s[j] == ' ' {
			j++
		}
	}
	if j == i || j >= len(s) || !isDigit(s[j]) {
		return 0
	}
	return j
}

// markAt returns the end of the separating mark at s[j] (- . / or a dash),
// or j when there is none.
func markAt(s string, j int) int {
	if j >= len(s) {
		return j
	}
	switch s[j] {
	case '-', '.', '/':
		return j + 1
	case 0xe2: // U+2010, U+2012–U+2015 and U+2212, 3 bytes each
		if j+2 < len(s) && isDash(s[j:j+3]) {
			return j + 3
		}
	}
	return j
}

// isDash reports the dashes that separate groups of digits besides the
// hyphen-minus: ‐ ‒ – — ― −.
func isDash(r string) bool {
	switch r {
	case "\u2010", "\u2012", "\u2013", "\u2014", "\u2015", "\u2212":
		return true
	}
	return false
}

// shape reports the kind of the number the groups gs make together, by
// their digits, and the digits to report ("" for none). first tells that
// gs starts the groups read, where a country code 86 may stand.
func shape(s string, gs []group, first bool) (kind, digits string) {
	d := digitsOf(s[gs[0].start:gs[len(gs)-1].end])
	if gs[0].end-gs[0].start == 2 {
		// The country code: a mobile follows, as an input would know it.
		if first && len(gs) > 1 && mobile(d[2:]) {
			return kindPhone, d[2:]
		}
		return "", ""
	}
	n := len(d)
	switch {
	case n == 18 && d[0] >= '1' && d[0] <= '8' && allDigits(d[:17]):
		return kindID, d
	case !allDigits(d):
		return "", ""
	case n == 15 && d[0] >= '1' && d[0] <= '8':
		return kindID, d
	case mobile(d):
		return kindPhone, d
	case n == 13 && strings.HasPrefix(d, "86") && mobile(d[2:]):
		return kindPhone, d[2:]
	case card(d):
		return kindCard, d
	case landline(d):
		return kindPhone, d // 0914-2321234, 029 8888 6666
	}
	return "", ""
}

// mobile reports a mainland mobile number: 1, then 3 to 9, then 9 digits.
func mobile(t string) bool {
	return len(t) == 11 && t[0] == '1' && t[1] >= '3' && t[1] <= '9' && allDigits(t)
}

// card reports the digits of a bank card: 16 to 19 (the groups checked by
// the caller), starting as the card schemes do (3 to 6: UnionPay 62, Visa
// 4, Mastercard 5, JCB and Amex 3). A row of years, 2021 2022 2023 2024,
// starts with 2.
func card(t string) bool {
	d := digitsOf(t)
	return len(d) >= 16 && len(d) <= 19 && d[0] >= '3' && d[0] <= '6' && allDigits(d)
}

// areaCode reports a mainland area code: 010, 02X, or 0 and three digits
// from 03XX to 09XX.
func areaCode(t string) bool {
	switch {
	case !allDigits(t) || len(t) < 3 || t[0] != '0':
		return false
	case len(t) == 3:
		return t[1] == '1' && t[2] == '0' || t[1] == '2'
	case len(t) == 4:
		return t[1] >= '3'
	}
	return false
}

// local reports a local number that follows area: 8 digits after a
// three-digit code (Beijing, 02X), 7 or 8 after a four-digit one; it
// never starts with 0 or 1.
func local(area, t string) bool {
	if !allDigits(t) || len(t) < 7 || len(t) > 8 || t[0] < '2' {
		return false
	}
	return len(area) == 4 || len(t) == 8
}

// landline reports an area code and local number written together.
func landline(t string) bool {
	if !allDigits(t) {
		return false
	}
	for _, a := range []int{3, 4} {
		if len(t) > a && areaCode(t[:a]) && local(t[:a], t[a:]) {
			return true
		}
	}
	return false
}

// bracketedLandline matches (0914)2321234 or (029) 88886666 at s[i], the
// bracket full-width or not before folding, and returns its end.
func bracketedLandline(s string, i int) (int, bool) {
	j := i + 1
	for j < len(s) && isDigit(s[j]) {
		j++
	}
	if j >= len(s) || s[j] != ')' || !areaCode(s[i+1:j]) {
		return 0, false
	}
	area := s[i+1 : j]
	j++
	if k := separator(s, j); k > 0 {
		j = k
	}
	// The local number, in groups as any number may be.
	var ends [maxGroups]int
	n := 0
	for k := j; n < maxGroups; n++ {
		e := k
		for e < len(s) && isDigit(s[e]) {
			e++
		}
		if e-k < 3 || e < len(s) && isAlnum(s[e]) {
			break
		}
		ends[n] = e
		if k = separator(s, e); k == 0 {
			n++
			break
		}
	}
	for ; n > 0; n-- {
		if local(area, digitsOf(s[j:ends[n-1]])) {
			return ends[n-1], true
		}
	}
	return 0, false
}

// emailAt matches an address around the @ at s[at]: a local part of the
// characters RFC 5322 allows unquoted (but / & and `, which end it: a path,
// a query, markup), a domain of labels, the last of two letters or more.
// Folding made ＠ an @ and the letters lower-case. Emphasis that Markdown
// left as written (zhan**gsan**@…) is part of the local part, as the
// RFC has it.
func emailAt(s string, at int) (start, end int, ok bool) {
	start = at
	for start > 0 && isLocal(s[start-1]) {
		start--
	}
	for start < at && s[start] == '.' {
		start++
	}
	end = at + 1
	lastDot := -1
	for end < len(s) && (isAlnum(s[end]) || s[end] == '-' || s[end] == '.') {
		if s[end] == '.' {
			if end == at+1 || s[end-1] == '.' {
				break
			}
			lastDot = end
		}
		end++
	}
	for end > at+1 && (s[end-1] == '.' || s[end-1] == '-') {
		end--
	}
	if lastDot >= end {
		lastDot = strings.LastIndexByte(s[:end], '.')
	}
	if start == at || lastDot <= at || lastDot >= end-2 {
		return 0, 0, false
	}
	for k := lastDot + 1; k < end; k++ {
		if !isLetter(s[k]) {
			return 0, 0, false
		}
	}
	return start, end, true
}

// numberKey gives the digits of a term written as a number (0914-2321234,
// (0914)2321234, 138 1234 5678, 139.1234.5678, folded first), "" for any
// other term: an allowed number passes however the page groups it.
func numberKey(term string) string {
	t := fold.Key(term)
	var b strings.Builder
	for i := 0; i < len(t); {
		switch c := t[i]; {
		case isDigit(c) || c == 'x':
			b.WriteByte(c)
		case c == ' ' || c == '(' || c == ')' || c == '+':
		case markAt(t, i) > i:
			i = markAt(t, i)
			continue
		default:
			return ""
		}
		i++
	}
	if b.Len() < 7 {
		return ""
	}
	return b.String()
}

// digitsOf keeps the digits and the x of s.
func digitsOf(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) || s[i] == 'x' {
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}

func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isAlnum(c byte) bool  { return isDigit(c) || isLetter(c) }
func isLocal(c byte) bool {
	switch c {
	case '.', '_', '%', '+', '-', '!', '#', '$', '\'', '*', '=', '?', '^', '{', '|', '}', '~':
		return true
	}
	return isAlnum(c)
}
