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
