package audit

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// Hand-worked encodings used below:
//
//	张 U+5F20 = 24352, UTF-8 E5 BC A0, GB18030 D5 C5
//	三 U+4E09 = 19977, UTF-8 E4 B8 89, GB18030 C8 FD
//	王 U+738B, UTF-8 E7 8E 8B; 平 U+5E73, UTF-8 E5 B9 B3; 镇 U+9547, UTF-8 E9 95 87
//	𠮷 U+20BB7, UTF-16 D842 DFB7
var (
	zhangSan = Needle{Text: "张三", Kind: "name"}
	idNumber = Needle{Text: "11010519491231002X", Kind: "id-number"}
	phone    = Needle{Text: "13800138000", Kind: "phone"}
	email    = Needle{Text: "li+a@x.cn", Kind: "email"}
	mixed    = Needle{Text: "张三X", Kind: "hidden-name"}
	astral   = Needle{Text: "𠮷三", Kind: "hidden-name"}
)

// where is a hit reduced to what the form tests check.
type where struct {
	Offset int64
	Length int
	Needle Needle
	Form   string
}

func wheres(hits []Hit) []where {
	var out []where
	for _, h := range hits {
		out = append(out, where{h.Offset, h.Length, h.Needle, h.Form})
	}
	return out
}

func TestBytesFindsEachForm(t *testing.T) {
	s := New([]Needle{zhangSan, idNumber, phone, email, astral}, nil)
	tests := []struct {
		name, data string
		want       []where
	}{
		{"raw", "<p>张三</p>", []where{{3, 6, zhangSan, FormRaw}}},
		{"spaced by one space", "<p>张 三</p>", []where{{3, 7, zhangSan, FormSpaced}}},
		{"spaced by three spaces", "<p>张   三</p>", []where{{3, 9, zhangSan, FormSpaced}}},
		{"spaced by U+3000", "<p>张\u3000三</p>", []where{{3, 9, zhangSan, FormSpaced}}},
		{"spaced by space and U+3000", "<p>张 \u3000三</p>", []where{{3, 10, zhangSan, FormSpaced}}},
		{"four spaces are layout", "<p>张    三</p>", nil},
		{"html decimal", "<p>&#24352;&#19977;</p>", []where{{3, 16, zhangSan, FormHTMLDecimal}}},
		{"html hex lower", "<p>&#x5f20;&#x4e09;</p>", []where{{3, 16, zhangSan, FormHTMLHex}}},
		{"html hex upper", "<p>&#X5F20;&#X4E09;</p>", []where{{3, 16, zhangSan, FormHTMLHex}}},
		{"json lower", `{"n":"\u5f20\u4e09"}`, []where{{6, 12, zhangSan, FormJSONEscape}}},
		{"json upper", `{"n":"\u5F20\u4E09"}`, []where{{6, 12, zhangSan, FormJSONEscape}}},
		{"json surrogate pair", `["\ud842\udfb7\u4e09"]`, []where{{2, 18, astral, FormJSONEscape}}},
		{"percent upper", `<a href="/q?n=%E5%BC%A0%E4%B8%89">`, []where{{14, 18, zhangSan, FormPercent}}},
		{"percent lower", `<a href="/q?n=%e5%bc%a0%e4%b8%89">`, []where{{14, 18, zhangSan, FormPercent}}},
		{"gb18030", "<p>\xd5\xc5\xc8\xfd</p>", []where{{3, 4, zhangSan, FormGB18030}}},
		{"id number", "身份证11010519491231002X", []where{{9, 18, idNumber, FormRaw}}},
		{"id number with lower-case x", "身份证11010519491231002x", []where{{9, 18, idNumber, FormRaw}}},
		{"id number in groups", "110105 19491231 002X", []where{{0, 20, idNumber, FormSpaced}}},
		{"phone as decimal references", "&#49;&#51;&#56;&#48;&#48;&#49;&#51;&#56;&#48;&#48;&#48;", []where{{0, 55, phone, FormHTMLDecimal}}},
		{"phone as json escapes", `\u0031\u0033\u0038\u0030\u0030\u0031\u0033\u0038\u0030\u0030\u0030`, []where{{0, 66, phone, FormJSONEscape}}},
		{"email as html/template writes it", "mailto:li&#43;a@x.cn", []where{{7, 13, email, FormHTMLDecimal}}},
		{"email as url.QueryEscape writes it", "?to=li%2Ba%40x.cn", []where{{4, 13, email, FormPercent}}},
		{"half reference, half raw is not looked for", "<p>&#24352;三</p>", nil},
		{"other text", "<p>张四 李三</p>", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := wheres(s.Bytes("f.html", []byte(tc.data)))
			if !slices.Equal(got, tc.want) {
				t.Errorf("Bytes(%q)\n got %v\nwant %v", tc.data, got, tc.want)
			}
		})
	}
}

func TestBytesFindsJSONEscapesWithASCIIUnescaped(t *testing.T) {
	s := New([]Needle{mixed}, nil)
	got := wheres(s.Bytes("a.json", []byte(`{"n":"\u5f20\u4e09X"}`)))
	want := []where{{6, 13, mixed, FormJSONEscape}}
	if !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestBytesFindsEveryOccurrence(t *testing.T) {
	s := New([]Needle{zhangSan}, nil)
	// 张三 at 0; 张三 at 9 inside 张三丰 (丰 is 3 bytes); %E5... at 18.
	got := wheres(s.Bytes("f", []byte("张三,张三丰%E5%BC%A0%E4%B8%89")))
	want := []where{{0, 6, zhangSan, FormRaw}, {7, 6, zhangSan, FormRaw}, {16, 18, zhangSan, FormPercent}}
	if !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestAllowedTermHidesOnlyTheNeedleInsideIt(t *testing.T) {
	wangPing := Needle{Text: "王平", Kind: "name"}
	tests := []struct {
		name    string
		allowed []string
		data    string
		want    []where
	}{
		// 王平镇 is 9 bytes, 人民政府 12, ： 3: the person is at 24.
		{"raw", []string{"王平镇"}, "王平镇人民政府：王平同志", []where{{24, 6, wangPing, FormRaw}}},
		{"percent", []string{"王平镇"}, "/%E7%8E%8B%E5%B9%B3%E9%95%87/%E7%8E%8B%E5%B9%B3", []where{{29, 18, wangPing, FormPercent}}},
		{"spaced term", []string{"王平镇"}, "王 平 镇", nil},
		{"term overlapping but not containing", []string{"平镇"}, "王平镇", []where{{0, 6, wangPing, FormRaw}}},
		{"term equal to the needle", []string{"王平"}, "王平", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := wheres(New([]Needle{wangPing}, tc.allowed).Bytes("f", []byte(tc.data)))
			if !slices.Equal(got, tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}

func TestBytesSkipsGB18030InBinaryContent(t *testing.T) {
	s := New([]Needle{zhangSan}, nil)
	// \x89PNG 4 bytes, two NULs, 张三 in GB18030 4, " tEXt " 6: 张三 at 16.
	data := []byte("\x89PNG\x00\x00\xd5\xc5\xc8\xfd tEXt 张三")
	got := wheres(s.Bytes("a.png", data))
	want := []where{{16, 6, zhangSan, FormRaw}}
	if !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestGB18030InsideUTF8TextIsNotAHit(t *testing.T) {
	// 三三 in UTF-8 is E4 B8 89 E4 B8 89; its bytes 1 to 4, B8 89 E4 B8, are
	// two GB18030 characters. A needle written so is found in a GBK file but
	// not across the runes of UTF-8 text.
	text, err := simplifiedchinese.GB18030.NewDecoder().String("\xb8\x89\xe4\xb8")
	if err != nil {
		t.Fatal(err)
	}
	n := Needle{Text: text, Kind: "name"}
	s := New([]Needle{n}, nil)
	if got := s.Bytes("a.html", []byte("<p>三三</p>")); got != nil {
		t.Errorf("UTF-8 text: got %v, want no hits", got)
	}
	got := wheres(s.Bytes("a.csv", []byte("a,\xb8\x89\xe4\xb8\r\n")))
	want := []where{{2, 4, n, FormGB18030}}
	if !slices.Equal(got, want) {
		t.Errorf("GBK text: got %v, want %v", got, want)
	}
}

func TestNoNeedlesFindNothing(t *testing.T) {
	root := writeTree(t, map[string]string{"2023/张三.html": "<p>张三 11010519491231002X</p>"})
	for _, needles := range [][]Needle{nil, {{Text: "", Kind: "name"}, {Text: " \u3000", Kind: "name"}}} {
		s := New(needles, []string{"王平镇"})
		if hits := s.Bytes("f", []byte("张三")); hits != nil {
			t.Errorf("Bytes with needles %q: %v", needles, hits)
		}
		hits, err := s.Dir(root)
		if hits != nil || err != nil {
			t.Errorf("Dir with needles %q = %v, %v", needles, hits, err)
		}
	}
}

func TestDirCleanTreeHasNoHits(t *testing.T) {
	root := writeTree(t, map[string]string{
		"index.html":             "<h1>王平镇 2023 年度考核</h1><p>张四 李三 &#24352;&#22235;</p>",
		"2023/data.json":         `{"unit":"\u738b\u5e73\u9547","score":89.99}`,
		"2023/export.csv":        "name,score\r\n\xd5\xc5\xcb\xc4,90\r\n", // 张四
		"assets/site.css":        "body{font-family:sans-serif}",
		"2023/notices/1.html":    "<a href=\"/q?u=%E7%8E%8B%E5%B9%B3%E9%95%87\">王平镇</a>",
		".well-known/robots.txt": "User-agent: *",
	})
	s := New([]Needle{zhangSan, idNumber, phone, {Text: "王平", Kind: "name"}}, []string{"王平镇"})
	hits, err := s.Dir(root)
	if err != nil || hits != nil {
		t.Errorf("Dir = %v, %v; want no hits", hits, err)
	}
}

func TestDirFindsNamesContentAndHiddenFiles(t *testing.T) {
	root := writeTree(t, map[string]string{
		"2023/张三/index.html":              "<p>张三</p>",
		"2023/%E5%BC%A0%E4%B8%89.html":    "ok",
		".hidden/notes.txt":               "张三",
		"exports/2023.csv":                "name,id\r\n\xd5\xc5\xc8\xfd,1\r\n",
		"2023/notices/11010519491231002X": "",
	})
	s := New([]Needle{zhangSan, idNumber}, nil)
	hits, err := s.Dir(root)
	if err != nil {
		t.Fatal(err)
	}
	type fileWhere struct {
		File   string
		InName bool
		where
	}
	var got []fileWhere
	for _, h := range hits {
		got = append(got, fileWhere{h.File, h.InName, where{h.Offset, h.Length, h.Needle, h.Form}})
	}
	want := []fileWhere{
		{".hidden/notes.txt", false, where{0, 6, zhangSan, FormRaw}},
		{"2023/%E5%BC%A0%E4%B8%89.html", true, where{5, 18, zhangSan, FormPercent}},
		{"2023/notices/11010519491231002X", true, where{13, 18, idNumber, FormRaw}},
		{"2023/张三", true, where{5, 6, zhangSan, FormRaw}},
		{"2023/张三/index.html", false, where{3, 6, zhangSan, FormRaw}},
		{"exports/2023.csv", false, where{9, 4, zhangSan, FormGB18030}},
	}
	if !slices.Equal(got, want) {
		t.Errorf("Dir hits\n got %v\nwant %v", got, want)
	}
	for _, h := range hits {
		for _, leak := range []string{"张三", "%E5%BC%A0%E4%B8%89", "11010519491231002X"} {
			if strings.Contains(h.String(), leak) || strings.Contains(h.MaskedFile(), leak) {
				t.Errorf("%q (file %q) contains %q", h.String(), h.MaskedFile(), leak)
			}
		}
	}
	again, err := s.Dir(root)
	if err != nil || !slices.Equal(again, hits) {
		t.Errorf("second Dir differs: %v, %v", again, err)
	}
}

func TestDirReportsSymlinksWithoutFollowing(t *testing.T) {
	outside := writeTree(t, map[string]string{"private.html": "张三"})
	root := writeTree(t, map[string]string{"index.html": "ok"})
	if err := os.Symlink(filepath.Join(outside, "private.html"), filepath.Join(root, "张三.html")); err != nil {
		t.Skip("no symlinks here:", err)
	}
	hits, err := New([]Needle{zhangSan}, nil).Dir(root)
	if !errors.Is(err, ErrNotRegular) {
		t.Errorf("err = %v, want ErrNotRegular", err)
	}
	if err != nil && strings.Contains(err.Error(), "张三") {
		t.Errorf("error %q contains the needle", err)
	}
	want := []where{{0, 6, zhangSan, FormRaw}}
	if got := wheres(hits); !slices.Equal(got, want) || !hits[0].InName {
		t.Errorf("hits = %v, want only the name", hits)
	}
}

func TestDirRootMustBeAFolder(t *testing.T) {
	root := writeTree(t, map[string]string{"a.html": "张三"})
	for _, p := range []string{filepath.Join(root, "none"), filepath.Join(root, "a.html")} {
		if _, err := New([]Needle{zhangSan}, nil).Dir(p); err == nil {
			t.Errorf("Dir(%s): no error", p)
		}
	}
}

func TestNeedlesDifferingOnlyInSpacesAreOne(t *testing.T) {
	s := New([]Needle{zhangSan, {Text: "张 三", Kind: "name"}}, nil)
	if got := s.Bytes("f", []byte("张三")); len(got) != 1 {
		t.Errorf("got %v, want one hit", got)
	}
}

func TestHitStringMasksTheNeedle(t *testing.T) {
	tests := []struct {
		hit  Hit
		want string
	}{
		{Hit{File: "2023/notices/3.html", Offset: 1042, Needle: zhangSan, Form: FormJSONEscape},
			"2023/notices/3.html:1042: name 张* (json-escape)"},
		{Hit{File: "a.csv", Offset: 7, Needle: idNumber, Form: FormRaw},
			"a.csv:7: id-number 1***************** (raw)"},
		{Hit{File: "2023/张三.html", Offset: 5, Length: 6, InName: true, Needle: zhangSan, Form: FormRaw},
			"2023/张*.html: name 张* in path at byte 5 (raw)"},
		{Hit{File: "a/张三", Offset: 2, InName: true, Needle: zhangSan, Form: FormRaw},
			"a/张*: name 张* in path at byte 2 (raw)"},
		{Hit{File: "x", Needle: Needle{Text: "张", Kind: "name"}, Form: FormRaw},
			"x:0: name * (raw)"},
	}
	for _, tc := range tests {
		if got := tc.hit.String(); got != tc.want {
			t.Errorf("String() = %q, want %q", got, tc.want)
		}
	}
}

// writeTree writes files (slash-separated paths → content) under a new
// temporary folder and returns it.
func writeTree(t testing.TB, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, content := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// DirBut reads every file but those already audited, and scans every
// name: a rebuild reads only what it wrote, and a name is never trusted.
func TestDirButSkipsOnlyTheAuditedContents(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{"old.html": "<p>张三</p>", "new.html": "<p>张三</p>", "张三.html": "x"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s := New([]Needle{zhangSan}, nil)
	hits, err := s.DirBut(dir, func(rel string) bool { return rel != "new.html" })
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, h := range hits {
		got = append(got, h.File)
	}
	if want := []string{"new.html", "张三.html"}; !slices.Equal(got, want) {
		t.Fatalf("hits in %v, want %v", got, want)
	}
	if all, _ := s.Dir(dir); len(all) != 3 {
		t.Fatalf("Dir found %d hits, want 3", len(all))
	}
}
