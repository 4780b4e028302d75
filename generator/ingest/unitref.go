package ingest

import (
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"dutyreport/generator/config"
	"dutyreport/generator/problem"
	"dutyreport/generator/record"
)

// register is the units register with its units found by name as well as
// by code: a sheet may give a unit by its name, current or former.
type register struct {
	*record.Register
	byName map[string][]*record.Unit // by folded name, in register order
	// near keeps the names suggested for an unknown one (nearest), by year
	// and folded name; files are read in parallel, hence mu.
	mu   sync.Mutex
	near map[string][]string
}

func newRegister(reg *record.Register) *register {
	r := &register{Register: reg, byName: map[string][]*record.Unit{}, near: map[string][]string{}}
	for i := range reg.Units {
		u := &reg.Units[i]
		add := func(name string) {
			k := config.FoldName(name)
			if k != "" && !slices.Contains(r.byName[k], u) {
				r.byName[k] = append(r.byName[k], u)
			}
		}
		add(u.Name)
		for _, f := range u.Former {
			add(f.Name)
		}
	}
	return r
}

// unitOf resolves the unit a data row is about, by its code or, without one,
// by its name, and checks that the unit existed in the year and that the
// row's name, if given, is the register's name for that year (or one of its
// names). ok is false when the row must be skipped; a name difference is
// only a warning.
func unitOf(r row, codeCol, nameCol, year int, reg *register) (*record.Unit, bool) {
	code := r.text(codeCol)
	name := r.text(nameCol)
	if code == "" && name == "" {
		w := codeCol
		if !r.has(codeCol) {
			w = nameCol
		}
		r.problem(w, problem.IngestEmptyCell, problem.T(problem.TCodeOrName))
		return nil, false
	}
	if code == "" {
		return unitNamed(r, nameCol, name, year, reg)
	}
	u := reg.Unit(code)
	if u == nil && record.Rejects(reg.Rejected, code) {
		r.t.rejected[code] = true // its register row has been reported
		return nil, false
	}
	if u == nil && hasHan(code) && name == "" {
		// A name in the code column: read as the name it is, and said so
		// in the clerk's terms when the register lacks it.
		return unitNamed(r, codeCol, code, year, reg)
	}
	if u == nil && hasHan(code) {
		unknownName(r, codeCol, config.FoldName(code), year, reg)
		return nil, false
	}
	if u == nil {
		r.problem(codeCol, problem.IngestUnknownUnit, problem.T(problem.TUnitCode))
		return nil, false
	}
	if !active(r, codeCol, u, year) {
		return nil, false
	}
	if name != "" && name != u.NameIn(year) && name != u.Name {
		r.warn(nameCol, problem.IngestNameMismatch, problem.Verbatim(u.NameIn(year)))
	}
	return u, true
}

// unitNamed finds a unit by name: the unit of that name in the year, or
// else the one unit active in the year that had or will have that name. Two
// candidates are an error, since a guess could put one unit's score on
// another's page.
func unitNamed(r row, nameCol int, name string, year int, reg *register) (*record.Unit, bool) {
	key := config.FoldName(name)
	all := reg.byName[key]
	var now, live []*record.Unit
	for _, u := range all {
		if !u.ActiveIn(year) {
			continue
		}
		live = append(live, u)
		if config.FoldName(u.NameIn(year)) == key {
			now = append(now, u)
		}
	}
	pick := now
	if len(pick) == 0 {
		pick = live
	}
	switch {
	case len(pick) == 1:
		if u := pick[0]; len(now) == 0 {
			r.warn(nameCol, problem.IngestNameMismatch, problem.T(problem.TNameAndCode, u.NameIn(year), u.Code))
		}
		return pick[0], true
	case len(pick) > 1:
		var codes []string
		for _, u := range pick {
			codes = append(codes, u.Code+" "+u.NameIn(year))
		}
		list := strings.Join(codes, ", ")
		r.problem(nameCol, problem.IngestAmbiguousUnit, problem.T(problem.TGiveUnitCode, list))
		return nil, false
	case len(all) > 0:
		return nil, active(r, nameCol, all[0], year)
	}
	unknownName(r, nameCol, key, year, reg)
	return nil, false
}

// unknownName reports a unit name (folded: key) the register lacks, at
// column w, suggesting the register's nearest names.
func unknownName(r row, w int, key string, year int, reg *register) {
	p := problem.Problem{Pos: r.pos(w), Code: problem.IngestUnknownUnitName, Found: text(r.raw(w)), Expected: problem.T(problem.TUnitNameOrCode)}
	if near := reg.nearest(key, year); len(near) > 0 {
		p.Hint = problem.T(problem.TUnitDidYouMean, problem.Joined(near))
	}
	r.t.probs.Add(p)
}

// nearest gives the names of the units active in year nearest the folded
// name key, as “城关镇”（T01）: one character off (two for a name of more
// than four), and no more than a third of it, the nearest first, at most
// three. Each name is worked out
// once per build: a mistyped name is usually mistyped on many rows.
func (r *register) nearest(key string, year int) []string {
	k := strconv.Itoa(year) + "\x00" + key
	r.mu.Lock()
	defer r.mu.Unlock()
	if near, ok := r.near[k]; ok {
		return near
	}
	want := []rune(key)
	type cand struct {
		d    int
		name string
	}
	var cands []cand
	for i := range r.Units {
		u := &r.Units[i]
		if !u.ActiveIn(year) {
			continue
		}
		// At most a third of the name changed: 四镇 is no typo of 一镇.
		if d, ok := typoDistance([]rune(config.FoldName(u.NameIn(year))), want); ok && d > 0 && 3*d <= len(want) {
			cands = append(cands, cand{d, "“" + u.NameIn(year) + "”（" + u.Code + "）"})
		}
	}
	slices.SortStableFunc(cands, func(a, b cand) int { return a.d - b.d })
	var near []string
	for _, c := range cands[:min(len(cands), 3)] {
		near = append(near, c.name)
	}
	r.near[k] = near
	return near
}

// active reports whether u existed in year, and a problem at column w if not.
func active(r row, w int, u *record.Unit, year int) bool {
	if u.ActiveIn(year) {
		return true
	}
	span := strconv.Itoa(u.From) + "–"
	if u.To != 0 {
		span += strconv.Itoa(u.To)
	}
	r.problem(w, problem.IngestInactiveUnit, problem.T(problem.TActiveIn, year, u.Code, span))
	return false
}

// hasHan reports whether s holds a Chinese character: a unit's name, not
// its code.
func hasHan(s string) bool {
	for _, c := range s {
		if unicode.Is(unicode.Han, c) {
			return true
		}
	}
	return false
}
