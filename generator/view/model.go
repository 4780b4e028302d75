package view

import (
	"html/template"

	"dutyreport/generator/diff"
	"dutyreport/generator/record"
	"dutyreport/generator/scoring"
)

// Footer is the operator and the filings of the site (site.yaml's
// footer), shown at the foot of every page.
type Footer struct {
	Operator, SiteCode, ICP, Police, Contact string
}

// Site is everything one audience's site shows.
type Site struct {
	Audience     string // "public" or "internal"
	Internal     bool
	Sample       bool   // sample data (site.yaml's sample: true): every page says so
	Lang         string // "zh-CN" or "en"
	Footer       Footer // the operator and filings, at the foot of every page
	BaseURL      string // the public site's address, ending in /; "" when not given
	Title        string
	County       string
	SchemeName   string
	SchemeSource string
	SchemeIssued string  // the scheme document's date of issue, "" when not given
	Years        []*Year // ascending
	Latest       *Year   // the landing page's year
	Bands        []Band
	Groups       []Group
	Columns      []Column // the scores shown in rankings
	Components   []Column // every component in display order, for the methodology
	HasLedger    bool     // the scheme scores a ledger: unit pages say what its tasks cost
	// PublicTasks: the public unit pages list each task that cost points,
	// with its responsibility (redaction.task_deductions); otherwise they
	// show the points lost per component. The internal pages list every task.
	PublicTasks bool
	// Consequences are the rules of units; PersonRules those of persons.
	Consequences []Consequence
	PersonRules  []Consequence
	// Persons says how persons are scored, Deductions what cases cost;
	// nil when the scheme does neither.
	Persons    *PersonMethod
	Deductions *DeductionMethod
	Tasks      []Task
	Contents   []*Content // Markdown pages, in menu order
	Units      []*UnitIndex
	// Restrictions are the restrictions of every case, for the internal
	// audience only (nil for the public); RestrictionsPath their page.
	Restrictions     []RestrictionLine
	RestrictionsPath string
	// Redactions are every masking of the public site, for the internal
	// audience only; RedactionsPath their page.
	Redactions     []Redaction
	RedactionsPath string
	// Revisions are the site-wide revisions (changes of presentation).
	Revisions []RevisionLine
	// Charts are the landing page's, across the audience's years.
	Charts []*Chart
	// Search is the index of the site's search: its units and notices.
	Search *SearchIndex
}

// Notice is one accountability case as published: for the public audience
// every person's name is masked and internal-only fields are empty. It is
// also a row of the notices export, hence the JSON names.
type Notice struct {
	Path           string        `json:"-"`
	Number         string        `json:"number"`
	Title          string        `json:"title"`
	Year           int           `json:"year"`
	Date           string        `json:"date"`
	Unit           UnitRef       `json:"-"`
	UnitCode       string        `json:"unit_code"`
	UnitName       string        `json:"unit"`
	Responsibility string        `json:"responsibility"`
	Clause         string        `json:"clause"`
	Severity       string        `json:"severity"`
	Factors        string        `json:"factors"`
	Level          string        `json:"level,omitempty"` // by the scheme's amount thresholds
	Amount         string        `json:"amount,omitempty"`
	FactsText      string        `json:"facts"` // the facts as the page shows them, as plain text, masked
	Facts          template.HTML `json:"-"`
	Appeal         string        `json:"appeal"`
	Subjects       []SubjectLine `json:"subjects"`
	// Whistleblowers and Witnesses are counts: their names are shown to no one.
	Whistleblowers int    `json:"whistleblowers"`
	Witnesses      int    `json:"witnesses"`
	Source         string `json:"source,omitempty"` // where the case was read: internal only
	// Doc lays the notice out as an official circular, masked as its text.
	Doc NoticeDoc `json:"-"`
}

// NoticeDoc is a notice's parts as an official circular (GB/T 9704): the
// issuing office's mark above its document number (the case number), the
// recipients before the text, the office's signature and the date after
// it, and the copies and printing office in the record at its foot.
type NoticeDoc struct {
	Mark, Issuer, To, CC, Printer string
	Issued                        string // 2022-04-12
}

// SubjectLine is one party held accountable.
type SubjectLine struct {
	Kind     string `json:"kind"`
	Name     string `json:"name"`
	Position string `json:"position"`
	Form     string `json:"form"`
	Handling string `json:"handling"`            // 诫勉谈话、免职
	IDNumber string `json:"id_number,omitempty"` // internal only
	Phone    string `json:"phone,omitempty"`     // internal only
}

// NoticeRef links to a notice.
type NoticeRef struct {
	Path, Number, Title, Date string
}

// Ref links to the notice.
func (n *Notice) Ref() NoticeRef {
	return NoticeRef{Path: n.Path, Number: n.Number, Title: n.Title, Date: n.Date}
}

// RestrictionLine is one restriction on a person, for the internal dashboard.
type RestrictionLine struct {
	Name, Position string
	Unit           UnitRef
	Restriction    string
	From, Until    string
	Case           NoticeRef
}

// Band is a grade band.
type Band struct {
	ID, Name string
	Min      string // "90.00"; "" for the last band
	Class    string // CSS class: band-1 (best) … band-n
	Upper    string // the band's upper bound, "" for the first
}

// Group is a ranking group.
type Group struct {
	ID, Name   string
	Categories []string // category names
}

// Column is a component as shown in a table.
type Column struct {
	ID, Name string
	Level    int    // 0 for top-level components, 1 for parts of another
	Full     string // full points, "" when not fixed
	// How it is computed, for the methodology: Kind is ledger, evaluation,
	// sheet, mean or sum; Of names the parts; Responsibility the ledger's;
	// Fold the category folded in ("" for none); InTotal marks total parts.
	Kind, Responsibility, Fold string
	Of                         []string
	InTotal                    bool
}

// Consequence is a consequence rule, with its conditions for the methodology.
type Consequence struct {
	ID, Name      string
	Action        string   // an action id of the scheme vocabulary
	To            []string // who bears it: "unit" or role ids
	Case          bool     // the rule asks for a case in the year
	CaseHandlings []string // handling names; none: any
	CaseSubjects  []string
	Band          string // band name, or ""
	Bottom        int
	LastIn        string // component name, or ""
	Scope         string // county or group
	YearsRunning  int
	Note          string
}

// Task is a ledger task with its scoring standard.
type Task struct {
	Code, Name, Responsibility, Role string
	Points, Rule, Per                string
}

// Content is a Markdown page.
type Content struct {
	Path  string
	Name  string
	Title string
	Body  template.HTML
	Menu  bool
}

// Year is one assessment year: an edition of the report.
type Year struct {
	Year       int
	Draft      bool
	Published  string // 2024-03-20; "" for drafts
	Summary    template.HTML
	Rankings   []*Ranking
	BandCounts []BandCount
	Units      []*UnitPage // every unit active that year, by code
	Prev       *Year       // the year before, when the audience has it
	Next       *Year
	CSV, JSON  string // paths of the exports
	// RankingCSV and BandsCSV are the paths of the rankings and band
	// counts; Manifest the edition's manifest (see generator/edition).
	RankingCSV, BandsCSV, Manifest string
	// PersonsCSV is the path of the counts of persons per role and band;
	// "" for a year without a roster.
	PersonsCSV string
	Export     *Export
	Path       string // the year's overview page
	ReportPath string // its printable report
	// Notices are the year's accountability cases; NoticesPath their index.
	Notices                 []*Notice
	NoticesPath             string
	NoticesCSV, NoticesJSON string
	NoticesExport           *NoticesExport
	Ineligible              []UnitRef // units that lost the year's commendation eligibility
	Charts                  []*Chart  // the year page's
	// Revision is a published edition's revision (1 until corrected);
	// Revisions its history once corrected, oldest first; Erratum the
	// latest correction, for the notice on every page of the edition.
	Revision  int
	Revisions []RevisionLine
	Erratum   *RevisionLine
	// Changes is what changed since the year before, when the audience has
	// it; ChangesPath its page.
	Changes     *diff.Diff
	ChangesPath string
	// Watch is the year's watch list: internal audience only, nil otherwise.
	Watch *Watch
	// Persons are the year's assessed persons (internal only), PersonsPath
	// their page; PersonCounts count them per role and band (both
	// audiences); Commended are the names the policy lets the public read.
	Persons      []*PersonRow
	PersonsPath  string
	PersonCounts []*RoleCount
	Commended    []Commended
	// figures are the year's numbers its band counts and charts show,
	// computed by scoring.
	figures scoring.Figures
}

// Consequential lists the rows of the year's rankings that a rule applies
// to or that lost the year's commendation, ranking by ranking, for the
// printable report's consequences.
func (y *Year) Consequential() []*Row {
	var out []*Row
	for _, r := range y.Rankings {
		for _, row := range r.Rows {
			if len(row.Consequences) > 0 || row.Ineligible {
				out = append(out, row)
			}
		}
	}
	return out
}

// NoticesExport is a year's notices as data, public fields only in the
// public audience.
type NoticesExport struct {
	Year    int       `json:"year"`
	Notices []*Notice `json:"notices"`
}

// Export is a year's results as data: the rows of results.csv and results.json.
type Export struct {
	Year    int      `json:"year"`
	Scheme  string   `json:"scheme"`
	Status  string   `json:"status"`
	Columns []Column `json:"-"`
	// CaseDeductions: the scheme's cases cost points, so the results have
	// a column of what they took off each total.
	CaseDeductions bool        `json:"-"`
	Units          []ExportRow `json:"units"`
}

// ExportRow is one unit's result in the exports.
type ExportRow struct {
	Code      string        `json:"code"`
	Name      string        `json:"name"`
	Category  string        `json:"category"`
	Group     string        `json:"group"`
	Rank      int           `json:"rank"`
	GroupSize int           `json:"group_size"`
	Scores    []ExportScore `json:"scores"`
	// CasePoints is what cases took off the total, when the scheme deducts for cases.
	CasePoints   string   `json:"case_deduction,omitempty"`
	Total        string   `json:"total"`
	Band         string   `json:"band"`
	Consequences []string `json:"consequences"`
	// Notices counts the unit's cases that year; Ineligible says it lost
	// the year's commendation eligibility by them.
	Notices    int  `json:"notices"`
	Ineligible bool `json:"commendation_ineligible"`
}

// ExportScore is one component in the exports; scores are strings, "90.00",
// so that no reader parses them as binary floats.
type ExportScore struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Value string `json:"value"`
}

// BandCount is how many ranked units are in a band.
type BandCount struct {
	Band  Band
	Count int
}

// Ranking is one group's ranking in a year.
type Ranking struct {
	Path  string
	Group Group
	Rows  []*Row
	Chart *Chart // the totals in rank order
}

// Row is one line of a ranking.
type Row struct {
	Rank         int
	Unit         UnitRef
	Total        string
	Scores       []string // as Site.Columns
	Band         Band
	Consequences []Consequence
	// Move is the change of rank since the year before: positive when the
	// unit rose. MoveKnown is false for units not ranked the year before.
	Move      int
	MoveKnown bool
	PrevRank  int
	// PrevYear is false in the first year of the data, where no unit can
	// have a rank change (nor be new).
	PrevYear bool
	// Notices are the unit's cases that year. Ineligible marks a unit of
	// the best band that a case costs that year's commendation.
	Notices    []NoticeRef
	Ineligible bool
	points     record.Points // Total, for the charts' figures (computed by scoring)
}

// UnitRef names a unit and links to its page of a year.
type UnitRef struct {
	Code, Name string
	Path       string // "" when the unit has no page
}

// UnitPage is one unit's page for one year.
type UnitPage struct {
	Path         string
	Unit         UnitRef
	Category     string
	Group        Group
	Ranked       bool
	Scores       []ScoreLine
	Total        string
	Band         Band
	Rank         int
	GroupSize    int
	Consequences []Consequence
	// Lost are the tasks that cost points: for the internal audience, and
	// for the public when the site publishes them (Site.PublicTasks).
	// Otherwise LostComponents say what the tasks cost each ledger
	// component: from each task and the role that bears it (on the
	// methodology page) a reader could work out a leader's own score.
	Lost           []LostTask
	LostComponents []LostComponent
	LostTotal      string
	Ledger         []LedgerLine // every ledger row: internal audience only
	History        []HistoryRow
	Folded         []FoldedUnit // units whose scores were folded into this one
	FoldedInto     *UnitRef     // the town a committee's score went into
	// MergedInto is the unit this one was merged into after its last year,
	// for the changes and the unit directory; the page does not show it.
	MergedInto  *UnitRef
	FormerNames []string
	Ranking     string // path of the group's ranking
	Remark      string // the register's 备注
	Notices     []NoticeRef
	// Ineligible: a rule (a case that year) cost the unit its commendation eligibility.
	Ineligible bool
	// Subtotal is the sum of the components when cases cost points;
	// Cases are those cases, CasePoints what they took off (at most the
	// cap: CaseCapped).
	Subtotal   string
	Cases      []CaseLine
	CasePoints string
	CaseCapped bool
	// Persons are the unit's assessed persons: internal audience only.
	Persons []*PersonRow
	// charts is what the unit's charts are made from when its page is
	// rendered (see ScoreChart): a province has tens of thousands of unit
	// pages, and their charts held all at once would double a build's
	// memory. Nil for a unit not ranked.
	charts *unitCharts
}

// ScoreLine is one component of a unit's score.
type ScoreLine struct {
	Name      string
	Value     string
	Level     int
	FromSheet bool
	Cell      string // the sheet or evaluation cell: internal audience only
	comp      int    // the component's index in the scheme, for the charts
}

// LostTask is a task that cost points, at task level.
type LostTask struct {
	Code, Name     string
	Responsibility string
	Required, Done int32
	Points         string
	Cell           string // internal only
	Missing        bool   // the ledger had no row: counted as not done
}

// LostComponent is what a unit's ledger tasks cost one component.
//
// The number of tasks is left out on purpose: where a component's roles
// have tasks of different points, a count beside the sum can tell whose
// tasks they were (one task costing 3 points, when only the principal's
// can), which is the split by role this view withholds.
type LostComponent struct {
	Name, Points string
}

// LedgerLine is one row of the ledger, for the internal drill-down.
type LedgerLine struct {
	Code, Name, Responsibility, Role string
	Required, Done                   int32
	Date, Evidence                   string
	Points                           string // deducted, "" when none
	Cell                             string
}

// HistoryRow is one year of a unit's history.
type HistoryRow struct {
	Year      int
	Unit      UnitRef // the unit under its name that year (a predecessor for merged units)
	Total     string
	Band      Band
	Rank      int
	GroupSize int
	// Predecessor is true for a row of a unit later merged into this one.
	Predecessor bool
	Current     bool          // the year of the page
	points      record.Points // Total, for the charts' figures (computed by scoring)
}

// FoldedUnit is a village committee folded into its town's score.
type FoldedUnit struct {
	Unit  UnitRef
	Score string
}

// UnitIndex is one unit of the unit directory, with the years it has pages.
type UnitIndex struct {
	Code, Name, Category string
	Years                []UnitRef // Name is the year, Path its page
	MergedInto           *UnitRef  // the unit it was merged into, after its last year
}
