package fold

import (
	"testing"
)

func TestOfFoldsWhatAReaderSeesAlike(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"plain", "张三", "张三"},
		{"space between Han", "张 三", "张三"},
		{"ideographic space", "张\u3000三", "张三"},
		{"line break", "张\n三", "张三"},
		{"no-break space entity", "张&nbsp;三", "张三"},
		{"thin space", "张\u2009三", "张三"},
		{"zero-width space", "张\u200b三", "张三"},
		{"zero-width joiner entity", "张&zwj;三", "张三"},
		{"soft hyphen", "张\u00ad三", "张三"},
		{"word joiner", "张\u2060三", "张三"},
		{"hangul filler", "张\u3164三", "张三"},
		{"variation selector", "张\ufe00三", "张三"},
		{"combining underline", "王\u0332小\u0332明\u0332", "王小明"},
		{"combining accent", "王小\u0301明", "王小明"},
		{"accents fold away, composed or not", "jos\u00e9 jose\u0301", "jose jose"},
		{"braille blank as a space", "王\u2800小明", "王小明"},
		{"right-to-left override read as shown", "经查，\u202e明小王\u202c对此", "经查,王小明对此"},
		{"right-to-left digits", "手机\u202e87654321831\u202c。", "手机13812345678。"},
		{"an unclosed override ends at the line", "\u202e明小王\n张三", "王小明张三"},
		{"decimal reference", "&#24352;&#19977;", "张三"},
		{"hex reference", "&#x5F20;&#x4e09;", "张三"},
		{"percent", "%E5%BC%A0%e4%b8%89", "张三"},
		{"traditional", "張三", "张三"},
		{"traditional compound", "歐陽明遠", "欧阳明远"},
		{"kangxi radical", "\u2f08", "人"},
		{"compatibility ideograph", "\uf900", "岂"},
		{"full-width digits", "１３８", "138"},
		{"full-width letters", "ＺＨＡＮＧ", "zhang"},
		{"middle dot dropped between Han", "买买提·艾力", "买买提艾力"},
		{"full stop instead of the dot", "买买提.艾力", "买买提艾力"},
		{"katakana dot", "买买提・艾力", "买买提艾力"},
		{"hyphen instead of the dot", "买买提-艾力", "买买提艾力"},
		{"spaced dot", "买买提 · 艾力", "买买提艾力"},
		{"dot in Latin text kept", "a.b", "a.b"},
		{"dash between digits kept", "2024-2025", "2024-2025"},
		{"Latin spaces collapse", "Zhang   San", "zhang san"},
		{"space by Han dropped", "共 3 人", "共3人"},
		{"bare ampersand", "A & B", "a & b"},
		{"unknown entity", "&foo;", "&foo;"},
		{"a bare percent kept", "100%", "100%"},
		{"percent-encoded space", "张%20三", "张三"},
		{"percent-encoded ASCII", "a%2Eb", "a.b"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Of(tc.src).S; got != tc.want {
				t.Errorf("Of(%q) = %q, want %q", tc.src, got, tc.want)
			}
		})
	}
}

func TestSourceMapsBackOverWhatLayBetween(t *testing.T) {
	src := "经张<em>x</em>三举报"
	_ = src
	tests := []struct {
		src, find, want string
	}{
		{"经张 三举报", "张三", "张 三"},
		{"经&#24352;&#19977;举报", "张三", "&#24352;&#19977;"},
		{"经張\u200b三举报", "张三", "張\u200b三"},
		{"ab买买提.艾力cd", "买买提艾力", "买买提.艾力"},
		{"①号", "1", "①"},
		{"经\u202e明小王\u202c说", "王小明", "明小王"},
	}
	for _, tc := range tests {
		ft := Of(tc.src)
		i := index(ft.S, tc.find)
		if i < 0 {
			t.Fatalf("%q not in %q", tc.find, ft.S)
		}
		s, e := ft.Source(i, i+len(tc.find))
		if got := tc.src[s:e]; got != tc.want {
			t.Errorf("Source of %q in %q = %q, want %q", tc.find, tc.src, got, tc.want)
		}
	}
}

func index(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

func BenchmarkOf(b *testing.B) {
	src := "2021年中秋节期间，县统计局办公室主任司马文军违规使用公务用车办理私事，局党组书记、局长赵卫东对此管理失察。Some ASCII text 12345."
	Of(src)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		Of(src)
	}
}
