package generator

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dutyreport/generator/config"
	"dutyreport/generator/problem"
	"dutyreport/generator/sitetest"
)

// townScheme is the scheme.yaml of small test sites: towns, one task, a
// ledger component and the evaluation.
const townScheme = `
-- scheme.yaml --
name: 测试方案
categories: [{id: town, name: 镇}]
responsibilities: [{id: main, name: 主体责任}]
tasks: [{code: A1, name: 年度计划, responsibility: main, points: 2}]
components:
  - {id: main, name: 主体责任基础分, kind: ledger, responsibility: main, full: 70}
  - {id: social, name: 社会评价, kind: evaluation, full: 30}
total: [main, social]
bands: [{id: good, name: 好, min: 60}, {id: bad, name: 差}]
groups: [{id: towns, name: 镇, categories: [town]}]
`

// footerSite is a small site; footer is its site.yaml's footer block.
func footerSite(t *testing.T, footer string) string {
	t.Helper()
	dir := t.TempDir()
	if err := sitetest.WriteSite(dir, `
-- site.yaml --
title: 测试县
scheme: scheme.yaml
years: [{year: 2024}]
`+footer+`
`+townScheme+`-- data/单位名录.xlsx.tsv --
单位编码	单位名称	类别
T01	一镇	镇
-- data/2024/纪实台账.xlsx.tsv --
单位编码	责任类别	任务编号	应完成次数	实际完成次数
T01	主体责任	A1	1	1
-- data/2024/民主测评.xlsx.tsv --
单位编码	平均分
T01	80
`); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestFooterNamesTheOperator: every page's footer shows the operator and
// the filings site.yaml gives; a public build without an operator is
// warned of, an internal one is not.
func TestFooterNamesTheOperator(t *testing.T) {
	t.Parallel()
	dir := footerSite(t, "footer:\n  operator: 测试县纪委监委\n  site_code: \"1234567890\"\n  icp: 冀ICP备12345678号\n  police: 冀公网安备13000002000001号\n  contact: 0319-1234567")
	_, probs, err := Build(Options{Source: dir, Out: filepath.Join(dir, "public")})
	if err != nil || len(probs) > 0 {
		t.Fatal(err, probs)
	}
	page, err := os.ReadFile(filepath.Join(dir, "public", "units.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"主办单位：测试县纪委监委", "联系方式：0319-1234567", "网站标识码：1234567890", "冀ICP备12345678号", "冀公网安备13000002000001号"} {
		if !strings.Contains(string(page), want) {
			t.Errorf("the footer lacks %s", want)
		}
	}
	bare := footerSite(t, "")
	for _, audience := range []string{config.Public, config.Internal} {
		_, probs, err := Build(Options{Source: bare, Out: filepath.Join(bare, audience), Audience: audience})
		warned := len(probs) == 1 && probs[0].Code == problem.ConfigNoOperator && probs[0].Severity == problem.Warning
		if err != nil || warned != (audience == config.Public) {
			t.Errorf("%s, no operator: %v %v", audience, err, probs)
		}
	}
}

// TestBaseURL: with site.yaml's base_url, the sitemap's and the feed's
// addresses are absolute, as search engines and feed readers want; the
// pages' own links stay relative.
func TestBaseURL(t *testing.T) {
	t.Parallel()
	dir := footerSite(t, "footer: {operator: 测试县纪委监委}\nbase_url: https://www.example.gov.cn/kaohe")
	out := filepath.Join(dir, "public")
	if _, probs, err := Build(Options{Source: dir, Out: out}); err != nil || len(probs) > 0 {
		t.Fatal(err, probs)
	}
	sitemap, _ := os.ReadFile(filepath.Join(out, "sitemap.xml"))
	feed, _ := os.ReadFile(filepath.Join(out, "notices.atom"))
	page, _ := os.ReadFile(filepath.Join(out, "index.html"))
	if !strings.Contains(string(sitemap), "<loc>https://www.example.gov.cn/kaohe/index.html</loc>") ||
		!strings.Contains(string(feed), `<link rel="self" href="https://www.example.gov.cn/kaohe/notices.atom"/>`) ||
		strings.Contains(string(page), "example.gov.cn") {
		t.Errorf("sitemap:\n%s\nfeed:\n%s", sitemap, feed)
	}
}
