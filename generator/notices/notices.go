// Package notices is the pipeline's notices stage: it joins the cases of the
// case registers with the Markdown notices of content/notices, resolves
// their handlings against the scheme, and computes what the cases do: the
// restrictions each person carries and until when. (What a case costs in
// points and commendations is the scheme's rules, applied by scoring.) It also lists every sensitive
// string the cases hold, for the view's masking and the leak audit.
package notices

import (
	"slices"
	"strconv"
	"strings"

	"dutyreport/generator/config"
	"dutyreport/generator/content"
	"dutyreport/generator/problem"
	"dutyreport/generator/record"
)

// Notices is every case of a site with its effects.
type Notices struct {
	Cases []*Case // by year, then decision date, then number
	// Restrictions are every restriction the handlings carry, by person
	// then restriction; one per person and restriction, the later end won.
	Restrictions []Restriction
	// Persons are every named person held accountable, for masking.
	Persons []string
	// Hidden are whistleblowers' and witnesses' names: never shown.
	Hidden []string
	// IDNumbers and Phones are the internal-only fields' values.
	IDNumbers, Phones []string
}

// Case is a case with what the scheme makes of it.
type Case struct {
	record.Case
	Level string // the level's name by the scheme's amount thresholds, "" without levels
	// Handlings are each subject's handlings by name, as Subjects.
	Handlings [][]string
	// From says where the case was read, for messages and the internal audience.
	From string
	// BodyLine is the line of File on which Body starts.
	BodyLine int
	// Doc lays its notice out as an official circular.
	Doc Document
}

// Restriction is one restriction on one person (or, for a body, its unit).
type Restriction struct {
	Name, Position, Unit string // Unit is a code; Name "" for a leadership body
	IDNumber             string
	Restriction          string // its name: 不得提拔使用
	From, Until          record.Date
	// Case is the number of the case that set the Until that applies.
	Case string
	Year int
}

// InForce reports whether the restriction applies on day d: from the
// decision date, up to and excluding Until.
func (r Restriction) InForce(d record.Date) bool { return d >= r.From && d < r.Until }

// Build joins the cases of every year with the notices and computes their
// effects. Years are the site's years; a notice of another year is a problem.
func Build(c *config.Config, data *record.Data, cont *content.Content) (*Notices, problem.List) {
	var probs problem.List
	n := &Notices{}
	byNumber := map[string]*Case{}
	where := map[string]problem.Position{}
	for _, y := range data.Years {
		for _, rc := range y.Cases {
			pos := position(data.Files, rc.Origin)
			if first, dup := where[rc.Number]; dup {
				probs.Add(problem.Problem{Pos: pos, Code: problem.NoticeDuplicate, Found: rc.Number, Notes: []problem.Note{{Pos: first, Text: problem.T(problem.TFirstGivenHere)}}})
				continue
			}
			cs := &Case{Case: rc, From: pos.String()}
			byNumber[rc.Number] = cs
			where[rc.Number] = pos
			n.Cases = append(n.Cases, cs)
		}
	}
	if cont != nil {
		for _, nt := range cont.Notices {
			if nt.Meta.Number == "" {
				continue // reported by content
			}
			if cs, ok := byNumber[nt.Meta.Number]; ok && cs.File == "" {
				// The register's case, with the notice's title and text.
				if nt.Meta.CaseFields() {
					probs.Add(problem.Problem{Pos: nt.Pos.Of(nt.File, "number"), Code: problem.NoticeConflict, Found: nt.Meta.Number,
						Notes: []problem.Note{{Pos: where[nt.Meta.Number], Text: problem.T(problem.TCaseInRegister)}}})
				}
				cs.Title, cs.Body, cs.File, cs.BodyLine = nt.Meta.Title, nt.Source, nt.File, nt.Line
				cs.Doc = document(&c.Site, nt.Meta, cs.Date)
				continue
			}
			if first, dup := where[nt.Meta.Number]; dup {
				probs.Add(problem.Problem{Pos: nt.Pos.Of(nt.File, "number"), Code: problem.NoticeDuplicate, Found: nt.Meta.Number, Notes: []problem.Note{{Pos: first, Text: problem.T(problem.TFirstGivenHere)}}})
				continue
			}
			if cs, ok := fromNotice(c, data, nt, &probs); ok {
				byNumber[cs.Number] = cs
				where[cs.Number] = problem.Position{File: nt.File}
				n.Cases = append(n.Cases, cs)
			}
		}
	}
	slices.SortStableFunc(n.Cases, func(a, b *Case) int {
		if a.Year != b.Year {
			return a.Year - b.Year
		}
		if a.Date != b.Date {
			return int(a.Date - b.Date)
		}
		return strings.Compare(a.Number, b.Number)
	})
	for _, cs := range n.Cases {
		if cs.Doc.Issued == 0 { // a case without a notice
			cs.Doc = document(&c.Site, content.NoticeMeta{}, cs.Date)
		}
		n.effects(c, cs)
		if cs.Facts == "" && strings.TrimSpace(cs.Body) == "" {
			pos := where[cs.Number]
			probs.Add(problem.Problem{Pos: pos, Severity: problem.Warning, Code: problem.NoticeNoFacts, Found: cs.Number})
		}
	}
	n.finish()
	probs.Sort()
	return n, probs
}

// effects resolves a case's handlings, its level, and what they restrict.
func (n *Notices) effects(c *config.Config, cs *Case) {
	sc := &c.Scheme.Cases
	if sc.Levels != nil && cs.HasAmount {
		cs.Level = sc.Levels.LevelFor(cs.Amount).Name
	}
	for _, s := range cs.Subjects {
		var names []string
		for _, id := range s.Handling {
			h, _ := sc.Handling(id)
			names = append(names, h.Name)
			for _, e := range h.Effects {
				r, _ := sc.Restriction(e.Restriction)
				n.Restrictions = append(n.Restrictions, Restriction{Name: s.Name, Position: s.Position, Unit: cs.Unit, IDNumber: s.IDNumber,
					Restriction: r.Name, From: cs.Date, Until: AddMonths(cs.Date, e.Months), Case: cs.Number, Year: cs.Year})
			}
		}
		cs.Handlings = append(cs.Handlings, names)
		if s.Name != "" {
			n.Persons = append(n.Persons, s.Name)
		}
		if s.IDNumber != "" {
			n.IDNumbers = append(n.IDNumbers, s.IDNumber)
		}
		if s.Phone != "" {
			n.Phones = append(n.Phones, s.Phone)
		}
	}
	for _, h := range append(slices.Clone(cs.Whistleblowers), cs.Witnesses...) {
		if h != "" {
			n.Hidden = append(n.Hidden, h)
		}
	}
}

// finish merges, for each person and restriction, the periods that
// overlap: the one that ends last applies (seed 003 §28: with several, the
// longer period). Periods apart stay apart. It sorts and dedups the lists
// of strings.
func (n *Notices) finish() {
	key := func(r Restriction) string {
		who := r.IDNumber
		if who == "" {
			who = r.Unit + "\x00" + r.Name
		}
		return who + "\x00" + r.Restriction
	}
	slices.SortStableFunc(n.Restrictions, func(a, b Restriction) int {
		if c := strings.Compare(key(a), key(b)); c != 0 {
			return c
		}
		return int(a.From - b.From)
	})
	var kept []Restriction
	for _, r := range n.Restrictions {
		if k := len(kept) - 1; k >= 0 && key(kept[k]) == key(r) && r.From < kept[k].Until {
			if r.Until > kept[k].Until {
				from := kept[k].From
				kept[k] = r
				kept[k].From = from
			}
			continue
		}
		kept = append(kept, r)
	}
	slices.SortStableFunc(kept, func(a, b Restriction) int {
		if c := strings.Compare(a.Unit, b.Unit); c != 0 {
			return c
		}
		if c := strings.Compare(a.Name, b.Name); c != 0 {
			return c
		}
		if c := strings.Compare(a.Restriction, b.Restriction); c != 0 {
			return c
		}
		return int(a.From - b.From)
	})
	n.Restrictions = kept
	for _, l := range []*[]string{&n.Persons, &n.Hidden, &n.IDNumbers, &n.Phones} {
		slices.Sort(*l)
		*l = slices.Compact(*l)
	}
}

// Of returns the cases of a year, in order.
func (n *Notices) Of(year int) []*Case {
	var out []*Case
	for _, c := range n.Cases {
		if c.Year == year {
			out = append(out, c)
		}
	}
	return out
}

// AddMonths gives the same day m months later, or the month's last day when
// it has no such day (2024-08-31 + 6 months is 2025-02-28).
func AddMonths(d record.Date, m int) record.Date {
	y, mo, day := d.Year(), int(d)/100%100+m, int(d)%100
	y += (mo - 1) / 12
	mo = (mo-1)%12 + 1
	return record.MakeDate(y, mo, min(day, record.DaysIn(y, mo)))
}

// position gives the printable position of a register cell.
func position(files record.Files, o record.Origin) problem.Position {
	file, sheet, row, col := files.Locate(o)
	return problem.At(file, sheet, row, col)
}

// fromNotice makes a case of a notice that is in no register: its front
// matter gives every field, checked as the register's cells are.
func fromNotice(c *config.Config, data *record.Data, nt content.Notice, probs *problem.List) (*Case, bool) {
	m := nt.Meta
	at := func(key string) problem.Position { return nt.Pos.Of(nt.File, key) }
	bad := func(key, found string, expected problem.Text) {
		probs.Add(problem.Problem{Pos: at(key), Code: problem.NoticeUnknownRef, Found: key + ": " + found, Expected: expected})
	}
	ok := true
	cs := &Case{Case: record.Case{Number: m.Number, Year: m.Year, Date: m.Date, Clause: m.Clause, Factors: m.Factors, Appeal: m.Appeal,
		Whistleblowers: m.Whistleblowers, Witnesses: m.Witnesses, Title: m.Title, Body: nt.Source, File: nt.File}, From: nt.File, BodyLine: nt.Line, Doc: document(&c.Site, m, m.Date)}
	if m.Date == 0 {
		// Without a date there is no year to check the unit against: that
		// one problem says it all.
		probs.Add(problem.Problem{Pos: at("number"), Code: problem.ContentFrontMatter, Found: "date", Expected: problem.T(problem.TDecisionDateFrontMatter)})
		return nil, false
	}
	if cs.Year == 0 {
		cs.Year = m.Date.Year()
	}
	if !slices.ContainsFunc(c.Site.Years, func(y config.Year) bool { return y.Year == cs.Year }) {
		bad("year", strconv.Itoa(cs.Year), problem.T(problem.TYearOfSite))
		ok = false
	}
	if u := unitByRef(data.Register, m.Unit, cs.Year); u != nil {
		cs.Unit = u.Code
	} else {
		bad("unit", m.Unit, problem.T(problem.TUnitActiveThatYear))
		ok = false
	}
	vocab := func(key, v string, terms []config.Term) string {
		if v == "" {
			return ""
		}
		name, known := config.Canonical(terms, v)
		if !known {
			bad(key, v, problem.Verbatim(config.Names(terms)))
			ok = false
		}
		return name
	}
	cs.Responsibility = vocab("responsibility", m.Responsibility, config.CaseResponsibilities)
	cs.Severity = vocab("severity", m.Severity, config.Severities)
	if m.Amount != nil {
		cs.Amount, cs.HasAmount = *m.Amount, true
	} else if c.Scheme.Cases.Levels != nil {
		probs.Add(problem.Problem{Pos: at("number"), Code: problem.ContentFrontMatter, Found: "amount", Expected: problem.T(problem.TAmountForLevels)})
		ok = false
	}
	if len(m.Subjects) == 0 {
		probs.Add(problem.Problem{Pos: at("number"), Code: problem.ContentFrontMatter, Found: "subjects", Expected: problem.T(problem.TSubjectsFrontMatter)})
		ok = false
	}
	for i, s := range m.Subjects {
		p := "subjects." + strconv.Itoa(i)
		sub := record.Subject{Name: config.PersonName(s.Name), Position: s.Position, IDNumber: s.IDNumber, Phone: s.Phone}
		sub.Kind = vocab(p+".kind", s.Kind, config.SubjectKinds)
		if sub.Kind == "" {
			sub.Kind = config.SubjectKindOf(sub.Name)
		}
		sub.Form = vocab(p+".form", s.Form, config.Forms)
		if len(s.Handling) == 0 {
			bad(p+".handling", "", problem.T(problem.THandlingListEg))
			ok = false
		}
		for _, h := range s.Handling {
			hd, known := c.Scheme.Cases.HandlingByName(h)
			if !known {
				bad(p+".handling", h, problem.T(problem.THandlingOfScheme, problem.Choices(c.Scheme.Cases.HandlingNames())))
				ok = false
				continue
			}
			sub.Handling = append(sub.Handling, hd.ID)
		}
		cs.Subjects = append(cs.Subjects, sub)
	}
	return cs, ok
}

// unitByRef finds a unit by code, or by its name in the year, or by its
// current name.
func unitByRef(reg *record.Register, ref string, year int) *record.Unit {
	if ref == "" || reg == nil {
		return nil
	}
	if u := reg.Unit(ref); u != nil && u.ActiveIn(year) {
		return u
	}
	f := config.FoldName(ref)
	var found *record.Unit
	for i := range reg.Units {
		u := &reg.Units[i]
		if u.ActiveIn(year) && (config.FoldName(u.NameIn(year)) == f || config.FoldName(u.Name) == f) {
			if found != nil {
				return nil // two units: never guessed
			}
			found = u
		}
	}
	return found
}

// Sensitive are the strings an audience may not read: for the public,
// every person the cases and site.yaml's redaction.names name, and the ID
// and phone numbers the registers hold; for every audience, whistleblowers
// and witnesses (Hidden). The view masks them and the leak audit looks for
// them: one list, so the two cannot disagree.
type Sensitive struct {
	Names, Hidden, IDNumbers, Phones []string
}

// SensitiveFor gives what audience may not read; n may be nil (no cases).
func SensitiveFor(c *config.Config, n *Notices, audience string) Sensitive {
	var s Sensitive
	if n != nil {
		s.Hidden = n.Hidden
		if audience != config.Internal {
			s.Names, s.IDNumbers, s.Phones = n.Persons, n.IDNumbers, n.Phones
		}
	}
	if audience != config.Internal {
		s.Names = append(slices.Clone(s.Names), c.Site.Redaction.Names...)
	}
	return s
}

// PublicTerms are the texts a name inside which is no person's: unit names
// and former names (the person 王平 and the town 王平镇), the scheme's and
// the site's names, and the words site.yaml's redaction.allow lists. The
// masking leaves them whole and the leak audit does not count them.
func PublicTerms(c *config.Config, reg *record.Register) []string {
	terms := []string{c.Site.Title, c.Site.County, c.Scheme.Name}
	terms = append(terms, c.Site.Redaction.Allow...)
	if reg != nil {
		for _, u := range reg.Units {
			terms = append(terms, u.Name)
			for _, f := range u.Former {
				terms = append(terms, f.Name)
			}
		}
	}
	for _, cat := range c.Scheme.Categories {
		terms = append(terms, cat.Name)
	}
	for _, comp := range c.Scheme.Components {
		terms = append(terms, comp.Name)
	}
	slices.Sort(terms)
	return slices.Compact(terms)
}
