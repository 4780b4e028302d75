package scoring

import (
	"fmt"

	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"dutyreport/generator/config"
	"dutyreport/generator/record"
)

// TestCases runs the hand-worked scheme cases in testdata/shangnan: each
// file gives a few units' inputs and, worked out on paper, their scores,
// bands, ranks and consequences. `go test -run Cases/3` runs one.
//
// A ledger section lists only the rows a case is about: every other task of
// a listed unit is added as done in full, as a real ledger would list it.
// "T01 Z1.1.1.1 -" leaves the task with no row at all.
func TestCases(t *testing.T) {
	cfg, probs := config.Load("../..")
	if probs.HasErrors() {
		t.Fatalf("loading the Shangnan scheme: %v", probs)
	}
	files, _ := filepath.Glob("testdata/shangnan/*.txt")
	if len(files) == 0 {
		t.Fatal("no case files")
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		num, _, _ := strings.Cut(name, "-")
		t.Run(num, func(t *testing.T) { runCase(t, &cfg.Scheme, f) })
	}
}

// caseData is a case file's inputs, by year.
type caseData struct {
	reg   *record.Register
	years map[int]*record.Year
}

func runCase(t *testing.T, s *config.Scheme, file string) {
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	d := caseData{years: map[int]*record.Year{}}
	year := func(y int) *record.Year {
		if d.years[y] == nil {
			d.years[y] = &record.Year{Year: y, Inputs: [record.NumKinds]record.Input{record.KindLedger: {File: 1}, record.KindEvaluation: {File: 2}, record.KindScores: {File: 3}}}
		}
		return d.years[y]
	}
	files := record.Files{{}, {Path: "ledger.xlsx", Sheets: []string{"S"}}, {Path: "eval.xlsx", Sheets: []string{"S"}}, {Path: "scores.xlsx", Sheets: []string{"S"}}, {Path: "roster.xlsx", Sheets: []string{"S"}}}
	var expects []txtar.File
	cases := map[int][]record.Case{}
	for _, f := range ar.Files {
		kind, yearText, _ := strings.Cut(f.Name, " ")
		y, _ := strconv.Atoi(yearText)
		switch kind {
		case "expect", "order", "absent", "problems", "persons":
			expects = append(expects, f)
			continue
		case "rules":
			// The case's own consequence rules replace the scheme's:
			// "id bottom=1 band=poor years=2 case=any to=principal of=persons".
			sc := *s
			sc.Consequences = nil
			for _, line := range lines(f.Data) {
				sc.Consequences = append(sc.Consequences, ruleOf(strings.Fields(line)))
			}
			s = &sc
			continue
		case "deductions":
			// "cap=5 circulated=2 discipline=5": the scheme's case deductions.
			sc := *s
			d := &config.Deductions{}
			for _, kv := range strings.Fields(strings.Join(lines(f.Data), " ")) {
				k, v, _ := strings.Cut(kv, "=")
				p, err := record.ParsePoints(v)
				if err != nil {
					t.Fatal(err)
				}
				if k == "cap" {
					d.Cap = p
					continue
				}
				d.Rules = append(d.Rules, config.DeductionRule{Handling: k, Points: p})
			}
			sc.Cases.Deductions = d
			s = &sc
			continue
		}
		for n, line := range lines(f.Data) {
			fields := strings.Fields(line)
			origin := func(file uint16, col int) record.Origin {
				return record.Origin{File: file, Row: uint32(n + 2), Col: uint32(col)}
			}
			switch kind {
			case "units":
				d.reg = addUnit(t, d.reg, fields)
			case "ledger":
				if fields[2] == "-" {
					year(y).Ledger.Add(record.LedgerEntry{Unit: fields[0], Task: fields[1], Origin: noRow})
					continue
				}
				req, _ := strconv.Atoi(fields[2])
				done, _ := strconv.Atoi(fields[3])
				year(y).Ledger.Add(record.LedgerEntry{Unit: fields[0], Task: fields[1],
					Required: int32(req), Done: int32(done), Origin: origin(1, 8)})
			case "evaluation":
				avg, err := record.ParsePoints(fields[1])
				if err != nil {
					t.Fatal(err)
				}
				year(y).Evaluations = append(year(y).Evaluations, record.Evaluation{Unit: fields[0], Average: avg, Origin: origin(2, 5)})
			case "cases":
				// "N1 T01 领导干部:王平:discipline+circulated 领导班子:-:education"
				c := record.Case{Number: fields[0], Year: y, Unit: fields[1]}
				for _, sub := range fields[2:] {
					parts := strings.Split(sub, ":")
					name := parts[1]
					if name == "-" {
						name = ""
					}
					c.Subjects = append(c.Subjects, record.Subject{Kind: parts[0], Name: name, Handling: strings.Split(parts[2], "+")})
				}
				cases[y] = append(cases[y], c)
			case "roster":
				// "T01 principal 王平 2023-01-01 2023-06-30": dates "-" for none.
				post := record.Post{Unit: fields[0], Role: fields[1], Name: fields[2], Origin: origin(4, 3)}
				post.From, _ = record.ParseISODate(fields[3])
				post.To, _ = record.ParseISODate(fields[4])
				year(y).Roster = append(year(y).Roster, post)
			case "scores":
				row := record.ScoreRow{Unit: fields[0], Scores: map[string]record.Points{}, Cells: map[string]record.Origin{}, Origin: origin(3, 2)}
				for i, kv := range fields[1:] {
					k, v, _ := strings.Cut(kv, "=")
					p, err := record.ParsePoints(v)
					if err != nil {
						t.Fatal(err)
					}
					row.Scores[k], row.Cells[k] = p, origin(3, 4+i)
				}
				year(y).Scores = append(year(y).Scores, row)
				year(y).HasScores = true
			default:
				t.Fatalf("unknown section %q", f.Name)
			}
		}
	}

	var yearsSorted []int
	for y := range d.years {
		yearsSorted = append(yearsSorted, y)
		completeLedger(s, d.reg, d.years[y])
	}
	slices.Sort(yearsSorted)
	results := map[int]*Result{}
	var earlier []*Result
	var gotProblems []string
	for _, y := range yearsSorted {
		res, probs := Year(Input{Scheme: s, Register: d.reg, Files: files, Year: d.years[y], Cases: cases[y]}, earlier)
		for _, p := range probs {
			unit, _, _ := strings.Cut(p.Found, " ")
			gotProblems = append(gotProblems, fmt.Sprintf("%d %s %s %s", y, p.Severity, p.Code, unit))
		}
		results[y] = res
		earlier = append(earlier, res)
	}

	var wantProblems []string
	for _, f := range expects {
		kind, yearText, _ := strings.Cut(f.Name, " ")
		y, _ := strconv.Atoi(yearText)
		res := results[y]
		for _, line := range lines(f.Data) {
			switch kind {
			case "expect":
				checkUnit(t, s, res, y, strings.Fields(line))
			case "order":
				checkOrder(t, res, y, strings.Fields(line))
			case "absent":
				if res.Unit(line) != nil {
					t.Errorf("%d: %s should not be in the results", y, line)
				}
			case "problems":
				wantProblems = append(wantProblems, line)
			case "persons":
				checkPerson(t, res, y, strings.Fields(line))
			}
		}
	}
	slices.Sort(gotProblems)
	slices.Sort(wantProblems)
	if !slices.Equal(gotProblems, wantProblems) {
		t.Errorf("problems:\n got  %q\n want %q", gotProblems, wantProblems)
	}
}

// noRow marks, while a case is read, a task the ledger is to have no row for.
var noRow = record.Origin{File: 1, Sheet: 9}

// completeLedger adds a done row for each applicable task of each unit in
// the ledger that the case does not list, and drops the no-row markers.
func completeLedger(s *config.Scheme, reg *record.Register, yr *record.Year) {
	listed := map[[2]string]bool{}
	var units []string
	var kept record.Ledger
	for _, e := range yr.Ledger.All() {
		if !slices.Contains(units, e.Unit) {
			units = append(units, e.Unit)
		}
		listed[[2]string{e.Unit, e.Task}] = true
		if e.Origin != noRow {
			kept.Add(e)
		}
	}
	yr.Ledger = kept
	for _, code := range units {
		u := reg.Unit(code)
		for _, task := range s.Tasks {
			if !listed[[2]string{code, task.Code}] && s.TaskApplies(task, u.Category) {
				yr.Ledger.Add(record.LedgerEntry{Unit: code, Task: task.Code, Required: 1, Done: 1,
					Origin: record.Origin{File: 1, Row: 100, Col: 8}})
			}
		}
	}
}

// addUnit reads "T09 town 柳林镇 2020-2021 >T08 ^T01 ~旧名:2022": code,
// category id, name, then optional years, successor (>), parent (^) and a
// former name with the last year it was used (~).
func addUnit(t *testing.T, reg *record.Register, f []string) *record.Register {
	u := record.Unit{Code: f[0], Category: f[1], Name: f[2], From: 2000}
	for _, x := range f[3:] {
		switch {
		case strings.HasPrefix(x, ">"):
			u.Successor = x[1:]
		case strings.HasPrefix(x, "^"):
			u.Parent = x[1:]
		case strings.HasPrefix(x, "~"):
			name, until, _ := strings.Cut(x[1:], ":")
			n, _ := strconv.Atoi(until)
			u.Former = append(u.Former, record.FormerName{Name: name, Until: n})
		default:
			from, to, _ := strings.Cut(x, "-")
			u.From, _ = strconv.Atoi(from)
			u.To, _ = strconv.Atoi(to)
		}
	}
	var units []record.Unit
	if reg != nil {
		units = reg.Units
	}
	return record.NewRegister(append(units, u))
}

func checkUnit(t *testing.T, s *config.Scheme, res *Result, y int, f []string) {
	t.Helper()
	u := res.Unit(f[0])
	if u == nil {
		t.Errorf("%d: %s has no result", y, f[0])
		return
	}
	for _, kv := range f[1:] {
		k, want, _ := strings.Cut(kv, "=")
		var got string
		switch k {
		case "total":
			got = u.Total.String()
		case "band":
			got = u.Band
		case "rank":
			got = strconv.Itoa(u.Rank)
		case "prev":
			got = strconv.Itoa(u.PrevRank)
		case "consequences":
			got = strings.Join(u.Consequences, ",")
		case "watch": // rules one more year would apply
			got = strings.Join(u.Watch, ",")
		case "folded":
			got = strings.Join(u.Folded, ",")
		case "name":
			got = u.Name
		case "subtotal": // before the cases' deductions
			got = u.Subtotal.String()
		case "cases": // what the cases took off, after the cap
			got = u.CasePoints.String()
		case "capped":
			got = strconv.FormatBool(u.CaseCapped)
		case "missing": // tasks deducted for having no ledger row
			var codes []string
			for _, d := range u.Deductions {
				if d.Missing {
					codes = append(codes, d.Task)
				}
			}
			got = strings.Join(codes, ",")
		default:
			i := s.ComponentIndex(k)
			if i < 0 {
				t.Fatalf("unknown key %q", k)
			}
			got = "-"
			if u.Scores[i].Has {
				got = u.Scores[i].Value.String()
			}
		}
		if got != want {
			t.Errorf("%d %s %s = %s, want %s", y, u.Code, k, got, want)
		}
	}
}

func checkOrder(t *testing.T, res *Result, y int, want []string) {
	t.Helper()
	var us []*Unit
	for _, code := range want {
		us = append(us, res.Unit(code))
	}
	Order(us)
	var got []string
	for _, u := range us {
		got = append(got, u.Code)
	}
	if !slices.Equal(got, want) {
		t.Errorf("%d: ranking order %v, want %v", y, got, want)
	}
}

// lines returns the non-blank lines of a section, comments (#) removed.
func lines(data []byte) []string {
	var out []string
	for _, l := range strings.Split(string(data), "\n") {
		l, _, _ = strings.Cut(l, "#")
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// ruleOf reads a consequence rule of a case file:
// "id bottom=1 band=poor years=2 case=any|handling,… subjects=领导干部 to=principal,… of=persons".
func ruleOf(fields []string) config.Consequence {
	rule := config.Consequence{ID: fields[0], Name: fields[0], Action: "talk", Of: config.OfUnits, Scope: "county", YearsRunning: 1}
	for _, kv := range fields[1:] {
		k, v, _ := strings.Cut(kv, "=")
		switch k {
		case "bottom":
			rule.Bottom, _ = strconv.Atoi(v)
		case "band":
			rule.Band = v
		case "years":
			rule.YearsRunning, _ = strconv.Atoi(v)
		case "action":
			rule.Action = v
		case "of":
			rule.Of = v
		case "to":
			rule.To = strings.Split(v, ",")
		case "case":
			rule.Case = &config.CaseCondition{}
			if v != "any" {
				rule.Case.Handlings = strings.Split(v, ",")
			}
		case "subjects":
			rule.Case.Subjects = strings.Split(v, ",")
		}
	}
	if rule.Of == config.OfUnits && len(rule.To) == 0 {
		rule.To = []string{config.ToUnit}
	}
	return rule
}

// checkPerson checks "T01 王平 score=92.00 band=excellent banded=true days=184
// consequences=talk lost=Z1.1.1.1": the person named, in the unit.
func checkPerson(t *testing.T, res *Result, y int, f []string) {
	t.Helper()
	var p *Person
	for i := range res.Persons {
		if res.Persons[i].Unit == f[0] && res.Persons[i].Name == f[1] {
			p = &res.Persons[i]
		}
	}
	if p == nil {
		t.Errorf("%d: no person %s of %s", y, f[1], f[0])
		return
	}
	for _, kv := range f[2:] {
		k, want, _ := strings.Cut(kv, "=")
		var got string
		switch k {
		case "score":
			got = "-"
			if p.HasScore {
				got = p.Score.String()
			}
		case "band":
			got = p.Band
		case "banded":
			got = strconv.FormatBool(p.Banded)
		case "days":
			got = strconv.Itoa(p.Days)
		case "role":
			got = p.Role
		case "consequences":
			got = strings.Join(p.Consequences, ",")
		case "lost":
			var codes []string
			for _, d := range p.Lost {
				codes = append(codes, d.Task)
			}
			got = strings.Join(codes, ",")
		default:
			t.Fatalf("unknown key %q", k)
		}
		if got != want {
			t.Errorf("%d %s %s %s = %s, want %s", y, p.Unit, p.Name, k, got, want)
		}
	}
}
