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
