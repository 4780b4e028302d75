package redact

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"dutyreport/generator/fold"
)

// Suspect is a probable personal name in a text: a surname and one or two
// characters after a word that is commonly followed, or preceded, by a
// person's name (证人王五, 镇长张三, 王小明同志). The check for unknown names
// (issue 19) asks whether some register knows it.
type Suspect struct {
	// Start and End are the source bytes the name was read from,
	// whatever lay between its characters (markup, spaces) included.
	Start, End int
	// Name is the name as a reader takes it in (fold.Key): 王小明,
	// 欧阳明远, 买买提艾力 (the middle dot is folded away).
	Name string
	// Surname is what a masking would show of it: the surname (王, 欧阳),
	// or the first character of a transliterated name (买).
	Surname string
	// Cue is the word that made the name probable, folded: 证人, 镇长, 同志.
	Cue string
	// Whistle reports a whistleblower's or witness's cue (举报人, 证人 …,
	// or a report after the name: 经李四举报): such a name is never shown,
	// in any audience.
	Whistle bool
	// after says the cue follows the name (王小明同志, 李四举报, 张三等).
	after bool
}

// Masked describes the suspect without naming it: its cue, the surname and
// 某, and the number of characters (证人李某（2 个字）, 王某同志（3 个字）,
// 李某举报（2 个字）).
// A message may print it; a log is a place where a whistleblower's name
// would leak.
func (s Suspect) Masked() string {
	n := strconv.Itoa(utf8.RuneCountInString(s.Name)) + " 个字）"
	if s.after {
		return s.Surname + "某" + s.Cue + "（" + n
	}
	return s.Cue + s.Surname + "某（" + n
}

// cueKind is what a cue says of the name next to it.
type cueKind uint8

const (
	// whistleCue is a whistleblower's or witness's role: 举报人李四.
	whistleCue cueKind = iota + 1
	// postCue is a post or a relation that is followed by a name in notices:
	// 镇长张三, 会计王五.
	postCue
	// groupCue is a word mostly used of a group (村民, 群众, 干部): what
	// follows it is taken for a name only when the name ends there, at a
	// word that commonly follows a name or at punctuation (村民张三反映),
	// since 群众路线 or 干部管理 are no persons.
	groupCue
)

// comradeCue follows a name: 王小明同志 (but not 同志们).
const comradeCue = "同志"

// cues are the words before a name. A cue inside a longer one (证人 in
// 见证人, 主任 in 副主任) is still one.
var cues = func() map[string]cueKind {
	m := map[string]cueKind{}
	for kind, list := range map[cueKind]string{
		whistleCue: "举报人 实名举报人 检举人 控告人 反映人 证人 知情人",
		postCue: `书记 副书记 支书 镇长 副镇长 乡长 副乡长 县长 副县长 局长 副局长 主任 副主任 村主任
			科长 副科长 站长 副站长 所长 副所长 组长 副组长 队长 社长 院长 校长 部长 处长 厂长 经理 主席
			镇长助理 乡长助理 县长助理 局长助理 主任助理 经理助理 书记助理 院长助理 校长助理
			会计 出纳 报账员 财务人员 村医 民警 辅警 委员 村两委委员 联系人 驾驶员 司机 个体户 老板`,
		// Relatives are often followed by a verb that starts like a name
		// (亲属申请低保), so they are read as a group's cues.
		groupCue: `村民 居民 群众 干部 职工 党员 工作人员 农户 户主 网格员
			妻子 其妻 丈夫 其夫 配偶 儿子 女儿 亲属 父亲 母亲 哥哥 弟弟 姐姐 妹妹 女婿 儿媳 侄子 外甥`,
	} {
		for _, c := range strings.Fields(list) {
			m[c] = kind
		}
	}
	return m
}()

// longestCue is the length of the longest cue, in runes.
const longestCue = 5

// endFirst and endNext are characters that commonly follow a name and are
// not part of it: a given name is cut before one (村民张三在 → 张三).
// endFirst ends a name even in a given name's first place (镇长王在会上 is
// no name); endNext only in its second place, since its characters often
// start a given name (王为民, 李和平, 余向东).
var (
	endFirst = charsOf("在对的于等因将已被与及称说是系曾并又都即把给让由也还就未不了着过所而或该此这那们从到")
	endNext  = charsOf("为和向以任时后前中上下里内外均之其")
)

// endWords are words that commonly follow a name: a given name is cut
// before one wherever it starts (王五证实 → 王五, 李同志 is no full name).
var endWords = wordSet(`同志 反映 问题 任职 担任 证实 证明 证言 表示 指出 介绍 主持 负责 利用 违规 违反 违纪
	收受 挪用 侵占 私自 擅自 多次 一起 一同 联系 实名 举报 检举 控告 投诉 提供 出具 陈述 签字 确认 承认
	交代 没有 本人 个人 等人 家中 家属 先生 女士 同意 参加 参与 作为 主动 未按 不按 及时 涉嫌 所在 名下
	驾驶 经营 开办 承包 申请 冒领 享受 套取 骗取 领取`)

// commonWords are words that begin with a surname and are no name: after
// a cue they are the next word, not a person (组长单位, 干部任用, 全体同志).
var commonWords = wordSet(`单位 项目 路线 路径 管理 管好 管住 管控 关心 关于 关注 关系 关爱 关键 安全 安排 安置
	任用 任务 任命 任期 任免 任职 全体 全面 全部 全县 全镇 全乡 全村 全区 全市 全省 全国 全员 全局 全力 全程
	全年 党员 党委 党组 党风 党建 党支 党性 党纪 党内 成员 成为 成立 成效 成绩 成长 成果 时任 时间 时期 时刻
	于是 明确 明显 明知 严格 严肃 严重 严把 严抓 严守 严管 严查 严厉 严防 应当 应该 应急 高度 高位 高标 高效
	方面 方式 方法 方案 方向 常委 常务 常抓 常态 常年 文件 文明 文化 和谐 农村 农民 农户 农业 查处 查明 查实
	查办 连续 解决 包括 包保 包村 包片 包抓 符合 季度 纪律 纪委 纪检 司法 商户 卫生 费用 程序 金额 车辆 房屋
	景区 宗旨 荣誉 万元 周边 周密 林业 单独 师生 宣传 封闭 强化 习惯 宿舍 班子 危房 诸多 闻讯 扶贫 马上 齐抓
	司机 师傅 申请 申报 申诉 申领 易地 班长 班组 班车 文书 解释 解读 解除 解答 解散
	谈话 毛病 龙头 钱财 白条 蓝图 曾经 曾任 曾先 曾为 曾向 曾出 曾收 曾参 曾和 曾以 曾作 曾有 曾给 曾借`)

// notCues are words that hold a cue but are no post: 会计师事务所.
var notCues = []string{"会计师"}

// beforeWords end in a surname but come before a name, not in it: a name
// read back from 同志 or 等 does not start inside one (感谢周四同志 is
// 周四, 主任马明同志 马明, 学习雷锋同志 雷锋, 经查王五等 王五).
var beforeWords = wordSet(`感谢 致谢 多谢 答谢 鸣谢 约谈 面谈 担任 时任 现任 原任 前任 曾任 兼任 继任 新任 接任
	出席 列席 责任 主席 学习 见习 实习 祝贺 庆贺 恭贺 道贺 信任 委任 聘任 出任 调任 升任 改任 留任 连任 就任
	崇尚 经查 检查 调查 核查 排查 审查 督查 巡查 抽查 清查`)

// functionSurnames are surnames that are far more often a preposition or
// a conjunction: after a cue they start a name only behind a colon
// (证人：于洋), and never before 同志 (向李明同志 is 李明). 应 is
// mostly a verb (干部应追究).
var functionSurnames = charsOf("于向和时应")

// links join a whistleblower's or witness's cue to the name (举报人为钱小二,
// 举报人系, 证人分别为, 证人有). A name read behind one must end where a
// name ends (证人有关情况属实 is none); 有 never links a surname that
// makes a word with it (有关, 有何).
var (
	links       = strings.Fields("分别为 分别是 包括 为 系 是 有")
	notAfterHas = charsOf("关何钱余方利")
)

// reports are the verbs after a whistleblower's name (经李四举报, 由刘大壮
// 实名举报, 接到王五的举报, 据赵六反映); reportBefore the words a name
// after which one is a whistleblower's starts after (经, 由, 据, 接到).
var (
	reports      = []string{"举报", "检举", "控告", "反映"}
	reportBefore = []string{"接到", "经", "由", "据"}
)

// listWords and listEnds end a witness's name in a list that goes on after
// a comma (证人孙小红，李小四证实): only a name followed by one is taken.
var (
	listWords = wordSet("证实 证明 作证 陈述 签字")
	listEnds  = charsOf("、,。;和与及等均也都")
)

// orgEnds end the names of units and places, not of persons: a name read
// by the word after it (由林草局主持, 经纪委举报) does not end with one.
var orgEnds = charsOf("局委办所站院组部处厅会队村镇乡县市区省社校馆司厂科室股团")

// beforeCount are the characters after which a two-character name ends in
// 等 and a count (对王五等3人, 给予王五等3人): read back from 等, a
// surname after another character is mostly a word's end (责任人等,
// 工程师等).
var beforeCount = charsOf("对给予把将由向和与及同跟让被经据含括了的是为有中理分责谈处现评报示明查")

// dots are the forms a transliterated name's middle dot takes once
// folded (买买提·艾力): fold drops it between two Han characters, so
// Suspects looks for it in the source.
const dots = ".·•‧・∙⋅●˙ᐧ⸱ꞏ"

type charSet map[rune]bool

func charsOf(s string) charSet {
	m := charSet{}
	for _, r := range s {
		m[r] = true
	}
	return m
}

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// Suspects finds the probable personal names of text by their context: a
// surname of the commonest single ones or the compound ones
// (DefaultCompoundSurnames) followed by one or two Han characters, right
// after a cue (证人, 举报人, 镇长, 村民 …, optionally with a colon) or right
// before 同志; or a transliterated name with a middle dot (买买提·艾力) in
// those places. Words that commonly follow a name (在, 的, 反映, 同志 …) end
// it, a given name made only of such words is none, and masked forms
// (张某, 欧阳某某, 某某) are not names. The text is read as fold gives it,
// so markup, entities and spaces between characters hide nothing; offsets
// are the source's. Suspects are in order of position, one per name.
func Suspects(text string) []Suspect {
	sc := newScan(text)
	var out []Suspect
	for _, f := range sc.find() {
		out = append(out, sc.suspect(f))
	}
	return out
}

// Clear is a list of terms inside which no name is (unit and place names,
// the words of redaction.allow): a suspect whose surname and first given
// character lie inside an occurrence of one of them is not suspected.
type Clear struct{ keys []string }

// NewClear folds the terms; empty ones are dropped.
func NewClear(terms ...[]string) *Clear {
	c := &Clear{}
	for _, list := range terms {
		for _, t := range list {
			if k := fold.Key(t); k != "" {
				c.keys = append(c.keys, k)
			}
		}
	}
	return c
}

// Suspects is the package's Suspects less those inside a term of c; a nil
// Clear clears nothing.
func (c *Clear) Suspects(text string) []Suspect {
	sc := newScan(text)
	var out []Suspect
	for _, f := range sc.find() {
		if c != nil && c.covers(sc, f) {
			continue
		}
		out = append(out, sc.suspect(f))
	}
	return out
}

// covers reports whether an occurrence of a term holds the shortest
// reading of the name found: its surname and first given character. A
// name read back from the word after it (同志, 等) is guessed from its
// end, so a term holding its last two characters covers it too (学习雷锋同志
// with 雷锋 allowed): the known end wins over the guessed start.
func (c *Clear) covers(sc *scan, f found) bool {
	if c.holds(sc, f.start, f.min) {
		return true
	}
	return f.after && f.end-f.start >= 3 && c.holds(sc, f.end-2, f.end)
}

// holds reports whether an occurrence of a term holds runes [from, to).
func (c *Clear) holds(sc *scan, fromRune, toRune int) bool {
	from, to := sc.at[fromRune], sc.at[toRune]
	for _, k := range c.keys {
		// An occurrence covering [from, to) starts within len(k) before to.
		lo := max(0, to-len(k))
		for p := lo; p <= from && p+len(k) <= len(sc.s); p++ {
			if strings.HasPrefix(sc.s[p:], k) {
				return true
			}
		}
	}
	return false
}

// Known is a set of known persons' names, matched as suspects are read.
type Known struct {
	set  map[string]bool
	keys []string
}

// NewKnown folds the names; names of fewer than two characters are
// dropped (a one-character "name" would clear every suspect starting with it).
func NewKnown(names ...[]string) *Known {
	k := &Known{set: map[string]bool{}}
	for _, list := range names {
		for _, n := range list {
			key := fold.Key(stripSeparators(n))
			if utf8.RuneCountInString(key) >= 2 && !k.set[key] {
				k.set[key] = true
				k.keys = append(k.keys, key)
			}
		}
	}
	return k
}

// Has reports whether name (a Suspect's) is a known person's: equal to a
// known name, part of one (the suspect 王小 of 王小明), or holding one,
// since where a name starts and ends is a guess from the context
// (镇长王五主持 reads 王五主 for 王五).
func (k *Known) Has(name string) bool {
	if k == nil {
		return false
	}
	if k.set[name] {
		return true
	}
	for _, key := range k.keys {
		if strings.Contains(key, name) || strings.Contains(name, key) {
			return true
		}
	}
	return false
}

// scan is a folded text read as runes, with the byte offset of each in the
// folded text.
type scan struct {
	src string
	t   fold.Text
	s   string // t.S
	rs  []rune
	at  []int // at[i] is the offset of rs[i] in s; at[len(rs)] = len(s)
}

// found is a name found, in rune indexes of the scan: the name is
// rs[start:end], its surname rs[start:sur], its shortest reading
// rs[start:min].
type found struct {
	start, sur, min, end int
	cue                  string
	kind                 cueKind
	after                bool // the cue follows the name
}

func newScan(text string) *scan {
	t := fold.Of(text)
	sc := &scan{src: text, t: t, s: t.S}
	for i, r := range t.S {
		sc.rs = append(sc.rs, r)
		sc.at = append(sc.at, i)
	}
	sc.at = append(sc.at, len(t.S))
	return sc
}

func (sc *scan) suspect(f found) Suspect {
	start, end := sc.t.Source(sc.at[f.start], sc.at[f.end])
	return Suspect{Start: start, End: end, Name: string(sc.rs[f.start:f.end]), Surname: string(sc.rs[f.start:f.sur]),
		Cue: f.cue, Whistle: f.kind == whistleCue, after: f.after}
}

// find lists the names found, in order, overlapping ones dropped.
func (sc *scan) find() []found {
	var out []found
	add := func(f found) {
		for _, o := range out {
			if f.start < o.end && o.start < f.end {
				return
			}
		}
		out = append(out, f)
	}
	cueEnds := map[int]bool{} // rune indexes where a cue before a name ends
	n := len(sc.rs)
	for i := 0; i < n; {
		cue, kind := sc.cueAt(i)
		if cue == "" {
			i++
			continue
		}
		end := i + utf8.RuneCountInString(cue)
		cueEnds[end] = true
		f, ok := sc.nameAfter(end, kind, true)
		for ok {
			f.cue, f.kind = cue, kind
			// 村民张三实名举报: whoever reports is a whistleblower (but
			// 村民张三反映 may only say what he told the inspectors).
			if r, isReport := sc.reportAt(f.end, false); isReport && r != "反映" {
				f.kind = whistleCue
			}
			add(f)
			if f.end >= n {
				break
			}
			// 证人王五、李六 and 证人王五和李六: the cue holds for both.
			switch sc.rs[f.end] {
			case '、', '和', '及', '与':
				f, ok = sc.nameAfter(f.end+1, kind, false)
				continue
			case ',':
				// 证人孙小红，李小四证实: a witness's list goes on after a
				// comma, to a name that a list's word ends.
				if kind == whistleCue {
					f, ok = sc.nameAfter(f.end+1, kind, false)
					ok = ok && sc.listEnd(f)
					continue
				}
			}
			break
		}
		i++ // 支书记: 书记 is a cue too
	}
	for i := 0; i < n; i++ {
		// 经李四举报, 由刘大壮实名举报, 接到王五的举报, 据赵六反映: a
		// whistleblower before the report.
		for _, w := range reportBefore {
			if !strings.HasPrefix(sc.s[sc.at[i]:], w) {
				continue
			}
			j := i + utf8.RuneCountInString(w)
			f, ok := sc.nameThen(j, func(e int) bool { _, ok := sc.reportAt(e, true); return ok })
			if ok {
				f.cue, _ = sc.reportAt(f.end, true)
				f.kind, f.after = whistleCue, true
				add(f)
			} else if w == "由" {
				// 会议由王五主持.
				if f, ok := sc.nameThen(j, func(e int) bool { return sc.word(e, hostWord) }); ok {
					f.cue, f.kind, f.after = "主持", postCue, true
					add(f)
				}
			}
			break
		}
		// 刘大壮实名举报 at the start of a clause.
		if i == 0 || !sc.han(i-1) && !unicode.IsLetter(sc.rs[i-1]) && !unicode.IsDigit(sc.rs[i-1]) {
			f, ok := sc.nameThen(i, func(e int) bool {
				cue, ok := sc.reportAt(e, false)
				return ok && strings.HasPrefix(cue, "实名")
			})
			if ok {
				f.cue, _ = sc.reportAt(f.end, false)
				f.kind, f.after = whistleCue, true
				add(f)
			}
		}
	}
	for i := 0; i+2 <= n; i++ {
		if sc.rs[i] == '等' && sc.countAt(i+1) {
			sc.namesBeforeCount(i, cueEnds, add)
			continue
		}
		if sc.rs[i] != '同' || sc.rs[i+1] != '志' || i+2 < n && sc.rs[i+2] == '们' {
			continue
		}
		if f, ok := sc.nameBefore(i, cueEnds); ok {
			f.cue, f.kind, f.after = comradeCue, postCue, true
			add(f)
		}
	}
	slices.SortStableFunc(out, func(a, b found) int { return a.start - b.start })
	return out
}

// cueAt gives the longest cue at rune i, "" if none.
func (sc *scan) cueAt(i int) (string, cueKind) {
	for _, w := range notCues {
		if strings.HasPrefix(sc.s[sc.at[i]:], w) {
			return "", 0
		}
	}
	for l := min(longestCue, len(sc.rs)-i); l >= 2; l-- {
		w := string(sc.rs[i : i+l])
		if k, ok := cues[w]; ok {
			return w, k
		}
	}
	return "", 0
}

// isHan reports a Han character as fold leaves them (simplified).
func isHan(r rune) bool {
	return r >= 0x4e00 && r <= 0x9fff || r >= 0x3400 && r <= 0x4dbf || r >= 0x20000 && r <= 0x323af || r >= 0xf900 && r <= 0xfaff
}

// han reports whether rs[i] is a Han character.
func (sc *scan) han(i int) bool { return i >= 0 && i < len(sc.rs) && isHan(sc.rs[i]) }

// word reports whether the two runes at i form a word of set.
func (sc *scan) word(i int, set map[string]bool) bool {
	return i >= 0 && i+2 <= len(sc.rs) && set[string(sc.rs[i:i+2])]
}

// dotBefore reports whether the source shows a middle dot between rs[i-1]
// and rs[i], two Han characters that fold joined.
func (sc *scan) dotBefore(i int) bool {
	if i <= 0 || i >= len(sc.rs) || !sc.han(i-1) || !sc.han(i) {
		return false
	}
	from, _ := sc.t.Source(sc.at[i-1], sc.at[i])
	to, _ := sc.t.Source(sc.at[i], sc.at[i+1])
	return strings.ContainsAny(fold.Of(sc.src[from:to]).S, dots)
}

// compoundAt gives the length of the compound surname at i that a given
// name follows, 0 if none.
func (sc *scan) compoundAt(i int) int {
	for l := min(defaultSurnames.longest, len(sc.rs)-i-1); l >= 2; l-- {
		if defaultSurnames.set[string(sc.rs[i:i+l])] && sc.han(i+l) {
			return l
		}
	}
	return 0
}

// hostWord follows the name of who chairs a meeting: 会议由王五主持.
var hostWord = wordSet("主持")

// reportAt reads a report after a whistleblower's name at rune e: an
// optional 的 (接到王五的举报, if de), an optional 实名, and one of
// reports. It gives the words from 实名 on (实名举报, 反映).
func (sc *scan) reportAt(e int, de bool) (string, bool) {
	if e >= len(sc.rs) {
		return "", false
	}
	rest := sc.s[sc.at[e]:]
	if de {
		rest = strings.TrimPrefix(rest, "的")
	}
	cue := ""
	if strings.HasPrefix(rest, "实名") {
		cue, rest = "实名", rest[len("实名"):]
	}
	for _, r := range reports {
		if strings.HasPrefix(rest, r) {
			return cue + r, true
		}
	}
	return "", false
}

// listEnd reports whether the name f, read after a comma in a witness's
// list, ends at a list's word and is not a post (孙小红，张书记等 names no
// second witness).
func (sc *scan) listEnd(f found) bool {
	if f.end >= len(sc.rs) || cues[string(sc.rs[f.sur:f.end])] != 0 {
		return false
	}
	return listEnds[sc.rs[f.end]] || sc.word(f.end, listWords)
}

// countAt reports a count of persons at rune i, after 等: 3人, 三名, 人.
func (sc *scan) countAt(i int) bool {
	k := i
	for k < len(sc.rs) && (sc.rs[k] >= '0' && sc.rs[k] <= '9' || strings.ContainsRune("一二两三四五六七八九十百", sc.rs[k])) {
		k++
	}
	return k < len(sc.rs) && (sc.rs[k] == '人' || k > i && sc.rs[k] == '名')
}

// namesBeforeCount reads the names before 等 at rune e that a count
// follows (张三等3人, 张三、李四等5名): read back as before 同志, but a
// two-character name only after a character that commonly comes before
// one (对王五等, not 责任人等), and none that ends like a unit's name.
func (sc *scan) namesBeforeCount(e int, cueEnds map[int]bool, add func(found)) {
	for {
		f, ok := sc.nameBefore(e, cueEnds)
		if !ok || orgEnds[sc.rs[f.end-1]] || sc.word(f.start-1, beforeWords) {
			return
		}
		if f.end-f.start == 2 && f.start > 0 && sc.han(f.start-1) && !beforeCount[sc.rs[f.start-1]] {
			return
		}
		f.cue, f.kind, f.after = "等", postCue, true
		add(f)
		if f.start == 0 || sc.rs[f.start-1] != '、' {
			return
		}
		e = f.start - 1
	}
}

// nameThen reads a name at rune j that the word after it ends: the
// longest reading, a compound surname or a single one with two given
// characters or one, after which next holds. No reading ends like a unit's
// name (由林草局主持).
func (sc *scan) nameThen(j int, next func(end int) bool) (found, bool) {
	if !sc.han(j) {
		return found{}, false
	}
	var surs []int
	if l := sc.compoundAt(j); l > 0 {
		surs = append(surs, l)
	}
	if r := sc.rs[j]; isSingleSurname(r) && !functionSurnames[r] {
		surs = append(surs, 1)
	}
	for _, sur := range surs {
		g := j + sur
	readings:
		for _, given := range []int{2, 1} {
			end := g + given
			for k := g; k < end; k++ {
				if !sc.han(k) || endFirst[sc.rs[k]] || k+1 < end && sc.word(k, endWords) {
					continue readings // 经常实名举报 names no 常实名
				}
			}
			f := found{start: j, sur: g, min: g + 1, end: end}
			if !orgEnds[sc.rs[end-1]] && sc.plausible(f) && next(end) {
				return f, true
			}
		}
	}
	return found{}, false
}

// nameAfter reads a name at rune j, after a cue of kind; first says it
// is right after the cue, where a whistleblower's cue may be linked to the
// name by a colon, a bracket or a word (证人：王五, 举报人（周小五）,
// 举报人为钱小二).
func (sc *scan) nameAfter(j int, kind cueKind, first bool) (found, bool) {
	labelled, linked := false, false
	if j < len(sc.rs) && sc.rs[j] == ':' {
		j++
		labelled = true
	} else if first && kind == whistleCue && j < len(sc.rs) {
		if sc.rs[j] == '(' {
			j++
			linked = true
		}
		for _, l := range links {
			if !linked && strings.HasPrefix(sc.s[sc.at[j]:], l) {
				j += utf8.RuneCountInString(l)
				if l == "有" && j < len(sc.rs) && notAfterHas[sc.rs[j]] {
					return found{}, false
				}
				linked = true
				if j < len(sc.rs) && sc.rs[j] == ':' {
					j++
					labelled = true
				}
			}
		}
	}
	if f, ok := sc.dottedAfter(j); ok {
		return f, true
	}
	if !sc.han(j) {
		return found{}, false
	}
	sur := sc.compoundAt(j)
	if sur == 0 {
		r := sc.rs[j]
		if !isSingleSurname(r) || functionSurnames[r] && !labelled {
			return found{}, false
		}
		sur = 1
	}
	g := j + sur
	end := g
	for k := g; k < g+2 && sc.han(k); k++ {
		r := sc.rs[k]
		if sc.word(k, endWords) || k == g && endFirst[r] || k > g && (endFirst[r] || endNext[r]) {
			break
		}
		end = k + 1
	}
	f := found{start: j, sur: g, min: g + 1, end: end}
	if !sc.plausible(f) {
		return found{}, false
	}
	if (kind == groupCue || linked) && sc.han(end) && !sc.ends(end) {
		return found{}, false // 群众路线教育: the run goes on, no name ends here
	}
	return f, true
}

// ends reports whether a name may end before rune i: a word that commonly
// follows a name starts there.
func (sc *scan) ends(i int) bool {
	r := sc.rs[i]
	return endFirst[r] || endNext[r] || sc.word(i, endWords) || r == '、'
}

// plausible checks a reading: a given name of at least one character, not
// masked (张某), not made only of words that follow names, and not a common
// word that begins with a surname.
func (sc *scan) plausible(f found) bool {
	if f.end <= f.sur {
		return false
	}
	given := sc.rs[f.sur:f.end]
	function := true
	for i, r := range given {
		if r == '某' || r == 'x' || r == '×' || r == '*' || r == '＊' {
			return false
		}
		if !(endFirst[r] || i > 0 && endNext[r]) {
			function = false
		}
	}
	if function {
		return false
	}
	return f.sur-f.start > 1 || !sc.word(f.start, commonWords)
}

// dottedAfter reads a transliterated name at j: parts of Han characters
// that the source joins by middle dots (买买提·艾力), the last part cut as
// a given name is.
func (sc *scan) dottedAfter(j int) (found, bool) {
	k := j
	for k < len(sc.rs) && k-j < 6 && sc.han(k) && !sc.dotBefore(k+1) {
		k++
	}
	if !sc.dotBefore(k+1) || !sc.han(k) {
		return found{}, false
	}
	first := k + 1 // end of the first part
	end, part := first, first
	for end < len(sc.rs) && sc.han(end) {
		if end > first && sc.dotBefore(end) {
			part = end
		} else if end > part && (endFirst[sc.rs[end]] || endNext[sc.rs[end]]) || sc.word(end, endWords) || end-part >= 4 {
			break
		}
		end++
	}
	if end <= first || sc.rs[j] == '某' {
		return found{}, false
	}
	return found{start: j, sur: j + 1, min: j + 2, end: end}, true
}

// nameBefore reads a name that ends at rune e, before 同志: a compound
// surname with one or two characters, else a single surname with two,
// else with one. A surname right after a cue that ends with it (主任马明:
// the 任 of 主任) or a preposition (向李明) is not taken.
func (sc *scan) nameBefore(e int, cueEnds map[int]bool) (found, bool) {
	if e > 0 && sc.rs[e-1] == '等' {
		e-- // 张三等同志
	}
	if f, ok := sc.dottedBefore(e, cueEnds); ok {
		return f, true
	}
	try := func(start, sur int) (found, bool) {
		if start < 0 {
			return found{}, false
		}
		for k := start; k < e; k++ {
			if !sc.han(k) {
				return found{}, false
			}
		}
		f := found{start: start, sur: sur, min: sur + 1, end: e}
		for k := sur; k < e; k++ {
			r := sc.rs[k]
			if k == sur && endFirst[r] || k > sur && (endFirst[r] || endNext[r]) || sc.word(k, endWords) && k+1 < e {
				return found{}, false
			}
		}
		return f, sc.plausible(f)
	}
	for _, given := range []int{2, 1} {
		start := e - given
		for l := defaultSurnames.longest; l >= 2; l-- {
			if s := start - l; s >= 0 && defaultSurnames.set[string(sc.rs[s:start])] {
				if f, ok := try(s, start); ok {
					return f, true
				}
			}
		}
	}
	for _, given := range []int{2, 1} {
		s := e - given - 1
		if s < 0 || !sc.han(s) || !isSingleSurname(sc.rs[s]) || functionSurnames[sc.rs[s]] {
			continue
		}
		if given == 2 && (cueEnds[s+1] || sc.word(s-1, beforeWords)) {
			continue // 主任马明同志, 感谢周四同志: the 任, the 谢 end a word before the name
		}
		if f, ok := try(s, s+1); ok {
			return f, true
		}
	}
	return found{}, false
}

// dottedBefore reads a transliterated name that ends at rune e: its last
// part back to a middle dot, its first part back to a word that follows
// names, the end of a cue, or four characters.
func (sc *scan) dottedBefore(e int, cueEnds map[int]bool) (found, bool) {
	k := e
	for k > 0 && e-k < 6 && sc.han(k-1) && !sc.dotBefore(k) {
		k--
	}
	if k == e || !sc.dotBefore(k) {
		return found{}, false
	}
	start := k - 1
	for start > 0 && sc.han(start-1) && !cueEnds[start] && (k-start < 4 || sc.dotBefore(start)) {
		if r := sc.rs[start-1]; endFirst[r] || endNext[r] {
			break
		}
		start--
	}
	if sc.rs[start] == '某' {
		return found{}, false
	}
	return found{start: start, sur: start + 1, min: start + 2, end: e}, true
}
