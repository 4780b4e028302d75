package ingest

import (
	"encoding/gob"
	"errors"

	"dutyreport/generator/config"
	"dutyreport/generator/record"
)

// kinds are the input kinds that each year has a file of, one entry per
// kind, indexed by record.Kind: a year's files are read and numbered in this
// order. The units register serves every year and is read before them
// (see ReadWith).
//
// A new kind is one entry here plus its reader (its columns and a read
// function, as in ledger.go); it needs a record.Kind and the record.Year
// field its records go in, and its path in config.Inputs.
var kinds = [record.NumKinds]kind{
	record.KindLedger: {
		name:    config.KindLedger,
		input:   func(in *config.Inputs) string { return in.Ledger },
		need:    requiredFor(config.KindLedger),
		columns: fixed(ledgerColumns),
		records: slot[*record.Ledger]{
			read:    readLedger,
			get:     func(y *record.Year) *record.Ledger { return &y.Ledger },
			set:     func(y *record.Year, v *record.Ledger) { y.Ledger = *v },
			origins: func(v *record.Ledger, f uint16) { v.File = f },
			valid:   (*record.Ledger).Valid,
		},
	},
	record.KindEvaluation: {
		name:    config.KindEvaluation,
		input:   func(in *config.Inputs) string { return in.Evaluation },
		need:    requiredFor(config.KindEvaluation),
		columns: fixed(evaluationColumns),
		records: slot[[]record.Evaluation]{
			read: func(t *table, _ *config.Scheme, reg *register, year int) []record.Evaluation {
				return readEvaluation(t, reg, year)
			},
			get: func(y *record.Year) []record.Evaluation { return y.Evaluations },
			set: func(y *record.Year, v []record.Evaluation) { y.Evaluations = v },
			origins: func(v []record.Evaluation, f uint16) {
				for i := range v {
					v[i].Origin.File = f
				}
			},
		},
	},
	record.KindScores: {
		name:  "scores",
		input: func(in *config.Inputs) string { return in.Scores },
		// The score sheet is optional unless the scheme takes components
		// from it; a year without it is scored from the ledger.
		need: func(s *config.Scheme) need {
			if uses(s, config.KindSheet) {
				return required
			}
			return optional
		},
		columns: scoreColumns,
		records: slot[scoreSheet]{
			read: func(t *table, s *config.Scheme, reg *register, year int) scoreSheet {
				return scoreSheet{Rows: readScores(t, s, reg, year), Has: true}
			},
			get: func(y *record.Year) scoreSheet { return scoreSheet{y.Scores, y.HasScores} },
			set: func(y *record.Year, v scoreSheet) { y.Scores, y.HasScores = v.Rows, v.Has },
			origins: func(v scoreSheet, f uint16) {
				for i := range v.Rows {
					v.Rows[i].Origin.File = f
					for k, o := range v.Rows[i].Cells {
						o.File = f
						v.Rows[i].Cells[k] = o
					}
				}
			},
		},
	},
	record.KindCases: {
		name:  "cases",
		input: func(in *config.Inputs) string { return in.Cases },
		// A year without cases has no case register.
		need:    func(*config.Scheme) need { return optional },
		columns: caseColumnsFor,
		records: slot[[]record.Case]{
			read: readCases,
			get:  func(y *record.Year) []record.Case { return y.Cases },
			set:  func(y *record.Year, v []record.Case) { y.Cases = v },
			origins: func(v []record.Case, f uint16) {
				for i := range v {
					v[i].Origin.File = f
					for j := range v[i].Subjects {
						v[i].Subjects[j].Origin.File = f
					}
				}
			},
		},
	},
	record.KindRoster: {
		name:  "roster",
		input: func(in *config.Inputs) string { return in.Roster },
		// Nor is a roster required; it is read only when the scheme
		// assesses persons, for whom alone it is kept.
		need: func(s *config.Scheme) need {
			if len(s.Persons.Roles) > 0 {
				return optional
			}
			return skip
		},
		columns: fixed(rosterColumns),
		records: slot[roster]{
			read: func(t *table, s *config.Scheme, reg *register, year int) roster {
				posts, leftOut := readRoster(t, s, reg, year)
				return roster{posts, leftOut}
			},
			get: func(y *record.Year) roster { return roster{y.Roster, y.RosterLeftOut} },
			set: func(y *record.Year, v roster) { y.Roster, y.RosterLeftOut = v.Posts, v.LeftOut },
			origins: func(v roster, f uint16) {
				for i := range v.Posts {
					v.Posts[i].Origin.File = f
				}
			},
		},
	},
}

// kind is how one input kind is read and kept.
type kind struct {
	// name is the kind's name in cache keys.
	name string
	// input gives the kind's path in site.yaml's inputs ({year} and
	// #sheets unexpanded).
	input func(*config.Inputs) string
	// need says whether, under a scheme, a year reads the file.
	need func(*config.Scheme) need
	// columns gives the table's columns under a scheme.
	columns func(*config.Scheme) []column
	// records reads the table into the year's field for the kind and keeps
	// it in the cache.
	records records
}

// need is whether a year reads a kind's file.
type need uint8

const (
	skip     need = iota // not read, even if it is there
	optional             // read if it is there; a named sheet it lacks is no problem
	required             // read; its absence is a problem
)

// requiredFor gives the need of a file that the scheme's components of the
// given kind are taken from: required when there are such components.
func requiredFor(component string) func(*config.Scheme) need {
	return func(s *config.Scheme) need {
		if uses(s, component) {
			return required
		}
		return skip
	}
}

// uses reports whether the scheme has a component of the given kind.
func uses(s *config.Scheme, component string) bool {
	for _, c := range s.Components {
		if c.Kind == component {
			return true
		}
	}
	return false
}

// fixed gives columns that do not depend on the scheme.
func fixed(cols []column) func(*config.Scheme) []column {
	return func(*config.Scheme) []column { return cols }
}

// records is where a kind's records go in a record.Year, and the kind's
// cache codec. Each method touches the kind's own fields of the year only:
// the year's other kinds are read at the same time.
type records interface {
	// readInto reads the table's rows into y.
	readInto(t *table, s *config.Scheme, reg *register, y *record.Year)
	// encode writes y's records of the kind to a cache entry.
	encode(enc *gob.Encoder, y *record.Year) error
	// decode reads what encode wrote into y, its origins pointing at
	// file f; on an error it leaves y as it was.
	decode(dec *gob.Decoder, y *record.Year, f uint16) error
}

// slot is the records of a kind, of type T, and the field or fields of
// record.Year they go in.
type slot[T any] struct {
	read func(t *table, s *config.Scheme, reg *register, year int) T
	get  func(y *record.Year) T
	set  func(y *record.Year, v T)
	// origins points every Origin in v at file f: the file's index
	// depends on the build, and the cache keeps it from another.
	origins func(v T, f uint16)
	// valid, when set, checks records decoded from the cache: false is a
	// cache miss, and the file is read again.
	valid func(v T) bool
}

func (s slot[T]) readInto(t *table, sch *config.Scheme, reg *register, y *record.Year) {
	s.set(y, s.read(t, sch, reg, y.Year))
}

func (s slot[T]) encode(enc *gob.Encoder, y *record.Year) error {
	return enc.Encode(slotEntry[T]{s.get(y)})
}

func (s slot[T]) decode(dec *gob.Decoder, y *record.Year, f uint16) error {
	var e slotEntry[T]
	if err := dec.Decode(&e); err != nil {
		return err
	}
	if s.valid != nil && !s.valid(e.Records) {
		return errors.New("the cache holds records out of range")
	}
	s.origins(e.Records, f)
	s.set(y, e.Records)
	return nil
}

// slotEntry wraps a kind's records in the cache, so that gob keeps an empty
// value as it keeps an empty field: as nil.
type slotEntry[T any] struct{ Records T }

// scoreSheet is what the score sheet gives a year: its rows, and whether
// it was read at all (Has is false for a year whose workbook lacks the
// named sheet, or could not be opened).
type scoreSheet struct {
	Rows []record.ScoreRow
	Has  bool
}

// roster is what the roster gives a year.
type roster struct {
	Posts   []record.Post
	LeftOut []string
}
