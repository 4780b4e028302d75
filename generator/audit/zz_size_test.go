package audit

import (
	"os"
	"slices"
	"strings"
	"time"
	"testing"
)

func TestZZDump(t *testing.T) {
	st := newSite()
	s := New(st.needles, st.allowed)
	var pats []string
	for _, v := range st.needles {
		for _, x := range variants(normalize(v.Text)) {
			pats = append(pats, x.bytes)
		}
	}
	for _, a := range st.allowed {
		for _, x := range variants(normalize(a)) {
			pats = append(pats, x.bytes)
		}
	}
	slices.Sort(pats)
	pats = slices.Compact(pats)
	t.Logf("patterns %d (scanner %d)", len(pats), len(s.owners))
	os.WriteFile("/tmp/probe/patterns.bin", []byte(strings.Join(pats, "\x00")), 0o644)
	var keys []string
	for k := range st.files {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var hay strings.Builder
	for _, k := range keys {
		hay.WriteString(st.files[k])
	}
	os.WriteFile("/tmp/probe/hay.bin", []byte(hay.String()), 0o644)
}

func TestZZSame(t *testing.T) {
	p, _ := os.ReadFile("/tmp/probe/patterns.bin")
	hay, _ := os.ReadFile("/tmp/probe/hay.bin")
	var pats [][]byte
	for _, x := range strings.Split(string(p), "\x00") {
		pats = append(pats, []byte(x))
	}
	t0 := time.Now()
	m := newMachine(pats)
	t1 := time.Now()
	for _, gap := range []int{0, maxGap, 0, maxGap} {
		n := 0
		t2 := time.Now()
		m.scan(hay, gap, func(int, int, int32) { n++ })
		t3 := time.Now()
		t.Logf("build=%v gap=%d scan=%v (%.0f MB/s) matches=%d", t1.Sub(t0), gap, t3.Sub(t2), float64(len(hay))/1e6/t3.Sub(t2).Seconds(), n)
	}
}
