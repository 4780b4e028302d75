package sitetest

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"dutyreport/generator/config"
)

// The synthetic province: the Shangnan scheme at a province's scale, for
// benchmarks. 15 counties × 10 towns with 10–20 committees each, and 15 × 40
// departments: about 3,000 units and 87,000 ledger rows a year, 2015–2024.
const (
	provinceFirst, provinceLast = 2015, 2024
	provinceTownsPerCounty      = 10
)

// writeProvince writes a complete province site into dir: site.yaml, the
// scheme, the register and ten years of ledgers and evaluations. With
// ledgerRows, it writes one year of towns instead, as many as a ledger of
// that many rows needs. counties, when not 0, keeps the province's first
// counties only.
func writeProvince(dir, scheme string, ledgerRows, counties int) error {
	if scheme == "" {
		var err error
		if scheme, err = findModuleFile("schemes/shangnan.yaml"); err != nil {
			return err
		}
	}
	data, err := os.ReadFile(scheme)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Join(dir, "schemes"), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "schemes", "shangnan.yaml"), data, 0o644); err != nil {
		return err
	}
	first, last := provinceFirst, provinceLast
	if ledgerRows > 0 {
		first = last
	}
	if err := os.WriteFile(filepath.Join(dir, config.SiteFile), []byte(provinceSite(first, last)), 0o644); err != nil {
		return err
	}
	cfg, err := loadSite(dir)
	if err != nil {
		return err
	}
	units := provinceUnits(counties)
	if ledgerRows > 0 {
		units = manyTowns(&cfg.Scheme, ledgerRows)
	}
	c, err := newCounty("合成省", &cfg.Scheme, first, units)
	if err != nil {
		return err
	}
	for y := first; y <= last; y++ {
		if _, err := c.addYear(y); err != nil {
			return err
		}
	}
	return c.write(dir, cfg.Site.Inputs)
}

// manyTowns lists enough towns for a ledger of at least rows rows.
func manyTowns(s *config.Scheme, rows int) []*unit {
	per := 0
	for _, t := range s.Tasks {
		if len(t.Categories) == 0 || slices.Contains(t.Categories, "town") {
			per++
		}
	}
	n := (rows + max(per, 1) - 1) / max(per, 1)
	towns := make([]*unit, n)
	for i := range towns {
		code := fmt.Sprintf("T%06d", i+1)
		short := townFirst[i%len(townFirst)] + townSecond[(i/len(townFirst))%len(townSecond)]
		towns[i] = &unit{code: code, name: fmt.Sprintf("合成%d区%s镇", i/(len(townFirst)*len(townSecond))+1, short), cat: "town",
			abbr: short, quality: between(rngFor("quality", code), 40, 100)}
	}
	return towns
}

func provinceSite(first, last int) string {
	var b strings.Builder
	b.WriteString("# A synthetic province for benchmarks, written by `go run ./cmd/exampledata -province`.\n")
	b.WriteString("title: 合成省考核结果\ncounty: 合成省\nlocale: zh-CN\nscheme: schemes/shangnan.yaml\nyears:\n")
	for y := first; y <= last; y++ {
		fmt.Fprintf(&b, "  - {year: %d, status: published, published: %d-03-15}\n", y, y+1)
	}
	return b.String()
}

// provinceUnits lists the province's register: towns, departments, then
// each town's committees. Town and department names carry their county's.
// counties, when not 0, keeps the first counties only: their units are
// those of the whole province's, unchanged.
func provinceUnits(counties int) []*unit {
	list := provinceCounties
	if counties > 0 {
		list = list[:min(counties, len(list))]
	}
	var towns, depts, committees []*unit
	for ci, county := range list {
		r := rngFor("towns", county)
		picked := map[string]bool{}
		for len(picked) < provinceTownsPerCounty {
			short := townFirst[r.IntN(len(townFirst))] + townSecond[r.IntN(len(townSecond))]
			if picked[short] {
				continue
			}
			picked[short] = true
			code := fmt.Sprintf("T%03d", len(towns)+1)
			name := county + "县" + short + "镇"
			towns = append(towns, &unit{code: code, name: name, cat: "town", abbr: short,
				quality: between(rngFor("quality", code), 40, 100)})
			cr := rngFor("committees", code)
			places := []string{short + "社区"}
			n := between(cr, 10, 20)
			for _, k := range cr.Perm(len(villages)) {
				if len(places) == n {
					break
				}
				places = append(places, villages[k])
			}
			for j, p := range places {
				committees = append(committees, newCommittee(fmt.Sprintf("%sC%02d", code, j+1), name, p, code))
			}
		}
		for di, d := range qingheDepartments {
			code := fmt.Sprintf("D%03d", ci*len(qingheDepartments)+di+1)
			name := strings.Replace(d.name, "清河县", county+"县", 1)
			if strings.HasPrefix(name, "县") {
				name = county + name
			}
			depts = append(depts, &unit{code: code, name: name, cat: "dept",
				abbr:    strings.Replace(d.abbr, "清", string([]rune(county)[:1]), 1),
				quality: between(rngFor("quality", code), 40, 100)})
		}
	}
	return append(append(towns, depts...), committees...)
}
