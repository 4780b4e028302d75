package audit

import (
	"slices"
	"testing"
)

// found is a hit by pattern reduced to what the tests check.
type found struct {
	Offset int64
	Length int
	Kind   string
	Text   string
}

func founds(hits []Hit) []found {
	var out []found
	for _, h := range hits {
		out = append(out, found{h.Offset, h.Length, h.Needle.Kind, h.Needle.Text})
	}
	return out
}

// Offsets in the source bytes, worked out by hand: a CJK character, a
// full-width digit or bracket is 3 bytes.
func TestPatternsFindNumbersNoInputKnows(t *testing.T) {
	s := New(nil, nil, Patterns())
	tests := []struct {
		name, file, data string
		want             []found
	}{
		{"ID number, wrong check digit", "a.txt", "身份证号110105198001011230。", []found{{12, 18, kindID, "110105198001011230"}}},
		{"ID number ending in X", "a.txt", "号11010519800101123X", []found{{3, 18, kindID, "11010519800101123x"}}},
		{"ID number in groups by spaces", "a.txt", "110105 19800101 1238", []found{{0, 20, kindID, "110105198001011238"}}},
		{"ID number in groups by hyphens", "a.txt", "ID: 110105-19800101-1238.", []found{{4, 20, kindID, "110105198001011238"}}},
		{"old ID number", "a.txt", "110105800101123", []found{{0, 15, kindID, "110105800101123"}}},
		{"old ID number in groups", "a.txt", "110105 800101 123", []found{{0, 17, kindID, "110105800101123"}}},
		{"mobile", "a.txt", "手机13812345678", []found{{6, 11, kindPhone, "13812345678"}}},
		{"mobile 3-4-4 by spaces", "a.txt", "138 1234 5678", []found{{0, 13, kindPhone, "13812345678"}}},
		{"mobile 3-4-4 by hyphens", "a.txt", "138-1234-5678", []found{{0, 13, kindPhone, "13812345678"}}},
		{"mobile with +86, grouped", "a.txt", "+86 138 1234 5678", []found{{1, 16, kindPhone, "13812345678"}}},
		{"mobile with +86", "a.txt", "+8613812345678", []found{{1, 13, kindPhone, "13812345678"}}},
		{"mobile in full-width digits", "a.txt", "１３８１２３４５６７８", []found{{0, 33, kindPhone, "13812345678"}}},
		{"landline with a hyphen", "a.txt", "电话0914-2321234", []found{{6, 12, kindPhone, "09142321234"}}},
		{"landline with a space", "a.txt", "029 88886666", []found{{0, 12, kindPhone, "02988886666"}}},
		{"landline, code in brackets", "a.txt", "(0914)2321234", []found{{0, 13, kindPhone, "09142321234"}}},
		{"landline, code in full-width brackets", "a.txt", "（0914）2321234", []found{{0, 17, kindPhone, "09142321234"}}},
		{"Beijing landline", "a.txt", "010-88886666", []found{{0, 12, kindPhone, "01088886666"}}},
		{"landline written together", "a.txt", "09142321234", []found{{0, 11, kindPhone, "09142321234"}}},
		{"e-mail", "a.txt", "邮箱zhangsan@example.com。", []found{{6, 20, kindEmail, "zhangsan@example.com"}}},
		{"e-mail with a full-width at", "a.txt", "zhangsan＠example.com", []found{{0, 22, kindEmail, "zhangsan@example.com"}}},
		{"e-mail in full-width letters", "a.txt", "ＺＨＡＮＧ@ex.cn", []found{{0, 21, kindEmail, "zhang@ex.cn"}}},
		{"e-mail in a link", "a.html", `<a href="mailto:li.si@x.gov.cn">x</a>`, []found{{16, 14, kindEmail, "li.si@x.gov.cn"}}},
		{"bank card of 19 digits", "a.txt", "卡号6222021234567890123", []found{{6, 19, kindCard, "6222021234567890123"}}},
		{"bank card in fours", "a.txt", "6222 0212 3456 7890", []found{{0, 19, kindCard, "6222021234567890"}}},
		{"bank card in fours and three", "a.txt", "6222 0212 3456 7890 123", []found{{0, 23, kindCard, "6222021234567890123"}}},
		{"mobile split by emphasis", "a.html", "<p>1381234<strong>5678</strong></p>", []found{{3, 19, kindPhone, "13812345678"}}},
		{"mobile in a CSV field", "a.csv", "a,b\r\n张某,13812345678\r\n", []found{{12, 11, kindPhone, "13812345678"}}},
		{"mobile in a JSON string", "a.json", `{"tel":"13812345678"}`, []found{{8, 11, kindPhone, "13812345678"}}},
		{"two numbers in one run", "a.txt", "0914-2321234 13812345678", []found{{0, 12, kindPhone, "09142321234"}, {13, 11, kindPhone, "13812345678"}}},
		{"a date, then a mobile", "a.txt", "2024-05-06 13812345678", []found{{11, 11, kindPhone, "13812345678"}}},
		// What looks like a number but is none of these.
		{"hex digest", "a.txt", "app.3f2a9c1e5b7d0a11.js asset-8f14e45fceea167a5a36dedd4bea2543.css", nil},
		{"digits running into letters", "a.txt", "a13812345678 13812345678abc sha-110105198001011238f", nil},
		{"a 14-digit run", "a.txt", "20240506123456", nil},
		{"a date", "a.txt", "2024-05-06", nil},
		{"a case number", "a.txt", "清纪问〔2024〕3号", nil},
		{"a year and an amount", "a.txt", "2024年共计12345678元", nil},
		{"scores", "a.txt", "89.99 100.00 75.5 0.95%", nil},
		{"a row of years", "a.html", "<p><a>2020</a> <a>2021</a> <a>2022</a> <a>2023</a></p>", nil},
		{"eleven digits, not a mobile", "a.txt", "12812345678", nil},
		{"ten digits", "a.txt", "1234567890 0123456789", nil},
		{"an at without a domain", "a.txt", "@media echarts@6.1.0 a@b", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			hits, err := s.File(tc.file, []byte(tc.data))
			if err != nil {
				t.Fatal(err)
			}
			if got := founds(hits); !slices.Equal(got, tc.want) {
				t.Errorf("File(%q, %q)\n got %v\nwant %v", tc.file, tc.data, got, tc.want)
			}
		})
	}
}

func TestPatternsOnlyWhenAsked(t *testing.T) {
	if hits, _ := New(nil, nil).File("a.txt", []byte("手机13812345678")); hits != nil {
		t.Errorf("hits without Patterns: %v", hits)
	}
}

// An office's published phone in redaction.allow passes, however the page
// groups its digits; another number beside it does not.
func TestAllowedNumberPasses(t *testing.T) {
	s := New(nil, []string{"0914-2321234", "王平镇"}, Patterns())
	for _, data := range []string{"电话：0914-2321234", "电话：0914 2321234", "电话：（0914）2321234"} {
		if hits, _ := s.File("a.txt", []byte(data)); hits != nil {
			t.Errorf("File(%q) = %v, want none", data, hits)
		}
	}
	hits, _ := s.File("a.txt", []byte("电话：0914-2321234，13812345678"))
	if got, want := founds(hits), []found{{24, 11, kindPhone, "13812345678"}}; !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	if got := hits[0].String(); got != "a.txt:1: phone 1********** (text, byte 24)" {
		t.Errorf("String() = %q", got)
	}
}

// A number an input knows and the pattern finds is one hit.
func TestKnownNumberFoundByPatternIsOneHit(t *testing.T) {
	s := New([]Needle{phone, idNumber}, nil, Patterns())
	hits, _ := s.File("a.html", []byte("<p>13800138000 11010519491231002X</p>"))
	want := []found{{3, 11, "phone", "13800138000"}, {15, 18, "id-number", "11010519491231002X"}}
	if got := founds(hits); !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

// foundAt is a hit by pattern with its line.
type foundAt struct {
	Line int
	found
}

// Numbers in any grouping whose groups have three digits or more, joined by
// a space, - . / or a dash, with spaces around the mark or none: the digits
// decide what the number is. Each number stands on line 2, after "a\n".
func TestPatternsFindNumbersInAnyGrouping(t *testing.T) {
	s := New(nil, nil, Patterns())
	tests := []struct {
		name, file, data string
		want             []foundAt
	}{
		{"mobile 3-8", "a.txt", "a\n138-12345678", []foundAt{{2, found{2, 12, kindPhone, "13812345678"}}}},
		{"mobile 4-3-4", "a.txt", "a\n1391-234-5678", []foundAt{{2, found{2, 13, kindPhone, "13912345678"}}}},
		{"mobile 5 6", "a.txt", "a\n13812 345678", []foundAt{{2, found{2, 12, kindPhone, "13812345678"}}}},
		{"mobile by dots", "a.txt", "a\n139.1234.5678", []foundAt{{2, found{2, 13, kindPhone, "13912345678"}}}},
		{"mobile by slashes", "a.txt", "a\n139/1234/5678", []foundAt{{2, found{2, 13, kindPhone, "13912345678"}}}},
		{"mobile by em dashes", "a.txt", "a\n138—1234—5678", []foundAt{{2, found{2, 17, kindPhone, "13812345678"}}}},
		{"mobile by hyphens U+2010", "a.txt", "a\n138‐1234‐5678", []foundAt{{2, found{2, 17, kindPhone, "13812345678"}}}},
		{"mobile by figure dashes", "a.txt", "a\n138‒1234‒5678", []foundAt{{2, found{2, 17, kindPhone, "13812345678"}}}},
		{"mobile by horizontal bars", "a.txt", "a\n138―1234―5678", []foundAt{{2, found{2, 17, kindPhone, "13812345678"}}}},
		{"mobile by full-width hyphens", "a.txt", "a\n138－1234－5678", []foundAt{{2, found{2, 17, kindPhone, "13812345678"}}}},
		{"mobile by spaced dots", "a.txt", "a\n138 . 1234 . 5678", []foundAt{{2, found{2, 17, kindPhone, "13812345678"}}}},
		{"mobile after 86-", "a.txt", "a\n86-13812345678", []foundAt{{2, found{2, 14, kindPhone, "13812345678"}}}},
		{"mobile after +86 by dots", "a.txt", "a\n+86.138.1234.5678", []foundAt{{2, found{3, 16, kindPhone, "13812345678"}}}},
		{"landline, spaced hyphen", "a.txt", "a\n0914 - 2321234", []foundAt{{2, found{2, 14, kindPhone, "09142321234"}}}},
		{"landline by an en dash", "a.txt", "a\n0914–2321234", []foundAt{{2, found{2, 14, kindPhone, "09142321234"}}}},
		{"landline by a minus sign", "a.txt", "a\n0914−2321234", []foundAt{{2, found{2, 14, kindPhone, "09142321234"}}}},
		{"landline by a spaced slash", "a.txt", "a\n029 / 88886666", []foundAt{{2, found{2, 14, kindPhone, "02988886666"}}}},
		{"landline 3-4-4", "a.txt", "a\n029 8888 6666", []foundAt{{2, found{2, 13, kindPhone, "02988886666"}}}},
		{"landline by a dot", "a.txt", "a\n010.88886666", []foundAt{{2, found{2, 12, kindPhone, "01088886666"}}}},
		{"landline, code in brackets, local in groups", "a.txt", "a\n(0914) 232-1234", []foundAt{{2, found{2, 15, kindPhone, "09142321234"}}}},
		{"landline, code in brackets, an en dash", "a.txt", "a\n(0914)–2321234", []foundAt{{2, found{2, 16, kindPhone, "09142321234"}}}},
		{"ID number 10 8", "a.txt", "a\n1101051980 01011238", []foundAt{{2, found{2, 19, kindID, "110105198001011238"}}}},
		{"ID number in threes by dots", "a.txt", "a\n110.105.198.001.011.238", []foundAt{{2, found{2, 23, kindID, "110105198001011238"}}}},
		{"ID number ending in x, by en dashes", "a.txt", "a\n110105–19800101–123X", []foundAt{{2, found{2, 24, kindID, "11010519800101123x"}}}},
		{"old ID number 9 6", "a.txt", "a\n110105800 101123", []foundAt{{2, found{2, 16, kindID, "110105800101123"}}}},
		{"bank card 6 13", "a.txt", "a\n622202 1234567890123", []foundAt{{2, found{2, 20, kindCard, "6222021234567890123"}}}},
		{"bank card in fours by dots", "a.txt", "a\n6222.0212.3456.7890", []foundAt{{2, found{2, 19, kindCard, "6222021234567890"}}}},
		{"bank card in threes", "a.txt", "a\n622 202 123 456 789 0123", []foundAt{{2, found{2, 24, kindCard, "6222021234567890123"}}}},
		{"a date by dots, then a mobile", "a.txt", "a\n2024.05.06 139.1234.5678", []foundAt{{2, found{13, 13, kindPhone, "13912345678"}}}},
		{"a mobile, then a page range", "a.txt", "a\n13812345678-12", []foundAt{{2, found{2, 11, kindPhone, "13812345678"}}}},
		{"mobile in a JSON string by dots", "a.json", "{\n\"tel\":\"138.1234.5678\"}", []foundAt{{2, found{9, 13, kindPhone, "13812345678"}}}},
		{"mobile in a CSV field by en dashes", "a.csv", "a,b\r\n张某,138–1234–5678\r\n", []foundAt{{2, found{12, 17, kindPhone, "13812345678"}}}},
		{"mobile in an attribute by slashes", "a.html", "<p>\n<a title=\"139/1234/5678\">x</a></p>", []foundAt{{2, found{14, 13, kindPhone, "13912345678"}}}},
		{"mobile in visible text by spaced em dashes", "a.html", "<p>\n电话 138 — 1234 — 5678</p>", []foundAt{{2, found{11, 21, kindPhone, "13812345678"}}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			hits, err := s.File(tc.file, []byte(tc.data))
			if err != nil {
				t.Fatal(err)
			}
			var got []foundAt
			for _, h := range hits {
				got = append(got, foundAt{h.Line, found{h.Offset, h.Length, h.Needle.Kind, h.Needle.Text}})
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("File(%q, %q)\n got %v\nwant %v", tc.file, tc.data, got, tc.want)
			}
		})
	}
}

// What the grouping rule must leave alone: a group of fewer than three
// digits ends the groups, and the digits of what remains make no number.
func TestPatternsLeaveOtherFiguresAlone(t *testing.T) {
	s := New(nil, nil, Patterns())
	digest := "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852" // 60 hex digits
	tests := []struct{ name, file, data string }{
		{"a date by hyphens", "a.txt", "2024-05-06"},
		{"a date by dots", "a.txt", "2024.05.06"},
		{"a date by slashes", "a.txt", "2024/05/06"},
		{"a date by en dashes", "a.txt", "2024–05–06"},
		{"a row of years", "a.txt", "2021 2022 2023 2024"},
		{"a row of years after a label", "a.txt", "评估年度：2021 2022 2023 2024"},
		{"a row of years by slashes", "a.txt", "2021/2022/2023/2024/2025"},
		{"a project number", "a.txt", "项目编号2024-0001-0002-0003"},
		{"scores", "a.txt", "89.99 100.00 75.5 98.125"},
		{"case numbers", "a.txt", "（2024）陕0102刑初123号 陕纪〔2024〕123号 2024-123-456"},
		{"version strings", "a.txt", "6.1.0 v1.22.3 echarts@5.4.3"},
		{"page ranges", "a.txt", "12-34 第12–34页 pp. 123-456"},
		{"an address", "a.txt", "192.168.100.200"},
		{"an amount", "a.txt", "12,345,678.00"},
		{"a hex digest in a JSON string", "manifest.json", `{"app.js":"app.` + digest[:51] + `ab13812345678.js","sri":"sha256-` + digest[:51] + `ab13812345678"}`},
		{"a hex digest in an asset name", "a.html", `<script src="/assets/app-` + digest[:51] + `ab13812345678.js"></script>`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			hits, err := s.File(tc.file, []byte(tc.data))
			if err != nil {
				t.Fatal(err)
			}
			if hits != nil {
				t.Errorf("File(%q, %q) = %v, want none", tc.file, tc.data, hits)
			}
		})
	}
}
