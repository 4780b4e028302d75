package generator

import (
	"slices"
	"strings"
	"testing"

	"dutyreport/generator/config"
	"dutyreport/generator/view"
)

// The dashboard lists every masking of the public site with its place and
// context, so that a reviewer checks them in one place; a name inside a
// town's name is not masked and so not listed, and a whistleblower stays
// 某某 even here (issue 19).
func TestDashboardListsEveryPublicMasking(t *testing.T) {
	t.Parallel()
	dir := writePrivacySite(t)
	in, probs := load(dir, "", nil, nil)
	if probs.HasErrors() {
		t.Fatal(probs)
	}
	site := in.view(config.Internal)
	if site.RedactionsPath != view.RedactionsPath {
		t.Fatalf("the dashboard has no review page: %q", site.RedactionsPath)
	}
	has := func(where, before, text, masked, after string) bool {
		return slices.ContainsFunc(site.Redactions, func(r view.Redaction) bool {
			return r.Where == where && strings.HasSuffix(r.Before, before) && r.Text == text && r.Masked == masked && strings.HasPrefix(r.After, after)
		})
	}
	const notice = "content/notices/1.md"
	const register = "data/2024/责任追究台账.xlsx!Sheet1!A"
	for _, want := range []struct{ where, before, text, masked, after string }{
		{notice + ":5", "", "张三", "张某", "的检讨见"},      // the body's first line is line 5 of the file
		{notice + ":5", "张三的检讨见", "张三", "张某", "的检讨"}, // the link text
		{notice, "files/", "张三", "张某", ".pdf"},       // the link target
		{notice, "关于", "张三", "张某", "违规发放"},           // the title, in the front matter
		{notice + ":7", "联系人手机 ", "13800138000", "***********", "，邮箱"},
		{notice + ":7", "邮箱 ", "zhangsan@example.com", "***@***", "。"},
		{register + "4", "王平镇副镇长", "王平", "王某", "履职不力"},
		{register + "4", "曾向张三（身份证号", "110105198001011238", "******************", "）借款"},
		{register + "2", "", "欧阳明远", "欧阳某", ""}, // the subjects' table
		{"data/单位名录.xlsx!Sheet1!A2", "原镇长", "张三", "张某", "已调离"},
		{"content/about.md:2", "本站通报中的", "欧阳明远", "欧阳某", "等人员"},
	} {
		if !has(want.where, want.before, want.text, want.masked, want.after) {
			t.Errorf("no review row %+v", want)
		}
	}
	for _, r := range site.Redactions {
		if strings.Contains(r.Text+r.Before+r.After, "李四") || strings.Contains(r.Text+r.Before+r.After, "王五") {
			t.Errorf("the review shows a whistleblower or witness: %+v", r)
		}
		if r.Text == "王平" && strings.HasPrefix(r.After, "镇") {
			t.Errorf("the town 王平镇 was masked: %+v", r)
		}
	}
	if pub := in.view(config.Public); pub.RedactionsPath != "" || len(pub.Redactions) > 0 {
		t.Errorf("the public site carries the review")
	}
}
