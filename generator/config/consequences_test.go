package config

import (
	"slices"
	"strings"
	"testing"
)

// TestConsequenceRules: each rule a scheme can get wrong is a problem at its
// own line, with the key: an unknown action or role, and the rules that can
// never fire.
func TestConsequenceRules(t *testing.T) {
	cases := []struct {
		name, rule, want string
	}{
		{"unknown action", "{id: r, action: scold, band: bad}", "schemes/s.yaml:14:21 config.unknown-ref consequences.0.action: scold"},
		{"no action", "{id: r, band: bad}", "schemes/s.yaml:14:5 config.missing-key consequences.0.action"},
		{"no condition", "{id: r, action: talk}", "schemes/s.yaml:14:5 config.missing-key consequences.0.band, bottom, last_in or case"},
		{"unknown role", "{id: r, action: talk, band: bad, to: [mayor]}", "schemes/s.yaml:14:43 config.unknown-ref consequences.0.to.0: mayor"},
		{"persons without roles", "{id: r, of: persons, action: talk, band: bad}", "schemes/s.yaml:14:17 config.never-fires consequences.0.of: persons"},
		{"case without handlings", "{id: r, action: veto, case: {}}", "schemes/s.yaml:14:33 config.never-fires consequences.0.case: case"},
		{"band out of reach", "{id: r, action: talk, band: top}", "schemes/s.yaml:14:33 config.never-fires consequences.0.band: top"},
		{"last in a component no ranked unit has", "{id: r, action: talk, last_in: village}", "schemes/s.yaml:14:36 config.never-fires consequences.0.last_in: village"},
		{"person rule with bottom", "{id: r, of: persons, action: talk, bottom: 1}", "schemes/s.yaml:14:48 config.bad-value consequences.0.bottom: set on a rule of persons"},
		{"a bearer twice", "{id: r, action: talk, band: bad, to: [unit, unit]}", "schemes/s.yaml:14:49 config.bad-value consequences.0.to.1: unit"},
		{"unknown subject kind", "{id: r, action: veto, case: {subjects: [村民]}}", "schemes/s.yaml:14:45 config.bad-value consequences.0.case.subjects.0: 村民"},
	}
	scheme := `name: s
categories: [{id: town, name: 镇}, {id: village, name: 村, ranked: false}]
responsibilities: [{id: main, name: 主体责任}]
components:
  - {id: social, name: 社会评价, kind: evaluation, full: 80, categories: [town]}
  - {id: village, name: 村评价, kind: evaluation, full: 20, categories: [village]}
total: [social]
bands:
  - {id: top, name: 优, min: 90}
  - {id: good, name: 好, min: 60}
  - {id: bad, name: 差}
groups: [{id: towns, name: 镇, categories: [town]}]
consequences:
`
	site := "title: t\nscheme: schemes/s.yaml\nyears: [{year: 2024}]\n"
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, probs := Load(writeSite(t, site, scheme+"  - "+c.rule+"\n"))
			var got []string
			for _, p := range probs {
				got = append(got, p.Pos.String()+" "+string(p.Code)+" "+p.Found)
			}
			if !slices.ContainsFunc(got, func(g string) bool { return strings.HasPrefix(g, c.want) }) {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

// TestConsequenceDefaults: a rule's name comes from its action, and a unit
// rule is borne by the unit unless it names roles, by any of their names.
func TestConsequenceDefaults(t *testing.T) {
	scheme := minimalScheme + `consequences:
  - {id: a, action: talk, band: bad, to: [主要负责人, 纪委]}
  - {id: b, name: 末位, action: reassign, bottom: 1, years_running: 2}
`
	c, probs := Load(writeSite(t, "title: t\nscheme: schemes/s.yaml\nyears: [{year: 2024}]\n", scheme))
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	a, b := c.Scheme.Consequences[0], c.Scheme.Consequences[1]
	if a.Name != "约谈" || strings.Join(a.To, ",") != "principal,discipline" || a.Of != OfUnits {
		t.Errorf("rule a: name %q, to %v, of %q", a.Name, a.To, a.Of)
	}
	if b.Name != "末位" || strings.Join(b.To, ",") != "unit" || b.YearsRunning != 2 {
		t.Errorf("rule b: name %q, to %v, years %d", b.Name, b.To, b.YearsRunning)
	}
}
