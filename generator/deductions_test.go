package generator

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"dutyreport/generator/config"
)

// taskCode matches a Shangnan task code (Z1.2.1.1, J4.2.2.1, C5.1.1.3).
var taskCode = regexp.MustCompile(`\b[ZJC][1-5]\.[0-9]\.[0-9]\.[0-9]\b`)

// Issue 19, part 7 (no inference by post): each task carries the role that
// bears it (on the methodology page), and a person's score is 70 less their
// role's tasks plus the social evaluation, so a public list of the tasks
// that cost a unit points would give away its principal leader's score. By
// default the public unit page sums them per component; a site may opt in
// to the full list (redaction.task_deductions); the dashboard always has it.
//
// 城关镇 (T01) in 2023, worked out from data/2023/纪实台账.xlsx (required,
// done) and the scheme's standards:
//
//	主体责任: Z1.2.1.1 4/3 → 0.50 (0.50 a time), Z1.2.2.1, Z1.6.1.1, Z1.7.2.1,
//	          Z2.1.3.3 → 1.00 each, Z2.2.1.1 4/2 → 1.00, Z2.3.1.1 → 1.00,
//	          Z3.2.1.1 4/3 → 0.50, Z3.4.1.1 4/0 → 2.00, Z3.5.1.2 → 1.00: 10.00
//	监督责任: J4.1.1.1, J4.1.2.1, J4.1.2.2, J4.1.3.1 → 1.00 each,
//	          J4.2.2.1 4/1 → 1.50, J4.2.3.1, J4.3.1.1, J4.3.1.4, J4.4.1.1,
//	          J4.5.2.1 → 1.00 each: 10.50 (and 70 − 10.50 is its score, 59.50)
//
// 20 tasks, 20.50 in all.
func TestUnitPageDeductionsByAudience(t *testing.T) {
	t.Parallel()
	// The example as it is, rendered once for every test; the opt-in
	// rendered here from a copy of its configuration.
	in := exampleInputs(t)
	optIn := *in.cfg
	optIn.Site.Redaction.TaskDeductions = true
	inOptIn := in
	inOptIn.cfg = &optIn
	render := func(t *testing.T, optIn bool, audience string) map[string][]byte {
		if optIn {
			_, files := renderExample(t, inOptIn, audience)
			return files
		}
		_, files := exampleRender(t, audience)
		return files
	}

	const page = "2023/units/T01.html"
	tests := []struct {
		name     string
		optIn    bool // redaction.task_deductions: true
		audience string
		tasks    bool // the per-task table, with the responsibility
		cell     bool // with the ledger cell of each task
		method   string
	}{
		{"public by default: per component", false, config.Public, false, false, "按考核项目公布"},
		{"public, task_deductions: true: per task", true, config.Public, true, false, "逐项列出扣分任务及其责任类别"},
		{"internal: per task", false, config.Internal, true, true, "按考核项目公布"},
		{"internal, task_deductions: true: per task", true, config.Internal, true, true, "逐项列出扣分任务及其责任类别"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			files := render(t, tc.optIn, tc.audience)
			html := string(files[page])
			if html == "" {
				t.Fatalf("no %s", page)
			}
			if !tc.tasks {
				if strings.Contains(html, `<table class="lost"`) {
					t.Errorf("%s lists the tasks that cost points", page)
				}
				rows := cells(t, html, `<table class="lost-components">`)
				want := [][]string{{"主体责任基础分", "10.00"}, {"监督责任基础分", "10.50"}}
				if !slices.EqualFunc(rows, want, slices.Equal) {
					t.Errorf("points lost per component: %q, want %q", rows, want)
				}
				if !regexp.MustCompile(`合计扣分</th><td class="num">20.50<`).MatchString(html) {
					t.Errorf("%s does not give 20.50 lost in all", page)
				}
				// No page or export of the site names a task, but the
				// methodology's table of tasks.
				for p, data := range files {
					if p != "methodology.html" && !strings.HasPrefix(p, "assets/vendor/") && taskCode.Match(data) {
						t.Errorf("%s names task %s", p, taskCode.Find(data))
					}
				}
			} else {
				if strings.Contains(html, `<table class="lost-components">`) {
					t.Errorf("%s sums the points per component instead of listing the tasks", page)
				}
				rows := cells(t, html, `<table class="lost"`)
				if len(rows) != 20 {
					t.Fatalf("%d tasks that cost points, want 20: %q", len(rows), rows)
				}
				// task code, task, responsibility, required, done, deducted[, cell]
				first, last := rows[0], rows[19]
				if first[0] != "Z1.2.1.1" || first[2] != "主体责任" || first[3] != "4" || first[4] != "3" || first[5] != "0.50" {
					t.Errorf("first task: %q, want Z1.2.1.1, 主体责任, 4 required, 3 done, 0.50", first)
				}
				if last[0] != "J4.5.2.1" || last[2] != "监督责任" || last[5] != "1.00" {
					t.Errorf("last task: %q, want J4.5.2.1, 监督责任, 1.00", last)
				}
				if hasCell := len(first) == 7 && strings.HasPrefix(first[6], "data/2023/纪实台账.xlsx!"); hasCell != tc.cell {
					t.Errorf("first task %q: the ledger cell shown is %v, want %v", first, hasCell, tc.cell)
				}
				if !regexp.MustCompile(`合计扣分</th><td class="num">20.50<`).MatchString(html) {
					t.Errorf("%s does not give 20.50 lost in all", page)
				}
			}
			if !strings.Contains(string(files["methodology.html"]), tc.method) {
				t.Errorf("the methodology does not say %q about what is published of points lost", tc.method)
			}
		})
	}
}
