package generator

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dutyreport/generator/problem"
	"dutyreport/generator/sitetest"
)

// testSiteHead is the site.yaml and the scheme (up to its cases) of the
// privacy tests' sites: one published year of towns.
const testSiteHead = `
-- site.yaml --
title: 测试县责任制考核
county: 测试县
scheme: scheme.yaml
years: [{year: 2024, status: published, published: 2025-03-01}]
-- scheme.yaml --
name: 测试方案
categories: [{id: town, name: 镇}]
components:
  - {id: social, name: 社会评价, kind: evaluation, full: 100}
total: [social]
bands: [{id: good, name: 优秀, min: 90}, {id: fair, name: 一般}]
groups: [{id: towns, name: 镇, categories: [town]}]
cases:
`

// privacySite is an adversarial site: every place a name can hide. 张三 and
// 欧阳明远 are held accountable, 王平 too (in 王平镇, whose name must stay);
// 李四 is a whistleblower and 王五 a witness, named in the facts as clerks do.
const privacySite = testSiteHead + `  restrictions: [{id: no-promotion, name: 不得提拔使用}]
  handlings:
    - {id: circulated, name: 通报批评}
    - {id: admonition, name: 诫勉谈话, effects: [{restriction: no-promotion, months: 6}]}
consequences:
  - {id: case, name: 取消当年评优资格, action: no-commendation, case: {}}
-- data/单位名录.xlsx.tsv --
单位编码	单位名称	类别	备注
T01	一镇	镇	原镇长张三已调离
T02	王平镇	镇
-- data/2024/民主测评.xlsx.tsv --
单位编码	平均分
T01	95
T02	80
-- data/2024/责任追究台账.xlsx.tsv --
案件编号	决定日期	单位编码	姓名	职务	责任形式	处理方式	事实摘要	身份证号	联系电话	举报人	证人
测纪〔2024〕1号	2024-05-06	T01	张三	镇长	主要领导责任	诫勉谈话	经李四举报，证人王五证实，张三（身份证号110105198001011238）与欧阳　明远违规发放津贴。	110105198001011238	13912345678	李四	王五
测纪〔2024〕1号		T01	欧阳明远	副镇长	直接责任	通报批评
测纪〔2024〕2号	2024-07-01	T02	王平	王平镇副镇长	直接责任	通报批评	王平镇副镇长王平履职不力，曾向张三（身份证号110105198001011238）借款。
-- content/notices/1.md --
---
number: 测纪〔2024〕1号
title: 关于张三违规发放津贴问题的通报
---
张三的检讨见[张三的检讨](files/张三.pdf)，![张三照片](img/zhang.png)。
<!-- 内部备注：张三 13912345678 -->
联系人手机 13800138000，邮箱 zhangsan@example.com。
-- content/about.md --
# 关于本站
本站通报中的欧阳明远等人员已依规处理。
`

func writePrivacySite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := sitetest.WriteSite(dir, privacySite); err != nil {
		t.Fatal(err)
	}
	return dir
}

// site reads every file of a built site into one text, with its paths.
func siteText(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	for p, data := range tree(t, dir) {
		b.WriteString(p + "\n")
		b.Write(data)
	}
	return b.String()
}

func TestPublicSiteMasksEveryPerson(t *testing.T) {
	t.Parallel()
	dir := writePrivacySite(t)
	out := filepath.Join(dir, "public")
	_, probs, err := Build(Options{Source: dir, Out: out})
	if err != nil || probs.HasErrors() {
		t.Fatal(err, probs)
	}
	all := siteText(t, out)
	for _, leak := range []string{"张三", "明远", "李四", "王五", "110105198001011238", "13912345678", "13800138000", "zhangsan@",
		url.PathEscape("张三"), strings.ToLower(url.PathEscape("张三")), "&#24352;&#19977;", `\u5f20\u4e09`} {
		if strings.Contains(all, leak) {
			t.Errorf("the public site holds %q", leak)
		}
	}
	notice := readFile(t, out, "2024/notices/2024-1.html")
	for _, want := range []string{"张某", "欧阳某", "关于张某违规发放津贴问题的通报", "举报人数 1"} {
		if !strings.Contains(notice, want) {
			t.Errorf("the notice lacks %q", want)
		}
	}
	if strings.Contains(notice, "内部备注") {
		t.Errorf("the notice shows the Markdown's HTML comment")
	}
	if u := readFile(t, out, "2024/units/T01.html"); !strings.Contains(u, "原镇长张某已调离") {
		t.Errorf("the unit's remark is not masked as expected")
	}
	if about := readFile(t, out, "about.html"); !strings.Contains(about, "欧阳某等人员") {
		t.Errorf("a content page's name is not masked")
	}
	second := readFile(t, out, "2024/notices/2024-2.html")
	if !strings.Contains(second, "王平镇副镇长王某") {
		t.Errorf("王平 in 王平镇 must stay, the person 王平 be masked")
	}
	if !strings.Contains(second, "身份证号******************") {
		t.Errorf("an ID number in the facts is not masked")
	}
	// The unit with a case loses the year's commendation: T01 is 优秀.
	if r := readFile(t, out, "2024/towns.html"); !strings.Contains(r, "取消当年评优资格") {
		t.Errorf("the 优秀 unit with a case is not marked ineligible")
	}
}

func TestInternalSiteShowsPersonsButNoWhistleblower(t *testing.T) {
	t.Parallel()
	dir := writePrivacySite(t)
	out := filepath.Join(dir, "dashboard")
	_, probs, err := Build(Options{Source: dir, Out: out, Audience: "internal"})
	if err != nil || probs.HasErrors() {
		t.Fatal(err, probs)
	}
	all := siteText(t, out)
	for _, leak := range []string{"李四", "王五"} {
		if strings.Contains(all, leak) {
			t.Errorf("the internal site names whistleblower or witness %q", leak)
		}
	}
	notice := readFile(t, out, "2024/notices/2024-1.html")
	for _, want := range []string{"张三", "欧阳明远", "110105198001011238", "13912345678"} {
		if !strings.Contains(notice, want) {
			t.Errorf("the internal notice lacks %q", want)
		}
	}
	r := readFile(t, out, "restrictions.html")
	if !strings.Contains(r, "张三") || !strings.Contains(r, "2024-11-06") {
		t.Errorf("the restrictions page lacks 张三's 不得提拔使用 until 2024-11-06")
	}
}

// A theme template that prints a raw name is caught by the audit: the
// build fails with audit.leak and the previous site stays as it was.
func TestLeakFailsTheBuildAndKeepsThePreviousSite(t *testing.T) {
	t.Parallel()
	dir := writePrivacySite(t)
	out := filepath.Join(dir, "public")
	if _, probs, err := Build(Options{Source: dir, Out: out}); err != nil || probs.HasErrors() {
		t.Fatal(err, probs)
	}
	before := tree(t, out)
	leaky := `{{define "title"}}首页{{end}}{{define "main"}}<p>张&#19977;</p><p>{{"张三"}}</p>{{end}}`
	layouts := filepath.Join(dir, "themes", "default", "layouts")
	if err := os.MkdirAll(layouts, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(layouts, "landing.html"), []byte(leaky), 0o644); err != nil {
		t.Fatal(err)
	}
	_, probs, err := Build(Options{Source: dir, Out: out})
	if err != nil {
		t.Fatal(err)
	}
	var leaks []problem.Problem
	for _, p := range probs {
		if p.Code == problem.AuditLeak {
			leaks = append(leaks, p)
		}
	}
	if len(leaks) == 0 {
		t.Fatalf("the leak was not caught: %v", probs)
	}
	if !strings.HasSuffix(leaks[0].Pos.File, "public/index.html") || strings.Contains(leaks[0].Found, "张三") {
		t.Errorf("the problem should name public/index.html and mask the name: %v", leaks[0])
	}
	if d := treeDiff(before, tree(t, out)); d != "" {
		t.Errorf("the previous site changed (- before, + after):\n%s", d)
	}
	if stale, _ := filepath.Glob(filepath.Join(dir, ".dutyreport-tmp-*")); len(stale) > 0 {
		t.Errorf("temporary folders left: %v", stale)
	}
	// The audit command finds it too in a site built without the audit.
	if probs, err := Audit(Options{Source: dir}, out); err != nil || probs.HasErrors() {
		t.Errorf("the previous site should pass the audit: %v %v", err, probs)
	}
}

func readFile(t *testing.T, dir, rel string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// A content page named for a person gets its address from the masked
// name: the hex of 张三 in every menu link would spell the name (issue 19).
func TestContentPageNamedForAPersonHasAMaskedAddress(t *testing.T) {
	t.Parallel()
	dir := writePrivacySite(t)
	if err := os.WriteFile(filepath.Join(dir, "content", "张三.md"), []byte("# 说明\n\n正文。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "public")
	if _, probs, err := Build(Options{Source: dir, Out: out}); err != nil || probs.HasErrors() {
		t.Fatal(err, probs)
	}
	all := siteText(t, out)
	if strings.Contains(all, "_5f20_4e09") {
		t.Errorf("an address spells 张三 in hex")
	}
	if _, err := os.Stat(filepath.Join(out, "_5f20_67d0.html")); err != nil {
		t.Errorf("the page is not at the masked name's address: %v", err)
	}
}
