package record

import (
	"fmt"
	"time"
)

// LedgerEntry is one row of the task ledger (纪实台账): how often a unit was
// required to do a task and how often it did.
type LedgerEntry struct {
	Unit     string // unit code
	Task     string // task code of the scheme
	Role     string // 主要负责人, 分管领导, 班子成员, 纪委 …, as written
	Required int32
	Done     int32
	Date     Date   // the last completion date; zero when not given
	Evidence string // reference to the evidence (佐证材料)
	Origin   Origin // the row; Origin.Col is the 实际完成 cell
}

// Date is a calendar date as yyyymmdd (20240301); 0 means none.
type Date int32

// String formats 2024-03-01, or "" for no date.
func (d Date) String() string {
	if d == 0 {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", int(d)/10000, int(d)/100%100, int(d)%100)
}

// Year gives the date's year.
func (d Date) Year() int { return int(d) / 10000 }

// Evaluation is a unit's democratic evaluation (民主测评) result.
type Evaluation struct {
	Unit    string
	Ballots int32
	Average Points // 0 to 100
	Origin  Origin // the 平均分 cell
}

// ScoreRow is a unit's row of the component-score sheet (考核得分汇总表):
// component id → the score given by hand, each with its cell.
type ScoreRow struct {
	Unit   string
	Scores map[string]Points
	Cells  map[string]Origin
	Origin Origin
}

// TotalScore is the key of the score sheet's 总分 in ScoreRow.Scores.
const TotalScore = "total"

// Year is everything read for one assessment year.
type Year struct {
	Year        int
	Ledger      Ledger
	Evaluations []Evaluation
	Scores      []ScoreRow // nil when the year has no score sheet
	HasScores   bool
	// Cases are the year's accountability cases from its case register, in
	// register order; notices in content/notices are added by the notices stage.
	Cases []Case
	// Roster is the year's roster (人员名单), in file order; nil when the
	// year has none: then no person is assessed.
	Roster []Post
	// RosterLeftOut are the names of the roster's rows left out with a
	// warning (a role the scheme does not assess, no day in the year): no
	// one scores them, but they are persons all the same, masked in public.
	RosterLeftOut []string
	// Inputs are the year's input files, by kind: Inputs[KindLedger] is
	// its ledger's.
	Inputs [NumKinds]Input
}

// Kind is a kind of input file that each year has one of; it indexes
// Year.Inputs. How each kind is read, and which field of Year its records
// go in, is one entry in ingest's table of kinds (generator/ingest/kinds.go).
type Kind uint8

// The input kinds, in the order a year's files are read and numbered.
const (
	KindLedger     Kind = iota // the task ledger (纪实台账): Year.Ledger
	KindEvaluation             // the democratic evaluation (民主测评): Year.Evaluations
	KindScores                 // the component-score sheet (考核得分汇总表): Year.Scores
	KindCases                  // the case register (责任追究台账): Year.Cases
	KindRoster                 // the roster (人员名单): Year.Roster
	NumKinds                   // the number of kinds, not a kind
)

// Input is what a year keeps of one of its input files besides the records.
type Input struct {
	// File is the file's index into Files; 0 when the year did not read it.
	File uint16
	// Rejected holds the units with a row of the file that was rejected
	// for a problem already reported, so that scoring does not report the
	// consequence ("no evaluation for T01") as a second problem.
	// A set holding All means the whole file could not be read.
	Rejected map[string]bool
}

// All, as a key of a rejected set, stands for every unit: the file itself
// could not be read, and that one problem has been reported.
const All = "*"

// Rejects reports whether a rejected set covers unit code.
func Rejects(set map[string]bool, code string) bool { return set[All] || set[code] }

// Data is everything read from a site's spreadsheets.
type Data struct {
	Files    Files // what Origin indexes
	Register *Register
	Years    []Year // in the order of the configuration's years
}

// Year returns the records of year y, or nil.
func (d *Data) Year(y int) *Year {
	for i := range d.Years {
		if d.Years[i].Year == y {
			return &d.Years[i]
		}
	}
	return nil
}

// ParseISODate reads 2024-03-01 and checks that the day exists.
func ParseISODate(s string) (Date, bool) {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return 0, false
	}
	return MakeDate(t.Year(), int(t.Month()), t.Day()), true
}

// DaysIn gives the number of days of month m of year y.
func DaysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// MakeDate builds a Date from its parts; it does not check them.
func MakeDate(y, m, d int) Date { return Date(y*10000 + m*100 + d) }
