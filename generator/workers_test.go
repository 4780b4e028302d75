package generator

import (
	"bytes"
	"io/fs"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"dutyreport/generator/config"
	"dutyreport/generator/problem"
	"dutyreport/generator/render"
	"dutyreport/themes"
)

// TestWorkersMakeTheSameSite builds the example with one worker and with
// four, and compares every file byte for byte: the pool changes the time a
// build takes, never what it writes (issue 21).
func TestWorkersMakeTheSameSite(t *testing.T) {
	t.Parallel()
	var built [2]map[string][]byte
	var reports [2]Report
	for i, workers := range []int{1, 4} {
		out := filepath.Join(t.TempDir(), "public")
		rep, probs, err := Build(Options{Source: exampleSite, Out: out, workers: workers})
		if err != nil || probs.HasErrors() {
			t.Fatalf("%d workers: %v\n%v", workers, err, probs)
		}
		built[i], reports[i] = tree(t, out), rep
		reports[i].Out = ""
	}
	one, four := built[0], built[1]
	for _, p := range slices.Sorted(mapKeys(one, four)) {
		a, inOne := one[p]
		b, inFour := four[p]
		switch {
		case !inOne:
			t.Errorf("%s: written by four workers only", p)
		case !inFour:
			t.Errorf("%s: written by one worker only", p)
		case !bytes.Equal(a, b):
			t.Errorf("%s: differs between one worker and four", p)
		}
	}
	if reports[0].Pages == 0 || !reflect.DeepEqual(reports[0], reports[1]) {
		t.Errorf("the reports differ:\none worker:   %+v\nfour workers: %+v", reports[0], reports[1])
	}
}

// TestWorkersReportTheSameTemplateProblems renders the example with a unit
// layout that fails on some unit pages, between pages that render: one
// worker and four report the same first problems, in page order, and stop
// at the same number.
func TestWorkersReportTheSameTemplateProblems(t *testing.T) {
	t.Parallel()
	in, probs := load(exampleSite, "", nil, nil)
	if probs.HasErrors() {
		t.Fatal(probs)
	}
	unit, err := fs.ReadFile(themes.Default(), "layouts/unit.html")
	if err != nil {
		t.Fatal(err)
	}
	// The units ranked first to seventh fail: a few of each group, in
	// every year.
	broken := strings.Replace(string(unit), `{{define "main"}}`, `{{define "main"}}{{if and .Unit.Rank (lt .Unit.Rank 8)}}{{.NoSuchField}}{{end}}`, 1)
	if broken == string(unit) {
		t.Fatal("the unit layout has no main template to break")
	}
	theme, tprobs := render.LoadLayers([]render.Layer{
		{FS: fstest.MapFS{"layouts/unit.html": {Data: []byte(broken)}}, Prefix: ""},
		{FS: themes.Default(), Prefix: "themes/default/"}}, "zh-CN")
	if tprobs.HasErrors() {
		t.Fatal(tprobs)
	}
	site := in.view(config.Public)
	var lists [2]problem.List
	for i, workers := range []int{1, 4} {
		var mu sync.Mutex
		emitted := 0
		lists[i], err = theme.SiteOn(site, func(string, []byte) error {
			mu.Lock()
			emitted++
			mu.Unlock()
			return nil
		}, workers)
		if err != nil {
			t.Fatal(err)
		}
		if emitted == 0 {
			t.Errorf("%d workers emitted nothing", workers)
		}
	}
	if len(lists[0]) != 21 {
		t.Errorf("one worker reported %d problems, want 21:\n%v", len(lists[0]), lists[0])
	}
	if !reflect.DeepEqual(lists[0], lists[1]) {
		t.Errorf("the problems differ:\none worker:\n%v\nfour workers:\n%v", lists[0], lists[1])
	}
	for _, p := range lists[0] {
		if p.Code != problem.RenderTemplate || p.Pos.File != "layouts/unit.html" {
			t.Errorf("unexpected problem %v", p)
			break
		}
	}
}
