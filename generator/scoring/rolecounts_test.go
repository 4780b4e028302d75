package scoring

import (
	"fmt"
	"testing"
)

func TestCountPersonsByRoleAndBand(t *testing.T) {
	s := loadScheme(t, "../..")
	if got := CountPersons(s, &Result{}); got != nil {
		t.Errorf("no persons: %v, want nil", got)
	}
	res := &Result{Persons: []Person{
		{Unit: "T01", Role: "principal", Band: "excellent"},
		{Unit: "T01", Role: "member", Band: "good"},
		{Unit: "T01", Role: "member"}, // too short in the post to be banded
		{Unit: "T02", Role: "discipline", Band: "poor"},
		{Unit: "T02", Role: "principal", Band: "excellent"},
		{Unit: "T02", Role: "principal", Band: "fair"},
	}}
	// In the order of config.Roles; bands 优秀 良好 一般 较差.
	want := "[{principal [2 0 1 0] 0 3} {in_charge [0 0 0 0] 0 0} {member [0 1 0 0] 1 2} {discipline [0 0 0 1] 0 1}]"
	if got := fmt.Sprint(CountPersons(s, res)); got != want {
		t.Errorf("counts\n%s, want\n%s", got, want)
	}
}
