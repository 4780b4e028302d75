package main

import (
	"bytes"
	"strings"
	"testing"
	"unicode"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"dutyreport/generator/problem"
)

// TestEveryCommandSpeaksChinese: every command and every flag has its
// Chinese help text, so a clerk reads no English in `--help` (the shell
// completion command, hidden, is cobra's own).
func TestEveryCommandSpeaksChinese(t *testing.T) {
	root := rootCmd(&globals{}, string(problem.ZH))
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if c.Name() == "completion" {
			return
		}
		if _, ok := zhCommands[c.Name()]; !ok {
			t.Errorf("the command %q has no Chinese help", c.CommandPath())
		}
		each := func(f *pflag.Flag) {
			_, byCmd := zhFlags[c.Name()+" "+f.Name]
			_, byFlag := zhFlags[f.Name]
			if !byCmd && !byFlag {
				t.Errorf("%s --%s has no Chinese help", c.CommandPath(), f.Name)
			}
		}
		c.LocalFlags().VisitAll(each)
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

// TestHelpInTheClerksLanguage: `--help` is Chinese by default, every line
// of its text holding no English sentence, and English with --lang en.
func TestHelpInTheClerksLanguage(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"build", "--help"}, {"new", "--help"}, {"diff", "--help"}} {
		var out bytes.Buffer
		if code := run(args, &out, &out); code != exitOK {
			t.Fatalf("%v: exit %d", args, code)
		}
		for _, line := range strings.Split(out.String(), "\n") {
			if englishWords(line) >= 3 {
				t.Errorf("%v: an English line in the Chinese help: %q", args, line)
			}
		}
		out.Reset()
		run(append(args, "--lang", "en"), &out, &out)
		if !strings.Contains(out.String(), "Usage:") || !strings.Contains(out.String(), "Flags:") {
			t.Errorf("%v --lang en: not the English help:\n%s", args, out.String())
		}
	}
}

// englishWords counts the words of three or more Latin letters in line
// that are no flag, file or placeholder of the command line.
func englishWords(line string) int {
	n := 0
	for _, w := range strings.FieldsFunc(line, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' && r != '.' && r != '/' && r != '_' }) {
		if strings.HasPrefix(w, "-") || strings.ContainsAny(w, "./_") || !isLatin(w) || len(w) < 3 {
			continue
		}
		switch w {
		case "dutyreport", "public", "internal", "text", "json", "markdown", "off", "zh-CN", "en", "sample", "true",
			"yaml", "site", "data", "content", "themes", "schemes", "layouts", "dashboard", "editions", "lock", "DIR", "FROM", "TO",
			"Markdown", "JSON", "CSV", "GOMEMLIMIT", "GiB", "MiB", "KiB", "TiB", "localhost", "zip", "help", "Ctrl", "addr", "POSIX":
			continue
		}
		n++
	}
	return n
}

func isLatin(w string) bool {
	for _, r := range w {
		if r > unicode.MaxASCII {
			return false
		}
	}
	return true
}
