package sitetest

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"

	"dutyreport/generator/record"
)

// A plan is what a unit did in a year: how many times it did each task of
// its ledger, and its democratic evaluation. Plans are made in points
// (deduct 6.5 points of the main responsibility) and realised as misses a
// clerk would record: a task not done at all, or 3 of 4 quarterly
// inspections. Everything is whole-number arithmetic, so that no
// floating-point rounding can differ between machines.

// resetDone marks every task of the unit's ledger as done as often as required.
func (c *county) resetDone(uy *unitYear) {
	tasks := c.tasksOf[uy.unit.cat]
	uy.done = make([]int32, len(tasks))
	for i, ti := range tasks {
		uy.done[i] = int32(c.scheme.Tasks[ti].Required)
	}
}

// resp is the responsibility whose tasks a ledger component deducts.
func (c *county) resp(component string) string {
	comp, _ := c.scheme.Component(component)
	return comp.Responsibility
}

// defaultPlan gives a unit an ordinary year: misses and an evaluation in
// proportion to its quality, with some noise from year to year.
func (c *county) defaultPlan(uy *unitYear, y int) error {
	u := uy.unit
	r := rngFor("plan", u.code, strconv.Itoa(y))
	c.resetDone(uy)
	lack := 100 - u.quality
	switch u.cat {
	case "committee":
		c.missTimes(r, uy, c.resp("committee"), between(r, 0, 3+lack/8))
		return nil
	case "town":
		// Towns' main responsibility is averaged with their committees', which
		// keep short ledgers and score high, so their own misses weigh less.
		uy.ballots = between(r, 60, 180)
		uy.avg = record.Points(7000 + u.quality*16 + between(r, -300, 300))
		return c.missPoints(r, uy, record.Points(50*max(0, 8+lack*32/100+between(r, -4, 4))),
			record.Points(50*max(0, 8+lack*24/100+between(r, -3, 3))))
	default:
		uy.ballots = between(r, 35, 110)
		uy.avg = record.Points(7500 + u.quality*16 + between(r, -300, 300))
		return c.missPoints(r, uy, record.Points(50*max(0, 8+lack*32/100+between(r, -4, 4))),
			record.Points(50*max(0, 4+lack*16/100+between(r, -3, 3))))
	}
}

// plan replaces a unit's year with the given deductions and evaluation.
func (c *county) plan(uy *unitYear, y int, main, supervision, avg record.Points) error {
	c.resetDone(uy)
	uy.avg = min(avg, 9999)
	return c.missPoints(rngFor("planted", uy.unit.code, strconv.Itoa(y)), uy, main, supervision)
}

// missPoints makes a town or department miss tasks worth exactly main and
// supervision points of deduction. A random path can get stuck (half a
// point left and no task missable by halves), so it starts over, up to a
// few times.
func (c *county) missPoints(r *rand.Rand, uy *unitYear, main, supervision record.Points) error {
	for _, m := range []struct {
		component string
		points    record.Points
	}{{"main", main}, {"supervision", supervision}} {
		resp := c.resp(m.component)
		start := slices.Clone(uy.done)
		for try := 0; ; try++ {
			left := m.points
			for left > 0 {
				cost := c.missOnce(r, uy, resp, left)
				if cost == 0 {
					break
				}
				left -= cost
			}
			if left == 0 {
				break
			}
			if try == 50 {
				return fmt.Errorf("sitetest: %s cannot miss %s points of %s", uy.unit.code, m.points, resp)
			}
			copy(uy.done, start)
		}
	}
	return nil
}

// missTimes makes a unit miss n more times, or as many as its ledger allows.
func (c *county) missTimes(r *rand.Rand, uy *unitYear, resp string, n int) {
	for range n {
		if c.missOnce(r, uy, resp, 1<<40) == 0 {
			return
		}
	}
}

// missOnce makes the unit miss one more time of a task of responsibility
// resp, costing at most limit points; it returns the cost, or 0 when no
// such miss is left. Two times in five it prefers a task required several
// times (3 of 4 quarterly meetings), as real ledgers show more partial
// misses than the number of such tasks suggests.
func (c *county) missOnce(r *rand.Rand, uy *unitYear, resp string, limit record.Points) record.Points {
	tasks := c.tasksOf[uy.unit.cat]
	cost := func(i int) record.Points {
		t := c.scheme.Tasks[tasks[i]]
		req := int32(t.Required)
		return t.Deduction(req, uy.done[i]-1) - t.Deduction(req, uy.done[i])
	}
	var several, once []int
	for i, ti := range tasks {
		t := c.scheme.Tasks[ti]
		if t.Responsibility != resp || uy.done[i] == 0 {
			continue
		}
		if k := cost(i); k <= 0 || k > limit {
			continue
		}
		if t.Required > 1 {
			several = append(several, i)
		} else {
			once = append(once, i)
		}
	}
	pool := once
	if len(several) > 0 && (len(once) == 0 || r.IntN(5) < 2) {
		pool = several
	}
	if len(pool) == 0 {
		return 0
	}
	i := pool[r.IntN(len(pool))]
	k := cost(i)
	uy.done[i]--
	return k
}
