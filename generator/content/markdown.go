package content

import (
	"bytes"
	"html/template"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"dutyreport/generator/redact"
)

// Edit replaces the bytes [Start, End) of a visible text (see Block) with
// Repl: the masking's own edit, so that the view passes on what it finds.
type Edit = redact.Edit

// Editor finds the edits to make to the text of one block (see Block):
// the view's masking. Edits are sorted and do not overlap. A nil Editor
// changes nothing.
type Editor func(Block) []Edit

// Block is the text a reader sees in one block of a Markdown document (a
// paragraph, a heading, a table cell) or in one link target: the text of
// its inline parts joined as a browser shows them, so that 张**三**,
// 张<!-- -->三 and 张 with 三 on the next line are each one 张三 here.
type Block struct {
	Text string
	// Line is the 1-based line of the source on which the block starts.
	Line int
	// Attr is set for a link or image target or title, which is no text
	// of the page but an attribute of it.
	Attr bool
	// off[i] is the source offset of Text[i], or -1 for a byte that is no
	// source's (a line break between inline parts).
	off []int
}

// Offset gives the source offset of the byte i of the block's text, or -1.
func (b Block) Offset(i int) int {
	if i < len(b.off) {
		return b.off[i]
	}
	return -1
}

// Blocks lists the visible texts of a Markdown source, in document order.
func Blocks(src string) []Block {
	source := []byte(src)
	doc := parse(source)
	var blocks []Block
	for _, t := range visibleTexts(doc, source) {
		blocks = append(blocks, t.block(source))
	}
	return blocks
}

// Render renders Markdown to HTML after making edit's edits to each text a
// reader sees (and to link targets and titles, and heading ids), and gives
// the same edited text as plain text for the exports: blocks separated by
// a blank line, soft line breaks kept, a line break at the end. goldmark drops raw HTML (its safe
// mode is the default; content.raw-html refuses every tag but a comment
// before a build gets here), and a dropped comment joins the text on
// either side in the visible text, as the browser joins it.
func Render(src string, edit Editor) (template.HTML, string) {
	source := []byte(src)
	doc := parse(source)
	if edit != nil {
		source = apply(doc, source, edit)
	}
	var plain strings.Builder
	for i, t := range visibleTexts(doc, source) {
		if t.attr {
			continue
		}
		if i > 0 && plain.Len() > 0 {
			plain.WriteString("\n\n")
		}
		plain.WriteString(strings.TrimRight(t.block(source).Text, "\n")) // a code block's last line ends in one
	}
	if plain.Len() > 0 {
		plain.WriteString("\n") // as the source's last line ends
	}
	var out bytes.Buffer
	if err := md.Renderer().Render(&out, source, doc); err != nil {
		return "", plain.String() // goldmark's renderer fails only on a failing writer
	}
	return template.HTML(out.String()), plain.String()
}

// part is a piece of a visible text: a text node's bytes, an autolink's
// label, or a line break between two.
type part struct {
	node *ast.Text
	auto *ast.AutoLink
	code ast.Node // a code block, whose line at is this part
	at   int
	text string // the label, the code line or the line break
}

// visible is one visible text: its parts, or for an attribute the node
// and which attribute.
type visible struct {
	parts []part
	attr  bool
	link  ast.Node // *ast.Link or *ast.Image for a target or title
	title bool     // the title rather than the destination
	line  int
}

func (v visible) block(source []byte) Block {
	var b Block
	b.Line = v.line
	if v.attr {
		b.Attr = true
		b.Text = string(v.value())
		b.off = make([]int, len(b.Text))
		for i := range b.off {
			b.off[i] = -1
		}
		return b
	}
	var sb strings.Builder
	for _, p := range v.parts {
		if p.code != nil {
			sb.WriteString(p.text)
			seg := p.code.Lines().At(p.at)
			for k := range len(p.text) {
				if seg.Padding == 0 && seg.Start+k < seg.Stop {
					b.off = append(b.off, seg.Start+k)
				} else {
					b.off = append(b.off, -1)
				}
			}
			continue
		}
		if p.node == nil {
			sb.WriteString(p.text)
			for range len(p.text) {
				b.off = append(b.off, -1)
			}
			continue
		}
		seg := p.node.Segment
		sb.Write(seg.Value(source))
		for i := seg.Start; i < seg.Stop; i++ {
			b.off = append(b.off, i)
		}
	}
	b.Text = sb.String()
	return b
}

// value is an attribute's bytes.
func (v visible) value() []byte {
	switch l := v.link.(type) {
	case *ast.Link:
		if v.title {
			return l.Title
		}
		return l.Destination
	case *ast.Image:
		if v.title {
			return l.Title
		}
		return l.Destination
	}
	return nil
}

func (v visible) setValue(b []byte) {
	switch l := v.link.(type) {
	case *ast.Link:
		if v.title {
			l.Title = b
		} else {
			l.Destination = b
		}
	case *ast.Image:
		if v.title {
			l.Title = b
		} else {
			l.Destination = b
		}
	}
}

// visibleTexts walks doc and gives each block's visible text and each
// link's target and title.
func visibleTexts(doc ast.Node, source []byte) []visible {
	var out []visible
	cur := -1 // index in out of the block being read
	lineAt := func(offset int) int { return 1 + bytes.Count(source[:min(offset, len(source))], []byte("\n")) }
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n.(type) {
		case *ast.CodeBlock, *ast.FencedCodeBlock:
			// Shown as written, line by line: a paragraph indented by
			// four spaces is one.
			if entering {
				v := visible{}
				lines := n.Lines()
				for i := range lines.Len() {
					seg := lines.At(i)
					if i == 0 {
						v.line = lineAt(seg.Start)
					}
					v.parts = append(v.parts, part{code: n, at: i, text: string(seg.Value(source))})
				}
				out = append(out, v)
			}
			return ast.WalkSkipChildren, nil
		}
		if n.Type() == ast.TypeBlock && n.FirstChild() != nil && n.FirstChild().Type() == ast.TypeInline {
			// A block holding inline content: a paragraph, a heading, a
			// table cell, a list item's text.
			if entering {
				out = append(out, visible{})
				cur = len(out) - 1
				if n.Lines().Len() > 0 {
					out[cur].line = lineAt(n.Lines().At(0).Start)
				}
			} else {
				cur = -1
			}
			return ast.WalkContinue, nil
		}
		if !entering || cur < 0 {
			return ast.WalkContinue, nil
		}
		v := &out[cur]
		switch t := n.(type) {
		case *ast.Text:
			if v.line == 0 {
				v.line = lineAt(t.Segment.Start)
			}
			v.parts = append(v.parts, part{node: t})
			if t.SoftLineBreak() || t.HardLineBreak() {
				v.parts = append(v.parts, part{text: "\n"})
			}
		case *ast.AutoLink:
			// A bare address GFM made a link of: its label is text the
			// reader sees (and the link goes with it when it is masked).
			v.parts = append(v.parts, part{auto: t, text: string(t.Label(source))})
		case *ast.Link, *ast.Image:
			for _, title := range []bool{false, true} {
				out = append(out, visible{attr: true, link: n, title: title, line: v.line})
			}
		}
		return ast.WalkContinue, nil
	})
	return out
}

// apply makes the edits to the document's texts: each text node keeps what
// no edit covers, and the first node an edit touches takes its
// replacement. Replacements are appended to a copy of the source, which
// the edited nodes' segments then point into; heading ids are edited as
// texts of their own.
func apply(doc ast.Node, source []byte, edit Editor) []byte {
	buf := bytes.Clone(source)
	texts := visibleTexts(doc, source)
	for _, v := range texts {
		b := v.block(source)
		edits := edit(b)
		if len(edits) == 0 {
			continue
		}
		if v.attr {
			v.setValue([]byte(redact.Apply(b.Text, edits)))
			continue
		}
		// Walk the parts with the block offset of each. An edit's
		// replacement goes to the first text part it touches; the rest
		// of what it covers is dropped.
		written := make([]bool, len(edits))
		at, k := 0, 0
		for _, p := range v.parts {
			n := len(p.text)
			if p.node != nil {
				n = p.node.Segment.Len()
			}
			end := at + n
			for k < len(edits) && edits[k].End <= at {
				k++
			}
			if (p.node != nil || p.auto != nil || p.code != nil) && k < len(edits) && edits[k].Start < end {
				var out strings.Builder
				i := at
				for j := k; j < len(edits) && edits[j].Start < end; j++ {
					out.WriteString(b.Text[i:max(i, edits[j].Start)])
					if !written[j] {
						out.WriteString(edits[j].Repl)
						written[j] = true
					}
					i = min(edits[j].End, end)
				}
				out.WriteString(b.Text[i:end])
				start := len(buf)
				buf = append(buf, out.String()...)
				switch {
				case p.node != nil:
					p.node.Segment = text.NewSegment(start, len(buf))
				case p.code != nil:
					p.code.Lines().Set(p.at, text.NewSegment(start, len(buf)))
				default:
					if parent := p.auto.Parent(); parent != nil {
						// A masked address is no link: the label stays as text.
						parent.ReplaceChild(parent, p.auto, ast.NewTextSegment(text.NewSegment(start, len(buf))))
					}
				}
			}
			at = end
		}
	}
	// Heading ids (made from the heading's text when parsed) and other
	// attributes are texts of their own.
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		for _, a := range n.Attributes() {
			if v, ok := a.Value.([]byte); ok {
				if edits := edit(Block{Text: string(v), Attr: true}); len(edits) > 0 {
					n.SetAttribute(a.Name, []byte(redact.Apply(string(v), edits)))
				}
			}
		}
		return ast.WalkContinue, nil
	})
	return buf
}

// parse parses Markdown with heading ids that say nothing of the heading:
// goldmark makes an id of a heading's ASCII letters and digits, before any
// masking, so a number or a name in Latin letters would reach an id
// attribute; a Chinese heading already gets "heading", "heading-1" ….
func parse(source []byte) ast.Node {
	return md.Parser().Parse(text.NewReader(source), parser.WithContext(parser.NewContext(parser.WithIDs(&headingIDs{used: map[string]bool{}}))))
}

// headingIDs numbers the headings of one document.
type headingIDs struct {
	used map[string]bool
	n    int
}

func (h *headingIDs) Generate(value []byte, kind ast.NodeKind) []byte {
	for {
		id := "heading"
		if h.n > 0 {
			id += "-" + strconv.Itoa(h.n)
		}
		h.n++
		if !h.used[id] {
			h.used[id] = true
			return []byte(id)
		}
	}
}

func (h *headingIDs) Put(value []byte) { h.used[string(value)] = true }
