package problem

// Lang selects the language of problem messages. Users are Chinese county
// offices, so zh-CN is the default; en serves maintainers and the English locale.
type Lang string

const (
	ZH Lang = "zh-CN"
	EN Lang = "en"
)

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
