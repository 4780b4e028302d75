package notices

import (
	"strconv"
	"strings"

	"dutyreport/generator/config"
	"dutyreport/generator/content"
	"dutyreport/generator/problem"
	"dutyreport/generator/record"
	"dutyreport/generator/redact"
)

// Unknown reads every free text the site shows (content pages, notices'
// titles and bodies, the case registers' text columns, unit remarks,
// roster posts, errata) for probable personal names (redact.Suspects) and
// reports those no register knows: principle 3, a name the masking does
// not know is shown whole, so it stops the public build until it is
// listed, in redaction.names (then masked) or redaction.allow (not a
// person).
//
// A name is known when it is a case's subject, whistleblower or witness, a
// roster's or in redaction.names; one inside a unit's name (present or
// former), the site's or the scheme's (PublicTerms) or an entry of
// redaction.allow is no person. An unknown one is privacy.unknown-name.
// A name after a whistleblower's or witness's cue (证人王五, 举报人为王五)
// or before a report (经王五举报, 王五实名举报) must be listed as one of
// the case's (for a page, of any case): the masking removes only
// those, in every audience, so an unlisted one is
// privacy.unlisted-whistleblower whatever else knows the name.
//
// Both are errors here; the internal build, which shows persons' names,
// takes the unknown ones as warnings (ForAudience). No message prints a
// name found: Found masks it (证人李某（2 个字）), since a build log is
// kept and read by others.
func Unknown(c *config.Config, data *record.Data, cont *content.Content, n *Notices) problem.List {
	u := unknown{
		clear: redact.NewClear(PublicTerms(c, data.Register)), // redaction.allow among them,
		seen:  map[string]bool{},
	}
	var roster []string
	for _, y := range data.Years {
		for _, p := range y.Roster {
			roster = append(roster, p.Name)
		}
		roster = append(roster, y.RosterLeftOut...)
	}
	var hidden []string
	if n != nil {
		hidden = n.Hidden
		u.known = redact.NewKnown(n.Persons, n.Hidden, roster, c.Site.Redaction.Names)
	} else {
		u.known = redact.NewKnown(roster, c.Site.Redaction.Names)
	}
	anyCase := redact.NewKnown(hidden)

	byFile := map[string]content.Notice{}
	if cont != nil {
		for _, nt := range cont.Notices {
			byFile[nt.File] = nt
		}
		for _, pages := range [][]content.Page{cont.Pages, cont.Years} {
			for _, p := range pages {
				if !strings.Contains(p.Source, p.Meta.Title) {
					u.text(p.Meta.Title, problem.Position{File: p.File}, "", anyCase)
				}
				u.markdown(p.Source, p.File, p.Line, anyCase)
			}
		}
	}
	if n != nil {
		for _, cs := range n.Cases {
			listed := redact.NewKnown(cs.Whistleblowers, cs.Witnesses)
			nt, fromNotice := byFile[cs.File]
			// A field is at the register's row, or at its key in the
			// front matter of a notice that is the whole case.
			field := func(key string) problem.Position {
				if cs.Origin.IsZero() {
					return nt.Pos.Of(cs.File, key)
				}
				return position(data.Files, cs.Origin)
			}
			if fromNotice {
				u.text(cs.Title, nt.Pos.Of(nt.File, "title"), "", listed)
				u.markdown(cs.Body, nt.File, nt.Line, listed)
				for _, f := range []struct{ key, text string }{{"issuer", nt.Meta.Issuer}, {"to", nt.Meta.To}, {"cc", nt.Meta.CC}} {
					u.text(f.text, nt.Pos.Of(nt.File, f.key), f.key, listed)
				}
			}
			for _, f := range []struct{ key, label, text string }{
				{"facts", "事实摘要", cs.Facts}, {"clause", "情形条款", cs.Clause},
				{"factors", "从重从轻情节", cs.Factors}, {"appeal", "申诉情况", cs.Appeal},
			} {
				u.text(f.text, field(f.key), f.label, listed)
			}
			for i, s := range cs.Subjects {
				pos := field("subjects." + strconv.Itoa(i) + ".position")
				if !s.Origin.IsZero() {
					pos = position(data.Files, s.Origin)
				}
				u.text(s.Position, pos, "职务", listed)
			}
		}
	}
	if data.Register != nil {
		for _, unit := range data.Register.Units {
			u.text(unit.Remark, position(data.Files, unit.Origin), "备注", anyCase)
		}
	}
	for _, y := range data.Years {
		for _, p := range y.Roster {
			u.text(p.Position, position(data.Files, p.Origin), "职务", anyCase)
		}
	}
	for _, y := range c.Site.Years {
		for _, e := range y.Errata {
			u.text(e.What, y.Pos, "errata", anyCase)
			u.text(e.Why, y.Pos, "errata", anyCase)
		}
	}
	site := problem.Position{File: config.SiteFile}
	for _, e := range c.Site.Revisions {
		u.text(e.What, site, "revisions", anyCase)
		u.text(e.Why, site, "revisions", anyCase)
	}
	// The footer and the notices' heads and feet are on every page or
	// notice: a contact person's name there is published like any other.
	f, nd := c.Site.Footer, c.Site.Notices
	for _, t := range []struct{ key, text string }{
		{"footer.operator", f.Operator}, {"footer.contact", f.Contact},
		{"notices.issuer", nd.Issuer}, {"notices.mark", nd.Mark}, {"notices.to", nd.To}, {"notices.cc", nd.CC}, {"notices.printer", nd.Printer},
	} {
		u.text(t.text, site, t.key, anyCase)
	}
	u.probs.Sort()
	return u.probs
}

// ForAudience gives the problems as the build of audience weighs them:
// for the internal dashboard, which shows persons' names anyway, an
// unknown name is a warning; an unlisted whistleblower stays an error in
// every audience, since no audience may show one.
func ForAudience(l problem.List, audience string) problem.List {
	if audience != config.Internal {
		return l
	}
	for i := range l {
		if l[i].Code == problem.PrivacyUnknownName {
			l[i].Severity = problem.Warning
		}
	}
	return l
}

// unknown collects the problems of Unknown.
type unknown struct {
	clear *redact.Clear
	known *redact.Known
	probs problem.List
	seen  map[string]bool // position, code and found of each problem, once
}

// markdown checks a Markdown body whose first line is line of file: each
// problem is at the line of its name.
func (u *unknown) markdown(src, file string, line int, listed *redact.Known) {
	if line == 0 {
		line = 1
	}
	// The text a reader sees: 证人王**五** is 证人王五 on the page.
	for _, b := range content.Blocks(src) {
		for _, s := range u.clear.Suspects(b.Text) {
			at := line + b.Line - 1 + strings.Count(b.Text[:s.Start], "\n")
			if off := b.Offset(s.Start); off >= 0 {
				at = line + strings.Count(src[:off], "\n")
			}
			u.report(s, problem.Position{File: file, Line: at}, "", listed)
		}
	}
}

// text checks one free text at pos; label names its column or key, "" for none.
func (u *unknown) text(s string, pos problem.Position, label string, listed *redact.Known) {
	if s == "" {
		return
	}
	for _, sus := range u.clear.Suspects(s) {
		u.report(sus, pos, label, listed)
	}
}

// report adds the problem a suspect makes, if any. listed are the
// whistleblowers and witnesses a whistleblower's cue may name.
func (u *unknown) report(s redact.Suspect, pos problem.Position, label string, listed *redact.Known) {
	var code problem.Code
	switch {
	case s.Whistle && !listed.Has(s.Name):
		code = problem.PrivacyUnlistedWhistleblower
	case s.Whistle || u.known.Has(s.Name):
		return
	default:
		code = problem.PrivacyUnknownName
	}
	found := s.Masked()
	if label != "" {
		found = label + "：" + found
	}
	key := pos.String() + "\x00" + string(code) + "\x00" + found
	if u.seen[key] {
		return
	}
	u.seen[key] = true
	u.probs.Add(problem.Problem{Pos: pos, Code: code, Found: found})
}
