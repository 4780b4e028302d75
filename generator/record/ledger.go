package record

import (
	"iter"
	"math"
	"slices"
	"unsafe"
)

// Ledger is a year's task ledger (纪实台账), held compactly: as LedgerEntry
// values a row takes 96 bytes and its evidence text another allocation,
// here 40 bytes and the text's own. A province keeps ten years of them, and
// a county's year can have a million rows. Unit and task codes and roles are
// kept once each and indexed; evidence texts are kept one after another.
//
// The fields are exported for the ingest cache (gob); rows are added with
// Add and read with At, and Text is only ever appended to.
type Ledger struct {
	Rows  []LedgerRow
	Units []string // unit codes, in the order of their first row
	Tasks []string // task codes
	Roles []string // 责任主体 as written
	Text  []byte   // the rows' evidence texts, one after another
	File  uint16   // the file the rows are from: Origin.File of every row

	// index gives each code and role above its index while rows are added
	// (rebuilt after the cache decodes a ledger).
	index map[indexKey]uint32
	// texts gives the offset in Text of each evidence text longer than
	// shortText, so that a long text many rows share (a shared string of a
	// megabyte, in a hostile file) is kept once.
	texts map[string]uint32
}

// shortText is the length up to which an evidence text is kept again for
// each row that gives it: a million rows then take at most 64 MB.
const shortText = 64

// LedgerRow is one row of a Ledger: indexes into its lists, the counts,
// and where the row is.
type LedgerRow struct {
	Unit, Role     uint32
	Required, Done int32
	Date           Date
	TextAt, TextN  uint32 // the evidence: Text[TextAt:TextAt+TextN]
	Row, Task      uint32
	Sheet, Col     uint16
}

type indexKey struct {
	list uint8 // 0 Units, 1 Tasks, 2 Roles
	s    string
}

// Len gives the number of rows.
func (l *Ledger) Len() int { return len(l.Rows) }

// At gives row i as a LedgerEntry. Its strings are the ledger's own (no
// copy is made), so it costs nothing to call for every row.
func (l *Ledger) At(i int) LedgerEntry {
	r := &l.Rows[i]
	e := LedgerEntry{Unit: l.Units[r.Unit], Task: l.Tasks[r.Task], Role: l.Roles[r.Role],
		Required: r.Required, Done: r.Done, Date: r.Date,
		Origin: Origin{File: l.File, Sheet: r.Sheet, Row: r.Row, Col: uint32(r.Col)}}
	if r.TextN > 0 {
		// Text is only appended to, so the bytes a string was made of
		// never change, even when appending moves Text elsewhere.
		e.Evidence = unsafe.String(&l.Text[r.TextAt], r.TextN)
	}
	return e
}

// All gives the rows in order.
func (l *Ledger) All() iter.Seq2[int, LedgerEntry] {
	return func(yield func(int, LedgerEntry) bool) {
		for i := range l.Rows {
			if !yield(i, l.At(i)) {
				return
			}
		}
	}
}

// Add appends e. Every row is from one file: the ledger takes its Origin's
// file from the first row.
func (l *Ledger) Add(e LedgerEntry) {
	if len(l.Rows) == 0 {
		l.File = e.Origin.File
	}
	r := LedgerRow{Unit: l.indexOf(0, &l.Units, e.Unit), Role: l.indexOf(2, &l.Roles, e.Role),
		Required: e.Required, Done: e.Done, Date: e.Date,
		TextAt: l.textAt(e.Evidence), TextN: uint32(len(e.Evidence)),
		Row: e.Origin.Row, Task: l.indexOf(1, &l.Tasks, e.Task),
		Sheet: e.Origin.Sheet, Col: uint16(e.Origin.Col)}
	l.Rows = append(l.Rows, r)
}

// textAt gives the offset of text in Text, appending it unless it is a
// long one kept already.
func (l *Ledger) textAt(text string) uint32 {
	long := len(text) > shortText
	if long {
		if at, ok := l.texts[text]; ok {
			return at
		}
	}
	if uint64(len(l.Text))+uint64(len(text)) > math.MaxUint32 {
		// Inputs are limited far below: a ledger's texts cannot get here.
		panic("record: a ledger's evidence texts pass 4 GiB")
	}
	at := uint32(len(l.Text))
	l.Text = append(l.Text, text...)
	if long {
		if l.texts == nil {
			l.texts = map[string]uint32{}
		}
		l.texts[text] = at
	}
	return at
}

// Valid reports whether every row's indexes and text lie within the
// ledger: a ledger decoded from the cache is checked before it is used,
// since At reads its texts without bounds checks of their own.
func (l *Ledger) Valid() bool {
	for _, r := range l.Rows {
		if int(r.Unit) >= len(l.Units) || int(r.Task) >= len(l.Tasks) || int(r.Role) >= len(l.Roles) ||
			uint64(r.TextAt)+uint64(r.TextN) > uint64(len(l.Text)) {
			return false
		}
	}
	return true
}

// Done lets go of what Add keeps to find codes and roles fast, once the
// rows are all added (a later Add finds them again).
func (l *Ledger) Done() { l.index, l.texts = nil, nil }

// Grow makes room for n more rows, when the caller knows how many will come.
func (l *Ledger) Grow(n int) { l.Rows = slices.Grow(l.Rows, n) }

// indexOf gives the index of s in *list, adding it if it is new.
func (l *Ledger) indexOf(which uint8, list *[]string, s string) uint32 {
	if l.index == nil {
		l.index = map[indexKey]uint32{}
		for w, ls := range [][]string{l.Units, l.Tasks, l.Roles} {
			for i, v := range ls {
				l.index[indexKey{uint8(w), v}] = uint32(i)
			}
		}
	}
	k := indexKey{which, s}
	if i, ok := l.index[k]; ok {
		return i
	}
	i := uint32(len(*list))
	*list = append(*list, s)
	l.index[k] = i
	return i
}
