// Package diff compares two editions of the report, as their exports give
// them: which units moved rank and by how much, which changed band, which
// gained or lost a consequence, which notices came or went, and which units
// were created, renamed, merged or dropped. It is pure and knows nothing of
// the pipeline: the view gives it two editions, and the same comparison
// makes `dutyreport diff` and each year's "changes since last year" page.
package diff

import (
	"cmp"
	"slices"
)

// Edition is one year's report (or one revision of it) as data.
type Edition struct {
	Year     int
	Revision int // 0 for the year's results as built now
	Units    []Unit
	Notices  []Notice
}

// Unit is one unit's result in an edition.
type Unit struct {
	Code, Name, Group string
	Rank, GroupSize   int // 0 when not ranked
	Total, Band       string
	Consequences      []string
	// MergedInto and MergedIntoName name the unit this one was merged into
	// after this year; "" for none.
	MergedInto, MergedIntoName string
}

// Notice is one accountability notice in an edition, as the audience reads it.
type Notice struct {
	Number string `json:"number"`
	Title  string `json:"title"`
	Unit   string `json:"unit"`
}

// Label names an edition: a year, and a revision of it when not 0.
type Label struct {
	Year     int `json:"year"`
	Revision int `json:"revision,omitempty"`
}

// Diff is what changed from one edition to another, every list sorted so
// that two runs print the same lines.
type Diff struct {
	From Label `json:"from"`
	To   Label `json:"to"`
	// Moves are the units ranked in both, in the same group, whose rank
	// changed: the largest moves first.
	Moves []Move `json:"moves"`
	// Bands are the units whose band changed.
	Bands []BandChange `json:"bands"`
	// Gained and Lost are consequences (约谈, 一票否决, 组织处理…) a unit
	// has in To and not in From, and the reverse.
	Gained []Consequence `json:"consequences_gained"`
	Lost   []Consequence `json:"consequences_lost"`
	// NoticesAdded are To's notices that From lacks; NoticesRemoved the
	// reverse, given only between two revisions of one year (notices of
	// different years always differ).
	NoticesAdded   []Notice `json:"notices_added"`
	NoticesRemoved []Notice `json:"notices_removed"`
	// Units that began, changed name, were merged into another, or ended.
	Created []UnitChange `json:"units_created"`
	Renamed []UnitChange `json:"units_renamed"`
	Merged  []UnitChange `json:"units_merged"`
	Dropped []UnitChange `json:"units_dropped"`
}

// Move is a change of rank within a group; By is positive for a rise.
type Move struct {
	Code     string `json:"code"`
	Name     string `json:"name"`
	Group    string `json:"group"`
	From     int    `json:"from"`
	To       int    `json:"to"`
	By       int    `json:"by"`
	FromSize int    `json:"from_size"`
	ToSize   int    `json:"to_size"`
}

// BandChange is a unit's band in From and in To.
type BandChange struct {
	Code string `json:"code"`
	Name string `json:"name"`
	From string `json:"from"`
	To   string `json:"to"`
}

// Consequence is one consequence a unit gained or lost.
type Consequence struct {
	Code        string `json:"code"`
	Name        string `json:"name"`
	Consequence string `json:"consequence"`
}

// UnitChange is a unit that began, was renamed, merged or ended. OldName
// is its name in From when renamed; Into and IntoName the unit it was
// merged into.
type UnitChange struct {
	Code     string `json:"code"`
	Name     string `json:"name"`
	OldName  string `json:"old_name,omitempty"`
	Into     string `json:"into,omitempty"`
	IntoName string `json:"into_name,omitempty"`
}

// Empty reports whether nothing changed.
func (d *Diff) Empty() bool {
	return len(d.Moves)+len(d.Bands)+len(d.Gained)+len(d.Lost)+len(d.NoticesAdded)+len(d.NoticesRemoved)+
		len(d.Created)+len(d.Renamed)+len(d.Merged)+len(d.Dropped) == 0
}

// Compare says what changed from one edition to the other. Units are the
// same unit when their codes are.
func Compare(from, to Edition) *Diff {
	d := &Diff{From: Label{from.Year, from.Revision}, To: Label{to.Year, to.Revision},
		Moves: []Move{}, Bands: []BandChange{}, Gained: []Consequence{}, Lost: []Consequence{},
		NoticesAdded: []Notice{}, NoticesRemoved: []Notice{},
		Created: []UnitChange{}, Renamed: []UnitChange{}, Merged: []UnitChange{}, Dropped: []UnitChange{}}
	before := map[string]Unit{}
	for _, u := range from.Units {
		before[u.Code] = u
	}
	now := map[string]bool{}
	for _, u := range to.Units {
		now[u.Code] = true
		b, ok := before[u.Code]
		if !ok {
			d.Created = append(d.Created, UnitChange{Code: u.Code, Name: u.Name})
			continue
		}
		if b.Name != u.Name {
			d.Renamed = append(d.Renamed, UnitChange{Code: u.Code, Name: u.Name, OldName: b.Name})
		}
		if b.Rank > 0 && u.Rank > 0 && b.Group == u.Group && b.Rank != u.Rank {
			d.Moves = append(d.Moves, Move{Code: u.Code, Name: u.Name, Group: u.Group, From: b.Rank, To: u.Rank,
				By: b.Rank - u.Rank, FromSize: b.GroupSize, ToSize: u.GroupSize})
		}
		if b.Band != "" && u.Band != "" && b.Band != u.Band {
			d.Bands = append(d.Bands, BandChange{Code: u.Code, Name: u.Name, From: b.Band, To: u.Band})
		}
		for _, c := range u.Consequences {
			if !slices.Contains(b.Consequences, c) {
				d.Gained = append(d.Gained, Consequence{Code: u.Code, Name: u.Name, Consequence: c})
			}
		}
		for _, c := range b.Consequences {
			if !slices.Contains(u.Consequences, c) {
				d.Lost = append(d.Lost, Consequence{Code: u.Code, Name: u.Name, Consequence: c})
			}
		}
	}
	for _, b := range from.Units {
		if now[b.Code] {
			continue
		}
		if b.MergedInto != "" {
			d.Merged = append(d.Merged, UnitChange{Code: b.Code, Name: b.Name, Into: b.MergedInto, IntoName: b.MergedIntoName})
		} else {
			d.Dropped = append(d.Dropped, UnitChange{Code: b.Code, Name: b.Name})
		}
	}
	had := map[string]bool{}
	for _, n := range from.Notices {
		had[n.Number] = true
	}
	has := map[string]bool{}
	for _, n := range to.Notices {
		has[n.Number] = true
		if !had[n.Number] {
			d.NoticesAdded = append(d.NoticesAdded, n)
		}
	}
	if from.Year == to.Year {
		for _, n := range from.Notices {
			if !has[n.Number] {
				d.NoticesRemoved = append(d.NoticesRemoved, n)
			}
		}
	}
	d.sort()
	return d
}

func (d *Diff) sort() {
	slices.SortStableFunc(d.Moves, func(a, b Move) int {
		return cmp.Or(cmp.Compare(abs(b.By), abs(a.By)), cmp.Compare(b.By, a.By), cmp.Compare(a.Group, b.Group), cmp.Compare(a.Code, b.Code))
	})
	byCode := func(a, b BandChange) int { return cmp.Compare(a.Code, b.Code) }
	slices.SortStableFunc(d.Bands, byCode)
	byUnit := func(a, b Consequence) int {
		return cmp.Or(cmp.Compare(a.Code, b.Code), cmp.Compare(a.Consequence, b.Consequence))
	}
	slices.SortStableFunc(d.Gained, byUnit)
	slices.SortStableFunc(d.Lost, byUnit)
	byNumber := func(a, b Notice) int { return cmp.Compare(a.Number, b.Number) }
	slices.SortStableFunc(d.NoticesAdded, byNumber)
	slices.SortStableFunc(d.NoticesRemoved, byNumber)
	for _, l := range [][]UnitChange{d.Created, d.Renamed, d.Merged, d.Dropped} {
		slices.SortStableFunc(l, func(a, b UnitChange) int { return cmp.Compare(a.Code, b.Code) })
	}
}

func abs(i int) int {
	if i < 0 {
		return -i
	}
	return i
}
