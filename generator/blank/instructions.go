package blank

import (
	"strconv"

	"github.com/xuri/excelize/v2"

	"dutyreport/generator/record"
	"dutyreport/generator/workbook"
)

// instructions writes the sheet 填表说明: the year and the table, which
// cells to fill and which not to change, what each column holds, and how
// to send the file back. It comes after the data sheet, which is the one
// the reader takes and Excel opens at; it is protected, as a text to read.
func instructions(f *excelize.File, st styles, in Input, t *table) error {
	name := record.InstructionsSheet
	year := strconv.Itoa(in.Year)
	title := year + " 年度" + t.kind.Name() + "填表说明"
	if t.unit != nil {
		title = year + " 年度" + t.kind.Name() + "（" + t.unit.Code + " " + t.unit.NameIn(in.Year) + "）填表说明"
	}
	var lines []string
	switch {
	case len(t.rows) > 0:
		lines = append(lines,
			"1. 请在工作表“"+t.sheet+"”中填写。灰色底纹的单元格由考核办填好并锁定，请勿改动；白色的单元格由单位填写。",
			"2. 每一行已列出一个单位"+rowWhat(t.kind)+"，共 "+strconv.Itoa(len(t.rows))+" 行。请逐行填写，不要增删行，不要调整行的顺序。")
	default:
		lines = append(lines,
			"1. 请在工作表“"+t.sheet+"”中从第 2 行起逐行填写，"+rowWhat(t.kind)+"。",
			"2. 单位编码、单位名称等请从下拉列表中选择；列表之外的值不能填入。")
	}
	lines = append(lines,
		"3. 不要删除、插入、移动列，不要改动第 1 行的表头和工作表的名称，也不要删除“"+record.InstructionsSheet+"”和隐藏的“"+record.ChoicesSheet+"”工作表：程序按表头识别各列，按本说明核对表格是否为 "+year+" 年度的模板。",
		"4. 数字请填写阿拉伯数字（如 3、92.5），日期写成 "+year+"-03-01 的形式；没有的填 0，不要写“无”或留空。",
		"5. 工作表已设保护（没有密码），只能在需要填写的单元格中输入。确需改动灰色单元格的，请与考核办联系，不要自行撤销保护后修改。",
		"6. 填好后直接保存（Excel 工作簿 .xlsx 格式），文件名不变，按通知要求报送考核办。请勿另存为 .xls、.et、PDF 或图片，也不要复制到新的工作簿中。",
	)
	if err := f.SetColWidth(name, "A", "A", 18); err != nil {
		return err
	}
	if err := f.SetColWidth(name, "B", "B", 70); err != nil {
		return err
	}
	if err := f.SetColWidth(name, "C", "C", 12); err != nil {
		return err
	}
	row := 1
	put := func(cells []any, style int) error {
		cell := "A" + strconv.Itoa(row)
		if err := f.SetSheetRow(name, cell, &cells); err != nil {
			return err
		}
		end, _ := excelize.CoordinatesToCellName(max(len(cells), 1), row)
		row++
		return f.SetCellStyle(name, cell, end, style)
	}
	merge := func(text string, style int) error {
		cell := "A" + strconv.Itoa(row)
		if err := f.MergeCell(name, cell, "C"+strconv.Itoa(row)); err != nil {
			return err
		}
		if err := f.SetRowHeight(name, row, rowHeight(text)); err != nil {
			return err
		}
		return put([]any{text}, style)
	}
	if err := merge(title, st.title); err != nil {
		return err
	}
	row++
	for _, l := range lines {
		if err := merge(l, st.text); err != nil {
			return err
		}
	}
	row++
	if err := put([]any{"列名", "填写说明", "由谁填写"}, st.heading); err != nil {
		return err
	}
	for _, c := range t.cols {
		who := "单位"
		if c.office && len(t.rows) > 0 {
			who = "考核办（已填好）"
		}
		if err := put([]any{c.name, c.help, who}, st.text); err != nil {
			return err
		}
	}
	return f.ProtectSheet(name, &excelize.SheetProtectionOptions{SelectLockedCells: true, SelectUnlockedCells: true, FormatColumns: true, FormatRows: true})
}

// rowWhat says what a row of the kind's table is.
func rowWhat(k record.Kind) string {
	switch k {
	case record.KindLedger:
		return "的一项考核任务"
	case record.KindEvaluation:
		return "的民主测评结果"
	case record.KindScores:
		return "的各项得分"
	case record.KindCases:
		return "每名被问责人（或被问责的领导班子）一行，同一案件的各行案件编号相同"
	case record.KindRoster:
		return "每人每个角色一行；年内换人的，前后两人各一行并填写任职日期"
	}
	return ""
}

// rowHeight gives a merged line of instructions room for its text, at
// about 60 Chinese characters to a line of the merged width.
func rowHeight(text string) float64 {
	lines := (workbook.TextWidth(text) + 119) / 120
	return float64(max(lines, 1)) * 18
}
