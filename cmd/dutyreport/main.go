// Command dutyreport builds the static website of a county's
// responsibility-system assessment from its exported spreadsheets.
//
// The command is thin: it parses flags, calls the generator and turns the
// outcome into output and an exit code (0 ok, 1 the input needs fixing,
// 2 the command line was wrong, 3 an internal error).
package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"dutyreport/generator/problem"
)

func main() {
	restore := setupConsole()
	code := run(os.Args[1:], os.Stdout, os.Stderr)
	restore()
	os.Exit(code)
}

// Exit codes say whose move it is.
const (
	exitOK       = 0
	exitInput    = 1 // the input needs fixing
	exitUsage    = 2 // the command line was wrong
	exitInternal = 3 // a bug or the disk: please report it
)

// run executes the command line args and returns the exit code.
func run(args []string, stdout, stderr io.Writer) int {
	g := &globals{stdout: stdout, stderr: stderr}
	// The language is known before the command line is parsed, for the
	// help texts: --lang, else the environment's locale, else zh-CN.
	fallback := envLang(os.Getenv)
	lang, ok := problem.ParseLang(argLang(args))
	if !ok {
		lang, _ = problem.ParseLang(fallback)
	}
	root := rootCmd(g, fallback)
	root.Annotations = map[string]string{"lang": string(lang)}
	localize(root, lang)
	root.SetArgs(args)
	cmd, err := root.ExecuteC()
	g.watchdog.Stop()
	var ee *exitError
	if err != nil && !errors.As(err, &ee) {
		// cobra's own: an unknown command, a missing argument, flags that
		// exclude each other. A mistake of usage: the usage follows.
		fmt.Fprintf(stderr, "dutyreport: %s\n\n%s", message(err, lang), cmd.UsageString())
	}
	return exitCode(err)
}
