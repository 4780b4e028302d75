// Command exampledata writes the example sites' input workbooks,
// deterministically: the same source always gives byte-identical files, so
// the committed data can be regenerated and the diff reviewed.
//
// Run from the repository root:
//
//	go run ./cmd/exampledata -out .                           # 清河县: data/ of the example site
//	go run ./cmd/exampledata -jingzhou -out examples/jingzhou # 荆州市: examples/jingzhou/data/
//	go run ./cmd/exampledata -province -out /tmp/province     # a synthetic province for benchmarks
//
// The first two read the site.yaml and scheme already in -out, so the data
// always follow the scheme's tasks and indicators. -province writes a
// complete site: site.yaml, schemes/shangnan.yaml (copied from -scheme) and
// ten years of data, about 3,000 units.
package main

import (
	"flag"
	"fmt"
	"os"
	"time"

	"dutyreport/generator/sitetest"
)

func main() {
	out := flag.String("out", ".", "the site folder to write into")
	province := flag.Bool("province", false, "write a synthetic province (about 3,000 units, 2015–2024) with its site.yaml and scheme")
	jingzhou := flag.Bool("jingzhou", false, "write the 荆州市 example's data; -out must hold its site.yaml (examples/jingzhou)")
	scheme := flag.String("scheme", "", "with -province or -ledger-rows: the scheme file to copy (default: schemes/shangnan.yaml of this module)")
	ledgerRows := flag.Int("ledger-rows", 0, "write a one-year site of towns whose ledger has at least this many rows")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), `usage: exampledata [[-province | -ledger-rows N] [-scheme FILE] | -jingzhou] [-out DIR]

Writes example input workbooks. From the repository root:
  go run ./cmd/exampledata -out .                            the 清河县 example (data/)
  go run ./cmd/exampledata -jingzhou -out examples/jingzhou  the 荆州市 example
  go run ./cmd/exampledata -province -out DIR                a synthetic province
  go run ./cmd/exampledata -ledger-rows 600 -out DIR         a one-year site of towns

`)
		flag.PrintDefaults()
	}
	flag.Parse()
	synthetic := *province || *ledgerRows > 0
	if flag.NArg() > 0 || *province && *jingzhou || *ledgerRows > 0 && (*province || *jingzhou) || *scheme != "" && !synthetic || *ledgerRows < 0 {
		flag.Usage()
		os.Exit(2)
	}
	start := time.Now()
	var err error
	switch {
	case *jingzhou:
		err = sitetest.WriteJingzhou(*out)
	default:
		err = sitetest.WriteExample(*out, sitetest.ExampleOptions{Province: *province, LedgerRows: *ledgerRows, Scheme: *scheme})
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "exampledata:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "exampledata: wrote %s in %s\n", *out, time.Since(start).Round(time.Millisecond))
}
