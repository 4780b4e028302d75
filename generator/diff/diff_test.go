package diff

import (
	"encoding/json"
	"testing"
)

func TestCompare(t *testing.T) {
	from := Edition{Year: 2023, Units: []Unit{
		{Code: "A", Name: "甲", Group: "镇", Rank: 1, GroupSize: 3, Band: "优秀", Consequences: []string{"约谈"}},
		{Code: "B", Name: "乙", Group: "镇", Rank: 2, GroupSize: 3, Band: "良好"},
		{Code: "C", Name: "丙", Group: "镇", Rank: 3, GroupSize: 3, Band: "一般"},
		{Code: "D", Name: "丁", Group: "部门", Rank: 1, GroupSize: 1, Band: "良好"}, // changes group: no move
		{Code: "E", Name: "戊"}, // not ranked, dropped
	}, Notices: []Notice{{Number: "1", Title: "甲通报"}, {Number: "2", Title: "乙通报"}}}
	to := Edition{Year: 2023, Revision: 1, Units: []Unit{
		{Code: "A", Name: "甲", Group: "镇", Rank: 1, GroupSize: 3, Band: "优秀"},
		{Code: "B", Name: "乙", Group: "镇", Rank: 3, GroupSize: 3, Band: "良好", Consequences: []string{"末位约谈"}},
		{Code: "C", Name: "丙丙", Group: "镇", Rank: 2, GroupSize: 3, Band: "一般"},
		{Code: "D", Name: "丁", Group: "镇", Rank: 4, GroupSize: 4, Band: "良好"},
	}, Notices: []Notice{{Number: "2", Title: "乙通报"}, {Number: "3", Title: "丙通报"}}}
	got, _ := json.Marshal(Compare(from, to))
	want := `{"from":{"year":2023},"to":{"year":2023,"revision":1},` +
		`"moves":[{"code":"C","name":"丙丙","group":"镇","from":3,"to":2,"by":1,"from_size":3,"to_size":3},{"code":"B","name":"乙","group":"镇","from":2,"to":3,"by":-1,"from_size":3,"to_size":3}],` +
		`"bands":[],` +
		`"consequences_gained":[{"code":"B","name":"乙","consequence":"末位约谈"}],` +
		`"consequences_lost":[{"code":"A","name":"甲","consequence":"约谈"}],` +
		`"notices_added":[{"number":"3","title":"丙通报","unit":""}],` +
		`"notices_removed":[{"number":"1","title":"甲通报","unit":""}],` +
		`"units_created":[],"units_renamed":[{"code":"C","name":"丙丙","old_name":"丙"}],"units_merged":[],` +
		`"units_dropped":[{"code":"E","name":"戊"}]}`
	if string(got) != want {
		t.Errorf("Compare:\n%s\nwant\n%s", got, want)
	}
	// Between years, last year's notices are not "removed": they are last year's.
	to.Year, to.Revision = 2024, 0
	if d := Compare(from, to); len(d.NoticesRemoved) != 0 || len(d.NoticesAdded) != 1 {
		t.Errorf("between years: added %v, removed %v", d.NoticesAdded, d.NoticesRemoved)
	}
	if !Compare(from, from).Empty() {
		t.Error("an edition differs from itself")
	}
}
