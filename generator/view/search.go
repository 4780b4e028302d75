package view

import "slices"

// Paths of the site's search: its page, and the index its script reads.
// The index is a script that assigns a global rather than a JSON file
// fetched, because a site opened from a local folder (file://) may fetch
// nothing.
const (
	SearchPath      = "search.html"
	SearchIndexPath = "assets/search-index.js"
)

// SearchIndex is what the site's search looks through: every unit with a
// page and every notice of the audience, as the audience's pages show them
// (so masked for the public: it is made from the view, never from the
// records). Paths are from the site root. The JSON names are the search
// script's.
type SearchIndex struct {
	Units   []SearchUnit   `json:"units"`   // by code
	Notices []SearchNotice `json:"notices"` // by year, each year's as its notices page lists them
}

// SearchUnit is a unit in the search index, linking to its latest page.
type SearchUnit struct {
	Code string `json:"code"`
	Name string `json:"name"` // the latest name
	// Former are the unit's other names: those of the register before its
	// latest year, then those its earlier pages show, each once.
	Former   []string `json:"former"`
	Category string   `json:"category"`
	Group    string   `json:"group"` // "" for a unit not ranked
	Year     int      `json:"year"`  // of its latest page
	Path     string   `json:"path"`
}

// SearchNotice is an accountability notice in the search index.
type SearchNotice struct {
	Number   string `json:"number"`
	Title    string `json:"title"`
	UnitCode string `json:"unit_code"`
	Unit     string `json:"unit"`
	Year     int    `json:"year"`
	Path     string `json:"path"`
}

// searchIndex makes the search index of a built site: from the unit
// directory, the units' pages and the notices the audience has.
func searchIndex(s *Site) *SearchIndex {
	ix := &SearchIndex{Units: []SearchUnit{}, Notices: []SearchNotice{}}
	type page struct {
		year int
		*UnitPage
	}
	pages := map[string][]page{} // a unit's pages, in year order
	for _, y := range s.Years {
		for _, u := range y.Units {
			pages[u.Unit.Code] = append(pages[u.Unit.Code], page{y.Year, u})
		}
	}
	for _, u := range s.Units { // by code
		ps := pages[u.Code]
		if len(ps) == 0 {
			continue
		}
		latest := ps[len(ps)-1]
		su := SearchUnit{Code: u.Code, Name: latest.Unit.Name, Former: []string{}, Category: latest.Category,
			Group: latest.Group.Name, Year: latest.year, Path: latest.Path}
		add := func(name string) {
			if name != "" && name != su.Name && !slices.Contains(su.Former, name) {
				su.Former = append(su.Former, name)
			}
		}
		for _, f := range latest.FormerNames {
			add(f)
		}
		for _, p := range ps {
			add(p.Unit.Name)
		}
		ix.Units = append(ix.Units, su)
	}
	for _, y := range s.Years {
		for _, n := range y.Notices {
			ix.Notices = append(ix.Notices, SearchNotice{Number: n.Number, Title: n.Title, UnitCode: n.UnitCode,
				Unit: n.UnitName, Year: n.Year, Path: n.Path})
		}
	}
	return ix
}
