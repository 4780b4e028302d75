package redact

import (
	"strings"
	"unicode/utf8"

	"dutyreport/generator/fold"
)

// The masks of numbers found by pattern: each kind always gives the same
// mask, so a masked page tells what was there but nothing of its digits.
const (
	idMask       = "******************" // 18, for old 15-digit IDs too
	mobileMask   = "***********"        // 11: separators are dropped
	landlineMask = "****-*******"
	cardMask     = "****************" // 16, whatever the length
	emailMask    = "***@***"
)

// findPatterns finds, in folded text (ASCII digits, lower case), e-mail
// addresses and numbers that are personal by their shape. E-mail addresses
// come first, so a mobile number used as the local part
// (13812345678@163.com) goes with its address.
func findPatterns(s string) []span {
	var emails, found []span
	if strings.IndexByte(s, '@') >= 0 {
		emails = findEmails(s)
		found = append(found, emails...)
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < '0' || c > '9') && c != '(' || i > 0 && isDigit(s[i-1]) {
			continue // a letter before is no boundary: wx13812345678
		}
		for len(emails) > 0 && emails[0].end <= i {
			emails = emails[1:]
		}
		if len(emails) > 0 && emails[0].start <= i {
			continue // in an address
		}
		if end, mask := numberAt(s, i); end > 0 {
			found = append(found, span{start: i, end: end, repl: mask, kind: KindNumber})
			i = end - 1
			continue
		}
		for i+1 < len(s) && isDigit(s[i+1]) {
			i++ // the rest of this run starts no number
		}
	}
	return found
}

// numberAt reads a number starting at s[i] and gives its end and mask, or
// 0 when it is not personal by its shape. A number is written whole or in
// groups of at least 3 digits, separated by a space or a separator (- . /
// or a dash), with a space either side or none (0914 - 2321234,
// 139.1234.5678, 1101051980 01011238); its digits say what it is:
//   - an ID number: 18 characters (17 digits and a digit or x, whatever the
//     check digit: a clerk's typo still names a person) or 15 digits
//     (issued before 1999), starting 1–8 as region codes do; 15 digits
//     in groups count when the first is the 6-digit region code or longer
//     (138 1234 5678 2024 is a mobile and a year);
//   - a mobile number: 1[3-9] and 9 more digits;
//   - a landline with its area code: 0 and 2 or 3 digits, then 7 or 8
//     digits starting 2–9 ((029)88886666 and （0914）2321234 too), or
//     10–12 digits written together starting 0;
//   - a bank card number: 16 to 19 digits starting 3–6 (a row of years,
//     2021 2022 2023 2024, is none).
//
// A number must not run on into further digits or letters: a hex digest,
// or a longer figure, is none of these.
func numberAt(s string, i int) (int, string) {
	if s[i] == '(' {
		return bracketedLandline(s, i)
	}
	// groups[k] = [start, end) of the k-th run of digits
	var groups [8][2]int
	n := 0
	for j := i; n < len(groups); {
		k := j
		for k < len(s) && isDigit(s[k]) {
			k++
		}
		if k == j {
			break
		}
		groups[n] = [2]int{j, k}
		n++
		next := separatorAt(s, k)
		if next == k || next >= len(s) || !isDigit(s[next]) {
			break
		}
		j = next
	}
	// The most groups that make a number win: 138 1234 5678 2024 is a
	// mobile followed by a year, not a 15-digit ID.
	for m := n; m >= 1; m-- {
		end := groups[m-1][1]
		var lens [8]int
		total, short := 0, false
		for k := range m {
			lens[k] = groups[k][1] - groups[k][0]
			total += lens[k]
			short = short || lens[k] < 3
		}
		if short && m > 1 {
			continue
		}
		first := s[groups[0][0]]
		if total == 17 && end < len(s) && s[end] == 'x' && first >= '1' && first <= '8' && bounded(s, end+1) {
			return end + 1, idMask
		}
		if !bounded(s, end) {
			continue
		}
		second := digitAt(s, groups[:m], 1)
		switch {
		case (total == 18 || total == 15 && lens[0] >= 6) && first >= '1' && first <= '8':
			return end, idMask
		case total == 11 && first == '1' && second >= '3':
			return end, mobileMask
		case first == '0' && m == 1 && total >= 10 && total <= 12:
			return end, landlineMask
		case first == '0' && m >= 2 && lens[0] >= 3 && lens[0] <= 4 && total-lens[0] >= 7 && total-lens[0] <= 8 && s[groups[1][0]] >= '2':
			return end, landlineMask
		case total >= 16 && total <= 19 && first >= '3' && first <= '6':
			return end, cardMask
		}
	}
	return 0, ""
}

// separatorAt gives where the digits after a separator at s[k] start: past
// one space, or one separator with a space either side or none; k when
// there is none.
func separatorAt(s string, k int) int {
	j := k
	if j < len(s) && s[j] == ' ' {
		j++
	}
	if j < len(s) {
		if c, size := utf8.DecodeRuneInString(s[j:]); isNumberSeparator(c) {
			j += size
			if j < len(s) && s[j] == ' ' {
				j++
			}
		}
	}
	return j
}

// isNumberSeparator reports what people put between the groups of a
// number: hyphens and dashes, the full stop and the slash.
func isNumberSeparator(c rune) bool {
	switch c {
	case '-', '.', '/', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212':
		return true
	}
	return false
}

// digitAt gives the k-th digit of the groups, or 0.
func digitAt(s string, groups [][2]int, k int) byte {
	for _, g := range groups {
		if k < g[1]-g[0] {
			return s[g[0]+k]
		}
		k -= g[1] - g[0]
	}
	return 0
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// bracketedLandline reads (0914)2321234 or (029) 88886666 at s[i] == '('.
func bracketedLandline(s string, i int) (int, string) {
	j := i + 1
	k := j
	for k < len(s) && s[k] >= '0' && s[k] <= '9' {
		k++
	}
	if k-j < 3 || k-j > 4 || s[j] != '0' || k >= len(s) || s[k] != ')' {
		return 0, ""
	}
	k++
	if k < len(s) && (s[k] == ' ' || s[k] == '-') {
		k++
	}
	start := k
	for k < len(s) && s[k] >= '0' && s[k] <= '9' {
		k++
	}
	if k-start < 7 || k-start > 8 || !bounded(s, k) {
		return 0, ""
	}
	return k, landlineMask
}

// bounded reports that nothing alphanumeric follows at s[end].
func bounded(s string, end int) bool {
	return end >= len(s) || !isAlnum(s[end])
}

func isAlnum(b byte) bool {
	return b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
}

// IDCheck gives the check character (0–9 or X) of an ID number's first 17
// ASCII digits, by the ISO 7064 MOD 11-2 check of GB 11643-1999; false
// when they are not 17 digits. The masking does not need it (an ID with a
// wrong check digit is still masked); tests and sample data do.
func IDCheck(first17 string) (byte, bool) {
	weights := [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	if len(first17) != 17 {
		return 0, false
	}
	sum := 0
	for i := range 17 {
		if first17[i] < '0' || first17[i] > '9' {
			return 0, false
		}
		sum += int(first17[i]-'0') * weights[i]
	}
	return "10X98765432"[sum%11], true
}

// findEmails finds local@domain.tld in folded text (a full-width ＠ is @
// there).
func findEmails(s string) []span {
	var found []span
	last := 0
	for i := 0; i < len(s); i++ {
		if s[i] != '@' {
			continue
		}
		start := i
		for start > last && isLocal(s[start-1]) {
			start--
		}
		for start < i && s[start] == '.' {
			start++
		}
		end := i + 1
		for end < len(s) && isDomain(s[end]) {
			end++
		}
		for end > i+1 && (s[end-1] == '.' || s[end-1] == '-') {
			end--
		}
		if start == i || !validDomain(s[i+1:end]) {
			continue
		}
		found = append(found, span{start: start, end: end, repl: emailMask, kind: KindEmail})
		i, last = end-1, end
	}
	return found
}

// isLocal reports a character of an address's local part, as RFC 5322
// allows them: zhan**gsan**@example.com, where Markdown left the asterisks
// of emphasis as written, is one address.
func isLocal(b byte) bool {
	return isDomain(b) || strings.IndexByte("!#$%&'*+/=?^_`{|}~", b) >= 0
}

func isDomain(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '.' || b == '-'
}

// validDomain wants at least two non-empty labels and a top-level domain
// of two or more letters, so that "@某人" and "a@b" are not addresses.
func validDomain(d string) bool {
	labels := strings.Split(d, ".")
	if len(labels) < 2 {
		return false
	}
	for _, l := range labels {
		if l == "" || l[0] == '-' {
			return false
		}
	}
	tld := labels[len(labels)-1]
	if len(tld) < 2 {
		return false
	}
	for i := 0; i < len(tld); i++ {
		if c := tld[i] | 0x20; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// literalMask gives the replacement of a literal: the mask of the pattern
// it looks like (an ID, a mobile or a landline number, an e-mail address),
// or as many asterisks as it has characters. For a number written with
// hyphens or spaces it also returns its digits alone, folded, as a second
// key to look for; else "".
func literalMask(l string) (repl, digits string) {
	t := strings.TrimSpace(l)
	k := fold.Key(t)
	d := strings.Map(func(c rune) rune {
		if c == ' ' || c == '-' || c == '(' || c == ')' {
			return -1
		}
		return c
	}, k)
	if end, mask := numberAt(d, 0); end == len(d) && d != "" {
		return mask, d
	}
	if f := findEmails(k); len(f) == 1 && f[0].start == 0 && f[0].end == len(k) {
		return emailMask, ""
	}
	return strings.Repeat("*", utf8.RuneCountInString(t)), ""
}
