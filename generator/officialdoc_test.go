package generator

import (
	"path/filepath"
	"strings"
	"testing"

	"dutyreport/generator/problem"
	"dutyreport/generator/sitetest"
)

// docSite is a site of two cases: the first takes site.yaml's notices
// defaults (notices is that block), the second's notice gives its own
// issuer, copies and date of issue (cc is its copies line).
func docSite(t *testing.T, notices, cc string) string {
	t.Helper()
	dir := t.TempDir()
	site := strings.Replace(testSiteHead, "county: 测试县\n", "county: 测试县\n"+notices+"\n", 1) + `  handlings:
    - {id: circulated, name: 通报批评}
-- data/单位名录.xlsx.tsv --
单位编码	单位名称	类别
T01	一镇	镇
T02	二镇	镇
-- data/2024/民主测评.xlsx.tsv --
单位编码	平均分
T01	95
T02	80
-- data/2024/责任追究台账.xlsx.tsv --
案件编号	决定日期	单位编码	姓名	职务	责任形式	处理方式	事实摘要
测纪〔2024〕1号	2024-05-06	T01	张三	镇长	主要领导责任	通报批评	一镇镇长张三违规发放津贴。
测纪〔2024〕2号	2024-07-01	T02	王平	副镇长	直接责任	通报批评	二镇副镇长王平履职不力。
-- content/notices/2.md --
---
number: 测纪〔2024〕2号
title: 关于二镇副镇长王平履职不力问题的通报
issuer: 测试县监察委员会
issued: 2024-07-03
cc: ` + cc + `
---
二镇副镇长王平履职不力。
`
	if err := sitetest.WriteSite(dir, site); err != nil {
		t.Fatal(err)
	}
	return dir
}

const docDefaults = `notices:
  issuer: 中共测试县纪律检查委员会
  to: 各镇党委：
  cc: 市纪委监委
  printer: 测试县纪委办公室`

// TestNoticeIsAnOfficialCircular: a notice is laid out as GB/T 9704 lays
// out a circular, its parts in the standard's order: the issuing office's
// mark, the document number, the title, the recipients, the text, the
// signature, the date of issue, then the copies and the printing office;
// a notice's own issuer, copies and date replace the site's.
func TestNoticeIsAnOfficialCircular(t *testing.T) {
	t.Parallel()
	dir := docSite(t, docDefaults, "县委办公室，县政府办公室。")
	out := filepath.Join(dir, "public")
	if _, probs, err := Build(Options{Source: dir, Out: out}); err != nil || probs.HasErrors() {
		t.Fatal(err, probs)
	}
	inOrder(t, readFile(t, out, "2024/notices/2024-1.html"), `<p class="doc-mark">中共测试县纪律检查委员会文件</p>`,
		`<p class="doc-number">测纪〔2024〕1号</p>`, `class="doc-title"`, `<p class="doc-to">各镇党委：</p>`,
		"一镇镇长张某违规发放津贴。", "<p>中共测试县纪律检查委员会</p>", "2024年5月6日",
		"抄送：市纪委监委。", "<span>测试县纪委办公室</span><span>2024年5月6日印发</span>", "案件信息")
	inOrder(t, readFile(t, out, "2024/notices/2024-2.html"), `<p class="doc-mark">测试县监察委员会文件</p>`,
		"关于二镇副镇长王某履职不力问题的通报", "<p>测试县监察委员会</p>", `<time datetime="2024-07-03">2024年7月3日</time>`,
		"抄送：县委办公室，县政府办公室。", "2024年7月3日印发")

	// Without notices defaults the operator signs; with neither there is
	// no head, and the notice is still dated.
	for _, c := range []struct{ config, mark string }{
		{"footer: {operator: 测试县纪委监委}", "测试县纪委监委文件"}, {"", ""},
	} {
		dir := docSite(t, c.config, "县委办公室")
		out := filepath.Join(dir, "public")
		if _, probs, err := Build(Options{Source: dir, Out: out}); err != nil || probs.HasErrors() {
			t.Fatal(err, probs)
		}
		page := readFile(t, out, "2024/notices/2024-1.html")
		if c.mark == "" {
			if strings.Contains(page, "doc-mark") || strings.Contains(page, "doc-to") {
				t.Errorf("no issuer: the notice has a head or recipients")
			}
			inOrder(t, page, `class="doc-title"`, "2024年5月6日")
			continue
		}
		inOrder(t, page, `<p class="doc-mark">`+c.mark+`</p>`, "<p>测试县纪委监委</p>", "2024年5月6日")
	}
}

// TestNoticeDocumentHidesNoName: the copies line of a notice is a free
// text like its body: a case's person there is masked, and a name nobody
// listed stops the public build at the notice's key.
func TestNoticeDocumentHidesNoName(t *testing.T) {
	t.Parallel()
	dir := docSite(t, docDefaults, "王平同志")
	out := filepath.Join(dir, "public")
	if _, probs, err := Build(Options{Source: dir, Out: out}); err != nil || probs.HasErrors() {
		t.Fatal(err, probs)
	}
	if page := readFile(t, out, "2024/notices/2024-2.html"); !strings.Contains(page, "抄送：王某同志。") {
		t.Errorf("the copies line does not mask 王平")
	}
	dir = docSite(t, docDefaults, "赵六同志")
	_, probs, err := Build(Options{Source: dir, Out: filepath.Join(dir, "public")})
	if err != nil || len(probs) != 1 || probs[0].Code != problem.PrivacyUnknownName || probs[0].Pos.File != "content/notices/2.md" ||
		probs[0].Pos.Line != 6 || strings.Contains(probs[0].Found, "赵六") {
		t.Errorf("an unknown name in a notice's copies: %v %v", err, probs)
	}
}

// inOrder fails unless page holds each of want, one after another.
func inOrder(t *testing.T, page string, want ...string) {
	t.Helper()
	at := 0
	for _, w := range want {
		i := strings.Index(page[at:], w)
		if i < 0 {
			t.Errorf("after %d bytes, the page lacks %q", at, w)
			return
		}
		at += i + len(w)
	}
}
