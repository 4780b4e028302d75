package problem

import "strconv"

// TooLarge is the problem of a file refused for its size before it was
// read: its size and the limit, in units a clerk reads at a glance.
func TooLarge(code Code, file string, size, limit int64) Problem {
	return Problem{Pos: Position{File: file}, Code: code, Found: Bytes(size), Expected: T(TAtMost, Bytes(limit))}
}

// Bytes formats a size: 512 B, 40 KiB, 1.5 MiB, 3 GiB.
func Bytes(n int64) string {
	for _, u := range []struct {
		unit  string
		shift uint
	}{{"GiB", 30}, {"MiB", 20}, {"KiB", 10}} {
		if n >= 1<<u.shift {
			s := strconv.FormatFloat(float64(n)/float64(int64(1)<<u.shift), 'f', 1, 64)
			if len(s) > 2 && s[len(s)-2:] == ".0" {
				s = s[:len(s)-2]
			}
			return s + " " + u.unit
		}
	}
	return strconv.FormatInt(n, 10) + " B"
}
