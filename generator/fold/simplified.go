package fold

import (
	"sync"

	"github.com/longbridgeapp/opencc"
)

// t2s maps each traditional character to its simplified form, by OpenCC's
// character table (TSCharacters), character for character: a name is
// folded one character at a time, so 張三 and 张三 fold alike, while
// OpenCC's phrase table, which may change a word's length, is not used.
var t2s = sync.OnceValue(func() map[rune]rune {
	cc, err := opencc.New("t2s")
	if err != nil {
		panic("fold: OpenCC's t2s table does not load: " + err.Error()) // embedded in the library: a broken build
	}
	m := map[rune]rune{}
	for _, block := range [][2]rune{{0x3400, 0x4dbf}, {0x4e00, 0x9fff}, {0xf900, 0xfaff}, {0x20000, 0x2ebef}} {
		for r := block[0]; r <= block[1]; r++ {
			s, err := cc.Convert(string(r))
			if err != nil {
				continue
			}
			if rs := []rune(s); len(rs) == 1 && rs[0] != r {
				m[r] = rs[0]
			}
		}
	}
	return m
})

// simplified gives the simplified form of a Han character, or the
// character itself.
func simplified(r rune) rune {
	if r >= urStart && r < urStart+rune(len(urTable{})) {
		if s := urT2S()[r-urStart]; s != 0 {
			return s
		}
		return r
	}
	if s, ok := t2s()[r]; ok {
		return s
	}
	return r
}

// urStart..U+9FFF (Extension A and the Unified Ideographs) are looked up in
// an array, the rest of the table in the map: most text is in these blocks.
const urStart = 0x3400

type urTable [0xa000 - urStart]rune

var urT2S = sync.OnceValue(func() *urTable {
	var t urTable
	for r, s := range t2s() {
		if r >= urStart && r < 0xa000 {
			t[r-urStart] = s
		}
	}
	return &t
})

// Simplified gives the simplified form of a traditional Han character, by
// OpenCC's character table; any other character is returned as it is.
func Simplified(r rune) rune { return simplified(r) }
