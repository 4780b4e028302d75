package ingest

// stringTable gathers the shared strings into chunks of text, each string
// a slice of one: a table of millions of short strings then costs its text
// and a string header each, not an allocation each with a builder's slack
// (which, at the limits, was most of the memory a bomb of strings cost).
type stringTable struct {
	strs    []string
	buf     []byte // the text of the strings not yet in strs
	pending []int  // the end of each of them in buf
}

// stringChunk is the size of a chunk of text; a longer string is a chunk
// of its own.
const stringChunk = 1 << 20

// add appends s, which is copied.
func (t *stringTable) add(s []byte) {
	if len(t.buf)+len(s) > cap(t.buf) {
		t.flush()
		if cap(t.buf) < len(s) || cap(t.buf) == 0 {
			t.buf = make([]byte, 0, max(stringChunk, len(s)))
		}
	}
	t.buf = append(t.buf, s...)
	t.pending = append(t.pending, len(t.buf))
}

// flush makes the pending strings slices of one chunk.
func (t *stringTable) flush() {
	if len(t.pending) == 0 {
		return
	}
	chunk, start := string(t.buf), 0
	for _, end := range t.pending {
		t.strs = append(t.strs, chunk[start:end])
		start = end
	}
	t.buf, t.pending = t.buf[:0], t.pending[:0]
}

// len is the number of strings added.
func (t *stringTable) len() int { return len(t.strs) + len(t.pending) }

// done gives every string added, in order.
func (t *stringTable) done() []string {
	t.flush()
	t.buf, t.pending = nil, nil
	return t.strs
}
