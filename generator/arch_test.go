package generator

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// The pipeline's imports point one way (DESIGN.md, principle 8). Each rule
// says why; a forbidden import fails `make test` with that sentence.
var denied = []struct {
	pkg, imp, why string
}{
	{"problem", "dutyreport/", "problem is a leaf: every stage uses it, so it may use none of them"},
	{"record", "dutyreport/", "record is a leaf: every stage uses it, so it may use none of them"},
	{"fold", "dutyreport/", "fold is a leaf: the masking and the audit both read text through it"},
	{"redact", "dutyreport/", "redact is a leaf: the view masks with it, so it may know nothing of the pipeline (but fold, the reader's text)"},
	{"audit", "dutyreport/", "audit is a leaf: it scans bytes for strings it is given (reading text through fold, as the masking does)"},
	{"sitefs", "dutyreport/", "sitefs is a leaf: every stage that reads the site folder reads through it"},
	{"stamp", "dutyreport/", "stamp is a leaf: it lists folders and digests files, and knows nothing of what a build makes"},
	{"yamlbudget", "dutyreport/", "yamlbudget is a leaf: every reader of YAML checks its budget with it"},
	{"diff", "dutyreport/", "diff is a leaf: it compares two editions given as plain data, so a stored revision compares like a year built now"},
	{"view", "dutyreport/generator/audit", "the view masks; the audit checks the result independently"},
	{"config", "dutyreport/generator/ingest", "config is read before any data; it must not read data files"},
	{"scoring", "dutyreport/generator/ingest", "scoring speaks record, not ingest, so it can be tested without files"},
	{"scoring", "os", "scoring is pure: it does no I/O"},
	{"scoring", "io/fs", "scoring is pure: it does no I/O"},
	{"scoring", "path/filepath", "scoring is pure: it does no I/O"},
	{"scoring", "github.com/xuri/excelize", "scoring is pure: spreadsheets are ingest's"},
	{"scoring", "html/template", "scoring computes numbers; pages are render's"},
	{"scoring", "time", "scoring reads no clock: same inputs, same results"},
	{"scoring", "math/rand", "scoring is deterministic"},
	{"render", "dutyreport/generator/record", "render sees only the view: a template cannot show what the view did not give it"},
	{"render", "dutyreport/generator/ingest", "render sees only the view"},
	{"render", "dutyreport/generator/scoring", "render sees only the view"},
	{"render", "dutyreport/generator/notices", "render sees only the view: notices reach it redacted, through the view"},
	{"render", "dutyreport/generator/config", "render sees only the view"},
	{"render", "dutyreport/generator/content", "render sees only the view"},
	{"view", "dutyreport/generator/render", "the view does not know how it is rendered"},
	{"view", "os", "the view does no I/O"},
	{"write", "dutyreport/generator/view", "write takes bytes; it must not see the model"},
	{"edition", "dutyreport/generator/view", "edition compares digests and bytes of what was written; it must not see the model"},
	{"edition", "dutyreport/generator/render", "edition compares what was written, not how"},
	{"edition", "dutyreport/generator/config", "edition is given the editions as plain data, so it is tested without a site"},
}

// downstream lists, for each stage, the stages after it, which it must never import.
var downstream = map[string][]string{
	"config":  {"ingest", "content", "scoring", "notices", "view", "render", "write"},
	"ingest":  {"scoring", "notices", "view", "render", "write"},
	"content": {"scoring", "notices", "view", "render", "write"},
	"scoring": {"notices", "view", "render", "write"},
	"notices": {"view", "render", "write"},
	"view":    {"render", "write"},
	"render":  {"write"},
}

func TestImportsPointOneWay(t *testing.T) {
	for pkg, after := range downstream {
		for _, d := range after {
			denied = append(denied, struct{ pkg, imp, why string }{pkg, "dutyreport/generator/" + d,
				pkg + " comes before " + d + " in the pipeline; data flows one way"})
		}
	}
	checked := 0
	for _, rule := range denied {
		for _, imp := range imports(t, rule.pkg) {
			checked++
			if imp == "dutyreport/generator/fold" && (rule.pkg == "redact" || rule.pkg == "audit") {
				continue // both read text as a reader sees it, through the same leaf
			}
			if imp == rule.imp || strings.HasPrefix(imp, rule.imp+"/") || (strings.HasSuffix(rule.imp, "/") && strings.HasPrefix(imp, rule.imp)) {
				t.Errorf("generator/%s imports %s: %s", rule.pkg, imp, rule.why)
			}
		}
	}
	if checked == 0 {
		t.Fatal("no imports were checked: the package folders moved?")
	}
}

// imports lists the imports of the non-test files of generator/<pkg>.
func imports(t *testing.T, pkg string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(pkg, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	fset := token.NewFileSet()
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		af, err := parser.ParseFile(fset, f, src, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, is := range af.Imports {
			p, _ := strconv.Unquote(is.Path.Value)
			out = append(out, p)
		}
	}
	return out
}

// TestNoFixturesOrRunnerBelow: no production package depends, even through
// another, on sitetest (test fixtures: a build never runs them), and no
// stage below the runner depends on the runner (dutyreport/generator): it
// drives them, and a stage that called back into it would tie the pipeline
// into a knot. The same as `go list -deps ./...` shows, read from the
// sources so the test needs no toolchain.
func TestNoFixturesOrRunnerBelow(t *testing.T) {
	const module, fixtures, runner = "dutyreport", "dutyreport/generator/sitetest", "dutyreport/generator"
	// Tools that make test fixtures, never part of a build.
	fixtureTools := map[string]string{
		"dutyreport/cmd/exampledata": "it writes the example site's spreadsheets from sitetest's generator (make data)",
	}
	graph := moduleImports(t, "..", module)
	if len(graph) < 10 {
		t.Fatalf("found only %d packages: the module moved?", len(graph))
	}
	for pkg := range graph {
		if pkg == fixtures || fixtureTools[pkg] != "" {
			continue
		}
		deps := closure(graph, pkg)
		if deps[fixtures] {
			t.Errorf("%s depends on %s: test fixtures are never part of a build", pkg, fixtures)
		}
		if strings.HasPrefix(pkg, runner+"/") && deps[runner] {
			t.Errorf("%s depends on %s: a stage is driven by the runner and never calls back into it", pkg, runner)
		}
	}
}

// moduleImports reads, for every package of the module rooted at dir, the
// module's packages its non-test files import.
func moduleImports(t *testing.T, dir, module string) map[string][]string {
	t.Helper()
	graph := map[string][]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if p != dir && (strings.HasPrefix(name, ".") || name == "testdata" || name == "node_modules" || name == "public") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			return nil
		}
		rel, _ := filepath.Rel(dir, filepath.Dir(p))
		pkg := module
		if rel != "." {
			pkg += "/" + filepath.ToSlash(rel)
		}
		af, err := parser.ParseFile(token.NewFileSet(), p, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		if _, ok := graph[pkg]; !ok {
			graph[pkg] = nil
		}
		for _, is := range af.Imports {
			imp, _ := strconv.Unquote(is.Path.Value)
			if imp == module || strings.HasPrefix(imp, module+"/") {
				graph[pkg] = append(graph[pkg], imp)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return graph
}

// closure is every package pkg depends on, directly or not.
func closure(graph map[string][]string, pkg string) map[string]bool {
	seen := map[string]bool{}
	var visit func(string)
	visit = func(p string) {
		for _, d := range graph[p] {
			if !seen[d] {
				seen[d] = true
				visit(d)
			}
		}
	}
	visit(pkg)
	return seen
}
