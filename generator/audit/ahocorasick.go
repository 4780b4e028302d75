package audit

import (
	"bytes"
	"slices"
)

// This is a hand-written Aho–Corasick automaton. The audit needs every
// occurrence of every pattern, overlapping ones included (a needle inside an
// allowed term, 张三 inside 张三丰), with byte offsets, for thousands of
// patterns. Of the Go libraries: github.com/coregx/ahocorasick (maintained,
// has overlapping search) and github.com/pgavlin/aho-corasick are not served
// by our module proxy; github.com/cloudflare/ahocorasick reports no offsets;
// github.com/petar-dambovaliev/aho-corasick has no tagged release, its
// prefilter never engages (it compares the state pointer with the address of a
// fresh local), and it scanned our test load at 80–120 MB/s. A privacy check
// should rest on code its tests fully cover, so it lives here: about 150
// lines, cross-checked against bytes.Index in ahocorasick_test.go.

// denseDepth is how deep in the trie states get a full 256-entry transition
// row. Text sits in shallow states almost all the time, so these rows carry
// nearly every byte; deeper states keep sparse edges and failure links, which
// keeps memory at a few megabytes for thousands of patterns (a full DFA over
// 86,000 states and 200 byte classes would take 70 MB).
const denseDepth = 2

// reports flags a transition whose target state ends a pattern, so the scan
// loop learns it from the value it already loaded.
const reports = -1 << 31

// machine reports every occurrence of every pattern in a byte string. States
// are numbered breadth first, so the dense ones are 0 to dense-1 and the root
// is 0. It is immutable after newMachine and safe for concurrent use.
type machine struct {
	dense   int32   // states below dense have a row in rows
	rows    []int32 // rows[s<<8|c] is the transition, with reports, for s < dense
	first   []int32 // the edges of state s are first[s]:first[s+1] of label and target
	label   []byte
	target  []int32 // with reports
	fail    []int32
	pattern []int32 // state → id of the pattern it spells, or -1
	report  []int32 // state → first state on its suffix chain that ends a pattern, or -1
	chain   []int32 // state → next shorter suffix state that ends a pattern, or -1
	length  []int32 // pattern id → length in bytes
	maxLen  int
}

// newMachine builds the automaton. Patterns must be distinct and non-empty.
func newMachine(patterns [][]byte) *machine {
	type edge struct {
		s, t int32
		c    byte
	}
	// The trie, built from the patterns in sorted order: each shares the
	// states of its common prefix with the one before, so no lookup is
	// needed, and a state's edges are made in the order of their labels.
	sorted := make([]int, len(patterns))
	for i := range sorted {
		sorted[i] = i
	}
	slices.SortFunc(sorted, func(a, b int) int { return bytes.Compare(patterns[a], patterns[b]) })
	ends := []int32{-1}
	depth := []int32{0}
	var edges []edge
	path := []int32{0} // path[k] is the state after k bytes of the last pattern
	var last []byte
	m := &machine{length: make([]int32, len(patterns))}
	for _, id := range sorted {
		p := patterns[id]
		k := 0
		for k < len(p) && k < len(last) && p[k] == last[k] {
			k++
		}
		path = path[:k+1]
		s := path[k]
		for _, c := range p[k:] {
			t := int32(len(ends))
			ends = append(ends, -1)
			depth = append(depth, depth[s]+1)
			edges = append(edges, edge{s, t, c})
			path = append(path, t)
			s = t
		}
		ends[s] = int32(id)
		m.length[id] = int32(len(p))
		m.maxLen = max(m.maxLen, len(p))
		last = p
	}
	n := len(ends)
	// byState orders the edges by state, keeping the order of each
	// state's edges (by label, as made): a counting sort, since sorting
	// a hundred thousand edges by comparison took most of New's time.
	byState := func(edges []edge) {
		at := make([]int32, n+1)
		for _, e := range edges {
			at[e.s+1]++
		}
		for s := range n {
			at[s+1] += at[s]
		}
		sorted := make([]edge, len(edges))
		for _, e := range edges {
			sorted[at[e.s]] = e
			at[e.s]++
		}
		copy(edges, sorted)
	}
	byState(edges)
	from := make([]int32, n+1)
	for _, e := range edges {
		from[e.s+1]++
	}
	for s := range n {
		from[s+1] += from[s]
	}

	// Renumber breadth first: shallow states first, and a state's failure
	// target (always shallower) complete before the state needs it.
	id := make([]int32, n)
	order := make([]int32, 1, n)
	for i := 0; i < len(order); i++ {
		s := order[i]
		id[s] = int32(i)
		for _, e := range edges[from[s]:from[s+1]] {
			order = append(order, e.t)
		}
	}
	for i := range edges {
		edges[i] = edge{id[edges[i].s], id[edges[i].t], edges[i].c}
	}
	byState(edges)
	m.pattern = make([]int32, n)
	m.first = make([]int32, n+1)
	m.label = make([]byte, len(edges))
	m.target = make([]int32, len(edges))
	for old, s := range id {
		m.pattern[s] = ends[old]
	}
	for i, e := range edges {
		m.first[e.s+1]++
		m.label[i], m.target[i] = e.c, e.t
	}
	for s := range n {
		m.first[s+1] += m.first[s]
	}

	m.fail = make([]int32, n)
	m.chain = make([]int32, n)
	m.report = make([]int32, n)
	m.chain[0], m.report[0] = -1, -1
	for s := range int32(n) {
		for k := m.first[s]; k < m.first[s+1]; k++ {
			t := m.target[k]
			if s != 0 {
				m.fail[t] = m.next(m.fail[s], m.label[k]) &^ reports
			}
			f := m.fail[t]
			m.chain[t] = m.chain[f]
			if m.pattern[f] >= 0 {
				m.chain[t] = f
			}
			m.report[t] = m.chain[t]
			if m.pattern[t] >= 0 {
				m.report[t] = t
			}
		}
	}
	for s := int32(0); s < int32(n) && depth[order[s]] <= denseDepth; s++ {
		var r [256]int32
		if s != 0 {
			for c := range r {
				r[c] = m.next(m.fail[s], byte(c))
			}
		}
		for k := m.first[s]; k < m.first[s+1]; k++ {
			r[m.label[k]] = m.target[k]
		}
		m.rows = append(m.rows, r[:]...)
		m.dense = s + 1
	}
	flag := func(t *int32) {
		if m.report[*t] >= 0 {
			*t |= reports
		}
	}
	for i := range m.rows {
		flag(&m.rows[i])
	}
	for i := range m.target {
		flag(&m.target[i])
	}
	return m
}

// next is the transition function, with reports set on the result once the
// machine is built. The hot loop in scan inlines the dense case.
func (m *machine) next(s int32, c byte) int32 {
	for {
		if s < m.dense {
			return m.rows[s<<8|int32(c)]
		}
		for k := m.first[s]; k < m.first[s+1]; k++ {
			if m.label[k] == c {
				return m.target[k]
			}
		}
		if s == 0 { // only while building, before the root has its row
			return 0
		}
		s = m.fail[s]
	}
}

// scan calls found for every occurrence of a pattern in data, in order of
// end offset. Runs of at most maxGap spaces (ASCII space or U+3000) are
// skipped as if absent, so one pass also finds 张 三 and 张　三; start and end
// are offsets in data, so such an occurrence is longer than its pattern.
// Patterns never contain those runs: U+3000's bytes E3 80 80 occur in no
// GB18030 sequence, and 0x20 is never a GB18030 trail byte.
func (m *machine) scan(data []byte, maxGap int, found func(start, end int, pat int32)) {
	scanText(m, data, maxGap, found)
}

// scanText is scan over a byte slice or a string: the raw scan reads file
// bytes, the reader's scan folded text.
func scanText[T ~string | ~[]byte](m *machine, data T, maxGap int, found func(start, end int, pat int32)) {
	if len(m.length) == 0 {
		return
	}
	size := 1
	for size < m.maxLen {
		size <<= 1
	}
	// ring[v&mask] is the offset in data of the v-th byte fed to the automaton.
	var small [256]int
	ring := small[:]
	if size > len(small) {
		ring = make([]int, size)
	}
	mask := size - 1
	rows, dense := m.rows, m.dense
	s := int32(0)
	v := 0
	longEnd := 0
	for i := 0; i < len(data); i++ {
		c := data[i]
		if (c == ' ' || c == 0xE3) && i >= longEnd {
			if end, n := spaceRun(data, i, maxGap+1); n > 0 {
				if n <= maxGap {
					i = end - 1
					continue
				}
				longEnd, _ = spaceRun(data, end, len(data))
			}
		}
		var t int32
		if s < dense {
			t = rows[s<<8|int32(c)]
		} else {
			t = m.next(s, c)
		}
		s = t &^ reports
		ring[v&mask] = i
		v++
		if t < 0 {
			for r := m.report[s]; r >= 0; r = m.chain[r] {
				p := m.pattern[r]
				found(ring[(v-int(m.length[p]))&mask], i+1, p)
			}
		}
	}
}

// spaceRun counts the spaces (ASCII space or U+3000) starting at data[i], up
// to limit of them, and returns the offset after the last one counted.
func spaceRun[T ~string | ~[]byte](data T, i, limit int) (end, n int) {
	for n < limit && i < len(data) {
		switch {
		case data[i] == ' ':
			i++
		case data[i] == 0xE3 && i+2 < len(data) && data[i+1] == 0x80 && data[i+2] == 0x80:
			i += 3
		default:
			return i, n
		}
		n++
	}
	return i, n
}
