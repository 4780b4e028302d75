package main

import (
	"io"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// TestReadmeDocumentsEveryCommandAndFlag keeps the README's command reference
// true: every command has a "### `dutyreport NAME`" section listing each of
// its flags, the global flags are under "### Global flags", and the README
// names no flag the tool does not have.
func TestReadmeDocumentsEveryCommandAndFlag(t *testing.T) {
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	section := func(title string) string {
		i := strings.Index(readme, "\n### "+title+"\n")
		if i < 0 {
			t.Errorf("README has no section %q", "### "+title)
			return ""
		}
		rest := readme[i+len(title)+5:]
		if j := strings.Index(rest, "\n#"); j >= 0 {
			rest = rest[:j]
		}
		return rest
	}
	flagsIn := func(text string) []string {
		var out []string
		for _, m := range regexp.MustCompile("`(--[a-z-]+)").FindAllStringSubmatch(text, -1) {
			out = append(out, m[1])
		}
		slices.Sort(out)
		return slices.Compact(out)
	}
	names := func(fs *pflag.FlagSet) []string {
		var out []string
		fs.VisitAll(func(f *pflag.Flag) {
			if f.Name != "help" {
				out = append(out, "--"+f.Name)
			}
		})
		slices.Sort(out)
		return out
	}

	root := newRoot(io.Discard, io.Discard)
	if got, want := flagsIn(section("Global flags")), names(root.PersistentFlags()); !slices.Equal(got, want) {
		t.Errorf("README global flags %v, the tool's %v", got, want)
	}
	var commands []*cobra.Command
	for _, c := range root.Commands() {
		if !c.Hidden && c.Name() != "help" && c.Name() != "completion" {
			commands = append(commands, c)
		}
	}
	if len(commands) < 3 {
		t.Fatalf("only %d commands found", len(commands))
	}
	for _, c := range commands {
		got, want := flagsIn(section("`dutyreport "+c.Name()+"`")), names(c.LocalFlags())
		if !slices.Equal(got, want) {
			t.Errorf("README section of %s lists flags %v; the command has %v", c.Name(), got, want)
		}
	}
}
