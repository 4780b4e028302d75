package sitetest

import (
	"fmt"
	"slices"
	"strings"
)

// The example's rosters (人员名单), 2023 and 2024: for every ranked unit (the
// towns and departments, not the village committees) active that year, its
// principal (主要负责人), leader in charge (分管领导), two members (班子成员)
// and discipline head (纪检监察组织负责人). The same people hold the posts
// in both years, each with the date they took it up. Planted among them:
//   - principalChanged changed its principal on 1 July 2023: two rows in
//     the 2023 roster, the first to 2023-06-30, the second from 2023-07-01,
//     the successor with a compound surname (欧阳, masked 欧阳某);
//   - poorTown's principal took up the post after its party secretary was
//     dismissed in 2022;
//   - deliberately, a leader named in a 2023 or 2024 case of their unit
//     holds that post in the roster, under the name (and, in a town or a
//     局, the position) the case register gives, as a county's two
//     registers would agree. Every other name is one no case register and
//     no content page uses.
const (
	// principalChanged is 县住房和城乡建设局 (lowestEvaluation), whose 2023
	// social evaluation is the county's last for the second year running.
	principalChanged = lowestEvaluation
)

// principalChangedOn is the successor's first day at principalChanged, and
// predecessorLeft the predecessor's last.
var principalChangedOn, predecessorLeft = DateCell{Y: 2023, M: 7, D: 1}, DateCell{Y: 2023, M: 6, D: 30}

// rosterYears are the years that have a roster.
var rosterYears = []int{2023, 2024}

// contentNames are the persons named in the example's content pages
// (content/notices): no roster name is one of them, or part of one.
var contentNames = []string{"赵卫东", "司马文军", "吴晓东", "梁国庆"}

// compoundSurname is the successor's at principalChanged.
const compoundSurname = "欧阳"

// The posts of a unit, in roster order.
const (
	slotPrincipal = iota
	slotInCharge
	slotMember1
	slotMember2
	slotDiscipline
	slots
)

// slotRoles are the roles of the posts as the roster writes them.
var slotRoles = [slots]string{"主要负责人", "分管领导", "班子成员", "班子成员", "纪检监察组织负责人"}

// holder is one person in one post of a unit.
type holder struct {
	name, position string
	from, to       DateCell // to.Y == 0: still in the post
}

// rosterPost is one row of a roster.
type rosterPost struct {
	unit *unit
	slot int
	holder
}

// townPositions and deptPositions give each post's 职务.
var townPositions = [slots]string{"镇党委书记", "镇党委副书记", "镇党委副书记、镇长", "副镇长", "镇纪委书记"}

// deptPositions gives a department's 职务 by its head's title: 局长, 主任,
// 部长, 书记 or 主席.
func deptPositions(name string) [slots]string {
	title := "主任"
	switch {
	case strings.HasSuffix(name, "局"):
		return [slots]string{"党组书记、局长", "党组成员、副局长", "副局长", "党组成员", "纪检组长"}
	case strings.HasSuffix(name, "部"):
		title = "部长"
	case strings.HasSuffix(name, "委员会"):
		title = "书记"
	case strings.HasSuffix(name, "工会"), strings.HasSuffix(name, "妇女联合会"):
		title = "主席"
	}
	return [slots]string{title, "副" + title, "副" + title, "副" + title, "纪检组长"}
}

// caseSlot gives the post a case's 职务 names in the roster: the head, the
// discipline head, a deputy (the leader in charge when that post is still
// free) or a member; ok is false for a post outside the leadership.
func caseSlot(position string, taken map[int]bool) (int, bool) {
	free := func(slots ...int) (int, bool) {
		for _, s := range slots {
			if !taken[s] {
				return s, true
			}
		}
		return 0, false
	}
	switch {
	case strings.Contains(position, "纪"):
		return free(slotDiscipline)
	case strings.Contains(position, "书记、局长"), position == "镇党委书记":
		return free(slotPrincipal)
	case position == "副局长", position == "镇党委副书记":
		return free(slotInCharge, slotMember1, slotMember2)
	case position == "镇长", position == "副镇长", strings.Contains(position, "党组成员"), strings.Contains(position, "党委委员"):
		return free(slotMember1, slotMember2)
	}
	return 0, false
}

// rosters draws the posts of every roster year, in roster order: units in
// register order, posts in slot order. cases are every year's cases.
func (c *county) rosters(cases map[int][]exampleCase) (map[int][]rosterPost, error) {
	// Names no drawn name may be, or be part of, or contain: used[:reserved]
	// are the case registers' and the content pages'.
	var used []string
	used = append(used, contentNames...)
	for _, list := range cases {
		for _, ec := range list {
			for _, s := range ec.subjects {
				used = append(used, s[1])
			}
			used = append(used, ec.whistleblower, ec.witness)
		}
	}
	reserved := len(used)
	clashes := func(name string, with []string) bool {
		for _, u := range with {
			if u != "" && (strings.Contains(u, name) || strings.Contains(name, u)) {
				return true
			}
		}
		return false
	}
	clash := func(name string) bool { return clashes(name, used) }
	// enumerated gives the next name of rosterName's sequence, as surname
	// and given name. Its characters are none of the case registers' or
	// the content's given names', so it clashes with none of them, nor with
	// a name drawn from surnames × givenNames; should a change of those
	// lists make it clash, this says so rather than skipping.
	seq := 0
	enumerated := func() (surname, given string, err error) {
		surname, given, ok := rosterName(seq)
		if !ok {
			return "", "", fmt.Errorf("sitetest: the roster needs more than the %d names rosterName makes", seq)
		}
		seq++
		if clashes(surname+given, used[:reserved]) {
			return "", "", fmt.Errorf("sitetest: the roster name %s%s clashes with a case register's or content page's name: keep rosterGiven's characters out of givenNames and contentNames", surname, given)
		}
		return surname, given, nil
	}

	// The case subjects who hold a post of their unit.
	fromCases := map[string]map[int]holder{}
	for _, y := range rosterYears {
		for _, ec := range cases[y] {
			taken := fromCases[ec.unit]
			if taken == nil {
				taken = map[int]holder{}
				fromCases[ec.unit] = taken
			}
			for _, s := range ec.subjects {
				if removes(s[4]) {
					return nil, fmt.Errorf("sitetest: %s's case removes %s from the post (%s): the roster would have to end the post", ec.unit, s[1], s[4])
				}
				occupied := map[int]bool{}
				for k := range taken {
					occupied[k] = true
				}
				if slot, ok := caseSlot(s[2], occupied); ok && s[1] != "" {
					taken[slot] = holder{name: s[1], position: s[2]}
				}
			}
		}
	}
	if _, ok := fromCases[principalChanged][slotPrincipal]; ok {
		return nil, fmt.Errorf("sitetest: %s, whose principal changes in 2023, has a case naming its principal", principalChanged)
	}

	// Every post of a unit active in some roster year, drawn once.
	var units []*unit
	for _, u := range c.units {
		cat, _ := c.scheme.Category(u.cat)
		active := false
		for _, y := range rosterYears {
			active = active || u.activeIn(y, c.first)
		}
		if active && cat.IsRanked() {
			units = append(units, u)
		}
	}
	// A county with posts for more than half the names of surnames ×
	// givenNames (the example has 255 for 600) takes every name from the
	// enumeration: drawing at random and retrying on a clash would slow
	// down as the names run out, and loop for ever once they had. The
	// example draws at random, retrying a bounded number of times before
	// it too takes the next enumerated name (it never needs to); its data
	// are committed, so its draws must not change.
	drawn := len(units)*slots <= len(surnames)*len(givenNames)/2
	const maxTries = 200

	posts := map[string][slots][]holder{} // by unit code: holders in order
	for _, u := range units {
		positions := townPositions
		if u.cat == "dept" {
			positions = deptPositions(u.name)
		}
		r := rngFor("roster", u.code)
		var held [slots][]holder
		for slot := range slots {
			h, planted := fromCases[u.code][slot]
			if !strings.HasSuffix(u.name, "局") && u.cat == "dept" {
				// The case generator calls every department's head 局长.
				h.position = positions[slot]
			}
			if !planted {
				h.position = positions[slot]
				for tries := 0; drawn && tries < maxTries && (h.name == "" || clash(h.name)); tries++ {
					h.name = surnames[r.IntN(len(surnames))] + givenNames[r.IntN(len(givenNames))]
				}
				if h.name == "" || clash(h.name) {
					surname, given, err := enumerated()
					if err != nil {
						return nil, err
					}
					h.name = surname + given
				}
				if drawn {
					used = append(used, h.name)
				}
			}
			h.from = DateCell{Y: between(r, 2016, 2022), M: between(r, 1, 12), D: between(r, 1, 28)}
			if u.code == poorTown && slot == slotPrincipal {
				h.from = c.afterDismissal(cases)
			}
			held[slot] = append(held[slot], h)
		}
		if u.code == principalChanged {
			first := &held[slotPrincipal][0]
			first.to = predecessorLeft
			next := holder{position: first.position, from: principalChangedOn}
			for tries := 0; drawn && tries < maxTries && (next.name == "" || clash(next.name)); tries++ {
				next.name = compoundSurname + givenNames[r.IntN(len(givenNames))]
			}
			if next.name == "" || clash(next.name) {
				_, given, err := enumerated()
				if err != nil {
					return nil, err
				}
				next.name = compoundSurname + given
			}
			if drawn {
				used = append(used, next.name)
			}
			held[slotPrincipal] = append(held[slotPrincipal], next)
		}
		posts[u.code] = held
	}

	out := map[int][]rosterPost{}
	for _, yr := range c.years {
		y := yr.year
		if !slices.Contains(rosterYears, y) {
			continue
		}
		start, end := DateCell{Y: y, M: 1, D: 1}, DateCell{Y: y, M: 12, D: 31}
		for _, uy := range c.ranked(yr) {
			held := posts[uy.unit.code]
			for slot := range slots {
				for _, h := range held[slot] {
					if h.from.Serial() > end.Serial() || h.to.Y != 0 && h.to.Serial() < start.Serial() {
						continue // not in the post that year
					}
					out[y] = append(out[y], rosterPost{unit: uy.unit, slot: slot, holder: h})
				}
			}
		}
	}
	return out, nil
}

// afterDismissal is the first day of the month after poorTown's party
// secretary was dismissed (清纪问〔2022〕, 免职): his successor's first day.
func (c *county) afterDismissal(cases map[int][]exampleCase) DateCell {
	for _, ec := range cases[2022] {
		if ec.unit == poorTown {
			d, _ := parseExampleDate(ec.date)
			if d.M == 12 {
				return DateCell{Y: d.Y + 1, M: 1, D: 1}
			}
			return DateCell{Y: d.Y, M: d.M + 1, D: 1}
		}
	}
	return DateCell{Y: 2022, M: 6, D: 1}
}

// removes reports whether a case's handling takes the person out of the
// post: the example's 2023 and 2024 cases have none such.
func removes(handling string) bool {
	for _, h := range []string{"免职", "降职", "撤职", "调整职务", "调离岗位", "责令辞职"} {
		if strings.Contains(handling, h) {
			return true
		}
	}
	return false
}

// rosterSheet is the year's 人员名单.
func (c *county) rosterSheet(y int, posts []rosterPost) Sheet {
	rows := [][]any{
		{fmt.Sprintf("%s%d年度党风廉政建设责任制考核人员名单", c.name, y)},
		{"序号", "单位编码", "单位名称", "角色", "姓名", "职务", "任职起始日期", "任职终止日期"},
	}
	for _, p := range posts {
		var to any
		if p.to.Y != 0 {
			to = p.to
		}
		rows = append(rows, []any{len(rows) - 1, p.unit.code, p.unit.nameIn(y), slotRoles[p.slot], p.name, p.position, p.from, to})
	}
	return Sheet{Name: "人员名单", Merges: []string{"A1:H1"}, Header: 2, Rows: rows}
}
