package scoring

import (
	"cmp"
	"slices"
	"strings"

	"dutyreport/generator/config"
	"dutyreport/generator/record"
)

// Person is one assessed person's result for the year (seed 000 §四:
// 单位及个人年度考核): a post of the roster in a role the scheme assesses.
type Person struct {
	Unit, Role, Name, Position string // Role is a role id
	From, To                   record.Date
	Days                       int // days of the year in the post
	// Score is the scheme's base less Lost, plus Social; HasScore is false
	// when the unit has no ledger or no social score that year.
	Score, Social record.Points
	HasScore      bool
	// Banded: the person held the post long enough (persons.min_months)
	// to get a band; Band is then a band id.
	Banded bool
	Band   string
	// Lost are the tasks of the role in the unit's ledger that cost points.
	Lost         []Deduction
	Consequences []string // rule ids, in scheme order
	Origin       record.Origin
}

// persons scores each post of the roster whose role the scheme assesses.
// Every holder of a post is scored on the year's tasks of the role in
// their unit's ledger: the ledger is kept per unit and year, not per
// holder. Only a holder who was in the post for more than persons.min_months
// of the year gets a band, so when a post changes hands mid-year at most one
// holder is banded, the one who held it longer.
func (c *computer) persons() {
	s, yr := c.in.Scheme, c.in.Year
	p := &s.Persons
	if len(p.Roles) == 0 || yr.Roster == nil {
		return
	}
	daysInYear := 365
	if record.DaysIn(yr.Year, 2) == 29 {
		daysInYear = 366
	}
	social := -1
	var socialFull record.Points
	if p.Social != nil {
		social = s.ComponentIndex(p.Social.Component)
		comp, _ := s.Component(p.Social.Component)
		socialFull = comp.Full
	}
	for _, post := range yr.Roster {
		u := c.res.Unit(post.Unit)
		if u == nil || !p.Assessed(post.Role) {
			continue
		}
		pr := Person{Unit: post.Unit, Role: post.Role, Name: post.Name, Position: post.Position, From: post.From, To: post.To,
			Days: post.DaysIn(yr.Year), Origin: post.Origin}
		// More than min_months of the year: of two holders who split a
		// year, at most one is banded (183 and 183 days of a leap year: none).
		pr.Banded = pr.Days*12 > p.MinMonths*daysInYear
		base, ok := p.Base, c.hasRows(u.Code)
		for _, d := range u.Deductions {
			if t, found := s.Task(d.Task); found {
				if r, isRole := config.TaskRole(t); isRole && r.ID == post.Role {
					pr.Lost = append(pr.Lost, d)
					base -= d.Points
				}
			}
		}
		score := max(base, 0) // as a ledger component, never below 0
		if social >= 0 {
			sc := u.Scores[social]
			ok = ok && sc.Has
			pr.Social = sc.Value.MulDiv(int64(p.Social.Points), int64(socialFull))
			score += pr.Social
		}
		if ok {
			pr.Score, pr.HasScore = score, true
			if pr.Banded {
				pr.Band = s.BandFor(pr.Score).ID
			}
		}
		c.res.Persons = append(c.res.Persons, pr)
	}
	order := map[string]int{}
	for i, r := range config.Roles {
		order[r.ID] = i
	}
	slices.SortStableFunc(c.res.Persons, func(a, b Person) int {
		return cmp.Or(strings.Compare(a.Unit, b.Unit), cmp.Compare(order[a.Role], order[b.Role]), cmp.Compare(a.From, b.From))
	})
}

// personConsequences applies the rules of persons, and gives each banded
// holder of a role the unit rules that name the role in `to`.
func personConsequences(s *config.Scheme, res *Result) {
	for i := range res.Persons {
		pr := &res.Persons[i]
		u := res.Unit(pr.Unit)
		for _, rule := range s.Consequences {
			switch {
			case rule.Of == config.OfPersons:
				if personHolds(rule, pr, res) {
					pr.Consequences = append(pr.Consequences, rule.ID)
				}
			case pr.Banded && u != nil && slices.Contains(u.Consequences, rule.ID) && slices.Contains(rule.To, pr.Role):
				pr.Consequences = append(pr.Consequences, rule.ID)
			}
		}
	}
}

// personHolds reports whether a rule of persons holds for pr: its band, and
// a case of the year in the person's unit that names the person.
func personHolds(rule config.Consequence, pr *Person, res *Result) bool {
	if rule.Band != "" && (!pr.Banded || pr.Band != rule.Band) {
		return false
	}
	if rule.Case != nil && !slices.ContainsFunc(res.cases, func(c record.Case) bool { return c.Unit == pr.Unit && rule.Case.Matches(&c, pr.Name) }) {
		return false
	}
	return true
}
