package notices

import (
	"slices"

	"dutyreport/generator/config"
	"dutyreport/generator/record"
	"dutyreport/generator/scoring"
)

// The persons of the rosters are decided here, once, for both the masking
// (the view) and the leak audit: each takes the list from this package,
// never from the other (DESIGN principle 3).

// Commended marks the persons of res the public site may name: none unless
// the policy allows; then those of the first band whom no rule made
// ineligible and whose name is on no list of names to hide (a case's
// persons, whistleblowers and witnesses, redaction.names): naming them here
// would undo the masking. n may be nil (no cases).
func Commended(c *config.Config, n *Notices, res *scoring.Result) map[int]bool {
	out := map[int]bool{}
	scheme := &c.Scheme
	if !c.Site.Redaction.CommendedNames || len(scheme.Bands) == 0 {
		return out
	}
	hidden := slices.Clone(c.Site.Redaction.Names)
	if n != nil {
		hidden = append(append(hidden, n.Persons...), n.Hidden...)
	}
	for i, p := range res.Persons {
		if p.Band != scheme.Bands[0].ID || slices.Contains(hidden, p.Name) {
			continue
		}
		if slices.ContainsFunc(p.Consequences, func(id string) bool {
			r, _ := scheme.Consequence(id)
			a, _ := config.ActionByID(r.Action)
			return a.Ineligible
		}) {
			continue
		}
		out[i] = true
	}
	return out
}

// RosterNames lists the names of the rosters that the public site may not
// show: every one, but a name whose every post, in every year and unit, is
// commended in a published year. (A name shown as commended in one place
// and masked in another would be no masking; one name is one person to
// the reader.) The masking and the leak audit take them as they take the
// names of the cases.
func RosterNames(c *config.Config, data *record.Data, results []*scoring.Result, n *Notices) []string {
	published := map[int]bool{}
	for _, y := range c.Site.YearsFor(config.Public) {
		published[y.Year] = true
	}
	shown, hidden := map[string]bool{}, map[string]bool{}
	for _, res := range results {
		if res == nil {
			continue
		}
		ok := Commended(c, n, res)
		for i, p := range res.Persons {
			if published[res.Year] && ok[i] {
				shown[p.Name] = true
			} else {
				hidden[p.Name] = true
			}
		}
	}
	var out []string
	for _, y := range data.Years {
		for _, p := range y.Roster {
			if !shown[p.Name] || hidden[p.Name] {
				out = append(out, p.Name)
			}
		}
		out = append(out, y.RosterLeftOut...) // never scored, never commended
	}
	slices.Sort(out)
	return slices.Compact(out)
}
