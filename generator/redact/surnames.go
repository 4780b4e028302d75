package redact

import (
	"slices"
	"strings"
	"unicode/utf8"

	"dutyreport/generator/fold"
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
	if strings.ContainsFunc(name, fold.IsDot) {
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

// singleSurnames are the commonest single-character surnames, which the
// check for unknown names (Suspects) takes as the start of a name. The
// first 253, 王 李 张 … 迟 邝, are the frequency list of mainland surnames
// widely reproduced from the 2006 survey of the Chinese Academy of
// Sciences' Institute of Genetics and Developmental Biology (袁义达); the
// 49 after them are further surnames of the 百家姓 with some frequency,
// including the variant forms 傅, 萧 and 阎 of 付, 肖 and 闫. Nothing relies
// on the order. Surnames that are mostly other words (都, 那, 后, 平, 国 …)
// are left out: each is a name found where none is.
var singleSurnames = []rune(
	"王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈" +
		"姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤" +
		"常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季" +
		"裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦" +
		"戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝" +
		"洪赖傅萧阎郁井伊燕冀谈邰贝裘鞠丰习宿戈屠巴弓牧班禹狄茅危荀芮储胥闻扶郦濮扈浦晁阚蔺邴杭诸宣封羊寿强")

// isSingleSurname reports whether r is one of singleSurnames.
func isSingleSurname(r rune) bool { return singleSurnameSet[r] }

var singleSurnameSet = func() map[rune]bool {
	m := make(map[rune]bool, len(singleSurnames))
	for _, r := range singleSurnames {
		m[r] = true
	}
	return m
}()
