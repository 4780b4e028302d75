package edition

import (
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"

	"dutyreport/generator/problem"
)

// Edition is a published edition as a build made it.
type Edition struct {
	Year, Revision int
	Published      string
	Pos            problem.Position // the year in site.yaml
	// Inputs maps each input file to its digest; Output every file under
	// the year's folder (paths from the site root) to its digest.
	Inputs, Output map[string]string
	// Exports reads the files of the year's data folder itself, by name:
	// what the revision's archive keeps. It is called only for an edition
	// to archive or to explain, so a build holds no year's exports.
	Exports func() (map[string][]byte, error)
}

// Check compares what a build made with the lock.
type Check struct {
	Dir      string // the site folder, where the lock and archives are
	Lock     *Lock
	Editions []Edition // every published edition of the build, in year order
	// SiteRevisions is how many site-wide revisions site.yaml lists, at Pos.
	SiteRevisions int
	// Scheme is the scheme file's path among the inputs: the one input that
	// may change under a site-wide revision, when no export changes (its
	// rules put another way). A data file that changes is a change of the
	// edition's facts, not all of which are exports (the tasks that cost
	// points, the names commended).
	Scheme string
	Pos    problem.Position
	// Previous and Current give a file of the previous build and of this
	// one, to show a changed page's first changed line; nil when unknown.
	Previous, Current func(path string) ([]byte, bool)
}

// Result is what a passing check changes: the lock to write (nil when it
// stays as it is) and the revisions to archive.
type Result struct {
	Lock        *Lock
	Archives    []Archive
	siteRevised bool
}

// Recorded says what the result records, for the build's report:
// "2023 r2" per edition archived and "site r1" for a site-wide revision.
func (r Result) Recorded() []string {
	var out []string
	for _, a := range r.Archives {
		out = append(out, fmt.Sprintf("%d r%d", a.Year, a.Revision))
	}
	if r.siteRevised {
		out = append(out, fmt.Sprintf("site r%d", r.Lock.SiteRevision))
	}
	return out
}

// maxNotes bounds the differences named per edition: the first few say
// what happened; the rest are counted.
const maxNotes = 8

// Run checks every edition against the lock. A new published edition is
// added to the lock and archived as its revision; an edition with a new
// erratum is recorded at its new revision and archived; an edition whose
// numbers (its exports) are unchanged, though its pages or inputs changed,
// passes under a new site-wide revision, or when an
// earlier edition was corrected in the same build (its figures show in
// later pages, as the year before). Any other change is a problem.
func (c Check) Run() (Result, problem.List) {
	var probs problem.List
	next := &Lock{SiteRevision: c.Lock.SiteRevision, Editions: slices.Clone(c.Lock.Editions)}
	var res Result
	changed := false
	siteRevised := c.SiteRevisions > c.Lock.SiteRevision
	if c.SiteRevisions < c.Lock.SiteRevision {
		probs.Add(problem.Problem{Pos: c.Pos, Code: problem.EditionRevisionRemoved,
			Found:    fmt.Sprintf("revisions: %d (%s: %d)", c.SiteRevisions, LockFile, c.Lock.SiteRevision),
			Expected: problem.T(problem.TRevisionsKept)})
	}
	if siteRevised {
		next.SiteRevision, changed = c.SiteRevisions, true
	}
	present := map[int]bool{}
	corrected := false // an earlier edition has a new revision in this build
	for _, e := range c.Editions {
		present[e.Year] = true
		entry := Entry{Year: e.Year, Revision: e.Revision, Published: e.Published, Inputs: e.Inputs, Output: e.Output}
		old := c.Lock.Find(e.Year)
		switch {
		case old == nil || e.Revision > old.Revision:
			files, err := e.Exports()
			if err != nil {
				probs.Add(problem.Problem{Pos: e.Pos, Code: problem.EditionChanged, Found: fmt.Sprintf("%d: %v", e.Year, err)})
				continue
			}
			next.set(entry)
			res.Archives = append(res.Archives, Archive{Year: e.Year, Revision: e.Revision, Files: files})
			changed, corrected = true, corrected || old != nil
		case e.Revision < old.Revision:
			probs.Add(problem.Problem{Pos: e.Pos, Code: problem.EditionRevisionRemoved,
				Found:    fmt.Sprintf("%d: errata %d (%s: revision %d)", e.Year, e.Revision-1, LockFile, old.Revision),
				Expected: problem.T(problem.TErrataKept)})
		default:
			inputs, output := changes(old.Inputs, e.Inputs), changes(old.Output, e.Output)
			if len(inputs)+len(output) == 0 {
				continue
			}
			dataDir := strconv.Itoa(e.Year) + "/data/"
			// A scheme rewritten without changing an export (its rules put
			// another way) is a change of presentation, like a template's;
			// any other input changed, or an export (but the manifest, which
			// records the inputs' digests), is a change of the facts.
			numbers := slices.ContainsFunc(inputs, func(p string) bool { return p != c.Scheme || c.Scheme == "" }) ||
				slices.ContainsFunc(output, func(p string) bool { return strings.HasPrefix(p, dataDir) && p != dataDir+"manifest.json" })
			if !numbers && (siteRevised || corrected) {
				next.set(entry)
				changed = true
				continue
			}
			probs.Add(c.changed(e, *old, inputs, output, numbers))
		}
	}
	for _, old := range c.Lock.Editions {
		if !present[old.Year] {
			probs.Add(problem.Problem{Pos: problem.Position{File: LockFile}, Code: problem.EditionWithdrawn,
				Found:    fmt.Sprintf("%d (published %s, revision %d)", old.Year, old.Published, old.Revision),
				Expected: problem.T(problem.TYearStillPublished)})
		}
	}
	if probs.HasErrors() {
		return Result{}, probs
	}
	if changed {
		res.Lock, res.siteRevised = next, siteRevised
	}
	return res, probs
}

// changes lists the paths whose digests differ, added or removed, sorted.
func changes(old, new map[string]string) []string {
	var out []string
	for p, d := range new {
		if old[p] != d {
			out = append(out, p)
		}
	}
	for p := range old {
		if _, ok := new[p]; !ok {
			out = append(out, p)
		}
	}
	slices.Sort(out)
	return out
}

// changed makes the problem of an edition that would change: the inputs
// changed, the first rows of its exports that differ, then its pages.
func (c Check) changed(e Edition, old Entry, inputs, output []string, numbers bool) problem.Problem {
	p := problem.Problem{Pos: e.Pos, Code: problem.EditionChanged,
		Found: fmt.Sprintf("%d r%d (%s)", e.Year, old.Revision, old.Published)}
	note := func(file string, line int, text problem.Text) {
		if len(p.Notes) < maxNotes {
			p.Notes = append(p.Notes, problem.Note{Pos: problem.Position{File: file, Line: line}, Text: text})
		}
	}
	p.Notes = append(p.Notes, problem.Note{Pos: problem.Position{File: LockFile},
		Text: problem.T(problem.TFilesDiffer, len(inputs), len(output))})
	for _, in := range inputs {
		switch {
		case old.Inputs[in] == "":
			note(in, 0, problem.T(problem.TAddedSince))
		case e.Inputs[in] == "":
			note(in, 0, problem.T(problem.TRemovedSince))
		default:
			note(in, 0, problem.T(problem.TChangedSince))
		}
	}
	archive, _ := ReadArchive(c.Dir, e.Year, old.Revision)
	exports, _ := e.Exports()
	dataDir := strconv.Itoa(e.Year) + "/data/"
	var pages []string
	// The results say most, so their rows come first.
	output = slices.Clone(output)
	slices.SortStableFunc(output, func(a, b string) int {
		return btoi(b == dataDir+"results.csv") - btoi(a == dataDir+"results.csv")
	})
	for _, f := range output {
		name, isExport := strings.CutPrefix(f, dataDir)
		if !isExport || strings.Contains(name, "/") {
			pages = append(pages, f)
			continue
		}
		if path.Ext(name) != ".csv" {
			continue // the JSON says what the CSV says
		}
		was, ok := archive.Files[name]
		if !ok {
			note(f, 0, problem.T(problem.TDiffersFromRevision))
			continue
		}
		for _, line := range rowChanges(was, exports[name], maxNotes) {
			note(f, 0, problem.Verbatim(line))
		}
	}
	for i, pg := range pages {
		if i == 3 {
			note("", 0, problem.T(problem.TMorePages, len(pages)-3))
			break
		}
		text, line := problem.T(problem.TDiffers), 0
		if c.Previous != nil && c.Current != nil {
			was, ok1 := c.Previous(pg)
			now, ok2 := c.Current(pg)
			if ok1 && ok2 && Digest(was) == old.Output[pg] {
				if l, w, n := firstLineDiff(was, now); l > 0 {
					line, text = l, problem.T(problem.TWasNow, w, n)
				}
			}
		}
		note(pg, line, text)
	}
	if numbers {
		p.Hint = problem.T(problem.TRecordErratum, e.Year)
	} else {
		p.Hint = problem.T(problem.TRecordRevision)
	}
	return p
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// firstLineDiff finds the first line that differs and gives both versions
// from a little before their first differing character, shortened.
func firstLineDiff(a, b []byte) (line int, was, now string) {
	al, bl := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := range max(len(al), len(bl)) {
		if x, y := []rune(cell(al, i)), []rune(cell(bl, i)); string(x) != string(y) {
			at := 0
			for at < len(x) && at < len(y) && x[at] == y[at] {
				at++
			}
			from := max(at-20, 0)
			return i + 1, excerpt(x, from), excerpt(y, from)
		}
	}
	return 0, "", ""
}

// excerpt gives at most 60 characters of r from from, marked where cut.
func excerpt(r []rune, from int) string {
	s := string(r[min(from, len(r)):min(from+60, len(r))])
	if from > 0 {
		s = "…" + s
	}
	if from+60 < len(r) {
		s += "…"
	}
	return s
}

// Commit writes the revisions to archive, then the lock, each file whole:
// a build killed between them has archived what the next build records.
func Commit(dir string, r Result) error {
	for _, a := range r.Archives {
		if err := a.write(dir); err != nil {
			return err
		}
	}
	if r.Lock == nil {
		return nil
	}
	return writeFile(dir+"/"+LockFile, r.Lock.Bytes())
}
