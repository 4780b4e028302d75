package config

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"dutyreport/generator/problem"
	"dutyreport/generator/yamlbudget"
)

// billionLaughs is the classic bomb: nine lists of nine aliases to the
// list before. Worked by hand, counting the document and its mapping (2):
// line 1, a: key + list + 9 = 11 (13 in all; a is 10 nodes); line 2, b:
// 2 + 9×10 (105; b is 91); line 3, c: 2 + 9×91 (926; c is 820); line 4, d:
// 2 + 9×820 (8,308; d is 7,381); line 5, e: 2 + 9×7,381 (74,739; e is
// 66,430); line 6, f: 2 + 66,430 = 141,171 at the first *e, 207,601 at the
// second, past 200,000: so line 6, column 12.
const billionLaughs = `a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]
`

// fanOutSite is the bomb of issue 26 as a site.yaml of about 11 KB: a year
// with 600 errata, 599 of them aliases of the first, and 599 aliases of
// the year, 2.5 million nodes expanded. Worked by hand: lines 1-3 and the
// document are 8 nodes; a year is its mapping, year, 2024, errata and the
// list (5) and 600 errata of 7 (mapping and three keys and values): 4,205.
// After the year as written, 4,213; after the j-th *y, 4,213 + 4,205j,
// past 200,000 at j = 47 (201,848; 197,643 at 46). The errata are lines 7
// to 606, so the 47th *y is line 653, column 5.
func fanOutSite() string {
	return "title: t\nscheme: schemes/s.yaml\nyears:\n  - &y\n    year: 2024\n    errata:\n" +
		"      - &e {date: 2024-01-01, what: x, why: y}\n" + strings.Repeat("      - *e\n", 599) +
		strings.Repeat("  - *y\n", 599)
}

// bombFrontMatter is a notice's front matter that crosses the limit of
// bytes first: a subject handled 400 times in words of 20 bytes, and 299
// aliases of the subject. Worked by hand, lines numbered in the YAML: the
// document, its mapping, number, N1 and subjects and the list are 6 nodes
// and 16 bytes (number, N1, subjects); a subject is 405 nodes (mapping,
// kind, person, handling, the list and 400 words) and 8,018 bytes (kind,
// person, handling: 18; 400 × 20). After the subject as written, 8,034
// bytes; after the j-th *s, 8,034 + 8,018j, past 2,000,000 at j = 249
// (2,000,516; 1,992,498 at 248), when the nodes are only 101,256. The
// words are YAML lines 6 to 405, so the 249th *s is YAML line 654,
// column 5.
func bombFrontMatter() string {
	return "number: N1\nsubjects:\n  - &s\n    kind: person\n    handling:\n" +
		"      - &h " + strings.Repeat("x", 20) + "\n" + strings.Repeat("      - *h\n", 399) +
		strings.Repeat("  - *s\n", 299)
}

// allocated gives the bytes f allocates (not the peak, which is smaller):
// no test here runs in parallel.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

const bombBudget = 64 << 20 // the most a refused bomb may allocate

// Aliases are expanded within a budget (issue 26): a bomb is one
// config.too-large at the alias that crossed it, refused before decoding,
// in a few megabytes, where an 11.8 KB fan-out once took a gigabyte.
func TestYAMLBombsAreRefused(t *testing.T) {
	var schemeBomb strings.Builder
	schemeBomb.WriteString(billionLaughs)
	schemeBomb.WriteString(minimalScheme)
	tests := []struct {
		name, site, scheme, want string
	}{
		{"billion laughs in site.yaml", billionLaughs, minimalScheme, "site.yaml:6:12"},
		{"fan-out in site.yaml", fanOutSite(), minimalScheme, "site.yaml:653:5"},
		{"billion laughs in the scheme", "title: t\nscheme: schemes/s.yaml\nyears: [{year: 2024}]\n", schemeBomb.String(), "schemes/s.yaml:6:12"},
		{"fan-out in the scheme", "title: t\nscheme: schemes/s.yaml\nyears: [{year: 2024}]\n",
			strings.Replace(fanOutSite(), "title: t\nscheme: schemes/s.yaml\nyears:", "name: s\nx: y\nbands:", 1), "schemes/s.yaml:653:5"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := writeSite(t, tc.site, tc.scheme)
			var probs problem.List
			n := allocated(func() { _, probs = Load(dir) })
			if len(probs) != 1 || probs[0].Code != problem.ConfigTooLarge || probs[0].Pos.String() != tc.want {
				t.Fatalf("want one %s at %s, got %v", problem.ConfigTooLarge, tc.want, probs)
			}
			if n > bombBudget {
				t.Errorf("allocated %d MiB, want under %d MiB", n>>20, bombBudget>>20)
			}
			t.Logf("%d bytes of YAML refused, %.2f MiB allocated", len(tc.site)+len(tc.scheme), float64(n)/(1<<20))
		})
	}
}

func TestYAMLBombInFrontMatter(t *testing.T) {
	var meta struct {
		Number   string `yaml:"number"`
		Subjects []struct {
			Kind     string   `yaml:"kind"`
			Handling []string `yaml:"handling"`
		} `yaml:"subjects"`
	}
	var probs problem.List
	n := allocated(func() { probs = DecodeYAML("content/notices/x.md", []byte(bombFrontMatter()), &meta, 1) })
	// YAML line 654 is line 655 of the file, after its "---".
	if len(probs) != 1 || probs[0].Code != problem.ConfigTooLarge || probs[0].Pos.String() != "content/notices/x.md:655:5" {
		t.Fatalf("want one %s at content/notices/x.md:655:5, got %v", problem.ConfigTooLarge, probs)
	}
	if meta.Number != "" || meta.Subjects != nil {
		t.Errorf("a refused document must decode nothing, got %+v", meta)
	}
	if n > bombBudget {
		t.Errorf("allocated %d MiB, want under %d MiB", n>>20, bombBudget>>20)
	}
	t.Logf("%d KB of front matter refused, %.1f MiB allocated", len(bombFrontMatter())>>10, float64(n)/(1<<20))
}

// Aliases within the budget are expanded and decoded as strictly as
// anything written out; a mistake in an anchored mapping is reported once,
// where it is written, however many aliases use it.
func TestAliasesWithinBudgetStayStrict(t *testing.T) {
	site := "title: t\nscheme: schemes/s.yaml\nyears: [{year: 2024}]\nrevisions:\n  - &r {date: 2025-01-10, what: x, why: y, whi: z}\n  - *r\n"
	c, probs := Load(writeSite(t, site, minimalScheme))
	var got []string
	for _, p := range probs {
		got = append(got, p.Pos.String()+" "+string(p.Code)+" "+p.Found)
	}
	want := []string{"site.yaml:5:44 config.unknown-key revisions.0.whi"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(c.Site.Revisions) != 2 || c.Site.Revisions[1].What != "x" {
		t.Errorf("the alias should be decoded as the revision, got %+v", c.Site.Revisions)
	}
}

// The limits are about 100 times the largest real input: every site.yaml
// and scheme in the repository stays under a 50th of them.
func TestRealInputsFarBelowBudget(t *testing.T) {
	var files []string
	for _, g := range []string{"../../*.yaml", "../../schemes/*.yaml", "../../examples/*/*.yaml", "../../examples/*/schemes/*.yaml"} {
		m, err := filepath.Glob(g)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) < 4 {
		t.Fatalf("found only %q", files)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var root yaml.Node
		if err := yaml.Unmarshal(data, &root); err != nil {
			t.Fatal(f, err)
		}
		if nodes, bytes := yamlbudget.Size(&root); nodes > MaxYAMLNodes/50 || bytes > MaxYAMLBytes/50 {
			t.Errorf("%s: %d nodes and %d bytes, more than a 50th of the limits", f, nodes, bytes)
		}
	}
}
