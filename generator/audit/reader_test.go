package audit

import (
	"archive/zip"
	"bytes"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"dutyreport/generator/fold"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// seenWhere is a hit reduced to what the reader's tests check.
type seenWhere struct {
	Line   int
	Offset int64
	Length int
	Text   string // the needle, or what a pattern found
	Form   string
}

func seenWheres(hits []Hit) []seenWhere {
	var out []seenWhere
	for _, h := range hits {
		out = append(out, seenWhere{h.Line, h.Offset, h.Length, h.Needle.Text, h.Form})
	}
	return out
}

// Offsets are worked out by hand: a CJK character is 3 bytes in UTF-8.
// 張 is the traditional form of 张, GB18030 8F 88; 三 is C8 FD.
func TestFileReadsWhatAReaderSees(t *testing.T) {
	s := New([]Needle{zhangSan}, nil)
	tests := []struct {
		name, file, data string
		want             []seenWhere
	}{
		// HTML: visible text.
		{"joined across an inline element", "a.html", "<p>张<em>三</em></p>", []seenWhere{{1, 3, 10, "张三", FormVisible}}},
		{"joined across a comment", "a.html", "<p>张<!-- x -->三</p>", []seenWhere{{1, 3, 16, "张三", FormVisible}}},
		{"joined across a line break element", "a.html", "<p>张<br>三</p>", []seenWhere{{1, 3, 10, "张三", FormVisible}}},
		{"not across table cells", "a.html", "<tr><td>张</td><td>三</td></tr>", nil},
		{"not across paragraphs", "a.html", "<p>张</p>\n<p>三</p>", nil},
		{"not across a list's items", "a.html", "<ul><li>张<li>三</ul>", nil},
		{"line break in text", "a.html", "<p>张\n三</p>", []seenWhere{{1, 3, 7, "张三", FormVisible}}},
		{"half a character reference", "a.html", "<p>张&#19977;</p>", []seenWhere{{1, 3, 11, "张三", FormVisible}}},
		{"no-break space entity", "a.html", "<p>张&nbsp;三</p>", []seenWhere{{1, 3, 12, "张三", FormVisible}}},
		{"zero-width space", "a.html", "<p>张\u200b三</p>", []seenWhere{{1, 3, 9, "张三", FormVisible}}},
		{"traditional form", "a.html", "<p>張三</p>", []seenWhere{{1, 3, 6, "张三", FormVisible}}},
		{"line of the occurrence", "a.html", "<html>\n<body>\n<p>張三</p>", []seenWhere{{3, 17, 6, "张三", FormVisible}}},
		{"indented across lines and strong", "a.html", "<p>\n  张\n  <strong>三</strong></p>", []seenWhere{{2, 6, 17, "张三", FormVisible}}},
		{"title", "a.html", "<title>張三</title>", []seenWhere{{1, 7, 6, "张三", FormVisible}}},
		// HTML: the rest of the source.
		{"attribute, percent-encoded and raw", "a.html", `<a href="f/%E5%BC%A0三.pdf">x</a>`, []seenWhere{{1, 11, 12, "张三", FormAttribute}}},
		{"attribute, single quotes, traditional", "a.html", `<a title='張三'>x</a>`, []seenWhere{{1, 10, 6, "张三", FormAttribute}}},
		{"attribute, unquoted", "a.html", "<img alt=張三>", []seenWhere{{1, 9, 6, "张三", FormAttribute}}},
		{"attribute on the tag's second line", "a.html", "<img src=x.png\n  alt=\"張三\">", []seenWhere{{2, 22, 6, "张三", FormAttribute}}},
		{"attribute raw: one hit, the raw one", "a.html", `<img alt="张三">`, []seenWhere{{1, 10, 6, "张三", FormRaw}}},
		{"comment", "a.html", "<!-- 張三 -->", []seenWhere{{1, 5, 6, "张三", FormComment}}},
		{"script string escapes", "a.html", `<script>var n = "\u{5f20}\u{4e09}";</script>`, []seenWhere{{1, 17, 16, "张三", FormJS}}},
		{"JSON script", "a.html", `<script type="application/json">{"n":"張三"}</script>`, []seenWhere{{1, 38, 6, "张三", FormJSON}}},
		{"template script as text", "a.html", `<script type="text/x-template"><p>張三</p></script>`, []seenWhere{{1, 34, 6, "张三", FormText}}},
		{"style", "a.html", `<style>p::after{content:"張三"}</style>`, []seenWhere{{1, 25, 6, "张三", FormText}}},
		// CSV.
		{"csv field", "a.csv", "name,note\r\n张,張三\r\n", []seenWhere{{2, 15, 6, "张三", FormCSV}}},
		{"csv fields do not join", "a.csv", "张,三\r\n", nil},
		{"csv quoted, doubled quote and line break", "a.csv", "a,\"x\"\"\n張三\"\r\n", []seenWhere{{2, 7, 6, "张三", FormCSV}}},
		{"csv byte order mark", "a.csv", "\ufeff張三,1\r\n", []seenWhere{{1, 3, 6, "张三", FormCSV}}},
		{"csv in GB18030", "a.csv", "a,\x8f\x88\xc8\xfd\r\n", []seenWhere{{1, 2, 4, "张三", FormCSV}}},
		// JSON.
		{"json key", "a.json", `{"張三": 1}`, []seenWhere{{1, 2, 6, "张三", FormJSON}}},
		{"json half escaped", "a.json", `{"n": "张\u4e09"}`, []seenWhere{{1, 7, 9, "张三", FormJSON}}},
		{"json escaped whole: one hit, the raw one", "a.json", `{"n":"\u5f20\u4e09"}`, []seenWhere{{1, 6, 12, "张三", FormJSONEscape}}},
		// JavaScript.
		{"js regexp with a quote", "a.js", `var r = /'/g; var s = '张\u4e09';`, []seenWhere{{1, 23, 9, "张三", FormJS}}},
		{"js comment with a quote", "a.js", "// it's\nvar s = '張三';", []seenWhere{{2, 17, 6, "张三", FormJS}}},
		{"js template after an expression", "a.js", "let t = `a ${b('x')} 張三`;", []seenWhere{{1, 21, 6, "张三", FormJS}}},
		{"js template pieces do not join", "a.js", "let t = `张${x}三`;", nil},
		{"js hex and octal escapes", "a.js", `var s = "\x41\101張三";`, []seenWhere{{1, 17, 6, "张三", FormJS}}},
		{"js surrogate pair", "a.js", `var s = "\ud842\udfb7張三";`, []seenWhere{{1, 21, 6, "张三", FormJS}}},
		// Other text.
		{"text", "a.txt", "x\n張　三", []seenWhere{{2, 2, 9, "张三", FormText}}},
		{"svg as text", "a.svg", "<svg><text>張</text><text>三</text></svg>", nil},
		{"binary is the raw scan's", "a.png", "\x89PNG\x00張三", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			hits, err := s.File(tc.file, []byte(tc.data))
			if err != nil {
				t.Fatal(err)
			}
			if got := seenWheres(hits); !slices.Equal(got, tc.want) {
				t.Errorf("File(%q, %q)\n got %v\nwant %v", tc.file, tc.data, got, tc.want)
			}
		})
	}
}

// The HTML reader must read each attribute value where x/net/html's
// tokenizer does, or it would place or miss one.
func TestEachAttrReadsAsTheTokenizer(t *testing.T) {
	tests := []struct {
		tok  string
		want []string // key=value, value as written
	}{
		{`<a href="x" title='y z'>`, []string{"href=x", "title=y z"}},
		{`<img alt=a b=c/>`, []string{"alt=a", "b=c/"}},
		{`<input disabled value = "v">`, []string{"value=v"}},
		{`<p =x a="1"a="2">`, []string{"a=1", "a=2"}},
		{"<div\n\tclass=\"k\"\n>", []string{"class=k"}},
		{`<a title="unclosed>`, []string{"title=unclosed>"}},
		{`<br/>`, nil},
	}
	for _, tc := range tests {
		var got []string
		eachAttr([]byte(tc.tok), func(key []byte, start, end int) {
			got = append(got, string(key)+"="+tc.tok[start:end])
		})
		if !slices.Equal(got, tc.want) {
			t.Errorf("eachAttr(%q) = %q, want %q", tc.tok, got, tc.want)
		}
	}
}

// A plain text (ASCII, no & or %) is folded by the reader itself; the
// result must be fold's, or the audit would read two texts two ways.
func TestPlainFoldsAsFoldDoes(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	alphabet := []byte("aZ09 \t\n\r.-_@()x\x00,;")
	for range 2000 {
		b := make([]byte, r.IntN(24))
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		var rd reader
		rd.reset()
		rd.begin(FormText)
		rd.raw(b, 0)
		rd.end()
		if len(rd.buf) != 0 {
			t.Fatalf("%q was not taken as plain", b)
		}
		if got, want := string(rd.plain.s), fold.Of(string(b)).S; got != want {
			t.Fatalf("plain fold of %q = %q, fold.Of = %q", b, got, want)
		}
	}
}

func TestFileReadsZipEntries(t *testing.T) {
	inner := zipOf(t, map[string]string{"b.txt": "x\n張三"})
	data := zipOf(t, map[string]string{
		"data/a.csv": "x,張三\r\n",
		"张三.txt":     "ok",
		"inner.zip":  string(inner),
		"clean.html": "<p>张四</p>",
	})
	s := New([]Needle{zhangSan}, nil)
	hits, err := s.File("site.zip", data)
	if err != nil {
		t.Fatal(err)
	}
	want := []seenWhere{
		{0, 0, 6, "张三", "zip:张*.txt"}, // in the entry's name
		{1, 2, 6, "张三", "zip:data/a.csv"},
		{2, 2, 6, "张三", "zip:inner.zip!b.txt"},
	}
	// The raw scan reads the zip's own bytes, where an entry's name is
	// stored twice, uncompressed: two raw hits beside the entry's.
	var got []seenWhere
	raw := 0
	for _, w := range seenWheres(hits) {
		if w.Form == FormRaw {
			raw++
			continue
		}
		got = append(got, w)
	}
	if raw != 2 {
		t.Errorf("%d raw hits in the zip's headers, want 2", raw)
	}
	slices.SortFunc(got, func(a, b seenWhere) int { return strings.Compare(a.Form, b.Form) })
	slices.SortFunc(want, func(a, b seenWhere) int { return strings.Compare(a.Form, b.Form) })
	if !slices.Equal(got, want) {
		t.Errorf("File(site.zip)\n got %v\nwant %v", got, want)
	}
	for _, h := range hits {
		if h.File != "site.zip" || strings.Contains(h.String(), "张三") {
			t.Errorf("hit %v: file %q, or the needle unmasked", h, h.File)
		}
	}
}

func TestFileFailsClosedOnABadZip(t *testing.T) {
	s := New([]Needle{zhangSan}, nil)
	if _, err := s.File("site.zip", []byte("PK\x03\x04 not really a zip")); err == nil {
		t.Error("a damaged zip file passed")
	}
	deep := zipOf(t, map[string]string{"c.txt": "張三"})
	for range maxZipDepth {
		deep = zipOf(t, map[string]string{"d.zip": string(deep)})
	}
	if _, err := s.File("deep.zip", deep); err == nil {
		t.Error("a zip nested too deep passed")
	}
	// A file that only starts like a zip, by another name, is read as text.
	hits, err := s.File("a.txt", []byte("PK\x03\x04 張三"))
	if err != nil || len(hits) != 1 || hits[0].Form != FormText {
		t.Errorf("File(a.txt) = %v, %v; want one text hit", hits, err)
	}
}

func zipOf(t *testing.T, files map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		f, err := w.Create(name)
		if err == nil {
			_, err = f.Write([]byte(files[name]))
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestDirReadsWhatAReaderSeesAndNames(t *testing.T) {
	root := writeTree(t, map[string]string{
		"2023/notices/1.html": "<!doctype html>\n<p>经张<em>三</em>举报</p>\n",
		"2023/張三.html":        "ok",
		"2023/data.csv":       "a,b\r\n1,张三\r\n", // raw and csv: one hit
	})
	hits, err := New([]Needle{zhangSan}, nil).Dir(root)
	if err != nil {
		t.Fatal(err)
	}
	type fileWhere struct {
		File   string
		InName bool
		seenWhere
	}
	var got []fileWhere
	for _, h := range hits {
		got = append(got, fileWhere{h.File, h.InName, seenWheres([]Hit{h})[0]})
	}
	want := []fileWhere{
		{"2023/data.csv", false, seenWhere{2, 7, 6, "张三", FormRaw}},
		{"2023/notices/1.html", false, seenWhere{2, 22, 10, "张三", FormVisible}},
		{"2023/張三.html", true, seenWhere{0, 5, 6, "张三", FormText}},
	}
	if !slices.Equal(got, want) {
		t.Errorf("Dir\n got %v\nwant %v", got, want)
	}
	for _, h := range hits {
		if s := h.String(); strings.Contains(s, "張三") || strings.Contains(s, "张三") {
			t.Errorf("%q shows the name", s)
		}
	}
	if got := hits[1].String(); got != "2023/notices/1.html:2: name 张* (visible, byte 22)" {
		t.Errorf("String() = %q", got)
	}
}

// An allowed term is matched folded in every form the audit reads, the raw
// scan's included: 南山鎮 (鎮 the traditional form of 镇) is the town 南山镇,
// not the person 南山, however a page writes it. The person written beside
// it is still a hit.
func TestAllowedTermMatchesFolded(t *testing.T) {
	nanShan := Needle{Text: "南山", Kind: "name"}
	s := New([]Needle{nanShan}, []string{"南山镇"}, Patterns())
	gbk, err := simplifiedchinese.GB18030.NewEncoder().String("单位,南山鎮\r\n")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, file, data string }{
		{"visible text", "a.html", "<p>南山鎮人民政府</p>"},
		{"visible text, one character a reference", "a.html", "<p>南山&#37806;</p>"},
		{"visible text, all references", "a.html", "<p>&#21335;&#23665;&#37806;</p>"},
		{"visible text across an inline element", "a.html", "<p>南山<em>鎮</em></p>"},
		{"visible text across an inline element, simplified", "a.html", "<p>南<b>山镇</b></p>"},
		{"visible text, spaced", "a.html", "<p>南 山 鎮</p>"},
		{"an attribute", "a.html", `<img alt="南山鎮" src="a.png">`},
		{"a comment", "a.html", "<!-- 南山鎮 --><p>x</p>"},
		{"a CSV field", "a.csv", "单位,得分\r\n南山鎮,95\r\n"},
		{"a GBK CSV field", "a.csv", gbk},
		{"a JSON string", "a.json", `{"unit":"南山鎮"}`},
		{"a JSON string escaped", "a.json", `{"unit":"\u5357\u5c71\u93ae"}`},
		{"a JavaScript string, one character escaped", "a.js", `const u = "南山\u93ae";`},
		{"a JavaScript template", "a.js", "const u = `南山鎮`;"},
		{"percent-encoded", "a.txt", "/units/%E5%8D%97%E5%B1%B1%E9%8E%AE/"},
		{"plain text", "a.txt", "南山鎮"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			hits, err := s.File(tc.file, []byte(tc.data))
			if err != nil {
				t.Fatal(err)
			}
			if len(hits) > 0 {
				t.Errorf("File(%q, %q) = %v, want none", tc.file, tc.data, hits)
			}
		})
	}
	if hits, shown := s.nameHits("南山鎮/index.html"); len(hits) > 0 || shown != "南山鎮/index.html" {
		t.Errorf("nameHits = %v, %q, want none", hits, shown)
	}
	if got := s.Bytes("a.txt", []byte("南山鎮")); len(got) > 0 {
		t.Errorf("Bytes = %v, want none", got)
	}
	// 南山鎮 is 9 bytes, ， 3: the person is at 12 (line 2 after "<p>\n").
	hits, _ := s.File("a.html", []byte("<p>\n南山鎮，南山同志</p>"))
	want := []seenWhere{{2, 16, 6, "南山", FormRaw}}
	if got := seenWheres(hits); !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}
