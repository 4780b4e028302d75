package config

import (
	"slices"
	"strconv"
	"strings"

	"dutyreport/generator/problem"
	"dutyreport/generator/record"
)

// Cases is the scheme's part on accountability cases (责任追究): the
// handlings a decision may impose, the restrictions they carry, and an
// optional classification of a case's level by an amount.
type Cases struct {
	Restrictions []Restriction `yaml:"restrictions"`
	Handlings    []Handling    `yaml:"handlings"`
	Levels       *Levels       `yaml:"levels"`
	// Deductions are the points a case costs its unit's total in the
	// case's year (seed 004 §16: 在考核时扣分); nil: cases cost no points.
	Deductions *Deductions `yaml:"deductions"`
}

// Deductions says what a case costs: the most of the points of the rules
// that match it (one case is one deduction, however many parties it
// names), summed over the unit's cases of the year, at most Cap.
type Deductions struct {
	Cap   record.Points   `yaml:"cap"` // per unit and year; 0: no cap
	Rules []DeductionRule `yaml:"rules"`
}

// DeductionRule: a case in which a party got Handling, or of Level, costs Points.
type DeductionRule struct {
	Handling string        `yaml:"handling"`
	Level    string        `yaml:"level"`
	Points   record.Points `yaml:"points"`
}

// Deduction gives what case c costs, and the handling or level that set it;
// 0 when no rule matches.
func (c *Cases) Deduction(cs *record.Case) (record.Points, string) {
	if c.Deductions == nil {
		return 0, ""
	}
	level := ""
	if c.Levels != nil && cs.HasAmount {
		level = c.Levels.LevelFor(cs.Amount).ID
	}
	var most record.Points
	why := ""
	for _, r := range c.Deductions.Rules {
		hit := r.Level != "" && r.Level == level
		for _, sub := range cs.Subjects {
			hit = hit || r.Handling != "" && slices.Contains(sub.Handling, r.Handling)
		}
		if hit && r.Points > most {
			most, why = r.Points, c.DeductionName(r)
		}
	}
	return most, why
}

// DeductionName names what a deduction rule matches: its handling's or
// its level's name.
func (c *Cases) DeductionName(r DeductionRule) string {
	if h, ok := c.Handling(r.Handling); ok {
		return h.Name
	}
	if l, ok := c.level(r.Level); ok {
		return l.Name
	}
	return r.Handling + r.Level
}

// level returns the level with the id, when the scheme classifies cases.
func (c *Cases) level(id string) (Level, bool) {
	if c.Levels != nil {
		for _, l := range c.Levels.Bands {
			if l.ID == id {
				return l, true
			}
		}
	}
	return Level{}, false
}

// handlingIDs lists the handlings' ids, for messages.
func (c *Cases) handlingIDs() []string {
	var ids []string
	for _, h := range c.Handlings {
		ids = append(ids, h.ID)
	}
	return ids
}

// Restriction is something a handled person may not do for a time:
// 不得提拔使用, 不得担任领导职务 …
type Restriction struct {
	ID   string `yaml:"id"`
	Name string `yaml:"name"`
}

// Handling is one form of handling (处理方式): 通报批评, 诫勉谈话, 免职 …
type Handling struct {
	ID      string   `yaml:"id"`
	Name    string   `yaml:"name"`
	Aliases []string `yaml:"aliases"`
	Effects []Effect `yaml:"effects"`
}

// Effect is a restriction a handling carries, for Months from the decision
// date. When a person has the same restriction twice, the later end wins
// (seed 003 §28: "按照期限长的执行").
type Effect struct {
	Restriction string `yaml:"restriction"`
	Months      int    `yaml:"months"`
}

// Levels classifies a case by an amount in the case register, as seed 004's
// railway scheme does by losses: bands from the highest down, each with the
// least amount (Min) that reaches it; the last band has no Min.
type Levels struct {
	// Column is the register's column holding the amount, e.g. 损失金额（万元）.
	Column string  `yaml:"column"`
	Unit   string  `yaml:"unit"` // shown after amounts: 万元
	Bands  []Level `yaml:"bands"`
}

// Level is one level of Levels.
type Level struct {
	ID   string         `yaml:"id"`
	Name string         `yaml:"name"`
	Min  *record.Points `yaml:"min"`
}

// LevelFor gives the level of an amount.
func (l *Levels) LevelFor(amount record.Points) Level {
	for _, b := range l.Bands {
		if b.Min == nil || amount >= *b.Min {
			return b
		}
	}
	return l.Bands[len(l.Bands)-1]
}

// HandlingByName finds a handling by id, name or alias, after folding width
// and spaces.
func (c *Cases) HandlingByName(name string) (Handling, bool) {
	f := FoldName(name)
	for _, h := range c.Handlings {
		if h.ID == name || FoldName(h.Name) == f || slices.ContainsFunc(h.Aliases, func(a string) bool { return FoldName(a) == f }) {
			return h, true
		}
	}
	return Handling{}, false
}

// Handling returns the handling with the id.
func (c *Cases) Handling(id string) (Handling, bool) {
	for _, h := range c.Handlings {
		if h.ID == id {
			return h, true
		}
	}
	return Handling{}, false
}

// Restriction returns the restriction with the id.
func (c *Cases) Restriction(id string) (Restriction, bool) {
	for _, r := range c.Restrictions {
		if r.ID == id {
			return r, true
		}
	}
	return Restriction{}, false
}

// HandlingNames lists every handling's name, for messages.
func (c *Cases) HandlingNames() []string {
	var out []string
	for _, h := range c.Handlings {
		out = append(out, h.Name)
	}
	return out
}

// A Term is a word of a case's fixed vocabulary: the regulations (seeds 003, 004)
// fix who is held accountable, in which form and how seriously, so these
// are not scheme data. Each has its canonical name and the spellings a
// register uses.
type Term struct {
	Name    string
	Aliases []string
}

var (
	// SubjectKinds are who a case holds accountable.
	SubjectKinds = []Term{
		{"领导班子", []string{"班子", "党委（党组）", "党组织", "单位"}},
		{"领导干部", []string{"干部", "个人", "领导班子成员", "班子成员"}},
		{"纪委", []string{"纪检监察组织", "纪检组", "纪委（纪检组）", "纪检监察机构"}},
	}
	// Forms are forms of responsibility (责任形式).
	Forms = []Term{
		{"集体责任", []string{"集体"}},
		{"主要领导责任", []string{"主要领导"}},
		{"重要领导责任", []string{"重要领导"}},
		{"直接责任", []string{"直接"}},
	}
	// CaseResponsibilities are the responsibility a case is about.
	CaseResponsibilities = []Term{
		{"主体责任", []string{"主体"}},
		{"监督责任", []string{"监督"}},
	}
	// Severities are 情节 levels.
	Severities = []Term{
		{"情节较轻", []string{"较轻"}},
		{"情节较重", []string{"较重"}},
		{"情节严重", []string{"严重"}},
	}
)

// SubjectKindOf gives the kind of a party whose kind the register or notice
// does not say: a named one is a leader (领导干部), a nameless one the body.
func SubjectKindOf(name string) string {
	if name == "" {
		return "领导班子"
	}
	return "领导干部"
}

// PersonName reads a name as registers pad it to align columns: 王　平 is
// 王平. The masking and the audit then know the name as it is written
// everywhere else (and find the padded spelling too).
func PersonName(s string) string { return strings.Join(strings.Fields(s), "") }

// Canonical finds the canonical name of a term of vocabulary v.
func Canonical(v []Term, s string) (string, bool) {
	f := FoldName(s)
	for _, t := range v {
		if FoldName(t.Name) == f || slices.ContainsFunc(t.Aliases, func(a string) bool { return FoldName(a) == f }) {
			return t.Name, true
		}
	}
	return "", false
}

// Names lists the canonical names of a vocabulary, for messages.
func Names(v []Term) string {
	var out []string
	for _, t := range v {
		out = append(out, t.Name)
	}
	return strings.Join(out, "、")
}

func (c *Cases) validate(at func(string) problem.Position, probs *problem.List) {
	seen := map[string]bool{}
	for i, r := range c.Restrictions {
		p := "cases.restrictions." + strconv.Itoa(i)
		switch {
		case r.ID == "":
			probs.Add(problem.Problem{Pos: at(p), Code: problem.ConfigMissingKey, Found: p + ".id"})
		case seen[r.ID]:
			probs.Add(problem.Problem{Pos: at(p), Code: problem.ConfigDuplicate, Found: p + ": " + r.ID})
		}
		seen[r.ID] = true
		if r.Name == "" {
			probs.Add(problem.Problem{Pos: at(p), Code: problem.ConfigMissingKey, Found: p + ".name"})
		}
	}
	names := map[string]string{}
	for i, h := range c.Handlings {
		p := "cases.handlings." + strconv.Itoa(i)
		if h.ID == "" {
			probs.Add(problem.Problem{Pos: at(p), Code: problem.ConfigMissingKey, Found: p + ".id"})
		}
		if h.Name == "" {
			probs.Add(problem.Problem{Pos: at(p), Code: problem.ConfigMissingKey, Found: p + ".name"})
		}
		// A name or alias given twice would make a register's 免职 mean
		// two handlings: refused, not guessed.
		for _, n := range append([]string{h.ID, h.Name}, h.Aliases...) {
			if n == "" {
				continue
			}
			f := FoldName(n)
			if other, dup := names[f]; dup && other != h.ID {
				probs.Add(problem.Problem{Pos: at(p), Code: problem.ConfigDuplicate, Found: p + ": " + n, Expected: problem.T(problem.THandlingNameTaken, other)})
			}
			names[f] = h.ID
		}
		for j, e := range h.Effects {
			ep := p + ".effects." + strconv.Itoa(j)
			if !seen[e.Restriction] {
				var ids []string
				for _, r := range c.Restrictions {
					ids = append(ids, r.ID)
				}
				probs.Add(problem.Problem{Pos: at(ep + ".restriction"), Code: problem.ConfigUnknownRef, Found: ep + ".restriction: " + e.Restriction, Expected: listed("restrictions", ids)})
			}
			if e.Months <= 0 || e.Months > 120 {
				probs.Add(problem.Problem{Pos: at(ep + ".months"), Code: problem.ConfigBadValue, Found: ep + ".months: " + strconv.Itoa(e.Months), Expected: problem.T(problem.TMonths)})
			}
		}
	}
	if d := c.Deductions; d != nil {
		if len(d.Rules) == 0 {
			probs.Add(problem.Problem{Pos: at("cases.deductions"), Code: problem.ConfigMissingKey, Found: "cases.deductions.rules"})
		}
		if d.Cap < 0 {
			probs.Add(problem.Problem{Pos: at("cases.deductions.cap"), Code: problem.ConfigBadValue, Found: "cases.deductions.cap: " + d.Cap.String(), Expected: problem.T(problem.TCasesCap)})
		}
		for i, r := range d.Rules {
			p := "cases.deductions.rules." + strconv.Itoa(i)
			if (r.Handling == "") == (r.Level == "") {
				probs.Add(problem.Problem{Pos: at(p), Code: problem.ConfigMissingKey, Found: p + ".handling or level", Expected: problem.T(problem.THandlingOrLevel)})
			}
			if _, ok := c.Handling(r.Handling); r.Handling != "" && !ok {
				probs.Add(problem.Problem{Pos: at(p + ".handling"), Code: problem.ConfigUnknownRef, Found: p + ".handling: " + r.Handling, Expected: listed("handlings", c.handlingIDs())})
			}
			if _, ok := c.level(r.Level); r.Level != "" && !ok {
				probs.Add(problem.Problem{Pos: at(p + ".level"), Code: problem.ConfigUnknownRef, Found: p + ".level: " + r.Level, Expected: problem.T(problem.TLevelOfBands)})
			}
			if r.Points <= 0 {
				probs.Add(problem.Problem{Pos: at(p + ".points"), Code: problem.ConfigBadValue, Found: p + ".points: " + r.Points.String(), Expected: problem.T(problem.TPointsDeducted)})
			}
		}
	}
	if l := c.Levels; l != nil {
		if l.Column == "" {
			probs.Add(problem.Problem{Pos: at("cases.levels"), Code: problem.ConfigMissingKey, Found: "cases.levels.column"})
		}
		if len(l.Bands) == 0 {
			probs.Add(problem.Problem{Pos: at("cases.levels"), Code: problem.ConfigMissingKey, Found: "cases.levels.bands"})
		}
		for i, b := range l.Bands {
			p := "cases.levels.bands." + strconv.Itoa(i)
			if b.ID == "" || b.Name == "" {
				probs.Add(problem.Problem{Pos: at(p), Code: problem.ConfigMissingKey, Found: p + ".id, name"})
			}
			last := i == len(l.Bands)-1
			switch {
			case b.Min == nil && !last:
				probs.Add(problem.Problem{Pos: at(p), Code: problem.ConfigMissingKey, Found: p + ".min"})
			case b.Min != nil && last:
				probs.Add(problem.Problem{Pos: at(p + ".min"), Code: problem.ConfigBadValue, Found: p + ".min: " + b.Min.String(), Expected: problem.T(problem.TNoMinLastLevel)})
			case b.Min != nil && i > 0 && l.Bands[i-1].Min != nil && *b.Min >= *l.Bands[i-1].Min:
				probs.Add(problem.Problem{Pos: at(p + ".min"), Code: problem.ConfigBadValue, Found: p + ".min: " + b.Min.String(), Expected: problem.T(problem.TLevelsDescending, l.Bands[i-1].Min.String())})
			}
		}
	}
}
