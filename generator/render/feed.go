package render

import (
	"bytes"
	"crypto/sha256"
	"encoding/xml"
	"fmt"
	"slices"
	"strings"

	"dutyreport/generator/view"
)

// The public site's files for search engines and feed readers: sitemap.xml
// lists every page, notices.atom every published notice. With site.yaml's
// base_url their addresses are absolute, as both formats want; without it
// they are relative to the site's folder, which a reader resolves against
// the file's own address.
const (
	SitemapPath = "sitemap.xml"
	FeedPath    = "notices.atom"
)

// Sitemap lists the pages of s.
func Sitemap(s *view.Site, pages []string) []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, p := range pages {
		b.WriteString("<url><loc>")
		xml.EscapeText(&b, []byte(s.BaseURL+p))
		b.WriteString("</loc></url>\n")
	}
	b.WriteString("</urlset>\n")
	return b.Bytes()
}

// Feed gives the Atom feed of s's notices, newest first: each with its
// title, date and the facts as its page shows them (masked for the
// public), linking to its page.
func Feed(s *view.Site, notices []*view.Notice, t *Theme) []byte {
	notices = slices.Clone(notices)
	slices.SortStableFunc(notices, func(a, b *view.Notice) int {
		return strings.Compare(b.Date+b.Path, a.Date+a.Path)
	})
	updated := "2000-01-01"
	if len(notices) > 0 {
		updated = notices[0].Date
	}
	author := s.Footer.Operator
	if author == "" {
		author = s.Title
	}
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<feed xmlns="http://www.w3.org/2005/Atom"`)
	if s.Lang != "" {
		fmt.Fprintf(&b, ` xml:lang="%s"`, s.Lang)
	}
	b.WriteString(">\n")
	el(&b, "title", s.Title+" - "+t.String("notices"))
	el(&b, "id", feedID(s, FeedPath))
	el(&b, "updated", atomDate(updated))
	b.WriteString("<author>")
	el(&b, "name", author)
	b.WriteString("</author>\n")
	fmt.Fprintf(&b, "<link rel=\"self\" href=\"%s\"/>\n", escAttr(s.BaseURL+FeedPath))
	fmt.Fprintf(&b, "<link rel=\"alternate\" href=\"%s\"/>\n", escAttr(s.BaseURL+"index.html"))
	for _, n := range notices {
		b.WriteString("<entry>\n")
		el(&b, "title", n.Title)
		el(&b, "id", feedID(s, n.Path))
		el(&b, "updated", atomDate(n.Date))
		fmt.Fprintf(&b, "<link href=\"%s\"/>\n", escAttr(s.BaseURL+n.Path))
		if n.FactsText != "" {
			el(&b, "summary", n.FactsText)
		}
		b.WriteString("</entry>\n")
	}
	b.WriteString("</feed>\n")
	return b.Bytes()
}

// el writes an element of escaped text, on a line of its own.
func el(b *bytes.Buffer, name, text string) {
	b.WriteString("<" + name + ">")
	xml.EscapeText(b, []byte(text))
	b.WriteString("</" + name + ">\n")
}

func escAttr(s string) string {
	var b bytes.Buffer
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// atomDate gives a date (2024-03-01) as Atom's date-time, at midnight in
// China, where the notices are dated.
func atomDate(d string) string { return d + "T00:00:00+08:00" }

// feedID gives the lasting identity of the feed or an entry: its address
// when the site has a base URL, else a name made from the site's title and
// the page's path, the same in every build.
func feedID(s *view.Site, path string) string {
	if s.BaseURL != "" {
		return s.BaseURL + path
	}
	h := sha256.Sum256([]byte(s.Title + "\x00" + path)) // a name-based UUID, as version 5 makes them
	return fmt.Sprintf("urn:uuid:%x-%x-5%03x-%04x-%x", h[0:4], h[4:6], (uint16(h[6])<<8|uint16(h[7]))&0x0fff,
		uint16(h[8]&0x3f|0x80)<<8|uint16(h[9]), h[10:16])
}
