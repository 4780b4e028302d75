package view

import (
	"path"
	"strings"
)

// Page is one HTML page to render: its path in the site and what it shows.
// Exactly one of Year, Ranking, Unit and Content is set, as Kind says.
type Page struct {
	Site    *Site
	Path    string // slash-separated, relative to the site root: "2023/units/T01.html"
	Kind    string // landing, year, ranking, unit, units, content, methodology
	Title   string
	Year    *Year
	Ranking *Ranking
	Unit    *UnitPage
	Content *Content
	Notice  *Notice
}

// Page kinds; each has a layout of the same name in the theme.
const (
	KindLanding     = "landing"
	KindYear        = "year"
	KindRanking     = "ranking"
	KindUnit        = "unit"
	KindUnits       = "units"
	KindContent     = "content"
	KindMethodology = "methodology"
	// KindNotices is a year's index of notices; KindNotice one notice;
	// KindRestrictions the internal dashboard's restrictions in force.
	KindNotices      = "notices"
	KindNotice       = "notice"
	KindRestrictions = "restrictions"
	// KindChanges is a year's changes since the year before.
	KindChanges = "changes"
	// KindWatch is a year's watch list (internal only).
	KindWatch = "watch"
	// KindSearch is the site's search over units and notices.
	KindSearch = "search"
	// KindPersons is a year's assessed persons (internal only).
	KindPersons = "persons"
	// KindRedactions lists every masking of the public site (internal only).
	KindRedactions = "redactions"
	// KindReport is a year's printable report: cover, summary, bands,
	// every ranking, the consequences and the notices, laid out for A4.
	KindReport = "report"
)

// Rel gives a link from this page to target (a path from the site root), so
// that the site works from a folder, under any sub-path and offline.
func (p *Page) Rel(target string) string {
	return Rel(p.Path, target)
}

// Rel gives the relative link from the page at from to target, both paths
// from the site root: Rel("2023/units/T01.html", "2023/towns.html") is
// "../towns.html".
func Rel(from, target string) string {
	fromDir := path.Dir(from)
	if fromDir == "." {
		return target
	}
	fd := strings.Split(fromDir, "/")
	td := strings.Split(target, "/")
	i := 0
	for i < len(fd) && i < len(td)-1 && fd[i] == td[i] {
		i++
	}
	return strings.Repeat("../", len(fd)-i) + strings.Join(td[i:], "/")
}

// Pages lists every page of the site in a fixed order.
func (s *Site) Pages() []*Page {
	var out []*Page
	out = append(out, &Page{Site: s, Path: "index.html", Kind: KindLanding, Title: s.Title, Year: s.Latest})
	out = append(out, &Page{Site: s, Path: UnitsPath, Kind: KindUnits})
	if s.Search != nil {
		out = append(out, &Page{Site: s, Path: SearchPath, Kind: KindSearch})
	}
	for _, c := range s.Contents {
		kind := KindContent
		if c.Name == "methodology" {
			kind = KindMethodology
		}
		out = append(out, &Page{Site: s, Path: c.Path, Kind: kind, Title: c.Title, Content: c})
	}
	for _, y := range s.Years {
		out = append(out, &Page{Site: s, Path: y.Path, Kind: KindYear, Year: y})
		out = append(out, &Page{Site: s, Path: y.ReportPath, Kind: KindReport, Year: y})
		for _, r := range y.Rankings {
			out = append(out, &Page{Site: s, Path: r.Path, Kind: KindRanking, Year: y, Ranking: r})
		}
		for _, u := range y.Units {
			out = append(out, &Page{Site: s, Path: u.Path, Kind: KindUnit, Year: y, Unit: u, Title: u.Unit.Name})
		}
		if y.ChangesPath != "" {
			out = append(out, &Page{Site: s, Path: y.ChangesPath, Kind: KindChanges, Year: y})
		}
		if y.Watch != nil {
			out = append(out, &Page{Site: s, Path: y.Watch.Path, Kind: KindWatch, Year: y})
		}
		if y.PersonsPath != "" {
			out = append(out, &Page{Site: s, Path: y.PersonsPath, Kind: KindPersons, Year: y})
		}
		if y.NoticesPath != "" {
			out = append(out, &Page{Site: s, Path: y.NoticesPath, Kind: KindNotices, Year: y})
		}
		for _, n := range y.Notices {
			out = append(out, &Page{Site: s, Path: n.Path, Kind: KindNotice, Year: y, Notice: n, Title: n.Title})
		}
	}
	if s.RedactionsPath != "" {
		out = append(out, &Page{Site: s, Path: s.RedactionsPath, Kind: KindRedactions})
	}
	if s.RestrictionsPath != "" {
		out = append(out, &Page{Site: s, Path: s.RestrictionsPath, Kind: KindRestrictions})
	}
	return out
}

// Paths of the site's pages.
const UnitsPath = "units.html"

func yearPath(y int) string              { return itoa(y) + "/index.html" }
func rankingPath(y int, g string) string { return itoa(y) + "/" + g + ".html" }
func unitPath(y int, code string) string { return itoa(y) + "/units/" + code + ".html" }
func changesPath(y int) string           { return itoa(y) + "/changes.html" }
func reportPath(y int) string            { return itoa(y) + "/report.html" }
func csvPath(y int) string               { return dataPath(y, "results.csv") }
func jsonPath(y int) string              { return dataPath(y, "results.json") }

// dataPath is the path of an edition's export: 2023/data/results.csv.
func dataPath(y int, name string) string { return itoa(y) + "/data/" + name }

// ManifestFile is the name of an edition's manifest among its exports:
// what it was made from (scheme, inputs and their digests) and its revision.
const ManifestFile = "manifest.json"

// NavYears are the years the page's menu links to: for a page of an
// edition (under its year's folder) the years up to its own, so that a
// published edition's pages stay as they were when a later year is
// published; for the site-wide pages every year.
func (p *Page) NavYears() []*Year {
	if p.Year == nil || p.Kind == KindLanding {
		return p.Site.Years
	}
	var out []*Year
	for _, y := range p.Site.Years {
		if y.Year <= p.Year.Year {
			out = append(out, y)
		}
	}
	return out
}

// HasCharts reports whether the page draws charts, and so loads the chart
// scripts; other pages load none.
func (p *Page) HasCharts() bool {
	switch p.Kind {
	case KindLanding:
		return len(p.Site.Charts) > 0
	case KindYear:
		return len(p.Year.Charts) > 0
	case KindRanking:
		return p.Ranking.Chart != nil
	case KindUnit:
		return p.Unit.charts != nil
	}
	return false
}

// HasTables reports whether the page has a table the tables script sorts
// or filters (marked data-sort in the layout), and so loads the script;
// other pages load none.
func (p *Page) HasTables() bool {
	switch p.Kind {
	case KindRanking, KindUnits, KindRestrictions, KindWatch, KindPersons, KindRedactions:
		return true
	case KindMethodology:
		return len(p.Site.Tasks) > 0
	case KindNotices:
		return len(p.Year.Notices) > 0
	case KindUnit:
		return len(p.Unit.Lost) > 0 || len(p.Unit.Ledger) > 0
	}
	return false
}
