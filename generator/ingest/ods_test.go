package ingest

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"
	"time"
)

// fods is a flat OpenDocument spreadsheet of two tables, the second hidden.
func fods(rows string) string {
	return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
<style:style style:name="ta1" style:family="table"><style:table-properties table:display="true"/></style:style>
<style:style style:name="ta2" style:family="table"><style:table-properties table:display="false"/></style:style>
</office:automatic-styles>
<office:body><office:spreadsheet>
<table:table table:name="民主测评" table:style-name="ta1">` + rows + `</table:table>
<table:table table:name="说明" table:style-name="ta2"><table:table-row><table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row></table:table>
</office:spreadsheet></office:body></office:document>`
}

// TestODSCells: each kind of OpenDocument cell gives the text an .xlsx
// cell of the same value holds; repeated rows and cells are given as often
// as they repeat, trailing empty ones not at all; a cell spanning rows is
// a merged cell; an annotation or a text box is not the cell's text.
func TestODSCells(t *testing.T) {
	doc := fods(`
<table:table-row><table:table-cell table:number-rows-spanned="2" office:value-type="string"><text:p>T01 一镇</text:p></table:table-cell>
 <table:table-cell office:value-type="float" office:value="80.5"><text:p>80.50</text:p></table:table-cell>
 <table:table-cell office:value-type="percentage" office:value="0.925"><text:p>92.50%</text:p></table:table-cell>
 <table:table-cell office:value-type="date" office:date-value="2024-03-01"><text:p>2024年3月1日</text:p></table:table-cell>
 <table:table-cell office:value-type="boolean" office:boolean-value="true"><text:p>TRUE</text:p></table:table-cell>
 <table:table-cell table:number-columns-repeated="16379"/></table:table-row>
<table:table-row table:number-rows-repeated="2"><table:covered-table-cell/><table:table-cell office:value-type="string"><text:p>两<text:s text:c="2"/>段</text:p><text:p><text:span>第二段</text:span></text:p><office:annotation><text:p>批注</text:p></office:annotation><draw:frame><draw:text-box><text:p>文本框</text:p></draw:text-box></draw:frame></table:table-cell></table:table-row>
<table:table-row table:number-rows-repeated="3"><table:table-cell table:number-columns-repeated="5"/></table:table-row>
<table:table-row><table:table-cell table:number-columns-repeated="2" office:value-type="float" office:value="1"/></table:table-row>
<table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>`)
	src := io.NewSectionReader(strings.NewReader(doc), 0, int64(len(doc)))
	if !flatODF([]byte(doc[:min(len(doc), 4096)])) {
		t.Fatal("not seen as flat OpenDocument")
	}
	o, err := openFODS(src)
	if err != nil {
		t.Fatal(err)
	}
	var sheets []string
	for _, s := range o.sheets {
		sheets = append(sheets, fmt.Sprintf("%s hidden=%v", s.name, s.hidden))
	}
	if want := []string{"民主测评 hidden=false", "说明 hidden=true"}; !slices.Equal(sheets, want) {
		t.Errorf("tables %q, want %q", sheets, want)
	}
	var rows []string
	start := time.Now()
	if err := o.eachRow(0, func(n int, cells []string) bool {
		rows = append(rows, fmt.Sprintf("%d %q", n, cells))
		return true
	}, func(oddity) {}); err != nil {
		t.Fatal(err)
	}
	want := []string{
		`1 ["T01 一镇" "80.5" "92.5%" "45352" "1"]`,
		`2 ["" "两  段\n第二段"]`,
		`3 ["" "两  段\n第二段"]`,
		`4 []`, `5 []`, `6 []`,
		`7 ["1" "1"]`,
	}
	if !slices.Equal(rows, want) {
		t.Errorf("rows\n %s\nwant\n %s", strings.Join(rows, "\n "), strings.Join(want, "\n "))
	}
	if got := o.mergesOf(0); !slices.Equal(got, []cellRange{{r0: 1, c0: 1, r1: 2, c1: 1}}) {
		t.Errorf("merges %v, want A1:A2", got)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("a million repeated empty rows took %s", d)
	}
}

// FuzzODS: any flat OpenDocument text is read, or refused, without a
// panic, in bounded time.
func FuzzODS(f *testing.F) {
	f.Add(fods(`<table:table-row table:number-rows-repeated="3"><table:table-cell table:number-rows-spanned="2" office:value-type="float" office:value="1"/></table:table-row>`))
	f.Fuzz(func(t *testing.T, doc string) {
		o, err := openFODS(io.NewSectionReader(strings.NewReader(doc), 0, int64(len(doc))))
		if err != nil {
			return
		}
		for i := range o.sheets {
			o.eachRow(i, func(n int, cells []string) bool {
				if n < 1 || n > maxRows || len(cells) > maxColumns {
					t.Fatalf("row %d of %d cells", n, len(cells))
				}
				return true
			}, func(oddity) {})
		}
	})
}

// TestODSCellLimit: spaces counted by text:c are held to the cell's limit,
// as text is: a few bytes of XML cannot make a cell of megabytes.
func TestODSCellLimit(t *testing.T) {
	doc := fods(`<table:table-row><table:table-cell office:value-type="string"><text:p>` +
		strings.Repeat(`<text:s text:c="1000000"/>`, 3) + `</text:p></table:table-cell></table:table-row>`)
	o, err := openFODS(io.NewSectionReader(strings.NewReader(doc), 0, int64(len(doc))))
	if err != nil {
		t.Fatal(err)
	}
	err = o.eachRow(0, func(int, []string) bool { return true }, func(oddity) {})
	var tl *tooLarge
	if !errors.As(err, &tl) {
		t.Errorf("got %v, want a cell too large", err)
	}
}
