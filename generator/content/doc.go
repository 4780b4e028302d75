// Package content reads the site's Markdown: pages such as the methodology
// (content/*.md) and yearly summaries (content/years/2024.md).
//
// It returns each page's front matter and its body rendered to HTML by the
// one goldmark configuration of the project: CJK-aware line breaks, raw HTML
// dropped (safe mode), and no link to another site, since the published site
// must work offline. Front-matter problems carry file and line.
package content
