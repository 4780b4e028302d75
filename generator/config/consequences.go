package config

import (
	"slices"
	"strconv"
	"strings"

	"dutyreport/generator/problem"
	"dutyreport/generator/record"
)

// Consequence is a rule of the scheme: when its conditions hold, its action
// applies to those it names. Every condition given must hold; YearsRunning
// > 1 asks that they held in as many consecutive years, ending with this one.
// The conditions and actions are a small vocabulary, so that every county's
// rules are data (seed 000 §四, seed 001) and a rule that can never fire is
// found when the scheme is read.
type Consequence struct {
	ID string `yaml:"id"`
	// Name is shown on pages; default the action's name.
	Name string `yaml:"name"`
	// Action is what follows: an id of Actions.
	Action string `yaml:"action"`
	// Of is "units" (the default: conditions on a unit's result) or
	// "persons" (conditions on an assessed person's).
	Of string `yaml:"of"`
	// To are who bear a unit rule's action: "unit" and role ids (principal,
	// in_charge, member, discipline). Default: the unit. A person rule's
	// action is the person's own.
	To []string `yaml:"to"`
	// Band: the unit (or person) is in this band.
	Band string `yaml:"band"`
	// Bottom: the unit is among the last Bottom of its group, ties
	// included; bottom: 1 is last place.
	Bottom int `yaml:"bottom"`
	// LastIn: the unit has the lowest score of this component, in Scope
	// ("county": all ranked units, the default; "group": its group).
	LastIn string `yaml:"last_in"`
	Scope  string `yaml:"scope"`
	// Case: the unit (or person) had a case in the year that matches.
	Case *CaseCondition `yaml:"case"`
	// YearsRunning is how many consecutive years the conditions must hold.
	YearsRunning int `yaml:"years_running"`
	// Note explains the consequence on the methodology page and in exports.
	Note string `yaml:"note"`
}

// CaseCondition matches the accountability cases of a year: any case
// (case: {}), or one where a party of one of Subjects got one of Handlings.
type CaseCondition struct {
	Handlings []string `yaml:"handlings"` // handling ids; none: any
	Subjects  []string `yaml:"subjects"`  // subject kinds (领导班子, 领导干部, 纪委); none: any
}

// Of values.
const (
	OfUnits   = "units"
	OfPersons = "persons"
	// ToUnit, in To, is the unit itself.
	ToUnit = "unit"
)

// An Action is what a rule imposes. Like the roles, the actions are fixed by
// the regulations, so they are a vocabulary, not scheme data.
type Action struct {
	ID, Name string
	// Ineligible: the action takes away the year's commendation eligibility.
	Ineligible bool
}

// Actions are the actions of the vocabulary.
var Actions = []Action{
	{"talk", "约谈", false},
	{"veto", "一票否决", true},
	{"reorganise", "组织处理", false},
	{"no-promotion", "不得提拔重用", false},
	{"reassign", "职务调整", false},
	{"no-commendation", "取消评优资格", true},
	{"accountability", "责任追究", false},
}

// ActionByID returns the action with the id.
func ActionByID(id string) (Action, bool) {
	for _, a := range Actions {
		if a.ID == id {
			return a, true
		}
	}
	return Action{}, false
}

// Consequence returns the rule with the id.
func (s *Scheme) Consequence(id string) (Consequence, bool) {
	for _, c := range s.Consequences {
		if c.ID == id {
			return c, true
		}
	}
	return Consequence{}, false
}

// Matches reports whether a case matches the condition: one of its parties
// is of one of the subject kinds and got one of the handlings. name, when
// not "", asks that the party be that person.
func (cc *CaseCondition) Matches(c *record.Case, name string) bool {
	for _, sub := range c.Subjects {
		if name != "" && sub.Name != name {
			continue
		}
		if len(cc.Subjects) > 0 && !slices.Contains(cc.Subjects, sub.Kind) {
			continue
		}
		if len(cc.Handlings) == 0 || slices.ContainsFunc(sub.Handling, func(h string) bool { return slices.Contains(cc.Handlings, h) }) {
			return true
		}
	}
	return false
}

// maxScore is the most a component can score: a rule asking for a band
// above the most a total can reach can never fire.
func (s *Scheme) maxScore(id string, depth int) record.Points {
	c, ok := s.Component(id)
	if !ok || depth > len(s.Components) {
		return 0
	}
	switch c.Kind {
	case KindMean:
		var m record.Points
		for _, o := range c.Of {
			m = max(m, s.maxScore(o, depth+1))
		}
		return m
	case KindSum:
		var sum record.Points
		for _, o := range c.Of {
			sum += s.maxScore(o, depth+1)
		}
		return sum
	}
	return c.Full
}

// mostFor is the most a unit's total (of units) or a person's score (of
// persons) can be; 0 when it cannot be told.
func (s *Scheme) mostFor(of string) record.Points {
	if of != OfPersons {
		if len(s.Total) == 0 {
			return 0
		}
		return s.maxTotal()
	}
	most := s.Persons.Base
	if s.Persons.Social != nil {
		most += s.Persons.Social.Points
	}
	return most
}

// maxTotal is the most a unit's total can be.
func (s *Scheme) maxTotal() record.Points {
	var t record.Points
	for _, id := range s.Total {
		t += s.maxScore(id, 0)
	}
	return t
}

func (s *Scheme) validateConsequences(ck checker, bands map[string]int) {
	ck.ids("consequences", len(s.Consequences), func(i int) string { return s.Consequences[i].ID })
	never := func(path, found string, why problem.Text) {
		ck.add(problem.Problem{Pos: ck.at(path), Code: problem.ConfigNeverFires, Found: path + ": " + found, Expected: why})
	}
	var actionIDs []string
	for _, a := range Actions {
		actionIDs = append(actionIDs, a.ID+" ("+a.Name+")")
	}
	for i := range s.Consequences {
		c := &s.Consequences[i]
		p := "consequences." + strconv.Itoa(i)
		a, ok := ActionByID(c.Action)
		switch {
		case c.Action == "":
			ck.missing(p, "action")
		case !ok:
			ck.unknownRef(p+".action", c.Action, listed("actions", actionIDs))
		}
		if c.Name == "" {
			c.Name = a.Name
		}
		switch c.Of {
		case "":
			c.Of = OfUnits
		case OfUnits, OfPersons:
		default:
			ck.badValue(p+".of", c.Of, problem.T(problem.TUnitsOrPersons))
		}
		if c.Band != "" {
			if _, ok := bands[c.Band]; !ok {
				ck.unknownRef(p+".band", c.Band, listed("bands", keys(bands)))
			} else if b, most := s.Bands[bands[c.Band]], s.mostFor(c.Of); b.Min != nil && most > 0 && *b.Min > most {
				never(p+".band", c.Band, problem.T(problem.TBandReachable, most.String()))
			}
		}
		if c.LastIn != "" {
			if comp, ok := s.Component(c.LastIn); !ok {
				ck.unknownRef(p+".last_in", c.LastIn, listed("components", s.componentIDs()))
			} else if !slices.ContainsFunc(s.Categories, func(k Category) bool { return k.IsRanked() && s.Applies(comp, k.ID) }) {
				never(p+".last_in", c.LastIn, problem.T(problem.TComponentRanked))
			}
		}
		switch c.Scope {
		case "":
			c.Scope = "county"
		case "county", "group":
		default:
			ck.badValue(p+".scope", c.Scope, problem.T(problem.TCountyOrGroup))
		}
		if cc := c.Case; cc != nil {
			for j, h := range cc.Handlings {
				if _, ok := s.Cases.Handling(h); !ok {
					ck.unknownRef(p+".case.handlings."+strconv.Itoa(j), h, listed("cases.handlings", s.Cases.handlingIDs()))
				}
			}
			for j, k := range cc.Subjects {
				name, ok := Canonical(SubjectKinds, k)
				if !ok {
					ck.badValue(p+".case.subjects."+strconv.Itoa(j), k, problem.Verbatim(Names(SubjectKinds)))
					continue
				}
				cc.Subjects[j] = name
			}
			if len(s.Cases.Handlings) == 0 {
				never(p+".case", "case", problem.T(problem.TSchemeDeclaresHandlings))
			}
			if c.Of == OfPersons && len(cc.Subjects) > 0 && !slices.ContainsFunc(cc.Subjects, func(k string) bool { return k != "领导班子" }) {
				never(p+".case.subjects", strings.Join(cc.Subjects, ", "), problem.T(problem.TPersonKind))
			}
		}
		if c.Band == "" && c.Bottom == 0 && c.LastIn == "" && c.Case == nil {
			ck.missing(p, "band, bottom, last_in or case")
		}
		if c.YearsRunning == 0 {
			c.YearsRunning = 1
		}
		if c.YearsRunning < 1 {
			ck.badValue(p+".years_running", strconv.Itoa(c.YearsRunning), problem.T(problem.TOneOrMore))
		}
		if c.Bottom < 0 {
			ck.badValue(p+".bottom", strconv.Itoa(c.Bottom), problem.T(problem.TBottomOneOrMore))
		}
		if c.Of == OfPersons {
			if len(s.Persons.Roles) == 0 {
				never(p+".of", c.Of, problem.T(problem.TSchemeAssessesPersons))
			}
			for _, k := range []struct {
				key string
				set bool
			}{{"bottom", c.Bottom != 0}, {"last_in", c.LastIn != ""}, {"to", len(c.To) > 0}, {"years_running", c.YearsRunning > 1}} {
				if k.set {
					ck.badValue(p+"."+k.key, "set on a rule of persons", problem.T(problem.TBandAndCaseOnly))
				}
			}
			continue
		}
		if len(c.To) == 0 {
			c.To = []string{ToUnit}
		}
		seen := map[string]bool{}
		for j, t := range c.To {
			tp := p + ".to." + strconv.Itoa(j)
			if t != ToUnit {
				r, ok := RoleByName(t)
				if !ok {
					ck.unknownRef(tp, t, problem.T(problem.TWhoBearsIt, strings.Join(append([]string{ToUnit}, RoleIDs()...), ", ")))
					continue
				}
				c.To[j] = r.ID
				// With persons assessed, a role not among them has no one
				// to bear the rule; without, `to` only says who on the pages.
				if len(s.Persons.Roles) > 0 && !s.Persons.Assessed(r.ID) {
					ck.add(problem.Problem{Pos: ck.at(tp), Severity: problem.Warning, Code: problem.ConfigNeverFires, Found: tp + ": " + t,
						Expected: problem.T(problem.TRoleOfPersons)})
				}
			}
			if seen[c.To[j]] {
				ck.badValue(tp, t, problem.T(problem.TEachBearerOnce))
			}
			seen[c.To[j]] = true
		}
	}
}
