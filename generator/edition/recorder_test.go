package edition

import (
	"fmt"
	"maps"
	"sync"
	"testing"
)

// TestRecorderFromManyGoroutines notes a site's files from several
// goroutines at once, as a build's workers do, and finds each digest
// where one goroutine would have put it.
func TestRecorderFromManyGoroutines(t *testing.T) {
	var paths []string
	for i := range 400 {
		paths = append(paths, fmt.Sprintf("%d/units/%03d.html", 2020+i%4, i))
	}
	paths = append(paths, "2021/data/results.csv", "2022/data/results.json", "index.html", "2023/data/old/x.csv")
	one, many := NewRecorder(), NewRecorder()
	for _, p := range paths {
		one.Add(p, []byte(p))
	}
	var wg sync.WaitGroup
	for w := range 8 {
		wg.Go(func() {
			for i := w; i < len(paths); i += 8 {
				many.Add(paths[i], []byte(paths[i]))
			}
		})
	}
	wg.Wait()
	for year := 2020; year <= 2023; year++ {
		if !maps.Equal(one.output[year], many.output[year]) || !maps.Equal(one.exports[year], many.exports[year]) {
			t.Errorf("%d: the digests differ from one goroutine's", year)
		}
	}
	if n := len(many.output[2021]); n != 101 {
		t.Errorf("2021 has %d files, want 101", n)
	}
	if got := many.exports[2021]["results.csv"]; got != Digest([]byte("2021/data/results.csv")) {
		t.Errorf("2021's export digest is %q", got)
	}
}
