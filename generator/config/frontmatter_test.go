package config_test

import (
	"runtime"
	"strconv"
	"strings"
	"testing"

	"dutyreport/generator/config"
	"dutyreport/generator/content"
	"dutyreport/generator/problem"
)

// A YAML bomb in a Markdown file's front matter is refused as one in
// site.yaml is (issue 26: a notice with one once built, in 2.1 GB, and
// published a 34 MB page). content relabels config's codes as
// content.front-matter and keeps the position: the alias that crossed the
// limit, the 249th *s, YAML line 654 (worked by hand at bombFrontMatter in
// budget_test.go), which is line 655 of the file after its "---".
func TestYAMLBombInMarkdownFrontMatter(t *testing.T) {
	front := "number: N1\nsubjects:\n  - &s\n    kind: person\n    handling:\n" +
		"      - &h " + strings.Repeat("x", 20) + "\n" + strings.Repeat("      - *h\n", 399) +
		strings.Repeat("  - *s\n", 299)
	file := []byte("---\n" + front + "---\n\n正文。\n")
	for name, parse := range map[string]func(*problem.List){
		"page":   func(probs *problem.List) { content.Parse("content/x.md", file, probs) },
		"notice": func(probs *problem.List) { content.ParseNotice("content/notices/x.md", file, probs) },
	} {
		t.Run(name, func(t *testing.T) {
			var probs problem.List
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			parse(&probs)
			runtime.ReadMemStats(&after)
			var bomb *problem.Problem
			for i, p := range probs {
				switch {
				case p.Code == problem.ContentFrontMatter && p.Pos.Line == 655 && p.Pos.Col == 5 && p.Found == "*s":
					bomb = &probs[i]
				case p.Code == problem.ContentFrontMatter && p.Found == "number":
					// A notice whose front matter was refused has no number either.
				default:
					t.Errorf("unexpected problem %v", p)
				}
			}
			if bomb == nil {
				t.Fatalf("want the bomb refused at line 655:5, the 249th *s, got %v", probs)
			}
			if !strings.Contains(bomb.Expected.In(problem.EN), strconv.Itoa(config.MaxYAMLNodes)) || !strings.Contains(bomb.Expected.In(problem.EN), strconv.Itoa(config.MaxYAMLBytes)) {
				t.Errorf("the problem should state the limits: %q", bomb.Expected.In(problem.EN))
			}
			if n := after.TotalAlloc - before.TotalAlloc; n > 64<<20 {
				t.Errorf("allocated %d MiB, want under 64 MiB", n>>20)
			} else {
				t.Logf("%d KB of front matter refused, %.1f MiB allocated", len(file)>>10, float64(n)/(1<<20))
			}
		})
	}
}
