package record

import (
	"errors"
	"strconv"
	"strings"
)

// Points is a score in hundredths of a point: 8999 is 89.99. Scores never pass
// through float64, so no page or export can show 89.99999.
//
// The one rounding rule (stated in the README and on the methodology page):
// a computed score is rounded to 0.01 at the moment it is computed, half away
// from zero (四舍五入): 89.995 → 90.00, 75.994 → 75.99. Sums of rounded scores
// are exact and are not rounded again.
type Points int64

// Scale is the number of Points in one point.
const Scale = 100

// Whole returns n whole points.
func Whole(n int64) Points { return Points(n * Scale) }

// String formats with exactly two decimals: 90.00, -2.50, 0.05. It is the only
// formatter of Points.
func (p Points) String() string {
	neg := p < 0
	u := uint64(p)
	if neg {
		u = uint64(-p)
	}
	s := strconv.FormatUint(u/Scale, 10) + "." + strconv.FormatUint(u%Scale/10, 10) + strconv.FormatUint(u%10, 10)
	if neg {
		return "-" + s
	}
	return s
}

// MarshalText writes the String form, so that JSON exports carry "90.00"
// rather than a float.
func (p Points) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

// MulDiv returns p × num ÷ den, rounded by the one rule. It is how every
// conversion is computed: social evaluation p × 30 ÷ 100, a mean (a+b) × 1 ÷ 2.
func (p Points) MulDiv(num, den int64) Points {
	return Points(roundDiv(int64(p)*num, den))
}

// Mean returns the mean of ps rounded by the one rule; 0 for none.
func Mean(ps ...Points) Points {
	if len(ps) == 0 {
		return 0
	}
	var sum int64
	for _, p := range ps {
		sum += int64(p)
	}
	return Points(roundDiv(sum, int64(len(ps))))
}

// roundDiv divides n by d (d > 0), rounding half away from zero.
func roundDiv(n, d int64) int64 {
	if d < 0 {
		n, d = -n, -d
	}
	if n < 0 {
		return -((-n*2 + d) / (2 * d))
	}
	return (n*2 + d) / (2 * d)
}

// ErrNotANumber is returned by ParsePoints for text that is not a decimal number.
var ErrNotANumber = errors.New("not a number")

// ParsePoints reads a decimal number ("89.995", "-2", "1e2", "89.994999999999997")
// exactly and rounds it by the one rule.
//
// Excel stores a typed 89.995 as the nearest double, and writes it to the file
// with up to 17 significant digits (89.994999999999997). Excel shows and
// computes with 15 significant digits, so ParsePoints first rounds to 15
// significant digits, as Excel displays the value, and then to hundredths.
func ParsePoints(s string) (Points, error) {
	d, ok := parseDecimal(s)
	if !ok {
		return 0, ErrNotANumber
	}
	d.roundSignificant(15)
	v, ok := d.hundredths()
	if !ok {
		return 0, ErrNotANumber
	}
	return Points(v), nil
}

// decimal is an exact decimal: digits × 10^exp.
type decimal struct {
	neg    bool
	digits []byte // without leading zeros; empty means zero
	exp    int
}

func parseDecimal(s string) (decimal, bool) {
	var d decimal
	s = strings.TrimSpace(s)
	if s == "" {
		return d, false
	}
	switch s[0] {
	case '-':
		d.neg = true
		s = s[1:]
	case '+':
		s = s[1:]
	}
	mant, expPart, hasExp := strings.Cut(strings.ToLower(s), "e")
	if hasExp {
		e, err := strconv.Atoi(expPart)
		if err != nil || e > 400 || e < -400 {
			return d, false
		}
		d.exp = e
	}
	intPart, frac, _ := strings.Cut(mant, ".")
	if intPart == "" && frac == "" {
		return d, false
	}
	for _, c := range intPart + frac {
		if c < '0' || c > '9' {
			return d, false
		}
	}
	d.exp -= len(frac)
	d.digits = []byte(strings.TrimLeft(intPart+frac, "0"))
	return d, true
}

// roundSignificant rounds to n significant digits, half away from zero.
func (d *decimal) roundSignificant(n int) {
	if len(d.digits) <= n {
		return
	}
	cut := len(d.digits) - n
	d.digits, d.exp = roundDigits(d.digits, n), d.exp+cut
}

// roundDigits keeps the first n digits, rounding on digit n+1.
func roundDigits(digits []byte, n int) []byte {
	kept := []byte(string(digits[:n]))
	if digits[n] < '5' {
		return kept
	}
	for i := n - 1; i >= 0; i-- {
		if kept[i] < '9' {
			kept[i]++
			return kept
		}
		kept[i] = '0'
	}
	return append([]byte{'1'}, kept...)
}

// hundredths returns the value in hundredths, rounded half away from zero;
// ok is false when it does not fit in an int64.
func (d decimal) hundredths() (int64, bool) {
	digits, exp := d.digits, d.exp+2 // now digits × 10^exp hundredths
	if exp < 0 {
		keep := len(digits) + exp
		switch {
		case keep < 0:
			digits = nil
		case keep == 0:
			if len(digits) > 0 && digits[0] >= '5' {
				digits = []byte{'1'}
			} else {
				digits = nil
			}
		default:
			digits = roundDigits(digits, keep)
		}
		exp = 0
	}
	if len(digits)+exp > 17 {
		return 0, false
	}
	var v int64
	for _, c := range digits {
		v = v*10 + int64(c-'0')
	}
	for ; exp > 0; exp-- {
		v *= 10
	}
	if d.neg {
		v = -v
	}
	return v, true
}
