package main

import (
	"errors"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"dutyreport/generator/sitetest"
)

var update = flag.Bool("update", false, "rewrite the expected output in the scripts")

func TestMain(m *testing.M) {
	// TestHostileInputs runs the command in a child process: this test
	// binary re-executed with childEnv (hostile_test.go) set. A crash, a
	// hang or a gigabyte of memory is then the child's, measured and
	// bounded.
	// The tests say which language they expect (zh-CN by default, or
	// --lang en): the machine's locale must not choose for them. Scripts
	// that test the locale set LANG themselves.
	if os.Getenv("DUTYREPORT_TEST_LOCALE") == "" {
		for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
			os.Unsetenv(k)
		}
	}
	if os.Getenv("DUTYREPORT_TEST_MAIN") == "1" {
		os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
	}
	testscript.Main(m, map[string]func(){
		"dutyreport": func() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs one behaviour per file in testdata/script. It runs
// beside TestHostileInputs: both run the command in child processes.
func TestScripts(t *testing.T) {
	t.Parallel()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir:           "testdata/script",
		UpdateScripts: *update,
		Setup: func(env *testscript.Env) error {
			env.Setenv("EXAMPLE", root) // the repository root is the example site
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"mkxlsx":   mkxlsx,
			"exitcode": exitcode,
			"fillxlsx": fillxlsx,
			"delcol":   delcol,
		},
	})
}

// mkxlsx turns each NAME.xlsx.tsv of the script's files into a real workbook
// NAME.xlsx (see sitetest.ParseTSV for the format): txtar holds text, and
// a workbook is binary.
//
//	mkxlsx data/2024/民主测评.xlsx.tsv …
func mkxlsx(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) == 0 {
		ts.Fatalf("usage: mkxlsx file.xlsx.tsv...")
	}
	for _, a := range args {
		sheets, err := sitetest.ParseTSV(a, ts.ReadFile(a))
		ts.Check(err)
		ts.Check(sitetest.WriteWorkbook(ts.MkAbs(strings.TrimSuffix(a, ".tsv")), sheets...))
	}
}

// exitcode runs a command and checks its exact exit code; its output can
// then be checked with stdout and stderr.
//
//	exitcode 2 dutyreport build --bogus
func exitcode(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exitcode N command [args...]")
	}
	want, err := strconv.Atoi(args[0])
	ts.Check(err)
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			ts.Fatalf("%v", err)
		}
		got = ee.ExitCode()
	}
	if got != want {
		ts.Fatalf("exit code %d, want %d", got, want)
	}
}
