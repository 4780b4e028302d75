package config

import (
	"strings"

	"golang.org/x/text/unicode/norm"
)

// FoldName makes two spellings of a header or name compare equal: NFKC folds
// full-width letters, digits and brackets (（主体责任） → (主体责任)), and all
// spaces are removed, since clerks pad headers with spaces to align them.
func FoldName(s string) string {
	s = norm.NFKC.String(s)
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\t', '\n', '\r', '\u00a0', '\u3000':
			return -1
		}
		return r
	}, s)
}
