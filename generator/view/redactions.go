package view

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"dutyreport/generator/redact"
)

// RedactionsPath is the dashboard's page listing every masking of the
// public site, for a reviewer to check before publishing.
const RedactionsPath = "redactions.html"

// Redaction is one masking of the public site, as the dashboard shows it:
// where the text was written, the words around it, what was there and what
// the public site shows instead. Whistleblowers and witnesses stay 某某
// here as everywhere.
type Redaction struct {
	Where  string // data/2024/责任追究台账.xlsx!Sheet1!H3, content/notices/3.md:12
	Before string // up to contextRunes characters before, on the same line
	Text   string // what was written
	After  string
	Masked string // what the public site shows
	Kind   string // name, hidden-name, number, email
}

// contextRunes is how much text a review row shows either side.
const contextRunes = 12

// recorder collects the maskings of a public view for the dashboard; a nil
// recorder records nothing (every build but the dashboard's).
type recorder struct {
	list []Redaction
	hide func(string) string // the dashboard's own masking of the context
}

// add records the edits made to s, written at where (on line line of it
// when line > 0).
func (r *recorder) add(where, s string, edits []redact.Edit, line int) {
	if r == nil || len(edits) == 0 {
		return
	}
	for _, e := range edits {
		w := where
		if line > 0 {
			w += ":" + strconv.Itoa(line+strings.Count(s[:e.Start], "\n"))
		}
		text := s[e.Start:e.End]
		if e.Kind == redact.KindHidden {
			text = e.Repl
		}
		r.list = append(r.list, Redaction{Where: w, Before: r.hide(tail(s[:e.Start])), Text: text,
			After: r.hide(head(s[e.End:])), Masked: e.Repl, Kind: e.Kind.String()})
	}
}

// head gives the start of s up to contextRunes characters, on its first line.
func head(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	n := 0
	for i := range s {
		if n == contextRunes {
			return s[:i]
		}
		n++
	}
	return s
}

// tail gives the end of s up to contextRunes characters, on its last line.
func tail(s string) string {
	if i := strings.LastIndexByte(s, '\n'); i >= 0 {
		s = s[i+1:]
	}
	for n := utf8.RuneCountInString(s); n > contextRunes; n-- {
		_, size := utf8.DecodeRuneInString(s)
		s = s[size:]
	}
	return s
}

// sorted gives the recorded maskings once each, by place: a text shown on
// several pages was masked once for each.
func (r *recorder) sorted() []Redaction {
	l := slices.Clone(r.list)
	slices.SortFunc(l, func(a, b Redaction) int {
		return cmp.Or(comparePlace(a.Where, b.Where), strings.Compare(a.Before, b.Before), strings.Compare(a.Text, b.Text),
			strings.Compare(a.After, b.After), strings.Compare(a.Masked, b.Masked), strings.Compare(a.Kind, b.Kind))
	})
	return slices.Compact(l)
}

// comparePlace orders places by file, then by line or cell numerically:
// content/a.md:9 before content/a.md:10.
func comparePlace(a, b string) int {
	ai, bi := strings.LastIndexAny(a, ":!"), strings.LastIndexAny(b, ":!")
	if ai < 0 || bi < 0 || a[:ai] != b[:bi] {
		return strings.Compare(a, b)
	}
	an, aerr := strconv.Atoi(a[ai+1:])
	bn, berr := strconv.Atoi(b[bi+1:])
	if aerr == nil && berr == nil {
		return cmp.Compare(an, bn)
	}
	ar, br := cellRow(a[ai+1:]), cellRow(b[bi+1:])
	return cmp.Or(cmp.Compare(ar, br), strings.Compare(a, b))
}

// cellRow gives the row of a cell reference (H12 → 12), or 0.
func cellRow(cell string) int {
	i := strings.IndexAny(cell, "0123456789")
	if i < 0 {
		return 0
	}
	n, _ := strconv.Atoi(cell[i:])
	return n
}
