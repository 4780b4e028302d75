package problem

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Severity says whether a problem stops the build.
type Severity int

const (
	// Error means the input must be fixed: the build fails with exit code 1.
	Error Severity = iota
	// Warning is reported but does not stop the build.
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// Problem is one thing wrong with the input, located and explained so that a
// clerk can fix it without help: what was found, what was expected, what to do.
// It is data: Expected, Hint and the notes are entries of the catalogue
// (texts.go) with their values, worded in a language only by Format.
type Problem struct {
	Pos      Position
	Severity Severity
	Code     Code   // stable identifier, listed in codes.go
	Found    string // the value as read, verbatim
	Expected Text   // what would have been accepted
	Hint     Text   // what to do; the code's own hint when zero
	Notes    []Note // related places, such as the other cell of a mismatch
	// Detail is what a library said of the failure, in its own words
	// (English): printed with --verbose only (FormatVerbose), since the
	// message already says what is wrong and what to do.
	Detail string
}

// Note points at a second place that explains a problem.
type Note struct {
	Pos  Position
	Text Text
}

// Error formats the problem in the default language (zh-CN).
func (p Problem) Error() string { return p.Format(ZH) }

// Format writes the problem in lang: position, message, the value found, what
// was expected and what to do, then one indented line per note.
func (p Problem) Format(lang Lang) string {
	var b strings.Builder
	at := texts[tAt].in(lang)
	if !p.Pos.IsZero() {
		b.WriteString(p.Pos.String())
		b.WriteString(at)
	}
	if p.Severity == Warning {
		b.WriteString(texts[tWarning].in(lang))
	}
	b.WriteString(p.Code.Message(lang))
	if p.Found != "" {
		b.WriteString(T(tFound, p.Found).In(lang))
	}
	if expected := p.Expected.In(lang); expected != "" {
		b.WriteString(texts[tExpected].in(lang))
		b.WriteString(expected)
	}
	hint := p.Hint.In(lang)
	if hint == "" {
		hint = p.Code.Hint(lang)
	}
	if hint != "" {
		b.WriteString(texts[tSep].in(lang))
		b.WriteString(hint)
	}
	for _, n := range p.Notes {
		b.WriteString(texts[tNote].in(lang))
		if !n.Pos.IsZero() {
			b.WriteString(n.Pos.String())
			b.WriteString(at)
		}
		b.WriteString(n.Text.In(lang))
	}
	return b.String()
}

// FormatVerbose is Format with the problem's Detail, if any, on an
// indented line of its own.
func (p Problem) FormatVerbose(lang Lang) string {
	if p.Detail == "" {
		return p.Format(lang)
	}
	return p.Format(lang) + "\n    " + p.Detail
}

// List collects the problems of a run. The zero List is ready to use.
type List []Problem

// Add appends a problem.
func (l *List) Add(p Problem) { *l = append(*l, p) }

// Append adds every problem of other.
func (l *List) Append(other List) { *l = append(*l, other...) }

// HasErrors reports whether any problem is an Error rather than a Warning.
func (l List) HasErrors() bool {
	return slices.ContainsFunc(l, func(p Problem) bool { return p.Severity == Error })
}

// Errors returns only the problems of severity Error.
func (l List) Errors() List {
	var out List
	for _, p := range l {
		if p.Severity == Error {
			out = append(out, p)
		}
	}
	return out
}

// Sort orders the list by file, sheet, row, column (D7 before D10), line,
// column, code and text: a total order, so that output never depends on the
// order in which parallel work finished.
func (l List) Sort() {
	slices.SortStableFunc(l, compare)
}

func compare(a, b Problem) int {
	if c := cmp.Compare(a.Pos.File, b.Pos.File); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Pos.Sheet, b.Pos.Sheet); c != 0 {
		return c
	}
	ac, ar, aok := splitCell(a.Pos.Cell)
	bc, br, bok := splitCell(b.Pos.Cell)
	if aok && bok {
		if c := cmp.Compare(ar, br); c != 0 {
			return c
		}
		if c := cmp.Compare(ac, bc); c != 0 {
			return c
		}
	} else if c := cmp.Compare(a.Pos.Cell, b.Pos.Cell); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Pos.Line, b.Pos.Line); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Pos.Col, b.Pos.Col); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Code, b.Code); c != 0 {
		return c
	}
	return cmp.Compare(a.Error(), b.Error())
}

// Err returns nil when the list holds no errors, and the list otherwise.
// Warnings alone do not make an error.
func (l List) Err() error {
	if !l.HasErrors() {
		return nil
	}
	return l
}

// Error gives the first problem and how many more there are.
func (l List) Error() string {
	switch len(l) {
	case 0:
		return "no problems"
	case 1:
		return l[0].Error()
	}
	return fmt.Sprintf("%s (and %d more)", l[0].Error(), len(l)-1)
}
