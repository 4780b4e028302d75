package view

import (
	"html/template"
	"strings"

	"dutyreport/generator/content"
	"dutyreport/generator/notices"
)

// notices makes the views of a year's cases, and links each to its unit's
// page and ranking row.
func (b *builder) notices(y *Year) {
	if b.in.Notices == nil {
		return
	}
	cases := b.in.Notices.Of(y.Year)
	if len(cases) == 0 {
		return
	}
	y.NoticesPath = noticesPath(y.Year)
	y.NoticesCSV, y.NoticesJSON = noticesCSVPath(y.Year), noticesJSONPath(y.Year)
	used := map[string]bool{}
	units := map[string]*UnitPage{}
	for _, u := range y.Units {
		units[u.Unit.Code] = u
	}
	for _, cs := range cases {
		n := b.notice(y.Year, cs, used)
		y.Notices = append(y.Notices, n)
		ref := n.Ref()
		if u := units[cs.Unit]; u != nil {
			u.Notices = append(u.Notices, ref)
			for i := range u.Cases {
				if u.Cases[i].Number == cs.Number {
					u.Cases[i].Notice = &ref
				}
			}
		}
	}
	for _, u := range y.Units {
		if u.Ineligible {
			y.Ineligible = append(y.Ineligible, u.Unit)
		}
	}
	for _, r := range y.Rankings {
		for _, row := range r.Rows {
			if u := units[row.Unit.Code]; u != nil {
				row.Notices = u.Notices
			}
		}
	}
	if y.Export != nil {
		for i := range y.Export.Units {
			e := &y.Export.Units[i]
			if u := units[e.Code]; u != nil {
				e.Notices = len(u.Notices)
			}
		}
	}
	y.NoticesExport = &NoticesExport{Year: y.Year, Notices: y.Notices}
}

// notice makes one case's view for the audience: masked for the public.
func (b *builder) notice(year int, cs *notices.Case, used map[string]bool) *Notice {
	where := cs.From
	n := &Notice{Number: cs.Number, Year: year, Date: cs.Date.String(),
		Responsibility: cs.Responsibility, Clause: b.text(where, cs.Clause), Severity: cs.Severity,
		Factors: b.text(where, cs.Factors), Level: cs.Level, Appeal: b.text(where, cs.Appeal),
		Whistleblowers: len(cs.Whistleblowers), Witnesses: len(cs.Witnesses)}
	name := cs.Unit
	if u := b.in.Data.Register.Unit(cs.Unit); u != nil {
		name = u.NameIn(year)
	}
	n.Unit = b.ref(year, cs.Unit, name)
	n.UnitCode, n.UnitName = cs.Unit, name
	n.Path = noticePath(year, noticeSlug(cs.Number, used))
	for i, s := range cs.Subjects {
		line := SubjectLine{Kind: s.Kind, Name: b.person(where, s.Name), Position: b.text(where, s.Position), Form: s.Form,
			Handling: strings.Join(cs.Handlings[i], "、")}
		if b.s.Internal {
			line.IDNumber, line.Phone = s.IDNumber, s.Phone
		}
		n.Subjects = append(n.Subjects, line)
	}
	title := where
	if cs.File != "" {
		title = cs.File // the notice's front matter
	}
	n.Title = b.text(title, cs.Title)
	if n.Title == "" && len(n.Subjects) > 0 {
		// 关于石桥镇镇党委书记梁某问责情况的通报, the name as the audience reads it.
		who := n.Subjects[0].Kind
		if s := n.Subjects[0]; s.Name != "" {
			who = s.Position + s.Name
		}
		n.Title = "关于" + name + who + "问责情况的通报"
	}
	if n.Title == "" {
		n.Title = "关于" + name + "问责情况的通报"
	}
	// The notice's text is its Markdown body when it has one; the
	// register's summary otherwise, one paragraph per line.
	if strings.TrimSpace(cs.Body) != "" {
		n.Facts, n.FactsText = content.Render(cs.Body, b.editor(cs.File, cs.BodyLine))
	} else {
		n.FactsText = b.text(where, cs.Facts)
		var h strings.Builder
		for _, para := range strings.Split(n.FactsText, "\n") {
			if para = strings.TrimSpace(para); para != "" {
				h.WriteString("<p>" + template.HTMLEscapeString(para) + "</p>\n")
			}
		}
		n.Facts = template.HTML(h.String())
	}
	d := cs.Doc
	n.Doc = NoticeDoc{Mark: b.text(title, d.Mark), Issuer: b.text(title, d.Issuer), To: b.text(title, d.To),
		CC: b.text(title, d.CC), Printer: b.text(title, d.Printer), Issued: d.Issued.String()}
	if b.s.Internal {
		n.Source = cs.From
		if cs.HasAmount {
			n.Amount = cs.Amount.String()
		}
	}
	return n
}

// restrictions lists every restriction, for the internal dashboard only:
// who carries it is personal, and the public site has the notices.
func (b *builder) restrictions() {
	if !b.s.Internal || b.in.Notices == nil || len(b.in.Notices.Restrictions) == 0 {
		return
	}
	b.s.RestrictionsPath = RestrictionsPath
	refs := map[string]NoticeRef{}
	for _, y := range b.s.Years {
		for _, n := range y.Notices {
			refs[n.Number] = n.Ref()
		}
	}
	for _, r := range b.in.Notices.Restrictions {
		name := r.Unit
		if u := b.in.Data.Register.Unit(r.Unit); u != nil {
			name = u.NameIn(r.Year)
		}
		b.s.Restrictions = append(b.s.Restrictions, RestrictionLine{Name: b.person("", r.Name), Position: r.Position,
			Unit: b.ref(r.Year, r.Unit, name), Restriction: r.Restriction, From: r.From.String(), Until: r.Until.String(),
			Case: refs[r.Case]})
	}
}

// noticeSlug names a notice's page after its case number: its runs of
// ASCII letters and digits joined by '-' (清纪问〔2023〕3号 → 2023-3), so
// that the URL stays the same when other cases are added; a clash gets -2.
func noticeSlug(number string, used map[string]bool) string {
	var parts []string
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			parts = append(parts, cur.String())
			cur.Reset()
		}
	}
	for _, r := range number {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			cur.WriteRune(r)
		} else if r >= '０' && r <= '９' {
			cur.WriteRune('0' + r - '０')
		} else {
			flush()
		}
	}
	flush()
	s := strings.Join(parts, "-")
	if s == "" {
		s = "notice"
	}
	base := s
	for i := 2; used[s] || s == "index"; i++ {
		s = base + "-" + itoa(i)
	}
	used[s] = true
	return s
}

func noticesPath(y int) string             { return itoa(y) + "/notices/index.html" }
func noticePath(y int, slug string) string { return itoa(y) + "/notices/" + slug + ".html" }
func noticesCSVPath(y int) string          { return itoa(y) + "/data/notices.csv" }
func noticesJSONPath(y int) string         { return itoa(y) + "/data/notices.json" }

// RestrictionsPath is the internal dashboard's page of restrictions.
const RestrictionsPath = "restrictions.html"
