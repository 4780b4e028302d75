package view

import (
	"html/template"
	"slices"

	"dutyreport/generator/config"
	"dutyreport/generator/content"
	"dutyreport/generator/notices"
	"dutyreport/generator/redact"
)

// redactor makes the masking of an audience: what notices.SensitiveFor
// lists (for the public every person of the cases and the rosters, 张三 →
// 张某, but the commended the policy names, and the registers' ID and
// phone numbers; for every audience whistleblowers and witnesses), and for
// the public ID and mobile numbers and e-mail addresses by pattern.
func redactor(in Input, internal bool, roster []string) *redact.Redactor {
	if in.Unmasked {
		return redact.New(redact.Options{}) // masks nothing
	}
	c := in.Config
	audience := config.Public
	if internal {
		audience = config.Internal
	}
	s := notices.SensitiveFor(c, in.Notices, audience)
	names := s.Names
	if !internal {
		names = append(slices.Clone(names), roster...)
	}
	return redact.New(redact.Options{
		Policy:   redact.Policy{Mask: c.Site.Redaction.Mask, CompoundSurnames: c.Site.Redaction.CompoundSurnames},
		Public:   notices.PublicTerms(c, in.Data.Register),
		Names:    names,
		Hidden:   s.Hidden,
		Literals: append(slices.Clone(s.IDNumbers), s.Phones...),
		Patterns: !internal,
	})
}

// text masks a free text for the audience; where says where it was
// written (a file, a cell), for the review of the public masking.
func (b *builder) text(where, s string) string {
	if s == "" {
		return ""
	}
	edits := b.red.Edits(s)
	b.rec.add(where, s, edits, 0)
	return redact.Apply(s, edits)
}

// editor masks the texts of a Markdown body that starts on line line of
// file (see content.Render).
func (b *builder) editor(file string, line int) content.Editor {
	return func(bl content.Block) []content.Edit {
		edits := b.red.Edits(bl.Text)
		if !bl.Attr {
			b.rec.add(file, bl.Text, edits, line+bl.Line-1)
		} else {
			b.rec.add(file, bl.Text, edits, 0)
		}
		return edits
	}
}

// markdown renders a Markdown body of file, starting on its line line, for
// the audience, masked.
func (b *builder) markdown(file string, line int, src string) template.HTML {
	html, _ := content.Render(src, b.editor(file, line))
	return html
}

// person gives a person's name as the audience may read it: masked for the
// public (张某), whole for the internal dashboard; "" stays "". where is
// where the name was written.
func (b *builder) person(where, name string) string {
	if name == "" {
		return ""
	}
	if b.s.Internal || b.in.Unmasked {
		return b.red.Text(name)
	}
	masked := b.red.Name(name)
	b.rec.add(where, name, []redact.Edit{{Start: 0, End: len(name), Repl: masked, Kind: redact.KindName}}, 0)
	return masked
}
