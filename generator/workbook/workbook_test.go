package workbook

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

func sampleSheets() []Sheet {
	return []Sheet{{
		Name:   "纪实台账",
		Merges: []string{"A1:E1"},
		Header: 2,
		Rows: [][]any{
			{"2024年度党风廉政建设责任制纪实台账"},
			{"序号", "单位编码", "实际完成次数", "完成时间", "平均分"},
			{1, "T01", int64(3), DateCell{Y: 2024, M: 3, D: 1}, 89.5},
			{2, "T02", int32(0), nil, Number("89.994999999999997")},
			{3, "", 4, time.Date(2024, 12, 31, 15, 4, 5, 0, time.UTC), "８９．５"},
			{4, "T04", 1, DateCell{Y: 2024, M: 7, D: 9, Chinese: true}, -2},
		},
	}, {
		Name: "Sheet2",
		Rows: [][]any{{"单位编码"}, {"'0012"}},
	}}
}

func TestWriteIsByteIdentical(t *testing.T) {
	t.Parallel()
	big := Sheet{Name: "big", Header: 1, Rows: [][]any{{"单位编码", "任务编号", "完成时间"}}}
	for i := range StreamRows + 1 {
		big.Rows = append(big.Rows, []any{fmt.Sprintf("T%03d", i%150), "Z1.1.1.1", DateCell{Y: 2024, M: 1 + i%12, D: 1}})
	}
	for _, tc := range []struct {
		name   string
		sheets []Sheet
	}{
		{"shared strings", sampleSheets()},
		{"streamed", []Sheet{big}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			a, b := filepath.Join(dir, "a", "x.xlsx"), filepath.Join(dir, "b", "x.xlsx")
			if err := Write(a, tc.sheets...); err != nil {
				t.Fatal(err)
			}
			time.Sleep(1100 * time.Millisecond) // a timestamp in seconds would now differ
			if err := Write(b, tc.sheets...); err != nil {
				t.Fatal(err)
			}
			x, _ := os.ReadFile(a)
			y, _ := os.ReadFile(b)
			if len(x) == 0 || !bytes.Equal(x, y) {
				t.Fatalf("two writes of the same sheets differ (%d and %d bytes)", len(x), len(y))
			}
		})
	}
}

func TestWriteReadsBack(t *testing.T) {
	path := filepath.Join(t.TempDir(), "data", "2024", "纪实台账.xlsx")
	if err := Write(path, sampleSheets()...); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); len(got) != 2 || got[0] != "纪实台账" || got[1] != "Sheet2" {
		t.Errorf("sheets = %v, want [纪实台账 Sheet2]", got)
	}
	for _, tc := range []struct{ sheet, cell, want string }{
		{"纪实台账", "A1", "2024年度党风廉政建设责任制纪实台账"},
		{"纪实台账", "B3", "T01"},
		{"纪实台账", "C3", "3"},
		{"纪实台账", "D3", "45352"}, // 2024-03-01 as an Excel serial
		{"纪实台账", "E3", "89.5"},
		{"纪实台账", "D4", ""},
		{"纪实台账", "E4", "89.994999999999997"}, // a Number keeps its digits
		{"纪实台账", "B5", ""},
		{"纪实台账", "D5", "45657"}, // 2024-12-31, time of day dropped
		{"纪实台账", "E5", "８９．５"},
		{"纪实台账", "D6", "45482"}, // 2024-07-09
		{"纪实台账", "E6", "-2"},
		{"Sheet2", "A2", "'0012"}, // Write itself does not interpret text
	} {
		got, err := f.GetCellValue(tc.sheet, tc.cell)
		if err != nil || got != tc.want {
			t.Errorf("%s!%s = %q (%v), want %q", tc.sheet, tc.cell, got, err, tc.want)
		}
	}
	if typ, _ := f.GetCellType("纪实台账", "B3"); typ != excelize.CellTypeSharedString {
		t.Errorf("text cell type = %v, want a shared string as Excel writes", typ)
	}
	for cell, want := range map[string]string{"D3": "yyyy-mm-dd", "D6": `yyyy"年"m"月"d"日"`} {
		id, _ := f.GetCellStyle("纪实台账", cell)
		st, err := f.GetStyle(id)
		if err != nil || st.CustomNumFmt == nil || *st.CustomNumFmt != want {
			t.Errorf("%s number format = %v, want %s", cell, st, want)
		}
	}
	merges, _ := f.GetMergeCells("纪实台账")
	if len(merges) != 1 || merges[0].GetStartAxis() != "A1" || merges[0].GetEndAxis() != "E1" {
		t.Errorf("merges = %v, want A1:E1", merges)
	}
	props, _ := f.GetDocProps()
	if props.Creator != "Administrator" || props.Created != "2025-01-15T08:00:00Z" {
		t.Errorf("document properties = %+v", props)
	}
	formatted, _ := excelize.OpenFile(path)
	defer formatted.Close()
	if got, _ := formatted.GetCellValue("纪实台账", "D6"); got != "2024年7月9日" {
		t.Errorf("D6 shown as %q, want 2024年7月9日", got)
	}
}

func TestStreamedSheetReadsBack(t *testing.T) {
	t.Parallel()
	sh := Sheet{Name: "Sheet1", Merges: []string{"A1:C1"}, Header: 2,
		Rows: [][]any{{"标题"}, {"单位编码", "平均分", "完成时间"}}}
	for i := range StreamRows {
		sh.Rows = append(sh.Rows, []any{fmt.Sprintf("D%05d", i), Number("83.33"), DateCell{Y: 2023, M: 2, D: 28}})
	}
	path := filepath.Join(t.TempDir(), "big.xlsx")
	if err := Write(path, sh); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	last := fmt.Sprint(len(sh.Rows))
	for cell, want := range map[string]string{"A1": "标题", "A2": "单位编码", "A" + last: fmt.Sprintf("D%05d", StreamRows-1), "B" + last: "83.33", "C" + last: "44985"} {
		if got, _ := f.GetCellValue("Sheet1", cell); got != want {
			t.Errorf("%s = %q, want %q", cell, got, want)
		}
	}
	merges, _ := f.GetMergeCells("Sheet1")
	if len(merges) != 1 {
		t.Errorf("merges = %v, want A1:C1", merges)
	}
}

func TestWriteRefusesBadInput(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name   string
		sheets []Sheet
	}{
		{"no sheet", nil},
		{"duplicate name", []Sheet{{Name: "a"}, {Name: "a"}}},
		{"unsupported value", []Sheet{{Name: "a", Rows: [][]any{{true}}}}},
		{"bad merge", []Sheet{{Name: "a", Merges: []string{"A1-H1"}}}},
		{"bad number", []Sheet{{Name: "a", Rows: [][]any{{Number("1,000")}}}}},
	} {
		if err := Write(filepath.Join(dir, tc.name+".xlsx"), tc.sheets...); err == nil {
			t.Errorf("%s: no error", tc.name)
		}
	}
}
