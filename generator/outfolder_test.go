package generator

import (
	"archive/zip"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dutyreport/generator/problem"
	"dutyreport/generator/write"
)

// TestOutputFolderIsTheUsers: a build manages only the files it made. The
// user's files in the output folder (a .git folder, .htaccess, CNAME) stay
// byte for byte; a page of the last build edited by hand stops the build
// until --force; a build killed before its swap leaves all of it whole;
// the zip holds the site only; a folder no build made needs --force, and
// keeps its files.
func TestOutputFolderIsTheUsers(t *testing.T) {
	dir := footerSite(t, "footer: {operator: 测试县纪委监委}")
	out := filepath.Join(dir, "public")
	build := func(o Options) (problem.List, error) {
		o.Source, o.Out = dir, out
		_, probs, err := Build(o)
		return probs, err
	}
	if probs, err := build(Options{}); err != nil || probs.HasErrors() {
		t.Fatal(err, probs)
	}
	theirs := map[string]string{
		".git/HEAD": "ref: refs/heads/main\n", ".git/objects/ab/cdef": "\x78\x01blob", ".htaccess": "Options -Indexes\n", "CNAME": "kaohe.example.gov.cn\n",
	}
	for p, data := range theirs {
		p = filepath.Join(out, filepath.FromSlash(p))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	kept := func(when string) {
		t.Helper()
		for p, data := range theirs {
			if got, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(p))); err != nil || string(got) != data {
				t.Errorf("%s: %s is %q (%v), not as the user left it", when, p, got, err)
			}
		}
	}
	units := filepath.Join(out, "units.html")
	page, _ := os.ReadFile(units)
	edited := append(append([]byte{}, page...), "<!-- 手工修改 -->\n"...)
	os.WriteFile(units, edited, 0o644)

	probs, err := build(Options{})
	if err != nil || len(probs.Errors()) != 1 || probs[0].Code != problem.OutEdited || !strings.HasSuffix(probs[0].Pos.File, "/units.html") {
		t.Fatalf("a hand-edited page: %v %v", err, probs)
	}
	if got, _ := os.ReadFile(units); string(got) != string(edited) {
		t.Error("the refused build overwrote the edited page")
	}
	kept("after a refused build")

	// Killed between staging and the swap: everything as it was.
	beforeSwap = func() { panic("killed") }
	func() {
		defer func() { recover() }()
		build(Options{Force: true})
	}()
	beforeSwap = nil
	if got, _ := os.ReadFile(units); string(got) != string(edited) {
		t.Error("a killed build changed the site")
	}
	kept("after a killed build")

	zipFile := filepath.Join(t.TempDir(), "site.zip")
	probs, err = build(Options{Force: true, Zip: zipFile})
	if err != nil || probs.HasErrors() || len(probs) != 1 || probs[0].Severity != problem.Warning {
		t.Fatalf("--force over an edited page: %v %v", err, probs)
	}
	if got, _ := os.ReadFile(units); string(got) != string(page) {
		t.Error("--force did not write the page anew")
	}
	kept("after a build with --force")
	if left, _ := filepath.Glob(filepath.Join(dir, write.TempPrefix+"*")); len(left) > 0 {
		t.Errorf("left beside the output: %v", left)
	}
	zr, err := zip.OpenReader(zipFile)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if strings.HasPrefix(f.Name, ".") || f.Name == "CNAME" {
			t.Errorf("the zip holds the user's %s", f.Name)
		}
	}
	zr.Close()
	if probs, err := build(Options{}); err != nil || probs.HasErrors() {
		t.Errorf("the next build: %v %v", err, probs)
	}
	kept("after the next build")

	// A folder no build made: refused, then kept with --force.
	other := filepath.Join(t.TempDir(), "webroot")
	os.MkdirAll(other, 0o755)
	os.WriteFile(filepath.Join(other, "cms.php"), []byte("<?php ?>"), 0o644)
	if _, _, err := Build(Options{Source: dir, Out: other}); !IsUsage(err) {
		t.Errorf("a folder no build made was not refused: %v", err)
	}
	if _, probs, err := Build(Options{Source: dir, Out: other, Force: true}); err != nil || probs.HasErrors() {
		t.Fatal(err, probs)
	}
	if got, err := os.ReadFile(filepath.Join(other, "cms.php")); err != nil || string(got) != "<?php ?>" {
		t.Errorf("--force lost the folder's own file: %q %v", got, err)
	}
}
