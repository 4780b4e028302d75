package content

import (
	"html/template"
	"strings"
	"testing"

	"dutyreport/generator/problem"
)

func TestFrontMatterProblemsHaveLines(t *testing.T) {
	src := "---\ntitle: 考核办法\nwieght: 3\n---\n# 考核办法\n\n正文。\n"
	var probs problem.List
	p := Parse("content/methodology.md", []byte(src), &probs)
	if len(probs) != 1 || probs[0].Pos.String() != "content/methodology.md:3:1" || probs[0].Code != problem.ContentFrontMatter {
		t.Fatalf("want one front-matter problem at line 3, got %v", probs)
	}
	if p.Meta.Title != "考核办法" {
		t.Errorf("title = %q", p.Meta.Title)
	}
	if !strings.Contains(string(render(p.Source)), "<h1 id=") || !strings.Contains(string(render(p.Source)), "正文。") {
		t.Errorf("body not rendered: %s", render(p.Source))
	}
}

func TestRawHTMLIsDropped(t *testing.T) {
	var probs problem.List
	p := Parse("content/a.md", []byte("hello <script>alert(1)</script>\n\n<div onclick=x>y</div>\n"), &probs)
	if strings.Contains(string(render(p.Source)), "<script") || strings.Contains(string(render(p.Source)), "onclick") {
		t.Errorf("raw HTML reached the page: %s", render(p.Source))
	}
}

func TestExternalLinksAreProblems(t *testing.T) {
	src := "---\ntitle: t\n---\n见[本站](methodology.html)。\n\n另见[外站](https://example.com/x)和<http://a.b/>。\n"
	var probs problem.List
	Parse("content/a.md", []byte(src), &probs)
	var got []string
	for _, p := range probs {
		got = append(got, p.Pos.String()+" "+p.Found)
	}
	want := []string{"content/a.md:6 https://example.com/x", "content/a.md:6 http://a.b/"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestExternal(t *testing.T) {
	for dest, want := range map[string]bool{
		"https://x.cn": true, "//cdn.x/y.js": true, "mailto:a@b": true, "javascript:alert(1)": true,
		"methodology.html": false, "../2023/index.html": false, "#top": false, "a.html?x=b:c": false,
	} {
		if External(dest) != want {
			t.Errorf("External(%q) = %v, want %v", dest, !want, want)
		}
	}
}

func TestWindowsFrontMatter(t *testing.T) {
	var probs problem.List
	p := Parse("content/about.md", []byte("\ufeff---\r\ntitle: 关于\r\nmenu: false\r\n---\r\n正文\r\n"), &probs)
	if len(probs) > 0 || p.Meta.Title != "关于" || p.Meta.InMenu() || strings.Contains(string(render(p.Source)), "title") {
		t.Errorf("front matter with a BOM and CRLF: meta %+v, body %q, problems %v", p.Meta, p.Source, probs)
	}
}

func render(src string) template.HTML {
	h, _ := Render(src, nil)
	return h
}
