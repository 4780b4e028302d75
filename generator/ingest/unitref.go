package ingest

import (
	"strconv"

	"dutyreport/generator/problem"
	"dutyreport/generator/record"
)

// unitOf resolves the unit a data row is about, by its code, and checks that
// the unit existed in the year and that the row's name, if given, is the
// register's name for that year (or one of its names). ok is false when the
// row must be skipped; a name difference is only a warning.
func unitOf(r row, codeCol, nameCol, year int, reg *record.Register) (*record.Unit, bool) {
	code := text(r.raw(codeCol))
	if code == "" {
		r.problem(codeCol, problem.IngestEmptyCell, "单位编码", "单位编码")
		return nil, false
	}
	u := reg.Unit(code)
	if u == nil && record.Rejects(reg.Rejected, code) {
		r.t.rejected[code] = true // its register row has been reported
		return nil, false
	}
	if u == nil {
		r.problem(codeCol, problem.IngestUnknownUnit, "a 单位编码 of the units register", "单位名录中的单位编码")
		return nil, false
	}
	if !u.ActiveIn(year) {
		span := strconv.Itoa(u.From) + "–"
		if u.To != 0 {
			span += strconv.Itoa(u.To)
		}
		r.problem(codeCol, problem.IngestInactiveUnit, "a unit active in "+strconv.Itoa(year)+"; "+code+" is active "+span,
			strconv.Itoa(year)+" 年度存在的单位；"+code+" 的存续年度为 "+span)
		return nil, false
	}
	if name := text(r.raw(nameCol)); name != "" && name != u.NameIn(year) && name != u.Name {
		r.warn(nameCol, problem.IngestNameMismatch, u.NameIn(year), u.NameIn(year))
	}
	return u, true
}
