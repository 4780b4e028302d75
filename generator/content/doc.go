// Package content reads the site's Markdown: pages such as the methodology
// (content/*.md), yearly summaries (content/years/2024.md) and notices
// (content/notices/*.md), through the site folder as a root.
//
// It returns each page's front matter and body, and parses a body once into
// the text a reader sees in each block (Blocks), which the view masks
// before it is rendered (Render) by the one goldmark configuration of the
// project: CJK-aware line breaks, GFM tables, footnotes, raw HTML dropped
// (safe mode; an HTML tag is a problem, a comment is kept out of the page),
// and no link to another site, since the published site must work offline.
// Front-matter problems carry file and line.
package content
