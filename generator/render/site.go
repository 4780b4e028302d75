package render

import (
	"bytes"
	"fmt"
	"io/fs"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"

	"dutyreport/generator/problem"
	"dutyreport/generator/view"
)

// Emit receives one output file. It must not keep data after it returns:
// the buffer is reused.
type Emit func(path string, data []byte) error

// maxTemplateProblems bounds the template problems of a site: the same
// template error on every page says nothing more.
const maxTemplateProblems = 21

// Site renders every page, export and asset of s, in a fixed order, on the
// calling goroutine: SiteOn with one worker.
func (t *Theme) Site(s *view.Site, emit Emit) (problem.List, error) {
	return t.SiteOn(s, emit, 1)
}

// SiteOn renders every page, export and asset of s with a pool of workers
// (runtime.GOMAXPROCS(0) of them when workers is 0 or less), each calling
// emit as it makes a file. With more than one worker, emit is called from
// several goroutines at once and must be safe for concurrent use, and the
// order of its calls is not fixed; one worker works on the calling
// goroutine, in the fixed order. The files made, and the problems, are the
// same whatever the number of workers.
//
// Template errors are problems (the theme's to fix), in page order; after
// maxTemplateProblems of them no further page is rendered, as a one-worker
// render stops. An error from emit, or from reading an asset, stops the
// workers and is returned as is: of those that happened, the first in the
// fixed order.
func (t *Theme) SiteOn(s *view.Site, emit Emit, workers int) (problem.List, error) {
	_, probs, err := t.SiteReusing(s, emit, workers, nil)
	return probs, err
}

// Reuse lets a render keep the files the last build made from the same
// data: a page whose kind's templates read the same of it (kindReads), an
// export made from the same values, with the same theme, tool and
// options, comes out the same bytes, and is neither rendered nor compared.
type Reuse struct {
	// Salt digests what every file depends on besides the model and the
	// theme: the tool and the build's options.
	Salt []byte
	// Prev gives each file's digest at the last build (what SiteReusing
	// gave then); nil renders every file.
	Prev map[string]Sum
	// Keep is called, in place of emit, for a file whose digest is
	// Prev's: the caller keeps the file the last build wrote. Like emit,
	// it is called from several goroutines at once.
	Keep func(path string) error
}

// SiteReusing renders s as SiteOn does, but for the files r says need
// not be (r nil: every file), and gives the digest of each page and
// export, for the next build's r.Prev. A page whose data holds something
// that cannot be digested gets none, and is always rendered.
func (t *Theme) SiteReusing(s *view.Site, emit Emit, workers int, r *Reuse) (map[string]Sum, problem.List, error) {
	jobs := t.jobs(s)
	var dg *digester
	sums := make([]*Sum, len(jobs))
	if r != nil {
		dg = newDigester()
	}
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = max(1, min(workers, len(jobs)))

	// Each job's outcome goes to its own slot, so that the result does
	// not depend on scheduling. Jobs are taken in the fixed order: when a
	// worker finds maxTemplateProblems failures recorded and skips a page,
	// every page before it was taken, and so the first maxTemplateProblems
	// failures in page order are all known once the workers are done.
	type outcome struct {
		prob *problem.Problem
		err  error
	}
	done := make([]outcome, len(jobs))
	var next atomic.Int64
	var failed atomic.Int32
	var stop atomic.Bool
	work := func() {
		var buf bytes.Buffer
		for !stop.Load() {
			i := int(next.Add(1) - 1)
			if i >= len(jobs) {
				return
			}
			j := &jobs[i]
			if dg != nil && j.digest != nil {
				sum, ok := j.digest(dg, r.Salt)
				if ok {
					sums[i] = &sum
				}
				if prev, had := r.Prev[j.path]; ok && had && prev == sum {
					if err := r.Keep(j.path); err != nil {
						done[i].err = err
						stop.Store(true)
						return
					}
					continue
				}
			}
			var data []byte
			if p := j.page; p != nil {
				if failed.Load() >= maxTemplateProblems {
					continue
				}
				buf.Reset()
				if err := t.Page(&buf, p); err != nil {
					done[i].prob = &problem.Problem{Pos: t.errorAt(p.Kind, err), Code: problem.RenderTemplate,
						Found: fmt.Sprintf("%s: %v", p.Path, err)}
					failed.Add(1)
					continue
				}
				data = buf.Bytes()
			} else {
				var err error
				if data, err = j.file(); err != nil {
					done[i].err = err
					stop.Store(true)
					return
				}
			}
			if err := emit(j.path, data); err != nil {
				done[i].err = err
				stop.Store(true)
				return
			}
		}
	}
	if workers == 1 {
		work()
	} else {
		var wg sync.WaitGroup
		for range workers {
			wg.Go(work)
		}
		wg.Wait()
	}

	var probs problem.List
	for _, o := range done {
		if o.err != nil {
			return nil, probs, o.err
		}
		if o.prob != nil && len(probs) < maxTemplateProblems {
			probs.Add(*o.prob)
		}
	}
	made := map[string]Sum{}
	for i, s := range sums {
		if s != nil {
			made[jobs[i].path] = *s
		}
	}
	return made, probs, nil
}

// job is one file of a site: a page, or a file that file makes; digest,
// when not nil, digests what it is made from (see Reuse).
type job struct {
	path   string
	page   *view.Page
	file   func() ([]byte, error)
	digest func(d *digester, salt []byte) (Sum, bool)
}

// jobs lists every file of s in the fixed order: the pages, each year's
// exports, the theme's assets and the search index.
func (t *Theme) jobs(s *view.Site) []job {
	var out []job
	for _, p := range s.Pages() {
		out = append(out, job{path: p.Path, page: p, digest: func(d *digester, salt []byte) (Sum, bool) {
			return d.page(append(slices.Clip(salt), t.salts[p.Kind]...), p, t.reads[p.Kind])
		}})
	}
	// An export is digested by the values its function is given.
	file := func(p string, f func() []byte, from ...any) {
		out = append(out, job{path: p, file: func() ([]byte, error) { return f(), nil }, digest: func(d *digester, salt []byte) (Sum, bool) {
			return d.values(append(slices.Clip(salt), t.salt...), p, from...)
		}})
	}
	for _, y := range s.Years {
		file(y.CSV, func() []byte { return CSV(y.Export, t) }, y.Export)
		file(y.JSON, func() []byte { return JSON(y.Export) }, y.Export)
		file(y.RankingCSV, func() []byte { return RankingCSV(y, t) }, y)
		file(y.BandsCSV, func() []byte { return BandsCSV(y, s.Bands, t) }, y, s.Bands)
		if y.PersonsCSV != "" {
			file(y.PersonsCSV, func() []byte { return PersonsCSV(y, s.Bands, t) }, y, s.Bands)
		}
		if y.NoticesExport != nil {
			file(y.NoticesCSV, func() []byte { return NoticesCSV(y.NoticesExport, t, s.Internal) }, y.NoticesExport, s.Internal)
			file(y.NoticesJSON, func() []byte { return JSON(y.NoticesExport) }, y.NoticesExport)
		}
	}
	for _, a := range t.assets {
		out = append(out, job{path: a, file: func() ([]byte, error) { return fs.ReadFile(t.fsys, a) }})
	}
	if s.Search != nil {
		file(view.SearchIndexPath, func() []byte { return SearchIndexJS(s.Search) }, s.Search)
	}
	if !s.Internal { // the dashboard is for the office only: no search engine, no feed reader
		var pages []string
		for _, j := range out {
			if j.page != nil {
				pages = append(pages, j.page.Path)
			}
		}
		file(SitemapPath, func() []byte { return Sitemap(s, pages) }, s.BaseURL, pages)
		var notices []*view.Notice
		for _, y := range s.Years {
			notices = append(notices, y.Notices...)
		}
		// Digested by what it shows, the notices, not by every year's view.
		file(FeedPath, func() []byte { return Feed(s, notices, t) }, s.BaseURL, s.Title, s.Lang, s.Footer, notices)
	}
	return out
}

// Page renders one page.
func (t *Theme) Page(buf *bytes.Buffer, p *view.Page) error {
	tmpl, ok := t.pages[p.Kind]
	if !ok {
		return fmt.Errorf("no layout for pages of kind %q", p.Kind)
	}
	start := buf.Len()
	if err := tmpl.ExecuteTemplate(buf, "base", p); err != nil {
		return err
	}
	addCSP(buf, start)
	return nil
}

// execAt finds the layout file, line and column in an error of
// html/template: "template: partials.html:15:3: executing …".
var execAt = regexp.MustCompile(`template: ([^:\s]+\.html):(\d+):(\d+):`)

// errorAt places a template error at the layout it is in, from the layer
// that gives that file (a site's own partials.html, not the page kind's
// built-in layout), or at the page kind's layout when the error says no file.
func (t *Theme) errorAt(kind string, err error) problem.Position {
	m := execAt.FindStringSubmatch(err.Error())
	if m == nil {
		return problem.Position{File: t.where("layouts/" + kind + ".html")}
	}
	line, _ := strconv.Atoi(m[2])
	col, _ := strconv.Atoi(m[3])
	return problem.Position{File: t.where("layouts/" + m[1]), Line: line, Col: col}
}
