package ingest

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"io"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync/atomic"
	"testing"
	"time"

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
	// Deflate's fastest level packs hundreds of megabytes in a quarter of
	// the default's time, and as small (what is read is the same bytes).
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestSpeed) })
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

// sstBomb is minimalXLSX whose shared-string table holds n strings of
// text, written as it is packed: small however many strings it holds.
func sstBomb(t *testing.T, n int, text string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	base, err := zip.NewReader(bytes.NewReader(minimalXLSX(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`, []string{"x"})), int64(len(minimalXLSX(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`, []string{"x"}))))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range base.File {
		w, _ := zw.Create(f.Name)
		if f.Name != "xl/sharedStrings.xml" {
			rc, _ := f.Open()
			io.Copy(w, rc)
			rc.Close()
			continue
		}
		io.WriteString(w, `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`)
		si := []byte("<si><t>" + text + "</t></si>")
		batch := bytes.Repeat(si, max(1, (64<<10)/len(si)))
		per := len(batch) / len(si)
		for left := n; left > 0; left -= per {
			w.Write(batch[:min(left, per)*len(si)])
		}
		io.WriteString(w, `</sst>`)
	}
	zw.Close()
	return buf.Bytes()
}

// heapPeak runs f and gives the most heap its objects took meanwhile,
// garbage not yet collected included, sampled every millisecond.
func heapPeak(f func()) uint64 {
	runtime.GC()
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	var peak atomic.Uint64
	stop, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		for {
			metrics.Read(s)
			if v := s[0].Value.Uint64(); v > peak.Load() {
				peak.Store(v)
			}
			select {
			case <-stop:
				return
			case <-time.After(time.Millisecond):
			}
		}
	}()
	f()
	close(stop)
	<-done
	return peak.Load()
}

// TestSharedStringBombs: a shared-string table at its limits (a million
// strings, or 64 MiB of text), packed into a few hundred kilobytes, is
// refused as it is read, the heap staying well under the 256 MiB a
// hostile input may cost the whole build. A table of as many strings as a
// full sheet has rows is read.
func TestSharedStringBombs(t *testing.T) {
	if testing.Short() {
		t.Skip("reads millions of strings")
	}
	const bound = 192 << 20
	tests := []struct {
		name string
		n    int
		text string
		want bool // refused
	}{
		{"a string for every row of a full sheet", maxStrings, "x", false},
		{"one string more", maxStrings + 1, "x", true},
		{"64 MiB of text and more", maxStringBytes/(32<<10) + 1, strings.Repeat("字", (32<<10)/3+1), true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			data := sstBomb(t, tc.n, tc.text)
			if len(data) > 2<<20 {
				t.Fatalf("the bomb should be small packed, is %d bytes", len(data))
			}
			var probs problem.List
			peak := heapPeak(func() { probs = readTable(t, "bomb.xlsx", data) })
			t.Logf("%d packed bytes; heap peak %.1f MiB", len(data), float64(peak)/(1<<20))
			if tc.want {
				expectCode(t, probs, problem.IngestTooLarge, "more than")
			} else {
				for _, p := range probs {
					if p.Code == problem.IngestTooLarge {
						t.Errorf("refused: %v", p)
					}
				}
			}
			if peak > bound {
				t.Errorf("reading it took %d MiB of heap, more than %d MiB", peak>>20, bound>>20)
			}
		})
	}
}
