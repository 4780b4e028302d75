package ingest

import (
	"slices"

	"dutyreport/generator/config"
	"dutyreport/generator/problem"
	"dutyreport/generator/record"
)

// Columns of the roster (人员名单): one row per post, that is per person and
// role in a unit. A role that changed hands during the year is two rows,
// each with its dates.
var rosterColumns = []column{
	rCode:     {name: "单位编码", aliases: []string{"编码", "单位代码"}, unit: true},
	rUnit:     {name: "单位名称", aliases: []string{"单位", "名称", "所在单位", "工作单位"}, unit: true},
	rRole:     {name: "角色", aliases: []string{"岗位类别", "责任人类别", "人员类别", "责任主体", "考核角色"}, required: true},
	rName:     {name: "姓名", aliases: []string{"人员姓名", "责任人", "责任人姓名"}, required: true},
	rPosition: {name: "职务", aliases: []string{"现任职务", "职务名称", "担任职务"}},
	rFrom:     {name: "任职起始日期", aliases: []string{"任职开始日期", "任职开始", "任职起始", "起始日期", "任职时间", "任职日期", "到任日期", "到任时间"}},
	rTo:       {name: "任职终止日期", aliases: []string{"任职结束日期", "任职终止", "离任日期", "离任时间", "终止日期", "卸任日期"}},
}

const (
	rCode = iota
	rUnit
	rRole
	rName
	rPosition
	rFrom
	rTo
)

// stillInPost are what clerks write for an end date not yet come: the post
// is held to the end of the year.
var stillInPost = []string{"至今", "今", "现在", "在任", "现任"}

// soleHolder reports whether a role has one holder at a time in a unit:
// every role but the other members of the leadership.
func soleHolder(role string) bool { return role != "member" }

// readRoster reads one year's roster. A row is left out, with its problem,
// when its unit, role, name or dates cannot be read; a row of a role the
// scheme does not assess, or of a post with no day in the year, is left out
// with a warning. The same person twice in one post on the same days is a
// duplicate row; two people in a post that has one holder, on the same
// days, is a warning at the later row, and both rows are kept.
func readRoster(t *table, s *config.Scheme, reg *register, year int) (out []record.Post, leftOut []string) {
	byPost := map[[2]string][]int{} // unit and role → indexes in out
	last := record.MakeDate(year, 12, 31)
	t.read(func(r row) {
		if r.unitKey() == "" && r.text(rName) == "" && r.text(rRole) == "" {
			return // a note or signature line below the table
		}
		u, ok := unitOf(r, rCode, rUnit, year, reg)
		role, known := rosterRole(r)
		ok = ok && known
		p := record.Post{Role: role.ID, Name: config.PersonName(r.text(rName)), Position: r.text(rPosition), Origin: r.origin(rName)}
		if p.Name == "" {
			r.problem(rName, problem.IngestEmptyCell, problem.T(problem.TPersonInPost))
			ok = false
		}
		var good bool
		if p.From, good = rosterDate(r, rFrom, false); !good {
			ok = false
		}
		if p.To, good = rosterDate(r, rTo, true); !good {
			ok = false
		}
		if p.From != 0 && p.To != 0 && p.To < p.From {
			r.problem(rTo, problem.IngestBadPeriod, problem.T(problem.TEndNotBeforeStart, p.From.String()))
			ok = false
		}
		if !ok {
			t.reject(u)
			return
		}
		p.Unit = u.Code
		if !s.Persons.Assessed(role.ID) {
			leftOut = append(leftOut, p.Name)
			r.warn(rRole, problem.IngestBadChoice, problem.T(problem.TRoleAssessed, problem.Choices(assessedRoles(s))))
			return
		}
		if p.DaysIn(year) == 0 {
			leftOut = append(leftOut, p.Name)
			w := rTo
			if p.From > last {
				w = rFrom
			}
			r.warn(w, problem.IngestBadPeriod, problem.T(problem.TPostInYear, year))
			t.reject(u)
			return
		}
		post := [2]string{p.Unit, p.Role}
		other := -1
		for _, i := range byPost[post] {
			q := out[i]
			switch {
			case !overlap(p, q, year):
			case q.Name == p.Name:
				r.duplicate(rName, p.Unit+" "+role.Name+" "+p.Name, t.position(q.Origin))
				t.reject(u)
				return
			case other < 0 && soleHolder(p.Role):
				other = i
			}
		}
		if other >= 0 {
			q := out[other]
			t.probs.Add(problem.Problem{Pos: r.pos(rName), Severity: problem.Warning, Code: problem.IngestOverlappingPosts,
				Found:    p.Name + " " + period(p, year),
				Expected: problem.T(problem.TOneHolder, role.Name, q.Name, period(q, year)),
				Notes:    []problem.Note{{Pos: t.position(q.Origin), Text: problem.T(problem.TOtherHolder, q.Name)}}})
		}
		byPost[post] = append(byPost[post], len(out))
		out = append(out, p)
	})
	return out, leftOut
}

// rosterRole reads the role cell: a role of the vocabulary by its name, id
// or an alias.
func rosterRole(r row) (config.Role, bool) {
	raw := r.text(rRole)
	names := config.RoleNames()
	if raw == "" {
		r.problem(rRole, problem.IngestEmptyCell, problem.T(problem.TRoleList, problem.Choices(names)))
		return config.Role{}, false
	}
	role, ok := config.RoleByName(raw)
	if !ok {
		r.badChoice(rRole, names)
	}
	return role, ok
}

// assessedRoles names the roles the scheme assesses, for messages.
func assessedRoles(s *config.Scheme) []string {
	var names []string
	for _, role := range config.Roles {
		if s.Persons.Assessed(role.ID) {
			names = append(names, role.Name)
		}
	}
	return names
}

// rosterDate reads a date of the post; a blank cell is 0: held from before
// the year, or (end) still held. An end may also be written 至今.
func rosterDate(r row, w int, end bool) (record.Date, bool) {
	raw := r.text(w)
	if raw == "" || end && isStillInPost(raw) {
		return 0, true
	}
	d, ok := parseDate(raw, r.t.wb.date1904)
	if !ok {
		expected := problem.T(problem.TPostStart)
		if end {
			expected = problem.T(problem.TPostEnd)
		}
		r.problem(w, problem.IngestBadDate, expected)
	}
	return d, ok
}

func isStillInPost(raw string) bool { return slices.Contains(stillInPost, config.FoldName(raw)) }

// overlap reports whether two posts share a day of year y.
func overlap(p, q record.Post, y int) bool {
	pf, pt := p.SpanIn(y)
	qf, qt := q.SpanIn(y)
	return pf <= qt && qf <= pt
}

// period writes the days of year y a post was held: 2024-01-01–2024-06-30.
func period(p record.Post, y int) string {
	from, to := p.SpanIn(y)
	return from.String() + "–" + to.String()
}

// position gives the printable position of an origin in this table's file.
func (t *table) position(o record.Origin) problem.Position {
	return problem.At(t.wb.path, t.wb.sheets[o.Sheet], int(o.Row), int(o.Col))
}
