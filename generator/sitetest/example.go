package sitetest

import (
	"errors"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"dutyreport/generator/config"
	"dutyreport/generator/record"
)

// ExampleOptions selects what WriteExample writes.
type ExampleOptions struct {
	// Province writes a big synthetic province for benchmarks (about 3,000
	// units, 2015–2024, no score sheets) together with its site.yaml and a
	// copy of the scheme, instead of the 清河县 example's data.
	Province bool
	// LedgerRows, when not 0, writes instead a one-year site (2024) of towns
	// only, enough of them for a ledger of at least this many rows, for
	// benchmarks of reading one big sheet.
	LedgerRows int
	// Counties, when not 0, writes the province with its first Counties
	// counties only (10 towns and 40 departments each, with the towns'
	// committees), the same ten years: the small province of a smoke run
	// of the benchmarks (see BenchSites).
	Counties int
	// Scheme is the scheme file a province site copies into its schemes/
	// folder. Default: schemes/shangnan.yaml of this module, found by going up
	// from the working directory, so a benchmark in any package can call
	// WriteExample(b.TempDir(), ExampleOptions{Province: true}).
	Scheme string
}

// exampleSeed seeds every random choice of the generators. The data are
// committed, so changing it (or the order of the draws) changes every file.
const exampleSeed = 20250115

// WriteExample writes an example site's input workbooks into dir. The same
// options always give byte-identical files.
//
// Without Province it writes the 清河县 example (data/单位名录.xlsx and, for
// 2020–2024, data/{year}/纪实台账.xlsx and 民主测评.xlsx, plus the 2021
// 考核得分汇总表.xlsx and the 2023 and 2024 人员名单.xlsx). dir must be a site folder whose site.yaml names the
// Shangnan scheme, as the repository root is: the ledger follows the tasks
// of that scheme.
func WriteExample(dir string, opt ExampleOptions) error {
	if opt.Province || opt.LedgerRows > 0 {
		return writeProvince(dir, opt.Scheme, opt.LedgerRows, opt.Counties)
	}
	cfg, err := loadSite(dir)
	if err != nil {
		return err
	}
	c, err := qinghe(&cfg.Scheme)
	if err != nil {
		return err
	}
	return c.write(dir, cfg.Site.Inputs)
}

// CachedExample writes an example site into the system's temp folder under
// name, once: the next call finds it there. Benchmarks use it for their big
// synthetic sites, which take a while to write and are the same every time;
// bump the name when the generator changes.
func CachedExample(name string, opt ExampleOptions) (dir string, fresh bool, err error) {
	dir = filepath.Join(os.TempDir(), "dutyreport-bench-"+name)
	if _, err := os.Stat(filepath.Join(dir, config.SiteFile)); err == nil {
		return dir, false, nil
	}
	tmp := dir + ".tmp"
	_ = os.RemoveAll(tmp)
	if err := WriteExample(tmp, opt); err != nil {
		return "", false, err
	}
	return dir, true, os.Rename(tmp, dir)
}

// loadSite loads a site's configuration and turns its problems into an error.
func loadSite(dir string) (*config.Config, error) {
	cfg, probs := config.Load(dir)
	if probs.HasErrors() {
		return nil, fmt.Errorf("sitetest: the site in %s has configuration problems: %v", dir, probs.Errors().Err())
	}
	return cfg, nil
}

// rngFor returns a random source for one purpose, such as ("ledger",
// "T01", "2024"). Each unit and year draws from its own source, so that
// planting a scenario in one unit leaves every other unit's data unchanged.
func rngFor(parts ...string) *rand.Rand {
	h := fnv.New64a()
	h.Write([]byte(strings.Join(parts, "\x00")))
	return rand.New(rand.NewPCG(exampleSeed, h.Sum64()))
}

// between returns a whole number in [lo, hi].
func between(r *rand.Rand, lo, hi int) int { return lo + r.IntN(hi-lo+1) }

// unit is one unit of a generated site, as the register describes it.
type unit struct {
	code, name string
	cat        string // category id of the scheme: town, dept, committee
	parent     string // a committee's town
	from, to   int    // as written in the register; 0 for blank
	former     []formerName
	successor  string
	// abbr prefixes the unit's document numbers: 城关 → 城关发〔2024〕12号.
	abbr string
	// quality (0–100) is how well the unit keeps its duties, year after year.
	quality int
}

type formerName struct {
	name        string
	from, until int
}

// activeIn reports whether the unit is assessed in year y of a site whose
// first year is first.
func (u *unit) activeIn(y, first int) bool {
	from := u.from
	if from == 0 {
		from = first
	}
	return y >= from && (u.to == 0 || y <= u.to)
}

func (u *unit) nameIn(y int) string {
	for _, f := range u.former {
		if y >= f.from && y <= f.until {
			return f.name
		}
	}
	return u.name
}

// county is a generated site: its units and, per year, each active unit's
// ledger and evaluation.
type county struct {
	name   string // 清河县
	scheme *config.Scheme
	first  int     // the site's first year: a blank 起始年度 means this year
	units  []*unit // register order
	byCode map[string]*unit
	years  []*year
	// tasksOf lists, per category id, the indexes of the tasks in
	// scheme.Tasks that its units keep in their ledger.
	tasksOf map[string][]int
	// scoreYears are the years that get a hand-made score sheet; clerkError
	// is the unit whose clerk typed a wrong 监督责任基础分 there.
	scoreYears []int
	clerkError string
	// date formats: years whose ledger shows dates as yyyy年m月d日.
	chineseDates map[int]bool
}

// year is one assessment year of a county.
type year struct {
	year   int
	units  []*unitYear // active units, register order
	byCode map[string]*unitYear
}

// unitYear is what one unit did in one year.
type unitYear struct {
	unit    *unit
	done    []int32 // per task of county.tasksOf[unit.cat]
	avg     record.Points
	ballots int
	// planted marks a planted scenario, which the corrections leave alone;
	// fair marks a unit picked to be 一般 that year.
	planted, fair bool
}

func newCounty(name string, s *config.Scheme, first int, units []*unit) (*county, error) {
	c := &county{name: name, scheme: s, first: first, units: units, byCode: map[string]*unit{}, tasksOf: map[string][]int{}}
	for _, u := range units {
		if _, dup := c.byCode[u.code]; dup {
			return nil, fmt.Errorf("sitetest: unit code %s twice", u.code)
		}
		c.byCode[u.code] = u
	}
	for _, cat := range s.Categories {
		for i, t := range s.Tasks {
			if len(t.Categories) == 0 && cat.IsRanked() || slices.Contains(t.Categories, cat.ID) {
				c.tasksOf[cat.ID] = append(c.tasksOf[cat.ID], i)
			}
		}
	}
	for _, id := range []string{"main", "supervision", "committee", "base", "social"} {
		if _, ok := s.Component(id); !ok {
			return nil, fmt.Errorf("sitetest: the example generator needs the Shangnan scheme; its scheme has no component %q", id)
		}
	}
	return c, nil
}

// parentIn is a committee's town in year y, following merges: the committee
// of a merged town belongs to the town it was merged into.
func (c *county) parentIn(u *unit, y int) *unit {
	p := c.byCode[u.parent]
	for hops := 0; p != nil && !p.activeIn(y, c.first) && p.successor != "" && hops < 16; hops++ {
		p = c.byCode[p.successor]
	}
	return p
}

// addYear creates the year with a default plan for every active unit.
func (c *county) addYear(y int) (*year, error) {
	yr := &year{year: y, byCode: map[string]*unitYear{}}
	for _, u := range c.units {
		if !u.activeIn(y, c.first) {
			continue
		}
		uy := &unitYear{unit: u}
		if err := c.defaultPlan(uy, y); err != nil {
			return nil, err
		}
		yr.units = append(yr.units, uy)
		yr.byCode[u.code] = uy
	}
	c.years = append(c.years, yr)
	return yr, nil
}

// findModuleFile finds name (slash-separated) in the nearest folder, from
// the working directory up, that holds the dutyreport go.mod.
func findModuleFile(name string) (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if data, err := os.ReadFile(filepath.Join(dir, "go.mod")); err == nil && strings.HasPrefix(string(data), "module dutyreport\n") {
			return filepath.Join(dir, filepath.FromSlash(name)), nil
		}
		up := filepath.Dir(dir)
		if up == dir {
			return "", errors.New("sitetest: cannot find the dutyreport module above the working directory; set ExampleOptions.Scheme")
		}
		dir = up
	}
}

// PeakRSSKiB gives this process's peak resident memory (VmHWM) in KiB, 0
// where /proc is not there. Benchmarks measure a build's memory in a child
// process that prints it: the child's rusage would not do, since Go starts a
// child with vfork and, until its exec, the child shares and is charged the
// parent's memory.
func PeakRSSKiB() int64 {
	data, _ := os.ReadFile("/proc/self/status")
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			var kib int64
			fmt.Sscanf(strings.TrimSpace(v), "%d", &kib)
			return kib
		}
	}
	return 0
}
