package blank

import (
	"bytes"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"dutyreport/generator/config"
	"dutyreport/generator/ingest"
	"dutyreport/generator/record"
)

// example loads the repository's example site (清河县) and its register.
func example(t *testing.T) Input {
	t.Helper()
	cfg, probs := config.Load("../..")
	if probs.HasErrors() {
		t.Fatal(probs)
	}
	reg, probs := ingest.ReadUnits(cfg)
	if probs.HasErrors() {
		t.Fatal(probs)
	}
	return Input{Scheme: &cfg.Scheme, Register: reg, Inputs: cfg.Site.Inputs, Year: 2024}
}

func book(t *testing.T, books []Book, name string) Book {
	t.Helper()
	for _, b := range books {
		if b.Name == name {
			return b
		}
	}
	t.Fatalf("no %s among the templates", name)
	return Book{}
}

func openBook(t *testing.T, b Book) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b.Data))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func TestLedgerHasARowPerUnitAndTask(t *testing.T) {
	in := example(t)
	books, err := Make(in)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, b := range books {
		names = append(names, b.Name)
	}
	if want := []string{"纪实台账.xlsx", "民主测评.xlsx", "责任追究台账.xlsx", "人员名单.xlsx"}; !slices.Equal(names, want) {
		t.Fatalf("templates %v, want %v", names, want)
	}
	// What the clerk expects: each unit active in 2024 once for each task
	// of its category, in the register's and the scheme's order.
	type key struct{ unit, task string }
	var want []key
	for _, u := range in.Register.Units {
		if !u.ActiveIn(2024) {
			continue
		}
		for _, task := range in.Scheme.Tasks {
			if in.Scheme.TaskApplies(task, u.Category) {
				want = append(want, key{u.Code, task.Code})
			}
		}
	}
	if len(want) < 100 {
		t.Fatalf("only %d unit-task pairs in the example: the register moved?", len(want))
	}
	b := book(t, books, "纪实台账.xlsx")
	f := openBook(t, b)
	if got := f.GetSheetList(); !slices.Equal(got, []string{"纪实台账", record.InstructionsSheet, record.ChoicesSheet}) {
		t.Errorf("sheets %v", got)
	}
	rows, err := f.GetRows("纪实台账")
	if err != nil {
		t.Fatal(err)
	}
	header := []string{"单位编码", "单位名称", "责任类别", "责任主体", "任务编号", "任务内容", "应完成次数", "实际完成次数", "完成时间", "佐证材料"}
	if !slices.Equal(rows[0], header) {
		t.Errorf("header %v, want %v", rows[0], header)
	}
	var got []key
	for _, r := range rows[1:] {
		got = append(got, key{r[0], r[4]})
		if len(r) > 7 && strings.Join(r[7:], "") != "" {
			t.Errorf("row %v: the unit's cells are not blank", r)
		}
		if r[6] == "" {
			t.Errorf("row %v: no required count, though the scheme gives every task one", r)
		}
	}
	if !slices.Equal(got, want) || b.Rows != len(want) {
		t.Errorf("%d rows (Rows %d), want %d, one per unit and task", len(got), b.Rows, len(want))
	}
	u := in.Register.Unit(rows[1][0])
	if rows[1][1] != u.NameIn(2024) || rows[1][2] != "主体责任" {
		t.Errorf("first row %v", rows[1])
	}

	// The unit fills H to J; the rest is locked, and the sheet protected.
	locked := func(cell string) bool {
		id, err := f.GetCellStyle("纪实台账", cell)
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		return st.Protection == nil || st.Protection.Locked
	}
	last := len(rows)
	for _, c := range []string{"A1", "H1", "A2", "E2", "G2", "F" + itoa(last)} {
		if !locked(c) {
			t.Errorf("%s is not locked", c)
		}
	}
	for _, c := range []string{"H2", "I2", "J2", "H" + itoa(last)} {
		if locked(c) {
			t.Errorf("%s is locked: the unit cannot fill it in", c)
		}
	}
	if p, err := f.GetSheetProtection("纪实台账"); err != nil || !p.SelectUnlockedCells {
		t.Errorf("protection %+v, %v", p, err)
	}
	if p, err := f.GetPanes("纪实台账"); err != nil || !p.Freeze || p.YSplit != 1 {
		t.Errorf("panes %+v, %v: the header row is not frozen", p, err)
	}

	// The checks: drop-downs from the hidden sheet, the count done at most
	// the row's required count.
	dvs, err := f.GetDataValidations("纪实台账")
	if err != nil {
		t.Fatal(err)
	}
	byRange := map[string]*excelize.DataValidation{}
	for _, dv := range dvs {
		byRange[dv.Sqref] = dv
	}
	end := itoa(last)
	if dv := byRange["A2:A"+end]; dv == nil || dv.Type != "list" || !strings.Contains(dv.Formula1, record.ChoicesSheet+"'!$A$2:$A$") {
		t.Errorf("unit codes: %+v", dv)
	}
	if dv := byRange["E2:E"+end]; dv == nil || dv.Type != "list" {
		t.Errorf("task codes: %+v", dv)
	}
	if dv := byRange["H2:H"+end]; dv == nil || dv.Type != "whole" || dv.Operator != "between" || dv.Formula1 != "0" || dv.Formula2 != "G2" {
		t.Errorf("count done: %+v", dv)
	}
	if dv := byRange["I2:I"+end]; dv == nil || dv.Type != "date" {
		t.Errorf("date: %+v", dv)
	}
	if v, _ := f.GetSheetVisible(record.ChoicesSheet); v {
		t.Error("选项 is visible")
	}
	codes, _ := f.GetCellValue(record.ChoicesSheet, "A2")
	if codes != in.Register.Units[0].Code {
		t.Errorf("选项!A2 = %q", codes)
	}
	if v, _ := f.GetSheetVisible(record.InstructionsSheet); !v {
		t.Error("填表说明 is hidden")
	}
	if text, _ := f.GetCellValue(record.InstructionsSheet, "A1"); !strings.Contains(text, "2024 年度纪实台账") {
		t.Errorf("填表说明!A1 = %q", text)
	}
	props, err := f.GetCustomProps()
	if err != nil || len(props) != 1 || props[0].Name != record.MarkerProperty || props[0].Value != "template 2024 纪实台账" {
		t.Errorf("custom properties %+v, %v", props, err)
	}
}

func TestEvaluationAndHeaderOnlyTemplates(t *testing.T) {
	in := example(t)
	books, err := Make(in)
	if err != nil {
		t.Fatal(err)
	}
	f := openBook(t, book(t, books, "民主测评.xlsx"))
	rows, _ := f.GetRows("民主测评")
	ranked := 0
	for _, u := range in.Register.Units {
		if c, _ := in.Scheme.Category(u.Category); u.ActiveIn(2024) && c.IsRanked() {
			ranked++
		}
	}
	if len(rows)-1 != ranked {
		t.Errorf("%d evaluation rows, want %d ranked units", len(rows)-1, ranked)
	}
	dvs, _ := f.GetDataValidations("民主测评")
	found := false
	for _, dv := range dvs {
		found = found || dv.Sqref == "D2:D"+itoa(len(rows)) && dv.Type == "decimal" && dv.Formula1 == "0" && dv.Formula2 == "100"
	}
	if !found {
		t.Errorf("no 0 to 100 check on 平均分: %+v", dvs)
	}

	f = openBook(t, book(t, books, "责任追究台账.xlsx"))
	rows, _ = f.GetRows("责任追究台账")
	if len(rows) != 1 || !slices.Contains(rows[0], "处理方式") {
		t.Fatalf("case register %v", rows)
	}
	dvs, _ = f.GetDataValidations("责任追究台账")
	lists := 0
	for _, dv := range dvs {
		if dv.Type == "list" {
			lists++
		}
	}
	if lists < 6 { // codes, names, kinds, forms, responsibilities, severities, handlings
		t.Errorf("%d drop-downs in the case register", lists)
	}
	id, _ := f.GetCellStyle("责任追究台账", "C500")
	if st, _ := f.GetStyle(id); st == nil || st.Protection == nil || st.Protection.Locked {
		t.Errorf("C500 of the case register is locked")
	}
}

func TestSameInputsSameBytes(t *testing.T) {
	in := example(t)
	a, err := Make(in)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Make(in)
	if err != nil {
		t.Fatal(err)
	}
	for i := range a {
		if !bytes.Equal(a[i].Data, b[i].Data) {
			t.Errorf("%s differs between two runs", a[i].Name)
		}
	}
}

func TestPerUnitLedgers(t *testing.T) {
	in := example(t)
	in.PerUnit = true
	books, err := Make(in)
	if err != nil {
		t.Fatal(err)
	}
	all := 0
	for _, b := range books {
		if b.Kind != record.KindLedger {
			continue
		}
		u := in.Register.Unit(b.Unit)
		if want := "纪实台账/" + u.Code + " " + u.NameIn(2024) + ".xlsx"; b.Name != want || b.Sheet != u.Code {
			t.Errorf("%s (sheet %s), want %s (sheet %s)", b.Name, b.Sheet, want, u.Code)
		}
		f := openBook(t, b)
		rows, _ := f.GetRows(b.Sheet)
		for _, r := range rows[1:] {
			if r[0] != u.Code {
				t.Errorf("%s holds a row of %s", b.Name, r[0])
			}
		}
		all += len(rows) - 1
	}
	in.PerUnit = false
	one, _ := Make(in)
	if all != one[0].Rows {
		t.Errorf("the units' ledgers hold %d rows, the one ledger %d", all, one[0].Rows)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
