package ingest

import (
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"dutyreport/generator/config"
	"dutyreport/generator/problem"
	"dutyreport/generator/record"
	"dutyreport/generator/sitefs"
)

// job is one file to read: its kind decides the reader.
type job struct {
	kind   record.Kind // its entry in kinds
	year   int         // index into Result.Years
	rel    string
	sheets []string // the sheets site.yaml names, if any
	// optional marks a file its kind's entry says a year may lack (the
	// score sheet of a scheme that needs none, the case register, the
	// roster): a workbook without its named sheet is then no problem.
	optional bool
	file     uint16
	// rivals marks an input with several files (see findInput): none is
	// read, and the year's units are not reported missing from it.
	rivals bool
}

// Options tune reading.
type Options struct {
	// CacheDir keeps each file's reading between builds (see cache); ""
	// reads every file every time.
	CacheDir string
	// Reading, when not nil, is told each file as its reading starts
	// (true) and ends (false); files are read two or more at once.
	Reading func(file string, reading bool)
}

func (o Options) reading(file string, on bool) {
	if o.Reading != nil {
		o.Reading(file, on)
	}
}

// Read reads the site's inputs, every file every time.
func Read(c *config.Config) (*record.Data, problem.List) { return ReadWith(c, Options{}) }

// ReadWith reads the units register, then every year's files, two or more at
// once (one per core), each from the cache when it has not changed. The
// problems are sorted, so the output does not depend on which file finished
// first.
func ReadWith(c *config.Config, opt Options) (*record.Data, problem.List) {
	var probs problem.List
	s := &c.Scheme
	res := &record.Data{Files: record.Files{{}}}
	add := func(rel string) uint16 {
		res.Files = append(res.Files, record.Source{Path: rel})
		return uint16(len(res.Files) - 1)
	}
	files := sitefs.Open(c.Dir)
	defer files.Close()
	unitsRel, unitSheets, rivals := registerFile(c, files)
	// The cache's salt is taken before the register is read, and again at
	// the end: a register saved meanwhile keeps nothing of this build.
	ch := newCache(opt.CacheDir, c, files, unitsRel, unitSheets)
	f := add(unitsRel)
	opt.reading(unitsRel, true)
	units, rejected := readRegister(c, files, unitsRel, unitSheets, rivals, &res.Files[f], f, &probs)
	opt.reading(unitsRel, false)
	if len(units) == 0 {
		// No register, or none of it readable: its problem is reported,
		// and every reference to a unit would only repeat it.
		rejected = map[string]bool{record.All: true}
	}
	res.Register = record.NewRegister(units)
	res.Register.Rejected = rejected
	reg := newRegister(res.Register)

	var needs [record.NumKinds]need
	for k := range kinds {
		needs[k] = kinds[k].need(s)
	}
	var jobs []job
	for i, y := range c.Site.Years {
		res.Years = append(res.Years, record.Year{Year: y.Year})
		for k := range kinds {
			if needs[k] == skip {
				continue
			}
			p := kinds[k].input(&c.Site.Inputs)
			rel, sheets := config.SplitInput(filepath.ToSlash(strings.ReplaceAll(p, "{year}", strconv.Itoa(y.Year))))
			found, rivals := findInput(files, rel)
			j := job{kind: record.Kind(k), year: i, rel: found, sheets: sheets, optional: needs[k] == optional, rivals: len(rivals) > 0}
			if j.rivals {
				probs.Add(twoFiles(found, rivals))
			} else if j.optional && !files.Exists(j.rel) {
				continue
			}
			jobs = append(jobs, j)
		}
	}
	for i := range jobs {
		jobs[i].file = add(jobs[i].rel)
		res.Years[jobs[i].year].Inputs[jobs[i].kind].File = jobs[i].file
	}

	lists := make([]problem.List, len(jobs))
	work := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(len(jobs), 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				opt.reading(jobs[i].rel, true)
				lists[i] = cachedJob(c, files, res, reg, jobs[i], ch)
				opt.reading(jobs[i].rel, false)
			}
		}()
	}
	for i := range jobs {
		work <- i
	}
	close(work)
	wg.Wait()
	for _, l := range lists {
		probs.Append(l)
	}
	if ch != nil {
		ch.finish(c, unitsRel, unitSheets)
	}
	explainMissing(files, probs)
	probs.Sort()
	return res, probs
}

// registerFile finds the units register's file as site.yaml names it (or
// beside it, see findInput), with the sheets named and any rivals.
func registerFile(c *config.Config, files *sitefs.Root) (rel string, sheets, rivals []string) {
	rel, sheets = config.SplitInput(filepath.ToSlash(c.Site.Inputs.Units))
	rel, rivals = findInput(files, rel)
	return rel, sheets, rivals
}

// readRegister reads the units register at rel, file number f of the
// positions, into its units and the codes of its rows refused, and src
// into its sheets and marker. Of several registers (rivals), which one is
// meant is the clerk's to say: none is read, and that is the problem.
func readRegister(c *config.Config, files *sitefs.Root, rel string, sheets, rivals []string, src *record.Source, f uint16, probs *problem.List) ([]record.Unit, map[string]bool) {
	if len(rivals) > 0 {
		probs.Add(twoFiles(rel, rivals))
		return nil, nil
	}
	wb, ok := openWorkbook(files, rel, probs)
	if !ok {
		return nil, nil
	}
	defer wb.Close()
	src.Sheets, src.Marker = wb.sheets, wb.marker
	firstYear := 0
	if len(c.Site.Years) > 0 {
		firstYear = c.Site.Years[0].Year
	}
	t := &table{wb: wb, file: f, names: sheets, want: unitColumns, probs: probs, rejected: map[string]bool{}}
	return readUnits(t, &c.Scheme, firstYear)
}

// cachedJob reads one file into its year, or takes what reading it gave
// last time from the cache.
func cachedJob(c *config.Config, files *sitefs.Root, res *record.Data, reg *register, j job, ch *cache) problem.List {
	if j.rivals {
		res.Years[j.year].Inputs[j.kind].Rejected = map[string]bool{record.All: true}
		return nil
	}
	if ch == nil {
		return readJob(c, files, res, reg, j)
	}
	key, ok := ch.key(c, j)
	if !ok {
		return readJob(c, files, res, reg, j)
	}
	y := &res.Years[j.year]
	in := &y.Inputs[j.kind]
	if e, ok := ch.load(key, kinds[j.kind].records, y, j.file); ok {
		res.Files[j.file].Sheets, res.Files[j.file].Marker = e.Sheets, e.Marker
		in.Rejected = e.Rejected
		return e.Problems
	}
	probs := readJob(c, files, res, reg, j)
	if after, ok := ch.key(c, j); !ok || after != key {
		return probs // the file changed while it was read: keep nothing
	}
	e := &cacheEntry{Sheets: res.Files[j.file].Sheets, Marker: res.Files[j.file].Marker, Rejected: in.Rejected, Problems: probs}
	ch.store(key, e, kinds[j.kind].records, y)
	return probs
}

// anySheet reports whether the workbook has any of the named sheets.
func anySheet(wb *workbook, names []string) bool {
	for _, n := range names {
		if _, ok := wb.sheetNamed(n); ok {
			return true
		}
	}
	return false
}

// parsed counts the files read by readJob, for tests of the cache.
var parsed atomic.Int64

// readJob reads one file into its year. Each job writes only its own year's
// field and its own Files slot, so jobs run in parallel without locks.
func readJob(c *config.Config, files *sitefs.Root, res *record.Data, reg *register, j job) problem.List {
	parsed.Add(1)
	var probs problem.List
	y := &res.Years[j.year]
	k := &kinds[j.kind]
	rejected := &y.Inputs[j.kind].Rejected
	// Until the file is read, it rejects every unit: a file that cannot be
	// opened, or has no header, is one problem, not one per unit.
	*rejected = map[string]bool{record.All: true}
	wb, ok := openWorkbook(files, j.rel, &probs)
	if !ok {
		return probs
	}
	defer wb.Close()
	res.Files[j.file].Sheets, res.Files[j.file].Marker = wb.sheets, wb.marker
	s := &c.Scheme
	t := &table{wb: wb, file: j.file, names: j.sheets, optional: j.optional, reg: reg, probs: &probs, rejected: map[string]bool{},
		year: y.Year, kind: j.kind}
	if j.optional && len(j.sheets) > 0 && !anySheet(wb, j.sheets) {
		*rejected = nil // the year has no score sheet: nothing to read
		return probs
	}
	defer func() {
		if t.ok {
			*rejected = t.rejected
		}
	}()
	t.want = k.columns(s)
	k.records.readInto(t, s, reg, y)
	return probs
}
