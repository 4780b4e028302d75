package scoring

import (
	"dutyreport/generator/record"
)

// Result is one year's assessment: every unit active that year, ranked or not.
type Result struct {
	Year  int
	Units []Unit // sorted by unit code
	// Persons are the year's assessed persons, by unit code, then role,
	// then the day they took the post; nil without a roster.
	Persons []Person
	index   map[string]int
	cases   []record.Case // the year's cases, for rules over years
}

// Unit is one unit's result for the year.
type Unit struct {
	Code, Name string // Name as it was that year
	Category   string
	Group      string  // ranking group id; "" for units that are not ranked
	Scores     []Score // one per scheme component, in scheme order
	// Total is Subtotal less CasePoints, never below 0.
	Total    record.Points
	HasTotal bool
	// Subtotal is the sum of the total's components, before cases.
	Subtotal record.Points
	// CaseDeductions are the year's cases that cost the unit points, in the
	// order of the cases; CasePoints is what they took off the total, at
	// most the scheme's cap (CaseCapped when the cap applied).
	CaseDeductions []CaseDeduction
	CasePoints     record.Points
	CaseCapped     bool
	Band           string // band id
	Rank           int    // competition rank in the group (1, 2, 2, 4); 0 when not ranked
	GroupSize      int
	// PrevRank is the rank in the same group the year before; 0 when the unit
	// was not ranked then.
	PrevRank     int
	Consequences []string // consequence ids, in scheme order
	// Watch are the rules of several years running that one more year
	// like this one would apply (较差 this year, 组织处理 at the second).
	Watch []string
	// Deductions are the ledger tasks that cost the unit points, in ledger order.
	Deductions []Deduction
	// Folded lists the units whose scores were folded into this one's (a
	// town's village committees), by code.
	Folded []string
	// TotalOrigin is the score sheet's 总分 cell, when the sheet gave one.
	TotalOrigin record.Origin
}

// Score is one component's score.
type Score struct {
	Value record.Points
	Has   bool // false when the component does not apply to the unit
	// FromSheet is true when the score was taken from the score sheet
	// (考核得分汇总表) rather than computed.
	FromSheet bool
	Origin    record.Origin // the sheet cell or the evaluation cell; zero when computed
}

// Deduction is one ledger task that cost points.
type Deduction struct {
	Task     string
	Required int32
	Done     int32
	Points   record.Points
	Origin   record.Origin
	// Missing is true when the ledger had no row for the task: it counts
	// as not done (seed 000: "没有完成的按赋分标准扣分").
	Missing bool
}

// Unit returns the result of the unit with the code, or nil.
func (r *Result) Unit(code string) *Unit {
	if r == nil {
		return nil
	}
	if i, ok := r.index[code]; ok {
		return &r.Units[i]
	}
	return nil
}
