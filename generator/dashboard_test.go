package generator

import (
	"html"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"dutyreport/generator/config"
)

// cells returns the text of each cell of each body row of the first table
// after marker in page.
func cells(t *testing.T, page, marker string) [][]string {
	t.Helper()
	i := strings.Index(page, marker)
	if i < 0 {
		t.Fatalf("no %q in the page", marker)
	}
	body := page[i:]
	body = body[strings.Index(body, "<tbody>"):strings.Index(body, "</tbody>")]
	var rows [][]string
	for _, tr := range regexp.MustCompile(`(?s)<tr[^>]*>(.*?)</tr>`).FindAllStringSubmatch(body, -1) {
		var row []string
		for _, td := range regexp.MustCompile(`(?s)<t[dh][^>]*>(.*?)</t[dh]>`).FindAllStringSubmatch(tr[1], -1) {
			row = append(row, html.UnescapeString(regexp.MustCompile(`<[^>]+>`).ReplaceAllString(td[1], "")))
		}
		rows = append(rows, row)
	}
	return rows
}

// TestDashboardLedgerDrillDown reads a unit's ledger table on the internal
// dashboard against the spreadsheet itself: one row per ledger row of the
// unit, and each row's cell reference leads to the cell holding the count
// done, in the row of the task shown.
func TestDashboardLedgerDrillDown(t *testing.T) {
	t.Parallel()
	dash := exampleTree(t, config.Internal)
	rows := cells(t, string(dash["2023/units/T01.html"]), `<section class="ledger">`)

	wb, err := excelize.OpenFile(filepath.Join(exampleSite, "data", "2023", "纪实台账.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	sheet := wb.GetSheetList()[0]
	sheetRows, err := wb.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	want := 0
	for _, r := range sheetRows {
		if len(r) > 1 && r[1] == "T01" {
			want++
		}
	}
	if len(rows) != want || want == 0 {
		t.Fatalf("城关镇 2023: %d ledger rows on the page, %d in the sheet", len(rows), want)
	}
	ref := regexp.MustCompile(`^data/2023/纪实台账\.xlsx!(.+)!([A-Z]+)([0-9]+)$`)
	for _, r := range rows {
		// task code, task, responsibility, role, required, done, deducted, date, evidence, cell
		if len(r) != 10 {
			t.Fatalf("a ledger row of %d cells: %q", len(r), r)
		}
		m := ref.FindStringSubmatch(r[9])
		if m == nil || m[1] != sheet {
			t.Fatalf("row %q: the cell %q is not a cell of the ledger", r[0], r[9])
		}
		done, _ := wb.GetCellValue(sheet, m[2]+m[3])
		code, _ := wb.GetCellValue(sheet, "F"+m[3])
		required, _ := wb.GetCellValue(sheet, "H"+m[3])
		evidence, _ := wb.GetCellValue(sheet, "K"+m[3])
		if done != r[5] || code != r[0] || required != r[4] || evidence != r[8] {
			t.Errorf("%s: the page shows task %s, %s required, %s done, evidence %q; the sheet's row %s has %s, %s, %s, %q",
				r[9], r[0], r[4], r[5], r[8], m[3], code, required, done, evidence)
		}
		req, _ := strconv.Atoi(r[4])
		dn, _ := strconv.Atoi(r[5])
		if (r[6] != "") != (dn < req) {
			t.Errorf("%s: task %s done %d of %d, deducted %q", r[9], r[0], dn, req, r[6])
		}
	}
}

// TestDashboardWatchList checks the example's watch lists, worked out from
// the cases the example plants (generator/sitetest/qinghe.go): 石桥镇 is 较差
// in 2022 and 2023, 县住房和城乡建设局 has the county's lowest evaluation in
// both years.
func TestDashboardWatchList(t *testing.T) {
	t.Parallel()
	dash := exampleTree(t, config.Internal)
	row := func(year, unit string) []string {
		for _, r := range cells(t, string(dash[year+"/watch.html"]), `<table class="watch"`) {
			if r[1] == unit {
				return r
			}
		}
		return nil
	}
	// group, unit, rank, total, band, consequences, next year, last, notices
	if r := row("2022", "石桥镇"); r == nil || r[4] != "较差" || r[5] != "一票否决" || r[6] != "组织处理" || r[7] != "末位" {
		t.Errorf("2022 石桥镇: 较差 the first time, 一票否决 now and 组织处理 at the second; got %q", r)
	}
	if r := row("2023", "石桥镇"); r == nil || r[5] != "一票否决、组织处理" || r[6] != "" {
		t.Errorf("2023 石桥镇: 较差 two years running; got %q", r)
	}
	if r := row("2022", "县住房和城乡建设局"); r == nil || r[6] != "社会评价连续两年全县末位" {
		t.Errorf("2022 县住房和城乡建设局: lowest evaluation once, the rule of two years next; got %q", r)
	}
	if r := row("2023", "县住房和城乡建设局"); r == nil || !strings.Contains(r[5], "社会评价连续两年全县末位") {
		t.Errorf("2023 县住房和城乡建设局: lowest evaluation two years running; got %q", r)
	}
	// Every unit of the 2023 ranking with a consequence is on the list.
	for _, g := range []string{"towns", "departments"} {
		for _, r := range cells(t, string(dash["2023/"+g+".html"]), `<table`) {
			if strings.Contains(strings.Join(r, " "), "约谈") {
				if w := row("2023", r[1]); w == nil || !strings.Contains(w[5], "约谈") {
					t.Errorf("2023 %s has 约谈 in its ranking but not on the watch list", r[1])
				}
			}
		}
	}
	// The restrictions are listed with their end dates.
	if !strings.Contains(string(dash["2023/watch.html"]), `<tr data-from="`) {
		t.Error("the watch list lacks the restrictions with their dates")
	}
	if !strings.Contains(string(dash["index.html"]), `href="2024/watch.html"`) {
		t.Error("the dashboard's menu does not link the latest watch list")
	}
	pub := exampleTree(t, config.Public)
	for p := range pub {
		if strings.HasSuffix(p, "/watch.html") {
			t.Errorf("the public site has a watch list: %s", p)
		}
	}
}
