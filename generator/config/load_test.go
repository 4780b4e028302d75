package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dutyreport/generator/problem"
)

func TestExampleSiteLoads(t *testing.T) {
	c, probs := Load("../..")
	if len(probs) > 0 {
		t.Fatalf("the example site's configuration has problems:\n%v", probs)
	}
	if len(c.Scheme.Tasks) != 98 || len(c.Site.Years) != 5 {
		t.Errorf("got %d tasks and %d years, want 98 and 5", len(c.Scheme.Tasks), len(c.Site.Years))
	}
}

// writeSite writes a site.yaml and a scheme into a temp dir.
func writeSite(t *testing.T, site, scheme string) string {
	t.Helper()
	dir := t.TempDir()
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.WriteFile(filepath.Join(dir, "site.yaml"), []byte(site), 0o644))
	must(os.MkdirAll(filepath.Join(dir, "schemes"), 0o755))
	must(os.WriteFile(filepath.Join(dir, "schemes", "s.yaml"), []byte(scheme), 0o644))
	return dir
}

const minimalScheme = `name: s
categories: [{id: town, name: 镇}]
responsibilities: [{id: main, name: 主体责任}]
components:
  - {id: social, name: 社会评价, kind: evaluation, full: 100}
total: [social]
bands:
  - {id: good, name: 好, min: 60}
  - {id: bad, name: 差}
groups: [{id: towns, name: 镇, categories: [town]}]
`

func TestProblemsCarryLineAndKeyPath(t *testing.T) {
	site := "title: t\nscheme: schemes/s.yaml\nyears:\n  - {year: 2024, status: published}\n  - year: 2023\n    statsu: draft\n"
	scheme := minimalScheme + "consequences:\n  - {id: x, name: X, action: talk, band: excelent}\n"
	_, probs := Load(writeSite(t, site, scheme))
	want := []struct {
		pos  string
		code problem.Code
	}{
		{"schemes/s.yaml:12:42", problem.ConfigUnknownRef},
		{"site.yaml:6:5", problem.ConfigUnknownKey},
	}
	if len(probs) != len(want) {
		t.Fatalf("got %d problems, want %d:\n%v", len(probs), len(want), probs)
	}
	for i, w := range want {
		if got := probs[i].Pos.String(); got != w.pos || probs[i].Code != w.code {
			t.Errorf("problem %d: got %s %s, want %s %s", i, got, probs[i].Code, w.pos, w.code)
		}
	}
	if probs[1].Found != "years.1.statsu" {
		t.Errorf("unknown key should give the full key path, got %q", probs[1].Found)
	}
}

// TestDraftOnlyAfterPublished: a published year reads the year before it
// (rank change, consequences running over years), so a draft before a
// published year would leak into the public site.
func TestDraftOnlyAfterPublished(t *testing.T) {
	site := "title: t\nscheme: schemes/s.yaml\nyears:\n  - {year: 2022}\n  - {year: 2023, status: draft}\n  - {year: 2024}\n  - {year: 2025, status: draft}\n"
	_, probs := Load(writeSite(t, site, minimalScheme))
	if len(probs) != 1 || probs[0].Pos.String() != "site.yaml:5:5" || probs[0].Code != problem.ConfigBadValue {
		t.Fatalf("want one problem at the 2023 draft, got %v", probs)
	}
}

func TestBandsMustDescend(t *testing.T) {
	scheme := `name: s
categories: [{id: town, name: 镇}]
components: [{id: social, name: 社会评价, kind: evaluation, full: 100}]
total: [social]
bands:
  - {id: a, name: A, min: 60}
  - {id: b, name: B, min: 70}
  - {id: c, name: C, min: 10}
`
	_, probs := Load(writeSite(t, "title: t\nscheme: schemes/s.yaml\nyears: [{year: 2024}]\n", scheme))
	var codes []string
	for _, p := range probs {
		codes = append(codes, p.Pos.String()+" "+string(p.Code))
	}
	want := []string{"schemes/s.yaml:7:27 config.bad-value", "schemes/s.yaml:8:27 config.bad-value"}
	if len(codes) != 2 || codes[0] != want[0] || codes[1] != want[1] {
		t.Errorf("got %q, want %q", codes, want)
	}
}

func TestDeduction(t *testing.T) {
	tests := []struct {
		name           string
		task           Task
		required, done int32
		want           string
	}{
		{"done in full costs nothing", Task{Points: 100, Rule: RuleAnyMissing}, 4, 4, "0.00"},
		{"any missing costs all", Task{Points: 100, Rule: RuleAnyMissing}, 4, 3, "1.00"},
		{"per missing", Task{Points: 200, Rule: RulePerMissing, Per: 50}, 4, 1, "1.50"},
		{"per missing is capped", Task{Points: 200, Rule: RulePerMissing, Per: 50}, 12, 0, "2.00"},
		{"proportional rounds half up: 1 × 1/3", Task{Points: 100, Rule: RuleProportional}, 3, 2, "0.33"},
		{"proportional: 2 × 1/8 = 0.25", Task{Points: 200, Rule: RuleProportional}, 8, 7, "0.25"},
		{"proportional: 0.05 × 1/2 = 0.025 → 0.03", Task{Points: 5, Rule: RuleProportional}, 2, 1, "0.03"},
		{"more done than required costs nothing", Task{Points: 100}, 1, 2, "0.00"},
	}
	for _, tc := range tests {
		if got := tc.task.Deduction(tc.required, tc.done).String(); got != tc.want {
			t.Errorf("%s: got %s, want %s", tc.name, got, tc.want)
		}
	}
}

// Errata and site-wide revisions say when, what and why, in date order, and
// none corrects a draft or predates the publication.
func TestErrata(t *testing.T) {
	site := `title: t
scheme: schemes/s.yaml
revisions:
  - {date: 2025-01-10, what: 页面改版}
years:
  - year: 2023
    published: 2024-03-20
    errata:
      - {date: 2024-05-10, what: 更正台账, why: 录入错误}
      - {date: 2024-03-01, what: 更正测评, why: 录入错误}
  - year: 2024
    status: draft
    errata:
      - {date: 2025-05-10, what: x, why: y}
`
	c, probs := Load(writeSite(t, site, minimalScheme))
	want := []string{
		"site.yaml:4:5 config.missing-key revisions.0.why",
		"site.yaml:10:9 config.bad-value years.0.errata.1.date: 2024-03-01",
		"site.yaml:14:7 config.bad-value years.1.errata",
	}
	var got []string
	for _, p := range probs {
		got = append(got, p.Pos.String()+" "+string(p.Code)+" "+p.Found)
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if r := c.Site.Years[0].Revision(); r != 3 {
		t.Errorf("2023 with two errata is revision %d, want 3", r)
	}
}
