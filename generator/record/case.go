package record

// Case is one accountability case (责任追究): a decision about a unit's
// leadership body, leaders or discipline body. It is read from a year's case
// register (one row per person held accountable) or from a Markdown notice
// in content/notices, or both: a notice with a register's case number adds
// its title and text to that case.
type Case struct {
	Number string // 案件编号, unique within the site
	Year   int    // the assessment year it belongs to
	Date   Date   // 决定日期
	Unit   string // unit code
	// Responsibility is 主体责任 or 监督责任; Clause the situation clause
	// (情形) the case falls under, as written: 第七条第（三）项.
	Responsibility, Clause string
	Severity               string // 情节较轻 / 情节较重 / 情节严重, "" when not given
	Factors                string // aggravating and mitigating factors (从重/从轻情节), free text
	Facts                  string // summary of the facts, free text
	Appeal                 string // 申诉情况, free text
	Amount                 Points // the amount the scheme's levels classify by
	HasAmount              bool
	Subjects               []Subject
	// Whistleblowers and Witnesses are never shown, in any audience: only
	// their count is. They are kept to mask them in every text and to let
	// the leak audit look for them.
	Whistleblowers, Witnesses []string
	// Title and Body come from a Markdown notice: Body is its Markdown source.
	Title, Body string
	// File is the notice's path for a case from Markdown; Origin the first
	// register row for one from the register.
	File   string
	Origin Origin
}

// Subject is one party held accountable in a case: the leadership body itself
// (Kind 领导班子, no Name) or a person.
type Subject struct {
	Kind     string // 领导班子 / 领导干部 / 纪委
	Name     string // "" for a body
	Position string // 职务, public
	Form     string // 集体责任 / 主要领导责任 / 重要领导责任 / 直接责任
	Handling []string
	// IDNumber and Phone are for the internal audience only.
	IDNumber, Phone string
	Origin          Origin // the register row
}
