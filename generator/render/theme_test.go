package render

import (
	"io/fs"
	"slices"
	"testing"
	"testing/fstest"

	"dutyreport/themes"
)

// TestThemeWithoutItsScripts: a theme of its own that lacks a script the
// layouts load is an error naming the file, not a site whose tables or
// search fail in the browser.
func TestThemeWithoutItsScripts(t *testing.T) {
	own := fstest.MapFS{}
	err := fs.WalkDir(themes.Default(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || p == TablesAsset || p == SearchAsset {
			return err
		}
		data, err := fs.ReadFile(themes.Default(), p)
		own[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	_, probs := Load(own, "themes/mine/", "zh-CN")
	var got []string
	for _, p := range probs {
		got = append(got, p.Pos.File)
	}
	if want := []string{"themes/mine/assets/search.js", "themes/mine/assets/tables.js"}; !slices.Equal(got, want) {
		t.Errorf("problems at %q, want %q", got, want)
	}
}
