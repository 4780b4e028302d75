package sitetest

import (
	"reflect"
	"strings"
	"testing"
)

func TestParseTSVCellTypes(t *testing.T) {
	tests := []struct {
		name, cell string
		want       any
	}{
		{"whole number", "90", Number("90")},
		{"decimal keeps its digits", "89.995", Number("89.995")},
		{"negative", "-2", Number("-2")},
		{"apostrophe forces text", "'0012", "0012"},
		{"apostrophe alone is empty text", "'", ""},
		{"leading zeros are still a number", "0012", Number("0012")},
		{"date", "#date:2024-03-01", DateCell{Y: 2024, M: 3, D: 1}},
		{"empty", "", nil},
		{"full-width digits stay text", "８９．５", "８９．５"},
		{"exponent is text", "1e2", "1e2"},
		{"thousands separator is text", "1,000", "1,000"},
		{"trailing dot is text", "90.", "90."},
		{"space is text", " 90", " 90"},
		{"Chinese text", "城关镇", "城关镇"},
		{"hash without directive is text", "#1", "#1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := parseTSVCell(tc.cell)
			if err != nil || !reflect.DeepEqual(got, tc.want) {
				t.Errorf("parseTSVCell(%q) = %#v, %v; want %#v", tc.cell, got, err, tc.want)
			}
		})
	}
}

func TestParseTSVSheetsAndMerges(t *testing.T) {
	text := strings.Join([]string{
		"# sheet: 单位名录",
		"# merge: A1:C1",
		"清河县单位名录",
		"单位编码\t单位名称\t类别",
		"T01\t城关镇\t镇",
		"",
		"D01\t县委办公室\t县直部门",
		"",
		"",
		"# sheet: Sheet2",
		"x",
	}, "\n") + "\n"
	sheets, err := ParseTSV("data/单位名录.xlsx.tsv", text)
	if err != nil {
		t.Fatal(err)
	}
	want := []Sheet{{
		Name:   "单位名录",
		Merges: []string{"A1:C1"},
		Rows: [][]any{
			{"清河县单位名录"},
			{"单位编码", "单位名称", "类别"},
			{"T01", "城关镇", "镇"},
			nil, // an empty line is an empty row: row numbers follow line numbers
			{"D01", "县委办公室", "县直部门"},
		},
	}, {Name: "Sheet2", Rows: [][]any{{"x"}}}}
	if !reflect.DeepEqual(sheets, want) {
		t.Errorf("got  %#v\nwant %#v", sheets, want)
	}
}

func TestParseTSVDefaultSheet(t *testing.T) {
	sheets, err := ParseTSV("x.tsv", "\n# merge: A1:B1\n标题\n单位编码\t平均分\r\nT01\t90\r\n")
	if err != nil {
		t.Fatal(err)
	}
	if len(sheets) != 1 || sheets[0].Name != "Sheet1" || len(sheets[0].Rows) != 3 || len(sheets[0].Merges) != 1 {
		t.Fatalf("got %#v, want one sheet Sheet1 with a merge and 3 rows", sheets)
	}
	if got := sheets[0].Rows[2]; !reflect.DeepEqual(got, []any{"T01", Number("90")}) {
		t.Errorf("row 3 = %#v (CRLF line ends must not leak into cells)", got)
	}
}

func TestParseTSVErrorsNameTheLine(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"bad date", "a\n#date:2024-02-30", "x.tsv:2: column 1"},
		{"bad merge", "# merge: A1H1", "x.tsv:1:"},
		{"unknown directive", "a\n# shet: b", "x.tsv:2: unknown directive"},
		{"sheet without name", "# sheet:", "x.tsv:1:"},
		{"sheet twice", "# sheet: a\n# sheet: a", "x.tsv:2:"},
		{"nothing", "\n\n", "x.tsv: no sheet"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseTSV("x.tsv", tc.text)
			if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
				t.Errorf("error = %v, want it to start with %q", err, tc.want)
			}
		})
	}
}

func TestParseTSVWritesAWorkbook(t *testing.T) {
	sheets, err := ParseTSV("民主测评.xlsx.tsv", "# merge: A1:C1\n2024年度民主测评\n单位编码\t有效票数\t平均分\nT01\t120\t89.995\n")
	if err != nil {
		t.Fatal(err)
	}
	if err := WriteWorkbook(t.TempDir()+"/民主测评.xlsx", sheets...); err != nil {
		t.Fatal(err)
	}
}
