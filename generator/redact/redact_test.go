package redact

import (
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

// withCheck appends the ISO 7064 MOD 11-2 check character to 17 digits,
// worked the way GB 11643 states it, independently of idAt.
func withCheck(first17 string) string {
	weights := []int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i, c := range first17 {
		sum += int(c-'0') * weights[i]
	}
	return first17 + string("10X98765432"[sum%11])
}

// wrongCheck gives the same 17 digits with a check character that fails.
func wrongCheck(first17 string) string {
	good := withCheck(first17)
	if good[17] == '0' {
		return first17 + "1"
	}
	return first17 + "0"
}

// fullWidth writes ASCII digits and letters in their full-width forms.
func fullWidth(s string) string {
	return strings.Map(func(c rune) rune {
		if c > ' ' && c < 0x7f {
			return c + 0xfee0
		}
		return c
	}, s)
}

func TestWithCheckMatchesAKnownID(t *testing.T) {
	// 11010519491231002X is the sample number of GB 11643-1999: the
	// weighted sum of its 17 digits is 167, 167 mod 11 = 2, and 2 maps to X.
	if got := withCheck("11010519491231002"); got != "11010519491231002X" {
		t.Fatalf("withCheck = %s, want 11010519491231002X", got)
	}
}

func TestName(t *testing.T) {
	twice := Policy{Mask: "某某"}
	tests := []struct {
		name   string
		policy Policy
		in     string
		want   string
	}{
		{"single surname, default mask", Policy{}, "张三", "张某"},
		{"three characters", Policy{}, "王小平", "王某"},
		{"compound surname", Policy{}, "欧阳修", "欧阳某"},
		{"compound surname, four characters", Policy{}, "司马相如", "司马某"},
		{"two characters starting with a compound surname: single surname", Policy{}, "欧阳", "欧某"},
		{"mask 某某", twice, "张三", "张某某"},
		{"mask 某某, compound surname", twice, "欧阳修", "欧阳某某"},
		{"mask 某某, two characters starting with a compound surname", twice, "欧阳", "欧某某"},
		{"middle dot: first character only", Policy{}, "买买提·艾力", "买某"},
		{"spaces inside the name are dropped", Policy{}, "张　三", "张某"},
		{"extra compound surname", Policy{CompoundSurnames: []string{"范姜"}}, "范姜明", "范姜某"},
		{"not listed: single surname", Policy{}, "范姜明", "范某"},
		{"empty", Policy{}, "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := New(Options{Policy: tc.policy}).Name(tc.in); got != tc.want {
				t.Errorf("Name(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestNameOfHiddenPersonHasNoSurname(t *testing.T) {
	r := New(Options{Names: []string{"李四"}, Hidden: []string{"李四"}})
	if got := r.Name("李四"); got != "某某" {
		t.Errorf("Name(李四) = %q, want 某某", got)
	}
}

func TestNameOfNilRedactorUsesDefaultPolicy(t *testing.T) {
	var r *Redactor
	if got := r.Name("欧阳修"); got != "欧阳某" {
		t.Errorf("nil Redactor: Name(欧阳修) = %q, want 欧阳某", got)
	}
	if got := (&Redactor{}).Name("欧阳修"); got != "欧阳某" {
		t.Errorf("zero Redactor: Name(欧阳修) = %q, want 欧阳某", got)
	}
}

func TestDefaultCompoundSurnames(t *testing.T) {
	l := DefaultCompoundSurnames()
	if n := len(l); n < 60 || n > 80 {
		t.Errorf("%d compound surnames, want 60 to 80", n)
	}
	if !slices.IsSorted(l) {
		t.Error("not sorted")
	}
	if len(slices.Compact(slices.Clone(l))) != len(l) {
		t.Error("duplicates")
	}
	for _, s := range l {
		if utf8.RuneCountInString(s) != 2 {
			t.Errorf("%q is not two characters", s)
		}
	}
	for _, s := range []string{"欧阳", "司马", "诸葛", "上官", "万俟", "拓跋", "尉迟", "澹台"} {
		if !slices.Contains(l, s) {
			t.Errorf("%s missing", s)
		}
	}
	l[0] = "张"
	if DefaultCompoundSurnames()[0] == "张" {
		t.Error("the result is not a copy")
	}
}

func TestText(t *testing.T) {
	persons := Options{
		Names:  []string{"张三", "欧阳修", "王平", "买买提·艾力", "王"},
		Hidden: []string{"李四"},
		Public: []string{"王平镇"},
	}
	twice := persons
	twice.Policy = Policy{Mask: "某某"}
	patterns := Options{Patterns: true}
	id := "11010519491231002X"
	id2 := withCheck("32010219800101123")
	tests := []struct {
		name string
		o    Options
		in   string
		want string
	}{
		{"name in facts", persons,
			"经查，张三在任清河镇党委书记期间，对张三所在单位问题失察。",
			"经查，张某在任清河镇党委书记期间，对张某所在单位问题失察。"},
		{"policy default is 某", Options{Names: []string{"张三"}}, "张三", "张某"},
		{"compound surname", persons, "欧阳修未履行主体责任", "欧阳某未履行主体责任"},
		{"compound surname, mask 某某", twice, "欧阳修、张三", "欧阳某某、张某某"},
		{"longer name wins at the same position",
			Options{Names: []string{"欧阳", "欧阳修"}}, "欧阳修与欧阳", "欧阳某与欧某"},
		{"split by an ASCII space", persons, "张 三同志", "张某同志"},
		{"split by a tab", persons, "张\t三", "张某"},
		{"split by a full-width space", persons, "张　三", "张某"},
		{"split by several separators", persons, "欧 阳　修", "欧阳某"},
		{"split by a line break in Markdown source", persons, "对张\n三进行诫勉谈话", "对张某进行诫勉谈话"},
		{"spaces around the name are kept", persons, "由 张三 负责", "由 张某 负责"},
		{"Markdown link text and percent-encoded destination", persons,
			"[张三的处分决定](files/%E5%BC%A0%E4%B8%89.pdf)",
			"[张某的处分决定](files/%E5%BC%A0%E6%9F%90.pdf)"},
		{"percent-encoded in lower case", persons,
			"files/%e5%bc%a0%e4%b8%89.pdf", "files/%e5%bc%a0%e6%9f%90.pdf"},
		{"Markdown image alt text", persons,
			"![张三在会上发言](img/meeting.jpg)", "![张某在会上发言](img/meeting.jpg)"},
		{"decimal character references", persons,
			"&#24352;&#19977;", "张某"},
		{"hex character references, lower case", persons,
			"<p>&#x5f20;&#x4e09;</p>", "<p>张某</p>"},
		{"hex character references, upper case", persons,
			"&#X5F20;&#X4E09;", "张某"},
		{"named references for spaces", persons, "张&nbsp;三、张&ensp;三", "张某、张某"},
		{"Unicode spaces and format characters", persons,
			"张\u2009三、张\u200b三、张\u2060三、张\ufeff三、张\u00ad三、张\u3164三、张\u202f三", "张某、张某、张某、张某、张某、张某、张某"},
		{"traditional form", persons, "張三、歐陽修", "张某、欧阳某"},
		{"written right to left", persons, "经查，\u202e三张\u202c对此", "经查，张某对此"},
		{"a number right to left", Options{Patterns: true}, "手机\u202e87654321831\u202c。", "手机***********。"},
		{"Kangxi radical look-alike", Options{Names: []string{"王一"}}, "王\u2f00", "王某"},
		{"middle dot left out", persons, "买买提艾力", "买某"},
		{"middle dot as a full stop or a hyphen", persons, "买买提.艾力、买买提-艾力、买买提・艾力", "买某、买某、买某"},
		{"a name in a town's name kept, traditional", persons, "王平鎮黨委", "王平鎮黨委"},
		{"public term kept", persons, "王平镇党委", "王平镇党委"},
		{"person next to a public term masked", persons, "镇长王平", "镇长王某"},
		{"both in one sentence", persons, "王平镇镇长王平", "王平镇镇长王某"},
		{"a person before a post that starts like a town", persons, "城关镇王平镇长对分管领域", "城关镇王某镇长对分管领域"},
		{"one-character name ignored", persons, "王家村", "王家村"},
		{"whistleblower hidden", persons, "经群众李四实名举报", "经群众某某实名举报"},
		{"whistleblower in a percent-encoded link", persons,
			"files/%E6%9D%8E%E5%9B%9B.pdf", "files/%E6%9F%90%E6%9F%90.pdf"},
		{"hidden wins over names", Options{Names: []string{"李四"}, Hidden: []string{"李四"}},
			"证人李四", "证人某某"},
		{"hidden is 某某 whatever the mask", twice, "李四", "某某"},
		{"middle dot in any form", persons, "买买提·艾力、买买提•艾力", "买某、买某"},

		{"valid ID", patterns, "身份证号" + id + "。", "身份证号******************。"},
		{"valid ID, lower-case x", patterns, "11010519491231002x", "******************"},
		{"valid ID with a digit check", patterns, id2, "******************"},
		{"wrong check digit: still an ID", patterns,
			"身份证号" + wrongCheck("32010219800101123"), "身份证号******************"},
		{"15-digit ID", patterns, "身份证号320102800101123。", "身份证号******************。"},
		{"ID in groups", patterns, "身份证 320102 19800101 1238", "身份证 ******************"},
		{"ID in hyphenated groups", patterns, "320102-19800101-123x", "******************"},
		{"bank card in groups of 4", patterns, "卡号 6222 0212 3456 7890 123", "卡号 ****************"},
		{"bank card of 16 digits", patterns, "卡号6222021234567890", "卡号****************"},
		{"landline with area code", patterns, "电话0914-2321234、029 88886666", "电话****-*******、****-*******"},
		{"landline in brackets", patterns, "电话（0914）2321234", "电话****-*******"},
		{"a date is no number", patterns, "2024-05-06", "2024-05-06"},
		{"a hex digest is no number", patterns, "sha256-a1234567890123456789b", "sha256-a1234567890123456789b"},
		{"a mobile followed by a year", patterns, "电话 138 1234 5678 2024年", "电话 *********** 2024年"},
		{"full-width ID", patterns, "证件：" + fullWidth(id), "证件：******************"},
		{"19 digits starting 9: no card", patterns, "9" + id2, "9" + id2},
		{"19 digits starting 6: a card", patterns, "6" + id2, "****************"},
		{"a longer digit run kept", patterns, "99" + id2, "99" + id2},
		{"patterns off", persons, id + " 13812345678", id + " 13812345678"},
		{"mobile", patterns, "联系电话：13812345678。", "联系电话：***********。"},
		{"mobile with spaces", patterns, "电话 138 1234 5678", "电话 ***********"},
		{"mobile with hyphens", patterns, "电话138-1234-5678。", "电话***********。"},
		{"full-width mobile", patterns, fullWidth("13812345678"), "***********"},
		{"not a mobile prefix", patterns, "12812345678", "12812345678"},
		{"16 digits starting 2: no card", patterns, "2024138123456789", "2024138123456789"},
		{"a row of years is no card", patterns, "评估年度：2021 2022 2023 2024", "评估年度：2021 2022 2023 2024"},
		{"a project number is no card", patterns, "项目编号2024-0001-0002-0003", "项目编号2024-0001-0002-0003"},
		{"dates with dots and slashes", patterns, "2024.05.06、2024/05/06", "2024.05.06、2024/05/06"},
		{"a version and a page range", patterns, "6.1.0，第12-34页", "6.1.0，第12-34页"},
		{"a mobile with dots", patterns, "手机139.1234.5678", "手机***********"},
		{"a mobile with en dashes", patterns, "手机139–1234–5678", "手机***********"},
		{"a mobile grouped 4-3-4", patterns, "手机1391-234-5678", "手机***********"},
		{"a mobile grouped 3-8 and 5-6", patterns, "138-12345678、13812 345678", "***********、***********"},
		{"a mobile with slashes", patterns, "138/1234/5678", "***********"},
		{"a mobile after letters", patterns, "微信wx13812345678", "微信wx***********"},
		{"a landline with an em dash", patterns, "0914—2321234、0914 - 2321234", "****-*******、****-*******"},
		{"an ID with dots", patterns, "110105.19800101.1238", "******************"},
		{"an ID in groups of three", patterns, "110 105 198 001 011 238", "******************"},
		{"an ID grouped 10-8", patterns, "1101051980 01011238", "******************"},
		{"a card grouped 6-13", patterns, "622202 1234567890123", "****************"},
		{"mobile inside a run of 20 digits kept", patterns, "20241381234567891234", "20241381234567891234"},
		{"a number with line breaks between its groups", patterns, "110105\n19800101\n1238", "******************"},
		{"an address with the asterisks of emphasis", patterns, "zhan**gsan**@example.com。", "***@***。"},
		{"a mobile before an e-mail", patterns, "手机 13800138000，邮箱 a@example.com", "手机 ***********，邮箱 ***@***"},
		{"e-mail with a full-width at", patterns, "zhangsan＠example.com", "***@***"},
		{"e-mail split by a zero-width space", patterns, "zhang\u200bsan@example.com", "***@***"},
		{"e-mail", patterns, "举报邮箱：zhang.san@example.com。", "举报邮箱：***@***。"},
		{"e-mail in a mailto link", patterns,
			"[写信](mailto:qh_jw+2024@mail.qh.gov.cn)", "[写信](mailto:***@***)"},
		{"a mention is not an e-mail", patterns, "@清河县纪委", "@清河县纪委"},

		{"literal landline", Options{Literals: []string{"0914-2345678"}},
			"办公电话0914-2345678", "办公电话****-*******"},
		{"literal ID without patterns", Options{Literals: []string{id}},
			"身份证" + id, "身份证******************"},
		{"literal mobile given with hyphens, found without", Options{Literals: []string{"138-1234-5678"}},
			"13812345678", "***********"},
		{"empty options", Options{}, "张三 " + id, "张三 " + id},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := New(tc.o).Text(tc.in); got != tc.want {
				t.Errorf("Text(%q)\n got %q\nwant %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestTextUnchangedDoesNotAllocate(t *testing.T) {
	full := New(Options{Names: []string{"张三"}, Public: []string{"王平镇"}, Patterns: true})
	for _, tc := range []struct {
		name string
		r    *Redactor
	}{
		{"empty options", New(Options{})},
		{"nothing to mask", full},
	} {
		s := "清河县2024年度党风廉政建设责任制考核结果：王平镇 92.50 分，见 results.csv。"
		if n := testing.AllocsPerRun(100, func() { tc.r.Text(s) }); n != 0 {
			t.Errorf("%s: %v allocations", tc.name, n)
		}
	}
}

func TestTextConcurrent(t *testing.T) {
	r := New(Options{Names: []string{"张三", "欧阳修"}, Public: []string{"王平镇"}, Patterns: true})
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 100 {
				if got := r.Text("欧阳修和张三 13812345678"); got != "欧阳某和张某 ***********" {
					t.Errorf("got %q", got)
					return
				}
			}
		})
	}
	wg.Wait()
}

func FuzzText(f *testing.F) {
	for _, s := range []string{"张三", "张 三", "%E5%BC%A0%E4%B8%89", "&#24352;&#19977;", "欧阳修",
		"11010519491231002X", "138-1234-5678", "a@b.cn", "&#", "%E5%", "张\xff三"} {
		f.Add(s)
	}
	r := New(Options{Names: []string{"张三", "欧阳修"}, Patterns: true})
	f.Fuzz(func(t *testing.T, s string) {
		got := r.Text(s)
		for _, name := range []string{"张三", "欧阳修"} {
			if strings.Contains(got, name) {
				t.Errorf("Text(%q) = %q still shows %s", s, got, name)
			}
		}
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Errorf("Text(%q) = %q is not valid UTF-8", s, got)
		}
	})
}

// benchRedactor has 300 names and 50 public terms, about a county's notices.
func benchRedactor() *Redactor {
	var o Options
	for _, s := range "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨" {
		for _, g := range "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚" {
			o.Names = append(o.Names, string(s)+string(g)+"华")
		}
	}
	o.Names = o.Names[:300]
	for _, g := range "东西南北中上下前后左" {
		for _, k := range []string{"镇", "乡", "街道办", "村", "社区"} {
			o.Public = append(o.Public, "清河"+string(g)+k)
		}
	}
	o.Patterns = true
	return New(o)
}

const benchText = `经查，2023年1月至2024年6月，清河东镇党委书记赵伟华对本镇落实中央八项规定精神监督检查不力，
对下属单位违规发放津贴补贴问题失察，负有主要领导责任。清河西乡乡长钱芳华对分管领域的问题未及时发现和纠正。
根据《中国共产党问责条例》，经县纪委常委会研究，决定给予赵伟华诫勉谈话，责令钱芳华作出书面检查。
联系电话 0914-2345678，举报邮箱 jubao@qh.gov.cn。`

func BenchmarkText(b *testing.B) {
	r := benchRedactor()
	s := strings.Repeat(benchText, 4)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		r.Text(s)
	}
}

func BenchmarkTextNothingToMask(b *testing.B) {
	r := benchRedactor()
	s := strings.Repeat("清河县2024年度党风廉政建设责任制考核结果，清河东镇 92.50 分。", 20)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		r.Text(s)
	}
}

func BenchmarkNew(b *testing.B) {
	for b.Loop() {
		benchRedactor()
	}
}
