package generator

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"dutyreport/generator/config"
	"dutyreport/generator/render"
)

// exampleSite is the repository root: it is itself an example site.
const exampleSite = ".."

// buildExample builds one audience of the example site into a temp folder.
func buildExample(t *testing.T, audience string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), audience)
	_, probs, err := Build(Options{Source: exampleSite, Out: out, Audience: audience})
	if err != nil {
		t.Fatal(err)
	}
	if probs.HasErrors() {
		t.Fatalf("the example site has problems:\n%v", probs)
	}
	return out
}

// tree reads every file under dir into a map keyed by slash path.
func tree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files, err := readTree(dir)
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// readTree is tree, for work shared by several tests.
func readTree(dir string) (map[string][]byte, error) {
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		data, err := os.ReadFile(p)
		files[filepath.ToSlash(rel)] = data
		return err
	})
	return files, err
}

// TestGoldenPublic rebuilds the example site and compares it byte for byte
// with the committed public/, so that every change of output shows in the
// diff a reviewer reads. After an intended change: make golden.
func TestGoldenPublic(t *testing.T) {
	t.Parallel()
	golden := tree(t, filepath.Join(exampleSite, "public"))
	if len(golden) == 0 {
		t.Fatal("public/ is empty: run make golden")
	}
	got := exampleTree(t, config.Public)
	// The chart library is fetched at a pinned version, never committed:
	// it is compared with the npm package instead of with public/.
	lib, ok := got[render.EChartsAsset]
	if !ok {
		t.Errorf("the build lacks the chart library %s", render.EChartsAsset)
	}
	if npm, err := os.ReadFile("../web/node_modules/echarts/dist/echarts.min.js"); err == nil && !bytes.Equal(lib, npm) {
		t.Errorf("%s differs from the pinned npm package's echarts.min.js: run make assets", render.EChartsAsset)
	}
	for _, files := range []map[string][]byte{golden, got} {
		for p := range files {
			if strings.HasPrefix(p, "assets/vendor/") {
				delete(files, p)
			}
		}
	}
	if d := treeDiff(golden, got); d != "" {
		t.Errorf("the build differs from the committed public/ (run `make golden` and read the diff; - public/, + the build):\n%s", d)
	}
}

// The second build is the test's own; the first is the shared one.
func TestTwoBuildsAreByteIdentical(t *testing.T) {
	t.Parallel()
	for _, audience := range []string{config.Public, config.Internal} {
		a, b := exampleTree(t, audience), tree(t, buildExample(t, audience))
		if d := treeDiff(a, b); d != "" {
			t.Errorf("%s: two builds differ (- the shared build, + the test's own):\n%s", audience, d)
		}
	}
}

// externalURL finds links to other hosts in pages: the site must work offline.
var externalURL = regexp.MustCompile(`(?i)(href|src)\s*=\s*"(https?:)?//`)

// anyURL finds any http(s) address in a page, in a link, a script or text.
var anyURL = regexp.MustCompile(`(?i)https?:(//|\\/\\/|&#x?[0-9a-f]+;)`)

// echartsCDN is go-echarts' default asset host, which must never reach a site.
const echartsCDN = "go-echarts.github.io"

func TestPublicSiteIsOfflineAndRelative(t *testing.T) {
	t.Parallel()
	for _, audience := range []string{config.Public, config.Internal} {
		for p, data := range exampleTree(t, audience) {
			if bytes.Contains(data, []byte(echartsCDN)) {
				t.Errorf("%s: %s names go-echarts' asset host", audience, p)
			}
			if strings.HasSuffix(p, ".html") {
				if m := anyURL.Find(data); m != nil {
					t.Errorf("%s: %s has an address on another host: %s", audience, p, m)
				}
			}
		}
	}
	for p, data := range exampleTree(t, config.Public) {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		if m := externalURL.Find(data); m != nil {
			t.Errorf("%s links outside the site: %s", p, m)
		}
		if bytes.Contains(data, []byte(`href="/`)) || bytes.Contains(data, []byte(`src="/`)) {
			t.Errorf("%s has a root-absolute link, which breaks under a sub-path of the county CMS", p)
		}
	}
}

func TestAudiences(t *testing.T) {
	t.Parallel()
	pub := exampleTree(t, config.Public)
	in := exampleTree(t, config.Internal)
	// 2024 is a draft in site.yaml: internal only.
	if _, ok := pub["2024/index.html"]; ok {
		t.Error("the public site has the draft year 2024")
	}
	if _, ok := in["2024/index.html"]; !ok {
		t.Error("the internal dashboard lacks the draft year 2024")
	}
	// The internal unit page lists every ledger row with its cell; the
	// public one only the tasks that cost points, without cells.
	pubUnit, inUnit := string(pub["2023/units/T01.html"]), string(in["2023/units/T01.html"])
	cell := regexp.MustCompile(`data/2023/纪实台账\.xlsx!\S+![A-Z]+[0-9]+`)
	if !cell.MatchString(inUnit) || !strings.Contains(inUnit, `class="ledger"`) {
		t.Error("the internal unit page lacks the ledger rows and their cells")
	}
	if cell.MatchString(pubUnit) || strings.Contains(pubUnit, `class="ledger"`) {
		t.Error("the public unit page shows ledger detail")
	}
	if !strings.Contains(string(in["index.html"]), "内部资料") || strings.Contains(string(pub["index.html"]), "内部资料") {
		t.Error("the internal banner must be on the dashboard and only there")
	}
	if !strings.Contains(string(in["index.html"]), `name="robots" content="noindex`) {
		t.Error("the dashboard must ask search engines not to index it")
	}
}

// TestJingzhouByConfigurationAlone builds the second example, whose scheme
// (7 items, 19 indicators from the score sheet, bottom-ranked consequences)
// differs from Shangnan's only in its YAML.
func TestJingzhouByConfigurationAlone(t *testing.T) {
	t.Parallel()
	out := filepath.Join(t.TempDir(), "public")
	_, probs, err := Build(Options{Source: filepath.Join(exampleSite, "examples", "jingzhou"), Out: out})
	if err != nil || probs.HasErrors() {
		t.Fatal(err, probs)
	}
	site := tree(t, out)
	// 江陵县 (X05) is last of the counties in 2023 and 2024: 约谈, and in its
	// second year running, 职务调整.
	ranking := string(site["2024/counties.html"])
	row := regexp.MustCompile(`(?s)<tr>\s*<td class="num">8</td>\s*<td><a href="units/X05.html">江陵县</a>.*?</tr>`).FindString(ranking)
	if !strings.Contains(row, "约谈") || !strings.Contains(row, "职务调整") {
		t.Errorf("2024: 江陵县 should be last with 约谈 and 职务调整; its row: %q", row)
	}
	if r23 := string(site["2023/counties.html"]); strings.Contains(r23, "职务调整") {
		t.Error("2023: 职务调整 needs two years running at the bottom")
	}
	// Indicators are listed under their item.
	unit := string(site["2024/units/X05.html"])
	item, indicator := strings.Index(unit, ">责任追究</th>"), strings.Index(unit, ">问责落实</th>")
	if item < 0 || indicator < item || !strings.Contains(unit, `<tr class="level-1"><th scope="row">问责落实</th>`) {
		t.Error("the indicator 问责落实 should be indented under its item 责任追究")
	}
	if strings.Contains(unit, "扣分任务") {
		t.Error("a scheme without a ledger has no tasks that cost points")
	}
}
