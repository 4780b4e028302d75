package redact

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// compoundSurnames are the genuine 复姓 of the 百家姓 plus a few common
// later ones (独孤, 拓跋, 纳兰, 完颜 …), in code-point order. Rhyming pairs of
// two single surnames in the 百家姓 (晋楚, 岳帅, 言福 …) are left out on
// purpose: taking a single surname for a compound one would show a
// character of the given name (岳帅军 → 岳帅某), whereas missing a compound
// one only hides more (欧阳修 → 欧某).
var compoundSurnames = strings.Fields(`
	万俟 上官 东方 东郭 东野 东门 乐正 亓官 令狐 仲孙
	公乘 公仪 公冶 公孙 公羊 公良 公西 单于 南宫 南门
	司寇 司徒 司空 司马 呼延 壤驷 夏侯 太叔 太史 夹谷
	子车 宇文 完颜 宗政 宰父 尉迟 左丘 巫马 归海 微生
	慕容 拓跋 梁丘 欧阳 段干 淳于 漆雕 澹台 濮阳 独孤
	申屠 百里 皇甫 端木 第五 纳兰 羊舌 西门 诸葛 谷梁
	贺兰 赫连 轩辕 钟离 长孙 闻人 闾丘 颛孙 鲜于`)

// DefaultCompoundSurnames returns the built-in compound surnames (复姓), in
// code-point order. The slice is a copy: changing it changes nothing here.
func DefaultCompoundSurnames() []string { return slices.Clone(compoundSurnames) }

// surnames is a set of compound surnames with the length of its longest
// entry, so that a lookup tries only prefixes that could match.
type surnames struct {
	set     map[string]bool
	longest int // in runes
}

var defaultSurnames = newSurnames(nil)

func newSurnames(extra []string) surnames {
	s := surnames{set: map[string]bool{}}
	for _, list := range [][]string{compoundSurnames, extra} {
		for _, n := range list {
			n = stripSeparators(n)
			if c := utf8.RuneCountInString(n); c >= 2 {
				s.set[n] = true
				s.longest = max(s.longest, c)
			}
		}
	}
	return s
}

// of returns the surname of a full name (separators already removed): the
// longest listed compound surname that leaves at least one character after
// it, else the first character. So 欧阳修 → 欧阳, but a two-character 欧阳
// is read as surname 欧 and given name 阳 (a person named 欧阳 with no given
// name does not exist). A transliterated name with a middle dot (买买提·艾力)
// keeps only its first character: its first part is a given name, not a
// surname, so nothing longer is safe to show.
func (s surnames) of(name string) string {
	first, size := utf8.DecodeRuneInString(name)
	if size == 0 {
		return ""
	}
	if strings.ContainsFunc(name, func(r rune) bool { return foldRune(r) == '·' }) {
		return string(first)
	}
	runes := []rune(name)
	for n := min(s.longest, len(runes)-1); n >= 2; n-- {
		if p := string(runes[:n]); s.set[p] {
			return p
		}
	}
	return string(first)
}
