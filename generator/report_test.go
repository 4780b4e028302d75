package generator

import (
	"html"
	"strconv"
	"strings"
	"testing"

	"dutyreport/generator/config"
)

// TestReportHoldsTheYear: each year's printable report, in both
// audiences, holds in order its cover (with the edition), the summary,
// every unit under its band, every ranking row by row, the units a rule
// applies to, and every notice as that audience's notice page titles it;
// the year's page links to it.
func TestReportHoldsTheYear(t *testing.T) {
	t.Parallel()
	for _, audience := range []string{config.Public, config.Internal} {
		site, files := exampleRender(t, audience)
		for _, y := range site.Years {
			page := string(files[y.ReportPath])
			if page == "" {
				t.Errorf("%s: no %s", audience, y.ReportPath)
				continue
			}
			if !strings.Contains(string(files[y.Path]), `href="report.html"`) {
				t.Errorf("%s: %s does not link its report", audience, y.Path)
			}
			edition := "草稿，未发布"
			if !y.Draft {
				edition = "第 " + strconv.Itoa(y.Revision) + " 版"
			}
			want := []string{`class="report-cover"`, edition, `id="summary"`, `id="bands"`}
			for _, bc := range y.BandCounts {
				want = append(want, ">"+bc.Band.Name+"</span> <span class=\"num\">"+strconv.Itoa(bc.Count)+"</span>")
			}
			for _, r := range y.Rankings {
				want = append(want, `id="ranking-`+r.Group.ID+`"`)
				for _, row := range r.Rows {
					want = append(want, ">"+html.EscapeString(row.Unit.Name)+"</a>", ">"+row.Total+"</td>")
				}
			}
			want = append(want, `id="consequences"`)
			for _, row := range y.Consequential() {
				want = append(want, "<tr><td>"+html.EscapeString(row.Unit.Name)+"</td>")
			}
			want = append(want, `id="notices"`)
			for _, n := range y.Notices {
				want = append(want, "<h3>"+html.EscapeString(n.Title)+"</h3>")
			}
			inOrder(t, page, want...)
			if strings.Contains(page, "tables.js") || strings.Contains(page, "charts.js") || strings.Contains(page, " data-sort ") {
				t.Errorf("%s %d: the report has scripts or sortable tables", audience, y.Year)
			}
		}
	}
}
