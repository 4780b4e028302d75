package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"dutyreport/generator/problem"
	"dutyreport/generator/scaffold"
)

func newCmd(g *globals) *cobra.Command {
	var o scaffold.Options
	cmd := &cobra.Command{
		Use:   "new DIR",
		Short: "Make a new site folder that builds at once, with sample data",
		Long: `new makes a site folder DIR (new or empty): site.yaml, the Shangnan scheme, Markdown
pages and the spreadsheets of a small sample county, two years of them: the year
before --year published, --year a draft. Build it at once, then replace the sample
with the county's own spreadsheets and text, and delete "sample: true" from site.yaml.
Run at a terminal without --county, it asks for the county, the office and the
county's scheme document; a scheme without its own title and number stays
Shangnan's, marked as a sample, which a published site refuses.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			check := func() error {
				if o.Year < 1990 || o.Year > 2100 {
					return usage(cmd, errorf(problem.TNewBadYear, o.Year))
				}
				if o.SchemeIssued != "" {
					if _, err := time.Parse(time.DateOnly, o.SchemeIssued); err != nil {
						return usage(cmd, errorf(problem.TBadDate, "--scheme-issued", o.SchemeIssued))
					}
				}
				if (o.SchemeTitle == "") != (o.SchemeNumber == "") {
					return usage(cmd, errorf(problem.TSchemeTogether))
				}
				return nil
			}
			// The flags are checked before the questions, so that a
			// mistyped flag does not throw the answers away.
			if err := check(); err != nil {
				return err
			}
			if !cmd.Flags().Changed("county") && term.IsTerminal(int(os.Stdin.Fd())) {
				ask(g, bufio.NewReader(os.Stdin), &o)
				if err := check(); err != nil {
					return err
				}
			}
			written, err := scaffold.Write(args[0], o)
			switch {
			case errors.Is(err, scaffold.ErrNotEmpty):
				return refuse(cmd, errorf(problem.TNewNotEmpty, args[0]), problem.T(problem.TNewOtherFolder, filepath.ToSlash(args[0])))
			case errors.Is(err, scaffold.ErrBadYear):
				return usage(cmd, errorf(problem.TNewBadYear, o.Year))
			case err != nil:
				return internal(g, err)
			}
			dir := filepath.ToSlash(args[0])
			g.say(g.stdout, problem.T(problem.TMadeSite, dir, len(written), o.County, o.Year-1, o.Year))
			g.say(g.stdout, problem.T(problem.TNextServe, dir))
			g.say(g.stdout, problem.T(problem.TNextBuild, dir, dir))
			g.say(g.stdout, problem.T(problem.TNextData, dir))
			if o.SchemeTitle == "" {
				g.say(g.stdout, problem.T(problem.TSchemeIsSample))
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&o.County, "county", "示例县", "the county's name")
	// The latest assessment year is last year's: a year is assessed, and
	// published, after it ends.
	cmd.Flags().IntVar(&o.Year, "year", time.Now().Year()-1, "the latest assessment year (a draft); the year before it is published")
	cmd.Flags().StringVar(&o.Office, "office", "", "the office that runs the site and issues the notices (主办单位, 发文机关)")
	cmd.Flags().StringVar(&o.SchemeTitle, "scheme-title", "", "the title of the county's scheme document (考核办法)")
	cmd.Flags().StringVar(&o.SchemeNumber, "scheme-number", "", "its document number, such as 清发〔2024〕3号")
	cmd.Flags().StringVar(&o.SchemeIssued, "scheme-issued", "", "its date of issue, such as 2024-03-01")
	return cmd
}

// ask asks a clerk at a terminal for what the site says of the county: an
// empty answer keeps the default (the sample's).
func ask(g *globals, in *bufio.Reader, o *scaffold.Options) {
	for _, q := range []struct {
		id  problem.TextID
		dst *string
	}{
		{problem.TAskCounty, &o.County}, {problem.TAskOffice, &o.Office},
		{problem.TAskSchemeTitle, &o.SchemeTitle}, {problem.TAskSchemeNumber, &o.SchemeNumber}, {problem.TAskSchemeIssued, &o.SchemeIssued},
	} {
		if q.id == problem.TAskSchemeNumber && o.SchemeTitle == "" {
			return // no document of its own: the sample's
		}
		fmt.Fprint(g.stdout, problem.T(q.id).In(g.language()))
		line, err := in.ReadString('\n')
		if v := strings.TrimSpace(line); v != "" {
			*q.dst = v
		}
		if err == io.EOF {
			return
		}
	}
}
