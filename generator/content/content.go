package content

import (
	"bytes"
	"errors"
	"html"
	"io/fs"
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"dutyreport/generator/config"
	"dutyreport/generator/problem"
	"dutyreport/generator/sitefs"
)

// Page is one Markdown file.
type Page struct {
	Name string // file name without .md: "methodology", or the year "2024"
	File string // relative to the site folder
	Meta Meta
	// Source is the Markdown body: the view masks the names in it and
	// renders it for each audience (Render).
	Source string
	// Line is the line of the file on which Source starts, after the
	// front matter: a position in Source is a line of the file.
	Line int
	Year int // for content/years/*.md
}

// Meta is a page's front matter.
type Meta struct {
	Title string `yaml:"title"`
	// Weight orders pages in the menu, smallest first; ties by name.
	Weight int `yaml:"weight"`
	// Menu false keeps a page out of the menu.
	Menu *bool `yaml:"menu"`
	// Sample marks the sample text of `dutyreport new`: a site that does
	// not say it shows sample data refuses to publish it.
	Sample bool `yaml:"sample"`
}

// InMenu reports whether the page is listed in the site menu.
func (m Meta) InMenu() bool { return m.Menu == nil || *m.Menu }

// Content is all of a site's Markdown.
type Content struct {
	Pages []Page // content/*.md, by weight then name
	Years []Page // content/years/*.md, by year
	// Notices are content/notices/*.md, by file name.
	Notices []Notice
}

// MaxFileBytes bounds a Markdown file: a notice or a page is a few
// kilobytes, and a file a thousand times that is no page to publish but a
// mistake or an attack on the build's memory; it is refused unread.
const MaxFileBytes = 4 << 20

// Dir is the content folder in the site.
const Dir = "content"

var md = goldmark.New(
	goldmark.WithExtensions(extension.GFM, extension.CJK, extension.Footnote),
	goldmark.WithParserOptions(parser.WithAutoHeadingID()),
)

// reserved are names of pages the site makes itself: content/index.md
// would replace the landing page, content/units.md the list of units.
var reserved = []string{"index", "units"}

// reservedFiles names the files of the reserved names, for a message.
func reservedFiles() []string {
	files := make([]string, len(reserved))
	for i, r := range reserved {
		files[i] = r + ".md"
	}
	return files
}

// Read reads the site's Markdown files; a missing content folder is no error.
//
// Files are read through the site folder as a root (sitefs): a symlink
// that leads out of the site, or to anything but a regular file (a
// device, a pipe), is content.not-a-file and never read, so that a link
// to /etc/passwd is not published as a page.
func Read(siteDir string) (*Content, problem.List) {
	var probs problem.List
	c := &Content{}
	root := sitefs.Open(siteDir)
	defer root.Close()
	if err := root.Err(); err != nil {
		probs.Add(problem.Problem{Pos: problem.Position{File: Dir}, Code: problem.ConfigUnreadable, Found: err.Error()})
		return c, probs
	}
	for _, sub := range []string{"", "years", NoticesDir} {
		dir := path.Join(Dir, sub)
		entries, err := root.ReadDir(dir)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			probs.Add(problem.Problem{Pos: problem.Position{File: dir}, Code: problem.ContentNotAFile, Found: dir})
			continue
		}
		for _, e := range entries {
			if e.IsDir() || !strings.HasSuffix(e.Name(), ".md") {
				continue
			}
			rel := path.Join(dir, e.Name())
			data, err := root.ReadFile(rel, MaxFileBytes)
			var tl *sitefs.TooLargeError
			switch {
			case errors.Is(err, sitefs.ErrNotAFile):
				probs.Add(problem.Problem{Pos: problem.Position{File: rel}, Code: problem.ContentNotAFile, Found: e.Name()})
				continue
			case errors.As(err, &tl):
				probs.Add(problem.TooLarge(problem.ContentTooLarge, rel, tl.Size, tl.Limit))
				continue
			case err != nil:
				probs.Add(problem.Problem{Pos: problem.Position{File: rel}, Code: problem.ConfigUnreadable, Found: err.Error()})
				continue
			}
			if sub == NoticesDir {
				c.Notices = append(c.Notices, ParseNotice(rel, data, &probs))
				continue
			}
			p := Parse(rel, data, &probs)
			p.Name = strings.TrimSuffix(e.Name(), ".md")
			if sub == "years" {
				y, err := strconv.Atoi(p.Name)
				if err != nil {
					probs.Add(problem.Problem{Pos: problem.Position{File: rel}, Code: problem.ContentFrontMatter, Found: e.Name(), Expected: problem.T(problem.TYearFileName)})
					continue
				}
				p.Year = y
				c.Years = append(c.Years, p)
			} else if slices.Contains(reserved, p.Name) {
				probs.Add(problem.Problem{Pos: problem.Position{File: rel}, Code: problem.ContentReservedName, Found: e.Name(),
					Expected: problem.T(problem.TNameOtherThan, problem.Joined(reservedFiles()))})
			} else {
				c.Pages = append(c.Pages, p)
			}
		}
	}
	slices.SortFunc(c.Pages, func(a, b Page) int {
		if a.Meta.Weight != b.Meta.Weight {
			return a.Meta.Weight - b.Meta.Weight
		}
		return strings.Compare(a.Name, b.Name)
	})
	slices.SortFunc(c.Years, func(a, b Page) int { return a.Year - b.Year })
	probs.Sort()
	return c, probs
}

// Parse splits off the front matter, decodes it strictly and checks the body.
func Parse(file string, data []byte, probs *problem.List) Page {
	p := Page{File: file}
	front, body, line := split(data)
	if front != nil {
		probs.Append(relabel(config.DecodeYAML(file, front, &p.Meta, 1)))
	}
	doc := checkLinks(file, body, line, probs)
	p.Source, p.Line = string(body), line
	if p.Meta.Title == "" {
		p.Meta.Title = firstHeading(doc, body)
	}
	return p
}

// split cuts a Markdown file into its front matter (nil for none) and its
// body, and gives the body's first line. Files saved on Windows carry a BOM
// and CRLF line ends; they are read as the same text, so their front matter
// is not published as page text. The front matter is split here, not by a
// goldmark extension, so that its problems get the same strict checks and
// file:line positions as site.yaml.
func split(data []byte) (front, body []byte, line int) {
	data = bytes.ReplaceAll(bytes.TrimPrefix(data, []byte("\ufeff")), []byte("\r\n"), []byte("\n"))
	body = data
	if rest, ok := bytes.CutPrefix(data, []byte("---\n")); ok {
		if i := bytes.Index(rest, []byte("\n---")); i >= 0 {
			front = rest[:i+1]
			body = rest[i+4:]
			if j := bytes.IndexByte(body, '\n'); j >= 0 {
				body = body[j+1:]
			} else {
				body = nil
			}
		}
	}
	return front, body, lineOf(data, body)
}

// checkLinks parses the body and reports every link that leaves the site
// and every HTML tag.
func checkLinks(file string, src []byte, line int, probs *problem.List) ast.Node {
	doc := parse(src)
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if raw, rawLine := rawHTML(n, src); raw != "" {
			probs.Add(problem.Problem{Pos: problem.Position{File: file, Line: line + rawLine}, Code: problem.ContentRawHTML, Found: raw})
			return ast.WalkContinue, nil
		}
		var dest string
		switch l := n.(type) {
		case *ast.Link:
			dest = string(l.Destination)
		case *ast.Image:
			dest = string(l.Destination)
		case *ast.AutoLink:
			dest = string(l.URL(src))
		default:
			return ast.WalkContinue, nil
		}
		if External(dest) {
			pos := problem.Position{File: file}
			if seg := firstSegment(n); seg >= 0 {
				pos.Line = line + bytes.Count(src[:seg], []byte("\n"))
			}
			probs.Add(problem.Problem{Pos: pos, Code: problem.ContentExternalLink, Found: dest})
		}
		return ast.WalkContinue, nil
	})
	return doc
}

// External reports whether a link leaves the site: a scheme (http:, mailto:,
// javascript: …) or a protocol-relative //host. It reads the target as a
// browser will: character references decoded (https&#58;//…), tabs, line
// breaks and other control characters and spaces dropped, a backslash
// taken for a slash (\\host), letters in either case; and, to be safe, once
// more with percent-escapes decoded.
func External(dest string) bool {
	d := strings.Map(func(r rune) rune {
		switch {
		case r <= ' ' || r == 0x7f:
			return -1
		case r == '\\':
			return '/'
		}
		return r
	}, html.UnescapeString(dest))
	d = strings.ToLower(d)
	if u, err := url.PathUnescape(d); err == nil && u != d && External(u) {
		return true
	}
	if strings.HasPrefix(d, "//") {
		return true
	}
	if i := strings.IndexByte(d, ':'); i > 0 {
		return !strings.ContainsAny(d[:i], "/?#")
	}
	return false
}

// relabel turns config's problem codes into content's: a front matter
// problem is a content problem, whatever the YAML error.
func relabel(l problem.List) problem.List {
	for i := range l {
		l[i].Code = problem.ContentFrontMatter
	}
	return l
}

// lineOf gives the 1-based line of data on which body starts.
func lineOf(data, body []byte) int {
	return bytes.Count(data[:len(data)-len(body)], []byte("\n")) + 1
}

// rawHTML gives an HTML tag written in the Markdown (its first line, cut
// short) and its 0-based line in src, or "" for none or a comment:
// comments are never published, while a tag, which the renderer drops,
// would join the text on either side of it.
func rawHTML(n ast.Node, src []byte) (string, int) {
	var segs *text.Segments
	switch h := n.(type) {
	case *ast.RawHTML:
		segs = h.Segments
	case *ast.HTMLBlock:
		if h.HTMLBlockType == ast.HTMLBlockType2 {
			return "", 0
		}
		l := h.Lines()
		segs = l
	default:
		return "", 0
	}
	if segs == nil || segs.Len() == 0 {
		return "", 0
	}
	first := segs.At(0)
	var all []byte
	for i := range segs.Len() {
		seg := segs.At(i)
		all = append(all, seg.Value(src)...)
	}
	v := bytes.TrimSpace(all)
	if bytes.HasPrefix(v, []byte("<!--")) {
		return "", 0
	}
	if i := bytes.IndexByte(v, '\n'); i >= 0 {
		v = v[:i]
	}
	if len(v) > 60 {
		v = append(v[:60:60], "…"...)
	}
	return string(v), bytes.Count(src[:first.Start], []byte("\n"))
}

func firstSegment(n ast.Node) int {
	for c := n; c != nil; c = c.FirstChild() {
		if t, ok := c.(*ast.Text); ok {
			return t.Segment.Start
		}
	}
	if p := n.Parent(); p != nil && p.Lines().Len() > 0 {
		return p.Lines().At(0).Start
	}
	return -1
}

// firstHeading gives the text a reader sees in the first level-1 heading,
// emphasis and code included.
func firstHeading(doc ast.Node, src []byte) string {
	for c := doc.FirstChild(); c != nil; c = c.NextSibling() {
		if h, ok := c.(*ast.Heading); ok && h.Level == 1 {
			for _, v := range visibleTexts(h, src) {
				if !v.attr {
					return strings.ReplaceAll(v.block(src).Text, "\n", "")
				}
			}
			return ""
		}
	}
	return ""
}
