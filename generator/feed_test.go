package generator

import (
	"encoding/xml"
	"regexp"
	"slices"
	"strings"
	"testing"

	"dutyreport/generator/config"
)

// TestFeedAndSitemap: the public site's notices.atom is well-formed Atom
// with an entry for every published notice, linking to its page, and its
// sitemap.xml lists every page; the dashboard has neither.
func TestFeedAndSitemap(t *testing.T) {
	t.Parallel()
	files := exampleTree(t, config.Public)
	var feed struct {
		XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
		ID      string   `xml:"id"`
		Entries []struct {
			Title   string `xml:"title"`
			ID      string `xml:"id"`
			Updated string `xml:"updated"`
			Link    struct {
				Href string `xml:"href,attr"`
			} `xml:"link"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal(files["notices.atom"], &feed); err != nil {
		t.Fatal(err)
	}
	notice := regexp.MustCompile(`^\d{4}/notices/\d{4}-\d+\.html$`)
	var pages, notices, linked []string
	for p := range files {
		if strings.HasSuffix(p, ".html") && !strings.HasPrefix(p, "assets/") {
			pages = append(pages, p)
			if notice.MatchString(p) {
				notices = append(notices, p)
			}
		}
	}
	ids := map[string]bool{feed.ID: true}
	for _, e := range feed.Entries {
		linked = append(linked, e.Link.Href)
		if e.Title == "" || ids[e.ID] || !strings.HasSuffix(e.Updated, "T00:00:00+08:00") {
			t.Errorf("entry %+v: a title, an id of its own and a date", e)
		}
		ids[e.ID] = true
	}
	slices.Sort(notices)
	slices.Sort(linked)
	if len(notices) == 0 || !slices.Equal(linked, notices) {
		t.Errorf("the feed links %q, want the notices %q", linked, notices)
	}
	var sitemap struct {
		URLs []struct {
			Loc string `xml:"loc"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(files["sitemap.xml"], &sitemap); err != nil {
		t.Fatal(err)
	}
	var listed []string
	for _, u := range sitemap.URLs {
		listed = append(listed, u.Loc)
	}
	slices.Sort(listed)
	slices.Sort(pages)
	if !slices.Equal(listed, pages) {
		t.Errorf("the sitemap lists %d pages, the site has %d", len(listed), len(pages))
	}
	internal := exampleTree(t, config.Internal)
	if _, ok := internal["notices.atom"]; ok {
		t.Error("the dashboard has a feed")
	}
	if _, ok := internal["sitemap.xml"]; ok {
		t.Error("the dashboard has a sitemap")
	}
}
