package sitetest

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"

	"dutyreport/generator/redact"
)

// The example's accountability cases: 16 in the registers over five years,
// each in the year's 责任追究台账 (one row per party held accountable). They
// name fictional persons, with fictional ID and phone numbers that only the
// internal dashboard may show, and some name whistleblowers, whom no page may
// show. Planted among them:
//   - poorTown's party secretary, dismissed (免职) in 2022, as qinghe.go's
//     story of its collapse says;
//   - the best department of 2023, whose case costs it the year's
//     commendation (an 优秀 unit marked not eligible);
//   - a person with a compound surname (欧阳), masked 欧阳某;
//   - one person held twice, in 2021 (诫勉谈话: no promotion for 6 months)
//     and 2022 (降职: no promotion for 2 years), the periods apart.
const (
	casesPerYear = "2,3,4,4,3" // 2020–2024
	// twiceHeld, of twiceUnit, is held accountable in 2021 (诫勉谈话, no
	// promotion for 6 months) and again in 2022 (降职, no promotion for 2 years).
	twiceHeld, twiceUnit = "欧阳志远", "D10"
)

var (
	surnames    = []string{"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧"}
	givenNames  = []string{"建国", "志强", "海涛", "文军", "晓东", "红梅", "丽娟", "国庆", "卫东", "永刚", "春华", "秀英", "明辉", "振华", "德胜", "小平", "桂兰", "新民", "金柱", "玉珍"}
	townPosts   = []string{"镇党委书记", "镇长", "镇党委副书记", "副镇长", "镇纪委书记", "镇党委委员"}
	deptPosts   = []string{"局党组书记、局长", "副局长", "局党组成员", "派驻纪检监察组组长", "办公室主任", "股长"}
	caseClauses = []string{"第七条第（一）项", "第七条第（三）项", "第八条第（二）项", "第二十七条第（四）项", "第二十八条第（一）项"}
	wrongs      = []string{
		"落实中央八项规定精神不力，单位违规发放津补贴",
		"对本单位公务用车管理失察，发生公车私用问题",
		"履行主体责任不力，本单位连续发生违纪问题",
		"在项目资金管理中把关不严，造成资金违规拨付",
		"对群众反映强烈的问题推诿扯皮、敷衍塞责",
		"对分管领域廉政风险排查流于形式，监督缺位",
	}
)

// exampleCase is one case of the example.
type exampleCase struct {
	number, unit, date     string
	resp, clause, severity string
	factors, facts, appeal string
	subjects               [][6]string // kind, name, position, form, handling, ID
	phones                 []string
	whistleblower, witness string
}

// cases draws the year's cases. best is the year's best department (for
// 2023's planted case).
func (c *county) cases(y int, best string) []exampleCase {
	counts := strings.Split(casesPerYear, ",")
	// The province's years run from before 2020: they take the counts in turn.
	k := ((y-qingheFirst)%len(counts) + len(counts)) % len(counts)
	n, _ := strconv.Atoi(counts[k])
	r := rngFor("cases", strconv.Itoa(y))
	var pool []*unit
	for _, u := range c.units {
		if (u.cat == "town" || u.cat == "dept") && u.activeIn(y, c.first) && u.code != poorTown && u.code != best && u.code != twiceUnit {
			pool = append(pool, u)
		}
	}
	var picked []*unit
	switch y {
	case 2022:
		picked = append(picked, c.byCode[poorTown])
	case 2023:
		picked = append(picked, c.byCode[best])
	}
	if y == 2021 || y == 2022 {
		picked = append(picked, c.byCode[twiceUnit])
	}
	// The province has none of the example's planted units.
	picked = slices.DeleteFunc(picked, func(u *unit) bool { return u == nil })
	for _, k := range r.Perm(len(pool)) {
		if len(picked) == n {
			break
		}
		picked = append(picked, pool[k])
	}
	slices.SortFunc(picked, func(a, b *unit) int { return strings.Compare(a.code, b.code) })
	var out []exampleCase
	for i, u := range picked {
		ec := exampleCase{number: fmt.Sprintf("清纪问〔%d〕%d号", y, i+1), unit: u.code,
			date: fmt.Sprintf("%d-%02d-%02d", y, between(r, 3, 12), between(r, 1, 28)),
			resp: "主体责任", clause: caseClauses[r.IntN(len(caseClauses))], severity: []string{"情节较轻", "情节较重", "情节较轻"}[r.IntN(3)]}
		posts := deptPosts
		if u.cat == "town" {
			posts = townPosts
		}
		subjects := 1 + r.IntN(2)
		wrong := wrongs[r.IntN(len(wrongs))]
		var names []string
		for k := range subjects {
			name := surnames[r.IntN(len(surnames))] + givenNames[r.IntN(len(givenNames))]
			post := posts[min(k*2+r.IntN(2), len(posts)-1)]
			form := []string{"主要领导责任", "重要领导责任", "直接责任"}[min(k+r.IntN(2), 2)]
			handling := []string{"通报批评", "诫勉谈话", "书面检查"}[r.IntN(3)]
			if y == 2022 && u.code == poorTown && k == 0 {
				post, form, handling = "镇党委书记", "主要领导责任", "党纪政纪处分、免职"
				ec.severity, ec.resp = "情节严重", "主体责任"
			}
			if y == 2023 && u.code == best {
				handling = "通报批评"
			}
			if strings.Contains(post, "纪") {
				ec.resp = "监督责任"
			}
			if u.code == twiceUnit && k == 0 {
				name, post = twiceHeld, "副局长"
				handling = map[int]string{2021: "诫勉谈话", 2022: "降职"}[y]
			}
			names = append(names, name)
			id := idNumber(r, y)
			if name == twiceHeld {
				id = idNumber(rngFor("id", name), 2021) // the same person, the same number
			}
			ec.subjects = append(ec.subjects, [6]string{"领导干部", name, post, form, handling, id})
			ec.phones = append(ec.phones, fmt.Sprintf("1380013%04d", r.IntN(10000)))
		}
		if r.IntN(3) == 0 {
			ec.subjects = append(ec.subjects, [6]string{"领导班子", "", "", "集体责任", "书面检查", ""})
			ec.phones = append(ec.phones, "")
		}
		ec.facts = fmt.Sprintf("%s%s%s%s，%s负有%s。经县纪委常委会研究，决定对%s作出处理。",
			u.nameIn(y), ec.subjects[0][2], names[0], "在任职期间", wrong, ec.subjects[0][3], strings.Join(names, "、"))
		if r.IntN(2) == 0 {
			ec.factors = []string{"主动说明问题，依规从轻处理", "对抗组织审查，依规从重处理", "及时挽回损失，依规从轻处理"}[r.IntN(3)]
		}
		ec.appeal = []string{"", "未提出申诉", "", "已申诉，经复核维持原处理决定"}[r.IntN(4)]
		if r.IntN(3) == 0 {
			ec.whistleblower = surnames[r.IntN(len(surnames))] + givenNames[r.IntN(len(givenNames))]
			ec.facts = "经群众实名举报，" + ec.facts
		}
		if r.IntN(4) == 0 {
			ec.witness = surnames[r.IntN(len(surnames))] + givenNames[r.IntN(len(givenNames))]
		}
		out = append(out, ec)
	}
	return out
}

// caseSheet is the year's 责任追究台账.
func (c *county) caseSheet(y int, cases []exampleCase) Sheet {
	rows := [][]any{
		{fmt.Sprintf("%s%d年度党风廉政建设责任追究台账", c.name, y)},
		{"序号", "案件编号", "决定日期", "单位编码", "单位名称", "问责对象类别", "姓名", "职务", "责任形式", "责任类别", "情形条款", "情节",
			"从重从轻情节", "处理方式", "事实摘要", "申诉情况", "身份证号", "联系电话", "举报人", "证人"},
	}
	for _, ec := range cases {
		u := c.byCode[ec.unit]
		d, _ := parseExampleDate(ec.date)
		for k, s := range ec.subjects {
			row := []any{len(rows) - 1, ec.number, nil, ec.unit, nil, s[0], s[1], s[2], s[3], nil, nil, nil, nil, s[4], nil, nil, s[5], ec.phones[k], nil, nil}
			if k == 0 {
				// The case's own cells on its first row only, as clerks fill them.
				row[2], row[4], row[9], row[10], row[11], row[12], row[14], row[15], row[18], row[19] =
					d, u.nameIn(y), ec.resp, ec.clause, ec.severity, ec.factors, ec.facts, ec.appeal, ec.whistleblower, ec.witness
			}
			rows = append(rows, row)
		}
	}
	return Sheet{Name: "责任追究台账", Merges: []string{"A1:T1"}, Header: 2, Rows: rows}
}

func parseExampleDate(s string) (DateCell, error) {
	var y, m, d int
	_, err := fmt.Sscanf(s, "%d-%d-%d", &y, &m, &d)
	return DateCell{Y: y, M: m, D: d}, err
}

// idNumber draws a fictional resident ID number with a valid check digit,
// under a region code no real county has (990101).
func idNumber(r *rand.Rand, y int) string {
	s := fmt.Sprintf("990101%04d%02d%02d%03d", y-between(r, 30, 55), between(r, 1, 12), between(r, 1, 28), r.IntN(1000))
	check, _ := redact.IDCheck(s)
	return s + string(check)
}
