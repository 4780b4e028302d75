package redact

import (
	"slices"
	"testing"
	"unicode/utf8"
)

// found lists suspects as "cue name", with "!" before a whistleblower's cue.
func suspectList(ss []Suspect) []string {
	var out []string
	for _, s := range ss {
		w := ""
		if s.Whistle {
			w = "!"
		}
		out = append(out, w+s.Cue+" "+s.Name)
	}
	return out
}

// Issue 19, part 4: probable names are found by their context.
func TestSuspectsFindsNamesByTheirCue(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"whistleblower", "经查，举报人李四所反映问题属实。", []string{"!举报人 李四"}},
		{"witness with a full-width colon", "证人：王五", []string{"!证人 王五"}},
		{"witness with a colon and a space", "证人: 王五证实", []string{"!证人 王五"}},
		{"a longer cue wins", "实名举报人张三反映，", []string{"!实名举报人 张三"}},
		{"two witnesses", "证人王五、李六证实，", []string{"!证人 王五", "!证人 李六"}},
		{"a witness and another", "证人王五和李六证实", []string{"!证人 王五", "!证人 李六"}},
		{"comrade after a three-character name", "经王小明同志核实", []string{"同志 王小明"}},
		{"comrade at the start", "王小明同志：", []string{"同志 王小明"}},
		{"comrade after a compound surname", "欧阳明远同志", []string{"同志 欧阳明远"}},
		{"comrade after a transliterated name", "买买提·艾力同志", []string{"同志 买买提艾力"}},
		{"transliterated, full-width dot", "买买提・艾力同志", []string{"同志 买买提艾力"}},
		{"transliterated after a cue", "村民买买提·艾力反映", []string{"村民 买买提艾力"}},
		{"a preposition is not the surname", "向李明同志学习", []string{"同志 李明"}},
		{"a word before the name is not its surname", "感谢周四同志", []string{"同志 周四"}},
		{"the 任 of 主任 is not a surname", "副主任马明同志", []string{"副主任 马明"}},
		{"several comrades", "张三等同志", []string{"同志 张三"}},
		{"villager, name cut by 反映", "村民张三反映", []string{"村民 张三"}},
		{"villager, name cut by 的", "村民张三的房屋", []string{"村民 张三"}},
		{"post, name cut by 在", "镇长张三在会上", []string{"镇长 张三"}},
		{"post, 为 is in a given name", "村主任王为民违规", []string{"村主任 王为民"}},
		{"post, 为 after a name", "会计李明为其亲属", []string{"会计 李明"}},
		{"post, the name runs on", "出纳赵六挪用公款", []string{"出纳 赵六"}},
		{"post inside another word", "村党总支书记张雪林", []string{"书记 张雪林"}},
		{"a colon allows a preposition surname", "证人：于洋", []string{"!证人 于洋"}},
		{"a single given character", "书记金鑫对", []string{"书记 金鑫"}},
		{"a cue and comrade name one person once", "镇长王小明同志", []string{"镇长 王小明"}},
		{"traditional forms fold", "證人王五", []string{"!证人 王五"}},
		{"a witness's cue after a group's", "经群众反映人李四反映", []string{"!反映人 李四"}},
		// A whistleblower's or witness's cue linked to the name by a word
		// or a bracket.
		{"whistleblower after 为", "举报人为钱小二", []string{"!举报人 钱小二"}},
		{"whistleblower after 系", "举报人系王五。", []string{"!举报人 王五"}},
		{"whistleblower after 是", "举报人是李四，其反映", []string{"!举报人 李四"}},
		{"whistleblower in brackets", "举报人（周小五）反映", []string{"!举报人 周小五"}},
		{"whistleblower in ASCII brackets", "举报人(周小五)", []string{"!举报人 周小五"}},
		{"witnesses after 分别为", "证人分别为王五、李六", []string{"!证人 王五", "!证人 李六"}},
		{"witnesses after 有", "证人有王五和李六。", []string{"!证人 王五", "!证人 李六"}},
		{"a link and a colon", "证人分别为：于洋、李六", []string{"!证人 于洋", "!证人 李六"}},
		// A whistleblower's name before the report.
		{"经 … 举报", "经李四举报，", []string{"!举报 李四"}},
		{"由 … 实名举报", "由刘大壮实名举报", []string{"!实名举报 刘大壮"}},
		{"接到 … 的举报", "接到王五的举报后", []string{"!举报 王五"}},
		{"据 … 反映", "据赵六反映，", []string{"!反映 赵六"}},
		{"检举 and 控告", "经欧阳明远检举，由钱八控告", []string{"!检举 欧阳明远", "!控告 钱八"}},
		{"实名举报 at the start of the text", "刘大壮实名举报称", []string{"!实名举报 刘大壮"}},
		{"实名举报 at the start of a clause", "2024年3月，刘大壮实名举报", []string{"!实名举报 刘大壮"}},
		{"whoever reports after a cue", "村民张三实名举报", []string{"!村民 张三"}},
		{"a post who reports", "会计李明举报", []string{"!会计 李明"}},
		// A witness's list goes on after a comma to a name a list's word ends.
		{"witnesses after a comma", "证人孙小红，李小四证实了上述情况", []string{"!证人 孙小红", "!证人 李小四"}},
		{"witnesses after commas", "证人孙小红,李小四，王五等证实", []string{"!证人 孙小红", "!证人 李小四", "!证人 王五"}},
		{"a comma, then 、", "证人孙小红，李小四、王五证实", []string{"!证人 孙小红", "!证人 李小四", "!证人 王五"}},
		// Further posts and relatives.
		{"contact", "联系人王五，电话", []string{"联系人 王五"}},
		{"driver", "驾驶员李明驾驶公车", []string{"驾驶员 李明"}},
		{"chauffeur", "司机赵六在", []string{"司机 赵六"}},
		{"committee member", "村两委委员孙七违规", []string{"村两委委员 孙七"}},
		{"member", "纪委委员周十未按", []string{"委员 周十"}},
		{"self-employed", "个体户吴九经营", []string{"个体户 吴九"}},
		{"boss", "老板郑一", []string{"老板 郑一"}},
		{"finance staff", "财务人员冯二挪用", []string{"财务人员 冯二"}},
		{"assistant to the mayor", "镇长助理陈三负责", []string{"镇长助理 陈三"}},
		{"his wife", "其妻子刘小花收受", []string{"妻子 刘小花"}},
		{"his wife, short", "其妻刘小花在", []string{"其妻 刘小花"}},
		{"husband", "丈夫王五名下", []string{"丈夫 王五"}},
		{"son", "其儿子王小明违规享受", []string{"儿子 王小明"}},
		{"daughter", "女儿李丽。", []string{"女儿 李丽"}},
		{"relative", "亲属张三冒领", []string{"亲属 张三"}},
		{"chaired by", "会议由王五主持", []string{"主持 王五"}},
		{"so many persons", "对张三等3人给予处分", []string{"等 张三"}},
		{"so many named, listed", "张三、李小四等5名干部", []string{"等 张三", "等 李小四"}},
		{"so many, in words", "给予王小明等三人", []string{"等 王小明"}},
		{"so many after 经查", "经查王五等人", []string{"等 王五"}},
		// Read back from 同志, a word that ends in a surname comes before
		// the name.
		{"学习雷锋同志", "我们要学习雷锋同志", []string{"同志 雷锋"}},
		{"学习焦裕禄同志", "学习焦裕禄同志", []string{"同志 焦裕禄"}},
		{"祝贺 before the name", "祝贺王五同志", []string{"同志 王五"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := suspectList(Suspects(tc.text)); !slices.Equal(got, tc.want) {
				t.Errorf("Suspects(%q) = %q, want %q", tc.text, got, tc.want)
			}
		})
	}
}

func TestSuspectsLeavesWordsThatAreNoNames(t *testing.T) {
	for _, text := range []string{
		"举报人反映的问题属实",
		"证人证实，证人证言",
		"同志们，大家好",
		"张某同志",
		"欧阳某某同志",
		"某某",
		"经群众反映人张某某反映",
		"举报人王某某称",
		"证人李××",
		"刘家村",
		"王平镇",
		"全体同志",
		"党员同志",
		"开展党的群众路线教育实践活动",
		"村民安居乐业",
		"村民代表大会",
		"党员李贵福父女",
		"加强干部管理，规范干部任用",
		"确保广大党员干部职工内化于心",
		"关心纪检监察干部成长",
		"使领导干部应追究的责任",
		"组长单位",
		"书记高度重视，主任常抓不懈",
		"书记马上就办",
		"会计师事务所",
		"证人于是离开",
		"证人向纪委反映",
		"知情人士透露",
		"镇长及纪委书记，镇长、副镇长",
		"镇长王在会上",
		"村主任曾经担任会计，村主任曾任出纳，干部曾向组织说明",
		// Links that are no link, and readings that go on.
		"举报人为了",
		"证人有关情况属实。",
		"证人有关情况。",
		"证人有何异议",
		"举报人是否属实",
		"举报人系统",
		"举报人为刘家村村民",
		"举报人（实名）",
		"举报人（匿名）反映",
		// Reports with no name before them.
		"经调查反映",
		"经查实名举报",
		"据群众反映",
		"经群众实名举报，",
		"接到群众的举报",
		"经县纪委常委会研究",
		"经纪委举报",
		"由于举报人",
		"由此反映出",
		"据了解，根据有关规定",
		"由林草局实名举报",
		"党员实名举报",
		// A witness's list ends at a comma unless a list's word ends the
		// next name.
		"证人，王五证实",
		"证人王某，男，汉族",
		"证人王某，严重违反",
		"证人王某，任村会计。",
		"证人王某，张书记等证实",
		// Further cues before words.
		"联系人电话",
		"驾驶员管理，驾驶员安全",
		"司机班长",
		"委员会委员",
		"个体户经营",
		"老板娘",
		"财务人员管理制度，财务人员应当",
		"亲属申请低保",
		"亲属关系，亲属任职",
		"亲属易地搬迁",
		"其妻子经营超市",
		"儿子结婚",
		"由党委书记主持",
		"由林草局主持",
		"由主要领导主持",
		"经常实名举报",
		"帮助理解政策，经理解释",
		"对相关责任人等3人",
		"工程师等3人",
		"党员等5人",
		"申请人等3人",
		"驾驶员、司机等3人",
		"班子成员等5人",
		"县林草局等3家单位",
		"王某等3人",
	} {
		if got := Suspects(text); len(got) > 0 {
			t.Errorf("Suspects(%q) = %q, want none", text, suspectList(got))
		}
	}
}

// Principle 3: what a reader sees is read, and offsets are the source's.
func TestSuspectsReadsTheTextAReaderSees(t *testing.T) {
	tests := []struct {
		name, text, source string // source: the bytes the suspect spans
	}{
		{"character references", "证人&#29579;&#20116;证实", "&#29579;&#20116;"},
		{"a no-break space inside", "证人王&nbsp;五证实", "王&nbsp;五"},
		{"a line break inside", "经王小\n明同志核实", "王小\n明"},
		{"a zero-width space in the cue", "证\u200b人王五", "王五"},
		{"full-width colon and space", "证人：　王五", "王五"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Suspects(tc.text)
			if len(got) != 1 {
				t.Fatalf("Suspects(%q) = %q, want one", tc.text, suspectList(got))
			}
			if s := got[0]; tc.text[s.Start:s.End] != tc.source {
				t.Errorf("the suspect spans %q, want %q", tc.text[s.Start:s.End], tc.source)
			}
		})
	}
}

func TestSuspectMaskedNeverNamesIt(t *testing.T) {
	tests := []struct{ text, want string }{
		{"证人李四证实", "证人李某（2 个字）"},
		{"王小明同志", "王某同志（3 个字）"},
		{"副局长欧阳志远在任", "副局长欧阳某（4 个字）"},
		{"买买提·艾力同志", "买某同志（5 个字）"},
		{"经李四举报", "李某举报（2 个字）"},
		{"由刘大壮实名举报", "刘某实名举报（3 个字）"},
		{"张三等3人", "张某等（2 个字）"},
		{"会议由王五主持", "王某主持（2 个字）"},
	}
	for _, tc := range tests {
		got := Suspects(tc.text)
		if len(got) != 1 {
			t.Fatalf("Suspects(%q) = %q, want one", tc.text, suspectList(got))
		}
		if m := got[0].Masked(); m != tc.want {
			t.Errorf("Masked() of %q = %q, want %q", tc.text, m, tc.want)
		}
	}
}

func TestClearDropsNamesInsideATerm(t *testing.T) {
	text := "感谢王平镇同志的大力支持。管委会主任江北新区调研。镇长王小明主持。"
	if got := suspectList(Suspects(text)); !slices.Equal(got, []string{"同志 王平镇", "主任 江北新", "镇长 王小明"}) {
		t.Fatalf("without terms: %q", got)
	}
	c := NewClear([]string{"王平镇"}, []string{"江北新区", ""})
	if got := suspectList(c.Suspects(text)); !slices.Equal(got, []string{"镇长 王小明"}) {
		t.Errorf("with 王平镇 and 江北新区 clear: %q, want only 王小明", got)
	}
	// A term covers a name only where it occurs around it.
	if got := NewClear([]string{"王小明路"}).Suspects(text); len(got) != 3 {
		t.Errorf("a term that does not occur cleared a name: %q", suspectList(got))
	}
	var none *Clear
	if got := none.Suspects(text); len(got) != 3 {
		t.Errorf("a nil Clear dropped suspects: %q", suspectList(got))
	}
}

// A name read back from 同志 is guessed from its end: a term holding its
// last two characters clears it, whatever character the reading took
// before them (模范雷锋同志 reads 范雷锋).
func TestClearHoldsTheEndOfANameReadBackwards(t *testing.T) {
	text := "学习雷锋同志，做模范雷锋同志。学习焦裕禄同志。镇长王小明主持。"
	if got := suspectList(Suspects(text)); !slices.Equal(got, []string{"同志 雷锋", "同志 范雷锋", "同志 焦裕禄", "镇长 王小明"}) {
		t.Fatalf("without terms: %q", got)
	}
	if got := suspectList(NewClear([]string{"雷锋"}).Suspects(text)); !slices.Equal(got, []string{"同志 焦裕禄", "镇长 王小明"}) {
		t.Errorf("with 雷锋 clear: %q, want 焦裕禄 and 王小明", got)
	}
	if got := suspectList(NewClear([]string{"雷锋", "焦裕禄"}).Suspects(text)); !slices.Equal(got, []string{"镇长 王小明"}) {
		t.Errorf("with 雷锋 and 焦裕禄 clear: %q, want only 王小明", got)
	}
	// After a cue the name is read from its start: a term holding only
	// its end clears nothing.
	if got := NewClear([]string{"小明"}).Suspects("镇长王小明主持"); len(got) != 1 {
		t.Errorf("a term holding the end of a name read forwards cleared it: %q", suspectList(got))
	}
	// A known name at the end is known (Has holds it).
	if !NewKnown([]string{"雷锋"}).Has("范雷锋") {
		t.Error("a known name at the end of a reading is not known")
	}
}

func TestKnownAllowsForAGuessedExtent(t *testing.T) {
	k := NewKnown([]string{"王五", "欧阳明远", "张 三", "李"}, nil)
	tests := []struct {
		name string
		want bool
	}{
		{"王五", true},
		{"王五主", true}, // 镇长王五主持: the end is a guess
		{"谢王五", true}, // 感谢王五同志, read from the end
		{"欧阳明", true}, // part of a known name
		{"张三", true},  // spaces in the register are no part of a name
		{"王六", false},
		{"李明", false}, // one-character names are dropped
	}
	for _, tc := range tests {
		if got := k.Has(tc.name); got != tc.want {
			t.Errorf("Has(%q) = %v, want %v", tc.name, got, tc.want)
		}
	}
	var none *Known
	if none.Has("王五") {
		t.Error("a nil Known knows a name")
	}
}

func TestSingleSurnamesAreDistinctHanCharacters(t *testing.T) {
	seen := map[rune]bool{}
	for _, r := range singleSurnames {
		if seen[r] || !isHan(r) {
			t.Errorf("surname %q is repeated or not a Han character", r)
		}
		seen[r] = true
	}
	if n := len(seen); n < 290 || n > 310 {
		t.Errorf("%d single surnames, want about 300", n)
	}
	// A character that ends every name it follows (的, 在 …) starts one
	// only behind a colon, but 曾, which is common both ways: words of
	// 曾 (曾经, 曾任 …) are common words instead.
	for r := range seen {
		if endFirst[r] && !functionSurnames[r] && r != '曾' {
			t.Errorf("surname %q is also a word that ends a name: make it a function surname", r)
		}
	}
}

func TestCueWordsAreConsistent(t *testing.T) {
	for c := range cues {
		if n := utf8.RuneCountInString(c); n < 2 || n > longestCue {
			t.Errorf("cue %q has %d characters; longestCue is %d", c, n, longestCue)
		}
	}
	for w := range commonWords {
		if r, _ := utf8.DecodeRuneInString(w); !isSingleSurname(r) {
			t.Errorf("common word %q does not start with a surname: it is never tried", w)
		}
	}
	for _, w := range notCues {
		if Suspects(w+"张三") != nil {
			t.Errorf("%q followed by a name reads as a cue", w)
		}
	}
}
