package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"dutyreport/generator"
	"dutyreport/generator/config"
	"dutyreport/generator/diff"
	"dutyreport/generator/edition"
	"dutyreport/generator/problem"
)

// version is set by the Makefile (-ldflags "-X main.version=…").
var version = ""

// exitError carries an exit code out of a command.
type exitError struct{ code int }

func (e *exitError) Error() string { return fmt.Sprintf("exit %d", e.code) }

func exitCode(err error) int {
	var ee *exitError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &ee):
		return ee.code
	}
	return exitUsage // cobra's own errors: unknown command or flag, bad arguments
}

// options shared by the commands.
type globals struct {
	lang     string
	memLimit string
	stdout   io.Writer
	stderr   io.Writer
	watchdog *watchdog // started before a command runs; nil with --memory-limit off
	// allProblems prints every problem (--verbose), not the first
	// problem.PerFile of each file and a count of the rest.
	allProblems bool
}

func (g *globals) language() problem.Lang {
	l, _ := problem.ParseLang(g.lang)
	return l
}

// say prints a line of the catalogue (problem.T) in the language of
// messages.
func (g *globals) say(w io.Writer, t problem.Text) {
	fmt.Fprintln(w, t.In(g.language()))
}

func newRoot(stdout, stderr io.Writer) *cobra.Command {
	return rootCmd(&globals{stdout: stdout, stderr: stderr}, string(problem.ZH))
}

// rootCmd makes the command tree; lang is --lang's default, from the
// environment.
func rootCmd(g *globals, lang string) *cobra.Command {
	root := &cobra.Command{
		Use:   "dutyreport",
		Short: "Build the website of a county's responsibility-system assessment from its spreadsheets",
		Long: `dutyreport reads a site folder (site.yaml, a scheme, the exported spreadsheets in
data/ and Markdown in content/) and writes a static website: rankings, grade bands,
unit pages and data exports. The public site goes to public/, the internal dashboard
to dashboard/.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			if _, ok := problem.ParseLang(g.lang); !ok {
				return usage(cmd, errorf(problem.TBadLang, g.lang))
			}
			limit, err := memoryLimit(g.memLimit, cmd.Flags().Changed("memory-limit"))
			if err != nil {
				return usage(cmd, err)
			}
			g.watchdog = startWatchdog(limit, g.stderr, g.language())
			return nil
		},
	}
	root.SetOut(g.stdout)
	root.SetErr(g.stderr)
	root.PersistentFlags().StringVar(&g.lang, "lang", lang, "language of messages: zh-CN or en (when not given, the environment's locale's)")
	root.PersistentFlags().StringVar(&g.memLimit, "memory-limit", "", "stop with an internal error (exit 3) when the data kept in memory pass this size, such as 2GiB or 512MiB, or off (default: GOMEMLIMIT when set, else 3/4 of the memory the machine or container gives)")
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error { return usage(cmd, err) })
	root.AddCommand(newCmd(g), buildCmd(g), checkCmd(g), auditCmd(g), diffCmd(g), serveCmd(g), versionCmd(g), templateCmd(g))
	return root
}

// checkAudience refuses an --audience that is neither public nor internal.
func checkAudience(a string) error {
	if a != config.Public && a != config.Internal {
		return errorf(problem.TBadAudience, a)
	}
	return nil
}

// usage prints a command-line mistake and the command's usage, exit code 2.
func usage(cmd *cobra.Command, err error) error {
	fmt.Fprintf(cmd.ErrOrStderr(), "dutyreport: %s\n\n%s", message(err, langOf(cmd)), cmd.UsageString())
	return &exitError{exitUsage}
}

// refuse prints why a command written right cannot do what it was asked,
// and the next command to try where one is obvious, without the usage:
// exit code 2.
func refuse(cmd *cobra.Command, err error, hint ...problem.Text) error {
	fmt.Fprintf(cmd.ErrOrStderr(), "dutyreport: %s\n", message(err, langOf(cmd)))
	for _, h := range hint {
		fmt.Fprintln(cmd.ErrOrStderr(), h.In(langOf(cmd)))
	}
	return &exitError{exitUsage}
}

func buildCmd(g *globals) *cobra.Command {
	var o generator.Options
	var quiet, verbose bool
	cmd := &cobra.Command{
		Use:   "build",
		Short: "Build the site of one audience",
		Long: `build reads the site folder, checks every input, scores every year and writes the
site. Nothing is written unless every input is correct: the previous site stays as it
was until the new one is complete, then it is swapped in.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkAudience(o.Audience); err != nil {
				return usage(cmd, err)
			}
			if v := os.Getenv("SOURCE_DATE_EPOCH"); v != "" {
				secs, err := strconv.ParseInt(v, 10, 64)
				if err != nil || secs < 315532800 { // 1980-01-01, the earliest a zip can hold
					return refuse(cmd, errorf(problem.TBadSourceDate, v))
				}
				o.SourceDate = time.Unix(secs, 0)
			}
			prog := newProgress(g, quiet, verbose)
			g.allProblems = verbose
			o.Progress, o.Reading = g.watchdog.track(prog.report()), g.watchdog.Reading()
			rep, probs, err := generator.Build(o)
			prog.finish()
			if err := outcome(cmd, g, probs, err); err != nil {
				return err
			}
			if quiet {
				return nil
			}
			if rep.UpToDate {
				g.say(g.stdout, problem.T(problem.TUpToDate, rep.Out, rep.Pages, rep.Files))
			} else {
				g.say(g.stdout, problem.T(problem.TBuilt, rep.Out, rep.Pages, rep.Files, rep.Written, rep.Unchanged))
			}
			if len(rep.Locked) > 0 {
				g.say(g.stdout, problem.T(problem.TRecordedIn, edition.LockFile, problem.Joined(rep.Locked)))
			}
			if o.Zip != "" {
				g.say(g.stdout, problem.T(problem.TPackedInto, o.Zip))
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&o.Source, "source", ".", "the site folder (holding site.yaml)")
	cmd.Flags().StringVar(&o.Out, "out", "", "the output folder (default: public/ or dashboard/ in the site folder, from site.yaml)")
	cmd.Flags().StringVar(&o.Audience, "audience", config.Public, "public (the county website) or internal (the office's dashboard)")
	cmd.Flags().BoolVar(&o.NoCache, "no-cache", false, "read every input file again, ignoring what the cache kept of unchanged ones")
	cmd.Flags().BoolVar(&o.Force, "force", false, "build into an output folder that holds files no build made (keeping them), and over pages of the last build edited by hand")
	cmd.Flags().StringVar(&o.Zip, "zip", "", "also pack the built site into this zip file, the same bytes for the same site (for upload to the county CMS)")
	progressFlags(cmd, &quiet, &verbose)
	return cmd
}

func checkCmd(g *globals) *cobra.Command {
	var o generator.Options
	var quiet, verbose bool
	format := "text"
	cmd := &cobra.Command{
		Use:   "check",
		Short: "Check every input and report every problem, writing nothing",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "text" && format != "json" {
				return usage(cmd, errorf(problem.TBadFormat, format, "text、json"))
			}
			prog := newProgress(g, quiet || format == "json", verbose)
			g.allProblems = verbose
			o.Progress, o.Reading = g.watchdog.track(prog.report()), g.watchdog.Reading()
			probs := generator.Check(o)
			prog.finish()
			if format == "json" { // every problem, on standard output
				out := []problem.JSON{}
				for _, p := range probs {
					out = append(out, p.JSON(g.language()))
				}
				data, err := json.MarshalIndent(out, "", "  ")
				if err != nil {
					return internal(g, err)
				}
				fmt.Fprintln(g.stdout, string(data))
				if probs.HasErrors() {
					return &exitError{exitInput}
				}
				return nil
			}
			printProblems(g, probs)
			if quiet && !probs.HasErrors() {
				return nil
			}
			summary(g, probs)
			if probs.HasErrors() {
				return &exitError{exitInput}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&o.Source, "source", ".", "the site folder (holding site.yaml)")
	cmd.Flags().BoolVar(&o.NoCache, "no-cache", false, "read every input file again, ignoring what the cache kept of unchanged ones")
	cmd.Flags().StringVar(&format, "format", "text", "text, or json: every problem as a JSON array on standard output, its parts apart")
	progressFlags(cmd, &quiet, &verbose)
	return cmd
}

// progressFlags adds --quiet and --verbose to a command that builds.
func progressFlags(cmd *cobra.Command, quiet, verbose *bool) {
	cmd.Flags().BoolVarP(quiet, "quiet", "q", false, "print only the problems: no progress, no summary")
	cmd.Flags().BoolVarP(verbose, "verbose", "v", false, fmt.Sprintf("print the time of each stage of the build, and every problem (not only the first %d of each file)", problem.PerFile))
	cmd.MarkFlagsMutuallyExclusive("quiet", "verbose")
}

func auditCmd(g *globals) *cobra.Command {
	var o generator.Options
	cmd := &cobra.Command{
		Use:   "audit DIR",
		Short: "Scan a built site for personal data it must not show",
		Long: `audit scans every file of the built site in DIR, and every file and folder name, for
every sensitive string the inputs of the site folder know: the names of the persons
held accountable and of the rosters, their ID and phone numbers, and the names of
whistleblowers and witnesses; for the public audience also for ID, phone and bank card
numbers and e-mail addresses by their shape. It reads each file as a reader would (the
visible text and attributes of pages, CSV fields, JSON and script strings, zip entries,
with entities decoded, invisible characters and the spaces between Chinese characters
dropped, traditional forms folded) and its raw bytes in every encoding a page may use.
Each hit is printed with its file and line, the name itself masked. The public build
runs it on its own output.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkAudience(o.Audience); err != nil {
				return usage(cmd, err)
			}
			if st, err := os.Stat(args[0]); err != nil || !st.IsDir() {
				return refuse(cmd, errorf(problem.TNotAFolder, args[0]), problem.T(problem.TAuditBuildFirst))
			}
			o.Reading = g.watchdog.Reading()
			probs, err := generator.Audit(o, args[0])
			printProblems(g, probs)
			switch {
			case err != nil && !probs.HasErrors():
				return internal(g, err)
			case probs.HasErrors():
				g.say(g.stderr, problem.T(problem.TAuditProblems, len(probs.Errors())))
				return &exitError{exitInput}
			}
			g.say(g.stdout, problem.T(problem.TAuditClean, args[0]))
			return nil
		},
	}
	cmd.Flags().StringVar(&o.Source, "source", ".", "the site folder whose inputs name the sensitive strings")
	cmd.Flags().StringVar(&o.Audience, "audience", config.Public, "the audience the site in DIR is for: public or internal")
	return cmd
}

func diffCmd(g *globals) *cobra.Command {
	var o generator.Options
	var format string
	cmd := &cobra.Command{
		Use:   "diff FROM TO",
		Short: "Say what changed between two years, or two revisions of one",
		Long: `diff compares two editions of the site, FROM and TO: two years (2022 2023), or two
revisions of one year (2023r1 2023, the first publication against the current one;
earlier revisions are read from editions/2023/r1/). It lists units that moved rank
within their group and by how much, bands changed, consequences gained or lost, notices
added or removed, and units created, renamed, merged or dropped. It prints text (the default),
Markdown or JSON, in the site's language; each year's "changes since last year" page
is made by the same code.`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkAudience(o.Audience); err != nil {
				return usage(cmd, err)
			}
			if format != "text" && format != "markdown" && format != "json" {
				return usage(cmd, errorf(problem.TBadFormat, format, "text、markdown、json"))
			}
			var eds [2]diff.Label
			for i, a := range args {
				l, ok := parseEdition(a)
				if !ok {
					return usage(cmd, errorf(problem.TBadEdition, a))
				}
				eds[i] = l
			}
			o.Reading = g.watchdog.Reading()
			d, theme, probs, err := generator.Diff(o, eds[0], eds[1])
			if err := outcome(cmd, g, probs, err); err != nil {
				return err
			}
			if format == "json" {
				data, err := json.MarshalIndent(d, "", "  ")
				if err != nil {
					return internal(g, err)
				}
				_, err = fmt.Fprintf(g.stdout, "%s\n", data)
				return err
			}
			_, err = g.stdout.Write(theme.DiffText(d, format == "markdown"))
			return err
		},
	}
	cmd.Flags().StringVar(&o.Source, "source", ".", "the site folder (holding site.yaml)")
	cmd.Flags().StringVar(&o.Audience, "audience", config.Public, "compare the years as this audience sees them: public (names masked, published years) or internal")
	cmd.Flags().StringVar(&format, "format", "text", "text, markdown or json")
	cmd.Flags().BoolVar(&o.NoCache, "no-cache", false, "read every input file again, ignoring what the cache kept of unchanged ones")
	return cmd
}

// parseEdition reads a diff argument: a year (2023) or a revision (2023r1).
func parseEdition(a string) (diff.Label, bool) {
	year, rev, hasRev := strings.Cut(strings.ToLower(a), "r")
	y, err := strconv.Atoi(year)
	if err != nil || y < 1000 || y > 9999 {
		return diff.Label{}, false
	}
	l := diff.Label{Year: y}
	if hasRev {
		n, err := strconv.Atoi(rev)
		if err != nil || n < 1 {
			return diff.Label{}, false
		}
		l.Revision = n
	}
	return l, true
}

func versionCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version of dutyreport",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			fmt.Fprintf(g.stdout, "dutyreport %s %s %s/%s\n", versionString(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
			return nil
		},
	}
}

func versionString() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "(devel)"
}

// outcome prints a run's problems and turns its failure into the exit: a
// usage error (2), an internal one (3) or errors in the input (1, with the
// summary). nil means the command goes on to print its result.
func outcome(cmd *cobra.Command, g *globals, probs problem.List, err error) error {
	printProblems(g, probs)
	switch {
	case err != nil && generator.IsUsage(err):
		return refuse(cmd, err)
	case err != nil:
		return internal(g, err)
	case probs.HasErrors():
		summary(g, probs)
		return &exitError{exitInput}
	}
	return nil
}

// printProblems writes the problems, errors and warnings, one per line:
// the first problem.PerFile of each file, then a line for each kind of the
// rest with how many there are and their rows; every one with --verbose,
// and what the reading library said of a damaged file.
func printProblems(g *globals, probs problem.List) {
	shown, folded := probs, []problem.Folded(nil)
	if !g.allProblems {
		shown, folded = probs.Capped(problem.PerFile)
	}
	// Each file's count comes after its last problem shown.
	foldsOf := func(file string) {
		for _, f := range folded {
			if f.File == file {
				fmt.Fprintln(g.stderr, f.Format(g.language()))
			}
		}
	}
	for i, p := range shown {
		if g.allProblems {
			fmt.Fprintln(g.stderr, p.FormatVerbose(g.language()))
		} else {
			fmt.Fprintln(g.stderr, p.Format(g.language()))
		}
		if i == len(shown)-1 || shown[i+1].Pos.File != p.Pos.File {
			foldsOf(p.Pos.File)
		}
	}
}

// summary counts the problems at the end, where a clerk looks first.
func summary(g *globals, probs problem.List) {
	errs := len(probs.Errors())
	warns := len(probs) - errs
	if errs > 0 {
		g.say(g.stderr, problem.T(problem.TSummaryErrors, errs, warns))
		return
	}
	g.say(g.stdout, problem.T(problem.TSummaryClean, warns))
}

// internal reports an error that is not the input's fault.
func internal(g *globals, err error) error {
	g.say(g.stderr, problem.T(problem.TInternal, strings.TrimSpace(err.Error())))
	return &exitError{exitInternal}
}
