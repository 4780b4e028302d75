package content

import (
	"html/template"
	"os"
	"path/filepath"
	"slices"
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
		// As a browser reads them (issue 26): entities, control characters,
		// backslashes, case and percent-escapes.
		"https&#58;//evil.example/q": true, "https&colon;//evil.example": true, "java\tscript:alert(1)": true,
		"java\nscript:x": true, " \x01https://x.cn": true, "\\\\evil.example/x": true, "HTTPS://X.CN": true,
		"https%3A//evil.example": true, "&#47;&#47;evil.example": true, "files/%E5%BC%A0.pdf": false,
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

// A Markdown file that is a symlink out of the site, or to a device, is a
// problem at its path and never read: a link to /etc/passwd would be
// published as a page (issue 26).
func TestSymlinksOutOfTheSiteAreNotRead(t *testing.T) {
	site := t.TempDir()
	outside := t.TempDir()
	secret := filepath.Join(outside, "secret.md")
	if err := os.WriteFile(secret, []byte("# 机密\n\n不应发布。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	notices := filepath.Join(site, Dir, NoticesDir)
	if err := os.MkdirAll(notices, 0o755); err != nil {
		t.Fatal(err)
	}
	inside := filepath.Join(site, "notes.md")
	if err := os.WriteFile(inside, []byte("# 说明\n\n正文。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for link, target := range map[string]string{
		filepath.Join(site, Dir, "passwd.md"):     secret,                                                               // absolute, out of the site
		filepath.Join(notices, "x.md"):            filepath.Join("..", "..", "..", filepath.Base(outside), "secret.md"), // relative, out
		filepath.Join(site, Dir, "zero.md"):       "/dev/zero",                                                          // a device
		filepath.Join(site, Dir, "notes-link.md"): filepath.Join("..", "notes.md"),                                      // inside the site: read
	} {
		if err := os.Symlink(target, link); err != nil {
			t.Skip("no symlinks here:", err)
		}
	}
	c, probs := Read(site)
	var got []string
	for _, p := range probs {
		got = append(got, p.Pos.File+" "+string(p.Code))
	}
	slices.Sort(got)
	want := []string{"content/notices/x.md content.not-a-file", "content/passwd.md content.not-a-file", "content/zero.md content.not-a-file"}
	if !slices.Equal(got, want) {
		t.Errorf("problems %q, want %q", got, want)
	}
	if len(c.Pages) != 1 || c.Pages[0].Name != "notes-link" || len(c.Notices) != 0 {
		t.Errorf("pages %+v, notices %d: want only notes-link", c.Pages, len(c.Notices))
	}
}

// A Markdown file past MaxFileBytes is refused unread (issue 26).
func TestHugeMarkdownIsRefusedUnread(t *testing.T) {
	site := t.TempDir()
	if err := os.MkdirAll(filepath.Join(site, Dir), 0o755); err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(filepath.Join(site, Dir, "log.md"))
	if err != nil {
		t.Fatal(err)
	}
	// A sparse file: its size, not its bytes, is what is refused.
	if err := f.Truncate(MaxFileBytes + 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	c, probs := Read(site)
	if len(probs) != 1 || probs[0].Code != problem.ContentTooLarge || probs[0].Pos.File != "content/log.md" || len(c.Pages) != 0 {
		t.Errorf("problems %v, pages %d: want content.too-large at content/log.md and no page", probs, len(c.Pages))
	}
}
