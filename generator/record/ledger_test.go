package record

import (
	"strings"
	"testing"
)

// TestLedgerRows: rows read back as added, their codes and roles kept once
// each; a long evidence text many rows give is kept once, a short one
// again for each row.
func TestLedgerRows(t *testing.T) {
	var l Ledger
	long := strings.Repeat("会议纪要", 100)
	for i := range 1000 {
		ev := long
		if i%2 == 1 {
			ev = "发文"
		}
		l.Add(LedgerEntry{Unit: "T0" + string(rune('1'+i%3)), Task: "A1", Role: "书记", Required: 2, Done: int32(i % 3),
			Date: 20240301, Evidence: ev, Origin: Origin{File: 2, Sheet: 1, Row: uint32(i + 2), Col: 6}})
	}
	l.Done()
	if len(l.Units) != 3 || len(l.Tasks) != 1 || len(l.Roles) != 1 {
		t.Errorf("lists %v %v %v", l.Units, l.Tasks, l.Roles)
	}
	if want := len(long) + 500*len("发文"); len(l.Text) != want {
		t.Errorf("texts take %d bytes, want %d", len(l.Text), want)
	}
	e := l.At(999)
	if e.Unit != "T01" || e.Evidence != "发文" || e.Done != 0 || e.Origin != (Origin{File: 2, Sheet: 1, Row: 1001, Col: 6}) || e.Date.String() != "2024-03-01" {
		t.Errorf("row 999: %+v", e)
	}
	if l.At(998).Evidence != long || !l.Valid() {
		t.Error("the long text, or the ledger, is not whole")
	}
	l.Rows[5].TextN += uint32(len(l.Text)) // as a damaged cache might have it
	if l.Valid() {
		t.Error("a text past the end is valid")
	}
}
