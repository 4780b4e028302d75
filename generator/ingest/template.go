package ingest

import (
	"dutyreport/generator/config"
	"dutyreport/generator/problem"
	"dutyreport/generator/record"
	"dutyreport/generator/sitefs"
)

// What `dutyreport template` needs of the reader: the columns each kind's
// table is read by, which kinds a year reads, and the units register alone.
// The blank workbooks are written from these, so a template's header is
// always one the reader finds.

// Column is a column of an input kind's table, as a template heads it.
type Column struct {
	Name string
	// Required: the header must have it. Unit: it names the unit (the code
	// or the name); a header needs one of them.
	Required, Unit bool
}

// Columns gives the columns the table of kind k is read by under scheme s,
// in the reader's order: the unit's code and name first.
func Columns(k record.Kind, s *config.Scheme) []Column {
	var out []Column
	for _, c := range kinds[k].columns(s) {
		out = append(out, Column{Name: c.name, Required: c.required, Unit: c.unit})
	}
	return out
}

// Reads reports whether a year reads the file of kind k under scheme s, and
// whether it must have one.
func Reads(k record.Kind, s *config.Scheme) (read, must bool) {
	n := kinds[k].need(s)
	return n != skip, n == required
}

// ReadUnits reads the units register alone, as a build reads it first.
func ReadUnits(c *config.Config) (*record.Register, problem.List) {
	var probs problem.List
	files := sitefs.Open(c.Dir)
	defer files.Close()
	rel, sheets, rivals := registerFile(c, files)
	units, _ := readRegister(c, files, rel, sheets, rivals, &record.Source{Path: rel}, 1, &probs)
	probs.Sort()
	return record.NewRegister(units), probs
}

// A returned template: the checks of a workbook that says it was made by
// `dutyreport template` (record.TemplateMarker).

// template gives the year and kind the workbook says it is the template
// of; ok is false for any other workbook, and for the units register.
func (t *table) template() (year int, k record.Kind, ok bool) {
	if t.year == 0 {
		return 0, 0, false
	}
	return record.ParseTemplateMarker(t.wb.marker)
}

// instructions reports whether a sheet is a template's own instructions
// (填表说明), which the reader passes over without a warning.
func (t *table) instructions(sheet string) bool {
	_, _, ok := t.template()
	return ok && sheet == record.InstructionsSheet
}

// notTemplate adds to the header problem p of a template a note in the
// clerk's terms: this is not the template of the year's table, and the
// columns it lacks (a unit deleted or renamed them, or sent back another
// table); and the hint to fill in the template as it was sent.
func (t *table) notTemplate(p *problem.Problem, lacks []string) {
	if _, _, ok := t.template(); !ok {
		return
	}
	kind := kindText(t.kind)
	var note problem.Text
	switch len(lacks) {
	case 0:
		note = problem.T(problem.TNotTemplateHeader, t.year, kind)
	case 1:
		note = problem.T(problem.TNotTemplateColumn, t.year, kind, lacks[0])
	default:
		note = problem.T(problem.TNotTemplateColumns, t.year, kind, problem.Joined(lacks))
	}
	p.Notes = append([]problem.Note{{Text: note}}, p.Notes...)
	p.Hint = problem.T(problem.TFillTemplateAsSent)
}

// otherTemplate warns of a template read as another year's input, or as
// another kind's, whose header the reader found all the same: last year's
// ledger template filled in for this year holds last year's units and
// counts.
func (t *table) otherTemplate() {
	y, k, ok := t.template()
	if !ok || (y == t.year && k == t.kind) {
		return
	}
	t.probs.Add(problem.Problem{Pos: problem.Position{File: t.wb.path}, Severity: problem.Warning,
		Code: problem.IngestOtherTemplate, Found: t.wb.marker, Expected: problem.T(problem.TTemplateOf, t.year, kindText(t.kind))})
}

// kindText names a kind in the language of messages.
func kindText(k record.Kind) problem.Text {
	return problem.T([record.NumKinds]problem.TextID{
		record.KindLedger:     problem.TKindLedger,
		record.KindEvaluation: problem.TKindEvaluation,
		record.KindScores:     problem.TKindScores,
		record.KindCases:      problem.TKindCases,
		record.KindRoster:     problem.TKindRoster,
	}[k])
}
