package generator

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"slices"
	"strings"
	"testing"

	"dutyreport/generator/config"
	"dutyreport/generator/view"
)

// renderExample renders one audience of the example site in memory, as a
// build does before it writes (no editions lock is read or written).
func renderExample(t *testing.T, in inputs, audience string) (*view.Site, map[string][]byte) {
	t.Helper()
	s, files, err := renderSite(in, audience)
	if err != nil {
		t.Fatal(err)
	}
	return s, files
}

// renderSite is renderExample, for work shared by several tests.
func renderSite(in inputs, audience string) (*view.Site, map[string][]byte, error) {
	s := in.view(audience)
	theme, probs := loadTheme(in.cfg)
	if probs.HasErrors() {
		return nil, nil, probs
	}
	files := map[string][]byte{}
	probs, err := theme.Site(s, func(p string, data []byte) error {
		files[p] = bytes.Clone(data)
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	if probs.HasErrors() {
		return nil, nil, probs
	}
	return s, files, nil
}

// readSearchIndex reads the emitted assets/search-index.js as data.
func readSearchIndex(t *testing.T, files map[string][]byte) view.SearchIndex {
	t.Helper()
	src, ok := files[view.SearchIndexPath]
	if !ok {
		t.Fatalf("the site has no %s", view.SearchIndexPath)
	}
	const assign = "window.dutyreportSearch = "
	_, js, ok := bytes.Cut(src, []byte(assign))
	if !ok {
		t.Fatalf("%s does not assign the global: %.200s", view.SearchIndexPath, src)
	}
	var ix view.SearchIndex
	if err := json.Unmarshal(bytes.TrimSuffix(bytes.TrimSpace(js), []byte(";")), &ix); err != nil {
		t.Fatalf("%s: %v", view.SearchIndexPath, err)
	}
	return ix
}

// The example's D12 was 县农业局 until 2022 and is 县农业农村局 from 2023:
// the search finds it under both names, in each audience, and links its
// latest page; its 2020 notice is in the index too.
func TestSearchIndexHoldsFormerNamesAndNotices(t *testing.T) {
	t.Parallel()
	for _, audience := range []string{config.Public, config.Internal} {
		s, _ := exampleRender(t, audience)
		ix := s.Search
		i := slices.IndexFunc(ix.Units, func(u view.SearchUnit) bool { return u.Code == "D12" })
		if i < 0 {
			t.Fatalf("%s: the index lacks D12", audience)
		}
		u := ix.Units[i]
		latest := s.Years[len(s.Years)-1].Year
		if u.Name != "县农业农村局" || !slices.Contains(u.Former, "县农业局") || u.Year != latest || u.Path != fmt.Sprintf("%d/units/D12.html", latest) {
			t.Errorf("%s: D12 in the index: %+v", audience, u)
		}
		if !slices.IsSortedFunc(ix.Units, func(a, b view.SearchUnit) int { return strings.Compare(a.Code, b.Code) }) {
			t.Errorf("%s: the index's units are not in code order", audience)
		}
		j := slices.IndexFunc(ix.Notices, func(n view.SearchNotice) bool { return n.UnitCode == "D12" && n.Year == 2020 })
		if j < 0 {
			t.Fatalf("%s: the index lacks D12's 2020 notice", audience)
		}
		if n := ix.Notices[j]; n.Number != "清纪问〔2020〕1号" || n.Unit != "县农业局" || n.Path != "2020/notices/2020-1.html" || n.Title == "" {
			t.Errorf("%s: D12's notice in the index: %+v", audience, n)
		}
		notices := 0
		for _, y := range s.Years {
			notices += len(y.Notices)
		}
		if len(ix.Notices) != notices || len(ix.Units) != len(s.Units) {
			t.Errorf("%s: the index has %d units and %d notices; the site %d and %d", audience, len(ix.Units), len(ix.Notices), len(s.Units), notices)
		}
	}
}

// The public index is made from the masked view: each notice's title is
// the one its public page shows, never the internal one that names the
// person; and every path in it is a page of the site.
func TestPublicSearchIndexIsMasked(t *testing.T) {
	t.Parallel()
	_, pub := exampleRender(t, config.Public)
	_, internal := exampleRender(t, config.Internal)
	pubIx, inIx := readSearchIndex(t, pub), readSearchIndex(t, internal)
	internalTitles := map[string]string{}
	for _, n := range inIx.Notices {
		internalTitles[n.Number] = n.Title
	}
	masked := 0
	for _, n := range pubIx.Notices {
		page, ok := pub[n.Path]
		if !ok {
			t.Errorf("the index links %s, which the public site lacks", n.Path)
			continue
		}
		if h1 := `id="notice-title">` + html.EscapeString(n.Title) + "</h1>"; !bytes.Contains(page, []byte(h1)) {
			t.Errorf("%s: the index's title %q is not the page's", n.Path, n.Title)
		}
		if in := internalTitles[n.Number]; in != n.Title {
			masked++
			if bytes.Contains(pub[view.SearchIndexPath], []byte(in)) {
				t.Errorf("the public index holds the internal title %q", in)
			}
		}
	}
	if masked == 0 {
		t.Error("no notice title differs between the audiences: the example should name a person the public site masks")
	}
	for _, u := range pubIx.Units {
		if _, ok := pub[u.Path]; !ok {
			t.Errorf("the index links %s, which the public site lacks", u.Path)
		}
	}
	if _, ok := pub[view.SearchPath]; !ok {
		t.Errorf("the public site has no %s", view.SearchPath)
	}
}

// The index is the same bytes from two views and two renders: the shared
// one and the test's own.
func TestSearchIndexIsByteStable(t *testing.T) {
	t.Parallel()
	in := exampleInputs(t)
	for _, audience := range []string{config.Public, config.Internal} {
		_, a := exampleRender(t, audience)
		_, b := renderExample(t, in, audience)
		if !bytes.Equal(a[view.SearchIndexPath], b[view.SearchIndexPath]) {
			t.Errorf("%s: two renders give different %s", audience, view.SearchIndexPath)
		}
		if !bytes.Equal(a[view.SearchPath], b[view.SearchPath]) {
			t.Errorf("%s: two renders give different %s", audience, view.SearchPath)
		}
	}
}
