package ingest

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
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
		{"numbers", zipOf("Index/Document.iwa", "Metadata/Properties.plist"), problem.IngestNumbers},
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

// TestODSWithPassword: an OpenDocument spreadsheet whose manifest says its
// parts are encrypted is refused as having a password.
func TestODSWithPassword(t *testing.T) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range map[string]string{
		"mimetype":              "application/vnd.oasis.opendocument.spreadsheet",
		"META-INF/manifest.xml": `<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="content.xml"><manifest:encryption-data manifest:checksum-type="SHA1/1K"/></manifest:file-entry></manifest:manifest>`,
		"content.xml":           "\x8f\x01 encrypted bytes",
	} {
		w, _ := zw.Create(name)
		w.Write([]byte(body))
	}
	zw.Close()
	f := filepath.Join(t.TempDir(), "民主测评.ods")
	if err := os.WriteFile(f, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	var probs problem.List
	if _, ok := openFile(f, "民主测评.ods", &probs); ok || len(probs) != 1 || probs[0].Code != problem.IngestEncrypted {
		t.Errorf("got %v", probs)
	}
}

// TestCSVOddlySaved: a CSV saved as UTF-16 without its byte-order mark, or
// padded with NUL bytes, is read as the CSV it is, not refused as no
// spreadsheet.
func TestCSVOddlySaved(t *testing.T) {
	text := "单位编码,平均分\r\nT01,90\r\n"
	var le, be []byte
	for _, r := range text {
		le = append(le, byte(r), byte(r>>8))
		be = append(be, byte(r>>8), byte(r))
	}
	padded := append([]byte(text), make([]byte, 8)...)
	for name, data := range map[string][]byte{"UTF-16LE": le, "UTF-16BE": be, "NUL-padded": padded} {
		var probs problem.List
		wb, ok := openBytesNamed(t, data, "民主测评.csv", &probs)
		if !ok {
			t.Errorf("%s: %v", name, probs)
			continue
		}
		var rows []string
		wb.eachRow(0, func(_ int, cells []string) bool { rows = append(rows, strings.Join(cells, "|")); return true })
		if got := strings.Join(rows, "; "); got != "单位编码|平均分; T01|90" {
			t.Errorf("%s: read %q", name, got)
		}
	}
}
