package main

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"dutyreport/generator"
	"dutyreport/generator/problem"
	"dutyreport/generator/workbook"
	"dutyreport/serve"
)

// envLang is the language the environment's locale asks for: LC_ALL, then
// LC_MESSAGES, then LANG, as POSIX orders them; English for an English
// locale, else Chinese (the users' language, also under C or POSIX).
func envLang(getenv func(string) string) string {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(k); v != "" {
			if strings.HasPrefix(strings.ToLower(v), "en") {
				return string(problem.EN)
			}
			return string(problem.ZH)
		}
	}
	return string(problem.ZH)
}

// argLang finds --lang among args before they are parsed: the help texts
// are set when the commands are made. "" when not given.
func argLang(args []string) string {
	lang := "" // the last one given, as the flag parser keeps
	for i, a := range args {
		switch {
		case a == "--":
			return lang
		case a == "--lang" && i+1 < len(args):
			lang = args[i+1]
		case strings.HasPrefix(a, "--lang="):
			lang = strings.TrimPrefix(a, "--lang=")
		}
	}
	return lang
}

// cliError is a command-line mistake in the catalogue's words.
type cliError struct{ text problem.Text }

func (e *cliError) Error() string { return e.text.In(problem.EN) }

// errorf is the command-line mistake id of the catalogue, with its values.
func errorf(id problem.TextID, args ...any) error { return &cliError{problem.T(id, args...)} }

// message words err in lang: the catalogue's text of our own errors and
// the generator's, cobra's and pflag's English translated for zh-CN.
func message(err error, lang problem.Lang) string {
	var ce *cliError
	var ue *generator.UsageError
	var ae *serve.AddrError
	switch {
	case errors.As(err, &ce):
		return ce.text.In(lang)
	case errors.As(err, &ae) && ae.Text.In(lang) != "":
		return ae.Text.In(lang)
	case errors.As(err, &ue):
		s := ue.Text.In(lang)
		if h := ue.Hint.In(lang); h != "" {
			s += "\n" + h
		}
		return s
	case lang == problem.ZH:
		return cobraZH(err.Error())
	}
	return err.Error()
}

// cobraZH translates the mistakes cobra and pflag report, in English,
// into Chinese; anything else stays as it is.
func cobraZH(s string) string {
	s, suggest, _ := strings.Cut(s, "\n\nDid you mean this?\n")
	for _, t := range cobraTexts {
		if m := t.re.FindStringSubmatch(s); m != nil {
			args := make([]any, len(m)-1)
			for i := range args {
				args[i] = m[i+1]
			}
			if strings.Contains(t.zh, "不能同时使用") { // [quiet verbose]: --quiet 和 --verbose
				args[1] = "--" + strings.Join(strings.Fields(m[2]), " 和 --")
			}
			s = fmt.Sprintf(t.zh, args...)
			break
		}
	}
	if suggest = strings.TrimSpace(suggest); suggest != "" {
		s += "。是否应为：" + strings.Join(strings.Fields(suggest), "、")
	}
	return s
}

var cobraTexts = []struct {
	re *regexp.Regexp
	zh string
}{
	{regexp.MustCompile(`^unknown command "(.*)" for "(.*)"$`), "%[2]s 没有 %[1]s 这个命令"},
	{regexp.MustCompile(`^unknown flag: (\S+)$`), "没有 %s 这个选项"},
	{regexp.MustCompile(`^unknown shorthand flag: '(.)' in \S+$`), "没有 -%s 这个选项"},
	{regexp.MustCompile(`^flag needs an argument: '?(\S+?)'?(?: in \S+)?$`), "选项 %s 需要一个值"},
	{regexp.MustCompile(`^invalid argument "(.*)" for "(.*)" flag: .*$`), "选项 %[2]s 的值 \"%[1]s\" 不正确"},
	{regexp.MustCompile(`^accepts (\d+) arg\(s\), received (\d+)$`), "需要 %s 个参数，实际给了 %s 个"},
	{regexp.MustCompile(`^if any flags in the group \[(.*)\] are set none of the others can be; \[(.*)\] were all set$`), "选项 %[2]s 不能同时使用"},
}

// zhFlagUsages lists a command's flags in Chinese: pflag's own list says
// "string" and "(default …)".
func zhFlagUsages(fs *pflag.FlagSet) string {
	type line struct{ left, usage string }
	var lines []line
	width := 0
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		left := "      --" + f.Name
		if f.Shorthand != "" {
			left = "  -" + f.Shorthand + ", --" + f.Name
		}
		switch f.Value.Type() {
		case "string":
			left += " 文字"
		case "int":
			left += " 数字"
		}
		usage := f.Usage
		if d := f.DefValue; d != "" && d != "false" && d != "0" && f.Value.Type() != "bool" {
			usage += "（默认 " + d + "）"
		}
		width = max(width, workbook.TextWidth(left))
		lines = append(lines, line{left, usage})
	})
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(l.left + strings.Repeat(" ", width-workbook.TextWidth(l.left)+3) + l.usage + "\n")
	}
	return b.String()
}

// langOf gives the language of messages of cmd's tree, which run set.
func langOf(cmd *cobra.Command) problem.Lang {
	l, ok := problem.ParseLang(cmd.Root().Annotations["lang"])
	if !ok {
		return problem.ZH
	}
	return l
}
