package audit

import (
	"bytes"
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"
)

type match struct {
	start, end int
	pat        int32
}

// TestMachineFindsEveryOccurrence cross-checks the automaton against
// bytes.Index on random patterns over a small alphabet, where overlaps,
// nested patterns and long failure chains are the rule, and past the depth
// where dense rows stop.
func TestMachineFindsEveryOccurrence(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for round := range 200 {
		alphabet := []byte("ab\xe5\xbc")[:2+round%3]
		seen := map[string]bool{}
		var patterns [][]byte
		for range 1 + r.IntN(40) {
			p := make([]byte, 1+r.IntN(8))
			for i := range p {
				p[i] = alphabet[r.IntN(len(alphabet))]
			}
			if !seen[string(p)] {
				seen[string(p)] = true
				patterns = append(patterns, p)
			}
		}
		text := make([]byte, r.IntN(600))
		for i := range text {
			text[i] = alphabet[r.IntN(len(alphabet))]
		}

		var want []match
		for id, p := range patterns {
			for at := 0; ; at++ {
				i := bytes.Index(text[at:], p)
				if i < 0 {
					break
				}
				at += i
				want = append(want, match{at, at + len(p), int32(id)})
			}
		}
		var got []match
		newMachine(patterns).scan(text, 0, func(start, end int, pat int32) {
			got = append(got, match{start, end, pat})
		})
		order := func(a, b match) int {
			return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(a.end, b.end), cmp.Compare(a.pat, b.pat))
		}
		slices.SortFunc(want, order)
		slices.SortFunc(got, order)
		if !slices.Equal(got, want) {
			t.Fatalf("round %d: patterns %q in %q:\n got %v\nwant %v", round, patterns, text, got, want)
		}
	}
}

func TestMachineWithoutPatternsFindsNothing(t *testing.T) {
	newMachine(nil).scan([]byte("张三 abc"), maxGap, func(int, int, int32) {
		t.Fatal("found a match without patterns")
	})
}

func TestSpaceRun(t *testing.T) {
	tests := []struct {
		name   string
		data   string
		at     int
		limit  int
		end, n int
	}{
		{"no space", "张三", 0, 4, 0, 0},
		{"one space", "a b", 1, 4, 2, 1},
		{"ideographic space is one", "a\u3000b", 1, 4, 4, 1},
		{"mixed run", "a \u3000 b", 1, 4, 6, 3},
		{"stops at limit", "a     b", 1, 4, 5, 4},
		{"U+3000 cut short at the end is not a space", "a\xe3\x80", 1, 4, 1, 0},
		{"run at the end", "a  ", 1, 4, 3, 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			end, n := spaceRun([]byte(tc.data), tc.at, tc.limit)
			if end != tc.end || n != tc.n {
				t.Errorf("spaceRun(%q, %d, %d) = %d, %d; want %d, %d", tc.data, tc.at, tc.limit, end, n, tc.end, tc.n)
			}
		})
	}
}
