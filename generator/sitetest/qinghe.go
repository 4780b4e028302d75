package sitetest

import (
	"fmt"
	"strconv"
	"strings"

	"dutyreport/generator/config"
	"dutyreport/generator/record"
)

// The 清河县 example (fictional), 2020–2024: 12 towns with their village
// committees and 40 departments. Besides ordinary years it holds the cases
// a reader of the example site should find; qinghe_test.go checks each of
// them with its own reading of the rules.
const (
	qingheFirst, qingheLast = 2020, 2024

	// mergedTown 柳林镇 is merged into mergedInto 马庄镇 from 2022; its
	// committees keep 所属镇 T09 and count for 马庄镇 from then on.
	mergedTown, mergedInto = "T09", "T08"
	// renamedDept was 县农业局 until 2022 and is 县农业农村局 from 2023.
	renamedDept = "D12"
	// createdDept 县营商环境服务局 is assessed from 2022.
	createdDept = "D40"

	// poorTown 石桥镇 is 较差 in 2022 and in 2023 (two years running: 组织处理).
	// Under the Shangnan scheme a town's main responsibility is averaged with
	// its committees', which cannot score below 58, so a town is 较差 only when
	// its own ledger, its committees' and its evaluation all collapse: its
	// party secretary was under investigation, and it has 5 committees only.
	poorTown = "T06"
	// lowestEvaluation 县住房和城乡建设局 has the county's lowest 民主测评
	// average in 2022 and 2023 (社会评价连续两年全县末位).
	lowestEvaluation = "D09"
	// tieA 县教育局 and tieB 县卫生健康局 have equal totals in 2023 (87.80),
	// from different components: a tie in the department ranking.
	tieA, tieB = "D04", "D13"
	tieYear    = 2023
	// exactNinety 县发展和改革局 totals exactly 90.00 (优秀) in 2022; its
	// social score 83.33 × 0.3 = 24.999 rounds up to 25.00.
	exactNinety     = "D03"
	exactNinetyYear = 2022
	// clerkError 县自然资源局's 监督责任基础分 in the 2021 score sheet is
	// 0.50 off what its ledger gives, as a clerk's typing error would be.
	clerkError     = "D08"
	clerkErrorYear = 2021
)

// qinghe generates the example county.
func qinghe(s *config.Scheme) (*county, error) {
	c, err := newCounty("清河县", s, qingheFirst, qingheUnits())
	if err != nil {
		return nil, err
	}
	c.scoreYears = []int{clerkErrorYear}
	c.clerkError = clerkError
	// The 2020 and 2021 ledgers were kept by another clerk, who formatted
	// dates the Chinese way.
	c.chineseDates = map[int]bool{2020: true, 2021: true}
	for y := qingheFirst; y <= qingheLast; y++ {
		yr, err := c.addYear(y)
		if err != nil {
			return nil, err
		}
		if err := c.plant(yr); err != nil {
			return nil, err
		}
		if err := c.pickFair(yr, 2); err != nil {
			return nil, err
		}
		c.correct(yr)
	}
	return c, nil
}

// qingheUnits lists the register: towns, departments, then each town's
// committees.
func qingheUnits() []*unit {
	var towns, depts, committees []*unit
	for i, name := range qingheTowns {
		code := fmt.Sprintf("T%02d", i+1)
		short := strings.TrimSuffix(name, "镇")
		t := &unit{code: code, name: name, cat: "town", from: qingheFirst, abbr: short,
			quality: between(rngFor("quality", code), 40, 100)}
		if code == mergedTown {
			t.to, t.successor = 2021, mergedInto
		}
		if code == poorTown {
			t.quality = 30
		}
		towns = append(towns, t)

		r := rngFor("committees", code)
		places := []string{short + "社区"}
		n := between(r, 6, 15)
		switch code {
		case "T01": // the county seat: residents' communities first
			places, n = countySeatCommunities, 10
		case poorTown:
			n = 5
		}
		for _, k := range r.Perm(len(villages)) {
			if len(places) == n {
				break
			}
			places = append(places, villages[k])
		}
		for j, p := range places {
			committees = append(committees, newCommittee(fmt.Sprintf("%sC%02d", code, j+1), name, p, code))
		}
	}
	for i, d := range qingheDepartments {
		code := fmt.Sprintf("D%02d", i+1)
		u := &unit{code: code, name: d.name, cat: "dept", from: qingheFirst, abbr: d.abbr,
			quality: between(rngFor("quality", code), 40, 100)}
		switch code {
		case renamedDept:
			u.former = []formerName{{"县农业局", qingheFirst, 2022}}
		case createdDept:
			u.from = 2022
		}
		depts = append(depts, u)
	}
	return append(append(towns, depts...), committees...)
}

// newCommittee makes the supervision committee of a village or community:
// 城关镇东关社区居务监督委员会, 清水镇王家村村务监督委员会.
func newCommittee(code, town, place, parent string) *unit {
	kind := "村务"
	if strings.HasSuffix(place, "社区") {
		kind = "居务"
	}
	return &unit{code: code, name: town + place + kind + "监督委员会", cat: "committee", parent: parent,
		abbr: kind, quality: between(rngFor("quality", code), 50, 100)}
}

// plant sets the planted scenarios of a year.
func (c *county) plant(yr *year) error {
	y := yr.year
	set := func(code string, main, supervision, avg record.Points) error {
		uy := yr.byCode[code]
		uy.planted = true
		return c.plan(uy, y, main, supervision, avg)
	}
	collapse := func(town string) {
		for _, uy := range yr.units {
			if p := c.parentIn(uy.unit, y); uy.unit.cat == "committee" && p != nil && p.code == town {
				c.resetDone(uy)
				c.missTimes(rngFor("planted", uy.unit.code, strconv.Itoa(y)), uy, c.resp("committee"), 1000)
				uy.planted = true
			}
		}
	}
	var err error
	switch y {
	case 2022:
		collapse(poorTown)
		err = firstError(
			set(poorTown, 6400, 2400, 3850),
			set(exactNinety, 400, 600, 8333),
		)
		yr.byCode[lowestEvaluation].avg, yr.byCode[lowestEvaluation].planted = 3620, true
	case 2023:
		collapse(poorTown)
		err = firstError(
			set(poorTown, 6300, 2350, 3790),
			set(tieA, 750, 1000, 8850),
			set(tieB, 700, 900, 8600),
		)
		yr.byCode[lowestEvaluation].avg, yr.byCode[lowestEvaluation].planted = 3560, true
	}
	return err
}

func firstError(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// pickFair makes n departments not planted that year 一般 (60–75): a
// county always has a few units whose heads are talked to (约谈).
func (c *county) pickFair(yr *year, n int) error {
	var pool []*unitYear
	for _, uy := range yr.units {
		if uy.unit.cat == "dept" && !uy.planted {
			pool = append(pool, uy)
		}
	}
	r := rngFor("fair", strconv.Itoa(yr.year))
	for _, k := range r.Perm(len(pool))[:n] {
		uy := pool[k]
		uy.fair = true
		if err := c.plan(uy, yr.year, record.Points(50*between(r, 44, 52)), record.Points(50*between(r, 26, 32)),
			record.Points(between(r, 7000, 7599))); err != nil {
			return err
		}
	}
	return nil
}

// correct moves units that are not planted out of the planted cases' way:
// no other 较差, no other total of exactly 90.00, no third department on
// the planted tie, and every unit picked as fair really 一般. It changes
// evaluation averages only, which touch no other unit's score.
func (c *county) correct(yr *year) {
	for range 200 {
		scores := c.score(yr)
		changed := false
		for _, uy := range yr.units {
			s, ok := scores[uy.unit.code]
			if !ok || uy.planted {
				continue
			}
			switch {
			case s.total < 6000:
				uy.avg += 500
			case uy.fair && s.total >= 7600:
				uy.avg -= 100
			case s.total == 9000:
				uy.avg += 4
			case yr.year == tieYear && uy.unit.cat == "dept" && s.total == scores[tieA].total:
				uy.avg += 4
			default:
				continue
			}
			uy.avg = min(uy.avg, 9999)
			changed = true
		}
		if !changed {
			return
		}
	}
}
