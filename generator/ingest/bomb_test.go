package ingest

import (
	"archive/zip"
	"bytes"
	"io"
	"runtime"
	"strings"
	"testing"

	"dutyreport/generator/problem"
)

// bombXLSX is minimalXLSX with a sheet of head, then n bytes of fill, then
// tail, written as it is packed: the workbook is small however large n.
func bombXLSX(t *testing.T, head string, fill byte, n int, tail string) []byte {
	t.Helper()
	const mark = "\x01MARK\x01"
	base, err := zip.NewReader(bytes.NewReader(minimalXLSX(mark, nil)), int64(len(minimalXLSX(mark, nil))))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range base.File {
		rc, _ := f.Open()
		body, _ := io.ReadAll(rc)
		w, _ := zw.Create(f.Name)
		before, after, found := strings.Cut(string(body), mark)
		if !found {
			w.Write(body)
			continue
		}
		io.WriteString(w, before+head)
		chunk := bytes.Repeat([]byte{fill}, 1<<20)
		for left := n; left > 0; left -= len(chunk) {
			w.Write(chunk[:min(left, len(chunk))])
		}
		io.WriteString(w, tail+after)
	}
	zw.Close()
	return buf.Bytes()
}

// TestBombsBoundedMemory: a sheet built to make the reader allocate (a
// text run of hundreds of megabytes, packed into kilobytes) is refused
// while it streams: what reading it allocates in all stays a small
// multiple of the span limit, whatever the size of the run.
func TestBombsBoundedMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("packs hundreds of megabytes")
	}
	const bound = 32 << 20 // bytes allocated while reading, in all
	tests := []struct {
		name       string
		head, tail string
		fill       byte
		n          int
	}{
		{"256 MiB of spaces between cells", `<row r="1">`, `</row>`, ' ', 256 << 20},
		{"a 100 MB cell", `<row r="1"><c r="A1"><v>`, `</v></c></row>`, '1', 100e6},
		{"a 100 MB inline string", `<row r="1"><c r="A1" t="inlineStr"><is><t>`, `</t></is></c></row>`, 'x', 100e6},
		{"a 100 MB attribute", `<row r="1" spans="`, `"></row>`, '1', 100e6},
		{"a 100 MB comment", `<!--`, `-->`, 'x', 100e6},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			data := bombXLSX(t, tc.head, tc.fill, tc.n, tc.tail)
			if len(data) > 1<<20 {
				t.Fatalf("the bomb should be small packed, is %d bytes", len(data))
			}
			runtime.GC()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			probs := readTable(t, "bomb.xlsx", data)
			runtime.ReadMemStats(&after)
			spent := after.TotalAlloc - before.TotalAlloc
			t.Logf("%d packed bytes; reading allocated %.1f MiB", len(data), float64(spent)/(1<<20))
			expectCode(t, probs, problem.IngestTooLarge, "longer than")
			if spent > bound {
				t.Errorf("reading allocated %d MiB, more than %d MiB", spent>>20, bound>>20)
			}
		})
	}
}
