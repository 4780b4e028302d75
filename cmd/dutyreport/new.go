package main

import (
	"fmt"
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
			if g.language() == problem.EN {
				fmt.Fprintf(g.stdout, "made the site %s (%d files, sample data of %s for %d and %d). Next:\n", dir, len(written), o.County, o.Year-1, o.Year)
				fmt.Fprintf(g.stdout, "  dutyreport serve --source %s        preview it, rebuilt as you edit\n", dir)
				fmt.Fprintf(g.stdout, "  dutyreport build --source %s        the public site, into %s/public/\n", dir, dir)
				fmt.Fprintf(g.stdout, "Then put the county's spreadsheets in %s/data/ and delete \"sample: true\" from site.yaml.\n", dir)
			} else {
				fmt.Fprintf(g.stdout, "已新建站点 %s（%d 个文件，%s %d、%d 年度样例数据）。接下来：\n", dir, len(written), o.County, o.Year-1, o.Year)
				fmt.Fprintf(g.stdout, "  dutyreport serve --source %s        预览网站，修改后自动刷新\n", dir)
				fmt.Fprintf(g.stdout, "  dutyreport build --source %s        生成公开网站（%s/public/）\n", dir, dir)
				fmt.Fprintf(g.stdout, "然后把本县的表格放进 %s/data/，并删除 site.yaml 中的 sample: true。\n", dir)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&o.County, "county", "示例县", "the county's name")
	// The latest assessment year is last year's: a year is assessed, and
	// published, after it ends.
	cmd.Flags().IntVar(&o.Year, "year", time.Now().Year()-1, "the latest assessment year (a draft); the year before it is published")
	return cmd
}
