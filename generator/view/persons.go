package view

import (
	"slices"

	"dutyreport/generator/notices"
	"dutyreport/generator/record"
	"dutyreport/generator/scoring"
)

// PersonRow is one assessed person's result: the internal audience only.
type PersonRow struct {
	Unit         UnitRef
	Role         string // role id: principal, in_charge, member, discipline
	Name         string
	Position     string
	Period       string // 2023-07-01 – ; "" for the whole year
	Days         int
	Score        string // "" without a score
	Banded       bool
	Band         Band
	Consequences []Consequence
	Lost         []LostTask
	Cell         string
}

// RoleCount counts one role's persons of a year by band: what the public
// site shows of individual assessments by default (scoring.CountPersons).
type RoleCount struct {
	Role     string
	Counts   []int // as Site.Bands
	Unbanded int   // held the post too briefly to be banded, or no score
	Total    int
}

// Commended is a person the public site may name: assessed 优秀, not
// ineligible, under a policy that allows it (redaction.commended_names).
type Commended struct {
	Unit       UnitRef
	Role, Name string
}

// PersonMethod says on the methodology page how persons are scored.
type PersonMethod struct {
	Roles        []string // role ids
	Base         string
	Social       string // the component's name; "" when none
	SocialFull   string
	SocialPoints string
	MinMonths    int
}

// DeductionMethod says on the methodology page what a case costs.
type DeductionMethod struct {
	Rules []DeductionLine
	Cap   string // "" without a cap
}

// DeductionLine is one deduction rule: a handling's or level's name and points.
type DeductionLine struct{ What, Points string }

// CaseLine is a case that cost a unit points, on its page: linked to its notice.
type CaseLine struct {
	Number string
	Notice *NoticeRef // nil when the audience has no page for it
	Why    string
	Points string
}

// personViews adds the year's persons: every row for the internal
// audience, counts per role and band for both, and for the public the
// commended names the policy allows.
func (b *builder) personViews(y *Year, res *scoring.Result) {
	if res == nil || len(res.Persons) == 0 {
		return
	}
	units := map[string]*UnitPage{}
	for _, u := range y.Units {
		units[u.Unit.Code] = u
	}
	for _, rc := range scoring.CountPersons(b.scheme, res) {
		y.PersonCounts = append(y.PersonCounts, &RoleCount{Role: rc.Role, Counts: rc.Bands, Unbanded: rc.Unbanded, Total: rc.Total})
	}
	published := notices.Commended(b.in.Config, b.in.Notices, res)
	for i := range res.Persons {
		p := &res.Persons[i]
		u := units[p.Unit]
		if u == nil {
			continue
		}
		if published[i] && !b.masked[p.Name] {
			y.Commended = append(y.Commended, Commended{Unit: u.Unit, Role: p.Role, Name: p.Name})
		}
		if !b.s.Internal {
			continue
		}
		row := &PersonRow{Unit: u.Unit, Role: p.Role, Name: b.person("", p.Name), Position: b.text("", p.Position), Days: p.Days, Banded: p.Banded,
			Period: period(y.Year, p.From, p.To), Cell: b.cell(p.Origin)}
		if p.HasScore {
			row.Score = p.Score.String()
		}
		if p.Band != "" {
			row.Band = b.bands[p.Band]
		}
		for _, id := range p.Consequences {
			// The unit's 约谈 borne by its principal and the principal's own
			// 约谈 are one talk to the reader.
			if c := b.conseq[id]; !slices.ContainsFunc(row.Consequences, func(o Consequence) bool { return o.Name == c.Name }) {
				row.Consequences = append(row.Consequences, c)
			}
		}
		for _, d := range p.Lost {
			row.Lost = append(row.Lost, b.lostTask(d))
		}
		y.Persons = append(y.Persons, row)
		u.Persons = append(u.Persons, row)
	}
	y.PersonsCSV = dataPath(y.Year, "persons.csv")
	if b.s.Internal {
		y.PersonsPath = personsPath(y.Year)
	}
}

func personsPath(y int) string { return itoa(y) + "/persons.html" }

// period gives a post's days within year y as pages show them: "" for
// the whole year.
func period(y int, from, to record.Date) string {
	from, to = record.Post{From: from, To: to}.SpanIn(y)
	if from == record.MakeDate(y, 1, 1) && to == record.MakeDate(y, 12, 31) {
		return ""
	}
	return from.String() + " – " + to.String()
}

// lostTask is a ledger task that cost points, as unit and person pages list it.
func (b *builder) lostTask(d scoring.Deduction) LostTask {
	t, _ := b.scheme.Task(d.Task)
	resp, _ := b.scheme.ResponsibilityByName(t.Responsibility)
	return LostTask{Code: d.Task, Name: t.Name, Responsibility: resp.Name,
		Required: d.Required, Done: d.Done, Points: d.Points.String(), Cell: b.cell(d.Origin), Missing: d.Missing}
}

// methodViews adds to the methodology how persons are scored, what cases
// cost and what the public pages publish of the tasks that cost points.
func (b *builder) methodViews() {
	sc := b.scheme
	b.s.PublicTasks = b.in.Config.Site.Redaction.TaskDeductions
	if p := sc.Persons; len(p.Roles) > 0 {
		m := &PersonMethod{Roles: p.Roles, Base: p.Base.String(), MinMonths: p.MinMonths}
		if p.Social != nil {
			comp, _ := sc.Component(p.Social.Component)
			m.Social, m.SocialFull, m.SocialPoints = comp.Name, comp.Full.String(), p.Social.Points.String()
		}
		b.s.Persons = m
	}
	if d := sc.Cases.Deductions; d != nil {
		m := &DeductionMethod{}
		if d.Cap > 0 {
			m.Cap = d.Cap.String()
		}
		for _, r := range d.Rules {
			m.Rules = append(m.Rules, DeductionLine{What: sc.Cases.DeductionName(r), Points: r.Points.String()})
		}
		b.s.Deductions = m
	}
}
