package generator

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dutyreport/generator/config"
	"dutyreport/generator/problem"
	"dutyreport/generator/sitetest"
	"dutyreport/themes"
)

// TestSiteLayoutErrorIsPlacedInIt: a site that overrides the shared
// partials.html and breaks one of its templates is told the file and line
// of its own file, not the built-in layout of the page that called it.
func TestSiteLayoutErrorIsPlacedInIt(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := sitetest.WriteSite(dir, chartSite); err != nil {
		t.Fatal(err)
	}
	partials, err := fs.ReadFile(themes.Default(), "layouts/partials.html")
	if err != nil {
		t.Fatal(err)
	}
	band := `{{define "band"}}<span class="band {{.Class}}">{{.Name}}</span>{{end}}`
	if !strings.HasPrefix(string(partials), band) {
		t.Fatalf("the built-in partials.html no longer starts with %s", band)
	}
	broken := strings.Replace(string(partials), "{{.Name}}", "{{.Nom}}", 1)
	if err := os.MkdirAll(filepath.Join(dir, "layouts"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "layouts", "partials.html"), []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	_, probs, err := Build(Options{Source: dir, Out: filepath.Join(dir, "public"), Audience: config.Public})
	if err != nil {
		t.Fatal(err)
	}
	errs := probs.Errors()
	if len(errs) == 0 {
		t.Fatal("a broken partial built")
	}
	for _, p := range errs {
		if p.Code != problem.RenderTemplate || p.Pos.File != "layouts/partials.html" || p.Pos.Line != 1 {
			t.Errorf("placed at %s, want layouts/partials.html:1: %s", p.Pos, p.Format(problem.EN))
		}
	}
}
