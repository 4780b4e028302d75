package scoring

import (
	"slices"
	"testing"

	"dutyreport/generator/config"
)

func TestTotalFull(t *testing.T) {
	shangnan := loadScheme(t, "../..")
	// with changes a copy of the Shangnan scheme's components.
	with := func(change func(comp func(id string) *config.Component)) *config.Scheme {
		s := *shangnan
		s.Components = slices.Clone(shangnan.Components)
		change(func(id string) *config.Component { return &s.Components[s.ComponentIndex(id)] })
		return &s
	}
	tests := []struct {
		name   string
		scheme *config.Scheme
		want   string // "" when it cannot be told
	}{
		// base is the mean of main and supervision (70, 70): 70; + social 30.
		{"Shangnan", shangnan, "100.00"},
		// Seven items, each the sum of its indicators: 15+10+15+15+15+15+15.
		{"Jingzhou", loadScheme(t, "../../examples/jingzhou"), "100.00"},
		// (70.00 + 69.99) ÷ 2 = 69.995 → 70.00, half away from zero.
		{"a mean of parts rounds by the one rule", with(func(c func(string) *config.Component) { c("supervision").Full = pt(t, "69.99") }), "100.00"},
		// (70.01 + 70.00) ÷ 2 = 70.005 → 70.01.
		{"a mean rounds half up", with(func(c func(string) *config.Component) { c("main").Full = pt(t, "70.01") }), "100.01"},
		{"a mean's own full points win", with(func(c func(string) *config.Component) { c("base").Full = pt(t, "80") }), "110.00"},
		{"a component without full points", with(func(c func(string) *config.Component) { c("social").Full = 0 }), ""},
		{"a part without full points", with(func(c func(string) *config.Component) { c("main").Full = 0 }), ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			full, ok := TotalFull(tc.scheme)
			got := ""
			if ok {
				got = full.String()
			}
			if got != tc.want {
				t.Errorf("TotalFull = %q (ok %v), want %q", full, ok, tc.want)
			}
		})
	}
	empty := *shangnan
	empty.Total = nil
	if _, ok := TotalFull(&empty); ok {
		t.Error("a scheme with no total has no most a total can be")
	}
}
