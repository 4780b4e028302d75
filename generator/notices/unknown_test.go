package notices_test

import (
	"strings"
	"testing"

	"dutyreport/generator/config"
	"dutyreport/generator/content"
	"dutyreport/generator/ingest"
	"dutyreport/generator/notices"
	"dutyreport/generator/problem"
	"dutyreport/generator/sitetest"
)

// unknownSite is the test site with 二镇 renamed 王平镇 (a town named like
// a person), site.yaml's redaction keys, and files added.
func unknownSite(t *testing.T, redaction, files string) problem.List {
	t.Helper()
	s := strings.Replace(site, "scheme: scheme.yaml\n", "scheme: scheme.yaml\n"+redaction, 1)
	s = strings.Replace(s, "T02	二镇	镇", "T02	王平镇	镇", 1)
	dir := t.TempDir()
	if err := sitetest.WriteSite(dir, s+shangnanCases(t)+files); err != nil {
		t.Fatal(err)
	}
	cfg, probs := config.Load(dir)
	if probs.HasErrors() {
		t.Fatal(probs)
	}
	data, probs := ingest.Read(cfg)
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	cont, probs := content.Read(dir)
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	n, probs := notices.Build(cfg, data, cont)
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	return notices.Unknown(cfg, data, cont, n)
}

// unknownFiles name persons known and unknown in every kind of text: 张三
// is held accountable, 李四 the whistleblower and 王五 the witness of case
// N1; 钱八 is in redaction.names. 赵六, 孙七, 周十, 吴九 and 王小明 are in
// no register.
const unknownFiles = `
-- data/2024/责任追究台账.xlsx.tsv --
案件编号	单位编码	决定日期	问责对象类别	姓名	职务	处理方式	事实摘要	身份证号	联系电话	举报人	证人
N1	T01	#date:2024-03-01		张三	镇长	诫勉谈话	经李四举报，证人王五证实，镇长张三违规发放津贴，村民赵六反映属实，证人孙七在场。			李四	王五
N2	T02	#date:2024-04-01		钱八	副镇长	诫勉谈话	副镇长钱八同志履职不力。
-- content/notices/n1.md --
---
number: N1
title: 关于镇长张三违规发放津贴问题的通报
---
经查，举报人李四反映的问题属实。

证人周十证实，会计吴九参与。
-- content/about.md --
---
title: 关于本站
---
# 关于本站

感谢王平镇同志、钱八同志和王小明同志的支持。
管委会主任江北新区调研。
证人王五、证人李四：本站不公开。
`

// Issue 19, part 4: a probable name no register knows is reported at its
// file and line or cell, masked; a whistleblower's or witness's cue must
// name one the case lists.
func TestUnknownNamesAreReportedWhereTheyAre(t *testing.T) {
	probs := unknownSite(t, "redaction: {names: [钱八], allow: [江北新区]}\n", unknownFiles)
	var got []string
	for _, p := range probs {
		got = append(got, p.Pos.String()+" "+string(p.Code)+" "+p.Found)
		if p.Severity != problem.Error {
			t.Errorf("%s is a warning; the check and the public build stop on it", p.Code)
		}
	}
	want := []string{
		// The about page: 王平镇 is a town, 钱八 listed, 李四 and 王五 some
		// case's; 王小明 is no one's.
		"content/about.md:6 privacy.unknown-name 王某同志（3 个字）",
		// The notice: 周十 is not a witness of N1; 吴九 is in no register.
		"content/notices/n1.md:7 privacy.unknown-name 会计吴某（2 个字）",
		"content/notices/n1.md:7 privacy.unlisted-whistleblower 证人周某（2 个字）",
		// The register's facts: at the case's row.
		"data/2024/责任追究台账.xlsx!Sheet1!A2 privacy.unknown-name 事实摘要：村民赵某（2 个字）",
		"data/2024/责任追究台账.xlsx!Sheet1!A2 privacy.unlisted-whistleblower 事实摘要：证人孙某（2 个字）",
	}
	expectList(t, "problems", got, want)
	for _, p := range probs {
		for _, name := range []string{"王小明", "周十", "吴九", "赵六", "孙七"} {
			if strings.Contains(p.Error(), name) {
				t.Errorf("a message names %s: %s", name, p.Error())
			}
		}
	}
}

func TestUnknownNamesListedOrAllowedPass(t *testing.T) {
	files := `
-- content/about.md --
# 关于本站

感谢王小明同志。
管委会主任江北新区调研。
`
	expectProblems(t, unknownSite(t, "", files),
		"content/about.md:3 privacy.unknown-name",
		"content/about.md:4 privacy.unknown-name")
	// Listed as a person (masked) or as no person (shown whole): known.
	expectProblems(t, unknownSite(t, "redaction: {names: [王小明], allow: [江北新区]}\n", files))
	expectProblems(t, unknownSite(t, "redaction: {allow: [王小明, 江北新区]}\n", files))
}

// A whistleblower's name the case does not list is refused even when some
// other register knows the name: only the listed ones are removed in
// every audience. A page may name any case's.
func TestWhistleblowerMustBeTheCases(t *testing.T) {
	files := header(2024) + `N1	T01	#date:2024-03-01		张三	镇长	诫勉谈话	证人张三证实。			李四	王五
N2	T01	#date:2024-03-02		赵六	镇长	诫勉谈话	证人王五证实。
-- content/about.md --
举报人李四。
`
	expectProblems(t, unknownSite(t, "", files),
		"data/2024/责任追究台账.xlsx!Sheet1!A2 privacy.unlisted-whistleblower",
		"data/2024/责任追究台账.xlsx!Sheet1!A3 privacy.unlisted-whistleblower")
}

func TestForAudienceWarnsOnlyTheDashboard(t *testing.T) {
	l := problem.List{{Code: problem.PrivacyUnknownName}, {Code: problem.PrivacyUnlistedWhistleblower}}
	if got := notices.ForAudience(append(problem.List(nil), l...), config.Public); !got.HasErrors() || got[0].Severity != problem.Error {
		t.Errorf("public: an unknown name must stay an error: %+v", got)
	}
	got := notices.ForAudience(append(problem.List(nil), l...), config.Internal)
	if got[0].Severity != problem.Warning || got[1].Severity != problem.Error {
		t.Errorf("internal: want the unknown name a warning and the whistleblower an error: %+v", got)
	}
}

// A name split by emphasis is one name on the page, so it is one to the
// check too, found at the line it is on.
func TestUnknownNamesAreReadAsTheReaderSeesThem(t *testing.T) {
	files := header(2024) + `N1	T01	#date:2024-03-01		张三	镇长	诫勉谈话	经查属实。
-- content/about.md --
# 关于

经核实，证人王**五**
证实了有关情况；举报人**钱**&#x4e03;也反映了。
`
	expectProblems(t, unknownSite(t, "", files),
		"content/about.md:3 privacy.unlisted-whistleblower",
		"content/about.md:4 privacy.unlisted-whistleblower")
}

// Whistleblowers and witnesses past the first cues: behind a link word or
// a bracket (举报人为, 举报人（）), before the report (经李四举报, 由 …
// 实名举报, 接到 … 的举报, 据 … 反映), at a clause's start, and in a list
// after a comma. The case's listed ones pass; any other stops every
// audience, and no message names it.
func TestWhistleblowersPastTheirCuesMustBeTheCases(t *testing.T) {
	files := header(2024) + `N1	T01	#date:2024-03-01		张三	镇长	诫勉谈话	经李四举报，证人王五证实，镇长张三违规。			李四	王五
N2	T01	#date:2024-03-02		赵六	镇长	诫勉谈话	举报人为钱小二，举报人系李四。			李四
N3	T01	#date:2024-03-03		赵六	镇长	诫勉谈话	举报人（周小五）反映。
N4	T01	#date:2024-03-04		赵六	镇长	诫勉谈话	由刘大壮实名举报，接到孙七的举报后，据孙七反映。			孙七
N5	T01	#date:2024-03-05		赵六	镇长	诫勉谈话	证人孙小红，李小四证实了上述情况。				孙小红
N6	T01	#date:2024-03-06		赵六	镇长	诫勉谈话	2024年3月，刘大壮实名举报。证人分别为吴九、郑一。			刘大壮	吴九、郑一
N7	T01	#date:2024-03-07		赵六	镇长	诫勉谈话	证人有吴九和郑一。
`
	probs := unknownSite(t, "", files)
	var got []string
	for _, p := range probs {
		got = append(got, p.Pos.String()+" "+string(p.Code)+" "+p.Found)
		for _, name := range []string{"钱小二", "周小五", "刘大壮", "李小四", "吴九", "郑一"} {
			if strings.Contains(p.Error(), name) {
				t.Errorf("a message names %s: %s", name, p.Error())
			}
		}
	}
	expectList(t, "problems", got, []string{
		"data/2024/责任追究台账.xlsx!Sheet1!A3 privacy.unlisted-whistleblower 事实摘要：举报人钱某（3 个字）",
		"data/2024/责任追究台账.xlsx!Sheet1!A4 privacy.unlisted-whistleblower 事实摘要：举报人周某（3 个字）",
		"data/2024/责任追究台账.xlsx!Sheet1!A5 privacy.unlisted-whistleblower 事实摘要：刘某实名举报（3 个字）",
		"data/2024/责任追究台账.xlsx!Sheet1!A6 privacy.unlisted-whistleblower 事实摘要：证人李某（3 个字）",
		"data/2024/责任追究台账.xlsx!Sheet1!A8 privacy.unlisted-whistleblower 事实摘要：证人吴某（2 个字）",
		"data/2024/责任追究台账.xlsx!Sheet1!A8 privacy.unlisted-whistleblower 事实摘要：证人郑某（2 个字）",
	})
	for _, p := range probs {
		if p.Severity != problem.Error || notices.ForAudience(problem.List{p}, config.Internal)[0].Severity != problem.Error {
			t.Errorf("%s is not an error in every audience", p.Code)
		}
	}
}

// Names after the further cues are unknown names; ordinary prose around
// the same words is silent.
func TestUnknownNamesAfterFurtherCues(t *testing.T) {
	files := header(2024) + `N1	T01	#date:2024-03-01		张三	镇长	诫勉谈话	镇长张三违规。
-- content/about.md --
# 关于

其妻子刘小花收受礼金。
会议由王五主持，驾驶员李明驾驶公车。
对张三等3人给予处分，对相关责任人等5人进行约谈。
亲属申请低保，亲属易地搬迁，财务人员管理制度不健全。
`
	expectProblems(t, unknownSite(t, "", files),
		"content/about.md:3 privacy.unknown-name",
		"content/about.md:4 privacy.unknown-name",
		"content/about.md:4 privacy.unknown-name")
	// 张三 is held accountable; the others listed in redaction.names.
	expectProblems(t, unknownSite(t, "redaction: {names: [刘小花, 王五, 李明]}\n", files))
}

// 学习雷锋同志: the name read back from 同志 is 雷锋, not 习雷锋, and an
// allowed term at the end of a reading clears it.
func TestAllowClearsAModelWorkerReadBackwards(t *testing.T) {
	files := header(2024) + `N1	T01	#date:2024-03-01		张三	镇长	诫勉谈话	镇长张三违规。
-- content/about.md --
# 关于

我们要学习雷锋同志，做模范雷锋同志。学习焦裕禄同志。
`
	probs := unknownSite(t, "", files)
	var got []string
	for _, p := range probs {
		got = append(got, p.Pos.String()+" "+string(p.Code)+" "+p.Found)
	}
	expectList(t, "problems", got, []string{
		"content/about.md:3 privacy.unknown-name 焦某同志（3 个字）",
		"content/about.md:3 privacy.unknown-name 范某同志（3 个字）",
		"content/about.md:3 privacy.unknown-name 雷某同志（2 个字）",
	})
	expectProblems(t, unknownSite(t, "redaction: {allow: [雷锋]}\n", files), "content/about.md:3 privacy.unknown-name")
	expectProblems(t, unknownSite(t, "redaction: {allow: [雷锋, 焦裕禄]}\n", files))
}
