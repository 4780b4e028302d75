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
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
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
	root := rootCmd(g)
	root.SetArgs(args)
	err := root.Execute()
	g.watchdog.Stop()
	var ee *exitError
	if err != nil && !errors.As(err, &ee) {
		// cobra's own: a missing argument, flags that exclude each other.
		fmt.Fprintf(stderr, "dutyreport: %v\n", err)
	}
	return exitCode(err)
}
