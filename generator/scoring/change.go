package scoring

// Change is how a number moved since the year before: Delta is the number
// now less the number then. It is a count (of units in a band) or points
// (a total, a group's mean).
type Change[N ~int | ~int64] struct {
	Delta N
}

// Since is the change from before to now.
func Since[N ~int | ~int64](now, before N) Change[N] {
	return Change[N]{Delta: now - before}
}

// Size is the change without its direction: 2.50 for a fall of 2.50.
func (c Change[N]) Size() N {
	if c.Delta < 0 {
		return -c.Delta
	}
	return c.Delta
}

// Sign is 1 for a rise, -1 for a fall and 0 for no change.
func (c Change[N]) Sign() int {
	switch {
	case c.Delta > 0:
		return 1
	case c.Delta < 0:
		return -1
	}
	return 0
}

// RankChange is the change of a rank from before to now, a rise when
// positive: from 5th to 3rd is +2, as a ranking's arrow shows it.
func RankChange(now, before int) Change[int] {
	return Since(before, now)
}
