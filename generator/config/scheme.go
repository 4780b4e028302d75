package config

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"dutyreport/generator/problem"
	"dutyreport/generator/record"
)

// Scheme is an assessment scheme (考核办法): who is assessed, what each score
// is made of, the bands, the ranking groups and the consequences. Schemes
// differ between places and years, so all of this is data.
type Scheme struct {
	Name   string `yaml:"name"`
	Source string `yaml:"source"` // the document it comes from, e.g. 商南发〔2015〕2号
	// Issued is the date the document was issued, for the methodology.
	Issued record.Date `yaml:"issued"`
	// Sample marks the scheme `dutyreport new` copied without the county's
	// own document: a site that does not show sample data refuses it.
	Sample bool `yaml:"sample"`
	// Categories of units, as the units register writes them.
	Categories []Category `yaml:"categories"`
	// Responsibilities are the values of 责任类别 in the ledger.
	Responsibilities []Responsibility `yaml:"responsibilities"`
	Tasks            []Task           `yaml:"tasks"`
	Components       []Component      `yaml:"components"`
	// Total lists the components whose sum is a unit's total.
	Total []string `yaml:"total"`
	// Columns lists the components shown on ranking pages; default Total.
	Columns      []string      `yaml:"columns"`
	Bands        []Band        `yaml:"bands"`
	Groups       []Group       `yaml:"groups"`
	Consequences []Consequence `yaml:"consequences"`
	// Persons says who inside a unit is assessed and how (seed 000 §四).
	Persons Persons `yaml:"persons"`
	// Cases declares the handlings of accountability cases and their effects.
	Cases Cases `yaml:"cases"`

	compIndex map[string]int
	taskIndex map[string]int
	catByName map[string]int
}

// Category is a kind of unit: 镇, 县直部门, 村(居)务监督委员会.
type Category struct {
	ID      string   `yaml:"id"`
	Name    string   `yaml:"name"`
	Aliases []string `yaml:"aliases"`
	// Parent is the category of the unit this one belongs to: a village
	// committee's town. Units of such a category need a parent in the register.
	Parent string `yaml:"parent"`
	// Ranked is false for units that get component scores but no total, band
	// or rank of their own (village committees, folded into their town).
	Ranked *bool `yaml:"ranked"`
}

// IsRanked reports whether units of the category get a total, band and rank.
func (c Category) IsRanked() bool { return c.Ranked == nil || *c.Ranked }

// Responsibility is 主体责任 or 监督责任.
type Responsibility struct {
	ID      string   `yaml:"id"`
	Name    string   `yaml:"name"`
	Aliases []string `yaml:"aliases"`
}

// Task is one duty of the ledger with its scoring standard (赋分标准).
type Task struct {
	Code           string `yaml:"code"`
	Name           string `yaml:"name"`
	Responsibility string `yaml:"responsibility"`
	Role           string `yaml:"role"`
	// Points is the most the task can cost.
	Points record.Points `yaml:"points"`
	// Rule is how an incomplete task is deducted:
	//   any_missing  – Points when done < required (the default);
	//   per_missing  – Per for each missing time, at most Points;
	//   proportional – Points × missing ÷ required, rounded by the one rule.
	Rule string        `yaml:"rule"`
	Per  record.Points `yaml:"per"`
	// Categories of units that have the task; default every category.
	Categories []string `yaml:"categories"`
	// Required is the usual required count, used by the example generator
	// and by `dutyreport new`; the ledger's own count is what is scored.
	Required int `yaml:"required"`
}

// Deduction rules of a Task.
const (
	RuleAnyMissing   = "any_missing"
	RulePerMissing   = "per_missing"
	RuleProportional = "proportional"
)

// Deduction returns what the task costs a unit that did done of required.
func (t Task) Deduction(required, done int32) record.Points {
	missing := int64(required) - int64(done)
	if missing <= 0 || required <= 0 {
		return 0
	}
	switch t.Rule {
	case RulePerMissing:
		return min(t.Points, t.Per*record.Points(missing))
	case RuleProportional:
		return t.Points.MulDiv(missing, int64(required))
	}
	return t.Points
}

// Component is one score of a unit. Kinds:
//
//	ledger     – Full minus the deductions of the ledger's tasks of Responsibility
//	             (never below zero), optionally folded with the units below (Fold);
//	evaluation – the democratic evaluation average (0–100) converted to Full;
//	sheet      – read from the component-score sheet, at most Full;
//	mean, sum  – of the components listed in Of.
//
// Any component may also be given in the score sheet; when the sheet has it,
// the sheet's number is used.
type Component struct {
	ID             string        `yaml:"id"`
	Name           string        `yaml:"name"`
	Kind           string        `yaml:"kind"`
	Responsibility string        `yaml:"responsibility"`
	Full           record.Points `yaml:"full"`
	Of             []string      `yaml:"of"`
	// Categories the component applies to; default every ranked category.
	Categories []string `yaml:"categories"`
	// Column is the score-sheet header that gives this component; default Name.
	Column string `yaml:"column"`
	// Aliases are other headers accepted for Column.
	Aliases []string `yaml:"aliases"`
	Fold    *Fold    `yaml:"fold"`
	// Part is the component this one is a part of, for indentation (an
	// indicator under its item).
	Part string `yaml:"part"`
}

// Component kinds.
const (
	KindLedger     = "ledger"
	KindEvaluation = "evaluation"
	KindSheet      = "sheet"
	KindMean       = "mean"
	KindSum        = "sum"
)

// Fold takes the scores of the units below into a unit's component: seed 000
// 四(一)4: 村(居)民监督委员会的考核得分计入镇党委主体责任的平均分.
type Fold struct {
	// Component of the units below that is folded in.
	Component string `yaml:"component"`
	// Mode "each" averages the unit's own score with each unit below as one
	// entry (the default, the seed's reading); "mean" averages the unit's own
	// score with the mean of the units below.
	Mode string `yaml:"mode"`
}

// Band is a grade band (档次). A unit is in the first band whose Min its
// rounded total reaches; the last band has no Min.
type Band struct {
	ID   string         `yaml:"id"`
	Name string         `yaml:"name"`
	Min  *record.Points `yaml:"min"`
}

// Group is a ranking group: units of its categories are ranked together.
type Group struct {
	ID         string   `yaml:"id"`
	Name       string   `yaml:"name"`
	Categories []string `yaml:"categories"`
}

// Component returns the component with the id.
func (s *Scheme) Component(id string) (Component, bool) {
	i, ok := s.compIndex[id]
	if !ok {
		return Component{}, false
	}
	return s.Components[i], true
}

// ComponentIndex returns the position of component id in Components, or -1.
func (s *Scheme) ComponentIndex(id string) int {
	if i, ok := s.compIndex[id]; ok {
		return i
	}
	return -1
}

// Task returns the task with the code.
func (s *Scheme) Task(code string) (Task, bool) {
	i, ok := s.taskIndex[code]
	if !ok {
		return Task{}, false
	}
	return s.Tasks[i], true
}

// TaskIndex returns the position of a task in Tasks, or -1.
func (s *Scheme) TaskIndex(code string) int {
	if i, ok := s.taskIndex[code]; ok {
		return i
	}
	return -1
}

// CategoryByName finds a category by the name or an alias written in the
// units register, after folding width and spaces.
func (s *Scheme) CategoryByName(name string) (Category, bool) {
	i, ok := s.catByName[FoldName(name)]
	if !ok {
		return Category{}, false
	}
	return s.Categories[i], true
}

// CategoryNames lists the categories' names, in the scheme's order: the
// choices a units register's 类别 cell has.
func (s *Scheme) CategoryNames() []string {
	out := make([]string, len(s.Categories))
	for i, c := range s.Categories {
		out[i] = c.Name
	}
	return out
}

// ResponsibilityNames lists the responsibilities' names, in the scheme's
// order: the choices a ledger's 责任类别 cell has.
func (s *Scheme) ResponsibilityNames() []string {
	out := make([]string, len(s.Responsibilities))
	for i, r := range s.Responsibilities {
		out[i] = r.Name
	}
	return out
}

// Category returns the category with the id.
func (s *Scheme) Category(id string) (Category, bool) {
	for _, c := range s.Categories {
		if c.ID == id {
			return c, true
		}
	}
	return Category{}, false
}

// Responsibility finds a responsibility by its name or an alias.
func (s *Scheme) ResponsibilityByName(name string) (Responsibility, bool) {
	f := FoldName(name)
	for _, r := range s.Responsibilities {
		if FoldName(r.Name) == f || FoldName(r.ID) == f || slices.ContainsFunc(r.Aliases, func(a string) bool { return FoldName(a) == f }) {
			return r, true
		}
	}
	return Responsibility{}, false
}

// GroupOf returns the ranking group of a category, if it is ranked.
func (s *Scheme) GroupOf(category string) (Group, bool) {
	for _, g := range s.Groups {
		if slices.Contains(g.Categories, category) {
			return g, true
		}
	}
	return Group{}, false
}

// BandFor returns the band of a rounded total.
func (s *Scheme) BandFor(total record.Points) Band {
	for _, b := range s.Bands {
		if b.Min == nil || total >= *b.Min {
			return b
		}
	}
	return s.Bands[len(s.Bands)-1]
}

// Applies reports whether component c applies to units of category cat.
func (s *Scheme) Applies(c Component, cat string) bool {
	if len(c.Categories) > 0 {
		return slices.Contains(c.Categories, cat)
	}
	k, ok := s.Category(cat)
	return ok && k.IsRanked()
}

// LedgerApplies reports whether a ledger component of responsibility resp
// ("" for any) applies to units of category cat: whether their ledger rows
// of that responsibility count at all.
func (s *Scheme) LedgerApplies(resp, cat string) bool {
	for _, c := range s.Components {
		if c.Kind == KindLedger && (resp == "" || c.Responsibility == resp) && s.Applies(c, cat) {
			return true
		}
	}
	return false
}

// TaskApplies reports whether task t counts for units of category cat: the
// task is for that category, and a ledger component of its responsibility
// applies to it. A ledger row that nothing would score is an error, not silence.
func (s *Scheme) TaskApplies(t Task, cat string) bool {
	if len(t.Categories) > 0 && !slices.Contains(t.Categories, cat) {
		return false
	}
	return s.LedgerApplies(t.Responsibility, cat)
}

// pageName is what an id that names a page may be.
var pageName = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*$`)

// checker reports a scheme's problems at the key they are about.
type checker struct {
	at    func(path string) problem.Position
	probs *problem.List
}

func (ck checker) add(p problem.Problem) { ck.probs.Add(p) }

func (ck checker) missing(path, what string) {
	ck.add(problem.Problem{Pos: ck.at(path), Code: problem.ConfigMissingKey, Found: join(path, what)})
}

func (ck checker) badValue(path, found string, expected problem.Text) {
	ck.add(problem.Problem{Pos: ck.at(path), Code: problem.ConfigBadValue, Found: path + ": " + found, Expected: expected})
}

func (ck checker) unknownRef(path, ref string, known problem.Text) {
	ck.add(problem.Problem{Pos: ck.at(path), Code: problem.ConfigUnknownRef, Found: path + ": " + ref, Expected: known})
}

// listed is what a reference may name: a key of the YAML and the ids it
// holds, "bands: 好, 较好".
func listed(key string, ids []string) problem.Text {
	return problem.T(problem.TListed, key, strings.Join(ids, ", "))
}

// ids indexes the ids of a list, reporting missing and repeated ones.
func (ck checker) ids(path string, n int, id func(int) string) map[string]int {
	m := map[string]int{}
	for i := range n {
		p := path + "." + strconv.Itoa(i)
		v := id(i)
		if v == "" {
			ck.missing(p, "id")
			continue
		}
		if _, dup := m[v]; dup {
			ck.add(problem.Problem{Pos: ck.at(p), Code: problem.ConfigDuplicate, Found: p + ": " + v})
			continue
		}
		m[v] = i
	}
	return m
}

func keys(m map[string]int) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// componentIDs lists the components' ids, sorted, for messages.
func (s *Scheme) componentIDs() []string { return keys(s.compIndex) }

func (s *Scheme) validate(file string, pos Positions, probs *problem.List) {
	at := func(path string) problem.Position { return pos.Of(file, path) }
	ck := checker{at: at, probs: probs}
	missing, badValue, unknownRef, ids := ck.missing, ck.badValue, ck.unknownRef, ck.ids

	if s.Name == "" {
		missing("", "name")
	}
	cats := ids("categories", len(s.Categories), func(i int) string { return s.Categories[i].ID })
	s.catByName = map[string]int{}
	for i, c := range s.Categories {
		p := "categories." + strconv.Itoa(i)
		if c.Name == "" {
			missing(p, "name")
		}
		for _, n := range append([]string{c.Name}, c.Aliases...) {
			s.catByName[FoldName(n)] = i
		}
		if c.Parent != "" {
			if _, ok := cats[c.Parent]; !ok {
				unknownRef(p+".parent", c.Parent, listed("categories", keys(cats)))
			}
		}
	}
	resps := ids("responsibilities", len(s.Responsibilities), func(i int) string { return s.Responsibilities[i].ID })
	s.taskIndex = ids("tasks", len(s.Tasks), func(i int) string { return s.Tasks[i].Code })
	for i := range s.Tasks {
		t := &s.Tasks[i]
		p := "tasks." + strconv.Itoa(i)
		if _, ok := resps[t.Responsibility]; !ok {
			unknownRef(p+".responsibility", t.Responsibility, listed("responsibilities", keys(resps)))
		}
		for _, cat := range t.Categories {
			if _, ok := cats[cat]; !ok {
				unknownRef(p+".categories", cat, listed("categories", keys(cats)))
			}
		}
		if t.Points <= 0 {
			badValue(p+".points", t.Points.String(), problem.T(problem.TMoreThanZero))
		}
		switch t.Rule {
		case "":
			t.Rule = RuleAnyMissing
		case RuleAnyMissing, RuleProportional:
		case RulePerMissing:
			if t.Per <= 0 {
				badValue(p+".per", t.Per.String(), problem.T(problem.TPerMissing))
			}
		default:
			badValue(p+".rule", t.Rule, problem.T(problem.TRuleKinds))
		}
	}
	s.compIndex = ids("components", len(s.Components), func(i int) string { return s.Components[i].ID })
	for i := range s.Components {
		c := &s.Components[i]
		p := "components." + strconv.Itoa(i)
		if c.Name == "" {
			missing(p, "name")
		}
		if c.Column == "" {
			c.Column = c.Name
		}
		for _, cat := range c.Categories {
			if _, ok := cats[cat]; !ok {
				unknownRef(p+".categories", cat, listed("categories", keys(cats)))
			}
		}
		for j, o := range c.Of {
			if k, ok := s.compIndex[o]; !ok || k >= i {
				unknownRef(p+".of."+strconv.Itoa(j), o, problem.T(problem.TComponentsAbove, strings.Join(keys(s.compIndex), ", ")))
			}
		}
		if c.Part != "" {
			if _, ok := s.compIndex[c.Part]; !ok {
				unknownRef(p+".part", c.Part, listed("components", keys(s.compIndex)))
			}
		}
		switch c.Kind {
		case KindLedger:
			if _, ok := resps[c.Responsibility]; !ok {
				unknownRef(p+".responsibility", c.Responsibility, listed("responsibilities", keys(resps)))
			}
			if c.Full <= 0 {
				badValue(p+".full", c.Full.String(), problem.T(problem.TFullScore))
			}
		case KindEvaluation, KindSheet:
			if c.Full <= 0 {
				badValue(p+".full", c.Full.String(), problem.T(problem.TFullScore))
			}
		case KindMean, KindSum:
			if len(c.Of) == 0 {
				missing(p, "of")
			}
		default:
			badValue(p+".kind", c.Kind, problem.T(problem.TComponentKinds))
		}
		if f := c.Fold; f != nil {
			if k, ok := s.compIndex[f.Component]; !ok || k >= i {
				unknownRef(p+".fold.component", f.Component, problem.T(problem.TComponentsAbove, strings.Join(keys(s.compIndex), ", ")))
			}
			switch f.Mode {
			case "":
				f.Mode = "each"
			case "each", "mean":
			default:
				badValue(p+".fold.mode", f.Mode, problem.T(problem.TFoldModes))
			}
		}
	}
	if len(s.Total) == 0 {
		missing("", "total")
	}
	for j, id := range s.Total {
		if _, ok := s.compIndex[id]; !ok {
			unknownRef("total."+strconv.Itoa(j), id, listed("components", keys(s.compIndex)))
		}
	}
	if len(s.Columns) == 0 {
		s.Columns = s.Total
	}
	for j, id := range s.Columns {
		if _, ok := s.compIndex[id]; !ok {
			unknownRef("columns."+strconv.Itoa(j), id, listed("components", keys(s.compIndex)))
		}
	}
	bands := ids("bands", len(s.Bands), func(i int) string { return s.Bands[i].ID })
	if len(s.Bands) == 0 {
		missing("", "bands")
	}
	for i, b := range s.Bands {
		p := "bands." + strconv.Itoa(i)
		if b.Name == "" {
			missing(p, "name")
		}
		last := i == len(s.Bands)-1
		switch {
		case b.Min == nil && !last:
			missing(p, "min")
		case b.Min != nil && last:
			badValue(p+".min", b.Min.String(), problem.T(problem.TNoMinLastBand))
		case b.Min != nil && i > 0 && s.Bands[i-1].Min != nil && *b.Min >= *s.Bands[i-1].Min:
			badValue(p+".min", b.Min.String(), problem.T(problem.TBandsDescending, s.Bands[i-1].Min.String()))
		}
	}
	ids("groups", len(s.Groups), func(i int) string { return s.Groups[i].ID })
	inGroup := map[string]string{}
	for i, g := range s.Groups {
		p := "groups." + strconv.Itoa(i)
		// A group's id names its ranking page, 2024/<id>.html.
		switch {
		case g.ID == "index":
			badValue(p+".id", g.ID, problem.T(problem.TGroupIDTaken))
		case g.ID != "" && !pageName.MatchString(g.ID):
			badValue(p+".id", g.ID, problem.T(problem.TGroupIDChars))
		}
		if g.Name == "" {
			missing(p, "name")
		}
		for _, cat := range g.Categories {
			if _, ok := cats[cat]; !ok {
				unknownRef(p+".categories", cat, listed("categories", keys(cats)))
			} else if other, dup := inGroup[cat]; dup {
				badValue(p+".categories", cat, problem.T(problem.TOneGroup, other))
			}
			inGroup[cat] = g.ID
		}
	}
	s.Cases.validate(at, probs)
	s.validatePersons(ck)
	s.validateConsequences(ck, bands)
}
