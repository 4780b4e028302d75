package content

import (
	"strings"
	"testing"

	"dutyreport/generator/problem"
)

// maskZhangSan is an Editor that masks 张三 where the visible text shows it
// whole: what the view's masking does for one name.
func maskZhangSan(b Block) []Edit {
	s := b.Text
	var edits []Edit
	for i := 0; ; {
		k := strings.Index(s[i:], "张三")
		if k < 0 {
			return edits
		}
		edits = append(edits, Edit{Start: i + k, End: i + k + len("张三"), Repl: "张某"})
		i += k + len("张三")
	}
}

// maskSplit also masks 张三 with a line break or markup-free gap inside,
// as the view's folding does.
func maskSplit(b Block) []Edit {
	s := b.Text
	var edits []Edit
	for i := 0; i < len(s); {
		k := strings.Index(s[i:], "张")
		if k < 0 {
			break
		}
		j := i + k + len("张")
		for j < len(s) && s[j] == '\n' {
			j++
		}
		if strings.HasPrefix(s[j:], "三") {
			edits = append(edits, Edit{Start: i + k, End: j + len("三"), Repl: "张某"})
			i = j + len("三")
			continue
		}
		i = j
	}
	return edits
}

func TestRenderMasksTheTextAReaderSees(t *testing.T) {
	tests := []struct {
		name, src string
		edit      Editor
		want      []string // in the HTML
		plain     string
	}{
		{"plain", "经查，张三违规。\n", maskZhangSan, []string{"<p>经查，张某违规。</p>"}, "经查，张某违规。\n"},
		{"emphasis inside the name", "经查，张**三**违规。\n", maskZhangSan, []string{"张某<strong></strong>违规"}, "经查，张某违规。\n"},
		{"emphasis around the surname", "经查，**张**三违规。\n", maskZhangSan, []string{"<strong>张某</strong>违规"}, "经查，张某违规。\n"},
		{"code span", "经查，`张三`违规。\n", maskZhangSan, []string{"<code>张某</code>"}, "经查，张某违规。\n"},
		{"an HTML comment between the characters", "经查，张<!-- x -->三违规。\n", maskZhangSan, []string{"张某<!-- raw HTML omitted -->违规"}, "经查，张某违规。\n"},
		{"a line break between the characters", "经查，张\n三违规。\n", maskSplit, []string{"<p>经查，张某违规。</p>"}, "经查，张某\n违规。\n"},
		{"link text and target", "见[张三的检讨](files/张三.pdf \"张三\")。\n", maskZhangSan,
			[]string{`<a href="files/%E5%BC%A0%E6%9F%90.pdf" title="张某">张某的检讨</a>`}, "见张某的检讨。\n"},
		{"image alt and target", "![张三照片](img/张三.png)\n", maskZhangSan, []string{`<img src="img/%E5%BC%A0%E6%9F%90.png" alt="张某照片">`}, "张某照片\n"},
		{"heading and its id", "## 张三的问题\n", maskZhangSan, []string{`<h2 id="heading">张某的问题</h2>`}, "张某的问题\n"},
		{"an id says nothing of its heading", "# Zhang San 13812345678\n\n## Zhang San\n", nil, []string{`<h1 id="heading">`, `<h2 id="heading-1">`}, "Zhang San 13812345678\n\nZhang San\n"},
		{"table cell", "| 姓名 | 职务 |\n|---|---|\n| 张**三** | 镇长 |\n", maskZhangSan, []string{"<td>张某<strong></strong></td>"}, "姓名\n\n职务\n\n张某\n\n镇长\n"},
		{"list item", "- 张三\n- 李四\n", maskZhangSan, []string{"<li>张某</li>"}, "张某\n\n李四\n"},
		{"footnote", "正文[^1]。\n\n[^1]: 张三的说明。\n", maskZhangSan, []string{"张某的说明"}, "正文。\n\n张某的说明。\n"},
		{"blocks are not joined", "张\n\n三\n", maskSplit, []string{"<p>张</p>\n<p>三</p>"}, "张\n\n三\n"},
		{"nil editor", "张三\n", nil, []string{"<p>张三</p>"}, "张三\n"},
		{"a paragraph indented into a code block", "正文。\n\n    经查，张三违规。\n", maskZhangSan, []string{"<pre><code>经查，张某违规。\n</code></pre>"}, "正文。\n\n经查，张某违规。\n"},
		{"a fenced code block", "```\n张三\n```\n", maskZhangSan, []string{"<code>张某\n</code>"}, "张某\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			html, plain := Render(tc.src, tc.edit)
			for _, w := range tc.want {
				if !strings.Contains(string(html), w) {
					t.Errorf("HTML lacks %q:\n%s", w, html)
				}
			}
			if tc.edit != nil && strings.Contains(string(html), "三") && !strings.Contains(tc.src, "\n\n三") {
				t.Errorf("HTML still shows 三:\n%s", html)
			}
			if plain != tc.plain {
				t.Errorf("plain text %q, want %q", plain, tc.plain)
			}
		})
	}
}

func TestBlocksJoinInlineParts(t *testing.T) {
	src := "# 标题\n\n经查，张**三**\n违规<!-- 注 -->。\n\n见[文件](files/a.pdf)。\n"
	var texts []string
	for _, b := range Blocks(src) {
		texts = append(texts, b.Text)
	}
	want := []string{"标题", "经查，张三\n违规。", "见文件。", "files/a.pdf", ""}
	if strings.Join(texts, "|") != strings.Join(want, "|") {
		t.Errorf("blocks %q, want %q", texts, want)
	}
	b := Blocks(src)[1]
	i := strings.Index(b.Text, "三")
	if off := b.Offset(i); src[off:off+len("三")] != "三" || b.Line != 3 {
		t.Errorf("三 maps to offset %d, line %d", off, b.Line)
	}
}

func TestRawHTMLIsRefusedAtItsLine(t *testing.T) {
	src := "---\ntitle: 通报\n---\n正文第一段。\n\n经查，张<span>三</span>违规。\n\n<div>\n块\n</div>\n\n<!-- 内部备注：可以保留 -->\n\n行内<!-- 注释 -->也可以。\n"
	var probs problem.List
	Parse("content/notices/1.md", []byte(src), &probs)
	var lines []int
	for _, p := range probs {
		if p.Code != problem.ContentRawHTML {
			t.Errorf("unexpected %s", p)
			continue
		}
		lines = append(lines, p.Pos.Line)
	}
	// <span> and </span> on line 6, <div> on line 8.
	if len(lines) != 3 || lines[0] != 6 || lines[1] != 6 || lines[2] != 8 {
		t.Errorf("raw HTML reported at lines %v, want [6 6 8]", lines)
	}
}

// An edit that runs from an autolink's label on into the text after it
// writes its replacement once: the label has no source offsets of its own
// to tell the text part that the replacement is already out.
func TestRenderWritesAReplacementOnceAcrossParts(t *testing.T) {
	src := "邮箱 a@example.com张三。\n"
	edit := func(b Block) []Edit {
		i := strings.Index(b.Text, "a@example.com")
		j := strings.Index(b.Text, "。")
		if i < 0 || j < 0 {
			return nil
		}
		return []Edit{{Start: i, End: j, Repl: "***"}}
	}
	html, plain := Render(src, edit)
	if !strings.Contains(string(html), "邮箱 ***。") || plain != "邮箱 ***。\n" {
		t.Errorf("HTML %s, plain %q: want the replacement once", html, plain)
	}
}
