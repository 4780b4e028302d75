package audit

import "testing"

func TestZZSize(t *testing.T) {
	st := newSite()
	s := New(st.needles, st.allowed)
	m := s.m
	used := map[byte]bool{}
	for _, c := range m.label {
		used[c] = true
	}
	t.Logf("patterns=%d states=%d denseRows=%d edges=%d distinctBytes=%d maxLen=%d", len(m.length), len(m.pattern), len(m.rows)/256, len(m.label), len(used), m.maxLen)
	hits, _ := s.Dir(writeTree(t, st.files))
	for _, h := range hits {
		t.Logf("%v %q", h, h.Needle.Text)
	}
}
