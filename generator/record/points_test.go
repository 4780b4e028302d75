package record

import "testing"

func TestParsePoints(t *testing.T) {
	tests := []struct {
		name, raw string
		want      Points
	}{
		{"whole", "90", 9000},
		{"exact hundredths", "89.99", 8999},
		{"rounds half up (四舍五入)", "89.995", 9000},
		{"below half stays", "89.994", 8999},
		{"75.995 rounds into the next band", "75.995", 7600},
		{"Excel's 17 digits of a typed 89.995", "89.994999999999997", 9000},
		{"Excel's 17 digits of 0.1+0.2", "0.30000000000000004", 30},
		{"Excel's 17 digits of a typed 75.995", "75.995000000000005", 7600},
		{"exponent", "1.5E1", 1500},
		{"small exponent", "5E-3", 1},
		{"tiny", "0.004", 0},
		{"half a hundredth exactly", "0.005", 1},
		{"negative rounds away from zero", "-2.345", -235},
		{"leading plus and zeros", "+007.50", 750},
		{"no integer part", ".5", 50},
		{"spaces trimmed", " 85.5 ", 8550},
		{"zero", "0", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParsePoints(tc.raw)
			if err != nil {
				t.Fatalf("ParsePoints(%q): %v", tc.raw, err)
			}
			if got != tc.want {
				t.Errorf("ParsePoints(%q) = %v, want %v", tc.raw, got, tc.want)
			}
		})
	}
}

func TestParsePointsRejects(t *testing.T) {
	for _, raw := range []string{"", "9O", "1.2.3", "--1", "1e", "e5", ".", "90分", "1e999", "NaN", "Inf", "99999999999999999999"} {
		if p, err := ParsePoints(raw); err == nil {
			t.Errorf("ParsePoints(%q) = %v, want an error", raw, p)
		}
	}
}

func TestPointsString(t *testing.T) {
	tests := []struct {
		p    Points
		want string
	}{{9000, "90.00"}, {5, "0.05"}, {-250, "-2.50"}, {0, "0.00"}, {8999, "89.99"}, {-5, "-0.05"}}
	for _, tc := range tests {
		if got := tc.p.String(); got != tc.want {
			t.Errorf("Points(%d).String() = %q, want %q", int64(tc.p), got, tc.want)
		}
	}
}

func TestMulDivAndMean(t *testing.T) {
	tests := []struct {
		name      string
		got, want Points
	}{
		// social evaluation: average × 30 ÷ 100
		{"66.65 × 0.3 = 19.995 → 20.00", Points(6665).MulDiv(30, 100), 2000},
		{"85.50 × 0.3 = 25.65", Points(8550).MulDiv(30, 100), 2565},
		{"83.33 × 0.3 = 24.999 → 25.00", Points(8333).MulDiv(30, 100), 2500},
		{"83.31 × 0.3 = 24.993 → 24.99", Points(8331).MulDiv(30, 100), 2499},
		{"mean of 69.99 and 69.98 = 69.985 → 69.99", Mean(6999, 6998), 6999},
		{"mean of 68.50 and 67.00", Mean(6850, 6700), 6775},
		{"mean of three: 70+69+69 = 208/3 = 69.333 → 69.33", Mean(7000, 6900, 6900), 6933},
		{"mean of three rounding up: 70+70+69.99 → 69.9966 → 70.00", Mean(7000, 7000, 6999), 7000},
		{"negative rounds away from zero", Points(-5).MulDiv(1, 2), -3},
		{"mean of none", Mean(), 0},
	}
	for _, tc := range tests {
		if tc.got != tc.want {
			t.Errorf("%s: got %v, want %v", tc.name, tc.got, tc.want)
		}
	}
}
