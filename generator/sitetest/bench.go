package sitetest

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
)

// SmokeEnv is the environment variable that, set to "smoke", runs the
// benchmarks at a small size (`make bench-smoke`, which CI runs with
// -benchtime 1x): every benchmark runs once, in seconds, so that one that
// panics or hangs fails the build rather than rotting until the next
// `make bench`.
const SmokeEnv = "DUTYREPORT_BENCH"

// Smoke reports whether the benchmarks run at their small size.
func Smoke() bool { return os.Getenv(SmokeEnv) == "smoke" }

// benchVersion is part of the name of every site BenchSite.Dir writes into
// the temp folder: bump it when the generator changes, or benchmarks read
// the sites an older generator wrote.
const benchVersion = "v2"

// BenchSite is a synthetic site for benchmarks.
type BenchSite struct {
	Name    string // as benchmarks report it: province, ledger-100k, ledger-1m (smoke: province-1, ledger-1k, ledger-10k)
	Options ExampleOptions
}

// BenchSites gives the named synthetic sites, each "province",
// "province-10k" (five of its counties), "ledger-100k" or "ledger-1m", at full size or, in a smoke run (Smoke), a
// small site of the same shape: the province with one county of its 15
// (about 200 units, the same ten years), the ledgers with a hundredth of
// their rows.
func BenchSites(names ...string) []BenchSite {
	smoke := Smoke()
	var out []BenchSite
	for _, name := range names {
		var s BenchSite
		switch name {
		case "province":
			s = BenchSite{"province", ExampleOptions{Province: true}}
			if smoke {
				s = BenchSite{"province-1", ExampleOptions{Province: true, Counties: 1}}
			}
		case "province-10k":
			// Five counties of the fifteen: about 1,000 units, 10,000 pages.
			s = BenchSite{"province-10k", ExampleOptions{Province: true, Counties: 5}}
			if smoke {
				s = BenchSite{"province-1", ExampleOptions{Province: true, Counties: 1}}
			}
		case "ledger-100k", "ledger-1m":
			rows := map[string]int{"ledger-100k": 100_000, "ledger-1m": 1_000_000}[name]
			s = BenchSite{name, ExampleOptions{LedgerRows: rows}}
			if smoke {
				s = BenchSite{fmt.Sprintf("ledger-%dk", rows/100/1000), ExampleOptions{LedgerRows: rows / 100}}
			}
		default:
			panic("sitetest: no benchmark site " + name)
		}
		out = append(out, s)
	}
	return out
}

// Dir writes the site once into the temp folder (CachedExample) and gives
// its folder; fresh is true when this call wrote it.
//
// A smoke run takes no site from an earlier run: it is there to find a
// generator that no longer works. It writes each of its small sites
// afresh, once per test binary, into a folder of the binary's own (go test
// runs packages side by side), where the next smoke run of that package
// replaces it.
func (s BenchSite) Dir() (dir string, fresh bool, err error) {
	if !Smoke() {
		return CachedExample(s.Name+"-"+benchVersion, s.Options)
	}
	v, _ := smokeSites.LoadOrStore(s.Name, &smokeSite{})
	site := v.(*smokeSite)
	site.once.Do(func() {
		site.dir = filepath.Join(os.TempDir(), "dutyreport-bench-smoke-"+filepath.Base(os.Args[0])+"-"+s.Name)
		tmp := site.dir + ".tmp"
		_ = os.RemoveAll(tmp)
		if site.err = WriteExample(tmp, s.Options); site.err != nil {
			return
		}
		_ = os.RemoveAll(site.dir)
		site.err = os.Rename(tmp, site.dir)
		fresh = true
	})
	return site.dir, fresh, site.err
}

// smokeSites holds a *smokeSite per site name: the small sites this
// process wrote.
var smokeSites sync.Map

type smokeSite struct {
	once sync.Once
	dir  string
	err  error
}

// The baselines of ingest: the least any reader of a sheet does. Both open
// the workbook's zip and read its first sheet's XML; ScanRowsXML reads it as
// encoding/xml tokens and counts <row> elements, ScanRowsBytes counts "<row"
// in the decompressed bytes. Neither types a cell or checks a value.

// ScanRowsXML counts the rows of a workbook's first sheet with encoding/xml's
// tokenizer.
func ScanRowsXML(file string) (int, error) {
	n := 0
	err := firstSheet(file, func(r io.Reader) error {
		dec := xml.NewDecoder(r)
		for {
			tok, err := dec.Token()
			if err == io.EOF {
				return nil
			}
			if err != nil {
				return err
			}
			if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "row" {
				n++
			}
		}
	})
	return n, err
}

// ScanRowsBytes counts the rows of a workbook's first sheet by looking for
// "<row" followed by a space or ">" in the decompressed bytes, a buffer at
// a time.
func ScanRowsBytes(file string) (int, error) {
	n := 0
	err := firstSheet(file, func(r io.Reader) error {
		buf := make([]byte, 64<<10)
		keep := 0 // the last bytes of the previous read: a "<row" split across two
		for {
			m, err := r.Read(buf[keep:])
			data := buf[:keep+m]
			// A match counts once its next byte is read: one that ends
			// the buffer is found again after the carry-over.
			for i := 0; ; {
				j := bytes.Index(data[i:], rowTag)
				if j < 0 || i+j+len(rowTag) >= len(data) {
					break
				}
				i += j + len(rowTag)
				if c := data[i]; c == ' ' || c == '>' {
					n++
				}
			}
			keep = min(len(data), len(rowTag))
			copy(buf, data[len(data)-keep:])
			if err == io.EOF {
				return nil
			}
			if err != nil {
				return err
			}
		}
	})
	return n, err
}

var rowTag = []byte("<row")

// firstSheet calls read with the XML of a workbook's first sheet.
func firstSheet(file string, read func(io.Reader) error) error {
	zr, err := zip.OpenReader(file)
	if err != nil {
		return err
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name != "xl/worksheets/sheet1.xml" {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return err
		}
		defer rc.Close()
		return read(rc)
	}
	return fmt.Errorf("%s: no xl/worksheets/sheet1.xml", file)
}
