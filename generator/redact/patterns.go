package redact

import (
	"strings"
	"unicode/utf8"
)

const (
	idMask     = "******************" // 18, whatever the digits were written in
	mobileMask = "***********"        // 11: separators are dropped
	emailMask  = "***@***"
)

// maskPatterns masks e-mail addresses first, so that a mobile number used
// as the local part (13812345678@163.com) goes with its address.
func maskPatterns(s string) string {
	return maskNumbers(maskEmails(s))
}

// digit returns the value of an ASCII or full-width digit, or -1.
func digit(c rune) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= '０' && c <= '９':
		return int(c - '０')
	}
	return -1
}

func maskNumbers(s string) string {
	var b strings.Builder
	changed := false
	last := 0
	for i := 0; i < len(s); {
		// A digit starts with an ASCII digit or, full-width, with 0xEF;
		// neither is ever a continuation byte, so stepping by bytes is safe.
		if b := s[i]; (b < '0' || b > '9') && b != 0xef {
			i++
			continue
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		if digit(c) < 0 {
			i += size
			continue
		}
		// s[i] starts a run of digits: the loop skips whole runs.
		mask, end := idMask, idAt(s, i)
		if end == 0 {
			mask, end = mobileMask, mobileAt(s, i)
		}
		if end > 0 {
			if !changed {
				b.Grow(len(s))
				changed = true
			}
			b.WriteString(s[last:i])
			b.WriteString(mask)
			i, last = end, end
			continue
		}
		for ; i < len(s); i += size {
			if c, size = utf8.DecodeRuneInString(s[i:]); digit(c) < 0 {
				break
			}
		}
	}
	if !changed {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// idWeights and idCheck are the ISO 7064 MOD 11-2 check of GB 11643-1999.
var idWeights = [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}

const idCheck = "10X98765432"

// IDCheck gives the check character (0–9 or X) of an ID number's first 17
// ASCII digits; false when they are not 17 digits.
func IDCheck(first17 string) (byte, bool) {
	if len(first17) != 17 {
		return 0, false
	}
	sum := 0
	for i := range 17 {
		if first17[i] < '0' || first17[i] > '9' {
			return 0, false
		}
		sum += int(first17[i]-'0') * idWeights[i]
	}
	return idCheck[sum%11], true
}

// idAt returns the end of an ID number starting at s[i], or 0: 17 digits,
// then a digit or X whose check is valid, then no further digit.
func idAt(s string, i int) int {
	sum := 0
	for k := 0; k < 17; k++ {
		c, size := utf8.DecodeRuneInString(s[i:])
		d := digit(c)
		if d < 0 {
			return 0
		}
		sum += d * idWeights[k]
		i += size
	}
	c, size := utf8.DecodeRuneInString(s[i:])
	want := idCheck[sum%11]
	if d := digit(c); d >= 0 && byte('0'+d) != want || d < 0 && (want != 'X' || foldRune(c) != 'x') {
		return 0
	}
	i += size
	if c, _ := utf8.DecodeRuneInString(s[i:]); digit(c) >= 0 {
		return 0
	}
	return i
}

// mobileAt returns the end of a mobile number starting at s[i], or 0:
// 1[3-9] and 9 more digits, in groups of 3, 4 and 4 that may be separated
// by a space or a hyphen (ASCII or full-width), then no further digit.
func mobileAt(s string, i int) int {
	for k, group := range [3]int{3, 4, 4} {
		if k > 0 {
			if c, size := utf8.DecodeRuneInString(s[i:]); c == ' ' || c == '-' || c == '\u3000' || c == '－' {
				i += size
			}
		}
		for g := 0; g < group; g++ {
			c, size := utf8.DecodeRuneInString(s[i:])
			d := digit(c)
			if d < 0 || k == 0 && (g == 0 && d != 1 || g == 1 && d < 3) {
				return 0
			}
			i += size
		}
	}
	if c, _ := utf8.DecodeRuneInString(s[i:]); digit(c) >= 0 {
		return 0
	}
	return i
}

// maskEmails masks local@domain.tld, with @ or the full-width ＠ that some
// write to keep addresses from robots.
func maskEmails(s string) string {
	if !strings.Contains(s, "@") && !strings.Contains(s, "＠") {
		return s
	}
	var b strings.Builder
	changed := false
	last := 0
	for i := 0; i < len(s); {
		if b := s[i]; b != '@' && b != 0xef { // ＠ starts with 0xEF
			i++
			continue
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		if c != '@' && c != '＠' {
			i += size
			continue
		}
		start := i
		for start > last && isLocal(s[start-1]) {
			start--
		}
		for start < i && s[start] == '.' {
			start++
		}
		end := i + size
		for end < len(s) && isDomain(s[end]) {
			end++
		}
		for end > i+size && (s[end-1] == '.' || s[end-1] == '-') {
			end--
		}
		if start == i || !validDomain(s[i+size:end]) {
			i += size
			continue
		}
		if !changed {
			b.Grow(len(s))
			changed = true
		}
		b.WriteString(s[last:start])
		b.WriteString(emailMask)
		i, last = end, end
	}
	if !changed {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

func isLocal(b byte) bool {
	return isDomain(b) || b == '_' || b == '+'
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

// isEmail reports whether all of s is one e-mail address.
func isEmail(s string) bool {
	return maskEmails(s) == emailMask
}

// literalMask gives the replacement of a literal: the mask of the pattern
// it looks like (ID shape, 11 digits starting with 1, e-mail address; the
// check digit is not checked, as the literal is known to be sensitive), or
// as many asterisks as it has characters. For a number written with
// hyphens or spaces it also returns its digits alone, folded, as a second
// key to look for; else "".
func literalMask(l string) (repl, digits string) {
	t := strings.TrimSpace(l)
	d := strings.Map(func(c rune) rune {
		if isSeparator(c) || c == '-' || c == '－' {
			return -1
		}
		return foldRune(c)
	}, t)
	n := 0
	for _, c := range d {
		if digit(c) < 0 {
			break
		}
		n++
	}
	switch {
	case len(d) == 18 && (n == 18 || n == 17 && d[17] == 'x'):
		return idMask, d
	case len(d) == 11 && n == 11 && d[0] == '1':
		return mobileMask, d
	case isEmail(t):
		return emailMask, ""
	}
	return strings.Repeat("*", utf8.RuneCountInString(t)), ""
}
