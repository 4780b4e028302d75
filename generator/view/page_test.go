package view

import "testing"

func TestRelLinksWorkFromAnyFolder(t *testing.T) {
	tests := []struct{ from, target, want string }{
		{"index.html", "2023/index.html", "2023/index.html"},
		{"2023/index.html", "assets/style.css", "../assets/style.css"},
		{"2023/units/T01.html", "2023/towns.html", "../towns.html"},
		{"2023/units/T01.html", "2022/units/T01.html", "../../2022/units/T01.html"},
		{"2023/units/T01.html", "2023/units/T02.html", "T02.html"},
		{"2023/towns.html", "index.html", "../index.html"},
		{"2023/towns.html", "2023/data/results.csv", "data/results.csv"},
	}
	for _, tc := range tests {
		if got := Rel(tc.from, tc.target); got != tc.want {
			t.Errorf("Rel(%q, %q) = %q, want %q", tc.from, tc.target, got, tc.want)
		}
	}
}

func TestSlugKeepsCodesApartAndSafe(t *testing.T) {
	tests := []struct{ in, want string }{
		{"T01C03", "T01C03"},
		{"D-12", "D-12"},
		{"a/b", "a_002fb"},
		{"城关", "_57ce_5173"},
		{"x_y", "x_005fy"}, // so that "x_y" cannot collide with an escaped code
	}
	for _, tc := range tests {
		if got := slug(tc.in); got != tc.want {
			t.Errorf("slug(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
