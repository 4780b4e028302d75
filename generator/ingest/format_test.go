package ingest

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"dutyreport/generator/problem"
)

// TestClassify: a file that does not open as .xlsx is named for what its
// bytes say it is, whatever its name, so that the clerk knows what to do.
func TestClassify(t *testing.T) {
	zipOf := func(names ...string) []byte {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for _, n := range names {
			w, _ := zw.Create(n)
			w.Write([]byte("x"))
		}
		zw.Close()
		return buf.Bytes()
	}
	cfb := func(streams ...string) []byte {
		b := append([]byte{}, cfbMagic...)
		b = append(b, make([]byte, 504)...)
		for _, s := range streams {
			b = append(b, utf16le(s)...)
		}
		return b
	}
	tests := []struct {
		name string
		data []byte
		want problem.Code
	}{
		{"empty", nil, problem.IngestEmptyFile},
		{"password", cfb("EncryptionInfo", "EncryptedPackage"), problem.IngestEncrypted},
		{"xls, damaged", cfb("Workbook", "SummaryInformation"), problem.IngestDamaged},
		{"ods", zipOf("mimetype", "content.xml"), problem.IngestOpenDocument},
		{"xlsb", zipOf("[Content_Types].xml", "xl/workbook.bin"), problem.IngestBinaryWorkbook},
		{"zip of something else", zipOf("a.txt"), problem.IngestDamaged},
		{"html", []byte("\r\n<!DOCTYPE html><html><table><tr><td>单位编码</td></tr></table></html>"), problem.IngestHTMLFile},
		{"xml spreadsheet 2003", []byte(`<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">`), problem.IngestHTMLFile},
		{"binary", []byte{0x00, 0x01, 0x02, 0xff}, problem.IngestNotWorkbook},
	}
	dir := t.TempDir()
	for _, tc := range tests {
		f := filepath.Join(dir, tc.name+".xlsx")
		if err := os.WriteFile(f, tc.data, 0o644); err != nil {
			t.Fatal(err)
		}
		if got, _ := classify(io.NewSectionReader(bytes.NewReader(tc.data), 0, int64(len(tc.data))), errors.New("zip: not a valid zip file")); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
		}
		// And through the entry point, with no reader jargon in the message.
		var probs problem.List
		if _, ok := openFile(f, tc.name+".xlsx", &probs); ok || len(probs) != 1 || probs[0].Code != tc.want {
			t.Errorf("%s: openWorkbook gave %v", tc.name, probs)
		} else if tc.want != problem.IngestDamaged && probs[0].Found != "" {
			t.Errorf("%s: the reader's error should not be shown: %q", tc.name, probs[0].Found)
		}
	}
}
