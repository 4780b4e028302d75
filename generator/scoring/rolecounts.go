package scoring

import "dutyreport/generator/config"

// RoleCount counts one assessed role's persons of a year by band: what the
// public site shows of individual assessments by default.
type RoleCount struct {
	Role     string // role id
	Bands    []int  // per band, in scheme order
	Unbanded int    // held the post too briefly to be banded, or no score
	Total    int
}

// CountPersons counts res's persons per role the scheme assesses, in the
// order of config.Roles, and per band; nil when res has no person.
func CountPersons(s *config.Scheme, res *Result) []RoleCount {
	if len(res.Persons) == 0 {
		return nil
	}
	band := make(map[string]int, len(s.Bands))
	for i, b := range s.Bands {
		band[b.ID] = i
	}
	var out []RoleCount
	role := map[string]int{}
	for _, r := range config.Roles {
		if s.Persons.Assessed(r.ID) {
			role[r.ID] = len(out)
			out = append(out, RoleCount{Role: r.ID, Bands: make([]int, len(s.Bands))})
		}
	}
	for i := range res.Persons {
		p := &res.Persons[i]
		ri, ok := role[p.Role]
		if !ok {
			continue // scoring assesses only the scheme's roles
		}
		rc := &out[ri]
		rc.Total++
		switch bi, known := band[p.Band]; {
		case p.Band == "":
			rc.Unbanded++
		case known:
			rc.Bands[bi]++
		}
	}
	return out
}
