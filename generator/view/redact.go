package view

import (
	"dutyreport/generator/notices"
	"dutyreport/generator/redact"
)

// redactor makes the masking of an audience. The public one masks every
// person the cases and site.yaml name (张三 → 张某), ID and mobile numbers
// and e-mail addresses by pattern, and the ID and phone numbers the
// registers hold. The internal one masks only whistleblowers and witnesses,
// whom no audience may read.
func redactor(in Input, internal bool) *redact.Redactor {
	c := in.Config
	o := redact.Options{
		Policy: redact.Policy{Mask: c.Site.Redaction.Mask, CompoundSurnames: c.Site.Redaction.CompoundSurnames},
		Public: notices.PublicTerms(c, in.Data.Register),
	}
	if n := in.Notices; n != nil {
		o.Hidden = n.Hidden
		if !internal {
			o.Names = append(append(o.Names, n.Persons...), c.Site.Redaction.Names...)
			o.Literals = append(append(o.Literals, n.IDNumbers...), n.Phones...)
		}
	} else if !internal {
		o.Names = c.Site.Redaction.Names
	}
	o.Patterns = !internal
	return redact.New(o)
}

// text masks a free text for the audience.
func (b *builder) text(s string) string {
	if s == "" {
		return ""
	}
	return b.red.Text(s)
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
