package generator

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"testing"

	"dutyreport/generator/config"
	"dutyreport/generator/view"
)

// TestArchivedEditionIsTheLiveOne: a revision read back from its archived
// exports compares as the same year built now does, mergers included (the
// archive holds none: they are the register's). Each year's exports as the
// committed public/ holds them are read back as if archived.
func TestArchivedEditionIsTheLiveOne(t *testing.T) {
	t.Parallel()
	site, _ := exampleRender(t, config.Public)
	mergers := 0
	for _, y := range site.Years {
		dir := filepath.Join(exampleSite, "public", strconv.Itoa(y.Year), "data")
		results, err := os.ReadFile(filepath.Join(dir, "results.json"))
		if err != nil {
			t.Fatal(err)
		}
		notices, err := os.ReadFile(filepath.Join(dir, "notices.json"))
		if errors.Is(err, fs.ErrNotExist) {
			notices = nil
		} else if err != nil {
			t.Fatal(err)
		}
		got, err := view.ArchivedEdition(y, 1, results, notices)
		if err != nil {
			t.Fatal(err)
		}
		want := view.Edition(y)
		want.Revision = 1
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%d read back from its exports differs from the year built now:\n got %+v\nwant %+v", y.Year, got, want)
		}
		for _, u := range want.Units {
			if u.MergedInto != "" {
				mergers++
			}
		}
	}
	if mergers == 0 {
		t.Error("no merger in the example: the test shows nothing of mergers")
	}
}
