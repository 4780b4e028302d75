package ingest

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"dutyreport/generator/problem"
)

// formatsDir holds a one-year site's inputs as .xlsx, and its evaluation
// and ledger as LibreOffice saved them in other formats (make.sh there).
const formatsDir = "testdata/formats"

// sheetText reads every sheet of a workbook: its name, whether it is
// hidden, and its rows as the table reader gets them, numbered.
func sheetText(t *testing.T, path string) []string {
	t.Helper()
	var probs problem.List
	wb, ok := openFile(path, filepath.Base(path), &probs)
	if !ok {
		t.Fatalf("%s: %v", path, probs)
	}
	defer wb.Close()
	var out []string
	for i, s := range wb.info {
		out = append(out, fmt.Sprintf("sheet %q hidden %v worksheet %v", s.name, s.hidden, s.worksheet))
		if err := wb.eachRow(i, func(n int, cells []string) bool {
			out = append(out, fmt.Sprintf("%d %q", n, cells))
			return true
		}); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
	}
	if len(probs) > 0 {
		t.Errorf("%s: %v", path, probs)
	}
	return out
}

// TestFormatsReadTheSame: an evaluation and a ledger saved by LibreOffice
// as Excel 97-2003 .xls give, sheet by sheet and cell by cell, what the
// .xlsx gives: names, texts, numbers, dates as their serial numbers.
func TestFormatsReadTheSame(t *testing.T) {
	for _, name := range []string{"民主测评", "纪实台账"} {
		want := sheetText(t, filepath.Join(formatsDir, "site/data/2024", name+".xlsx"))
		for _, format := range []string{"xls", "ods"} {
			got := sheetText(t, filepath.Join(formatsDir, format, name+"."+format))
			if !slices.Equal(got, want) {
				n := 0
				for n < min(len(got), len(want)) && got[n] == want[n] {
					n++
				}
				t.Errorf("%s.%s: %d lines, the .xlsx %d; first difference at line %d:\n got  %s\n want %s", name, format,
					len(got), len(want), n+1, strings.Join(got[n:min(n+3, len(got))], "\n      "), strings.Join(want[n:min(n+3, len(want))], "\n      "))
			}
		}
	}
}

// TestHeaderProblemsExplain: a sheet with no header says what its first
// rows are, so the clerk sees what was read; a sheet whose header lies
// beyond the rows searched, or is damaged past them, is reported as
// damaged when it is, not as headless.
func TestHeaderProblemsExplain(t *testing.T) {
	inline := func(row int, cells ...string) string {
		out := fmt.Sprintf(`<row r="%d">`, row)
		for i, c := range cells {
			out += fmt.Sprintf(`<c r="%c%d" t="inlineStr"><is><t>%s</t></is></c>`, 'A'+i, row, c)
		}
		return out + "</row>"
	}
	rows := inline(1, "2024年度民主测评汇总") + inline(3, "序号", "名称", "得分")
	for r := 4; r < 40; r++ {
		rows += inline(r, fmt.Sprint(r-3), "某镇", "90")
	}
	probs := readTable(t, "民主测评.xlsx", minimalXLSX(rows, nil))
	if len(probs) != 1 || probs[0].Code != problem.IngestNoHeader {
		t.Fatalf("got %v", probs)
	}
	msg := probs[0].Format(problem.EN)
	for _, want := range []string{"民主测评.xlsx!Sheet1!A1: this row says: 2024年度民主测评汇总", "民主测评.xlsx!Sheet1!A3: this row says: 序号 名称 得分", "民主测评.xlsx!Sheet1!A4: this row says: 1 某镇 90"} {
		if !strings.Contains(msg, want) {
			t.Errorf("no %q in\n%s", want, msg)
		}
	}
	// The same rows, damaged at row 39: damaged, whatever the header.
	probs = readTable(t, "民主测评.xlsx", minimalXLSX(rows+`<row r="40"><c r="A40"><v>1</v></c></row><!-- never closed`, nil))
	if len(probs) != 1 || probs[0].Code != problem.IngestDamaged || probs[0].Found != "" || probs[0].Detail == "" {
		t.Errorf("damaged past the rows searched: %v", probs)
	}
}

// TestDefaultPassword: a workbook encrypted with Excel's default password,
// which Excel opens without asking, is read as if it had none; one with a
// password of its own is refused as having a password.
func TestDefaultPassword(t *testing.T) {
	plain, err := os.ReadFile(filepath.Join(formatsDir, "site/data/2024/民主测评.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	want := sheetText(t, filepath.Join(formatsDir, "site/data/2024/民主测评.xlsx"))
	for _, pw := range []string{"VelvetSweatshop", "secret"} {
		enc, err := excelize.Encrypt(plain, &excelize.Options{Password: pw})
		if err != nil {
			t.Fatal(err)
		}
		f := filepath.Join(t.TempDir(), "民主测评.xlsx")
		if err := os.WriteFile(f, enc, 0o644); err != nil {
			t.Fatal(err)
		}
		if pw == "secret" {
			var probs problem.List
			if _, ok := openFile(f, "民主测评.xlsx", &probs); ok || len(probs) != 1 || probs[0].Code != problem.IngestEncrypted {
				t.Errorf("a password of its own: %v", probs)
			}
			continue
		}
		if got := sheetText(t, f); !slices.Equal(got, want) {
			t.Errorf("the default password: read %d lines, want %d", len(got), len(want))
		}
	}
}
