#!/bin/sh
# Makes the fixtures of the format tests (TestFormatsReadTheSame in
# generator/ingest, TestFormatsBuildTheSame in generator): a one-year site of
# towns written by the example generator (site/, its inputs as .xlsx), and
# its evaluation and ledger saved as Excel 97-2003 (.xls) and OpenDocument
# (.ods) workbooks by LibreOffice, as a clerk's office would have them.
#
# Run from the repository root, with LibreOffice's Calc installed (Debian:
# apt-get install libreoffice-calc-nogui):
#   sh generator/ingest/testdata/formats/make.sh
# The files it makes are committed; the tests do not run it.
set -eu
dir=generator/ingest/testdata/formats
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

go run ./cmd/exampledata -ledger-rows 600 -out "$tmp/site"
rm -rf "$dir/site" "$dir/xls" "$dir/ods"
mkdir -p "$dir/site/data/2024" "$dir/xls" "$dir/ods"
cp "$tmp/site/site.yaml" "$dir/site/"
cp "$tmp/site/data/单位名录.xlsx" "$dir/site/data/"
cp "$tmp/site/data/2024/"*.xlsx "$dir/site/data/2024/"
for f in 民主测评 纪实台账; do
	soffice --headless --convert-to xls --outdir "$dir/xls" "$dir/site/data/2024/$f.xlsx"
	soffice --headless --convert-to ods --outdir "$dir/ods" "$dir/site/data/2024/$f.xlsx"
done
ls -l "$dir/site/data/2024" "$dir/xls" "$dir/ods"
