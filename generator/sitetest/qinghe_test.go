package sitetest

import (
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"dutyreport/generator/config"
)

func TestExampleIsByteIdentical(t *testing.T) {
	t.Parallel()
	again := copySite(t, "../..", "schemes/shangnan.yaml")
	if err := WriteExample(again, ExampleOptions{}); err != nil {
		t.Fatal(err)
	}
	sameFiles(t, generatedQinghe(t), again, "")
}

// The committed data/ must be what the generator writes today; when the
// scheme or the generator changes, regenerate and review the diff.
func TestCommittedExampleDataIsCurrent(t *testing.T) {
	t.Parallel()
	sameFiles(t, generatedQinghe(t), "../..", ": regenerate with `go run ./cmd/exampledata -out .` from the repository root")
}

// qingheRegister is the units register read back.
type qingheUnit struct {
	code, name, cat, parent, former, successor string
	from, to                                   int
}

func (u qingheUnit) activeIn(y int) bool {
	return (u.from == 0 || y >= u.from) && (u.to == 0 || y <= u.to)
}

// shangnanResult is one ranked unit's year, scored by this test's own
// reading of the Shangnan rules, in hundredths of a point.
type shangnanResult struct {
	main, supervision, base, social, total, avg int64
	committees                                  int
	band                                        string
	// ledgerName is the unit's 单位名称 in that year's ledger.
	ledgerName string
}

// roundDiv divides rounding half away from zero (四舍五入), n ≥ 0.
func roundDiv(n, d int64) int64 { return (2*n + d) / (2 * d) }

// scoreQinghe scores every year of the generated example from its files:
// deductions from the ledger (any_missing: the points when done < required;
// per_missing: per × missing, at most the points), 70 less them per
// responsibility, a town's main averaged with each committee it has that
// year (through the merge), base the mean of main and supervision, social
// the average × 0.3, each rounded to 0.01.
func scoreQinghe(t *testing.T, dir string) (map[string]qingheUnit, map[int]map[string]shangnanResult) {
	scoredOnce.Do(func() { scoredUnits, scoredResults = readAndScoreQinghe(t, dir) })
	if scoredResults == nil {
		t.Fatal("reading the example back failed in an earlier test")
	}
	return scoredUnits, scoredResults
}

var (
	scoredOnce    sync.Once
	scoredUnits   map[string]qingheUnit
	scoredResults map[int]map[string]shangnanResult
)

func readAndScoreQinghe(t *testing.T, dir string) (map[string]qingheUnit, map[int]map[string]shangnanResult) {
	cfg, probs := config.Load(dir)
	if probs.HasErrors() {
		t.Fatal(probs)
	}
	tasks := map[string]config.Task{}
	for _, task := range cfg.Scheme.Tasks {
		tasks[task.Code] = task
	}
	units := map[string]qingheUnit{}
	reg := readTable(t, filepath.Join(dir, "data", "单位名录.xlsx"))
	for _, row := range reg.rows {
		u := qingheUnit{code: reg.get(row, "单位编码"), name: reg.get(row, "单位名称"), parent: reg.get(row, "所属镇"),
			former: reg.get(row, "曾用名"), successor: reg.get(row, "并入单位")}
		u.cat = map[string]string{"镇": "town", "县直部门": "dept", "村(居)务监督委员会": "committee"}[reg.get(row, "类别")]
		if s := reg.get(row, "起始年度"); s != "" {
			u.from = atoi(t, s)
		}
		if s := reg.get(row, "终止年度"); s != "" {
			u.to = atoi(t, s)
		}
		units[u.code] = u
	}
	results := map[int]map[string]shangnanResult{}
	for y := qingheFirst; y <= qingheLast; y++ {
		deducted := map[string]map[string]int64{} // unit → 责任类别 → deductions
		names := map[string]string{}
		ledger := readTable(t, filepath.Join(dir, "data", fmt.Sprint(y), "纪实台账.xlsx"))
		for _, row := range ledger.rows {
			code, task := ledger.get(row, "单位编码"), tasks[ledger.get(row, "任务编号")]
			names[code] = ledger.get(row, "单位名称")
			req, done := atoi(t, ledger.get(row, "应完成次数")), atoi(t, ledger.get(row, "实际完成次数"))
			if done > req || done < 0 {
				t.Errorf("%d %s %s: done %d of %d", y, code, task.Code, done, req)
			}
			if (done == 0) != (ledger.get(row, "完成时间") == "") || (done == 0) != (ledger.get(row, "佐证材料") == "") {
				t.Errorf("%d %s %s: done %d but date %q, evidence %q", y, code, task.Code, done,
					ledger.get(row, "完成时间"), ledger.get(row, "佐证材料"))
			}
			if s := ledger.get(row, "完成时间"); s != "" {
				first, last := DateCell{Y: y, M: 1, D: 1}.Serial(), DateCell{Y: y, M: 12, D: 31}.Serial()
				if d := atoi(t, s); d < first || d > last {
					t.Errorf("%d %s %s: date serial %d outside the year", y, code, task.Code, d)
				}
			}
			var cost int64
			switch missing := int64(req - done); {
			case missing <= 0:
			case task.Rule == config.RulePerMissing:
				cost = min(int64(task.Points), int64(task.Per)*missing)
			default:
				cost = int64(task.Points)
			}
			if deducted[code] == nil {
				deducted[code] = map[string]int64{}
			}
			deducted[code][ledger.get(row, "责任类别")] += cost
		}
		ledgerScore := func(code, resp string) int64 { return max(7000-deducted[code][resp], 0) }

		committees := map[string][]int64{}
		for code, u := range units {
			if u.cat != "committee" || !u.activeIn(y) {
				continue
			}
			town := units[u.parent]
			for !town.activeIn(y) && town.successor != "" {
				town = units[town.successor]
			}
			committees[town.code] = append(committees[town.code], ledgerScore(code, "监督责任"))
		}
		results[y] = map[string]shangnanResult{}
		eval := readTable(t, filepath.Join(dir, "data", fmt.Sprint(y), "民主测评.xlsx"))
		for _, row := range eval.rows {
			code := eval.get(row, "单位编码")
			r := shangnanResult{ledgerName: names[code]}
			r.avg = hundredths(t, eval.get(row, "平均分"))
			entries := append([]int64{ledgerScore(code, "主体责任")}, committees[code]...)
			var sum int64
			for _, e := range entries {
				sum += e
			}
			r.committees = len(committees[code])
			r.main = roundDiv(sum, int64(len(entries)))
			r.supervision = ledgerScore(code, "监督责任")
			r.base = roundDiv(r.main+r.supervision, 2)
			r.social = roundDiv(r.avg*30, 100)
			r.total = r.base + r.social
			switch {
			case r.total >= 9000:
				r.band = "优秀"
			case r.total >= 7600:
				r.band = "良好"
			case r.total >= 6000:
				r.band = "一般"
			default:
				r.band = "较差"
			}
			results[y][code] = r
		}
		for code, u := range units {
			if _, evaluated := results[y][code]; u.cat != "committee" && u.activeIn(y) != evaluated {
				t.Errorf("%d %s: active %v but evaluated %v", y, code, u.activeIn(y), evaluated)
			}
		}
	}
	return units, results
}

func pts(h int64) string { return fmt.Sprintf("%d.%02d", h/100, h%100) }

func TestExamplePlantedScenarios(t *testing.T) {
	t.Parallel()
	dir := generatedQinghe(t)
	units, results := scoreQinghe(t, dir)

	poorYears := 0
	for y := qingheFirst; y <= qingheLast; y++ {
		bands := map[string]int{}
		for _, r := range results[y] {
			bands[r.band]++
		}
		t.Logf("%d: %v", y, bands)
		if good := bands["优秀"] + bands["良好"]; good*4 < len(results[y])*3 {
			t.Errorf("%d: %d of %d units 优秀 or 良好, want most", y, good, len(results[y]))
		}
		if bands["一般"] < 2 {
			t.Errorf("%d: %d units 一般, want a few", y, bands["一般"])
		}
		if bands["较差"] > 0 {
			poorYears++
		}
	}
	if poorYears < 2 {
		t.Errorf("较差 in %d years, want at least 2", poorYears)
	}

	for _, y := range []int{2022, 2023} {
		r := results[y][poorTown]
		t.Logf("%d %s: main %s (with %d committees), supervision %s, base %s, social %s, total %s %s",
			y, poorTown, pts(r.main), r.committees, pts(r.supervision), pts(r.base), pts(r.social), pts(r.total), r.band)
		if r.band != "较差" || units[poorTown].cat != "town" {
			t.Errorf("%d: %s is %s, want a town 较差 two years running", y, poorTown, r.band)
		}
		low := results[y][lowestEvaluation]
		for code, other := range results[y] {
			if code != lowestEvaluation && other.avg <= low.avg {
				t.Errorf("%d: %s's average %s is not below %s's %s", y, lowestEvaluation, pts(low.avg), code, pts(other.avg))
			}
		}
		t.Logf("%d %s: lowest average %s, total %s %s", y, lowestEvaluation, pts(low.avg), pts(low.total), low.band)
	}

	a, b := results[tieYear][tieA], results[tieYear][tieB]
	t.Logf("%d tie: %s %s+%s=%s, %s %s+%s=%s", tieYear, tieA, pts(a.base), pts(a.social), pts(a.total), tieB, pts(b.base), pts(b.social), pts(b.total))
	if a.total != b.total || a.base == b.base || units[tieA].cat != "dept" || units[tieB].cat != "dept" {
		t.Errorf("%d: %s and %s total %s and %s, want two departments tied from different components", tieYear, tieA, tieB, pts(a.total), pts(b.total))
	}

	n := results[exactNinetyYear][exactNinety]
	t.Logf("%d %s: base %s + social %s (average %s) = %s %s", exactNinetyYear, exactNinety, pts(n.base), pts(n.social), pts(n.avg), pts(n.total), n.band)
	if n.total != 9000 || n.band != "优秀" {
		t.Errorf("%d: %s totals %s, want exactly 90.00", exactNinetyYear, exactNinety, pts(n.total))
	}
}

// The 2021 score sheet agrees with the ledger and the evaluation, except the
// clerk's one 0.50 error in 监督责任基础分, which the clerk's formulas carry on.
func TestExampleScoreSheet(t *testing.T) {
	dir := generatedQinghe(t)
	_, results := scoreQinghe(t, dir)
	sheet := readTable(t, filepath.Join(dir, "data", fmt.Sprint(clerkErrorYear), "考核得分汇总表.xlsx"))
	if len(sheet.rows) != len(results[clerkErrorYear]) {
		t.Errorf("score sheet has %d units, want %d", len(sheet.rows), len(results[clerkErrorYear]))
	}
	for _, row := range sheet.rows {
		code := sheet.get(row, "单位编码")
		want := results[clerkErrorYear][code]
		main, sup := hundredths(t, sheet.get(row, "主体责任基础分")), hundredths(t, sheet.get(row, "监督责任基础分"))
		base, social, total := hundredths(t, sheet.get(row, "基础分")), hundredths(t, sheet.get(row, "社会评价")), hundredths(t, sheet.get(row, "总分"))
		if base != roundDiv(main+sup, 2) || total != base+social {
			t.Errorf("%s: the sheet's own sums do not add up", code)
		}
		if main != want.main || social != want.social || sheet.get(row, "档次") != want.band {
			t.Errorf("%s: sheet %s/%s/%s, ledger gives %s/%s/%s", code, pts(main), pts(social), sheet.get(row, "档次"), pts(want.main), pts(want.social), want.band)
		}
		switch diff := sup - want.supervision; {
		case code == clerkError:
			t.Logf("%s: sheet 监督责任基础分 %s, ledger %s", code, pts(sup), pts(want.supervision))
			if diff != 50 && diff != -50 {
				t.Errorf("%s: sheet 监督责任基础分 %s, ledger %s: want the clerk's error of 0.50", code, pts(sup), pts(want.supervision))
			}
		case diff != 0:
			t.Errorf("%s: sheet 监督责任基础分 %s, ledger %s", code, pts(sup), pts(want.supervision))
		}
	}
}

// The register's changes over the years show in the files: the merge, the
// rename (the ledger uses the name of its year) and the new department.
func TestExampleUnitChanges(t *testing.T) {
	units, results := scoreQinghe(t, generatedQinghe(t))
	if u := units[mergedTown]; u.to != 2021 || u.successor != mergedInto {
		t.Errorf("%s: 终止年度 %d, 并入单位 %q; want 2021 and %s", mergedTown, u.to, u.successor, mergedInto)
	}
	if _, ok := results[2022][mergedTown]; ok {
		t.Errorf("%s is evaluated after its merge", mergedTown)
	}
	if before, after := results[2021][mergedInto].committees, results[2022][mergedInto].committees; after <= before {
		t.Errorf("%s has %d committees in 2021 and %d in 2022: the merged town's should count from 2022", mergedInto, before, after)
	}
	if u := units[renamedDept]; u.name != "县农业农村局" || u.former != "县农业局（2020-2022）" {
		t.Errorf("%s: %q, 曾用名 %q", renamedDept, u.name, u.former)
	}
	if u := units[createdDept]; u.from != 2022 {
		t.Errorf("%s: 起始年度 %d, want 2022", createdDept, u.from)
	}
	committees := map[string]int{}
	for _, u := range units {
		if u.cat == "committee" {
			committees[u.parent]++
			if !strings.HasSuffix(u.name, "务监督委员会") {
				t.Errorf("%s: committee name %q", u.code, u.name)
			}
		}
	}
	for code, u := range units {
		if n := committees[code]; u.cat == "town" && (n < 5 || n > 15) {
			t.Errorf("%s has %d committees, want 5–15", code, n)
		}
	}
	for y, want := range map[int]string{2022: "县农业局", 2023: "县农业农村局"} {
		if got := results[y][renamedDept].ledgerName; got != want {
			t.Errorf("%d: the ledger names %s %q, want %q", y, renamedDept, got, want)
		}
	}
}
