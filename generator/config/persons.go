package config

import (
	"slices"
	"strconv"

	"dutyreport/generator/problem"
	"dutyreport/generator/record"
)

// A Role is a post inside a unit that carries duties (seed 000 §四 assesses
// "单位及个人": the principal leader, the leader in charge, the other
// leadership members and the discipline body). The roles are fixed by the
// regulations, not by a scheme, so they are a vocabulary: a scheme says
// which are assessed, and consequence rules say which of them bear a
// consequence.
type Role struct {
	ID   string
	Name string // as pages show it
	// Aliases are the spellings a roster or a ledger's 责任人 column uses.
	Aliases []string
}

// Roles are the roles of the vocabulary, in the order pages list them.
var Roles = []Role{
	{"principal", "主要负责人", []string{"主要领导", "第一责任人", "单位主要负责人", "主要负责同志"}},
	{"in_charge", "分管领导", []string{"分管负责人", "分管负责同志"}},
	{"member", "班子成员", []string{"领导班子成员", "其他班子成员", "班子其他成员"}},
	{"discipline", "纪检监察组织负责人", []string{"纪委", "纪委书记", "纪检组长", "纪检组", "纪检监察组织", "监察室主任", "纪委（纪检组）"}},
}

// RoleByName finds a role by id, name or alias, after folding width and spaces.
func RoleByName(name string) (Role, bool) {
	f := FoldName(name)
	for _, r := range Roles {
		if r.ID == name || FoldName(r.Name) == f || slices.ContainsFunc(r.Aliases, func(a string) bool { return FoldName(a) == f }) {
			return r, true
		}
	}
	return Role{}, false
}

// RoleNames lists the roles' names, in order: the choices a roster's
// role cell has.
func RoleNames() []string {
	out := make([]string, len(Roles))
	for i, r := range Roles {
		out[i] = r.Name
	}
	return out
}

// RoleIDs lists the vocabulary's ids, for messages.
func RoleIDs() []string {
	var out []string
	for _, r := range Roles {
		out = append(out, r.ID)
	}
	return out
}

// Persons is the scheme's part on individual assessments. A person's score
// is Base less the points lost on the tasks of their role in their unit's
// ledger, plus the unit's score of the Social component converted to
// Social.Points; the scheme's bands then apply as they do to units.
type Persons struct {
	// Roles are the ids of the roles assessed; none means no person is.
	Roles []string `yaml:"roles"`
	// Base is what a role's tasks are deducted from (Shangnan: 70).
	Base record.Points `yaml:"base"`
	// Social is the unit component converted into the person's score.
	Social *PersonSocial `yaml:"social"`
	// MinMonths: a person who held the post for no more than this part of
	// the year is scored but gets no band (default 6: half the year).
	MinMonths int `yaml:"min_months"`
}

// PersonSocial converts a unit component into a person's points:
// value × Points ÷ the component's full score.
type PersonSocial struct {
	Component string        `yaml:"component"`
	Points    record.Points `yaml:"points"`
}

// Assessed reports whether persons in role id are assessed.
func (p *Persons) Assessed(id string) bool { return slices.Contains(p.Roles, id) }

// TaskRole gives the role of the vocabulary that a task's role names, if any.
func TaskRole(t Task) (Role, bool) { return RoleByName(t.Role) }

func (s *Scheme) validatePersons(ck checker) {
	p := &s.Persons
	if len(p.Roles) == 0 {
		if p.Social != nil || p.Base != 0 {
			ck.missing("persons", "roles")
		}
		return
	}
	for i, id := range p.Roles {
		path := "persons.roles." + strconv.Itoa(i)
		r, ok := RoleByName(id)
		if !ok {
			ck.unknownRef(path, id, listed("roles", RoleIDs()))
			continue
		}
		p.Roles[i] = r.ID
		// A role with no task of its own could only ever score Base: a
		// rule that can never cost anything is a mistake in the scheme.
		if !slices.ContainsFunc(s.Tasks, func(t Task) bool { tr, ok := TaskRole(t); return ok && tr.ID == r.ID }) && len(s.Tasks) > 0 {
			ck.add(problem.Problem{Pos: ck.at(path), Code: problem.ConfigBadValue, Found: path + ": " + id,
				Expected: problem.T(problem.TRoleOfTasks)})
		}
	}
	if p.Base <= 0 {
		ck.badValue("persons.base", p.Base.String(), problem.T(problem.TPersonsBase))
	}
	if sc := p.Social; sc != nil {
		c, ok := s.Component(sc.Component)
		switch {
		case !ok:
			ck.unknownRef("persons.social.component", sc.Component, listed("components", s.componentIDs()))
		case c.Full <= 0:
			ck.badValue("persons.social.component", sc.Component, problem.T(problem.TSocialComponent))
		}
		if sc.Points <= 0 {
			ck.badValue("persons.social.points", sc.Points.String(), problem.T(problem.TSocialPoints))
		}
	}
	if p.MinMonths == 0 {
		p.MinMonths = 6
	}
	if p.MinMonths < 1 || p.MinMonths > 12 {
		ck.badValue("persons.min_months", strconv.Itoa(p.MinMonths), problem.T(problem.TOneToTwelve))
	}
}
