package view

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"dutyreport/generator/config"
	"dutyreport/generator/content"
	"dutyreport/generator/notices"
	"dutyreport/generator/problem"
	"dutyreport/generator/record"
	"dutyreport/generator/redact"
	"dutyreport/generator/scoring"
)

// Input is what the view is built from. Results are aligned with
// Config.Site.Years.
type Input struct {
	Config   *config.Config
	Data     *record.Data
	Results  []*scoring.Result
	Content  *content.Content
	Notices  *notices.Notices
	Audience string
	// Archived lists the exports kept of each edition's earlier revisions:
	// year → revision → file names (see generator/edition).
	Archived map[int]map[int][]string
	// Unmasked is for tests of the leak audit only: builds the public
	// view without masking, so that they show the audit catches alone
	// what the masking would. The build never sets it.
	Unmasked bool
}

// Build makes the model of one audience's site. The internal dashboard
// also lists every masking of the public site, draft years included, for
// review before publishing (redactions.html).
func Build(in Input) *Site {
	s := build(in, nil)
	if s.Internal {
		pub := in
		pub.Audience = config.Public
		rec := &recorder{hide: redactor(in, true, nil).Text}
		build(pub, rec)
		s.Redactions, s.RedactionsPath = rec.sorted(), RedactionsPath
	}
	return s
}

// build makes the model; with a recorder, every masking is recorded, and
// every year is built, drafts too.
func build(in Input, rec *recorder) *Site {
	c := in.Config
	s := &Site{
		Audience:     in.Audience,
		Internal:     in.Audience == config.Internal,
		Sample:       c.Site.Sample,
		Footer:       Footer(c.Site.Footer),
		BaseURL:      baseURL(c.Site.BaseURL),
		Lang:         c.Site.Locale,
		Title:        c.Site.Title,
		County:       c.Site.County,
		SchemeName:   c.Scheme.Name,
		SchemeSource: c.Scheme.Source,
		SchemeIssued: c.Scheme.Issued.String(),
	}
	b := &builder{in: in, s: s, scheme: &c.Scheme, results: map[int]*scoring.Result{}, rec: rec}
	var roster []string
	b.masked = map[string]bool{}
	if !s.Internal {
		roster = notices.RosterNames(c, in.Data, in.Results, in.Notices)
		for _, n := range roster {
			b.masked[n] = true
		}
	}
	b.red = redactor(in, s.Internal, roster)
	for i, y := range c.Site.Years {
		if i < len(in.Results) && in.Results[i] != nil {
			b.results[y.Year] = in.Results[i]
		}
	}
	b.schemeViews()
	b.methodViews()
	b.content()
	b.merged = map[string][]string{}
	for _, u := range in.Data.Register.Units { // in register order; sorted below
		if u.Successor != "" {
			b.merged[u.Successor] = append(b.merged[u.Successor], u.Code)
		}
	}
	for _, codes := range b.merged {
		slices.Sort(codes)
	}
	years := c.Site.YearsFor(in.Audience)
	if rec != nil {
		years = c.Site.YearsFor(config.Internal)
	}
	for _, y := range years {
		if b.results[y.Year] == nil {
			continue
		}
		s.Years = append(s.Years, b.year(y))
	}
	for i, y := range s.Years {
		if i > 0 {
			y.Prev = s.Years[i-1]
			s.Years[i-1].Next = y
		}
	}
	// The landing page shows the latest published year; the internal
	// dashboard, the latest year of all.
	if n := len(s.Years); n > 0 {
		s.Latest = s.Years[n-1]
	}
	b.unitIndex()
	b.siteRevisions()
	if rec != nil {
		return s // the texts are masked; charts and indexes add none
	}
	b.restrictions()
	b.charts()
	b.changes()
	s.Search = searchIndex(s)
	return s
}

type builder struct {
	in      Input
	s       *Site
	scheme  *config.Scheme
	results map[int]*scoring.Result
	bands   map[string]Band
	groups  map[string]Group
	conseq  map[string]Consequence
	order   []int // component indexes in display order
	// merged maps a unit code to the codes of the units merged into it.
	merged map[string][]string
	// masked are the roster names the public site masks (see notices.RosterNames).
	masked map[string]bool
	// rows maps a unit code to its rows of ledgerYear, the ledger of the
	// year being built (internal audience only).
	rows       map[string][]int32
	ledgerYear *record.Ledger
	// red masks every free text and name the audience may not read; see
	// redactor. Nothing reaches the model without passing b.text or b.person.
	red *redact.Redactor
	// rec records each masking, for the dashboard's review; nil otherwise.
	rec *recorder
}

// displayOrder lists the components as tables show them: each top-level
// component in scheme order, followed by its parts (an item, then its
// indicators), wherever the scheme defines them.
func displayOrder(sc *config.Scheme) []int {
	var out []int
	var add func(parent string)
	add = func(parent string) {
		for i, c := range sc.Components {
			if c.Part == parent {
				out = append(out, i)
				add(c.ID)
			}
		}
	}
	add("")
	return out
}

func (b *builder) schemeViews() {
	sc := b.scheme
	b.bands = map[string]Band{}
	for i, band := range sc.Bands {
		v := Band{ID: band.ID, Name: band.Name, Class: "band-" + strconv.Itoa(i+1)}
		if band.Min != nil {
			v.Min = band.Min.String()
		}
		if i > 0 && sc.Bands[i-1].Min != nil {
			v.Upper = sc.Bands[i-1].Min.String()
		}
		b.s.Bands = append(b.s.Bands, v)
		b.bands[band.ID] = v
	}
	b.groups = map[string]Group{}
	for _, g := range sc.Groups {
		v := Group{ID: g.ID, Name: g.Name}
		for _, cat := range g.Categories {
			k, _ := sc.Category(cat)
			v.Categories = append(v.Categories, k.Name)
		}
		b.s.Groups = append(b.s.Groups, v)
		b.groups[g.ID] = v
	}
	b.order = displayOrder(sc)
	for _, i := range b.order {
		b.s.Components = append(b.s.Components, b.column(sc.Components[i]))
	}
	for _, comp := range sc.Components {
		b.s.HasLedger = b.s.HasLedger || comp.Kind == config.KindLedger
	}
	for _, id := range sc.Columns {
		comp, _ := sc.Component(id)
		b.s.Columns = append(b.s.Columns, b.column(comp))
	}
	b.conseq = map[string]Consequence{}
	for _, r := range sc.Consequences {
		v := Consequence{ID: r.ID, Name: r.Name, Action: r.Action, Bottom: r.Bottom, Scope: r.Scope, YearsRunning: r.YearsRunning, Note: r.Note,
			To: r.To, Case: r.Case != nil}
		if r.Band != "" {
			v.Band = b.bands[r.Band].Name
		}
		if r.LastIn != "" {
			comp, _ := sc.Component(r.LastIn)
			v.LastIn = comp.Name
		}
		if r.Case != nil {
			for _, id := range r.Case.Handlings {
				h, _ := sc.Cases.Handling(id)
				v.CaseHandlings = append(v.CaseHandlings, h.Name)
			}
			v.CaseSubjects = r.Case.Subjects
		}
		if r.Of == config.OfPersons {
			b.s.PersonRules = append(b.s.PersonRules, v)
		} else {
			b.s.Consequences = append(b.s.Consequences, v)
		}
		b.conseq[r.ID] = v
	}
	for _, t := range sc.Tasks {
		resp, _ := sc.ResponsibilityByName(t.Responsibility)
		v := Task{Code: t.Code, Name: t.Name, Responsibility: resp.Name, Role: t.Role, Points: t.Points.String(), Rule: t.Rule}
		if t.Rule == config.RulePerMissing {
			v.Per = t.Per.String()
		}
		b.s.Tasks = append(b.s.Tasks, v)
	}
}

func (b *builder) column(comp config.Component) Column {
	sc := b.scheme
	v := Column{ID: comp.ID, Name: comp.Name, Kind: comp.Kind, InTotal: slices.Contains(sc.Total, comp.ID)}
	if comp.Part != "" {
		v.Level = 1
	}
	if comp.Full > 0 {
		v.Full = comp.Full.String()
	}
	if comp.Responsibility != "" {
		r, _ := sc.ResponsibilityByName(comp.Responsibility)
		v.Responsibility = r.Name
	}
	for _, id := range comp.Of {
		part, _ := sc.Component(id)
		v.Of = append(v.Of, part.Name)
	}
	if comp.Fold != nil {
		part, _ := sc.Component(comp.Fold.Component)
		v.Fold = part.Name
	}
	return v
}

func (b *builder) content() {
	if b.in.Content == nil {
		return
	}
	for _, p := range b.in.Content.Pages {
		// A page's path is made of its file's name, masked: content/张三.md
		// would otherwise spell the name in the address of every menu link.
		b.s.Contents = append(b.s.Contents, &Content{Path: slug(b.text(p.File, p.Name)) + ".html", Name: p.Name, Title: b.text(p.File, p.Meta.Title), Body: b.markdown(p.File, p.Line, p.Source), Menu: p.Meta.InMenu()})
	}
}

func (b *builder) year(cy config.Year) *Year {
	res := b.results[cy.Year]
	y := &Year{Year: cy.Year, Draft: cy.Status == config.Draft, Published: cy.Published.String(),
		CSV: csvPath(cy.Year), JSON: jsonPath(cy.Year), Path: yearPath(cy.Year), ReportPath: reportPath(cy.Year),
		RankingCSV: dataPath(cy.Year, "ranking.csv"), BandsCSV: dataPath(cy.Year, "bands.csv"), Manifest: dataPath(cy.Year, ManifestFile)}
	b.revisions(y, cy)
	if b.in.Content != nil {
		for _, p := range b.in.Content.Years {
			if p.Year == cy.Year {
				y.Summary = b.markdown(p.File, p.Line, p.Source)
			}
		}
	}
	b.rows = nil
	if ry := b.in.Data.Year(cy.Year); ry != nil && b.s.Internal {
		b.ledgerYear = &ry.Ledger
		b.rows = map[string][]int32{}
		for i, r := range ry.Ledger.Rows {
			code := ry.Ledger.Units[r.Unit]
			b.rows[code] = append(b.rows[code], int32(i))
		}
	}
	for i := range res.Units {
		y.Units = append(y.Units, b.unitPage(cy.Year, res, &res.Units[i]))
	}
	y.figures = scoring.YearFigures(b.scheme, res)
	for i, band := range b.s.Bands {
		y.BandCounts = append(y.BandCounts, BandCount{Band: band, Count: y.figures.Bands[i]})
	}
	for _, g := range b.scheme.Groups {
		r := &Ranking{Path: rankingPath(cy.Year, g.ID), Group: b.groups[g.ID]}
		var members []*scoring.Unit
		for i := range res.Units {
			if u := &res.Units[i]; u.Group == g.ID && u.HasTotal {
				members = append(members, u)
			}
		}
		scoring.Order(members)
		for _, u := range members {
			row := &Row{Rank: u.Rank, Unit: b.ref(cy.Year, u.Code, u.Name), Total: u.Total.String(), points: u.Total,
				Band: b.bands[u.Band], Consequences: b.consequences(u), PrevRank: u.PrevRank, PrevYear: b.results[cy.Year-1] != nil}
			// Ineligibility matters on a ranking only where the band would commend.
			row.Ineligible = b.ineligible(u) && len(b.s.Bands) > 0 && row.Band.ID == b.s.Bands[0].ID
			for _, col := range b.s.Columns {
				row.Scores = append(row.Scores, scoreText(u.Scores[b.scheme.ComponentIndex(col.ID)]))
			}
			if u.PrevRank > 0 {
				row.Move, row.MoveKnown = scoring.RankChange(u.Rank, u.PrevRank).Delta, true
			}
			r.Rows = append(r.Rows, row)
		}
		y.Rankings = append(y.Rankings, r)
	}
	y.Export = b.export(cy, res)
	b.notices(y)
	b.personViews(y, res)
	if b.s.Internal {
		y.Watch = b.watch(y, res)
	}
	return y
}

// consequences are the unit's consequences as pages list them. A rule that
// takes away the unit's commendation eligibility is not listed: pages mark
// the unit ineligible instead, linked to its case (see ineligible).
func (b *builder) consequences(u *scoring.Unit) []Consequence {
	var out []Consequence
	for _, id := range u.Consequences {
		if c := b.conseq[id]; !c.unitIneligible() {
			out = append(out, c)
		}
	}
	return out
}

// ineligible reports whether a rule took away the unit's own commendation
// eligibility for the year (取消当年评优资格).
func (b *builder) ineligible(u *scoring.Unit) bool {
	return slices.ContainsFunc(u.Consequences, func(id string) bool { return b.conseq[id].unitIneligible() })
}

// unitIneligible reports whether the rule is a 取消评优资格 borne by the unit.
func (c Consequence) unitIneligible() bool {
	return c.Action == "no-commendation" && slices.Contains(c.To, config.ToUnit)
}

func scoreText(s scoring.Score) string {
	if !s.Has {
		return ""
	}
	return s.Value.String()
}

// ref names a unit in a year, linking to its page when the audience has one.
func (b *builder) ref(year int, code, name string) UnitRef {
	return UnitRef{Code: code, Name: name, Path: unitPath(year, slug(code))}
}

// origin gives where a value was read (file, sheet and cell), for every
// audience: the review of the public masking names it.
func (b *builder) origin(o record.Origin) string {
	if o.IsZero() {
		return ""
	}
	return problem.At(b.in.Data.Files.Locate(o)).String()
}

// cell gives where a value was read, for the dashboard only.
func (b *builder) cell(o record.Origin) string {
	if !b.s.Internal {
		return ""
	}
	return b.origin(o)
}

func (b *builder) unitPage(year int, res *scoring.Result, u *scoring.Unit) *UnitPage {
	sc := b.scheme
	reg := b.in.Data.Register
	ru := reg.Unit(u.Code)
	cat, _ := sc.Category(u.Category)
	p := &UnitPage{Path: unitPath(year, slug(u.Code)), Unit: b.ref(year, u.Code, u.Name), Category: cat.Name,
		Ranked: u.HasTotal, Rank: u.Rank, GroupSize: u.GroupSize, Consequences: b.consequences(u), Ineligible: b.ineligible(u)}
	if ru != nil {
		p.Remark = b.text(b.origin(ru.Origin), ru.Remark)
	}
	if u.Group != "" {
		p.Group = b.groups[u.Group]
		p.Ranking = rankingPath(year, u.Group)
	}
	if u.HasTotal {
		p.Total, p.Band = u.Total.String(), b.bands[u.Band]
	}
	for _, i := range b.order {
		comp, s := sc.Components[i], u.Scores[i]
		if !s.Has {
			continue
		}
		line := ScoreLine{Name: comp.Name, Value: s.Value.String(), FromSheet: s.FromSheet, Cell: b.cell(s.Origin), comp: i}
		if comp.Part != "" {
			line.Level = 1
		}
		p.Scores = append(p.Scores, line)
	}
	if b.s.Internal || b.s.PublicTasks {
		for _, d := range u.Deductions {
			p.Lost = append(p.Lost, b.lostTask(d))
		}
	} else {
		lost := scoring.LostByComponent(sc, u)
		for _, i := range b.order {
			if k := slices.IndexFunc(lost, func(l scoring.ComponentLoss) bool { return l.Component == i }); k >= 0 {
				p.LostComponents = append(p.LostComponents, LostComponent{Name: sc.Components[i].Name, Points: lost[k].Points.String()})
			}
		}
	}
	if len(u.Deductions) > 0 {
		p.LostTotal = u.Lost().String()
	}
	if u.CasePoints > 0 {
		p.Subtotal, p.CasePoints, p.CaseCapped = u.Subtotal.String(), u.CasePoints.String(), u.CaseCapped
		for _, d := range u.CaseDeductions {
			p.Cases = append(p.Cases, CaseLine{Number: d.Case, Why: d.Why, Points: d.Points.String()})
		}
	}
	p.Ledger = b.ledger(u.Code)
	for _, code := range u.Folded {
		f := res.Unit(code)
		score := ""
		if fi := foldedComponent(sc, u.Category); fi >= 0 && f.Scores[fi].Has {
			score = f.Scores[fi].Value.String()
		}
		p.Folded = append(p.Folded, FoldedUnit{Unit: b.ref(year, code, f.Name), Score: score})
	}
	if ru.Parent != "" {
		if parent := reg.ParentIn(ru, year); parent != nil {
			ref := b.ref(year, parent.Code, parent.NameIn(year))
			p.FoldedInto = &ref
		}
	}
	if ru.Successor != "" && ru.To != 0 && year == ru.To {
		if succ := reg.Unit(ru.Successor); succ != nil && succ.ActiveIn(year+1) && b.hasYear(year+1) {
			ref := b.ref(year+1, succ.Code, succ.NameIn(year+1))
			p.MergedInto = &ref
		}
	}
	for _, f := range ru.Former {
		if f.Until != 0 && f.Until < year {
			p.FormerNames = append(p.FormerNames, f.Name)
		}
	}
	p.History = b.history(year, ru)
	return p
}

// foldedComponent is the index of the component that a fold into a unit of
// category cat takes from the units below, or -1.
func foldedComponent(sc *config.Scheme, cat string) int {
	for _, comp := range sc.Components {
		if comp.Fold != nil && sc.Applies(comp, cat) {
			return sc.ComponentIndex(comp.Fold.Component)
		}
	}
	return -1
}

// hasYear reports whether the audience shows year y.
func (b *builder) hasYear(y int) bool {
	for _, cy := range b.in.Config.Site.YearsFor(b.in.Audience) {
		if cy.Year == y {
			return b.results[y] != nil
		}
	}
	return false
}

// history lists a unit's results over the years the audience shows up to
// year, following it through renames (same code, another name) and mergers (the
// units merged into it, before their merger).
func (b *builder) history(year int, u *record.Unit) []HistoryRow {
	codes := []string{u.Code}
	// Predecessors: units merged into this one, and into those, in code order.
	for i := 0; i < len(codes) && i < 64; i++ {
		for _, m := range b.merged[codes[i]] {
			if !slices.Contains(codes, m) {
				codes = append(codes, m)
			}
		}
	}
	var rows []HistoryRow
	for _, cy := range b.in.Config.Site.YearsFor(b.in.Audience) {
		res := b.results[cy.Year]
		if res == nil || cy.Year > year {
			continue
		}
		for i, code := range codes {
			r := res.Unit(code)
			if r == nil {
				continue
			}
			h := HistoryRow{Year: cy.Year, Unit: b.ref(cy.Year, code, r.Name), Rank: r.Rank, GroupSize: r.GroupSize,
				Predecessor: i > 0, Current: cy.Year == year && i == 0}
			if r.HasTotal {
				h.Total, h.points, h.Band = r.Total.String(), r.Total, b.bands[r.Band]
			}
			rows = append(rows, h)
		}
	}
	return rows
}

// ledger lists every ledger row of a unit in the year being built, for the
// internal drill-down; none for the public audience.
func (b *builder) ledger(code string) []LedgerLine {
	var out []LedgerLine
	for _, i := range b.rows[code] {
		e := b.ledgerYear.At(int(i))
		t, _ := b.scheme.Task(e.Task)
		resp, _ := b.scheme.ResponsibilityByName(t.Responsibility)
		line := LedgerLine{Code: e.Task, Name: t.Name, Responsibility: resp.Name, Role: e.Role,
			Required: e.Required, Done: e.Done, Date: e.Date.String(), Evidence: e.Evidence, Cell: b.cell(e.Origin)}
		if d := t.Deduction(e.Required, e.Done); d > 0 {
			line.Points = d.String()
		}
		out = append(out, line)
	}
	return out
}

func (b *builder) export(cy config.Year, res *scoring.Result) *Export {
	status := config.Published
	if cy.Status == config.Draft {
		status = config.Draft
	}
	e := &Export{Year: cy.Year, Scheme: b.scheme.Name, Status: status, Columns: b.s.Components, Units: []ExportRow{}, CaseDeductions: b.scheme.Cases.Deductions != nil}
	for i := range res.Units {
		u := &res.Units[i]
		cat, _ := b.scheme.Category(u.Category)
		row := ExportRow{Code: u.Code, Name: u.Name, Category: cat.Name, Group: b.groups[u.Group].Name,
			Rank: u.Rank, GroupSize: u.GroupSize, Scores: []ExportScore{}, Consequences: []string{}}
		for _, ci := range b.order { // the order of Export.Columns, the CSV header
			comp := b.scheme.Components[ci]
			row.Scores = append(row.Scores, ExportScore{ID: comp.ID, Name: comp.Name, Value: scoreText(u.Scores[ci])})
		}
		if u.HasTotal {
			row.Total, row.Band = u.Total.String(), b.bands[u.Band].Name
			if e.CaseDeductions {
				row.CasePoints = u.CasePoints.String()
			}
		}
		for _, c := range b.consequences(u) {
			row.Consequences = append(row.Consequences, c.Name)
		}
		row.Ineligible = b.ineligible(u)
		e.Units = append(e.Units, row)
	}
	return e
}

// unitIndex lists every unit that has a page in any year. A merger is told
// here, site-wide, and not on the merged unit's last page: that page
// belongs to a published edition, which a later year must not change.
func (b *builder) unitIndex() {
	byCode := map[string]*UnitIndex{}
	for _, y := range b.s.Years {
		for _, u := range y.Units {
			ix := byCode[u.Unit.Code]
			if ix == nil {
				ix = &UnitIndex{Code: u.Unit.Code, Category: u.Category}
				byCode[u.Unit.Code] = ix
				b.s.Units = append(b.s.Units, ix)
			}
			ix.Name = u.Unit.Name // the latest name
			ix.Years = append(ix.Years, UnitRef{Code: u.Unit.Code, Name: strconv.Itoa(y.Year), Path: u.Path})
			if u.MergedInto != nil {
				ix.MergedInto = u.MergedInto
			}
		}
	}
	slices.SortFunc(b.s.Units, func(a, c *UnitIndex) int { return strings.Compare(a.Code, c.Code) })
}

// slug makes a unit code or page name safe as a file name in any file
// system and URL: letters, digits, '-' and '_' are kept, anything else is
// written as _xxxx (its code point in hex), so distinct codes stay distinct.
func slug(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-':
			b.WriteRune(r)
		default:
			fmt.Fprintf(&b, "_%04x", r)
		}
	}
	return b.String()
}

func itoa(i int) string { return strconv.Itoa(i) }

// baseURL gives site.yaml's base_url ending in a slash, so that a path is
// joined to it as it is.
func baseURL(u string) string {
	if u = strings.TrimSpace(u); u != "" && !strings.HasSuffix(u, "/") {
		u += "/"
	}
	return u
}
