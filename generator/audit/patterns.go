package audit

import "strings"

// The public site holds no ID, phone or bank card number and no e-mail
// address, whether or not an input knows it: the patterns find them by
// their shape in folded text (full-width digits, ＠ and brackets already
// folded to ASCII, letters lower-cased). An ID number is found whatever its
// check digit, since a clerk's typo must not publish the other seventeen.
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
// card's 4+4+4+4+3.
const maxGroups = 6

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

// numbers reads the groups of digits from s[i], joined by single spaces or
// hyphens, matches the shapes on them from the left and returns where the
// scan goes on.
func numbers(s string, i int, found func(start, end int, kind, text string)) int {
	var gs [maxGroups]group
	n := 0
	at := i
	for n < maxGroups {
		end := at
		for end < len(s) && isDigit(s[end]) {
			end++
		}
		if end < len(s) && s[end] == 'x' && end-at == 17 || end < len(s) && s[end] == 'x' && n > 0 && end-at == 3 {
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
		gs[n] = group{at, end}
		n++
		if end+1 < len(s) && (s[end] == ' ' || s[end] == '-') && isDigit(s[end+1]) {
			at = end + 1
			continue
		}
		break
	}
	for a := 0; a < n; {
		if b, kind := shape(s, gs[a:n]); b > 0 {
			g := gs[a : a+b]
			start, end := g[0].start, g[b-1].end
			digits := digitsOf(s[start:end])
			if kind == kindPhone && len(digits) == 13 && strings.HasPrefix(digits, "86") {
				digits = digits[2:] // the mobile, as an input would know it
			}
			found(start, end, kind, digits)
			a += b
			continue
		}
		a++
	}
	return gs[n-1].end
}

// shape matches the groups gs from the first, longest shapes first, and
// returns how many groups the number takes (0 for none) and its kind.
func shape(s string, gs []group) (int, string) {
	text := func(k int) string { return s[gs[k].start:gs[k].end] }
	lens := func(ls ...int) bool {
		if len(gs) < len(ls) {
			return false
		}
		for k, l := range ls {
			if gs[k].end-gs[k].start != l {
				return false
			}
		}
		return true
	}
	digits := func(k int) bool { return !strings.HasSuffix(text(k), "x") }
	switch {
	case lens(2, 3, 4, 4) && text(0) == "86" && mobile(text(1)+text(2)+text(3)):
		return 4, kindPhone // 86 138 1234 5678
	case lens(6, 8, 4) && digits(0) && digits(1):
		return 3, kindID // 110105 19800101 1238
	case lens(6, 6, 3) && digits(0) && digits(1) && digits(2):
		return 3, kindID // 110105 800101 123
	case lens(3, 4, 4) && mobile(text(0)+text(1)+text(2)):
		return 3, kindPhone // 138 1234 5678
	case lens(2, 11) && text(0) == "86" && mobile(text(1)):
		return 2, kindPhone
	case len(gs) >= 4 && lens(4, 4, 4, 4) && card(s[gs[0].start:gs[3].end]):
		// A card in groups of four, the last group of one to four.
		if len(gs) >= 5 && gs[4].end-gs[4].start <= 3 && digits(4) {
			return 5, kindCard
		}
		return 4, kindCard
	case len(gs) >= 2 && areaCode(text(0)) && local(text(0), text(1)):
		return 2, kindPhone // 0914-2321234, 029 88886666
	}
	t := text(0)
	switch n := len(t); {
	case n == 18 && allDigits(t[:17]):
		return 1, kindID
	case !digits(0):
		return 0, ""
	case n == 15:
		return 1, kindID
	case n == 11 && mobile(t):
		return 1, kindPhone
	case n == 13 && strings.HasPrefix(t, "86") && mobile(t[2:]):
		return 1, kindPhone
	case n >= 16 && n <= 19 && card(t):
		return 1, kindCard
	case n >= 10 && n <= 12 && landline(t):
		return 1, kindPhone // 09142321234
	}
	return 0, ""
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
	if j < len(s) && (s[j] == ' ' || s[j] == '-') {
		j++
	}
	k := j
	for k < len(s) && isDigit(s[k]) {
		k++
	}
	if k < len(s) && isAlnum(s[k]) || !local(area, s[j:k]) {
		return 0, false
	}
	return k, true
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
// (0914)2321234, 138 1234 5678), "" for any other term: an allowed number
// passes however the page groups it.
func numberKey(term string) string {
	var b strings.Builder
	for i := 0; i < len(term); i++ {
		switch c := term[i]; {
		case isDigit(c) || c == 'x' || c == 'X':
			b.WriteByte(c | 0x20)
		case c == ' ' || c == '-' || c == '(' || c == ')' || c == '+':
		default:
			return ""
		}
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
