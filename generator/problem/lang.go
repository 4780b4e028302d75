package problem

// Lang selects the language of problem messages. Users are Chinese county
// offices, so zh-CN is the default; en serves maintainers and the English locale.
type Lang string

const (
	ZH Lang = "zh-CN"
	EN Lang = "en"
)

// words are the connecting words of a formatted problem.
var words = map[Lang]struct{ at, warning, found, expected, sep, note string }{
	ZH: {"：", "警告：", "：读到 %q", "；应为 ", "；", "\n\t参见："},
	EN: {": ", "warning: ", ": found %q", "; expected ", "; ", "\n\tnote: "},
}

// ParseLang accepts zh-CN (also zh, zh-Hans) and en; ok is false for anything else.
func ParseLang(s string) (Lang, bool) {
	switch s {
	case "zh-CN", "zh", "zh-Hans", "zh_CN":
		return ZH, true
	case "en", "en-US", "en-GB":
		return EN, true
	}
	return "", false
}
