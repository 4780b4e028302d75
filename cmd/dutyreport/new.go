package main

import (
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

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
with the county's own spreadsheets and text, and delete "sample: true" from site.yaml.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			written, err := scaffold.Write(args[0], o)
			if err != nil {
				return usage(cmd, err)
			}
			dir := filepath.ToSlash(args[0])
			g.say(g.stdout, problem.T(problem.TMadeSite, dir, len(written), o.County, o.Year-1, o.Year))
			g.say(g.stdout, problem.T(problem.TNextServe, dir))
			g.say(g.stdout, problem.T(problem.TNextBuild, dir, dir))
			g.say(g.stdout, problem.T(problem.TNextData, dir))
			return nil
		},
	}
	cmd.Flags().StringVar(&o.County, "county", "示例县", "the county's name")
	// The latest assessment year is last year's: a year is assessed, and
	// published, after it ends.
	cmd.Flags().IntVar(&o.Year, "year", time.Now().Year()-1, "the latest assessment year (a draft); the year before it is published")
	return cmd
}
