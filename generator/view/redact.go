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

// text masks a free text for the audience.
func (b *builder) text(s string) string {
	if s == "" {
		return ""
	}
	return b.red.Text(s)
}

// edits gives the maskings of one text a reader sees in a Markdown
// document (see content.Render).
func (b *builder) edits(visible string) []content.Edit {
	found := b.red.Edits(visible)
	if len(found) == 0 {
		return nil
	}
	edits := make([]content.Edit, len(found))
	for i, e := range found {
		edits[i] = content.Edit{Start: e.Start, End: e.End, Repl: e.Repl}
	}
	return edits
}

// markdown renders a Markdown body for the audience, masked.
func (b *builder) markdown(src string) template.HTML {
	html, _ := content.Render(src, b.edits)
	return html
}

// person gives a person's name as the audience may read it: masked for the
// public (张某), whole for the internal dashboard; "" stays "".
func (b *builder) person(name string) string {
	if name == "" {
		return ""
	}
	if b.s.Internal {
		return b.red.Text(name)
	}
	return b.red.Name(name)
}
