package sitetest

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestExampleRoster reads the example's rosters back: in 2023 and 2024 every
// ranked unit has one principal (one unit two, changing on 1 July 2023), one
// leader in charge, two members and one discipline head; each person has a
// post of their own, the same in both years; and a name any case register
// or content page uses is only ever a leader that a 2023 or 2024 case of
// the unit names.
func TestExampleRoster(t *testing.T) {
	dir := generatedQinghe(t)
	for y := qingheFirst; y < rosterYears[0]; y++ {
		if _, err := os.Stat(filepath.Join(dir, "data", fmt.Sprint(y), "人员名单.xlsx")); err == nil {
			t.Errorf("%d has a roster; only %v should", y, rosterYears)
		}
	}

	// Names of the case registers, and the leaders named in a 2023 or 2024
	// case of their unit.
	var caseNames []string
	aligned := map[string]string{} // name → unit
	for y := qingheFirst; y <= qingheLast; y++ {
		tb := readTable(t, filepath.Join(dir, "data", fmt.Sprint(y), "责任追究台账.xlsx"))
		for _, row := range tb.rows {
			for _, col := range []string{"姓名", "举报人", "证人"} {
				if n := tb.get(row, col); n != "" {
					caseNames = append(caseNames, n)
				}
			}
			if n := tb.get(row, "姓名"); n != "" && slices.Contains(rosterYears, y) {
				aligned[n] = tb.get(row, "单位编码")
			}
		}
	}
	var content []string
	filepath.WalkDir("../../content", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			data, _ := os.ReadFile(p)
			content = append(content, string(data))
		}
		return nil
	})
	if len(content) == 0 {
		t.Fatal("no content pages in ../../content")
	}
	usedElsewhere := func(name string) bool {
		for _, n := range caseNames {
			if strings.Contains(n, name) || strings.Contains(name, n) {
				return true
			}
		}
		for _, c := range content {
			if strings.Contains(c, name) {
				return true
			}
		}
		return false
	}

	type post struct{ unit, role string }
	held := map[int]map[string]post{} // year → name → post
	changes, compound := 0, 0
	for _, y := range rosterYears {
		held[y] = map[string]post{}
		eval := readTable(t, filepath.Join(dir, "data", fmt.Sprint(y), "民主测评.xlsx"))
		ranked := map[string]bool{}
		for _, row := range eval.rows {
			ranked[eval.get(row, "单位编码")] = true
		}
		tb := readTable(t, filepath.Join(dir, "data", fmt.Sprint(y), "人员名单.xlsx"))
		roles := map[string]map[string][][]string{} // unit → role → rows
		yearStart, yearEnd := DateCell{Y: y, M: 1, D: 1}.Serial(), DateCell{Y: y, M: 12, D: 31}.Serial()
		for _, row := range tb.rows {
			code, role, name := tb.get(row, "单位编码"), tb.get(row, "角色"), tb.get(row, "姓名")
			if !ranked[code] {
				t.Errorf("%d %s: on the roster, not a ranked unit of the year", y, code)
			}
			if roles[code] == nil {
				roles[code] = map[string][][]string{}
			}
			roles[code][role] = append(roles[code][role], row)
			if p, dup := held[y][name]; dup {
				t.Errorf("%d: %s holds two posts, %v and %s %s", y, name, p, code, role)
			}
			held[y][name] = post{code, role}
			if strings.HasPrefix(name, "欧阳") {
				compound++
			}
			if from := atoi(t, tb.get(row, "任职起始日期")); from > yearEnd {
				t.Errorf("%d %s %s: starts after the year", y, code, name)
			}
			if to := tb.get(row, "任职终止日期"); to != "" && atoi(t, to) < yearStart {
				t.Errorf("%d %s %s: ended before the year", y, code, name)
			}
			if usedElsewhere(name) && aligned[name] != code {
				t.Errorf("%d %s %s: a name a case register or content page uses, and not a leader named in a %v case of the unit", y, code, name, rosterYears)
			}
		}
		for code := range ranked {
			r := roles[code]
			if len(r["分管领导"]) != 1 || len(r["班子成员"]) != 2 || len(r["纪检监察组织负责人"]) != 1 {
				t.Errorf("%d %s: posts %d 分管领导, %d 班子成员, %d 纪检监察组织负责人; want 1, 2, 1", y, code,
					len(r["分管领导"]), len(r["班子成员"]), len(r["纪检监察组织负责人"]))
			}
			switch p := r["主要负责人"]; len(p) {
			case 1:
				if tb.get(p[0], "任职终止日期") != "" {
					t.Errorf("%d %s: the only principal leaves during the year", y, code)
				}
			case 2:
				changes++
				left, came := tb.get(p[0], "任职终止日期"), tb.get(p[1], "任职起始日期")
				if y != 2023 || left != fmt.Sprint(DateCell{Y: 2023, M: 6, D: 30}.Serial()) || came != fmt.Sprint(DateCell{Y: 2023, M: 7, D: 1}.Serial()) || tb.get(p[1], "任职终止日期") != "" {
					t.Errorf("%d %s: principals change from %s to %s; want 2023-06-30 and 2023-07-01 (serials)", y, code, left, came)
				}
			default:
				t.Errorf("%d %s: %d principals", y, code, len(p))
			}
		}
	}
	if changes != 1 {
		t.Errorf("%d units change their principal; want exactly one, in 2023", changes)
	}
	if compound == 0 {
		t.Error("no name with the compound surname 欧阳")
	}
	// The same people in both years, but for the principal who left.
	for name, p := range held[2023] {
		if q, ok := held[2024][name]; ok && q != p {
			t.Errorf("%s: %v in 2023, %v in 2024", name, p, q)
		}
	}
	if n := len(held[2023]) - len(held[2024]); n != 1 {
		t.Errorf("2023 names %d persons more than 2024; want 1, the principal who left", n)
	}
	if len(aligned) == 0 {
		t.Error("no case of 2023 or 2024 names a leader: the aligned names are untested")
	}
}
